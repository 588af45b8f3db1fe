import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, isFunctionNode, parameterIndex, walk, walkSameFunction, type FunctionNode } from './ast-walk';
import { findVariable, unwrap } from './origin';
import { alwaysExits } from './retry-loops';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Hand-written retries by recursion: a function that calls itself again from a `catch` or a `.catch()`
 * handler (recursion on a helper's failure value is in retry-failure-value.ts). A callback called from a
 * catch, or a one-time switch to another mode, is not a retry.
 */
/** Is `call` a call of `fn` itself (by its name, or `this.name()` in a method)? */
export function callsItself(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, callee);
    const def = variable?.defs[0];
    if (!def) return false;
    // A parameter's def also points at the function: `reject(err)` in a catch is not recursion.
    if (def.type === 'FunctionName') return def.node === fn;
    return def.type === 'Variable' && def.node.init !== null && unwrap(def.node.init) === fn;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const key = fn.parent.key;
    return !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && key.type === AST_NODE_TYPES.Identifier && key.name === callee.property.name;
  }
  return false;
}

export function recursiveCallIn(context: Context, root: TSESTree.Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && isFunctionNode(node) && node !== root) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && callsItself(context, node, fn)) found = node;
    return undefined;
  });
  return found;
}

/**
 * `setTimeout(() => again(attempt + 1), delay)` in a failure handler: the retry scheduled on a timer, as
 * callback-style code writes it. The delay is a wait unless it is missing or a literal 0.
 */
function scheduledRecursionIn(context: Context, root: TSESTree.Node, fn: FunctionNode): { call: TSESTree.CallExpression; waits: boolean } | undefined {
  let found: { call: TSESTree.CallExpression; waits: boolean } | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || !isGlobalSetTimeout(context, node.callee)) return undefined;
    const callback = node.arguments[0] && unwrap(node.arguments[0]);
    const call = isFunctionNode(callback) ? recursiveCallIn(context, callback.body, fn) : undefined;
    if (!call) return undefined;
    const delay = node.arguments[1] && unwrap(node.arguments[1]);
    found = { call, waits: delay !== undefined && !(delay.type === AST_NODE_TYPES.Literal && delay.value === 0) };
    return false;
  });
  return found;
}

function isGlobalSetTimeout(context: Context, callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  return target.type === AST_NODE_TYPES.Identifier && target.name === 'setTimeout' && (findVariable(context, target)?.defs.length ?? 0) === 0;
}

/** Passes a changed counter (`attempt + 1`, `retries - 1`, `++n`) or checks one before recursing. */
export function recursionBounded(context: Context, call: TSESTree.CallExpression, handler: TSESTree.Node): boolean {
  const counted = call.arguments.some((argument) => {
    const value = unwrap(argument);
    return value.type === AST_NODE_TYPES.UpdateExpression || (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-'));
  });
  if (counted) return true;
  let exits = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement && (alwaysExits(node.consequent) || alwaysExits(node.alternate))) exits = true;
    return undefined;
  });
  return exits;
}

/**
 * `if (useBroker) return again(scopes, false)`: a recursive call that passes a literal for the parameter
 * its condition tests switches mode once; it is a fallback, not a retry.
 */
export function isOneShotFallback(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || current.test.type !== AST_NODE_TYPES.Identifier) continue;
    const index = parameterIndex(fn, current.test.name);
    const argument = index === -1 ? undefined : call.arguments[index];
    if (argument?.type === AST_NODE_TYPES.Literal) return true;
  }
  return false;
}

/** `try { … } catch { return again(); }` inside `again`. */
export function catchRecursion(context: Context, statement: TSESTree.TryStatement): RetryScope | undefined {
  const fn = enclosingFunction(statement);
  if (!fn || !statement.handler) return undefined;
  const handler = statement.handler.body;
  const direct = recursiveCallIn(context, handler, fn);
  const scheduled = direct ? undefined : scheduledRecursionIn(context, handler, fn);
  const call = direct ?? scheduled?.call;
  if (!call || isOneShotFallback(call, fn)) return undefined;
  return {
    kind: 'recursion', mechanism: `the recursive call ${scheduled ? 'scheduled from' : 'in'} the catch`, node: call, body: statement.block,
    attempts: { kind: 'unknown' }, bounded: recursionBounded(context, call, handler), waits: scheduled?.waits === true || awaitsWait(context, handler), failurePath: handler,
  };
}

/** `return op().catch(() => again())` inside `again`. */
export function catchHandlerRecursion(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression || calleeName(node.callee) !== 'catch') return undefined;
  const handler = node.arguments[0] && unwrap(node.arguments[0]);
  const fn = enclosingFunction(node);
  if (!fn || !isFunctionNode(handler)) return undefined;
  const direct = recursiveCallIn(context, handler.body, fn);
  const scheduled = direct ? undefined : scheduledRecursionIn(context, handler.body, fn);
  const call = direct ?? scheduled?.call;
  if (!call) return undefined;
  return {
    kind: 'recursion', mechanism: `the recursive call ${scheduled ? 'scheduled from' : 'in'} .catch()`, node: call, body: node.callee.object,
    attempts: { kind: 'unknown' }, bounded: recursionBounded(context, call, handler.body), waits: scheduled?.waits === true || awaitsWait(context, handler.body), failurePath: handler.body,
  };
}

/** The retry scopes whose repeated code holds `node`, innermost first. */
