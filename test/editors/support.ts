import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Shared by the real-editor tests: where things are, the missing-tool policy, the packaged build, a workspace. */

export const ROOT = path.join(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');
export const INSTALL_COMMAND = '.ci/install-editors.sh';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; publisher: string };
export const VSIX = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/**
 * A missing editor fails the test in CI (the install script should have put it there) and skips it on a
 * developer machine, saying which command installs it.
 */
export function requireTool(ctx: Mocha.Context, label: string, file: string): void {
  if (fs.existsSync(file)) return;
  const message = `${label} not found at ${file}; install it with \`${INSTALL_COMMAND}\``;
  if (process.env.CI) throw new Error(`${message} (CI is set, so this is a failure, not a skip)`);
  console.log(`      skipped: ${message}`);
  ctx.skip();
}

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

let packaged = false;

/**
 * The editor tests exercise what users install: dist/ and the .vsix. They are (re)built when missing or older
 * than tsc's output (`npm test` runs tsc first), so `npm test` on a fresh clone works end to end.
 */
export function ensurePackaged(): void {
  if (packaged) return;
  const sources = Math.max(...['server', 'client', 'rules'].map((dir) => newestMtime(path.join(ROOT, 'out', dir))));
  const built = [SERVER_BUNDLE, path.join(ROOT, 'dist', 'client.js'), VSIX].map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0));
  if (Math.min(...built) < sources) {
    console.log('      packaging: dist/ or the .vsix is missing or older than out/; running scripts/package.mjs');
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--no-tsc'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`scripts/package.mjs failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
    }
  }
  packaged = true;
}

/** The code each editor opens: a fetch with no timeout, in a project with a tsconfig so the server can type it. */
export const SAMPLE_FILE = 'src/catalogue.ts';
export const SAMPLE_SOURCE = `export async function loadProduct(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json();
}
`;
export const SAMPLE_FIXED_LINE = '  const response = await fetch(url, { signal: AbortSignal.timeout(10000) });';
export const FIX_TITLE = 'Add a 10 s timeout';

export function createWorkspace(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `faultline-${prefix}-`));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, SAMPLE_FILE), SAMPLE_SOURCE);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', lib: ['ES2023', 'DOM'], noEmit: true }, include: ['src'] }, null, 2),
  );
  return dir;
}

export function artifactDir(name: string): string {
  const dir = path.join(ARTIFACTS, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
