import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { moduleMatches, PROMISE_DEADLINES } from '../knowledge/clients';
import { calleeName } from './ast-walk';
import { memberName, resolveOrigin } from './origin';
import { isTimerPromise } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Promise methods whose result still settles when the call's promise does. */
export const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Is the promise a call returns abandoned after a time by its caller: raced against a timer
 * (`Promise.race([fetch(url), sleep(5000).then(fail)])`) or handed to p-timeout? The request may
 * still hang, but nothing waits for it, so the failure `require-timeout` prevents cannot happen.
 */
export function boundedByCaller(context: Context, call: TSESTree.Node): boolean {
  let promise: TSESTree.Node = call;
  // `fetch(url).then((r) => r.json())` is raced as a whole.
  for (;;) {
    const member = promise.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === promise && CHAIN_METHODS.has(memberName(member) ?? '')
      && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) {
      promise = member.parent;
      continue;
    }
    break;
  }
  const parent = promise.parent;
  if (parent?.type === AST_NODE_TYPES.ArrayExpression && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.arguments[0] === parent) {
    const race = parent.parent;
    if (!isPromiseRace(context, race.callee)) return false;
    return parent.elements.some((element) => element !== null && element !== promise && element.type !== AST_NODE_TYPES.SpreadElement && isTimerPromise(context, element));
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== promise) {
    const origin = resolveOrigin(context, parent.callee);
    if (origin?.kind !== 'module') return false;
    const path = origin.path.join('.');
    return PROMISE_DEADLINES.some((deadline) => moduleMatches(deadline.module, origin.module) && deadline.path === path && parent.arguments[deadline.promiseArgument] === promise);
  }
  return false;
}

function isPromiseRace(context: Context, callee: TSESTree.Node): boolean {
  if (calleeName(callee) !== 'race') return false;
  const origin = resolveOrigin(context, callee);
  return origin?.kind === 'global' && origin.name === 'Promise' && origin.path.join('.') === 'race';
}
