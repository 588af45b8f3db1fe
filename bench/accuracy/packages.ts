/**
 * What the accuracy benchmarks share: where pinned npm packages are cached (outside the repository), how one
 * is fetched and unpacked, and the ESLint configuration they are linted with (`configs.recommended`, untyped).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import * as ts from 'typescript';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../../rules');

export const HERE = path.join(__dirname, '..', '..', '..', 'bench', 'accuracy');
export const CACHE = process.env.FAULTLINE_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'faultline-bench');

export interface PackageRef { name: string; version: string }
/** `set`: `tuning`, or the held-out set the package was labelled for before the rules ran on it. */
export interface CorpusEntry extends PackageRef { set: string; files: string[]; why: string }

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

/**
 * `--typed`: the same configuration with type information. The files are linted where they lie, inside a
 * TypeScript program made of the package's chosen files and what they import (JavaScript included, not
 * checked), as an editor or CI gives it for a project without a tsconfig of its own. The packages'
 * dependencies are not installed, so their imports have no types: what types add here is the program's
 * own files, read across.
 */
export function typedProgram(dir: string, files: readonly string[]): ts.Program {
  const options: ts.CompilerOptions = {
    allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, types: [], maxNodeModuleJsDepth: 0,
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true,
  };
  const host = ts.createCompilerHost(options);
  // A published package ships `retry.d.ts` beside `retry.js`, and TypeScript resolves `require('./retry')` to
  // the declarations, which have no bodies: the program would hold none of the code the package's files
  // call. A project's own sources have no such shadow, so the benchmark reads the JavaScript beside them.
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) => literals.map((literal) => {
    const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, undefined, redirected).resolvedModule;
    const javascript = resolved?.resolvedFileName.replace(/\.d\.ts$/, '.js');
    if (!resolved || javascript === resolved.resolvedFileName || resolved.isExternalLibraryImport || !fs.existsSync(javascript!)) return { resolvedModule: resolved };
    return { resolvedModule: { ...resolved, resolvedFileName: javascript!, extension: ts.Extension.Js } };
  });
  return ts.createProgram(files.map((file) => path.join(dir, file)), options, host);
}

export function typedConfig(program: ts.Program): Linter.Config[] {
  return [
    ...CONFIG,
    { files: ['**/*.{ts,mts,cts,mjs,js,cjs}'], languageOptions: { parserOptions: { programs: [program] } } },
  ];
}
