#!/usr/bin/env node
// `npm run package`: compile, bundle the client and the server with esbuild, add a trimmed TypeScript as the
// server's fallback, and pack the VS Code extension with vsce.
//
//   node scripts/package.mjs            bundles + .vsix (<name>-<version>.vsix at the repo root)
//   node scripts/package.mjs --bundle   bundles only (dist/)
//   node scripts/package.mjs --no-tsc   skip the compile step (the caller just ran tsc, as `npm test` does)
//
// Why TypeScript is not bundled: the server prefers the *workspace's* TypeScript (when the workspace is
// trusted and its major.minor matches; server/typescript-projects.ts), and a bundled typescript.js would
// look for its lib.*.d.ts next to the bundle anyway. So `typescript` stays external, and since
// @typescript-eslint/typescript-estree requires it at load time, a copy trimmed to what the compiler API
// loads at run time (typescript.js + lib.*.d.ts) ships in dist/node_modules/typescript, where Node's
// resolution from dist/server.js finds it. (vsce --no-dependencies drops every top-level node_modules/,
// which is why the copy sits under dist/.) See client/DESIGN.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixPath = join(root, `${manifest.name}-${manifest.version}.vsix`);

const bundleOnly = process.argv.includes('--bundle');
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const step = (label) => console.log(`[package] ${label}`);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Minified identifiers make the server's crash stacks in the output channel useless; whitespace and
  // syntax minification already give most of the size win.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
};

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

async function bundle() {
  rmSync(dist, { recursive: true, force: true });
  // The server reaches the plugin through its public export, out/rules/index.js, so compile first.
  if (!process.argv.includes('--no-tsc')) {
    step('tsc -p .');
    try {
      run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
    } catch {
      // tsc emits despite type errors elsewhere in the shared tree; the bundles below are what matter.
      step('tsc reported errors (emitted anyway); continuing');
    }
  }
  // Bundled from tsc's output rather than the .ts sources: the plugin reads `../../package.json` relative to
  // out/rules/, a path that only holds in the compiled layout. esbuild follows tsc's source maps back to .ts.
  const clientEntry = join(root, 'out/client/extension.js');
  const serverEntry = join(root, 'out/server/main.js');
  for (const entry of [clientEntry, serverEntry]) {
    if (!existsSync(entry)) throw new Error(`${relative(root, entry)} was not emitted by tsc; nothing to bundle`);
  }

  const started = Date.now();
  const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: [clientEntry], outfile: join(dist, 'client.js'), external: ['vscode'] }),
    esbuild.build({
      ...common,
      entryPoints: [serverEntry],
      outfile: join(dist, 'server.js'),
      // eslint, @typescript-eslint/parser and the plugin are bundled; typescript is not (see the header).
      // jiti is what ESLint's config loader uses for eslint.config.ts; the server never loads config files
      // (it runs no workspace code), so that import is never reached and is left unresolved.
      external: ['typescript', 'jiti', 'jiti/package.json'],
    }),
  ]);
  step(`esbuild: ${Date.now() - started} ms`);
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) step(`  ${file}: ${kb(info.bytes)}`);
    }
  }
  copyTypeScriptFallback();
}

function copyTypeScriptFallback() {
  const from = dirname(require.resolve('typescript/package.json'));
  const to = join(dist, 'node_modules', 'typescript');
  mkdirSync(join(to, 'lib'), { recursive: true });
  for (const file of ['package.json', 'LICENSE.txt', 'ThirdPartyNoticeText.txt']) cpSync(join(from, file), join(to, file));
  const libFiles = readdirSync(join(from, 'lib')).filter((f) => f === 'typescript.js' || /^lib\..*\.d\.ts$/.test(f));
  for (const file of libFiles) cpSync(join(from, 'lib', file), join(to, 'lib', file));
  const version = JSON.parse(readFileSync(join(to, 'package.json'), 'utf8')).version;
  step(`typescript ${version} fallback: ${libFiles.length} lib files, ${kb(dirSize(to))}`);
}

function dirSize(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .reduce((sum, p) => sum + statSync(p).size, 0);
}

/**
 * vsce refuses a package.json with both `files` (which the npm tarball of the ESLint plugin needs) and a
 * .vscodeignore. So the extension is packed from a staging copy: the manifest without `files`, plus what the
 * .vscodeignore whitelist can let through; .vscodeignore still decides the final contents.
 */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-vsix-'));
  const { files: _npmFiles, ...extensionManifest } = manifest;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);
  for (const entry of ['.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs', 'dist']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

function pack() {
  const dir = stage();
  try {
    step(`vsce package -> ${relative(root, vsixPath)}`);
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsixPath], {
      cwd: dir,
      stdio: 'inherit',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  step(`${relative(root, vsixPath)}: ${kb(statSync(vsixPath).size)}`);
}

await bundle();
if (!bundleOnly) pack();
