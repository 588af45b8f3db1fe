import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calleeName, walkSameFunction, type FunctionNode } from './ast-walk';
import { enclosingClassBody, findVariable, memberName, unwrap } from './origin';
import { ATTEMPT_COUNTER_NAME } from '../knowledge/retries';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The counts a recursion's exit may test besides the variables it moves: properties the function, its
 * handler or any method of its class raise, and a kept count read into a `const` (retry-recursion-bounds.ts).
 */

/**
 * `this.connectionAttempts++` in the method that connects, beside `if (this.connectionAttempts >= MAX) return`
 * in the one that schedules the next try: a count the class keeps in any of its methods.
 */
export function classCounters(context: Context, fn: FunctionNode | undefined): string[] {
  const body = fn && enclosingClassBody(fn);
  // Named as attempts: a generation (`this.realtimeGeneration++`) compared to tell stale runs apart bounds nothing.
  return (body?.body ?? []).flatMap((element) => (element.type === AST_NODE_TYPES.MethodDefinition && element.value.body ? [...memberCounters(context, element.value.body)] : []))
    .filter((name) => ATTEMPT_COUNTER_NAME.test(name));
}

/**
 * `const attempts = ++this.attemptCount`, or `const attempts = (this.tries.get(id) || 0) + 1;
 * this.tries.set(id, attempts)`: a count kept on the instance, raised and read into a `const` the exit tests.
 */
export function countsReadIntoConsts(context: Context, fn: FunctionNode | undefined): string[] {
  if (fn?.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  return fn.body.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations : [])).flatMap((declarator) => {
    const init = declarator.init && unwrap(declarator.init);
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !init) return [];
    const raised = init.type === AST_NODE_TYPES.UpdateExpression && init.operator === '++' && init.prefix && init.argument.type === AST_NODE_TYPES.MemberExpression;
    const stepped = init.type === AST_NODE_TYPES.BinaryExpression && init.operator === '+' && init.right.type === AST_NODE_TYPES.Literal && init.right.value === 1
      && storedBack(context, declarator.id);
    return raised || stepped ? [declarator.id.name] : [];
  });
}

/** Is the variable written back where the count is kept: `map.set(id, attempts)`, `this.tries = attempts`? */
function storedBack(context: Context, id: TSESTree.Identifier): boolean {
  return (findVariable(context, id)?.references ?? []).some(({ identifier }) => {
    const parent = identifier.parent;
    return (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Expression) && calleeName(parent.callee) === 'set')
      || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier && parent.left.type === AST_NODE_TYPES.MemberExpression);
  });
}

/** Properties a function counts with: `this.retries++`, `state.attempts += 1`. */
export function memberCounters(context: Context, within: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walkSameFunction(context.sourceCode, within, (node) => {
    // `item.retries = (item.retries || 0) + 1` counts as `item.retries++` does.
    const target = node.type === AST_NODE_TYPES.UpdateExpression ? node.argument
      : node.type === AST_NODE_TYPES.AssignmentExpression && (['+=', '-='].includes(node.operator) || stepsItself(context, node)) ? node.left : undefined;
    const name = target?.type === AST_NODE_TYPES.MemberExpression ? memberName(target) : undefined;
    if (name !== undefined) names.add(name);
    return undefined;
  });
  return names;
}

/** `x.n = (x.n || 0) + 1`, `x.n = x.n - 1`: a member moved on from its own value. */
function stepsItself(context: Context, node: TSESTree.AssignmentExpression): boolean {
  const step = unwrap(node.right);
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression || step.type !== AST_NODE_TYPES.BinaryExpression || (step.operator !== '+' && step.operator !== '-')) return false;
  const own = context.sourceCode.getText(node.left);
  return context.sourceCode.getText(step.left).includes(own);
}
