import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { actionsAt, applyEdit, fileUri, startServer, type Harness } from './helpers';

/**
 * The server against the real rules, on the example project the demo lints: the editor must show exactly what the
 * CLI prints (untyped and typed), and every quick fix the rules offer must leave code that parses and loses that
 * finding. Other engineers keep adding rules; these tests follow whatever the plugin exports.
 */
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const SOURCES = fs.readdirSync(path.join(EXAMPLES, 'src')).filter((name) => name.endsWith('.ts')).sort();

function key(file: string, message: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }): string {
  return `${file} ${String(message.ruleId)} ${message.line}:${message.column}-${String(message.endLine)}:${String(message.endColumn)}`;
}

async function cliFindings(): Promise<string[]> {
  const eslint = new ESLint({ cwd: EXAMPLES, overrideConfigFile: path.join(EXAMPLES, 'eslint.config.mjs') });
  const results = await eslint.lintFiles(SOURCES.map((name) => path.join('src', name)));
  return results.flatMap((result) => result.messages.map((message) => key(path.basename(result.filePath), message))).sort();
}

async function serverFindings(harness: Harness, typed: boolean): Promise<string[]> {
  const found: string[] = [];
  for (const name of SOURCES) {
    const file = path.join(EXAMPLES, 'src', name);
    const uri = fileUri(file);
    harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } });
    const result = await harness.server.validate(uri);
    assert.equal(result?.typed, typed, `${name} typed`);
    for (const record of result!.records) found.push(key(name, record.message));
  }
  return found.sort();
}

describe('server: the real rules on examples/', () => {
  let cli: string[];
  before(async () => {
    cli = await cliFindings();
    assert.ok(cli.length > 0, 'the examples have findings');
  });

  for (const typed of [false, true]) {
    it(`shows exactly the findings the CLI prints (${typed ? 'typed, examples/tsconfig.json' : 'untyped'})`, async () => {
      const harness = startServer({ root: EXAMPLES, init: { typed } });
      try {
        assert.deepEqual(await serverFindings(harness, typed), cli);
      } finally {
        harness.server.dispose();
      }
    });
  }

  it('every suggestion and disable comment leaves code that parses and loses that finding', async () => {
    const harness = startServer({ root: EXAMPLES });
    try {
      let checked = 0;
      for (const name of SOURCES) {
        const text = fs.readFileSync(path.join(EXAMPLES, 'src', name), 'utf8');
        const uri = fileUri(path.join(EXAMPLES, 'src', name));
        harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const records = (await harness.server.validate(uri))!.records;
        for (const record of records) {
          const actions = await actionsAt(harness, uri, record.diagnostic);
          const edits = actions.filter((action) => action.edit !== undefined);
          for (const action of edits) {
            const fixed = applyEdit(text, action.edit);
            const probe = `${uri.replace(/\.ts$/, '')}-probe-${checked}.ts`;
            harness.server.didOpen({ textDocument: { uri: probe, languageId: 'typescript', version: 1, text: fixed } });
            const after = (await harness.server.validate(probe))!;
            harness.server.didClose({ textDocument: { uri: probe } });
            assert.equal(after.parseError, false, `${name}: "${action.title}" at ${record.diagnostic.range.start.line + 1} does not parse:\n${fixed}`);
            const before = records.filter((other) => other.ruleId === record.ruleId).length;
            const remaining = after.records.filter((other) => other.ruleId === record.ruleId).length;
            assert.ok(remaining < before, `${name}: "${action.title}" (${record.ruleId} at line ${record.diagnostic.range.start.line + 1}) left ${remaining} of ${before} findings`);
            checked++;
          }
        }
      }
      assert.ok(checked > 0);
    } finally {
      harness.server.dispose();
    }
  });

  it('mid-typing states of the examples (a line deleted, the text cut short) never make a rule or the server throw', async () => {
    const harness = startServer();
    harness.client.settings = { preset: 'strict' };
    try {
      let parsed = 0;
      for (const name of SOURCES) {
        const text = fs.readFileSync(path.join(EXAMPLES, 'src', name), 'utf8');
        const uri = fileUri(path.join(EXAMPLES, 'src', `typing-${name}`));
        harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const lines = text.split('\n');
        const variants = lines.filter((_, index) => index % 3 === 0).map((_, index) => lines.filter((__, other) => other !== index * 3).join('\n'));
        for (let cut = 0; cut < text.length; cut += 61) variants.push(text.slice(0, cut));
        let version = 1;
        for (const variant of variants) {
          harness.server.didChange({ textDocument: { uri, version: ++version }, contentChanges: [{ text: variant }] });
          const result = await harness.server.validate(uri);
          if (!result!.parseError) parsed++;
          else assert.deepEqual(result!.records, [], 'no findings from a text that does not parse');
        }
      }
      assert.ok(parsed > 0);
      assert.deepEqual(harness.client.errors, []);
    } finally {
      harness.server.dispose();
    }
  });
});
