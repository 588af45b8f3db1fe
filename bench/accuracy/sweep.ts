/**
 * `npm run bench:sweep`: precision on every file of every package, not only the labelled ones. Lints all
 * source files of the accuracy corpus (corpus.json) and of a held-out set the rules were not tuned on
 * (heldout.json), and scores each finding against reviews.json, where a person has read the code and
 * written whether the finding is right and why. Unreviewed findings are listed for review; they are not
 * counted. Recall is `bench:accuracy`'s business: a sweep cannot know what was missed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { CACHE, CONFIG, ensurePackage, HERE, slug, type PackageRef } from './packages';

interface Review { correct: boolean; reason: string }

const LINTABLE = /\.(?:js|cjs|mjs|ts|mts|cts)$/;
const SKIPPED = /\.d\.[cm]?ts$|\.min\.js$/;
const MAX_BYTES = 400_000;

function* sourceFiles(root: string, dir = ''): Generator<string> {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(root, relative);
    } else if (LINTABLE.test(entry.name) && !SKIPPED.test(entry.name) && fs.statSync(path.join(root, relative)).size <= MAX_BYTES) {
      yield relative;
    }
  }
}

function main(): number {
  const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(HERE, name), 'utf8')) as T;
  const heldOut = read<{ packages: PackageRef[] }>('heldout.json').packages;
  // Held-out packages labelled for recall are in corpus.json too; each package is swept once, in its own set.
  const isHeldOut = new Set(heldOut.map(slug));
  const sets: Array<{ name: string; packages: PackageRef[] }> = [
    { name: 'accuracy corpus, all files', packages: read<{ packages: PackageRef[] }>('corpus.json').packages.filter((entry) => !isHeldOut.has(slug(entry))) },
    { name: 'held out', packages: heldOut },
  ];
  const reviews = read<Record<string, Review>>('reviews.json');
  const linter = new Linter({ configType: 'flat' });
  const seen = new Set<string>();
  const unreviewed: string[] = [];
  const wrong: string[] = [];
  console.log(`cache ${CACHE}; config: recommended, untyped\n`);
  console.log('| set | rule | files | findings | reviewed right | reviewed wrong | unreviewed | precision |');
  console.log('| :-- | :--- | ----: | -------: | -------------: | -------------: | ---------: | --------: |');
  for (const set of sets) {
    const byRule = new Map<string, { findings: number; right: number; wrong: number }>();
    let files = 0;
    for (const entry of set.packages) {
      const dir = ensurePackage(entry);
      for (const file of sourceFiles(dir)) {
        files++;
        const code = fs.readFileSync(path.join(dir, file), 'utf8');
        const messages = linter.verify(code, CONFIG, { filename: path.join(process.cwd(), 'sweep-corpus', file) });
        for (const message of messages) {
          if (!message.ruleId?.startsWith('faultline/')) continue;
          const rule = message.ruleId.slice('faultline/'.length);
          const key = `${slug(entry)}/${file}:${message.line}:${rule}`;
          seen.add(key);
          const counts = byRule.get(rule) ?? { findings: 0, right: 0, wrong: 0 };
          byRule.set(rule, counts);
          counts.findings++;
          const review = reviews[key];
          if (!review) unreviewed.push(`${key} ${message.message}`);
          else if (review.correct) counts.right++;
          else {
            counts.wrong++;
            wrong.push(`${key}: ${review.reason}`);
          }
        }
      }
    }
    for (const [rule, counts] of [...byRule].sort()) {
      const reviewed = counts.right + counts.wrong;
      const precision = reviewed ? `${((100 * counts.right) / reviewed).toFixed(1)} %` : 'n/a';
      console.log(`| ${set.name} (${set.packages.length} packages) | ${rule} | ${files} | ${counts.findings} | ${counts.right} | ${counts.wrong} | ${counts.findings - reviewed} | ${precision} |`);
    }
    if (byRule.size === 0) console.log(`| ${set.name} (${set.packages.length} packages) | (none) | ${files} | 0 | 0 | 0 | 0 | n/a |`);
  }
  console.log(`\nreviewed wrong (${wrong.length}):`);
  for (const line of wrong) console.log(`  ${line}`);
  console.log(`\nunreviewed (${unreviewed.length}):`);
  for (const line of unreviewed) console.log(`  ${line}`);
  const stale = Object.keys(reviews).filter((key) => !seen.has(key));
  if (stale.length) console.log(`\nreviews with no finding any more (fixed, or lines moved) (${stale.length}):\n  ${stale.join('\n  ')}`);
  return 0;
}

process.exitCode = main();
