/**
 * `npm run bench:accuracy`: precision and recall of the rules on real code. The packages in corpus.json are
 * fetched with `npm pack <name>@<version>` into a cache outside the repository (FAULTLINE_BENCH_CACHE, default
 * ~/.cache/faultline-bench) and unpacked there; the repository keeps only that list and the labels in labels/.
 *
 * A label file names, for each chosen file, every outbound call site: its line, client, whether the verdict is
 * decidable from the package's own source, and the correct verdict (report or not, with a reason) for each rule
 * the file is labelled for. A finding on a line with no label counts as a false positive for a labelled rule;
 * undecidable sites are listed but not scored. `--typed` lints with type information (packages.ts, typedProgram).
 *
 * As in `bench:repos`, an operation labelled elsewhere than its retry is also matched by a finding at the retried
 * call whose message names the labelled line ("POST in uploadMultipart() on line 76", in the same file, or "in
 * request.js on line 103" from another): the same site, seen from where it is retried.
 * Tests never run this: it downloads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { CACHE, CONFIG, ensurePackage, HERE, slug, typedConfig, typedProgram, type CorpusEntry } from './packages';

interface Verdict { report: boolean; reason: string }
/**
 * What deciding the verdict takes: the call site and its enclosing scope (`local`, the default), following which
 * branch assigned a variable (`path-sensitive`), reading another function of the package (`cross-function`) or
 * another file (`cross-file`). Rules promise `local` verdicts without types; the rest shows what they leave.
 */
type Needs = 'local' | 'path-sensitive' | 'cross-function' | 'cross-file';
interface CallLabel { line: number; client: string; code: string; decidable: boolean; needs?: Needs; verdicts: Record<string, Verdict> }
interface FileLabels { rules: string[]; calls: CallLabel[] }
interface PackageLabels { package: string; version: string; files: Record<string, FileLabels> }

interface Finding { file: string; rule: string; line: number; column: number; message: string }
interface Outcome { kind: 'TP' | 'FP' | 'FN' | 'TN' | 'undecidable'; rule: string; client: string; needs: Needs; set: string; where: string; detail: string }

function lint(dir: string, file: string, config?: Linter.Config[]): Finding[] {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  // Untyped: a virtual path outside node_modules (ESLint ignores node_modules by default). Typed: the real
  // path, which the program knows, with the package as ESLint's working directory.
  const messages = config
    ? new Linter({ configType: 'flat', cwd: dir }).verify(code, config, { filename: path.join(dir, file) })
    : new Linter({ configType: 'flat' }).verify(code, CONFIG, { filename: path.join(process.cwd(), 'accuracy-corpus', file) });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file}: cannot parse: ${fatal.message}`);
  return messages
    .filter((m) => m.ruleId?.startsWith('faultline/'))
    .map((m) => ({ file, rule: (m.ruleId as string).slice('faultline/'.length), line: m.line, column: m.column, message: m.message }));
}

/**
 * The finding is at the labelled line, or names it: "in uploadMultipart() on line 76," in the same file, "in
 * request.js on line 103)" from another.
 */
function findsSite(finding: Finding, file: string, line: number): boolean {
  if (finding.file === file) return finding.line === line || new RegExp(`\\bin [\\w$.#]+\\(\\) on line ${line}[,)]`).test(finding.message);
  const base = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\bin ${base} on line ${line}[,)]`).test(finding.message);
}

/** Scores one file's labels against the package's findings; `matched` collects the findings some label took. */
function score(entry: CorpusEntry, labels: PackageLabels | undefined, file: string, findings: Finding[], matched: Set<Finding>): Outcome[] {
  const fileLabels = labels?.files[file];
  if (!fileLabels) return [];
  const outcomes: Outcome[] = [];
  const where = (line: number): string => `${entry.name}@${entry.version}/${file}:${line}`;
  for (const rule of fileLabels.rules) {
    const ruleFindings = findings.filter((f) => f.rule === rule);
    for (const call of fileLabels.calls) {
      const verdict = call.verdicts[rule];
      if (!verdict) continue;
      const hits = ruleFindings.filter((f) => findsSite(f, file, call.line));
      hits.forEach((h) => matched.add(h));
      const reported = hits.length > 0;
      const detail = `${call.code} — expected ${verdict.report ? 'report' : 'silence'}: ${verdict.reason}${reported ? ` — got: ${hits[0]?.message}` : ''}`;
      const kind: Outcome['kind'] = !call.decidable ? 'undecidable' : verdict.report ? (reported ? 'TP' : 'FN') : reported ? 'FP' : 'TN';
      outcomes.push({ kind, rule, client: call.client, needs: call.needs ?? 'local', set: entry.set, where: where(call.line), detail });
    }
  }
  return outcomes;
}

/** A finding of a rule its file is labelled for that no label took: a false positive. */
function unlabelled(entry: CorpusEntry, labels: PackageLabels | undefined, findings: Finding[], matched: Set<Finding>): Outcome[] {
  return findings.filter((f) => labels?.files[f.file]?.rules.includes(f.rule) && !matched.has(f)).map((f) => ({
    kind: 'FP', rule: f.rule, client: '(no label)', needs: 'local', set: entry.set, where: `${entry.name}@${entry.version}/${f.file}:${f.line}`, detail: `unlabelled finding: ${f.message}`,
  }));
}

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)} %`;
}

function table(title: string, outcomes: Outcome[], key: (o: Outcome) => string): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  console.log(`\n${title}`);
  console.log('| group | TP | FP | FN | TN | undecidable | precision | recall |');
  console.log('| :---- | -: | -: | -: | -: | ----------: | --------: | -----: |');
  const rows = [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  rows.push(['all', outcomes]);
  for (const [group, list] of rows) {
    const count = (k: Outcome['kind']): number => list.filter((o) => o.kind === k).length;
    const [tp, fp, fn] = [count('TP'), count('FP'), count('FN')];
    console.log(`| ${group} | ${tp} | ${fp} | ${fn} | ${count('TN')} | ${count('undecidable')} | ${pct(tp, tp + fp)} | ${pct(tp, tp + fn)} |`);
  }
}

function main(): number {
  const corpus = JSON.parse(fs.readFileSync(path.join(HERE, 'corpus.json'), 'utf8')) as { packages: CorpusEntry[] };
  const typed = process.argv.includes('--typed');
  const outcomes: Outcome[] = [];
  const unlabelledFiles: string[] = [];
  const showFindings = process.argv.includes('--findings');
  for (const entry of corpus.packages) {
    const dir = ensurePackage(entry);
    const labelFile = path.join(HERE, 'labels', `${slug(entry)}.json`);
    const labels = fs.existsSync(labelFile) ? (JSON.parse(fs.readFileSync(labelFile, 'utf8')) as PackageLabels) : undefined;
    const config = typed ? typedConfig(typedProgram(dir, entry.files)) : undefined;
    const findings = entry.files.flatMap((file) => lint(dir, file, config));
    const matched = new Set<Finding>();
    for (const file of entry.files) {
      const fileFindings = findings.filter((f) => f.file === file);
      if (showFindings) for (const f of fileFindings) console.log(`  ${slug(entry)}/${file}:${f.line}:${f.column} ${f.rule}: ${f.message}`);
      if (!labels?.files[file]) unlabelledFiles.push(`${slug(entry)}/${file} (${fileFindings.length} findings)`);
      outcomes.push(...score(entry, labels, file, findings, matched));
    }
    outcomes.push(...unlabelled(entry, labels, findings, matched));
  }
  console.log(`corpus: ${corpus.packages.length} packages, cache ${CACHE}; config: recommended, ${typed ? 'typed (a program of each package\'s chosen files and their imports)' : 'untyped'}`);
  for (const rule of [...new Set(outcomes.map((o) => o.rule))].sort()) {
    table(`faultline/${rule} by client`, outcomes.filter((o) => o.rule === rule), (o) => o.client);
    table(`faultline/${rule} by what deciding takes`, outcomes.filter((o) => o.rule === rule), (o) => o.needs);
    table(`faultline/${rule} by set (held-out sets were labelled before the rules ran on them)`, outcomes.filter((o) => o.rule === rule), (o) => o.set);
  }
  table('all rules by rule', outcomes, (o) => o.rule);
  const wrong = outcomes.filter((o) => o.kind === 'FP' || o.kind === 'FN');
  console.log(`\nfalse positives and false negatives (${wrong.length}):`);
  for (const o of wrong) console.log(`  ${o.kind} ${o.rule} [${o.client}${o.needs === 'local' ? '' : `, ${o.needs}`}] ${o.where}: ${o.detail}`);
  const undecidable = outcomes.filter((o) => o.kind === 'undecidable');
  console.log(`\nundecidable inside the package, not scored (${undecidable.length}):`);
  for (const o of undecidable) console.log(`  ${o.rule} [${o.client}] ${o.where}: ${o.detail}`);
  if (unlabelledFiles.length) console.log(`\nfiles without labels (not scored): ${unlabelledFiles.join(', ')}`);
  return 0;
}

process.exitCode = main();
