import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, InitializeResult, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ensurePackaged } from '../editors/support';
import { applyEdit, capabilities } from './helpers';

/**
 * End to end over real transports: the built server and the client engineer's bundle (built first) in a child
 * process, spoken to in JSON-RPC as an editor would. Only loopback pipes; no timing assertions.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const TEXT = "import axios from 'axios';\nexport const save = (order: unknown) => axios.post('/orders', order);\n";
const URI = 'file:///work/e2e/save.ts';

interface Session {
  child: ChildProcess;
  connection: MessageConnection;
  diagnostics: PublishDiagnosticsParams[];
  stderr: string[];
}

function attach(child: ChildProcess, connection: MessageConnection): Session {
  const session: Session = { child, connection, diagnostics: [], stderr: [] };
  child.stderr?.on('data', (chunk: Buffer) => session.stderr.push(chunk.toString()));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    session.diagnostics.push(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  // workspace/configuration: one answer per requested item.
  connection.onRequest('workspace/configuration', (params: unknown) => (params as { items: unknown[] }).items.map(() => ({ timeoutMs: 4000 })));
  connection.listen();
  return session;
}

function overStdio(command: string, args: string[]): Session {
  const child = spawn(process.execPath, [command, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  return attach(child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
}

function overIpc(command: string): Session {
  const child = fork(command, ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return attach(child, createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
}

async function until<T>(probe: () => T | undefined, what: string, session: Session): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; stderr: ${session.stderr.join('')}`);
}

async function shutDown(session: Session): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => session.child.once('exit', (code) => resolve(code)));
  await session.connection.sendRequest('shutdown');
  await session.connection.sendNotification('exit');
  const code = await exited;
  session.connection.dispose();
  return code;
}

async function initialize(session: Session, pull: boolean): Promise<InitializeResult> {
  const result = await session.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: capabilities({ pull }), initializationOptions: { typed: false } });
  await session.connection.sendNotification('initialized', {});
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'typescript', version: 1, text: TEXT } });
  return result;
}

/** Push client: diagnostics arrive, the suggestion applies, the fixed text has no finding, shutdown exits 0. */
async function pushScenario(session: Session): Promise<void> {
  const result = await initialize(session, false);
  assert.equal(result.serverInfo?.name, 'faultline');
  assert.equal(result.capabilities.diagnosticProvider, undefined);
  const first = await until(() => session.diagnostics.find((params) => params.uri === URI && params.version === 1), 'diagnostics', session);
  const timeout = first.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'faultline/require-timeout');
  assert.deepEqual(timeout.map((diagnostic) => diagnostic.range), [{ start: { line: 1, character: 40 }, end: { line: 1, character: 50 } }]);
  const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: timeout[0]!.range, context: { diagnostics: timeout } });
  assert.equal(actions[0]?.title, 'Add a 4 s timeout');
  assert.deepEqual((actions[0]?.edit?.documentChanges?.[0] as TextDocumentEdit).textDocument, { uri: URI, version: 1 });
  const fixed = applyEdit(TEXT, actions[0]!.edit);
  assert.equal(fixed.split('\n')[1], "export const save = (order: unknown) => axios.post('/orders', order, { timeout: 4000 });");
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
  const second = await until(() => session.diagnostics.find((params) => params.uri === URI && params.version === 2), 'diagnostics after the fix', session);
  assert.deepEqual(second.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'faultline/require-timeout'), []);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  await until(() => (session.diagnostics.at(-1)?.diagnostics.length === 0 && session.diagnostics.at(-1)?.version === undefined ? true : undefined), 'cleared diagnostics', session);
  assert.equal(await shutDown(session), 0);
}

// The bundle is what the .vsix ships; it is built before these run (a clean clone has no dist/ yet), so
// that CI exercises it here too and not only through the editors.
const entries: Array<[string, string]> = [
  ['out/server/main.js', path.join(ROOT, 'out', 'server', 'main.js')],
  ['dist/server.js (bundle)', path.join(ROOT, 'dist', 'server.js')],
];

describe('server: end to end over JSON-RPC', () => {
  before(function () {
    this.timeout(300_000);
    ensurePackaged();
  });

  for (const [name, entry] of entries) {
    it(`${name} --stdio: diagnostics, quick fix, clear on close, clean exit`, async () => {
      await pushScenario(overStdio(entry, ['--stdio']));
    });

    it(`${name} --node-ipc (VS Code's transport)`, async () => {
      await pushScenario(overIpc(entry));
    });

    it(`${name} --stdio with a pull-diagnostics client`, async () => {
      const session = overStdio(entry, ['--stdio']);
      const result = await initialize(session, true);
      assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'faultline', interFileDependencies: false, workspaceDiagnostics: false });
      const report = await session.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(report.kind, 'full');
      assert.ok(report.kind === 'full' && report.items.some((item) => item.code === 'faultline/require-timeout'));
      assert.deepEqual(session.diagnostics, []);
      assert.equal(await shutDown(session), 0);
    });
  }

  it('bin/faultline-lsp.js serves on stdio when no transport is named', async () => {
    await pushScenario(overStdio(path.join(ROOT, 'bin', 'faultline-lsp.js'), []));
  });

  it('main.js without a transport prints its usage and exits 2', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'out', 'server', 'main.js')], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /Usage: faultline-lsp --stdio \| --node-ipc/);
  });
});
