/**
 * `npm run bench:repos [-- --typed]`: precision and recall of the retry rules on application repositories
 * labelled blind (library-user-repos.md), read from checkouts at the labelled commits. Nothing here
 * downloads: put each repository in FAULTLINE_REPOS_DIR (default ~/.cache/faultline-bench/repos) as
 * `<owner>+<name>`, e.g. `git clone https://github.com/xg4/cdf repos/xg4+cdf && git -C repos/xg4+cdf checkout
 * <commit>`; a repository that is missing is listed and left out of the figures.
 *
 * A finding matches a label on its file and line (±1), or, for an operation labelled elsewhere than the
 * retry, a finding at the retried call whose message names the labelled file and line ("POST in pull()
 * in spider.ts on line 10", "through makeDigestRequest() (axios in index.ts on line 25)", or in the same
 * file "POST in attemptSend() on line 62"): the same site, seen from where it is retried. Findings on no labelled site are printed for review.
 *
 * A second table lets one finding cover every labelled site it names or points at with a related location
 * (what the editor shows beside the squiggle): a shared `maxTimeout: 0` is reported once, at the setting, and
 * points at each retry that reads it; a nested retry is reported at the innermost layer and points at the
 * outer ones; a wrapper that sends two requests is named with both. The strict table, one finding per
 * site, comes first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import * as ts from 'typescript';
import plugin = require('../../rules');
import { keyOfMessage, withRelatedCapture, type RelatedLocation } from '../../server/plugin';

interface RepoLabel {
  /** The blind set it was labelled for: each was labelled before the rules ran on it, then tuned on. */
  set: string;
  repo: string;
  commit: string;
  file: string;
  line: number;
  rule: 'no-unsafe-retry' | 'require-retry-backoff';
  expected: 'report' | 'silent' | 'undecidable';
  library: string;
  scope: 'same-file' | 'cross-file' | 'cross-package';
  reason: string;
}

interface Finding { repo: string; file: string; line: number; rule: string; message: string; related: Array<{ file: string; line: number }> }
interface Tally { TP: number; FP: number; FN: number; TN: number; undecidable: number }

const ROOT = path.join(__dirname, '..', '..', '..');
const HERE = path.join(ROOT, 'bench', 'accuracy');
const REPOS = process.env.FAULTLINE_REPOS_DIR ?? path.join(os.homedir(), '.cache', 'faultline-bench', 'repos');
const RULES = new Set(['faultline/no-unsafe-retry', 'faultline/require-retry-backoff']);
/** Client packages whose declarations a typed run gives a repository that depends on them, as installing it would. */
const DECLARED_CLIENTS = ['axios', 'got', 'cockatiel'];
const typed = process.argv.includes('--typed');

/** The text of every package.json in the checkout (a monorepo has several), read once. */
function manifestsOf(dir: string): string[] {
  const manifests: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'package.json') manifests.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return manifests;
}

/**
 * The path aliases of the checkout's own root tsconfig (`"@app/*": ["src/*"]`), which its editor and CI
 * resolve imports with: without them an application's imports of its own modules lead nowhere.
 */
function pathAliases(dir: string): { baseUrl?: string; paths?: Record<string, string[]> } {
  const file = path.join(dir, 'tsconfig.json');
  if (!fs.existsSync(file)) return {};
  const { config } = ts.readConfigFile(file, (name) => fs.readFileSync(name, 'utf8'));
  const options = (config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined)?.compilerOptions;
  if (!options?.paths) return {};
  return { baseUrl: options.baseUrl ?? '.', paths: options.paths };
}

/** A program over the whole checkout, as a project without a tsconfig of its own would have, with its path aliases. */
function typedOptions(dir: string): object {
  const manifests = manifestsOf(dir);
  for (const dependency of DECLARED_CLIENTS) {
    const link = path.join(dir, 'node_modules', dependency);
    if (fs.existsSync(link) || !manifests.some((manifest) => manifest.includes(`"${dependency}"`))) continue;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', dependency), link);
  }
  const tsconfig = path.join(dir, 'tsconfig.faultline-bench.json');
  fs.writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', ...pathAliases(dir) },
    include: ['**/*'], exclude: ['**/node_modules', '**/dist', '**/build', '**/.next'],
  }));
  return { project: tsconfig, tsconfigRootDir: dir, ecmaFeatures: { jsx: true } };
}

/** Related locations of the current run's reports, by file and `line:column:messageId` (server/plugin.ts's key). */
const relatedByReport = new Map<string, RelatedLocation[]>();
const observed = withRelatedCapture(plugin as never, () => (ruleId, key, related, filename) => relatedByReport.set(`${filename}@${ruleId}@${key}`, related)).plugin;

async function lintRepository(repo: string, dir: string): Promise<Finding[]> {
  const parserOptions = typed ? typedOptions(dir) : { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } };
  const eslint = new ESLint({
    cwd: dir, overrideConfigFile: true, errorOnUnmatchedPattern: false,
    overrideConfig: [
      { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/*.d.ts', '**/*.min.js'] },
      { files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'], languageOptions: { parser, parserOptions }, plugins: { faultline: observed as never }, rules: plugin.configs.recommended.rules },
    ],
  });
  const findings: Finding[] = [];
  for (const result of await eslint.lintFiles(['.'])) {
    for (const message of result.messages) {
      if (!message.ruleId || !RULES.has(message.ruleId)) continue;
      const related = relatedByReport.get(`${result.filePath}@${message.ruleId}@${keyOfMessage(message)}`) ?? [];
      const file = path.relative(dir, result.filePath);
      findings.push({ repo, file, line: message.line, rule: message.ruleId.split('/')[1]!, message: message.message, related: related.map((item) => ({ file, line: item.loc.start.line })) });
    }
  }
  // The parser keeps each repository's program for the next lint of the same tsconfig, which never comes:
  // held for all of them, the typed run outgrew a 4 GB heap once set 7's monorepo joined.
  if (typed) parser.clearCaches();
  relatedByReport.clear();
  return findings;
}

/** A finding, or one of its related locations, at the labelled site: the same file, the line ±1. */
function atSite(place: { file: string; line: number }, label: RepoLabel): boolean {
  return place.file === label.file && Math.abs(place.line - label.line) <= 1;
}

/**
 * "in spider.ts on line 10," or "…on line 25)": the message names this labelled site (not a retry's place).
 * In the finding's own file the operation is named by its function: "POST in attemptSend() on line 62,".
 */
function names(finding: Finding, label: RepoLabel): boolean {
  const file = path.basename(label.file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`\\bin ${file} on line ${label.line}[,)]`).test(finding.message)) return true;
  return finding.file === label.file && new RegExp(`\\bin [\\w$.#]+\\(\\) on line ${label.line}[,)]`).test(finding.message);
}

async function main(): Promise<void> {
  const labels = JSON.parse(fs.readFileSync(path.join(HERE, 'library-user-repos.json'), 'utf8')) as RepoLabel[];
  const repos = [...new Map(labels.map((label) => [label.repo, label.commit])).entries()];
  const present = new Set<string>();
  const findings: Finding[] = [];
  for (const [repo, commit] of repos) {
    const dir = path.join(REPOS, repo.replace('/', '+'));
    if (!fs.existsSync(dir)) {
      console.log(`missing: ${repo} at ${commit} (expected in ${dir}); left out`);
      continue;
    }
    present.add(repo);
    findings.push(...await lintRepository(repo, dir));
  }
  console.log(`${present.size} of ${repos.length} repositories; config: recommended, ${typed ? 'typed' : 'untyped'}\n`);
  const used = new Set<number>();
  const pointedAt = new Set<number>();
  const tallies = new Map<string, Tally>();
  const relatedTallies = new Map<string, Tally>();
  const tallyOf = (table: Map<string, Tally>, key: string): Tally => {
    if (!table.has(key)) table.set(key, { TP: 0, FP: 0, FN: 0, TN: 0, undecidable: 0 });
    return table.get(key)!;
  };
  for (const label of labels) {
    if (!present.has(label.repo)) continue;
    const key = `${label.rule} | ${label.set}`;
    const tally = tallyOf(tallies, key);
    const relatedTally = tallyOf(relatedTallies, key);
    const free = (finding: Finding, index: number): boolean => !used.has(index) && finding.repo === label.repo && finding.rule === label.rule;
    let hit = findings.findIndex((finding, index) => free(finding, index) && atSite(finding, label));
    if (hit === -1) hit = findings.findIndex((finding, index) => free(finding, index) && names(finding, label));
    if (hit !== -1) used.add(hit);
    if (label.expected === 'undecidable') {
      tally.undecidable++;
      relatedTally.undecidable++;
      continue;
    }
    const outcome = label.expected === 'report' ? (hit === -1 ? 'FN' : 'TP') : (hit === -1 ? 'TN' : 'FP');
    tally[outcome]++;
    // Only a missed report can be found by a finding that names it or points at it; silences and false positives stay as they are.
    const pointer = outcome === 'FN' ? findings.findIndex((finding) => finding.repo === label.repo && finding.rule === label.rule
      && (names(finding, label) || finding.related.some((place) => atSite(place, label)))) : -1;
    relatedTally[pointer === -1 ? outcome : 'TP']++;
    if (pointer !== -1) {
      pointedAt.add(pointer);
      console.log(`  FN, named or pointed at by the finding at ${findings[pointer]!.file}:${findings[pointer]!.line}: ${label.rule} ${label.repo} ${label.file}:${label.line}`);
    } else if (outcome === 'FN' || outcome === 'FP') console.log(`  ${outcome} ${label.rule} [${label.scope}] ${label.repo} ${label.file}:${label.line}: ${outcome === 'FP' ? findings[hit]!.message : label.reason}`);
  }
  findings.forEach((finding, index) => {
    if (!used.has(index) && !pointedAt.has(index)) console.log(`  unlabelled ${finding.rule} ${finding.repo} ${finding.file}:${finding.line}: ${finding.message}`);
  });
  printTable('one finding per labelled site', tallies);
  printTable('one finding for every labelled site it names or points at', relatedTallies);
}

function printTable(title: string, tallies: Map<string, Tally>): void {
  console.log(`\n${title}\n| rule | set | TP | FP | FN | TN | undecidable | precision | recall |\n| :-- | :-- | -: | -: | -: | -: | -: | -: | -: |`);
  const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
  for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`| ${key} | ${t.TP} | ${t.FP} | ${t.FN} | ${t.TN} | ${t.undecidable} | ${percent(t.TP, t.TP + t.FP)} | ${percent(t.TP, t.TP + t.FN)} |`);
  }
}

void main();
