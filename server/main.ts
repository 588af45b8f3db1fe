// The entry point (and the esbuild bundle's entry, dist/server.js). Its flags are a contract with the clients:
// `--stdio` (Neovim, Emacs, any LSP client) and `--node-ipc` (VS Code); vscode-languageserver reads them
// (and `--socket=<port>`, `--pipe=<name>`) from process.argv. The server's modules (ESLint, the parser,
// TypeScript) are loaded only once a transport is named, so `--version` and the usage message answer at once.
const TRANSPORTS = ['--stdio', '--node-ipc'];
const argv = process.argv.slice(2);

if (argv.includes('--version')) {
  process.stdout.write(`${(require('./plugin') as typeof import('./plugin')).pluginVersion()}\n`);
} else if (argv.some((arg) => TRANSPORTS.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { listen } = require('./connection') as typeof import('./connection');
  listen(createConnection(ProposedFeatures.all));
} else {
  process.stderr.write('Usage: faultline-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n');
  process.exitCode = 2;
}
