import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCS_BASE_URL } from '../../rules/util/createRule';
import { DOC_BEGIN, DOC_END, README_BEGIN, README_END } from '../../scripts/generate';
import { ROOT, RULE_NAMES, readRepoFile } from './repo';
import plugin = require('../../rules');

/**
 * Drift checks over every rule, found the way the generator finds them (a rules/*.ts file that
 * default-exports `createRule(...)`), so a rule added by anyone is checked without touching this file.
 */
describe('meta: every rule', () => {
  it('finds the rule files and the plugin exports exactly them', () => {
    assert.ok(RULE_NAMES.length > 0, 'no rule files found in rules/');
    assert.deepEqual(Object.keys(plugin.rules), RULE_NAMES, 'plugin.rules (rules/all-rules.ts) must list every rule file, alphabetically: run `npm run generate`');
  });

  for (const name of RULE_NAMES) {
    describe(name, () => {
      const rule = plugin.rules[name];
      const source = readRepoFile(`rules/${name}.ts`);

      it('is exported by the plugin', () => {
        assert.ok(rule, `faultline/${name} is not in plugin.rules: run \`npm run generate\``);
      });

      it('has a doc with the generated header', () => {
        const doc = path.join(ROOT, 'docs', 'rules', `${name}.md`);
        assert.ok(fs.existsSync(doc), `docs/rules/${name}.md is missing`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.ok(text.includes(DOC_BEGIN) && text.includes(DOC_END), `docs/rules/${name}.md lacks the generated header: run \`npm run generate\``);
      });

      it('has a test file', () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'test', 'rules', `${name}.test.ts`)), `test/rules/${name}.test.ts is missing`);
      });

      it('is in the README rule table, linked to its doc', () => {
        const readme = readRepoFile('README.md');
        const table = readme.slice(readme.indexOf(README_BEGIN), readme.indexOf(README_END));
        assert.ok(table.includes(`[${name}](docs/rules/${name}.md)`), `README.md's rule table lacks ${name}: run \`npm run generate\``);
      });

      it('has a name and docs url that match its file', () => {
        assert.equal(rule?.meta.docs?.url, `${DOCS_BASE_URL}/${name}.md`);
        assert.ok(rule?.meta.docs?.url?.endsWith(`/docs/rules/${name}.md`));
        assert.match(source, new RegExp(`name:\\s*['"]${name}['"]`), `createRule's name must be '${name}'`);
      });

      it('has a description in the house form', () => {
        const description = rule?.meta.docs?.description ?? '';
        assert.match(description, /^(Enforce|Require|Disallow) /);
        assert.doesNotMatch(description, /[.\s]$/, 'no trailing period or space');
      });

      it('documents every schema property and closes every object', () => {
        for (const problem of schemaProblems(rule?.meta.schema, 'schema')) assert.fail(problem);
      });

      it('uses every messageId it declares', () => {
        const messageIds = Object.keys(rule?.meta.messages ?? {});
        // The MessageIds union names every id; only uses outside it count.
        const body = source.replace(/export\s+type\s+MessageIds\s*=[^;]*;/, '');
        const dead = messageIds.filter((id) => !new RegExp(`['"\`]${id}['"\`]`).test(body));
        assert.deepEqual(dead, [], `declared but never reported: ${dead.join(', ')}`);
      });

      it('declares requiresTypeChecking: false (types only sharpen the verdict)', () => {
        assert.equal(rule?.meta.docs?.requiresTypeChecking, false);
      });

      it('is in configs.recommended exactly when meta.docs.recommended, and always in configs.strict', () => {
        const id = `faultline/${name}`;
        assert.equal(id in (plugin.configs.recommended.rules ?? {}), rule?.meta.docs?.recommended === true);
        const strictEntry = plugin.configs.strict.rules?.[id];
        const strictOptions = rule?.meta.docs?.strictOptions;
        assert.deepEqual(strictEntry, strictOptions ? ['error', ...strictOptions] : 'error');
      });
    });
  }

  it('configs hold no rule that is not a Faultline rule', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
      for (const id of Object.keys(config.rules ?? {})) {
        assert.ok(id.startsWith('faultline/') && RULE_NAMES.includes(id.slice('faultline/'.length)), `${config.name} has unknown rule ${id}`);
      }
      assert.equal(config.plugins?.faultline, plugin, `${config.name} must carry the plugin object itself`);
    }
  });
});

interface SchemaNode {
  type?: unknown;
  description?: unknown;
  additionalProperties?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
  allOf?: unknown;
}

/** Every property documented, every object closed with `additionalProperties: false`, at every depth. */
function schemaProblems(schema: unknown, where: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => schemaProblems(item, `${where}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as SchemaNode;
  const problems: string[] = [];
  if ((node.type === 'object' || node.properties) && node.additionalProperties !== false) {
    problems.push(`${where}: an object schema must set additionalProperties: false`);
  }
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    if (typeof property.description !== 'string' || property.description.trim() === '') problems.push(`${where}.properties.${key} has no description`);
    problems.push(...schemaProblems(property, `${where}.properties.${key}`));
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf'] as const) {
    if (node[key]) problems.push(...schemaProblems(node[key], `${where}.${key}`));
  }
  return problems;
}
