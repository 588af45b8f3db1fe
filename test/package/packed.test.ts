import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
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

/**
 * What a user does: `npm pack` the plugin, install the tarball next to ESLint 10 in a fresh project, and lint
 * with `configs.recommended`, untyped and typed. Installs run `--offline` from npm's cache, which `npm ci` filled,
 * so the test never reaches the network.
 */
describe('the packed tarball in a fresh ESLint 10 project', function () {
  this.timeout(240_000);
  let project: string;

  before(function () {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-pack-'));
    const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    project = path.join(work, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    fs.writeFileSync(path.join(project, 'src', 'service.ts'), SERVICE);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', lib: ['ES2023', 'DOM'], noEmit: true, skipLibCheck: true }, include: ['src'] }));
    const deps = ['eslint', 'typescript', '@typescript-eslint/parser'].map((name) => `${name}@${rootManifest.devDependencies[name]}`);
    try {
      npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...deps, path.join(work, tarball)], project);
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
