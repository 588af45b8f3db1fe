#!/usr/bin/env node
'use strict';
// Any LSP client: `faultline-lsp --stdio`. Stdio is the default when no transport is named.
const transports = ['--stdio', '--node-ipc'];
if (!process.argv.slice(2).some((arg) => transports.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe=') || arg === '--version')) {
  process.argv.push('--stdio');
}
require('../out/server/main.js');
