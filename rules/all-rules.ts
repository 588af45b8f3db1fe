// GENERATED — DO NOT EDIT — run `npm run generate` (scripts/generate.ts) after adding a rule file.
import type { TSESLint } from '@typescript-eslint/utils';
import type { FaultlineDocs } from './util/createRule';
import noUnguardedDependency from './no-unguarded-dependency';
import noUnsafeRetry from './no-unsafe-retry';
import requireRetryBackoff from './require-retry-backoff';
import requireTimeout from './require-timeout';

export type FaultlineRule = TSESLint.RuleModule<string, readonly unknown[], FaultlineDocs>;

export const rules: Readonly<Record<string, FaultlineRule>> = {
  'no-unguarded-dependency': noUnguardedDependency as unknown as FaultlineRule,
  'no-unsafe-retry': noUnsafeRetry as unknown as FaultlineRule,
  'require-retry-backoff': requireRetryBackoff as unknown as FaultlineRule,
  'require-timeout': requireTimeout as unknown as FaultlineRule,
};
