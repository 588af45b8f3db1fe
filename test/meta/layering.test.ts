import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, sourceFiles } from './repo';

/**
 * The three faces share one analysis in one direction only: rules/ knows nothing of the editor, the server
 * reaches the plugin only through its public entry (so any rule anyone adds shows up there unchanged), and
 * the VS Code client only starts the server bundle.
 */
const EDITOR_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-languageserver-textdocument|vscode-jsonrpc)(\/|$)/;
const PLUGIN_PUBLIC_ENTRIES = new Set(['rules', 'rules/index', 'rules/index.ts', 'rules/index.js', 'out/rules', 'out/rules/index', 'out/rules/index.js']);

/** Import, export-from, dynamic import and require specifiers that are string literals; comments removed first. */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] as string));
}

/** A relative specifier as a repository path (`rules/index`), a bare one as itself. */
function target(file: string, specifier: string): { repoPath?: string; bare?: string } {
  if (!specifier.startsWith('.')) return { bare: specifier };
  return { repoPath: path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/') };
}

function topFolder(repoPath: string): string {
  const parts = repoPath.split('/');
  return parts[0] === 'out' ? parts[1] ?? '' : parts[0] ?? '';
}

function violations(folder: string, check: (t: { repoPath?: string; bare?: string }) => string | undefined): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(folder)) {
    for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const problem = check(target(file, specifier));
      if (problem) found.push(`${path.relative(ROOT, file)} imports '${specifier}': ${problem}`);
    }
  }
  return found;
}

describe('meta: layering', () => {
  it('finds import specifiers in every form', () => {
    const text = "import a from 'a';\nimport type { B } from \"b\";\nexport * from './c';\nimport './d';\nconst e = require('e');\nconst f = await import('f');\nimport g = require('g');\n// import h from 'h';\n";
    assert.deepEqual(importSpecifiers(text).sort(), ['./c', './d', 'a', 'b', 'e', 'f', 'g']);
  });

  it('rules/ imports nothing from server/, client/ or the editor', () => {
    assert.deepEqual(violations('rules', (t) => {
      if (t.repoPath && ['server', 'client'].includes(topFolder(t.repoPath))) return 'rules must not know the language server or the extension';
      if (t.bare && EDITOR_PACKAGES.test(t.bare)) return 'rules must not know LSP or VS Code';
      return undefined;
    }), []);
  });

  it('server/ uses the plugin only through its public entry, and never the client', () => {
    assert.deepEqual(violations('server', (t) => {
      if (t.repoPath && topFolder(t.repoPath) === 'rules' && !PLUGIN_PUBLIC_ENTRIES.has(t.repoPath)) return 'reach the plugin only through rules/index (its public export)';
      if (t.repoPath && topFolder(t.repoPath) === 'client') return 'the server must not import the extension';
      if (t.bare && /^eslint-plugin-faultline\/./.test(t.bare)) return 'only the package root is public';
      if (t.bare && /^vscode(\/|$)/.test(t.bare)) return 'the server runs outside VS Code';
      return undefined;
    }), []);
  });

  it('client/ imports neither the plugin nor the server', () => {
    assert.deepEqual(violations('client', (t) => {
      if (t.repoPath && ['rules', 'server'].includes(topFolder(t.repoPath))) return 'the extension only starts the server bundle';
      if (t.bare && /^eslint-plugin-faultline(\/|$)/.test(t.bare)) return 'the extension only starts the server bundle';
      return undefined;
    }), []);
  });
});
