import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { findVariable } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Is this `AbortSignal.timeout()` evaluated once at load time and kept, so that every later request shares its
 * clock: a class field, or a module-level `const` that functions (or importers) read later? One handed to a
 * single call, or made inside a function, starts its clock with the request.
 */
export function sharedAcrossRequests(context: Context, node: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = node;
  let stored: TSESTree.Node | undefined;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
      if (parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false; // handed to one call
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) stored = parent;
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current) return true;
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (parent.type === AST_NODE_TYPES.Program) break;
  }
  if (stored?.type !== AST_NODE_TYPES.VariableDeclarator || stored.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, stored.id);
  // Exported, it is used by importers' requests, which run later than this module's load.
  const exported = stored.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || variable?.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier);
  return Boolean(exported || variable?.references.some((reference) => !reference.init && reference.from.variableScope.type !== 'module' && reference.from.variableScope.type !== 'global'));
}
