import { ESLintUtils } from '@typescript-eslint/utils';

/** Where every rule's documentation lives; `meta.docs.url` is derived from it, never written by hand. */
export const DOCS_BASE_URL = 'https://github.com/faultline-dev/faultline/blob/main/docs/rules';

/**
 * The docs shape every Faultline rule declares. Configs and the README table are generated from it.
 * `recommended` puts the rule in `configs.recommended`; every rule is in `configs.strict`, with
 * `strictOptions` (when given) as its options there.
 */
export interface FaultlineDocs {
  description: string;
  recommended: boolean;
  /** Options the `strict` config uses instead of the defaults. */
  strictOptions?: readonly unknown[];
  /** The rule works without type information and becomes more precise with it. */
  requiresTypeChecking: false;
}

export const createRule = ESLintUtils.RuleCreator<FaultlineDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);
