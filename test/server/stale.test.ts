import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { actionsAt, openDocument, startServer } from './helpers';
import { fakePlugin } from './fake-plugin';

const FIX_ALL = 'source.fixAll.faultline';
const TEXT = 'var a = 1;\nvar b = 2;\n';

describe('server: stale versions', () => {
  it('a fix-all resolved after the document changed carries no edit', async () => {
    const harness = startServer({ plugin: fakePlugin, resolve: true });
    const server = harness.server;
    const uri = 'file:///work/stale-resolve.ts';
    await openDocument(harness, uri, TEXT);
    const [fixAll] = await server.codeAction({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL] } });
    assert.ok(fixAll);
    server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: `${TEXT}var c = 3;\n` }] });
    const resolved = await server.resolveCodeAction(fixAll);
    assert.equal(resolved.edit, undefined);
    server.dispose();
  });

  it('the fix-all command with an old version applies nothing; with the current one it applies', async () => {
    const harness = startServer({ plugin: fakePlugin });
    const uri = 'file:///work/stale-command.ts';
    await openDocument(harness, uri, TEXT);
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT }] });
    await harness.server.executeCommand({ command: 'faultline.applyFixAll', arguments: [{ uri, version: 1 }] });
    assert.deepEqual(harness.client.applied, []);
    await harness.server.executeCommand({ command: 'faultline.applyFixAll', arguments: [{ uri, version: 2 }] });
    assert.equal(harness.client.applied.length, 1);
    harness.server.dispose();
  });

  it('a diagnostic from before an edit that moved it gets no actions; edits always name the current version', async () => {
    const harness = startServer();
    const uri = 'file:///work/stale-actions.ts';
    const [old] = await openDocument(harness, uri, 'fetch("a");\n');
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }] });
    assert.deepEqual(await actionsAt(harness, uri, old!), []);
    const [moved] = (await harness.server.validate(uri))!.records.map((record) => record.diagnostic);
    const [suggestion] = await actionsAt(harness, uri, moved!);
    assert.deepEqual(suggestion?.edit?.documentChanges?.map((change) => 'textDocument' in change && change.textDocument.version), [2]);
    harness.server.dispose();
  });

  it('a run whose document changed while its settings were fetched is dropped; only the latest version publishes', async () => {
    const harness = startServer();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    harness.client.getConfiguration = async (scopeUri: string) => {
      harness.client.configurationRequests.push(scopeUri);
      await gate;
      return {};
    };
    const uri = 'file:///work/stale-settings.ts';
    const next = harness.client.nextDiagnostics(uri);
    harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: 'fetch("a");\n' } });
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: 'fetch("a");\nfetch("b");\n' }] });
    release();
    const published = await next;
    assert.equal(published.version, 2);
    assert.equal(published.diagnostics.length, 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(harness.client.published.map((params) => params.version), [2]);
    harness.server.dispose();
  });

  it('a pull request cancelled by the client is answered with ServerCancelled (retrigger)', async () => {
    const harness = startServer({ pull: true });
    const uri = 'file:///work/stale-pull.ts';
    harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: 'fetch("a");\n' } });
    const source = new CancellationTokenSource();
    source.cancel();
    await assert.rejects(harness.server.pullDiagnostics({ textDocument: { uri } }, source.token), (error: { code?: number; data?: unknown }) => error.code === -32802 && JSON.stringify(error.data) === '{"retriggerRequest":true}');
    harness.server.dispose();
  });
});
