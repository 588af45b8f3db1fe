import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { RETRY_LIBRARIES } from '../knowledge/retries';
import { enclosingStatement, isFunctionNode } from './ast-walk';
import { returnedValues } from './options';
import { findVariable, localCallee, resolveOrigin, singleAssignmentInit, unwrap, type Origin } from './origin';
import { policyParts } from './policies';
import { declarationOf, functionNameOf, placeOf, tsCallee } from './retry-program';
import type { RetryPolicy, RetryScope } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
/** The policy a creating call (`retry(...)`, `wrap(...)`) makes, as retry-scopes.ts reads it. */
export type PolicyOfCall = (call: TSESTree.CallExpression, callee: Origin) => RetryPolicy | undefined;

const MAX_DEPTH = 3;

/**
 * The retry policy `policy.execute(fn)` runs when a function of this file makes it, instead of `retry(...)`
 * being written where it is executed: `retryPolicy(options).execute(fn)`, or `const policy = makePolicy()`.
 * Applications keep a policy behind a function that takes its attempt count. Every value the function
 * returns must be a retry policy; the first one's count and backoff are what the scope reports.
 */
export function madePolicy(context: Context, receiver: TSESTree.Node, policyOfCall: PolicyOfCall, depth = 0): RetryPolicy | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = unwrap(receiver);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init ? madePolicy(context, init, policyOfCall, depth + 1) : undefined;
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const fn = localCallee(context, value.callee)?.fn;
  // An async maker hands back a promise, which has no `execute`.
  if (!isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  const returned = returnedValues(context, fn);
  const made = returned.map((each) => {
    if (!each) return undefined;
    const origin = resolveOrigin(context, each);
    if (origin?.kind === 'call' && origin.path.length === 0 && origin.call.type === AST_NODE_TYPES.CallExpression) return policyOfCall(origin.call, origin.callee);
    return madePolicy(context, each, policyOfCall, depth + 1);
  });
  return made.length > 0 && made.every((policy) => policy !== undefined) ? made[0] : undefined;
}

/**
 * With types, `policy.execute(fn)` over a policy made in another file of the program (`export const policy =
 * retry(...)`, or a function there that returns one), or handed in: its declared type says it retries
 * (cockatiel's `RetryPolicy`, or a `wrap` of one). How often and how fast it retries is judged where it is
 * made, when that file is linted; here it is a retry of the callback.
 */
export function typedPolicyScope(context: Context, types: TypeFacts, execute: TSESTree.CallExpression, receiver: TSESTree.Node, body: TSESTree.Node, callbackRef: TSESTree.Identifier | undefined): RetryScope | undefined {
  const retryPart = policyParts(context, receiver, types)?.parts.find((part) => part.kind === 'retry');
  const library = retryPart && RETRY_LIBRARIES.find((candidate) => candidate.shape === 'policy' && candidate.modules.some((module) => retryPart.library.modules.includes(module)));
  if (!library) return undefined;
  return {
    kind: 'library', mechanism: `${library.name} (${madeWhere(types, receiver)})`, node: execute.callee, body, callbackRef,
    anchor: enclosingStatement(execute), attempts: { kind: 'unknown' }, bounded: true, waits: true, library, elsewhere: true,
  };
}

/** "the policy retryPolicy() makes in retryPolicy.ts on line 10", or what its type says when it is not declared in the program. */
function madeWhere(types: TypeFacts, receiver: TSESTree.Node): string {
  const value = unwrap(receiver);
  const named = value.type === AST_NODE_TYPES.CallExpression ? value.callee : value;
  const declaration = declarationOf(types.checker, tsCallee(types, named));
  if (!declaration || declaration.getSourceFile().isDeclarationFile) return 'a policy its type says retries';
  const name = value.type === AST_NODE_TYPES.CallExpression ? functionNameOf(declaration) : undefined;
  const subject = name ? `the policy ${name}() makes` : value.type === AST_NODE_TYPES.Identifier ? `the policy ${value.name}` : 'a policy';
  return `${subject} ${placeOf(declaration)}`;
}
