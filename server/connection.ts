import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver/node';
import { FaultlineServer } from './server';

/**
 * Binds a vscode-languageserver connection to a FaultlineServer: wiring only, no behaviour (the class has it),
 * so the same server runs over stdio, Node IPC, or in-process in tests.
 */
export function listen(connection: Connection): FaultlineServer {
  const server = new FaultlineServer({
    getConfiguration: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'faultline' }),
    publishDiagnostics: (params) => void connection.sendDiagnostics(params),
    refreshDiagnostics: () => connection.languages.diagnostics.refresh(),
    applyEdit: async (edit, label) => (await connection.workspace.applyEdit({ label, edit })).applied,
    showDocument: async (params) => (await connection.window.showDocument(params)).success,
    log: (message) => connection.console.log(message),
    error: (message) => connection.console.error(message),
  });

  let registerConfiguration = false;
  let registerWatchers = false;
  connection.onInitialize((params) => {
    registerConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return server.initialize(params);
  });
  connection.onInitialized(() => {
    if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'faultline' });
    // tsconfig changes rebuild projects; source changes on disk (a checkout) refresh type information.
    if (registerWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/tsconfig*.json' }, { globPattern: '**/*.{ts,tsx,mts,cts}' }],
      });
    }
  });
  connection.onDidOpenTextDocument((params) => server.didOpen(params));
  connection.onDidChangeTextDocument((params) => server.didChange(params));
  connection.onDidSaveTextDocument((params) => server.didSave(params));
  connection.onDidCloseTextDocument((params) => server.didClose(params));
  connection.onDidChangeConfiguration((params) => server.didChangeConfiguration(params));
  connection.onDidChangeWatchedFiles((params) => server.didChangeWatchedFiles(params));
  connection.languages.diagnostics.on((params, token) => server.pullDiagnostics(params, token));
  connection.onCodeAction((params) => server.codeAction(params));
  connection.onCodeActionResolve((action) => server.resolveCodeAction(action));
  connection.onExecuteCommand((params) => server.executeCommand(params));
  connection.onShutdown(() => server.dispose());
  connection.listen();
  return server;
}
