import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, onlyRule, openDocument, ranges, startServer, tempDir, type Harness } from './helpers';

/**
 * Type information changes a verdict here: `strict` reports a call whose options Faultline can't see, unless the
 * options' declared type has a required `signal`. Only the typed path can read `Opts` from another file.
 */
const OPTS = 'export interface Opts { signal: AbortSignal }\n';
const LOAD = "import type { Opts } from './opts';\nexport const load = (url: string, opts: Opts) => fetch(url, opts);\n";

function project(): string {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', lib: ['ES2022', 'DOM'], types: [], noEmit: true }, include: ['src/**/*.ts'] }));
  fs.writeFileSync(path.join(root, 'src', 'opts.ts'), OPTS);
  fs.writeFileSync(path.join(root, 'src', 'load.ts'), LOAD);
  fs.writeFileSync(path.join(root, 'outside.ts'), LOAD.replace('./opts', './src/opts'));
  return root;
}

describe('server: typed linting', () => {
  let root: string;
  /** One typed server for the whole suite: building a program (lib.dom.d.ts…) is the slow part, once is enough. */
  let typed: Harness;
  let harness: Harness;
  before(() => {
    root = project();
    typed = startServer({ root, init: { typed: true } });
    typed.client.settings = onlyRule(typed, 'require-timeout', { preset: 'strict' });
  });
  after(() => {
    typed.server.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    if (harness !== typed) harness.server.dispose();
  });

  it('with the nearest tsconfig, the declared type settles what syntax cannot', async () => {
    harness = typed;
    const uri = fileUri(path.join(root, 'src', 'load.ts'));
    assert.deepEqual(await openDocument(harness, uri, LOAD), []);
    assert.equal((await harness.server.validate(uri))?.typed, true);
    assert.ok(harness.client.logs.some((line) => /Type information from TypeScript \d+\.\d+\.\d+ \(bundled\)/.test(line)));
  });

  it('untyped, the same call is unverifiable and strict reports it', async () => {
    harness = startServer({ root, init: { typed: false } });
    harness.client.settings = onlyRule(harness, 'require-timeout', { preset: 'strict' });
    const uri = fileUri(path.join(root, 'src', 'load.ts'));
    assert.deepEqual(ranges(await openDocument(harness, uri, LOAD)), ['faultline/require-timeout 1:49-1:54']);
    assert.equal((await harness.server.validate(uri))?.typed, false);
  });

  it('unsaved text of another open document is laid over the disk', async () => {
    harness = typed;
    const load = fileUri(path.join(root, 'src', 'load.ts'));
    const opts = fileUri(path.join(root, 'src', 'opts.ts'));
    assert.deepEqual(await openDocument(harness, load, LOAD), []);
    await openDocument(harness, opts, OPTS);
    harness.server.didChange({ textDocument: { uri: opts, version: 2 }, contentChanges: [{ text: 'export interface Opts { signal?: AbortSignal }\n' }] });
    const result = await harness.server.validate(load, true);
    assert.deepEqual(ranges(result!.records.map((record) => record.diagnostic)), ['faultline/require-timeout 1:49-1:54']);
    // The edit was never saved: closing the other document restores the disk's verdict.
    harness.server.didClose({ textDocument: { uri: opts } });
    assert.deepEqual((await harness.server.validate(load, true))!.records, []);
  });

  it('a typed edit of the document itself is seen at once (incremental program update)', async () => {
    harness = typed;
    const uri = fileUri(path.join(root, 'src', 'load.ts'));
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: LOAD }] });
    assert.deepEqual((await harness.server.validate(uri))?.records, []);
    const next = harness.client.nextDiagnostics(uri);
    harness.server.didChange({ textDocument: { uri, version: 3 }, contentChanges: [{ text: `${LOAD}export const ping = () => fetch('/ping');\n` }] });
    const published = await next;
    assert.deepEqual(ranges(published.diagnostics), ['faultline/require-timeout 2:26-2:31']);
    assert.equal((await harness.server.validate(uri))?.typed, true);
  });

  it('a file no tsconfig includes, and a directory without any tsconfig, are linted untyped', async () => {
    harness = typed;
    const outside = fileUri(path.join(root, 'outside.ts'));
    await openDocument(harness, outside, fs.readFileSync(path.join(root, 'outside.ts'), 'utf8'));
    assert.equal((await harness.server.validate(outside))?.typed, false);
    const bare = tempDir();
    const uri = fileUri(path.join(bare, 'x.ts'));
    assert.equal((await openDocument(harness, uri, 'fetch("a");\n')).length, 1);
    assert.equal((await harness.server.validate(uri))?.typed, false);
    fs.rmSync(bare, { recursive: true, force: true });
  });

  it('a broken tsconfig is reported in the output, and linting goes on', async () => {
    const broken = tempDir();
    fs.writeFileSync(path.join(broken, 'tsconfig.json'), '{ "compilerOptions": { "strict": tru');
    harness = startServer({ root: broken, init: { typed: true } });
    const uri = fileUri(path.join(broken, 'a.ts'));
    assert.equal((await openDocument(harness, uri, 'fetch("a");\n')).length, 1);
    assert.deepEqual(harness.client.errors, []);
    assert.ok(harness.client.logs.some((line) => line.startsWith(path.join(broken, 'tsconfig.json'))), harness.client.logs.join('\n'));
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
