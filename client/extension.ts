import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands, restartServer } from './commands';

/** The languages the server lints; `activationEvents` in package.json lists the same four. */
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/**
 * After this many crashes within three minutes the client's default error handler stops restarting the
 * server and says so, rather than looping on a server that dies on every start.
 */
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A log channel gives the server's `connection.console` lines levels and timestamps.
  const output = vscode.window.createOutputChannel('Faultline', { log: true });
  context.subscriptions.push(output);

  // The server is bundled by `npm run package`; the client never imports it (or the rules) directly.
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const clientOptions: LanguageClientOptions = {
    // Saved files and unsaved (untitled) buffers alike: the server lints text, not files on disk.
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The server pulls `faultline.*` per document with workspace/configuration; this only tells it when
    // the section changed so it can drop its cached settings and re-lint.
    synchronize: { configurationSection: 'faultline' },
    outputChannel: output,
    connectionOptions: { maxRestartCount: MAX_RESTARTS },
    // Evaluated at every (re)start. Loading the workspace's own TypeScript runs workspace code, so the server
    // does it only in a trusted workspace; otherwise it uses the TypeScript shipped in the .vsix.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };

  client = new LanguageClient('faultline', 'Faultline', serverOptions, clientOptions);
  registerCommands(context, () => client, output);
  // Trust is only ever granted during a session, never withdrawn; a restart lets the server switch to the
  // workspace's TypeScript.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void restartServer(client, output);
    }),
  );
  try {
    await client.start();
  } catch (error) {
    // Activation still succeeds, so "Faultline: Restart Server" and "Show Output" remain usable.
    output.error(`The Faultline server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
