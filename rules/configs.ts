import type { TSESLint } from '@typescript-eslint/utils';
import type { FaultlineRule } from './all-rules';

/**
 * `recommended` and `strict` are derived from each rule's `meta.docs`, never listed by hand:
 * `recommended: true` puts a rule in `recommended` with its default options; every rule is in `strict`,
 * with `strictOptions` when it declares them.
 */
export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, FaultlineRule>>,
): { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config } {
  const recommended: TSESLint.FlatConfig.Rules = {};
  const strict: TSESLint.FlatConfig.Rules = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!docs) throw new Error(`faultline/${id} has no meta.docs`);
    if (docs.recommended) recommended[`faultline/${id}`] = 'warn';
    strict[`faultline/${id}`] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
  }
  return {
    recommended: { name: 'faultline/recommended', plugins: { faultline: plugin }, rules: recommended },
    strict: { name: 'faultline/strict', plugins: { faultline: plugin }, rules: strict },
  };
}
