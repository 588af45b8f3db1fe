/**
 * What the accuracy benchmarks share: where pinned npm packages are cached (outside the repository), how one
 * is fetched and unpacked, and the ESLint configuration they are linted with (`configs.recommended`, untyped).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../../rules');

export const HERE = path.join(__dirname, '..', '..', '..', 'bench', 'accuracy');
export const CACHE = process.env.FAULTLINE_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'faultline-bench');

export interface PackageRef { name: string; version: string }
export interface CorpusEntry extends PackageRef { files: string[]; why: string }

export function slug(entry: PackageRef): string {
  return `${entry.name.replace('/', '+')}@${entry.version}`;
}

/** The unpacked package, downloading it once. */
export function ensurePackage(entry: PackageRef): string {
  const dir = path.join(CACHE, slug(entry));
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const tarballs = path.join(CACHE, 'tarballs');
  fs.mkdirSync(tarballs, { recursive: true });
  console.error(`fetching ${entry.name}@${entry.version}…`);
  const tarball = execFileSync('npm', ['pack', `${entry.name}@${entry.version}`, '--pack-destination', tarballs, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', path.join(tarballs, tarball), '-C', dir, '--strip-components=1']);
  return dir;
}

export const CONFIG: Linter.Config[] = [
  // The packages' own directives must neither switch our rules off nor add noise.
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{ts,mts,cts,mjs}'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
  { files: ['**/*.{js,cjs}'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'commonjs' } },
  plugin.configs.recommended as Linter.Config,
];
