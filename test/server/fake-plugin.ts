import type { Rule } from 'eslint';
import type { PluginLike } from '../../server/plugin';

/**
 * A stand-in plugin for what the real rules don't do yet: an autofix (fix-all needs one; Faultline's own fixes are
 * suggestions) and a report carrying `data.relatedLocations` (the server's related-information convention).
 */
const fixableVar: Rule.RuleModule = {
  meta: { type: 'suggestion', fixable: 'code', docs: { description: 'Disallow var', url: 'https://example.test/fixable-var' }, schema: [], messages: { useLet: 'Use let.' } },
  create(context) {
    return {
      VariableDeclaration(node) {
        if (node.kind !== 'var') return;
        const start = node.range![0];
        context.report({ node, messageId: 'useLet', fix: (fixer) => fixer.replaceTextRange([start, start + 3], 'let') });
      },
    };
  },
};

const relatedDemo: Rule.RuleModule = {
  meta: { type: 'problem', docs: { description: 'Report retry() with its operation', url: 'https://example.test/related-demo' }, schema: [], messages: { retried: 'This operation is retried.' } },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'retry' || !node.arguments[0]) return;
        context.report({ node: node.callee, messageId: 'retried', data: { relatedLocations: [{ message: 'retried here', loc: node.arguments[0].loc }] } as never });
      },
    };
  },
};

export const fakePlugin: PluginLike = {
  rules: { 'fixable-var': fixableVar, 'related-demo': relatedDemo },
  configs: { recommended: { rules: { 'faultline/fixable-var': 'warn', 'faultline/related-demo': 'error' } }, strict: { rules: { 'faultline/fixable-var': 'error', 'faultline/related-demo': 'error' } } },
};
