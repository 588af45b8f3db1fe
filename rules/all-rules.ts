// GENERATED — DO NOT EDIT — run `npm run generate` (scripts/generate.ts) after adding a rule file.
import type { TSESLint } from '@typescript-eslint/utils';
import type { FaultlineDocs } from './util/createRule';
import noUnsafeRetry from './no-unsafe-retry';
import requireTimeout from './require-timeout';

export type FaultlineRule = TSESLint.RuleModule<string, readonly unknown[], FaultlineDocs>;

export const rules: Readonly<Record<string, FaultlineRule>> = {
  'no-unsafe-retry': noUnsafeRetry as unknown as FaultlineRule,
  'require-timeout': requireTimeout as unknown as FaultlineRule,
};
