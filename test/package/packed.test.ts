import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

const SERVICE = `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com' });
export async function load(id: string) {
  const response = await fetch(\`https://api.example.com/items/\${id}\`);
  return response.json();
}
`;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface LockEntry { version?: string; integrity?: string; resolved?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; [key: string]: unknown }
interface Lockfile { name?: string; lockfileVersion: number; requires?: boolean; packages: Record<string, LockEntry> }

/**
 * The consumer's lockfile, cut from this repository's: the entries `roots` need, at the places npm put
 * them here, plus the packed plugin. \`npm ci --offline\` then installs from the tarballs that \`npm ci\`
 * cached for this repository. (\`npm install <name>@<version>\` offline would need each package's full
 * registry document, which \`npm ci\` does not cache.)
 */
function consumerLock(roots: Record<string, string>, plugin: { file: string; manifest: LockEntry }): Lockfile {
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  const packages: Record<string, LockEntry> = {};
  // Node's lookup: `node_modules/<name>` beside the requiring package, then in each folder above it.
  const resolve = (from: string, name: string): string | undefined => {
    for (let base = from; ; ) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (source.packages[candidate]) return candidate;
      if (!base) return undefined;
      const parent = base.lastIndexOf('/node_modules/');
      base = parent === -1 ? '' : base.slice(0, parent);
    }
  };
  const visit = (key: string | undefined): void => {
    if (!key || packages[key]) return;
    const { dev, devOptional, peer, ...entry } = source.packages[key]!;
    packages[key] = entry;
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      if (!optionalPeers.includes(name)) visit(resolve(key, name));
    }
  };
  const dependencies = { ...roots, 'eslint-plugin-faultline': `file:../${plugin.file}` };
  for (const name of [...Object.keys(roots), ...Object.keys(plugin.manifest.dependencies ?? {})]) visit(resolve('', name));
  packages['node_modules/eslint-plugin-faultline'] = { ...plugin.manifest, resolved: `file:../${plugin.file}` };
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages: { '': { name: 'consumer', dependencies }, ...packages } };
}

/**
 * What a user does: `npm pack` the plugin, install the tarball next to ESLint 10 in a fresh project, and lint
 * with `configs.recommended`, untyped and typed. The project is installed with `npm ci --offline` from a
 * lockfile cut from this repository's, out of the cache that this repository's `npm ci` filled, so the test
 * never reaches the network.
 */
describe('the packed tarball in a fresh ESLint 10 project', function () {
  this.timeout(240_000);
  let project: string;

  before(function () {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-pack-'));
    const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    project = path.join(work, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    const roots = Object.fromEntries(['eslint', 'typescript', '@typescript-eslint/parser'].map((name) => [name, rootManifest.devDependencies[name]!]));
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', path.join(work, tarball), 'package/package.json'], { encoding: 'utf8' })) as LockEntry & { name: string };
    const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(path.join(work, tarball))).digest('base64')}`;
    const pluginEntry: LockEntry = { version: manifest.version, integrity, dependencies: manifest.dependencies, peerDependencies: manifest.peerDependencies };
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { ...roots, 'eslint-plugin-faultline': `file:../${tarball}` } }));
    fs.writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(consumerLock(roots, { file: tarball, manifest: pluginEntry }), null, 2));
    fs.writeFileSync(path.join(project, 'src', 'service.ts'), SERVICE);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', lib: ['ES2023', 'DOM'], noEmit: true, skipLibCheck: true }, include: ['src'] }));
    try {
      npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    } catch (error) {
      throw new Error(`offline install failed (is npm's cache filled by \`npm ci\`?): ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
  });

  function lint(config: string): Array<{ ruleId: string; line: number; messageId?: string }> {
    fs.writeFileSync(path.join(project, 'eslint.config.js'), config);
    let output: string;
    try {
      output = execFileSync(path.join(project, 'node_modules', '.bin', 'eslint'), ['-f', 'json', 'src'], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const [result] = JSON.parse(output) as Array<{ messages: Array<{ ruleId: string; line: number; messageId?: string }> }>;
    return result!.messages.map(({ ruleId, line, messageId }) => ({ ruleId, line, messageId }));
  }

  it('lints with configs.recommended, untyped', function () {
    const messages = lint(`import faultline from 'eslint-plugin-faultline';
import tsParser from '@typescript-eslint/parser';
export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, faultline.configs.recommended];
`);
    assert.deepEqual(messages.filter((m) => m.ruleId === 'faultline/require-timeout').map((m) => [m.line, m.messageId]), [[2, 'missingTimeout'], [4, 'missingTimeout']]);
  });

  it('lints with configs.recommended, typed (projectService)', function () {
    const messages = lint(`import faultline from 'eslint-plugin-faultline';
import tsParser from '@typescript-eslint/parser';
export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }, faultline.configs.recommended];
`);
    assert.deepEqual(messages.filter((m) => m.ruleId === 'faultline/require-timeout').map((m) => [m.line, m.messageId]), [[2, 'missingTimeout'], [4, 'missingTimeout']]);
  });

  it('is the same plugin object from require()', function () {
    const loaded = execFileSync('node', ['-e', "const p = require('eslint-plugin-faultline'); console.log(p.meta.namespace, Object.keys(p.configs).join(','))"], { cwd: project, encoding: 'utf8' });
    assert.equal(loaded.trim(), 'faultline recommended,strict');
  });
});
