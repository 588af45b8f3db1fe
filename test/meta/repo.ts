import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, findRuleNames } from '../../scripts/generate';

/** The repository root (tests run from out/test/meta). */
export const ROOT = REPO_ROOT;

/** Rule names as the generator sees them: every rules/*.ts that default-exports `createRule(...)`. */
export const RULE_NAMES = findRuleNames(ROOT);

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** Every .ts file under a top-level folder of the repository (none when the folder doesn't exist yet). */
export function sourceFiles(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(full);
      } else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}
