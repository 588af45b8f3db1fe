import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** How long a restart waits for the old server to answer `shutdown` before it is terminated. */
const STOP_TIMEOUT_MS = 10_000;

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
      await restartServer(client, output);
    }),
    vscode.commands.registerCommand('faultline.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('faultline.fixAll', () => fixAll(vscode.window.activeTextEditor)),
  );
}

/**
 * Stops the server if it runs, then starts it. Not `client.restart()`: that gives the server 2 s to answer
 * `shutdown` and, when this times out (a busy machine, a wedged server), throws before starting a new one,
 * leaving no server at all. A timed-out stop still terminates the old process, so start regardless.
 * After a failed start, start() alone is the restart.
 */
export async function restartServer(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  if (client.isRunning()) {
    try {
      await client.stop(STOP_TIMEOUT_MS);
    } catch (error) {
      output.warn(`The old server did not shut down cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await client.start();
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
