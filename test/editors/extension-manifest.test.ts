import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePackaged, ROOT, SERVER_BUNDLE, VSIX } from './support';

/**
 * The VS Code extension's manifest and .vsix against what they describe: the server's settings, the client's
 * commands, and the packaging rules (bundles, manifest, README, LICENSE, docs, the TypeScript fallback).
 */

interface Manifest {
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
  devDependencies: Record<string, string>;
  contributes: {
    commands: Array<{ command: string; title: string }>;
    configuration: { properties: Record<string, { default: unknown; description?: string; markdownDescription?: string }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('the VS Code extension manifest', () => {
  it('contributes exactly the settings the server reads, with its defaults', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFAULT_SETTINGS } = require(path.join(ROOT, 'out', 'server', 'settings.js')) as { DEFAULT_SETTINGS: Record<string, unknown> };
    const contributed = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(contributed).sort(), Object.keys(DEFAULT_SETTINGS).map((key) => `faultline.${key}`).sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const setting = contributed[`faultline.${key}`]!;
      // JSON has no `undefined`: an unset default is contributed as null.
      assert.deepEqual(setting.default, value ?? null, `default of faultline.${key}`);
      assert.ok(setting.description ?? setting.markdownDescription, `faultline.${key} has no description`);
    }
  });

  it('registers every contributed command in the client', () => {
    const source = fs.readdirSync(path.join(ROOT, 'client'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => fs.readFileSync(path.join(ROOT, 'client', file), 'utf8'))
      .join('\n');
    for (const { command } of manifest.contributes.commands) {
      assert.ok(source.includes(`registerCommand('${command}'`), `${command} is contributed but never registered`);
    }
  });

  it('activates on TypeScript and JavaScript, runs untrusted, and agrees with @types/vscode', () => {
    assert.deepEqual(manifest.activationEvents.sort(), ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((l) => `onLanguage:${l}`));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.main, './dist/client.js');
    // vsce refuses an @types/vscode newer than engines.vscode; vscode-languageclient 11 needs ^1.91.0.
    assert.equal(manifest.engines.vscode, `^${manifest.devDependencies['@types/vscode']}`);
  });
});

describe('the packed .vsix', function () {
  this.timeout(300_000);
  before(() => ensurePackaged());

  it('holds only the bundles, the TypeScript fallback, the manifest, README, LICENSE and docs', () => {
    const entries = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/(package\.json|readme\.md|LICENSE\.txt|changelog\.md)$/,
      /^extension\/dist\/(client|server)\.js$/,
      /^extension\/dist\/[a-z]+\.js\.LEGAL\.txt$/,
      /^extension\/dist\/node_modules\/typescript\/(package\.json|LICENSE\.txt|ThirdPartyNoticeText\.txt|lib\/(typescript\.js|lib\.[\w.]+\.d\.ts))$/,
      /^extension\/docs\/.+\.md$/,
    ];
    assert.deepEqual(entries.filter((entry) => !allowed.some((pattern) => pattern.test(entry))), []);
    for (const required of ['extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/node_modules/typescript/lib/typescript.js', 'extension/dist/node_modules/typescript/lib/lib.es2022.d.ts']) {
      assert.ok(entries.includes(required), `${required} is missing from the .vsix`);
    }
  });

  it('ships a manifest without the npm-only `files` list', () => {
    const packed = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(packed.files, undefined);
    assert.equal(packed.version, manifest.version);
  });

  it('has a server bundle that starts on its own', () => {
    assert.equal(execFileSync(process.execPath, [SERVER_BUNDLE, '--version'], { encoding: 'utf8' }).trim(), manifest.version);
  });
});
