/**
 * Regenerates everything derived from the rules' `meta`: rules/all-rules.ts, the README rule table and the
 * generated header of each docs/rules/<rule>.md. `--check` writes nothing and exits 1 when any of them drifted.
 *
 * Rules are found by reading rules/*.ts (a file counts when it default-exports a `createRule(...)` result), and
 * their `meta` is read from the compiled out/rules/<rule>.js, one file at a time, so that a stale or broken
 * all-rules.ts never hides a new rule. `npm run generate` compiles first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** From out/scripts/ (compiled) or scripts/ (ts-node style), the repository is the nearest folder with package.json. */
export const REPO_ROOT = findRepoRoot(__dirname);

export const README_BEGIN = '<!-- begin rules table (generated) -->';
export const README_END = '<!-- end rules table -->';
export const DOC_BEGIN = '<!-- begin generated header -->';
export const DOC_END = '<!-- end generated header -->';
export const ALL_RULES_HEADER = '// GENERATED — DO NOT EDIT — run `npm run generate` (scripts/generate.ts) after adding a rule file.';

const RULE_FILE_MARKER = /^export\s+default\s+createRule\s*[<(]/m;
/** A rule that calls the shared type helper (or the parser services) becomes more precise with type information. */
const USES_TYPES_MARKER = /\bgetTypeFacts\s*\(|\bgetParserServices\s*\(/;

export interface RuleInfo {
  name: string;
  importName: string;
  description: string;
  recommended: boolean;
  hasStrictOptions: boolean;
  hasSuggestions: boolean;
  fixable: boolean;
  usesTypes: boolean;
  url: string;
}

export interface GeneratedFile {
  file: string;
  /** What the file should contain; `undefined` means the file cannot be generated (reported as a problem). */
  expected: string;
  actual: string | undefined;
}

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The rule files in rules/, by name, alphabetical. */
export function findRuleNames(root = REPO_ROOT): string[] {
  const dir = path.join(root, 'rules');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .filter((f) => RULE_FILE_MARKER.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

interface LoadedMeta {
  docs?: { description?: string; recommended?: boolean; strictOptions?: unknown[]; url?: string };
  hasSuggestions?: boolean;
  fixable?: string;
}

export function loadRuleInfo(name: string, root = REPO_ROOT): RuleInfo {
  const compiled = path.join(root, 'out', 'rules', `${name}.js`);
  const source = path.join(root, 'rules', `${name}.ts`);
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npx tsc -p .\` first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(compiled) as { default?: { meta?: LoadedMeta } };
  const meta = mod.default?.meta;
  if (!meta?.docs) throw new Error(`rules/${name}.ts: default export has no meta.docs`);
  return {
    name,
    importName: camelCase(name),
    description: meta.docs.description ?? '',
    recommended: meta.docs.recommended === true,
    hasStrictOptions: Array.isArray(meta.docs.strictOptions),
    hasSuggestions: meta.hasSuggestions === true,
    fixable: meta.fixable !== undefined,
    usesTypes: USES_TYPES_MARKER.test(fs.readFileSync(source, 'utf8')),
    url: meta.docs.url ?? '',
  };
}

export function renderAllRules(rules: readonly RuleInfo[]): string {
  const imports = rules.map((r) => `import ${r.importName} from './${r.name}';`);
  const entries = rules.map((r) => `  '${r.name}': ${r.importName} as unknown as FaultlineRule,`);
  return [
    ALL_RULES_HEADER,
    "import type { TSESLint } from '@typescript-eslint/utils';",
    "import type { FaultlineDocs } from './util/createRule';",
    ...imports,
    '',
    'export type FaultlineRule = TSESLint.RuleModule<string, readonly unknown[], FaultlineDocs>;',
    '',
    'export const rules: Readonly<Record<string, FaultlineRule>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

function configBadges(rule: RuleInfo): string {
  return [rule.recommended ? '✅' : '', '🔒'].filter(Boolean).join(' ');
}

export function renderReadmeTable(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) =>
    `| [${r.name}](docs/rules/${r.name}.md) | ${r.description} | ${configBadges(r)} | ${r.hasSuggestions ? '💡' : ''} | ${r.fixable ? '🔧' : ''} | ${r.usesTypes ? '💭' : ''} |`,
  );
  return [
    README_BEGIN,
    '',
    // The legend of the symbols is prose (the README's author writes it); only the config marks need one here.
    '💼 column: ✅ `recommended`, 🔒 `strict`.',
    '',
    '| Name | Description | 💼 | 💡 | 🔧 | 💭 |',
    '| :--- | :--- | :-- | :-- | :-- | :-- |',
    ...rows,
    '',
    README_END,
  ].join('\n');
}

export function renderDocHeader(rule: RuleInfo): string {
  const configs = [rule.recommended ? '✅ `recommended`' : '', `🔒 \`strict\`${rule.hasStrictOptions ? ' (with stricter options)' : ''}`]
    .filter(Boolean)
    .join(', ');
  const lines = [DOC_BEGIN, `# faultline/${rule.name}`, '', `📝 ${rule.description}.`, '', `💼 This rule is enabled in these configs: ${configs}.`];
  if (rule.fixable) lines.push('', '🔧 This rule is automatically fixable by `--fix`.');
  if (rule.hasSuggestions) lines.push('', '💡 Some problems come with editor suggestions (they change behaviour, so `--fix` never applies them).');
  if (rule.usesTypes) lines.push('', '💭 This rule uses type information when it is available and works without it.');
  lines.push(DOC_END);
  return lines.join('\n');
}

/** Replaces the text between two markers (inclusive); appends the block when the markers are absent. */
function replaceBlock(text: string, begin: string, end: string, block: string, placeAtTop: boolean): string {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start !== -1 && stop > start) return text.slice(0, start) + block + text.slice(stop + end.length);
  if (placeAtTop) {
    // A hand-written H1 would duplicate the generated title.
    const body = text.replace(/^\s*# [^\n]*\n/, '').replace(/^\n+/, '');
    return `${block}\n\n${body}`;
  }
  return text.length === 0 ? `${block}\n` : `${text.replace(/\n*$/, '')}\n\n${block}\n`;
}

function read(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Everything the generator owns, with what each file holds now and what it should hold. */
export function computeOutputs(root = REPO_ROOT): GeneratedFile[] {
  const rules = findRuleNames(root).map((name) => loadRuleInfo(name, root));
  const outputs: GeneratedFile[] = [];
  const allRules = path.join(root, 'rules', 'all-rules.ts');
  outputs.push({ file: allRules, expected: renderAllRules(rules), actual: read(allRules) });
  const readme = path.join(root, 'README.md');
  const readmeNow = read(readme);
  outputs.push({ file: readme, expected: replaceBlock(readmeNow ?? '', README_BEGIN, README_END, renderReadmeTable(rules), false), actual: readmeNow });
  for (const rule of rules) {
    const doc = path.join(root, 'docs', 'rules', `${rule.name}.md`);
    const docNow = read(doc);
    outputs.push({ file: doc, expected: replaceBlock(docNow ?? '', DOC_BEGIN, DOC_END, renderDocHeader(rule), true), actual: docNow });
  }
  return outputs;
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const outputs = computeOutputs();
  const drifted = outputs.filter((o) => o.actual !== o.expected);
  for (const o of drifted) {
    const rel = path.relative(REPO_ROOT, o.file);
    if (check) {
      console.error(`drift: ${rel} ${o.actual === undefined ? 'is missing' : 'differs from what `npm run generate` writes'}`);
    } else {
      fs.mkdirSync(path.dirname(o.file), { recursive: true });
      fs.writeFileSync(o.file, o.expected);
      console.log(`wrote ${rel}`);
    }
  }
  if (check && drifted.length > 0) {
    console.error('Run `npm run generate` and commit the result.');
    return 1;
  }
  if (!check && drifted.length === 0) console.log('generated files are up to date');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
