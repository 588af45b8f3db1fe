import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { changeDocument, openDocument, ranges, startServer, type Harness } from './helpers';
import { fakePlugin } from './fake-plugin';

const DOCS = 'https://github.com/faultline-dev/faultline/blob/main/docs/rules/require-timeout.md';
const TWO_CALLS = [
  "import axios from 'axios';",
  'export async function load(url: string) {',
  '  await fetch(url);',
  '  return axios.get(url);',
  '}',
  '',
].join('\n');

describe('server: diagnostics', () => {
  let harness: Harness;
  afterEach(() => harness?.server.dispose());

  it('publishes findings on open with exact ranges, code, source, severity and documentation link', async () => {
    harness = startServer();
    const diagnostics = await openDocument(harness, 'file:///work/app/load.ts', TWO_CALLS);
    assert.deepEqual(ranges(diagnostics), ['faultline/require-timeout 2:8-2:13', 'faultline/require-timeout 3:9-3:18']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'faultline');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      assert.deepEqual(diagnostic.codeDescription, { href: DOCS });
    }
    assert.match(String(diagnostics[0]!.message), /^fetch call has no timeout/);
    assert.equal(harness.client.lastFor('file:///work/app/load.ts')?.version, 1);
  });

  it('lints every JavaScript and TypeScript flavour, and nothing else', async () => {
    harness = startServer();
    const js = "export async function f(u) { await fetch(u); }\n";
    for (const [name, languageId] of [['a.js', 'javascript'], ['a.mjs', 'javascript'], ['a.cjs', 'javascript'], ['a.jsx', 'javascriptreact'], ['a.tsx', 'typescriptreact'], ['a.mts', 'typescript'], ['a.cts', 'typescript']] as const) {
      assert.deepEqual(ranges(await openDocument(harness, `file:///work/app/${name}`, js, languageId)), ['faultline/require-timeout 0:35-0:40'], name);
    }
    const jsx = "export function A({ u }) { fetch(u); return <div className=\"x\">{u}</div>; }\n";
    assert.equal((await openDocument(harness, 'file:///work/app/b.jsx', jsx, 'javascriptreact')).length, 1);
    assert.equal((await openDocument(harness, 'file:///work/app/b.tsx', jsx.replace('{ u }', '{ u }: { u: string }'), 'typescriptreact')).length, 1);
    // An unsaved buffer is linted by its language.
    assert.equal((await openDocument(harness, 'untitled:Untitled-1', js, 'typescript')).length, 1);
    harness.server.didOpen({ textDocument: { uri: 'file:///work/app/data.json', languageId: 'json', version: 1, text: '{}' } });
    harness.server.didOpen({ textDocument: { uri: 'file:///work/app/notes.md', languageId: 'markdown', version: 1, text: 'fetch(u)' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(harness.client.published.filter((params) => /\.(json|md)$/.test(params.uri)).length, 0);
  });

  it('debounces typing: a burst of changes is linted once, for the last version', async () => {
    harness = startServer({ init: { debounceMs: 30 } });
    const uri = 'file:///work/app/burst.ts';
    await openDocument(harness, uri, TWO_CALLS);
    const last = harness.client.nextDiagnostics(uri);
    for (let version = 2; version <= 6; version++) {
      harness.server.didChange({ textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '\n' }] });
    }
    assert.equal((await last).version, 6);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(harness.client.published.filter((params) => params.uri === uri).map((params) => params.version), [1, 6]);
  });

  it('follows incremental edits: fixing a call removes its diagnostic', async () => {
    harness = startServer();
    const uri = 'file:///work/app/edit.ts';
    await openDocument(harness, uri, TWO_CALLS);
    const next = harness.client.nextDiagnostics(uri);
    // `fetch(url)` → `fetch(url, { signal: AbortSignal.timeout(5000) })`
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } }, text: ', { signal: AbortSignal.timeout(5000) }' }] });
    assert.deepEqual(ranges((await next).diagnostics), ['faultline/require-timeout 3:9-3:18']);
  });

  it('a syntax error mid-typing throws nothing and leaves no stale diagnostics; they return once it parses', async () => {
    harness = startServer();
    const uri = 'file:///work/app/typing.ts';
    assert.equal((await openDocument(harness, uri, TWO_CALLS)).length, 2);
    const broken = TWO_CALLS.replace('await fetch(url);', 'await fetch(url, {');
    assert.deepEqual(await changeDocument(harness, uri, broken, 2), []);
    assert.deepEqual(await changeDocument(harness, uri, TWO_CALLS.replace('return axios.get(url);', 'return axios.get(url, { timeout: 1'), 3), []);
    assert.deepEqual(harness.client.errors, []);
    assert.equal((await changeDocument(harness, uri, TWO_CALLS, 4)).length, 2);
  });

  it('clears diagnostics on close and ignores later changes to the closed document', async () => {
    harness = startServer();
    const uri = 'file:///work/app/close.ts';
    await openDocument(harness, uri, TWO_CALLS);
    harness.server.didClose({ textDocument: { uri } });
    assert.deepEqual(harness.client.lastFor(uri), { uri, diagnostics: [] });
    harness.server.didChange({ textDocument: { uri, version: 9 }, contentChanges: [{ text: 'fetch(x)' }] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(harness.client.lastFor(uri), { uri, diagnostics: [] });
  });

  it('respects eslint-disable comments and shows only faultline findings when inline config enables other rules', async () => {
    harness = startServer();
    const text = '/* eslint no-console: "error", eqeqeq: "error" */\nconsole.log(1 == 2);\n// eslint-disable-next-line faultline/require-timeout\nfetch("a");\nfetch("b");\n';
    assert.deepEqual(ranges(await openDocument(harness, 'file:///work/app/disabled.ts', text)), ['faultline/require-timeout 4:0-4:5']);
  });

  it('converts positions after a BOM and with CRLF line ends', async () => {
    harness = startServer();
    const text = '\uFEFFfetch("a");\r\nexport const b = () => fetch("b");\r\n';
    assert.deepEqual(ranges(await openDocument(harness, 'file:///work/app/bom.ts', text)), ['faultline/require-timeout 0:1-0:6', 'faultline/require-timeout 1:23-1:28']);
  });

  it('pull mode: nothing is pushed, the report is computed for the current version on request', async () => {
    harness = startServer({ pull: true });
    const uri = 'file:///work/app/pull.ts';
    harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: TWO_CALLS } });
    const first = await harness.server.pullDiagnostics({ textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(ranges(first.kind === 'full' ? first.items : []), ['faultline/require-timeout 2:8-2:13', 'faultline/require-timeout 3:9-3:18']);
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: 'export {};\n' }] });
    const second = await harness.server.pullDiagnostics({ textDocument: { uri } });
    assert.deepEqual(second.kind === 'full' ? second.items : undefined, []);
    assert.deepEqual(harness.client.published, []);
    const unknown = await harness.server.pullDiagnostics({ textDocument: { uri: 'file:///work/app/never-opened.ts' } });
    assert.deepEqual(unknown, { kind: 'full', items: [] });
  });

  it('carries related locations from reports with data.relatedLocations, when the client supports them', async () => {
    harness = startServer({ plugin: fakePlugin });
    const uri = 'file:///work/app/related.ts';
    const text = 'declare function retry(f: () => void): void;\nretry(() => {\n  charge();\n});\n';
    const [diagnostic] = await openDocument(harness, uri, text);
    assert.equal(diagnostic?.code, 'faultline/related-demo');
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic?.relatedInformation, [{ location: { uri, range: { start: { line: 1, character: 6 }, end: { line: 3, character: 1 } } }, message: 'retried here' }]);
  });
});
