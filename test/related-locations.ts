import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { Rule } from 'eslint';
import { withRelatedCapture, type RelatedLocation } from '../server/plugin';

/** One report that carries related locations: its line and message id, and the lines of its related locations. */
export interface ObservedReport {
  line: number;
  messageId: string;
  related: Array<{ message: string; line: number }>;
}

/**
 * Runs one rule (untyped) over `code` and returns the reports that carry `data.relatedLocations`. RuleTester
 * checks the message text only and ESLint's output drops `data`, so this reads them the way the server does.
 */
export function observeReports(rule: unknown, code: string): ObservedReport[] {
  const reports: ObservedReport[] = [];
  const sink = (_ruleId: string, key: string, related: RelatedLocation[]): void => {
    const [line, , messageId] = key.split(':');
    reports.push({ line: Number(line), messageId: messageId!, related: related.map((item) => ({ message: item.message, line: item.loc.start.line })) });
  };
  const { plugin } = withRelatedCapture({ rules: { rule: rule as Rule.RuleModule }, configs: {} }, () => sink);
  const linter = new Linter({ configType: 'flat' });
  linter.verify(code, [{
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { faultline: plugin as never },
    rules: { 'faultline/rule': 'warn' },
  }], 'file.ts');
  return reports.sort((a, b) => a.line - b.line);
}
