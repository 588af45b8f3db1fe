import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { ERROR_FIRST_PARAM } from '../knowledge/retries';
import { calleeName, contains, isFunctionNode, isLoop, underIfTest, walkSameFunction, type FunctionNode } from './ast-walk';
import { unwrap } from './origin';
import { localCallee } from './local-callees';
import { failsOnlyLocally } from './retry-loop-shapes';
import { dropsPeekedItem, sendsAnotherRequest, takesNextItem } from './retry-next-item';
import { boundedRecursionAttempts, isOneShotFallback, recursionBounded } from './retry-recursion-bounds';
import { isConstantTrue } from './retry-paths';
import type { RetryScope } from './retry-types';
import { immediateRecursion, isThenCallback, isTimerCallback, recursionIn, rejectionCallback, runningFunction, timerCallbackOf, type Recursion } from './retry-self-calls';
import { holdsOnlyForResponse } from './status-reads';
import { underClientErrorTest } from './status-tests';
import { awaitsWait, isTimerPromise } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Hand-written retries by recursion: a function that calls itself again from a `catch`, a `.catch()`
 * handler or the error branch of an error-first callback (recursion on a helper's failure value is in
 * retry-failure-value.ts). A callback called from a catch, or a one-time switch to another mode, is not
 * a retry.
 */

/** The scope of a recursion found from `failure`: everything in `body` repeats; `where` names the handler. */
function recursionScope(context: Context, found: Recursion, fn: FunctionNode, where: string, body: TSESTree.Node, failure: TSESTree.Node): RetryScope {
  // A sibling method that schedules the call may keep the count: `if (this.attempts >= 5) return; this.attempts++`.
  const bounded = recursionBounded(context, found.call, failure, fn) || (found.via !== undefined && recursionBounded(context, found.via.call, found.via.fn.body, found.via.fn));
  return {
    kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled from' : 'in'} ${where}`, node: found.call, body,
    attempts: bounded ? boundedRecursionAttempts(context, found.call, fn) : { kind: 'unknown' }, bounded,
    waits: found.waits || awaitsWait(context, failure) || waitsBeforeAttempt(context, fn, body), failurePath: failure,
    // `if (status >= 500 && retries > 0) return again(…)`: it goes round only after an error response.
    ...(underIfTest(found.call, failure, (test) => holdsOnlyForResponse(context, test)) ? { afterStatus: true as const } : {}),
  };
}

/**
 * `await sleep(delayMs)`, or `if (attempts) await sleep(500)`, at the top of the function (or of the try that
 * makes the attempt) before anything else it awaits, or a timer's promise the attempt runs after: every
 * repeat passes through it, so the retry waits.
 */
function waitsBeforeAttempt(context: Context, fn: FunctionNode, attempt: TSESTree.Node): boolean {
  // `sleep(delayMs).then(() => attempt())`: the attempt runs in a callback of a timer's promise.
  for (let current = attempt.parent; current && current !== fn; current = current.parent) {
    if (isFunctionNode(current) && isThenCallback(current) && isTimerPromise(context, ((current.parent as TSESTree.CallExpression).callee as TSESTree.MemberExpression).object)) return true;
    // `setTimeout(async () => { try { await join() } catch { again() } }, 2000)`: the timer runs the attempt.
    if (isFunctionNode(current) && isTimerCallback(current) && delayed((current.parent as TSESTree.CallExpression).arguments[1])) return true;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const before: TSESTree.Statement[] = [];
  for (const statement of fn.body.body) {
    if (!contains(statement, attempt)) {
      before.push(statement);
      continue;
    }
    if (statement.type === AST_NODE_TYPES.TryStatement && statement.block === attempt) before.push(...statement.block.body);
    break;
  }
  for (const statement of before) {
    if (awaitsWait(context, statement)) return true;
    let awaits = false;
    walkSameFunction(context.sourceCode, statement, (node) => void (node.type === AST_NODE_TYPES.AwaitExpression && (awaits = true)));
    if (awaits) return false;
  }
  return false;
}

/** `try { … } catch { return again(); }` inside `again`. */
export function catchRecursion(context: Context, statement: TSESTree.TryStatement): RetryScope | undefined {
  const fn = runningFunction(statement);
  if (!fn || !statement.handler || failsOnlyLocally(context, statement.block)) return undefined;
  const handler = statement.handler.body;
  const found = recursionIn(context, handler, fn, (call) => !underClientErrorTest(context, call, handler) && !dropsPeekedItem(context, call, fn, handler));
  if (!found || isOneShotFallback(found.call, fn) || takesNextItem(context, fn, statement.block, handler) || schedulesItselfOnSuccess(context, statement.block, fn)
    || consumesForever(context, statement.block) || sendsAnotherRequest(context, found.call, fn, statement.block)) return undefined;
  const statements = fn.body.type === AST_NODE_TYPES.BlockStatement && statement.parent === fn.body ? fn.body.body : [];
  return { ...recursionScope(context, found, fn, 'the catch', statement.block, handler), runsFirst: statements.slice(0, Math.max(0, statements.indexOf(statement))) };
}

/**
 * `try { const token = await fetchToken(); this.scheduleRefresh(token) } catch { setTimeout(() => this.refresh(), 5000) }`:
 * after a success the function schedules itself again too (on a timer, here or in a function of the file it
 * calls), so it is a periodic job; the catch keeps the job running, it does not retry one request.
 */
function schedulesItselfOnSuccess(context: Context, attempt: TSESTree.BlockStatement, fn: FunctionNode): boolean {
  const again = immediateRecursion(context, attempt, fn);
  // Inside the timer callback that runs the attempt, a direct call schedules the next round.
  if (again?.scheduled || (again && timerCallbackOf(attempt, fn) !== undefined)) return true;
  let schedules = false;
  walkSameFunction(context.sourceCode, attempt, (node) => {
    if (schedules || node.type !== AST_NODE_TYPES.CallExpression) return schedules ? false : undefined;
    const local = localCallee(context, node.callee)?.fn;
    if (isFunctionNode(local) && local !== fn && immediateRecursion(context, local.body, fn)?.scheduled) schedules = true;
    return undefined;
  });
  return schedules;
}

/**
 * `try { while (true) { const batch = await redis.xread('BLOCK', 0, …); … } } catch { setTimeout(() =>
 * readStream(lastId), 1000) }`: the try never ends but by failing, so the catch restarts a consumer (a poll
 * that goes round after any failure), not a request that failed.
 */
function consumesForever(context: Context, attempt: TSESTree.BlockStatement): boolean {
  return attempt.body.some((statement) => {
    if ((statement.type !== AST_NODE_TYPES.WhileStatement && statement.type !== AST_NODE_TYPES.ForStatement) || !isConstantTrue(statement.test)) return false;
    let leaves = false;
    walkSameFunction(context.sourceCode, statement.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && !insideInnerLoop(node, statement))) leaves = true;
      return leaves ? false : undefined;
    });
    return !leaves;
  });
}

/** Is `node` inside a loop or switch nested in `outer`, which an unlabelled `break` would leave instead? */
function insideInnerLoop(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== outer; current = current.parent) {
    if (isLoop(current) || current.type === AST_NODE_TYPES.SwitchStatement) return true;
  }
  return false;
}

/** `return op().catch(() => again())`, or `op().then(use, () => again())`, inside `again`. */
export function catchHandlerRecursion(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  // `.then`'s second callback runs only when the promise rejects, as a `.catch()` handler does.
  const rejection = rejectionCallback(node);
  const fn = rejection && runningFunction(node);
  if (!rejection || !fn) return undefined;
  const handler = rejection.handler;
  const found = recursionIn(context, handler.body, fn, (call) => !underClientErrorTest(context, call, handler.body));
  if (!found || isOneShotFallback(found.call, fn) || takesNextItem(context, fn, rejection.promise, handler.body) || sendsAnotherRequest(context, found.call, fn, rejection.promise)) return undefined;
  // `check().then((docs) => { …; next(); }).catch(() => next())`, `next` scheduling `check` again: it runs on
  // success too, a periodic poll rather than a retry of what failed (as schedulesItselfOnSuccess for a try).
  // `.then(() => read())` runs the function again after every success too: a scan or a loop, not a retry.
  const success = successCallback(node, rejection.byCatch);
  const again = success && recursionIn(context, success.body, fn);
  if (again && (again.scheduled || !conditional(again.call, success!.body))) return undefined;
  return recursionScope(context, found, fn, rejection.byCatch ? '.catch()' : 'the rejection handler of .then()', rejection.promise, handler.body);
}

/** Is `node` reached only under a condition within `root` (an `if`, `?:`, `&&`/`||`)? */
function conditional(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression || current.type === AST_NODE_TYPES.LogicalExpression) return true;
  }
  return false;
}

/** The callback that runs when the promise succeeds: `.then(onResult, onError)`'s first, or the `.then(onResult)` a `.catch()` follows. */
function successCallback(node: TSESTree.CallExpression, byCatch: boolean): FunctionNode | undefined {
  const then = byCatch ? unwrap((node.callee as TSESTree.MemberExpression).object) : node;
  if (then.type !== AST_NODE_TYPES.CallExpression || then.callee.type !== AST_NODE_TYPES.MemberExpression || calleeName(then.callee) !== 'then') return undefined;
  const first = then.arguments[0] && unwrap(then.arguments[0]);
  return isFunctionNode(first) ? first : undefined;
}

/**
 * Callback-style retries: `send(req, (err, res) => { if (err) return again(attempt + 1); … })` or
 * `req.on('error', () => again(attempt + 1))` inside `again`. The whole function runs again, so all of it
 * is what repeats.
 */
export function errorCallbackRecursion(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  const last = node.arguments[node.arguments.length - 1];
  const callback = last && unwrap(last);
  if (!isFunctionNode(callback)) return undefined;
  const fn = runningFunction(node);
  const error = callback.params[0];
  const failure = isErrorListener(node) ? callback.body
    : error?.type === AST_NODE_TYPES.Identifier && ERROR_FIRST_PARAM.test(error.name) ? errorBranch(context, callback, error.name) : undefined;
  const found = fn && failure && recursionIn(context, failure, fn, (call) => !underClientErrorTest(context, call, failure) && !runsQueuedRequest(context, call, failure, fn));
  // `resolve(this.makeRequest(serverLastChunk + 1))`: resumed where the server says it stopped, another request.
  if (!fn || !failure || !found || isOneShotFallback(found.call, fn) || sendsAnotherRequest(context, found.call, fn, fn.body, failure)) return undefined;
  // `const creds = CREDENTIALS[idx++]` before `conn.connect({ …creds })`: each run tries the next item of a list.
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.some((statement) => takesNextItem(context, fn, statement, failure))) return undefined;
  return recursionScope(context, found, fn, 'the error callback', fn.body, failure);
}

/** `req.on('error', handler)`, `socket.once('error', …)`: the handler runs only on failure. */
function isErrorListener(node: TSESTree.CallExpression): boolean {
  const event = node.arguments[0];
  return node.callee.type === AST_NODE_TYPES.MemberExpression && ['on', 'once', 'addListener'].includes(calleeName(node.callee) ?? '')
    && event?.type === AST_NODE_TYPES.Literal && event.value === 'error';
}

/** The branch of the callback that runs on failure: `if (err) {…}` (alone or with `||`/`&&`), or the `else` of `if (!err)`. */
function errorBranch(context: Context, callback: FunctionNode, name: string): TSESTree.Node | undefined {
  const isError = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  let branch: TSESTree.Node | undefined;
  walkSameFunction(context.sourceCode, callback.body, (node) => {
    if (branch || node.type !== AST_NODE_TYPES.IfStatement) return undefined;
    const test = node.test;
    // `if (err)`, `if (err || res.statusCode >= 500)`, `if (err && attempt < 3)`: taken only on a failure.
    if (isError(test) || (test.type === AST_NODE_TYPES.LogicalExpression && test.operator !== '??' && (isError(test.left) || isError(test.right)))) branch = node.consequent;
    else if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && isError(test.argument)) branch = node.alternate ?? undefined;
    return undefined;
  });
  return branch;
}

/**
 * `if (inProgress) { pending = true; return; }` … `if (pending) { pending = false; fetchUnseen(); }`: a run
 * asked for while one was busy, started once the busy one ends, however it ended. The call consumes a flag
 * that a new request sets elsewhere in the function, so it runs what was asked again, not what failed.
 */
function runsQueuedRequest(context: Context, call: TSESTree.CallExpression, failure: TSESTree.Node, fn: FunctionNode): boolean {
  let guard: TSESTree.IfStatement | undefined;
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== failure && !guard; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && contains(current.consequent, call)) guard = current;
  }
  const flag = guard && (guard.test.type === AST_NODE_TYPES.Identifier || guard.test.type === AST_NODE_TYPES.MemberExpression) ? context.sourceCode.getText(guard.test) : undefined;
  if (!guard || flag === undefined) return false;
  const setsFlag = (root: TSESTree.Node, value: boolean, where: (node: TSESTree.Node) => boolean): boolean => {
    let sets = false;
    walkSameFunction(context.sourceCode, root, (node) => {
      if (sets) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && where(node) && context.sourceCode.getText(node.left) === flag
        && node.right.type === AST_NODE_TYPES.Literal && node.right.value === value) sets = true;
      return undefined;
    });
    return sets;
  };
  return setsFlag(guard.consequent, false, (node) => node.range[1] <= call.range[0]) && setsFlag(fn.body, true, (node) => !contains(failure, node));
}

/** A timer's delay that waits: any but a missing or literal zero one. */
function delayed(delay: TSESTree.Node | undefined): boolean {
  return delay !== undefined && !(delay.type === AST_NODE_TYPES.Literal && delay.value === 0);
}

