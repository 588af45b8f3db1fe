/**
 * Property: every suggestion of every rule, applied to every invalid test case, gives code that
 * @typescript-eslint/parser parses and that no longer gets the same report at the same place.
 *
 * Convention (how a rule's cases reach this test — follow it and new rules are covered automatically):
 * a module `test/rules/<rule-id>.test.ts` (or `<rule-id>-<anything>.test.ts`) whose `<rule-id>` is a key
 * of `rules/all-rules.ts` exports its invalid cases as
 *   - `invalidCases`: run by both `untypedTester` and `typedTester`;
 *   - `untypedInvalidCases` (optional): run by `untypedTester` only;
 *   - `typedInvalidCases` (optional): run by `typedTester` only (`filename` relative to test/fixtures).
 * Each is an array of `InvalidTestCase` (only `code`, `filename` and `options` are read here). A rule with
 * no such export shows up as a pending test, so a missing export is visible and never a silent pass.
 *
 * Requiring those modules also registers their own RuleTester suites, so running this file alone runs
 * them too (`mocha` deduplicates when the whole suite runs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/all-rules';
import { FIXTURES } from '../rule-tester';

type Case = InvalidTestCase<string, readonly unknown[]>;
interface Suite { ruleId: string; typed: boolean; file: string; cases: readonly Case[] }

const RULE_TESTS = path.join(__dirname, '..', 'rules');
const REPOSITORY = path.join(FIXTURES, '..', '..');

/** The rule a test module belongs to: the longest rule id its file name starts with. */
function ruleOfFile(file: string): string | undefined {
  const base = file.replace(/\.test\.js$/, '');
  const matches = Object.keys(rules).filter((id) => base === id || base.startsWith(`${id}-`));
  return matches.sort((a, b) => b.length - a.length)[0];
}

function collectSuites(): Suite[] {
  const suites: Suite[] = [];
  for (const file of fs.readdirSync(RULE_TESTS).filter((name) => name.endsWith('.test.js')).sort()) {
    const ruleId = ruleOfFile(file);
    if (!ruleId) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(path.join(RULE_TESTS, file)) as Record<string, unknown>;
    const add = (name: string, typed: boolean): void => {
      const cases = exported[name];
      if (Array.isArray(cases)) suites.push({ ruleId, typed, file: `${file}#${name}`, cases: cases as Case[] });
    };
    add('invalidCases', false);
    add('invalidCases', true);
    add('untypedInvalidCases', false);
    add('typedInvalidCases', true);
  }
  return suites;
}

const linter = new Linter({ configType: 'flat', cwd: REPOSITORY });
const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

function lint(suite: Suite, testCase: Case, code: string): Linter.LintMessage[] {
  const parserOptions = suite.typed
    ? { projectService: { allowDefaultProject: ['*.ts*'] }, tsconfigRootDir: FIXTURES }
    : { ecmaVersion: 'latest' as const, sourceType: 'module' as const };
  const options = (testCase.options ?? []) as unknown[];
  const config: Linter.Config[] = [{
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser, parserOptions },
    plugins: { faultline: plugin },
    rules: { [`faultline/${suite.ruleId}`]: ['warn', ...options] },
  }];
  return linter.verify(code, config, { filename: path.join(FIXTURES, testCase.filename ?? 'file.ts') });
}

/**
 * Where a 1-based line and column of `before` is in `after`. A suggestion's fixes are merged into one
 * replacement that may span many lines (an import at the top, a key at the call), so offsets can't be
 * shifted; lines are aligned instead (longest common subsequence), and an edited line is the one of
 * the changed block that still starts like the original up to the reported column.
 */
function mapPosition(before: string, after: string, line: number, column: number): { line: number; column: number } | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const matchOf = new Map<number, number>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) matchOf.set(i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  const index = line - 1;
  const direct = matchOf.get(index);
  if (direct !== undefined) return { line: direct + 1, column };
  let low = -1;
  for (let i = index - 1; i >= 0; i--) if (matchOf.has(i)) { low = matchOf.get(i)!; break; }
  let high = b.length;
  for (let i = index + 1; i < a.length; i++) if (matchOf.has(i)) { high = matchOf.get(i)!; break; }
  const head = a[index]!.slice(0, column);
  for (let j = low + 1; j < high; j++) if (b[j]!.startsWith(head)) return { line: j + 1, column };
  return undefined;
}

function title(code: string): string {
  const line = code.split('\n').find((text) => /\S/.test(text) && !/^\s*import\b/.test(text)) ?? code;
  return line.trim().slice(0, 90);
}

const suites = collectSuites();

describe('every suggestion parses and silences its report', () => {
  for (const ruleId of Object.keys(rules)) {
    const own = suites.filter((suite) => suite.ruleId === ruleId);
    if (own.length === 0) {
      it.skip(`${ruleId}: its test module exports no invalidCases`);
      continue;
    }
    for (const suite of own) {
      describe(`${ruleId} ${suite.typed ? '(typed)' : '(untyped)'} ${suite.file}`, () => {
        for (const testCase of suite.cases) {
          it(title(testCase.code), () => {
            const code = testCase.code;
            const reports = lint(suite, testCase, code).filter((message) => message.ruleId === `faultline/${ruleId}`);
            for (const report of reports) {
              for (const suggestion of report.suggestions ?? []) {
                const { range, text } = suggestion.fix;
                const fixed = code.slice(0, range[0]) + text + code.slice(range[1]);
                const where = `${report.messageId} at ${report.line}:${report.column} → "${suggestion.desc}"`;
                const after = lint(suite, testCase, fixed);
                const fatal = after.find((message) => message.fatal);
                assert.equal(fatal, undefined, `${where}: the result does not parse: ${fatal?.message}\n${fixed}`);
                const moved = mapPosition(code, fixed, report.line, report.column);
                const stillThere = moved && after.find((message) => message.ruleId === report.ruleId && message.messageId === report.messageId
                  && message.line === moved.line && message.column === moved.column);
                assert.equal(stillThere, undefined, `${where}: still reported after the suggestion\n${fixed}`);
              }
            }
          });
        }
      });
    }
  }
});
