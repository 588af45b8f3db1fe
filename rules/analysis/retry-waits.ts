import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { DURATION_ONLY_WAIT_NAME, RETRY_HELPER_NAME, USER_CHOICE_CALLS, WAIT_NAME, TIMER_HANDLES, WAIT_OWNER_METHODS } from '../knowledge/retries';
import { calleeName, contains, isFunctionNode, isLoop, walk, walkSameFunction } from './ast-walk';
import { findVariable, isIdentifierNamed, singleAssignmentInit, unwrap } from './origin';
import { localCallee } from './local-callees';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 3;

/**
 * Does `fn` (a local helper such as `const pause = (ms) => new Promise(...)`, or a promise's executor) wait
 * on a timer? A `setTimeout` waits only when something waits for it: inside a promise's executor, or
 * awaited (timers/promises). A timer that aborts the request (`setTimeout(() => controller.abort(), ms)`),
 * or times out the promise of one, lets the function go on at once.
 */
function functionWaits(context: Context, fn: TSESTree.Node, depth: number, extra: ReadonlySet<string>): boolean {
  let waits = false;
  walk(context.sourceCode, fn, (node) => {
    if (waits) return false;
    // A wait in its catch or in a loop of its own is the function's own retry or poll pacing (`inner()` that
    // retries with backoff, `createAndPoll()`): a caller that goes round after it fails has not waited.
    if (node.type === AST_NODE_TYPES.CatchClause || (node !== fn && isLoop(node))) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (calleeName(node.callee) === 'setTimeout') waits = node.parent.type === AST_NODE_TYPES.AwaitExpression || (inPromiseExecutor(node) && !endsRequest(context, node));
    else if (isWaitCall(context, node, extra, depth + 1)) waits = true;
    return undefined;
  });
  return waits;
}

/**
 * `setTimeout(() => { req.destroy(); reject(new Error('timed out')) }, ms)` in the executor of a request's
 * promise: the timer ends the request, or rejects a promise the request resolves elsewhere, so waiting for
 * the promise waits for the request, not for the time. A timer that only rejects a promise nothing else
 * settles (`Promise.race([call, timer])`) still settles after its time, and one that resolves it (a sleep,
 * cancellable or not) is a wait.
 */
function endsRequest(context: Context, timer: TSESTree.CallExpression): boolean {
  const callback = timer.arguments[0];
  const executor = enclosingExecutor(timer);
  if (!callback || !executor) return false;
  const [resolve, reject] = executor.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : undefined));
  let endsIt = false;
  let rejects = false;
  let resolvedElsewhere = false;
  walk(context.sourceCode, executor.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const name = calleeName(node.callee) ?? '';
    const direct = node.callee.type === AST_NODE_TYPES.Identifier;
    if (contains(callback, node)) {
      endsIt ||= REQUEST_ENDINGS.has(name);
      rejects ||= direct && reject !== undefined && name === reject;
    } else {
      resolvedElsewhere ||= direct && resolve !== undefined && name === resolve;
    }
    return undefined;
  });
  return endsIt || (rejects && resolvedElsewhere);
}

const REQUEST_ENDINGS = new Set(['destroy', 'abort']);

function enclosingExecutor(node: TSESTree.Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isPromiseExecutor(current)) return current as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  }
  return undefined;
}

/** Is `node` inside the executor of a `new Promise(…)`? */
function inPromiseExecutor(node: TSESTree.Node): boolean {
  return enclosingExecutor(node) !== undefined;
}

/** The function `new Promise(…)` runs at once, as if its body were written where the promise is made. */
export function isPromiseExecutor(node: TSESTree.Node): boolean {
  const creation = node.parent;
  return (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) && creation?.type === AST_NODE_TYPES.NewExpression
    && creation.arguments[0] === node && isNewPromise(creation);
}

function isNewPromise(creation: TSESTree.NewExpression): boolean {
  return creation.callee.type === AST_NODE_TYPES.Identifier && creation.callee.name === 'Promise';
}

/** `sleep(ms)`, `setTimeout(ms)` from timers/promises, `new Promise((r) => setTimeout(r, ms))`, a local helper that does one of these. */
export function isWaitCall(context: Context, node: TSESTree.Node, extra: ReadonlySet<string>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    return isNewPromise(value) && value.arguments[0] !== undefined && functionWaits(context, value.arguments[0], depth, extra);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(value.callee);
  // `locator.waitFor({ state: 'visible' })`, `waitForSelector('#done')`, `waitFor(() => expect(…))`: a wait for
  // a condition, which may hold at once, not for a time (`page.waitForTimeout(1000)`, `waitFor(delayMs)`).
  if (name !== undefined && /^waitFor/.test(name) && !extra.has(name) && waitsForCondition(value.arguments[0])) return false;
  // `_waitAfterFailure()`: a private helper's leading underscores are not part of what it does.
  if (name !== undefined && (WAIT_NAME.test(name.replace(/^_+/, '')) || extra.has(name))) return true;
  // `await timeout(delayMs)` from another module: given the time alone, it can only wait it out.
  // (`AbortSignal.timeout(ms)` makes a signal, so only a plain function counts.)
  if (value.callee.type === AST_NODE_TYPES.Identifier && DURATION_ONLY_WAIT_NAME.test(value.callee.name) && value.arguments.length === 1 && !localCallee(context, value.callee)) return true;
  // `await wait.until({ date })`, `await wait.for({ seconds: 5 })`: a wait namespace's methods wait.
  const owner = value.callee.type === AST_NODE_TYPES.MemberExpression && value.callee.object.type === AST_NODE_TYPES.Identifier ? value.callee.object.name : undefined;
  if (owner !== undefined && WAIT_NAME.test(owner) && WAIT_OWNER_METHODS.includes(name ?? '')) return true;
  // `await this._clock.createTimeout(ms).elapsed()`: a timer made for the time, awaited until it is up.
  if (name !== undefined && TIMER_HANDLES.settles.includes(name) && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const timer = unwrap(value.callee.object);
    if (timer.type === AST_NODE_TYPES.CallExpression && timer.arguments.length === 1 && TIMER_HANDLES.makers.test(calleeName(timer.callee) ?? '')) return true;
  }
  // `const doSleep = sleep || ((ms) => new Promise((r) => setTimeout(r, ms)))`: an injected wait, or a timer by default.
  if (injectedWithWaitingDefault(context, value.callee, depth, extra)) return true;
  // A function of the file or a method of the class (`await this.timer(seconds)`) that waits on a timer.
  const local = localCallee(context, value.callee)?.fn;
  // `await again(n - 1)` inside `again`: the recursive call is the next attempt, not a helper that waits.
  if (local !== undefined && contains(local, value)) return false;
  return local !== undefined && functionWaits(context, local, depth, extra);
}

/** A variable given one value, `injected || fallback` (or `??`), whose fallback is a function that waits. */
function injectedWithWaitingDefault(context: Context, callee: TSESTree.Node, depth: number, extra: ReadonlySet<string>): boolean {
  const target = unwrap(callee);
  const variable = target.type === AST_NODE_TYPES.Identifier ? findVariable(context, target) : undefined;
  const init = variable ? singleAssignmentInit(variable) : undefined;
  const value = init && unwrap(init);
  if (value?.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '&&') return false;
  const fallback = unwrap(value.right);
  return isFunctionNode(fallback) && functionWaits(context, fallback, depth, extra);
}

/** An object of options, a predicate or a selector: what a condition wait is handed, not a time. */
function waitsForCondition(argument: TSESTree.Node | undefined): boolean {
  const value = argument && unwrap(argument);
  if (!value) return false;
  return value.type === AST_NODE_TYPES.ObjectExpression || isFunctionNode(value) || value.type === AST_NODE_TYPES.TemplateLiteral
    || (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string');
}

/**
 * A promise that settles after a time: `sleep(ms)`, `new Promise((_, reject) => setTimeout(reject, ms))`, or
 * a variable holding one and given no other value (`var backoff = new Promise(…)`, as older code writes it).
 */
export function isTimerPromise(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init !== undefined && isTimerPromise(context, init, depth + 1);
  }
  // `sleep(ms).then(() => { throw new TimeoutError() })`
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && calleeName(value.callee) === 'then') {
    return isTimerPromise(context, value.callee.object, depth);
  }
  return isWaitCall(context, value, new Set());
}

/** Does the code in `root` (its own function only) await a wait before the next attempt? */
export function awaitsWait(context: Context, root: TSESTree.Node, extra: ReadonlySet<string> = new Set()): boolean {
  let waits = false;
  walkSameFunction(context.sourceCode, root, (node) => {
    if (waits) return false;
    if ((node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) && node.argument
      && (isWaitCall(context, node.argument, extra) || heldWait(context, node.argument, extra) || asksRetryPolicy(context, node.argument))) waits = true;
    return undefined;
  });
  return waits;
}

/**
 * `const pause = new Promise((r) => setTimeout(r, ms)); await pause;`: a wait kept in a variable first. Only
 * one made in the same round as the await (no loop or function between them): a timer started before the
 * loop has settled after the first round, and awaiting it again waits for nothing.
 */
function heldWait(context: Context, node: TSESTree.Node, extra: ReadonlySet<string>): boolean {
  const value = unwrap(node);
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : null;
  const init = variable ? singleAssignmentInit(variable) : undefined;
  return init !== undefined && roundOf(init) === roundOf(node) && isWaitCall(context, init, extra);
}

/** The loop or function whose every round runs `node` afresh. */
function roundOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && !isLoop(current) && !isFunctionNode(current)) current = current.parent;
  return current;
}

/**
 * `await getRetryConfig(err)`: a retry policy of another module handed the failure, awaited before the next
 * attempt. It may wait out the delay it computes (gaxios's does); what it does is not in this file, so it
 * is given the benefit of the doubt. The failure may be handed in an object: `await onRetry({ attempt,
 * error })`, or `ctx.error = error; await onRetry(ctx)` in the catch.
 */
function asksRetryPolicy(context: Context, node: TSESTree.Node): boolean {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || !RETRY_HELPER_NAME.test(calleeName(call.callee) ?? '') || localCallee(context, call.callee)) return false;
  const handler = enclosingCatch(call);
  return call.arguments.some((argument) => {
    const value = unwrap(argument);
    if (isCaught(context, value)) return true;
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && isCaught(context, unwrap(property.value)));
    // `ctx.error = error;` earlier in the same catch.
    return value.type === AST_NODE_TYPES.Identifier && handler !== undefined && handler.body.body.some((statement) => statement.range[0] < call.range[0]
      && statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression
      && statement.expression.left.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(statement.expression.left.object, value.name)
      && isCaught(context, unwrap(statement.expression.right)));
  });
}

/** Is `value` a name bound by a catch clause (its parameter, or a `const` declared in it from one)? */
function isCaught(context: Context, value: TSESTree.Node): boolean {
  const def = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value)?.defs[0] : undefined;
  if (!def) return false;
  for (let current: TSESTree.Node | undefined = def.name; current; current = current.parent) if (current.type === AST_NODE_TYPES.CatchClause) return true;
  return false;
}

/** The catch clause `node` is in, within its own function. */
function enclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) if (current.type === AST_NODE_TYPES.CatchClause) return current;
  return undefined;
}

/**
 * Does the way round pass a test of the user's answer (`if (confirm('Saving failed. Try again?')) return
 * save(body)`, `const { response } = await dialog.showMessageBox(…); if (response === 1) …`,
 * `if (await window.showErrorMessage(msg, 'Retry') === 'Retry')`)? Then a person decides each repeat:
 * it waits for them and ends when they stop (USER_CHOICE_CALLS).
 */
export function askedOfUser(context: Context, failurePath: TSESTree.Node): boolean {
  let asked = false;
  walkSameFunction(context.sourceCode, failurePath, (node) => {
    if (asked) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && readsUserChoice(context, node.test, 0)) asked = true;
    return undefined;
  });
  return asked;
}

function readsUserChoice(context: Context, node: TSESTree.Node, depth: number): boolean {
  let found = false;
  walk(context.sourceCode, node, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.CallExpression && isUserChoiceCall(inner)) found = true;
    else if (inner.type === AST_NODE_TYPES.Identifier && depth < 2) {
      // `const choice = dialog.showMessageBoxSync(…)`, `const { response } = await dialog.showMessageBox(…)`.
      const def = findVariable(context, inner)?.defs[0];
      const init = def?.type === 'Variable' ? def.node.init : undefined;
      if (init && readsUserChoice(context, init, depth + 1)) found = true;
    }
    return undefined;
  });
  return found;
}

function isUserChoiceCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return USER_CHOICE_CALLS.globals.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const name = callee.property.name;
  if (USER_CHOICE_CALLS.methods.has(name)) return true;
  // `window.confirm(…)`; `inquirer.prompt([…])`; not Stripe's `paymentIntents.confirm(id)`.
  const receiver = unwrap(callee.object);
  return receiver.type === AST_NODE_TYPES.Identifier && ((receiver.name === 'window' && USER_CHOICE_CALLS.globals.has(name)) || (receiver.name === 'inquirer' && name === 'prompt'));
}
