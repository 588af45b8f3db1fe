import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, identifiersIn, isFunctionNode, walk, walkSameFunction } from './ast-walk';
import { writeRoot } from './origin';
import type { RetryScope } from './retry-types';
import { awaitsWait, isTimerPromise } from './retry-waits';
import { runningFunction } from './retry-self-calls';
import { attemptFor, failureBranch } from './retry-status';
import { statusTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * `try { await send(payload) } catch { await send(payload) }`: the catch makes the try's call again (the
 * same callee and arguments, as written), once. The try's call is its first awaited or returned one and
 * the only one it awaits, the attempt that failed; the catch repeats it before awaiting anything else but
 * a wait. A call both paths make that is not the attempt (`span.end()`, saving a status) is bookkeeping, a
 * different call in the catch (`fallback()`, the same function on a mirror URL) is a fallback, and a
 * repeat after another awaited call (`await sessions.start(…)`, a token refresh) or after a write to what
 * the call reads (`protocol = 2`, a downgrade; `delete query.$orderBy`) is a correction, not a blind retry.
 */
export function catchRepeat(context: Context, statement: TSESTree.TryStatement): RetryScope | undefined {
  if (!statement.handler) return undefined;
  const sourceCode = context.sourceCode;
  const attempt = firstAwaitedCall(sourceCode, statement.block);
  const text = attempt && writtenAs(sourceCode, attempt);
  if (!attempt || !text || awaitsOtherThan(sourceCode, statement.block, text)) return undefined;
  const handler = statement.handler.body;
  const repeat = repeatIn(context, [handler], attempt);
  if (!repeat) return undefined;
  return {
    kind: 'recursion', mechanism: 'the same call made again in the catch', node: repeat, body: attempt,
    attempts: { kind: 'finite', attempts: 2 }, bounded: true, waits: awaitsWait(context, handler), failurePath: handler,
  };
}

/**
 * `let res = await send(p); if (res.status >= 500) res = await send(p);`: the same call made again, once,
 * when its answer says the request failed (a status test as retry-status.ts reads it: `!res.ok`, a 5xx, a
 * 429). As in a catch, a repeat after another awaited call or a write to what the call reads is a correction.
 */
export function statusRepeat(context: Context, statement: TSESTree.IfStatement): RetryScope | undefined {
  const test = statusTest(statement.test, context);
  const fn = test && runningFunction(statement);
  const attempt = fn && attemptFor(context, test, fn.body);
  if (!test || !attempt || attempt.range[1] > statement.range[0] || runningFunction(attempt) !== fn || !isAwaitedCall(attempt)) return undefined;
  const failure = failureBranch(statement, test);
  const repeat = repeatIn(context, failure, attempt);
  if (!repeat) return undefined;
  return {
    kind: 'recursion', mechanism: 'the same call made again on a failed status', node: repeat, body: attempt,
    attempts: { kind: 'finite', attempts: 2 }, bounded: true, waits: failure.some((part) => awaitsWait(context, part)), failurePath: failure.length === 1 ? failure[0] : statement.parent,
    afterStatus: true, answeredFailure: test.answered, unprocessedOnly: test.unprocessedOnly || undefined, mayPoll: test.mayPoll,
  };
}

/**
 * The awaited call in `parts` (run in order) written as `attempt` is, made before anything else is awaited
 * but a wait and before a write to what `attempt` reads.
 */
function repeatIn(context: Context, parts: readonly TSESTree.Node[], attempt: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  const sourceCode = context.sourceCode;
  const text = writtenAs(sourceCode, attempt);
  const read = identifiersIn(sourceCode, attempt);
  // `this.state.id = null` before `this.send(update)`: the method reads what was just changed.
  let readsThis = false;
  walk(sourceCode, attempt, (node) => void (node.type === AST_NODE_TYPES.ThisExpression && (readsThis = true)));
  let repeat: TSESTree.CallExpression | undefined;
  // Corrections made so far: each keeps the repeats on its own way through the code from being blind.
  const corrections: TSESTree.Node[] = [];
  for (const part of parts) {
    walkSameFunction(sourceCode, part, (node) => {
      if (repeat) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && isAwaitedCall(node) && writtenAs(sourceCode, node) === text) {
        if (!corrected(node, part, corrections)) repeat = node;
      } else if (node.type === AST_NODE_TYPES.AwaitExpression && !isTimerPromise(context, node.argument)) {
        if (!awaitsCall(sourceCode, node, text)) corrections.push(node);
      } else if (node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.UpdateExpression || (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete')) {
        // `self.condition.protocol = 2` before `sendHandshake(…, self.condition.protocol)`: the same text, another
        // request; so is `delete query.$orderBy` before `get(url, { params: query })`, dropping what was refused.
        const root = writeRoot(node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.argument);
        if ((root.type === AST_NODE_TYPES.Identifier && read.has(root.name)) || (root.type === AST_NODE_TYPES.ThisExpression && readsThis)) corrections.push(node);
      }
      return undefined;
    });
    if (repeat) break;
  }
  return repeat;
}

/**
 * Does every way to `repeat` pass a correction made before it? A statement before it (in its block or an
 * enclosing one) corrects on every way when it holds a correction outside any branch, or is an `if`/`else`
 * whose branches both do. `if (expired) { await refresh(); return await send(q) }` leaves a later
 * `if (noDocument) return await send(q)` a blind repeat; `if (h) { t = sse(h) } else { t = sse() }` before
 * `await client.connect(t)` corrects it.
 */
function corrected(repeat: TSESTree.Node, root: TSESTree.Node, corrections: readonly TSESTree.Node[]): boolean {
  if (corrections.length === 0) return false;
  const everyWay = (statement: TSESTree.Node): boolean => {
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      return corrections.some((correction) => contains(statement.test, correction))
        || (statement.alternate !== null && everyWay(statement.consequent) && everyWay(statement.alternate));
    }
    if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.some(everyWay);
    return corrections.some((correction) => contains(statement, correction));
  };
  for (let current: TSESTree.Node | undefined = repeat; current && current !== root.parent; current = current.parent) {
    const block = current.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) continue;
    if (block.body.slice(0, block.body.indexOf(current as TSESTree.Statement)).some(everyWay)) return true;
    if (block === root) break;
  }
  return false;
}

/** A call as written, token by token: the same call indented deeper (in a nested `try`) reads the same. */
function writtenAs(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  return sourceCode.getTokens(node).map((token) => token.value).join(' ');
}

/** Does the try await anything but its attempt (written `text`)? Then the attempt may have succeeded before the failure. */
function awaitsOtherThan(sourceCode: TSESLint.SourceCode, block: TSESTree.BlockStatement, text: string): boolean {
  let other = false;
  walkSameFunction(sourceCode, block, (node) => {
    if (other) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && !awaitsCall(sourceCode, node, text)) other = true;
    return undefined;
  });
  return other;
}

/** Does this await wait for the call written `text` (`await send(p)`)? */
function awaitsCall(sourceCode: TSESLint.SourceCode, node: TSESTree.AwaitExpression, text: string): boolean {
  const argument = node.argument.type === AST_NODE_TYPES.ChainExpression ? node.argument.expression : node.argument;
  return argument.type === AST_NODE_TYPES.CallExpression && writtenAs(sourceCode, argument) === text;
}

/** The first top-level statement of the block that awaits or returns something: its call, when that statement is one call. */
function firstAwaitedCall(sourceCode: TSESLint.SourceCode, block: TSESTree.BlockStatement): TSESTree.CallExpression | undefined {
  for (const statement of block.body) {
    let call: TSESTree.CallExpression | undefined;
    let awaits = false;
    walk(sourceCode, statement, (node) => {
      if (node !== statement && isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ReturnStatement) awaits = true;
      if (!call && node.type === AST_NODE_TYPES.CallExpression && isAwaitedCall(node)) call = node;
      return undefined;
    });
    if (awaits) return call && topLevelIn(call, statement) ? call : undefined;
  }
  return undefined;
}

const CALL_WRAPPERS = new Set<string>([AST_NODE_TYPES.AwaitExpression, AST_NODE_TYPES.ChainExpression, AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression]);

/** A call its statement awaits or returns: `await f()`, `return f()`, `const x = await f()`, `x = await f();`. */
function isAwaitedCall(call: TSESTree.CallExpression): boolean {
  let outer: TSESTree.Node = call;
  let awaited = false;
  while (outer.parent && CALL_WRAPPERS.has(outer.parent.type)) {
    awaited ||= outer.parent.type === AST_NODE_TYPES.AwaitExpression;
    outer = outer.parent;
  }
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  return awaited && (parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer)
    || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.parent.type === AST_NODE_TYPES.ExpressionStatement));
}

/** Is `call` what `statement` itself does, not a call nested in a branch or a loop of it? */
function topLevelIn(call: TSESTree.CallExpression, statement: TSESTree.Statement): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== statement; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.VariableDeclarator && current.type !== AST_NODE_TYPES.VariableDeclaration
      && current.type !== AST_NODE_TYPES.AssignmentExpression && !CALL_WRAPPERS.has(current.type)) return false;
  }
  return true;
}
