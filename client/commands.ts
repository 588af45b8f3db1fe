import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The code action kind the server offers for "fix all Faultline problems in this file". */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('faultline');

/*
 * No client-side command for "Show documentation": the server lists its commands (faultline.showDocumentation,
 * faultline.applyFixAll) in `executeCommandProvider`, the client library registers and forwards them, and the
 * server answers with `window/showDocument { external: true }`, which the library opens with
 * vscode.env.openExternal. Registering the same names here would make VS Code refuse the duplicates.
 */

export function registerCommands(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  output: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('faultline.restartServer', async () => {
      const client = getClient();
      if (!client) return;
      output.info('Restarting the Faultline server on request');
      // restart() only works on a running client; after a failed start, start() is the restart.
      await (client.isRunning() ? client.restart() : client.start());
    }),
    vscode.commands.registerCommand('faultline.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('faultline.fixAll', () => fixAll(vscode.window.activeTextEditor)),
  );
}

/** Applies the server's `source.fixAll.faultline` action to the whole of the editor's document. */
async function fixAll(editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor) return;
  const document = editor.document;
  const wholeDocument = new vscode.Range(0, 0, document.lineCount, 0);
  // The last argument asks VS Code to resolve the first action, for servers that compute edits lazily.
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wholeDocument,
      FIX_ALL_KIND.value,
      1,
    )) ?? [];
  const fix = actions.find((action) => action.kind && FIX_ALL_KIND.contains(action.kind));
  if (!fix) {
    void vscode.window.setStatusBarMessage('Faultline: nothing to fix in this file', 3000);
    return;
  }
  if (fix.edit) await vscode.workspace.applyEdit(fix.edit);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
}
