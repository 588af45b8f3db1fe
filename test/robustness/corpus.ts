import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../../rules');

/** Tests run from out/test/robustness; the installed packages are the repository's node_modules. */
export const NODE_MODULES = path.join(__dirname, '..', '..', '..', 'node_modules');

/** Large, varied real code that is always installed (dev dependencies): a compiler, a linter, a parser. */
export const CORPUS_ROOTS = ['typescript/lib', 'eslint/lib', '@typescript-eslint'] as const;

const LINTABLE = /\.(js|cjs|mjs|ts|mts|cts)$/;

export interface CorpusFile {
  /** Relative to node_modules: stable across machines, and what a failure names. */
  name: string;
  absolute: string;
  bytes: number;
}

/** Every lintable file under one root, sorted, so any sample of it is the same on every machine. */
export function corpusFiles(root: string): CorpusFile[] {
  const found: CorpusFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Nested installs are other packages' copies; the top-level ones are swept on their own.
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && LINTABLE.test(entry.name)) {
        found.push({ name: path.relative(NODE_MODULES, full).split(path.sep).join('/'), absolute: full, bytes: fs.statSync(full).size });
      }
    }
  };
  const start = path.join(NODE_MODULES, root);
  if (fs.existsSync(start)) walk(start);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every `step`-th file below `maxBytes`, spread evenly over the sorted list: deterministic, no randomness. */
export function sample(files: readonly CorpusFile[], count: number, maxBytes: number): CorpusFile[] {
  const small = files.filter((f) => f.bytes <= maxBytes);
  if (small.length <= count) return small;
  const step = small.length / count;
  return Array.from({ length: count }, (_, i) => small[Math.floor(i * step)] as CorpusFile);
}

export type ConfigName = 'recommended' | 'strict';

/** Parses every file with @typescript-eslint/parser (it reads JS too), so rules see the AST they see in users' TS projects. */
export function linterConfig(config: ConfigName | Linter.Config): Linter.Config[] {
  return [
    // A package's own `/* eslint-disable */` must not switch our rules off, and its directives name rules we don't load.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.{ts,mts,cts,mjs}'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
    { files: ['**/*.{js,cjs}'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'commonjs' } },
    typeof config === 'string' ? (plugin.configs[config] as Linter.Config) : config,
  ];
}

export interface LintOutcome {
  /** A rule (or ESLint itself) threw: the failure this suite exists to find. */
  crash?: string;
  /** The parser could not read the file (not a rule problem; counted, not failed). */
  parseError?: string;
  findings: number;
}

export function lintFile(linter: Linter, config: Linter.Config[], file: CorpusFile): LintOutcome {
  const code = fs.readFileSync(file.absolute, 'utf8');
  try {
    const messages = linter.verify(code, config, { filename: file.name });
    const fatal = messages.find((m) => m.fatal);
    return fatal ? { parseError: `${fatal.line}:${fatal.column} ${fatal.message}`, findings: 0 } : { findings: messages.length };
  } catch (error) {
    const err = error as Error;
    return { crash: `${err.message}\n${err.stack ?? ''}`, findings: 0 };
  }
}
