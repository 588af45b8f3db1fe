import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { RetryLibrary } from '../knowledge/retries';
import { isFunctionNode, walkSameFunction, type FunctionNode } from './ast-walk';
import { readOption } from './options';
import { findVariable, isModuleExport, memberName, resolveOrigin, singleAssignmentInit, unwrap } from './origin';
import { alwaysExits } from './retry-paths';
import { rejectionCallback } from './retry-self-calls';
import type { RetryScope } from './retry-types';
import { branchUnlessUnprocessed, exitsUnlessUnprocessed, guardedWithin, isUnprocessedTest, predicateTestsUnprocessed, throwsUnlessUnprocessed } from './unprocessed-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Does this retry repeat only failures the server did not act on (`if (e.statusCode === 429) return
 * retry(e)`)? Such a repeat cannot apply an operation twice, whatever its method. Recognised where the
 * retry is an explicit act: promise-retry's `retry` callback, a loop's catch that rethrows everything
 * else, a recursive call from a catch.
 */
export function retriesOnlyUnprocessed(context: Context, scope: RetryScope): boolean {
  if (scope.unprocessedOnly) return true;
  // A call of the file's retry helper repeats what the helper's own retry does.
  if (scope.helper) return retriesOnlyUnprocessed(context, scope.helper);
  const retryParam = scope.library?.retryParam;
  if (retryParam !== undefined) return retryCallsGuarded(context, scope.body, retryParam);
  if (scope.library?.abortError && abortsAllButUnprocessed(context, scope.body, scope.library.modules, scope.library.abortError)) return true;
  const retryMethod = scope.library?.failureChoice?.retryMethod;
  if (retryMethod && scope.node.type === AST_NODE_TYPES.MemberExpression) return retryMethodCallsGuarded(context, scope.body, scope.node.object, retryMethod);
  if (scope.kind === 'recursion') return scope.failurePath !== undefined && guardedWithin(context, scope.node, scope.failurePath);
  if (scope.kind === 'loop' && scope.handler) return loopRetriesOnlyUnprocessed(context, scope.handler);
  return false;
}

/**
 * Does a policy's filter let through only failures the server did not act on? `retry(handleWhen((e) =>
 * e.status === 429), …)`, `handleType(HttpError, (e) => e.statusCode === 429)`: every predicate of the filter,
 * its `.orWhen(…)` chain included, is such a test. A filter without a predicate passes any failure.
 */
export function filterOnlyUnprocessed(context: Context, library: RetryLibrary, handler: TSESTree.Node | undefined, depth = 0): boolean {
  const filters = library.failureFilters;
  if (!filters || !handler || depth > 4) return false;
  const value = unwrap(handler);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init !== undefined && filterOnlyUnprocessed(context, library, init, depth + 1);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(value.callee);
  // `.orWhen(fn)` on another filter: both must pass only unprocessed failures.
  const chained = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const origin = chained === undefined ? resolveOrigin(context, callee) : undefined;
  const name = chained ?? (origin?.kind === 'module' && library.modules.includes(origin.module) ? origin.path.join('.') : undefined);
  const index = name === undefined ? undefined : filters.calls[name];
  if (index === undefined || !predicateTestsUnprocessed(context, value.arguments[index])) return false;
  return chained === undefined || filterOnlyUnprocessed(context, library, (callee as TSESTree.MemberExpression).object, depth + 1);
}

/**
 * Does the caller let a retry library repeat only refused failures? A predicate option that accepts only
 * them (`shouldRetry: ({ error }) => error.status === 429`), or a callback or hook that stops the retries
 * on every other failure: async-retry's `if (e.status !== 429) return bail(e); throw e;`, @lifeomic/attempt's
 * `handleError(err, context) { if (err.status !== 429) context.abort(); }`.
 */
export function choosesOnlyUnprocessed(context: Context, library: RetryLibrary, callback: TSESTree.Node | undefined, options: TSESTree.Node | undefined): boolean {
  const choice = library.failureChoice;
  if (!choice) return false;
  if (choice.predicateKey) {
    const predicate = readOption(context, options, [choice.predicateKey]);
    if (predicate.kind === 'present' && predicateTestsUnprocessed(context, predicate.value)) return true;
  }
  const fn = callback && unwrap(callback);
  if (choice.bailParam !== undefined && isFunctionNode(fn)) {
    const handler = soleCatch(fn);
    const [stop, rethrow] = handler;
    // `bail(e)` followed by a throw would leave the next attempt scheduled: the stop must end the catch.
    return handler.length === 2 && rethrow?.type === AST_NODE_TYPES.ThrowStatement && stopsUnlessUnprocessed(context, stop, fn.params[choice.bailParam], undefined, true);
  }
  const abortHook = choice.abortHook;
  if (abortHook) {
    const hook = readOption(context, options, [abortHook.key]);
    const handle = hook.kind === 'present' ? unwrap(hook.value) : undefined;
    if (!isFunctionNode(handle) || handle.body.type !== AST_NODE_TYPES.BlockStatement || handle.body.body.length === 0) return false;
    const stopper = abortHook.contextParam === undefined ? undefined : handle.params[abortHook.contextParam];
    // Every statement must stop the retries on failures that are not refused ones: one that does anything
    // else (a log) leaves the choice unread.
    return handle.body.body.every((statement) => (abortHook.method ? stopsUnlessUnprocessed(context, statement, stopper, abortHook.method, false) : throwsUnlessUnprocessed(context, statement)));
  }
  return false;
}

/**
 * `if (e.status !== 429) return bail(e);` or `if (!(e.status === 429)) { context.abort(); }`: an `if` whose
 * test is false only for a refused failure, and whose branch calls `stopper` (or its `method`), then, when
 * `mustEnd`, returns.
 */
function stopsUnlessUnprocessed(context: Context, statement: TSESTree.Node | undefined, stopper: TSESTree.Node | undefined, method: string | undefined, mustEnd: boolean): boolean {
  const branch = branchUnlessUnprocessed(context, statement);
  if (!branch || stopper?.type !== AST_NODE_TYPES.Identifier) return false;
  const stops = (node: TSESTree.Node | null | undefined): boolean => {
    const call = node && unwrap(node);
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(call.callee);
    if (method === undefined) return callee.type === AST_NODE_TYPES.Identifier && callee.name === stopper.name;
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === method && unwrap(callee.object).type === AST_NODE_TYPES.Identifier
      && (unwrap(callee.object) as TSESTree.Identifier).name === stopper.name;
  };
  const index = branch.findIndex((each) => (each.type === AST_NODE_TYPES.ExpressionStatement && stops(each.expression)) || (each.type === AST_NODE_TYPES.ReturnStatement && stops(each.argument)));
  if (index < 0) return false;
  if (!mustEnd) return true;
  // Only a return: async-retry schedules the next attempt when the callback throws, after a bail too.
  const ending = branch[index]!.type === AST_NODE_TYPES.ReturnStatement ? branch[index] : branch[index + 1];
  return ending?.type === AST_NODE_TYPES.ReturnStatement;
}

/** node-retry: every `operation.retry(error)` in the attempt is reached only by a refused failure. */
function retryMethodCallsGuarded(context: Context, body: TSESTree.Node, operation: TSESTree.Node, method: string): boolean {
  const name = operation.type === AST_NODE_TYPES.Identifier ? operation.name : undefined;
  const fn = isFunctionNode(body) ? body : undefined;
  if (name === undefined || !fn) return false;
  const calls: TSESTree.CallExpression[] = [];
  walkSameFunction(context.sourceCode, fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === method
      && node.callee.object.type === AST_NODE_TYPES.Identifier && node.callee.object.name === name) calls.push(node);
    return undefined;
  });
  return calls.length > 0 && calls.every((call) => guardedWithin(context, call, fn));
}

/** The statements of the catch of a callback whose body is one `try` (the attempt); none otherwise. */
function soleCatch(fn: FunctionNode): TSESTree.Statement[] {
  const statements = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
  const attempt = statements.length === 1 ? statements[0] : undefined;
  return attempt?.type === AST_NODE_TYPES.TryStatement ? attempt.handler?.body.body ?? [] : [];
}

/** Every use of the callback's `retry` parameter is a call inside an unprocessed-failure test. */
function retryCallsGuarded(context: Context, body: TSESTree.Node, index: number): boolean {
  return everyRetryCall(context, body, index, (call) => guardedWithin(context, call, body));
}

/**
 * promise-retry repeats only what is handed to its `retry`: a callback that calls it only on an answer
 * (`if (balance < minimum) retry(new Error('not yet'))`), never in a catch or a rejection handler, lets every
 * failure through and polls. Any other use of `retry` (passed on, `.catch(retry)`) may be on a failure.
 */
export function retryCalledOnlyOnAnswers(context: Context, body: TSESTree.Node, index: number): boolean {
  return everyRetryCall(context, body, index, (call) => !onFailurePath(call, body));
}

/** The callback's `retry` parameter is used, and every use is a call of it for which `holds`. */
function everyRetryCall(context: Context, body: TSESTree.Node, index: number, holds: (call: TSESTree.CallExpression) => boolean): boolean {
  const param = isFunctionNode(body) ? body.params[index] : undefined;
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const uses = findVariable(context, param)?.references.filter((reference) => reference.identifier !== param) ?? [];
  return uses.length > 0 && uses.every(({ identifier }) => {
    const call = identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier && holds(call);
  });
}

/** Is `node` in a catch clause or a rejection handler (`.catch(fn)`, `.then(_, fn)`) within `root`? */
function onFailurePath(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
    const handed: TSESTree.Node | undefined = current.parent;
    if (handed?.type === AST_NODE_TYPES.CallExpression && rejectionCallback(handed)?.handler === current) return true;
  }
  return false;
}

/**
 * `pRetry(async () => { try { … } catch (e) { if (e.status === 429) throw e; throw new AbortError(e); } })`:
 * the callback's catch stops the library for every failure but the unprocessed ones.
 */
function abortsAllButUnprocessed(context: Context, body: TSESTree.Node, modules: readonly string[], abortError: string): boolean {
  const handler = isFunctionNode(body) ? soleCatch(body) : [];
  const last = handler[handler.length - 1];
  const aborts = last?.type === AST_NODE_TYPES.ThrowStatement && last.argument.type === AST_NODE_TYPES.NewExpression && isModuleExport(resolveOrigin(context, last.argument.callee), modules, abortError);
  return aborts && handler.slice(0, -1).every((statement) => statement.type === AST_NODE_TYPES.IfStatement && statement.alternate === null && isUnprocessedTest(context, statement.test));
}

/** `catch (e) { if (e.status === 429) { await sleep(); continue; } throw e; }`: any other failure leaves the loop. */
function loopRetriesOnlyUnprocessed(context: Context, handler: TSESTree.CatchClause): boolean {
  const statements = handler.body.body;
  // `catch (e) { if (e.code !== 'ECONNREFUSED') throw e; await sleep(1000); }`: only a refused failure goes round.
  const exit = statements.findIndex((statement) => exitsUnlessUnprocessed(context, statement));
  if (exit >= 0 && !statements.slice(0, exit).some((statement) => continuesLoop(context, statement))) return true;
  return catchGoesRoundOnlyWhen(context, handler, (test) => isUnprocessedTest(context, test));
}

/**
 * Does a loop's catch go round only when `holds` says so, and leave on every other failure? `catch (e) { if
 * (<holds>) { await sleep(); continue; } throw e; }` (or `break;`, `return;`), or `if (<holds>) { await sleep(); } else { throw e; }` as
 * its last statement.
 */
export function catchGoesRoundOnlyWhen(context: Context, handler: TSESTree.CatchClause, holds: (test: TSESTree.Expression) => boolean): boolean {
  const statements = handler.body.body;
  const last = statements[statements.length - 1];
  if (last?.type === AST_NODE_TYPES.IfStatement && alwaysExits(last.alternate) && holds(last.test)) {
    return !statements.slice(0, -1).some((statement) => continuesLoop(context, statement));
  }
  // `if ((!is429 && !is5xx) || attempt === max) throw err;` then the wait: only what the test lets by goes on.
  const exit = statements.findIndex((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent));
  const exitTest = exit >= 0 ? (statements[exit] as TSESTree.IfStatement).test : undefined;
  if (exitTest && negationHolds(exitTest, holds)) return !statements.slice(0, exit).some((statement) => continuesLoop(context, statement));
  // `throw e`, `return null` or `break`: every failure the tests let by leaves the loop.
  if (last?.type !== AST_NODE_TYPES.ThrowStatement && last?.type !== AST_NODE_TYPES.ReturnStatement && !(last?.type === AST_NODE_TYPES.BreakStatement && !last.label)) return false;
  let unguardedContinue = false;
  let guarded = false;
  for (const statement of statements.slice(0, -1)) {
    if (statement.type === AST_NODE_TYPES.IfStatement && holds(statement.test)) {
      guarded = true;
      continue;
    }
    walkSameFunction(context.sourceCode, statement, (node) => void (node.type === AST_NODE_TYPES.ContinueStatement && (unguardedContinue = true)));
  }
  return guarded && !unguardedContinue;
}

/** Does `holds` hold for every case `test` is false in? `!a && !b` is false only when `a || b`. */
function negationHolds(test: TSESTree.Expression, holds: (test: TSESTree.Expression) => boolean): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return holds(value.argument);
  if (value.type !== AST_NODE_TYPES.LogicalExpression) return false;
  // false when both sides are (`||`): either side's negation narrows it; false when either is (`&&`): both must.
  if (value.operator === '||') return negationHolds(value.left, holds) || negationHolds(value.right, holds);
  if (value.operator === '&&') return negationHolds(value.left, holds) && negationHolds(value.right, holds);
  return false;
}

function continuesLoop(context: Context, statement: TSESTree.Statement): boolean {
  let continues = false;
  walkSameFunction(context.sourceCode, statement, (node) => void (node.type === AST_NODE_TYPES.ContinueStatement && (continues = true)));
  return continues;
}

