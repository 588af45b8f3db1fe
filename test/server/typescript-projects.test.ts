import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { FULL_PARSE_EVERY, TypeScriptProjects } from '../../server/typescript-projects';
import { tempDir } from './helpers';

describe('server: TypeScript projects', () => {
  let root: string;
  let projects: TypeScriptProjects;
  before(() => {
    root = tempDir();
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', lib: ['ES2022'], types: [], noEmit: true }, include: ['src/**/*.ts'] }));
  });
  after(() => {
    projects?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  // Incremental reparses reuse the unchanged nodes, but left memory behind at every new spot (bench:server);
  // a whole parse now and then lets it go. The first statement is far from every edit, so an incremental
  // reparse keeps its node and a whole parse makes a new one.
  it('reparses an edited document incrementally, and whole once every FULL_PARSE_EVERY edits', () => {
    const file = path.join(root, 'src', 'orders.ts');
    const lines = ['export const first = 1;', ...Array.from({ length: 40 }, (_, i) => `export const value${i} = ${i};`)];
    fs.writeFileSync(file, lines.join('\n'));
    projects = new TypeScriptProjects({ typescript: ts, log: () => undefined, maxProjectFiles: 5000 });
    let previous = projects.programFor(file, lines.join('\n'), 1)!.getSourceFile(file)!.statements[0];
    const wholeParses: number[] = [];
    for (let version = 2; version <= 2 * FULL_PARSE_EVERY + 2; version++) {
      const line = 1 + (version % 40);
      lines[line] = lines[line]!.endsWith(' // e') ? lines[line]!.slice(0, -5) : `${lines[line]} // e`;
      const first = projects.programFor(file, lines.join('\n'), version)!.getSourceFile(file)!.statements[0];
      if (first !== previous) wholeParses.push(version);
      previous = first;
    }
    assert.deepEqual(wholeParses, [FULL_PARSE_EVERY + 1, 2 * FULL_PARSE_EVERY + 1]);
  });
});
