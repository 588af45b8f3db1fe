import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { classifyBound } from './options';
import { findVariable, memberName } from './origin';
import type { TimeoutVerdict } from './timeouts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * What is done with a request after it is made: the timeout of superagent (`.timeout(ms)` on its chain) and
 * node:http's socket timeouts (`req.setTimeout`, a `'timeout'` handler) are set on the value a call returns.
 */

/**
 * Follows the value a call returns: through a fluent chain, into a `const`. Answers the method calls made
 * on it, and whether it escapes (returned, passed on, stored) so that someone else may configure it.
 */
export function usesOfResult(context: Context, call: CallNode): { calls: TSESTree.CallExpression[]; escapes: boolean } {
  const calls: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
      calls.push(parent.parent);
      current = parent.parent;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ExpressionStatement) return { calls, escapes: false };
    // `c ? tls.connect(a) : net.connect(a)`: either branch's value flows on to the same place.
    if ((parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) || parent?.type === AST_NODE_TYPES.LogicalExpression) {
      current = parent;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, parent.id);
      let escapes = parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
      for (const reference of variable?.references ?? []) {
        if (reference.init) continue;
        const use = reference.identifier.parent;
        if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === reference.identifier) {
          if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) {
            calls.push(use.parent);
            continue;
          }
          continue; // property reads (`req.destroyed`) neither configure nor leak it
        }
        // `await req` sends the request and yields its response; the request itself stays here.
        if (use?.type === AST_NODE_TYPES.AwaitExpression) continue;
        // `source.pipe(socket)` / `pipeline(a, socket)` stream data into it; neither sets a timeout.
        if (use?.type === AST_NODE_TYPES.CallExpression && use.callee !== reference.identifier && isStreamPlumbing(use.callee)) continue;
        escapes = true;
      }
      return { calls, escapes };
    }
    return { calls, escapes: true };
  }
}

function isStreamPlumbing(callee: TSESTree.Node): boolean {
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return name === 'pipe' || name === 'pipeline' || name === 'unpipe';
}

/** superagent: `.timeout(ms)` somewhere on the request's chain. */
export function evaluateChain(context: Context, call: CallNode, method: string): TimeoutVerdict {
  const { calls, escapes } = usesOfResult(context, call);
  const timeoutCall = calls.find((use) => use.callee.type === AST_NODE_TYPES.MemberExpression && memberName(use.callee) === method);
  if (timeoutCall) {
    const argument = timeoutCall.arguments[0];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement && classifyBound(context, argument, argument.type === AST_NODE_TYPES.ObjectExpression ? 'phases' : 'ms') === 'disabled') {
      return { kind: 'disabled', node: timeoutCall, option: `.${method}()` };
    }
    return { kind: 'bounded' };
  }
  return escapes ? { kind: 'unknown' } : { kind: 'absent', insert: { kind: 'chain', call } };
}
