import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, RULE_NAMES } from './repo';

/**
 * What a user gets from `require('eslint-plugin-faultline')` and `import faultline from 'eslint-plugin-faultline'`.
 * Both run in a child process that resolves the package by name from the repository root (a package may import
 * itself through its `exports`), so this is the path `exports` really gives, not the compiled file we'd guess.
 */
function describePackage(program: string, esm: boolean): { name: string; namespace: string; rules: string[]; configs: string[]; recommendedPluginIsDefault: boolean } {
  const args = esm ? ['--input-type=module', '-e', program] : ['-e', program];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })) as ReturnType<typeof describePackage>;
}

const SUMMARY = `JSON.stringify({ name: p.meta.name, namespace: p.meta.namespace, rules: Object.keys(p.rules), configs: Object.keys(p.configs),
  recommendedPluginIsDefault: p.configs.recommended.plugins.faultline === p })`;

describe('meta: the package entry', () => {
  it('require() gives the plugin object', () => {
    const plugin = describePackage(`const p = require('eslint-plugin-faultline'); console.log(${SUMMARY});`, false);
    assert.deepEqual(plugin, { name: 'eslint-plugin-faultline', namespace: 'faultline', rules: RULE_NAMES, configs: ['recommended', 'strict'], recommendedPluginIsDefault: true });
  });

  it('import gives the same plugin object as its default export', () => {
    const plugin = describePackage(`import p from 'eslint-plugin-faultline'; console.log(${SUMMARY});`, true);
    assert.deepEqual(plugin, { name: 'eslint-plugin-faultline', namespace: 'faultline', rules: RULE_NAMES, configs: ['recommended', 'strict'], recommendedPluginIsDefault: true });
  });

  it('`npm run generate -- --check` finds no drift', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'out', 'scripts', 'generate.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `generated files drifted:\n${result.stderr}`);
  });
});
