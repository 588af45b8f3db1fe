/**
 * `npm run bench`: what the rules add to a lint run. The same ESLint `Linter`, parser and files, once with
 * `configs.recommended` and once with no rules enabled (parse cost only), interleaved file by file in one process
 * (rotating order) so machine noise hits every side alike. Medians over the rounds
 * after a warm-up; the overhead is rules / baseline − 1. Untyped: real JS of installed packages plus the example.
 * Typed: this repository's TypeScript and the example, with one `ts.Program` per tsconfig handed to the parser
 * (`parserOptions.programs`), so the program is built once and both sides pay the same AST conversion.
 *
 * A third side, one no-op rule, separates ESLint's own cost of running any rule from what ours add.
 * `--profile`: after the rounds, CPU-profile one rules-only pass per corpus and print where the rules' time goes
 * (`--profile-only`: a warm-up pass and the profile, no timed rounds).
 * Goals (issue 2): ≤ 10 % untyped, ≤ 5 % typed.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import * as ts from 'typescript';
import plugin = require('../rules');

const ROOT = path.join(__dirname, '..', '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Corpus {
  label: string;
  goal: number;
  files: { filename: string; code: string }[];
  configFor(rules: Linter.Config): Linter.Config[];
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') out.push(...listFiles(full, pattern));
    } else if (pattern.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** ESLint ignores node_modules by default, so installed packages are linted under a neutral virtual path. */
function load(files: string[]): Corpus['files'] {
  return files.map((file) => ({
    filename: file.startsWith(NODE_MODULES) ? path.join(ROOT, 'corpus', path.relative(NODE_MODULES, file)) : file,
    code: fs.readFileSync(file, 'utf8'),
  }));
}

const NO_INLINE: Linter.Config = { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } };

function untypedCorpus(): Corpus {
  const files = [
    ...listFiles(path.join(NODE_MODULES, 'eslint', 'lib'), /\.js$/),
    ...['parser', 'typescript-estree', 'scope-manager', 'utils', 'type-utils', 'project-service', 'rule-tester']
      .flatMap((pkg) => listFiles(path.join(NODE_MODULES, '@typescript-eslint', pkg, 'dist'), /\.js$/)),
    ...listFiles(path.join(ROOT, 'examples', 'src'), /\.ts$/),
  ];
  return {
    label: 'untyped',
    goal: 0.1,
    files: load(files),
    configFor: (rules) => [
      NO_INLINE,
      { files: ['**/*.js'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'commonjs' } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
      rules,
    ],
  };
}

function programFor(tsconfig: string): ts.Program {
  const read = ts.readConfigFile(tsconfig, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig));
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

function typedCorpus(): Corpus {
  const programs = [programFor(path.join(ROOT, 'tsconfig.json')), programFor(path.join(ROOT, 'examples', 'tsconfig.json'))];
  const files = programs
    .flatMap((p) => p.getRootFileNames())
    .filter((f) => !f.endsWith('.d.ts') && !f.includes(`${path.sep}bench${path.sep}`));
  return {
    label: 'typed',
    goal: 0.05,
    files: load([...new Set(files)].sort()),
    configFor: (rules) => [
      NO_INLINE,
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { programs } } },
      rules,
    ],
  };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Lints every file once; with `byRule`, counts the findings per rule (outside the timed part's hot loop cost). */
function lintAll(linter: Linter, corpus: Corpus, config: Linter.Config[], byRule?: Map<string, number>): { ms: number } {
  const start = process.hrtime.bigint();
  for (const file of corpus.files) {
    const messages = linter.verify(file.code, config, { filename: file.filename });
    if (byRule) for (const m of messages) byRule.set(m.ruleId ?? '(eslint)', (byRule.get(m.ruleId ?? '(eslint)') ?? 0) + 1);
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

type Side = 'base' | 'noop' | 'rules';
interface Result { corpus: Corpus; runs: Record<Side, number[]>; cold: Record<Side, number>; findings: Map<string, number> }

/**
 * ESLint does work for any enabled rule that it skips with none (the traversal with code-path analysis and
 * selector matching), so a third side runs one rule that listens to nothing but `Program`: rules vs noop is
 * the part our rules' own code and selectors add, noop vs base is ESLint's price for linting at all.
 */
const NOOP_PLUGIN = { rules: { noop: { meta: { schema: [] }, create: () => ({ Program: () => undefined }) } } };

function measure(corpus: Corpus): Result {
  const linter = new Linter({ configType: 'flat' });
  const faultline = plugin as unknown as NonNullable<Linter.Config['plugins']>[string];
  const configs: Record<Side, Linter.Config[]> = {
    base: corpus.configFor({ plugins: { faultline }, rules: {} }),
    noop: corpus.configFor({ plugins: { faultline, probe: NOOP_PLUGIN }, rules: { 'probe/noop': 'warn' } }),
    rules: corpus.configFor(plugin.configs.recommended as Linter.Config),
  };
  const runs: Record<Side, number[]> = { base: [], noop: [], rules: [] };
  const cold: Record<Side, number> = { base: 0, noop: 0, rules: 0 };
  const findings = new Map<string, number>();
  const orders: Side[][] = [['base', 'noop', 'rules'], ['rules', 'base', 'noop'], ['noop', 'rules', 'base']];
  // Sides alternate file by file (rotating order), so a change in machine load hits all three alike; round 0
  // is the warm-up (JIT, the type checker's lazily built types), reported as "cold", not in the medians.
  for (let round = 0; round <= ROUNDS; round++) {
    gc();
    const total: Record<Side, number> = { base: 0, noop: 0, rules: 0 };
    corpus.files.forEach((file, index) => {
      for (const side of orders[(index + round) % orders.length] as Side[]) {
        const start = process.hrtime.bigint();
        const messages = linter.verify(file.code, configs[side], { filename: file.filename });
        total[side] += Number(process.hrtime.bigint() - start) / 1e6;
        if (side === 'rules' && round === 0) {
          for (const m of messages) findings.set(m.ruleId ?? '(eslint)', (findings.get(m.ruleId ?? '(eslint)') ?? 0) + 1);
        }
      }
    });
    for (const side of ['base', 'noop', 'rules'] as const) {
      if (round === 0) cold[side] = total[side];
      else runs[side].push(total[side]);
    }
  }
  return { corpus, runs, cold, findings };
}

async function profileRules(corpus: Corpus): Promise<void> {
  const linter = new Linter({ configType: 'flat' });
  const config = corpus.configFor(plugin.configs.recommended as Linter.Config);
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object): Promise<T> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  lintAll(linter, corpus, config);
  const { profile } = await post<{ profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }>('Profiler.stop');
  session.disconnect();
  const file = path.join(ROOT, 'out', `bench-${corpus.label}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  summariseProfile(profile, corpus.label, file);
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

/** Self time per function in out/rules/, and the total time spent under any out/rules/ frame (inclusive). */
function summariseProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, label: string, file: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isRules = (n: ProfileNode): boolean => n.callFrame.url.includes('/out/rules/');
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let underRules = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    let node = byId.get(id);
    const seen = new Set<string>();
    let first: ProfileNode | undefined;
    while (node) {
      if (isRules(node)) {
        first ??= node;
        const key = `${node.callFrame.functionName || '(anonymous)'} ${path.relative(ROOT, node.callFrame.url.replace('file://', ''))}:${node.callFrame.lineNumber + 1}`;
        if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
        seen.add(key);
      }
      node = byId.get(parent.get(node.id) ?? -1);
    }
    if (first) {
      underRules += dt;
      const leaf = byId.get(id);
      const key = leaf && isRules(leaf)
        ? `${leaf.callFrame.functionName || '(anonymous)'} ${path.relative(ROOT, leaf.callFrame.url.replace('file://', ''))}:${leaf.callFrame.lineNumber + 1}`
        : `(library code called from) ${first.callFrame.functionName || '(anonymous)'} ${path.relative(ROOT, first.callFrame.url.replace('file://', ''))}:${first.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>): string[] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `  ${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`\nprofile (${label}, one rules-only pass after the timed rounds): ${((100 * underRules) / total).toFixed(1)} % of samples under out/rules/ — ${path.relative(ROOT, file)}`);
  console.log(' self time (rules code, or the library code it called):');
  console.log(top(self).join('\n'));
  console.log(' inclusive time of rules functions:');
  console.log(top(inclusive).join('\n'));
}

function format(result: Result): string {
  const [base, noop, rules] = (['base', 'noop', 'rules'] as const).map((side) => median(result.runs[side])) as [number, number, number];
  // The median of the per-round ratios: each round's sides ran under the same load, so this is the steadier figure.
  const overhead = median(result.runs.rules.map((ms, i) => ms / (result.runs.base[i] as number))) - 1;
  const ours = median(result.runs.rules.map((ms, i) => ms / (result.runs.noop[i] as number))) - 1;
  const cold = result.cold.rules / result.cold.base - 1;
  const verdict = overhead <= result.corpus.goal ? 'ok' : 'ABOVE GOAL';
  const findings = [...result.findings.values()].reduce((a, b) => a + b, 0);
  return `| ${result.corpus.label.padEnd(7)} | ${String(result.corpus.files.length).padStart(5)} | ${base.toFixed(0).padStart(7)} | ${noop.toFixed(0).padStart(7)} | ${rules.toFixed(0).padStart(8)} | ${(overhead * 100).toFixed(1).padStart(6)} % | ${(ours * 100).toFixed(1).padStart(6)} % | ${(cold * 100).toFixed(1).padStart(6)} % | ≤ ${(result.corpus.goal * 100).toFixed(0)} % ${verdict} | ${findings} |`;
}

async function main(): Promise<void> {
  const results: Result[] = [];
  // BENCH_CORPUS=typed (or untyped) measures one corpus only.
  const only = process.env.BENCH_CORPUS;
  const corpora = [only !== 'typed' ? untypedCorpus() : undefined, only !== 'untyped' ? typedCorpus() : undefined].filter((c): c is Corpus => c !== undefined);
  if (process.argv.includes('--profile-only')) {
    // BENCH_COLD=1 profiles the first pass, where the rules make the type checker build the types they ask for.
    for (const corpus of corpora) {
      if (process.env.BENCH_COLD !== '1') lintAll(new Linter({ configType: 'flat' }), corpus, corpus.configFor(plugin.configs.recommended as Linter.Config));
      await profileRules(corpus);
    }
    return;
  }
  for (const corpus of corpora) {
    const bytes = corpus.files.reduce((n, f) => n + f.code.length, 0);
    console.log(`${corpus.label}: ${corpus.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${ROUNDS} rounds after a warm-up…`);
    results.push(measure(corpus));
  }
  console.log(`\nrules: ${Object.keys(plugin.configs.recommended.rules ?? {}).join(', ')}`);
  console.log('medians in ms; overhead = median over rounds of rules / base − 1 (the goal); vs noop = what our rules add beyond ESLint running any rule');
  console.log('| corpus  | files | base ms | noop ms | rules ms | overhead | vs noop  | cold     | goal             | findings |');
  console.log('| :------ | ----: | ------: | ------: | -------: | -------: | -------: | -------: | :--------------- | -------: |');
  for (const r of results) console.log(format(r));
  for (const r of results) {
    const list = (side: Side): string => r.runs[side].map((v) => v.toFixed(0)).join(', ');
    console.log(`${r.corpus.label} rounds (ms): base [${list('base')}] noop [${list('noop')}] rules [${list('rules')}]`);
    console.log(`${r.corpus.label} findings by rule: ${[...r.findings.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  }
  if (process.argv.includes('--profile')) for (const r of results) await profileRules(r.corpus);
}

void main();
