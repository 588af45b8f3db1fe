import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, enclosingFunction, isFunctionNode, walk, walkSameFunction, type FunctionNode } from './ast-walk';
import { classElementName, findVariable, isModuleExport, memberName, resolveOrigin, thisMemberName, unwrap } from './origin';
import { localCallee } from './local-callees';
import { awaitsWait, isPromiseExecutor, isTimerPromise } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Where a function calls itself again: by name, through `this` or a CommonJS export, on a timer, or through
 * a closure of its own. The recursive retries (retry-recursion.ts, retry-status.ts, retry-failure-value.ts,
 * retry-empty-answer.ts) decide whether such a call is a retry; this only finds it.
 */

/** Is `call` a call of `fn` itself (by its name, or `this.name()` in a method)? */
export function callsItself(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  return namesItself(context, call.callee, fn);
}

/**
 * Does `reference` name `fn`: its name or variable, `this.name` in a method, `Api.name` for the member of an
 * object or class of the file, or, for a function assigned to a CommonJS export (`exports.save = async () =>
 * …`), `exports.save`, `module.exports.save` or `this.save` (a module's `this` is its exports)?
 */
function namesItself(context: Context, reference: TSESTree.Node, fn: FunctionNode): boolean {
  const callee = unwrap(reference);
  const assigned = fn.parent?.type === AST_NODE_TYPES.AssignmentExpression && fn.parent.right === fn && fn.parent.left.type === AST_NODE_TYPES.MemberExpression ? fn.parent.left : undefined;
  if (assigned && callee.type === AST_NODE_TYPES.MemberExpression && isExportsObject(assigned.object) && memberName(callee) === memberName(assigned)) {
    return isExportsObject(callee.object) || callee.object.type === AST_NODE_TYPES.ThisExpression;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, callee);
    const def = variable?.defs[0];
    if (!def) return false;
    // A parameter's def also points at the function: `reject(err)` in a catch is not recursion.
    if (def.type === 'FunctionName') return def.node === fn;
    // `const schedule = useCallback(async (…) => { … schedule(…) … }, deps)`: React hands back the function.
    return def.type === 'Variable' && def.node.init !== null && (unwrap(def.node.init) === fn || localCallee(context, callee)?.fn === fn);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const name = classElementName(fn.parent);
    return !callee.computed && name !== undefined && thisMemberName(callee) === name;
  }
  // `FetchUtilities.fetchRetry(…)` inside the function that object or class holds under that name.
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && localCallee(context, callee)?.fn === fn;
}

/** `exports` or `module.exports`. */
function isExportsObject(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports';
  return node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && memberName(node) === 'exports';
}

/** The first call of `fn` in `root` (executors included) that `accept` takes; retry readers pass what they rule out. */
export function recursiveCallIn(context: Context, root: TSESTree.Node, fn: FunctionNode, accept?: (call: TSESTree.CallExpression) => boolean): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && isFunctionNode(node) && !isPromiseExecutor(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && callsItself(context, node, fn) && (!accept || accept(node))) found = node;
    return undefined;
  });
  return found;
}

/**
 * `setTimeout(() => again(attempt + 1), delay)` in a failure handler: the retry scheduled on a timer, as
 * callback-style code writes it. The delay is a wait unless it is missing or a literal 0. Promise code
 * writes the same as `sleep(1000).then(() => again(url))`: a timer promise's `.then` always waits.
 */
function scheduledRecursionIn(context: Context, root: TSESTree.Node, fn: FunctionNode, accept?: (call: TSESTree.CallExpression) => boolean): { call: TSESTree.CallExpression; waits: boolean } | undefined {
  let found: { call: TSESTree.CallExpression; waits: boolean } | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    // `.catch(() => new Promise((resolve) => setTimeout(() => resolve(again()), delay)))`: the executor runs at once.
    if (node !== root && isFunctionNode(node) && !isPromiseExecutor(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const onTimer = isGlobalSetTimeout(context, node.callee);
    const afterTimer = !onTimer && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'then' && isTimerPromise(context, node.callee.object);
    if (!onTimer && !afterTimer) return undefined;
    const callback = node.arguments[0] && unwrap(node.arguments[0]);
    // `setTimeout(poll, 5000)`, `setTimeout(this.save, 2000, …args)`: the function itself, run again by reference.
    const call = isFunctionNode(callback) ? recursiveCallIn(context, callback.body, fn, accept) : onTimer && callback && namesItself(context, callback, fn) ? node : undefined;
    if (!call || (accept && !accept(call))) return undefined;
    const delay = node.arguments[1] && unwrap(node.arguments[1]);
    found = { call, waits: afterTimer || (delay !== undefined && !(delay.type === AST_NODE_TYPES.Literal && delay.value === 0)) };
    return false;
  });
  return found;
}

/** The runtime's `setTimeout`: the global, or Node's own from `timers` (`timers.setTimeout(…)`, not `timers/promises`). */
function isGlobalSetTimeout(context: Context, callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'setTimeout' && (findVariable(context, target)?.defs.length ?? 0) === 0) return true;
  return isModuleExport(resolveOrigin(context, target), ['timers', 'node:timers'], 'setTimeout');
}


export interface Recursion {
  call: TSESTree.CallExpression;
  scheduled: boolean;
  waits: boolean;
  /** The sibling method that schedules the call (`scheduleReconnect`), and its call of the function: it may keep the count. */
  via?: { fn: FunctionNode; call: TSESTree.CallExpression };
}

/** A call of `fn` in `root`, made directly or scheduled with `setTimeout`. */
export function immediateRecursion(context: Context, root: TSESTree.Node, fn: FunctionNode, accept?: (call: TSESTree.CallExpression) => boolean): Recursion | undefined {
  const direct = recursiveCallIn(context, root, fn, accept);
  if (direct) return { call: direct, scheduled: false, waits: false };
  const scheduled = scheduledRecursionIn(context, root, fn, accept);
  return scheduled && { ...scheduled, scheduled: true };
}

/**
 * How a failure handler runs its function again: directly, on a timer, or through a closure of the same
 * function that does either (`const retryOrReject = (err) => setTimeout(() => again(…), 1000)`), or through
 * a method of the same class that schedules it (`this.scheduleReconnect()`, whose timer calls
 * `this.connect()`).
 */
export function recursionIn(context: Context, handler: TSESTree.Node, fn: FunctionNode, accept?: (call: TSESTree.CallExpression) => boolean): Recursion | undefined {
  const here = immediateRecursion(context, handler, fn, accept);
  if (here) return here;
  let viaClosure: Recursion | undefined;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (viaClosure || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    const byThis = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression;
    if (callee.type !== AST_NODE_TYPES.Identifier && !byThis) return undefined;
    const closure = localCallee(context, callee)?.fn;
    if (!isFunctionNode(closure) || closure === fn || !(byThis ? isSiblingMethod(closure, fn) : contains(fn, closure))) return undefined;
    const inner = immediateRecursion(context, closure.body, fn, accept);
    // A direct call in the closure waits when the closure awaits a wait first. A sibling method counts
    // only when it schedules the call, and the retry is its call in the handler (`this.scheduleReconnect()`).
    if (inner && byThis) viaClosure = inner.scheduled ? { ...inner, call: node, via: { fn: closure, call: inner.call } } : undefined;
    else if (inner) viaClosure = inner.scheduled ? inner : { ...inner, waits: awaitsWait(context, closure.body) };
    return undefined;
  });
  return viaClosure;
}

/** Are both methods of the same class? */
function isSiblingMethod(method: FunctionNode, fn: FunctionNode): boolean {
  return method.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent?.type === AST_NODE_TYPES.MethodDefinition && method.parent.parent === fn.parent.parent;
}

/**
 * The function a recursion from `node` runs again: the enclosing one, or, inside a `new Promise((resolve,
 * reject) => …)` executor, the function that makes the promise. The executor runs at once, as part of it:
 * `return new Promise((resolve) => send(body).catch(() => resolve(again(attempt + 1))))`. So, later, does
 * the success callback of a `.then()` in the function's own chain: `return sleep(delayMs).then(() =>
 * fetch(url).catch(() => again(url, delayMs * 2)))`.
 */
export function runningFunction(node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && (isPromiseExecutor(fn) || isThenCallback(fn) || isTimerCallback(fn))) fn = enclosingFunction(fn);
  return fn;
}

/**
 * `setTimeout(async () => { try { await join() } catch { scheduleReconnect() } }, 2000)` inside
 * `scheduleReconnect`: the function's attempt is the one its timer runs, after the wait.
 */
export function isTimerCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'setTimeout';
}

/** The `setTimeout` callback of `fn` that holds `node`, if any. */
export function timerCallbackOf(node: TSESTree.Node, fn: FunctionNode): FunctionNode | undefined {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    if (isFunctionNode(current) && isTimerCallback(current)) return current;
  }
  return undefined;
}

/**
 * The callback of `promise.catch(onError)`, or the second of `promise.then(use, onError)`: it runs only when
 * the promise rejects, with the promise it handles. `byCatch` says which of the two it is, for the messages.
 */
export function rejectionCallback(call: TSESTree.CallExpression): { handler: FunctionNode; promise: TSESTree.Expression; byCatch: boolean } | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(call.callee);
  const index = method === 'catch' ? 0 : method === 'then' && call.arguments.length === 2 ? 1 : undefined;
  const handler = index === undefined ? undefined : call.arguments[index] && unwrap(call.arguments[index]!);
  return isFunctionNode(handler) ? { handler, promise: call.callee.object, byCatch: index === 0 } : undefined;
}

/** `promise.then((value) => …)`: the first callback, which runs when the promise succeeds. */
export function isThenCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'then';
}
