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

  it('a change on disk to a file that is not open (watched-file event) re-lints the open documents', async () => {
    harness = typed;
    const load = fileUri(path.join(root, 'src', 'load.ts'));
    const optsFile = path.join(root, 'src', 'opts.ts');
    await openDocument(harness, load, LOAD);
    assert.deepEqual((await harness.server.validate(load))?.records, []);
    try {
      fs.writeFileSync(optsFile, 'export interface Opts { signal?: AbortSignal }\n');
      const next = harness.client.nextDiagnostics(load);
      harness.server.didChangeWatchedFiles({ changes: [{ uri: fileUri(optsFile), type: 2 }] });
      assert.deepEqual(ranges((await next).diagnostics), ['faultline/require-timeout 1:49-1:54']);
    } finally {
      fs.writeFileSync(optsFile, OPTS);
      harness.server.didChangeWatchedFiles({ changes: [{ uri: fileUri(optsFile), type: 2 }] });
    }
    assert.deepEqual(await harness.client.nextDiagnostics(load).then((params) => params.diagnostics), []);
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

  it('a document whose typed runs keep exceeding the budget is linted untyped until reopened', async () => {
    harness = startServer({ root, init: { typed: true, typedBudgetMs: 0.001 } });
    const uri = fileUri(path.join(root, 'src', 'load.ts'));
    await openDocument(harness, uri, LOAD);
    const typedFlags: boolean[] = [];
    for (let version = 2; version <= 5; version++) {
      harness.server.didChange({ textDocument: { uri, version }, contentChanges: [{ text: `${LOAD}// ${version}\n` }] });
      typedFlags.push((await harness.server.validate(uri))!.typed);
    }
    // The first run built the program and doesn't count; three slow runs later, the fourth is untyped.
    assert.deepEqual(typedFlags, [true, true, true, false]);
    assert.ok(harness.client.logs.some((line) => /3 typed runs in a row took over 0.001 ms .* without type information until it is reopened/.test(line)));
    harness.server.didClose({ textDocument: { uri } });
    await openDocument(harness, uri, LOAD);
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

  describe('workspace code is never run unless the workspace is trusted', () => {
    /** A workspace whose eslint.config.js and typescript would leave a mark on globalThis if anything loaded them. */
    function hostileWorkspace(version: string): string {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'eslint.config.js'), 'globalThis.__faultlineLoaded = (globalThis.__faultlineLoaded || []).concat("eslint.config.js"); module.exports = [];\n');
      fs.mkdirSync(path.join(dir, 'node_modules', 'typescript'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'typescript', 'package.json'), JSON.stringify({ name: 'typescript', version, main: 'index.js' }));
      fs.writeFileSync(path.join(dir, 'node_modules', 'typescript', 'index.js'), `globalThis.__faultlineLoaded = (globalThis.__faultlineLoaded || []).concat("typescript"); module.exports = { version: ${JSON.stringify(version)} };\n`);
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{}');
      return dir;
    }
    const loaded = (): string[] => ((globalThis as { __faultlineLoaded?: string[] }).__faultlineLoaded ?? []);
    afterEach(() => {
      delete (globalThis as { __faultlineLoaded?: string[] }).__faultlineLoaded;
    });

    it('untrusted: neither eslint.config.js nor the workspace TypeScript is loaded', async () => {
      const dir = hostileWorkspace('5.9.3');
      harness = startServer({ root: dir, init: { typed: true } });
      assert.equal((await openDocument(harness, fileUri(path.join(dir, 'a.ts')), 'fetch("a");\n')).length > 0, true);
      assert.deepEqual(loaded(), []);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('trusted, but another TypeScript version than the parser\'s: ours builds the programs, and the log says why', async () => {
      const dir = hostileWorkspace('4.1.0');
      harness = startServer({ root: dir, init: { typed: true, workspaceTrusted: true } });
      assert.deepEqual(loaded(), ['typescript']);
      assert.ok(harness.client.logs.some((line) => /workspace's TypeScript 4\.1\.0 differs from the parser's/.test(line)), harness.client.logs.join('\n'));
      assert.ok(harness.client.logs.some((line) => /\(bundled\)/.test(line)));
      assert.equal((await openDocument(harness, fileUri(path.join(dir, 'a.ts')), 'fetch("a");\n')).length > 0, true);
      assert.ok(!loaded().includes('eslint.config.js'));
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
