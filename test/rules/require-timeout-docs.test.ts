/**
 * docs/rules/require-timeout.md stays true: every ❌ example is reported by the rule, every ✅ example
 * is not, and the "Library defaults" table matches rules/knowledge/clients.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import rule from '../../rules/require-timeout';
import { DOC_FILE, withDefaultsTable } from '../../scripts/client-defaults';

const doc = fs.readFileSync(DOC_FILE, 'utf8');
const linter = new Linter({ configType: 'flat', cwd: path.dirname(DOC_FILE) });
const plugin = { rules: { 'require-timeout': rule } } as unknown as NonNullable<Linter.Config['plugins']>[string];

function reports(code: string): Linter.LintMessage[] {
  return linter.verify(code, [{
    files: ['**/*.ts'],
    languageOptions: { parser },
    plugins: { faultline: plugin },
    rules: { 'faultline/require-timeout': 'warn' },
  }], { filename: path.join(path.dirname(DOC_FILE), 'example.ts') });
}

describe('require-timeout docs', () => {
  it('renders the library defaults table from the knowledge table', () => {
    assert.equal(withDefaultsTable(doc), doc, 'run node out/scripts/client-defaults.js');
  });

  const examples = [...doc.matchAll(/(❌ Incorrect|✅ Correct)\n\n```ts\n([\s\S]*?)```/g)];
  it('has examples', () => assert.ok(examples.length >= 10));
  for (const [, verdict, code] of examples) {
    const firstLine = code!.split('\n').find((line) => line && !line.startsWith('import') && !line.startsWith('//'));
    it(`${verdict}: ${firstLine}`, () => {
      const messages = reports(code!);
      assert.equal(messages.find((message) => message.fatal), undefined);
      if (verdict === '✅ Correct') assert.deepEqual(messages.map((message) => message.message), []);
      else assert.ok(messages.length > 0, 'the ❌ example is not reported');
    });
  }
});
