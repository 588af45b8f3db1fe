import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { CORPUS_ROOTS, corpusFiles, linterConfig, lintFile, sample, type ConfigName } from './corpus';

/**
 * Real code the rules were not written against must never make them throw. A deterministic sample of each
 * installed package (spread evenly over its sorted file list, files up to 150 KB) is linted under both configs;
 * `npm run bench:robustness` sweeps every file, however large.
 */
const PER_ROOT = 50;
const MAX_BYTES = 150_000;

describe('robustness: the harness', () => {
  it('reports a rule that throws as a crash, naming the rule', () => {
    const throwing = { rules: { boom: { create: () => ({ Program: () => { throw new Error('kaboom'); } }) } } };
    const config = linterConfig({ plugins: { probe: throwing }, rules: { 'probe/boom': 'error' } });
    const file = corpusFiles('eslint/lib')[0];
    assert.ok(file);
    assert.match(lintFile(new Linter({ configType: 'flat' }), config, file).crash ?? '', /kaboom[\s\S]*probe\/boom/);
  });
});

for (const config of ['recommended', 'strict'] as const satisfies readonly ConfigName[]) {
  describe(`robustness: installed packages under configs.${config}`, () => {
    const linter = new Linter({ configType: 'flat' });
    const eslintConfig = linterConfig(config);
    for (const root of CORPUS_ROOTS) {
      describe(root, () => {
        const files = sample(corpusFiles(root), PER_ROOT, MAX_BYTES);
        it('has files to lint', () => assert.ok(files.length > 0, `node_modules/${root} is missing or empty`));
        for (const file of files) {
          it(file.name, () => {
            const outcome = lintFile(linter, eslintConfig, file);
            assert.equal(outcome.crash, undefined, `a rule threw on node_modules/${file.name}:\n${outcome.crash}`);
          });
        }
      });
    }
  });
}
