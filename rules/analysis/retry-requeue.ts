import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calleeName, contains, isFunctionNode, walk, walkSameFunction, type FunctionNode } from './ast-walk';
import { sameReceiver } from './declared-receivers';
import { memberName, unwrap } from './origin';
import { localCallee } from './local-callees';
import { alwaysExits, type Loop } from './retry-paths';
import { putsBackOnlyAfterConflict } from './retry-conflicts';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';
import { guardedWithin } from './unprocessed-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Retries that put a failed item back on the list a loop works through, until the list is empty:
 *
 *     while (queue.length > 0) {
 *       const job = queue.shift();
 *       try { await send(job); } catch { queue.push(job); }        // the job comes round again
 *     }
 *
 *     while (this.failed.length > 0) {                              // `download`'s catch fills `this.failed`
 *       const again = this.failed; this.failed = [];
 *       await Promise.all(again.map((day) => this.download(day)));
 *     }
 *
 * Nothing counts how often an item came back, so a failure that lasts keeps the loop going; the attempt is
 * the try whose catch puts the item back, in the loop or in the function of the file it calls. A loop that
 * drains a queue and only logs its failures moves on to the next item: no retry.
 */
export function requeueLoopScope(context: Context, loop: Loop): RetryScope | undefined {
  if (loop.type === AST_NODE_TYPES.ForStatement) return undefined;
  const list = nonEmptyListTested(loop.test) ?? dequeuedList(context, loop);
  if (!list) return undefined;
  const requeue = putBackIn(context, loop.body, list, true) ?? putBackByCalledFunction(context, loop.body, list);
  // A batch split in halves after a conflict (a 409: nothing was written) is no retry of what failed.
  if (!requeue || leavesWhenNotShrunk(context, loop, list) || putsBackOnlyAfterConflict(context, requeue.handler, requeue.putBack)) return undefined;
  const bounded = underComparison(context, requeue.putBack, requeue.handler);
  // `if (error.response?.status === 429) { await sleep(2000); queue.unshift(job) }`: only what the server refused comes back.
  const refusedOnly = guardedWithin(context, requeue.putBack, requeue.handler);
  const keyword = loop.type === AST_NODE_TYPES.WhileStatement ? 'while' : 'do-while';
  return {
    kind: 'loop', mechanism: `the ${keyword}-loop that sends what failed in \`${context.sourceCode.getText(list)}\` again`, node: loop, body: requeue.attempt,
    attempts: bounded ? { kind: 'unknown' } : { kind: 'forever' }, bounded, waits: awaitsWait(context, loop.body) || awaitsWait(context, requeue.handler), failurePath: requeue.handler,
    ...(refusedOnly ? { unprocessedOnly: true as const } : {}),
  };
}

interface Requeue { attempt: TSESTree.BlockStatement; handler: TSESTree.BlockStatement; putBack: TSESTree.CallExpression }

/**
 * `const sizeBefore = queue.length; await flush(); if (queue.length >= sizeBefore) break;`: the loop ends as
 * soon as a round did not shrink the list, so an item put back after a failure is left for later, not sent again.
 */
function leavesWhenNotShrunk(context: Context, loop: Loop, list: TSESTree.Node): boolean {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const listText = context.sourceCode.getText(list);
  return loop.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.IfStatement || !alwaysExits(statement.consequent)) return false;
    const test = unwrap(statement.test);
    if (test.type !== AST_NODE_TYPES.BinaryExpression || !['>=', '==', '===', '>'].includes(test.operator)) return false;
    const size = unwrap(test.left);
    const sized = size.type === AST_NODE_TYPES.MemberExpression && ['length', 'size'].includes(memberName(size) ?? '') && context.sourceCode.getText(size.object) === listText;
    return sized && test.right.type === AST_NODE_TYPES.Identifier;
  });
}

/** `list.length`, `list.length > 0`, `list.length !== 0`, `list.size`: the list, when the test says "not empty". */
function nonEmptyListTested(test: TSESTree.Expression | null): TSESTree.Expression | undefined {
  const value = test && unwrap(test);
  if (!value) return undefined;
  const sized = (node: TSESTree.Node): TSESTree.Expression | undefined => {
    const target = unwrap(node);
    return target.type === AST_NODE_TYPES.MemberExpression && ['length', 'size'].includes(memberName(target) ?? '') ? target.object : undefined;
  };
  if (value.type === AST_NODE_TYPES.MemberExpression) return sized(value);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || value.right.type !== AST_NODE_TYPES.Literal) return undefined;
  const bound = value.right.value;
  const notEmpty = ((value.operator === '>' || value.operator === '!==' || value.operator === '!=') && bound === 0) || (value.operator === '>=' && bound === 1);
  return notEmpty ? sized(value.left) : undefined;
}

/**
 * `while (true) { const msg = await this.dequeue(); if (!msg) break; … }` where `dequeue()` is a method of the
 * file that returns `this.items.shift()`: the loop works through that list until it is empty.
 */
function dequeuedList(context: Context, loop: Loop): TSESTree.Expression | undefined {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const [taking, ending] = loop.body.body;
  const declarator = taking?.type === AST_NODE_TYPES.VariableDeclaration && taking.declarations.length === 1 ? taking.declarations[0]! : undefined;
  const taken = declarator?.init ? unwrap(declarator.init) : undefined;
  if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || taken?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // `if (!msg) break;`: nothing left ends the loop.
  const test = ending?.type === AST_NODE_TYPES.IfStatement ? unwrap(ending.test) : undefined;
  if (ending?.type !== AST_NODE_TYPES.IfStatement || !alwaysExits(ending.consequent) || test?.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!'
    || unwrap(test.argument).type !== AST_NODE_TYPES.Identifier || (unwrap(test.argument) as TSESTree.Identifier).name !== declarator.id.name) return undefined;
  const fn = calledFunction(context, taken);
  if (!fn) return undefined;
  let list: TSESTree.Expression | undefined;
  walkSameFunction(context.sourceCode, fn.body, (node) => {
    if (list) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && ['shift', 'pop'].includes(calleeName(node.callee) ?? '')) list = node.callee.object;
    return undefined;
  });
  return list;
}

/** `list.push(…)` or `list.unshift(…)`. */
function putsOn(context: Context, node: TSESTree.Node, list: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && ['push', 'unshift'].includes(calleeName(node.callee) ?? '')
    && sameReceiver(context, node.callee.object, list);
}

/** `this.enqueue(msg.body)` where `enqueue` is a function of the file that does `this.items.push(…)`. */
function pushesOnto(context: Context, call: TSESTree.CallExpression, list: TSESTree.Node): boolean {
  const fn = calledFunction(context, call);
  if (!fn) return false;
  let pushes = false;
  walkSameFunction(context.sourceCode, fn.body, (node) => {
    if (pushes) return false;
    pushes = putsOn(context, node, list);
    return undefined;
  });
  return pushes;
}

/**
 * `list.push(…)` or `list.unshift(…)` in a catch inside `root` (same function), or a call there of a function
 * of the file that does it (`this.enqueue(msg.body)`). In the loop itself the catch
 * must not leave it (`catch { queue.push(job); break; }` stops); in a function the loop calls, a `return`
 * only ends that call, but a catch that rethrows hands the failure to the loop instead.
 */
function putBackIn(context: Context, root: TSESTree.Node, list: TSESTree.Node, inLoop: boolean): Requeue | undefined {
  let found: Requeue | undefined;
  walkSameFunction(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.TryStatement || !node.handler) return undefined;
    if (inLoop ? alwaysExits(node.handler.body) : node.handler.body.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement) return undefined;
    const handler = node.handler.body;
    walkSameFunction(context.sourceCode, handler, (inner) => {
      if (found) return false;
      if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
      if (putsOn(context, inner, list) || pushesOnto(context, inner, list)) found = { attempt: node.block, handler, putBack: inner };
      return undefined;
    });
    return undefined;
  });
  return found;
}

/** How many calls deep the function whose catch fills the list may be (`process(day)` → `download(day)`). */
const MAX_CALL_DEPTH = 3;

/**
 * A call in the loop (callbacks included: `again.map((d) => this.download(d))`) of a function of the file
 * whose catch fills the list, directly or through the functions of the file it calls.
 */
function putBackByCalledFunction(context: Context, root: TSESTree.Node, list: TSESTree.Node, seen = new Set<TSESTree.Node>(), depth = 1): Requeue | undefined {
  let found: Requeue | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const fn = calledFunction(context, node);
    if (!fn || seen.has(fn) || contains(fn, root)) return undefined;
    seen.add(fn);
    found = putBackIn(context, fn.body, list, false) ?? (depth < MAX_CALL_DEPTH ? putBackByCalledFunction(context, fn.body, list, seen, depth + 1) : undefined);
    return undefined;
  });
  return found;
}

/** A function of the file the call calls (class fields that hold one included: `download = async (day) => { … }`). */
function calledFunction(context: Context, call: TSESTree.CallExpression): FunctionNode | undefined {
  const local = localCallee(context, call.callee)?.fn;
  return isFunctionNode(local) ? local : undefined;
}

/** `if (job.attempts++ < 3) queue.push(job)`: a put-back under a comparison counts how often. */
function underComparison(context: Context, putBack: TSESTree.Node, handler: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = putBack.parent; current && current !== handler; current = current.parent) {
    const test = current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression ? current.test
      : current.type === AST_NODE_TYPES.LogicalExpression ? current.left : undefined;
    if (!test) continue;
    let compares = false;
    walk(context.sourceCode, test, (node) => {
      if (node.type === AST_NODE_TYPES.BinaryExpression && ['<', '<=', '>', '>='].includes(node.operator)) compares = true;
      return compares ? false : undefined;
    });
    if (compares) return true;
  }
  return false;
}
