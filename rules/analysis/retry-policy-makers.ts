import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { NAMES_UNPROCESSED_FAILURE, POLICY_COMBINATORS, RETRY_LIBRARIES, type RetryLibrary } from '../knowledge/retries';
import { enclosingStatement, isFunctionNode, returnedValues } from './ast-walk';
import { findVariable, isModuleExport, resolveOrigin, singleAssignmentInit, unwrap, type Origin } from './origin';
import { localCallee } from './local-callees';
import { declarationOf, functionBody, functionNameOf, originOf, placeOf, tsCallee, unparenthesised } from './retry-program';
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
 * With types, `policy.execute(fn)` over a policy made in another file of the program: `export const policy =
 * retry(...)`, or a function there that returns one, alone or inside `wrap(...)`. The other file's `retry(...)`
 * is found through imports, `const`s and a function's one `return`. How often and how fast it retries is
 * judged there, when that file is linted; here it is a retry of the callback. A policy whose making cannot
 * be seen, or whose filter names a refused status or code (it may retry only what the server refused), is
 * not judged.
 */
export function typedPolicyScope(types: TypeFacts, execute: TSESTree.CallExpression, receiver: TSESTree.Node, body: TSESTree.Node, callbackRef: TSESTree.Identifier | undefined): RetryScope | undefined {
  const library = RETRY_LIBRARIES.find((candidate) => candidate.shape === 'policy' && candidate.modules.some((module) => types.declaredPackages.has(module)));
  if (!library) return undefined;
  const creation = programCreation(types.checker, library, types.toTs(unwrap(receiver)), 0);
  if (!creation || mayRetryOnlyRefused(types.checker, library, creation)) return undefined;
  return {
    kind: 'library', mechanism: `${library.name} (${madeWhere(types, receiver)})`, node: execute.callee, body, callbackRef,
    anchor: enclosingStatement(execute), attempts: { kind: 'unknown' }, bounded: true, waits: true, library, elsewhere: true,
  };
}

/** The `retry(...)` call that made the policy `node` holds, followed through `const`s, a function's one `return` and `wrap(...)`. */
function programCreation(checker: ts.TypeChecker, library: RetryLibrary, node: ts.Node, depth: number): ts.CallExpression | undefined {
  if (depth > MAX_DEPTH + 2) return undefined;
  const value = ts.isParenthesizedExpression(node) ? unparenthesised(node) : node;
  if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) {
    const declaration = declarationOf(checker, value);
    return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? programCreation(checker, library, declaration.initializer, depth + 1) : undefined;
  }
  if (!ts.isCallExpression(value)) return undefined;
  const origin = originOf(checker, value.expression);
  if (isModuleExport(origin, library.modules, library.path)) return value;
  if (POLICY_COMBINATORS.some((path) => isModuleExport(origin, library.modules, path))) {
    for (const argument of value.arguments) {
      const inner = programCreation(checker, library, argument, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  const returned = soleReturn(functionBody(declarationOf(checker, value.expression)));
  return returned ? programCreation(checker, library, returned, depth + 1) : undefined;
}

/** What a function body returns when it has one `return` (an arrow's expression body is one). */
function soleReturn(body: ts.Node | undefined): ts.Expression | undefined {
  if (!body || !ts.isBlock(body)) return body && ts.isExpression(body) ? body : undefined;
  const returns: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) returns.push(node);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

/** Does the policy's filter (or the `const` it names) mention a status or code the server refused (429, ECONNREFUSED)? */
function mayRetryOnlyRefused(checker: ts.TypeChecker, library: RetryLibrary, creation: ts.CallExpression): boolean {
  const handler = creation.arguments[library.failureFilters?.handlerArg ?? 0];
  if (!handler) return false;
  const declaration = ts.isIdentifier(handler) ? declarationOf(checker, handler) : undefined;
  const text = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? declaration.initializer.getText() : handler.getText();
  return NAMES_UNPROCESSED_FAILURE.test(text);
}

/** "the policy retryPolicy() makes in retryPolicy.ts on line 10", or "the policy ordersRetry in policies.ts on line 3". */
function madeWhere(types: TypeFacts, receiver: TSESTree.Node): string {
  const value = unwrap(receiver);
  const named = value.type === AST_NODE_TYPES.CallExpression ? value.callee : value;
  const declaration = declarationOf(types.checker, tsCallee(types, named));
  if (!declaration) return 'a policy made in another file';
  const name = value.type === AST_NODE_TYPES.CallExpression ? functionNameOf(declaration) : undefined;
  const subject = name ? `the policy ${name}() makes` : value.type === AST_NODE_TYPES.Identifier ? `the policy ${value.name}` : 'a policy';
  return `${subject} ${placeOf(declaration)}`;
}
