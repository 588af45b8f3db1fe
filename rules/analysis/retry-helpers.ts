import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, enclosingStatement, isFunctionNode, parameterIndex, walkSameFunction, type FunctionNode } from './ast-walk';
import { runningFunction } from './retry-self-calls';
import { callersOf } from './caller-values';
import { findVariable, importedFromProgram, unwrap } from './origin';
import { localCallee } from './local-callees';
import { programRetryHelper } from './retry-program-helpers';
import { passedLoopAttempts } from './retry-loop-counts';
import type { RetryScope } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The file's own retry helpers: a function whose retry runs a callback it was given, as in
 * `async function withRetry(fn) { for (…) { try { return await fn() } catch { … } } }` or
 * `const withRetry = (fn) => pRetry(fn, { retries: 3 })`. Each call of such a helper in this file is a
 * retry of the callback it passes (`withRetry(() => fetch(url, { method: 'POST' }))`), with the helper's
 * count, bound and wait.
 */
export function helperScopes(context: Context, scopes: readonly RetryScope[]): RetryScope[] {
  const derived: RetryScope[] = [];
  for (const scope of scopes) {
    const fn = retryingFunction(context, scope);
    if (!fn) continue;
    const parameter = callbackParameter(context, scope, fn);
    if (parameter === undefined) continue;
    const { owner, index } = parameter;
    const name = helperName(owner);
    for (const call of callersOf(context, owner)) {
      const argument = call.arguments[index];
      const callback = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? callbackBody(context, argument) : undefined;
      if (!callback || call.type !== AST_NODE_TYPES.CallExpression) continue;
      // `withBackoff(fn, 1)` where the helper's loop runs `i < maxRetries`: this call makes one attempt, no retry.
      const passed = passedLoopAttempts(context, scope.node, owner, call);
      if (passed !== undefined && passed <= 1) continue;
      const statement = enclosingStatement(call);
      derived.push({
        kind: 'library', mechanism: `${receiverPrefix(call.callee)}${name}() (${scope.mechanism} on line ${scope.node.loc.start.line})`, node: call, body: callback,
        anchor: statement, attempts: passed !== undefined ? { kind: 'finite', attempts: passed } : scope.attempts, bounded: scope.bounded, waits: scope.waits, helper: scope,
        ...(scope.afterStatus ? { afterStatus: true as const } : {}),
      });
    }
  }
  return derived;
}

/**
 * The function a retry belongs to: the one a recursion calls again, which may be around the handler the
 * call is in (`fn().catch((e) => (n > 0 ? retry(fn, n - 1) : Promise.reject(e)))`), or else the one the
 * retry is written in (stepping out of a promise executor, which runs as part of it).
 */
function retryingFunction(context: Context, scope: RetryScope): FunctionNode | undefined {
  const called = scope.node.type === AST_NODE_TYPES.CallExpression ? localCallee(context, scope.node.callee)?.fn : undefined;
  if (isFunctionNode(called) && contains(called, scope.node)) return called;
  return runningFunction(scope.node);
}

/**
 * With type information, a call of a retry helper written in another file of the program
 * (`import { withRetry } from './retry'`, or a method of a class there): a retry of the callback it passes,
 * like the file's own helpers.
 * The helper's bound and waits are judged where it is written, when that file is linted.
 */
export function programHelperScope(context: Context, types: TypeFacts, call: TSESTree.CallExpression): RetryScope | undefined {
  // A method is looked up through the checker: its class may be anywhere in the program (`this.http.execute(…)`).
  if (!call.arguments.some((argument) => isFunctionNode(unwrap(argument)))) return undefined;
  if (!importedFromProgram(context, call.callee) && call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const helper = programRetryHelper(types, call.callee);
  const argument = helper && call.arguments[helper.callbackIndex];
  const callback = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? callbackBody(context, argument) : undefined;
  if (!helper || !callback) return undefined;
  return {
    kind: 'library', mechanism: helper.description, node: call, body: callback, anchor: enclosingStatement(call),
    attempts: helper.attempts === undefined ? { kind: 'unknown' } : { kind: 'finite', attempts: helper.attempts }, bounded: true, waits: true, elsewhere: true,
    // A helper that may repeat only refused failures (its catch names a 429) is taken at its word: unknowns are silent.
    ...(helper.namesRefusedFailure ? { unprocessedOnly: true as const } : {}),
  };
}

/**
 * The parameter that the retry runs (called in the retried code, or handed to the library): of `fn`, or of
 * a function around it whose closure the retry is (`cachedLoad(fn)` whose inner `attempt` calls `fn()` and
 * reschedules itself from `.catch()`), with the function it belongs to.
 */
function callbackParameter(context: Context, scope: RetryScope, fn: FunctionNode): { owner: FunctionNode; index: number } | undefined {
  const indexOf = (identifier: TSESTree.Node | undefined): { owner: FunctionNode; index: number } | undefined => {
    if (identifier?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = findVariable(context, identifier)?.defs[0];
    if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || !contains(def.node, fn)) return undefined;
    const owner = def.node as FunctionNode;
    const index = parameterIndex(owner, def.name.type === AST_NODE_TYPES.Identifier ? def.name.name : '');
    return index === -1 ? undefined : { owner, index };
  };
  if (scope.kind === 'library') return indexOf(scope.callbackRef);
  let found: { owner: FunctionNode; index: number } | undefined;
  walkSameFunction(context.sourceCode, scope.body, (node) => {
    if (found !== undefined) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) found = indexOf(unwrap(node.callee));
    return undefined;
  });
  return found;
}

/** The function a helper call passes: written inline, or a function of this file named there. */
function callbackBody(context: Context, argument: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(argument);
  if (isFunctionNode(value)) return value;
  return localCallee(context, value)?.fn;
}

function helperName(fn: FunctionNode): string {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return 'the retry helper';
}

/** What a method is called on, as the call writes it: `this.`, `http.`, `this.http.` (else nothing). */
function receiverPrefix(callee: TSESTree.Node): string {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return '';
  const receiver = callee.object;
  if (receiver.type === AST_NODE_TYPES.ThisExpression) return 'this.';
  if (receiver.type === AST_NODE_TYPES.Identifier) return `${receiver.name}.`;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type === AST_NODE_TYPES.ThisExpression && !receiver.computed
    && receiver.property.type === AST_NODE_TYPES.Identifier) return `this.${receiver.property.name}.`;
  return '';
}
