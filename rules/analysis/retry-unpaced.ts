import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { identifiersIn, isLoop, walk, walkSameFunction } from './ast-walk';
import { constInit } from './origin';
import type { RetryScope } from './retry-types';
import { alwaysExits } from './retry-paths';
import { loopEnds, setsAny, setsLoopEnd, testsGoodStatus } from './retry-loop-shapes';
import { awaitsWait } from './retry-waits';
import { clientErrorComparison, statusTest } from './status-tests';
import { holdsOnlyAfterTimeout } from './timeout-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A way round that goes again at once: where it leaves, and whether it is the catch's or a failed status's. */
export interface UnpacedWay {
  node: TSESTree.Node;
  after: 'catch' | 'failedStatus';
}

/**
 * A loop that waits after some failures and not after others: `catch (e) { if (e.status === 429) { await
 * sleep(retryAfter); continue; } log(e); }` goes round at once after every other failure. Returns where such
 * a way round leaves the catch (its `continue`, or the catch's end when it falls through), or the try's end
 * when a failed status falls out of it (`if (res.ok) break; log(res.status)`), or undefined when every way
 * round waits, or when the paths can't be read plainly (a `switch`, a nested loop or `try`, a labelled jump).
 * A wait before the try, at the top of it, or after it in the loop's body, paces every attempt.
 */
export function unpacedWayRound(context: Context, scope: RetryScope, waitNames: ReadonlySet<string>): UnpacedWay | undefined {
  const handler = scope.handler;
  const loop = scope.node;
  // A loop over a list that takes its counter back: a failure that falls through moves on, it does not go round.
  if (scope.kind !== 'loop' || !handler || scope.rewinds || !isLoop(loop) || loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const tried = handler.parent;
  const index = loop.body.body.indexOf(tried as TSESTree.Statement);
  if (index === -1 || tried.finalizer) return undefined;
  const waits = (node: TSESTree.Node): boolean => awaitsWait(context, node, waitNames);
  if (loop.body.body.slice(0, index).some(waits) || ('update' in loop && loop.update && waits(loop.update))) return undefined;
  // `try { await sleep(delay); await fetch(…) }`: the wait opens every attempt, whichever way the last one ended.
  const [first] = (tried as TSESTree.TryStatement).block.body;
  if (first && waits(first)) return undefined;
  const after = loop.body.body.slice(index + 1);
  // What follows the try decides for the ways that fall out of the catch: it may wait, or leave the loop.
  if (after.some((statement) => !plain(context, statement))) return undefined;
  const fallsThroughWaiting = after.some(waits);
  const bound = identifiersIn(context.sourceCode, 'test' in loop ? loop.test : undefined);
  const ends = loopEnds('test' in loop ? loop.test : undefined);
  const ways = read(context, handler.body.body, false, waits, bound, ends);
  if (ways === 'unreadable') return undefined;
  if (ways.bare) return { node: ways.bare, after: 'catch' };
  if (ways.falls === false && !fallsThroughWaiting) return { node: handler.body, after: 'catch' };
  const statusWay = fallsOutOnFailedStatus(context, (tried as TSESTree.TryStatement).block, waits, bound);
  return statusWay && !fallsThroughWaiting ? { node: statusWay, after: 'failedStatus' } : undefined;
}

/**
 * `try { res = await fetch(…); if (res.ok) break; log(res.status) } catch { await sleep(…) }`: success leaves
 * under a good-status test, so what falls out of the try is a failed status, which goes round at once though
 * the catch waits. Not a poll's `status === 200` (waiting for a job's 202 to end is its own pace), and not
 * when the try sets what the loop tests (`done = true`): then falling out may be success's way.
 */
function fallsOutOnFailedStatus(context: Context, block: TSESTree.BlockStatement, waits: (node: TSESTree.Node) => boolean, bound: ReadonlySet<string>): TSESTree.Node | undefined {
  const leavesOnSuccess = block.body.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && alwaysExits(statement.consequent)
    && testsGoodStatus(context, statement.test) && !statusTest(statement.test, context)?.mayPoll);
  if (!leavesOnSuccess || setsAny(context, block, bound)) return undefined;
  const ways = read(context, block.body, false, waits, bound, new Map());
  return ways !== 'unreadable' && !ways.bare && ways.falls === false ? block : undefined;
}


interface Ways {
  /** A `continue` reached with no wait before it. */
  bare?: TSESTree.ContinueStatement;
  /** Whether the ways that fall out of the block have waited; undefined when none does. */
  falls: boolean | undefined;
  /** The block ends in a `continue` after a wait. */
  continued?: true;
}

/**
 * The ways through `statements`. `bound` names what the loop's test reads: an `if` on it that waits on one
 * branch only (`if (i < attempts) await sleep(…)`) skips the wait on the last attempt, after which the loop
 * ends, so the other branch does not go round.
 */
function read(context: Context, statements: readonly TSESTree.Statement[], waitedBefore: boolean, waits: (node: TSESTree.Node) => boolean, bound: ReadonlySet<string>,
  ends: ReadonlyMap<string, (value: TSESTree.Node) => boolean>): Ways | 'unreadable' {
  let waited = waitedBefore;
  for (const [index, statement] of statements.entries()) {
    // `ok = true` under `while (!ok && …)`: this way ends the loop at its next test, as a `break` does.
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && setsLoopEnd([statement], ends)) return { falls: undefined };
    switch (statement.type) {
      case AST_NODE_TYPES.ContinueStatement:
        if (statement.label) return 'unreadable';
        return waited ? { falls: undefined, continued: true } : { bare: statement, falls: undefined };
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.BreakStatement:
        if (statement.type === AST_NODE_TYPES.BreakStatement && statement.label) return 'unreadable';
        return { falls: undefined };
      case AST_NODE_TYPES.BlockStatement: {
        const inner = read(context, statement.body, waited, waits, bound, ends);
        if (inner === 'unreadable' || inner.bare || inner.falls === undefined) return inner;
        waited = inner.falls;
        break;
      }
      case AST_NODE_TYPES.IfStatement: {
        // `if (await onAttemptFailure(…))`: the test itself may wait.
        if (waits(statement.test)) waited = true;
        const then = read(context, [statement.consequent], waited, waits, bound, ends);
        const otherwise: Ways | 'unreadable' = statement.alternate ? read(context, [statement.alternate], waited, waits, bound, ends) : { falls: waited };
        if (then === 'unreadable' || otherwise === 'unreadable') return 'unreadable';
        const tested = testedNames(context, statement.test);
        // `if (i < attempts) await sleep(…)`: the branch without the wait is the last attempt.
        // `if (delayMs > 0) await sleep(delayMs)`: the branch without it had no time to wait.
        if ([...tested].some((name) => bound.has(name)) || [...tested].some((name) => waitedFor(context, statement, name, waits))) {
          if (then.falls === true && otherwise.falls === false) otherwise.falls = true;
          if (otherwise.falls === true && then.falls === false) then.falls = true;
          // `if (attempt < maxRetries) { await sleep(…); continue; }`: the branch that falls out is the last attempt.
          if (then.continued && otherwise.falls === false) otherwise.falls = undefined;
          if (otherwise.continued && then.falls === false) then.falls = undefined;
        }
        // `if (error.name === 'AbortError') continue`: an attempt that timed out has already waited its timeout.
        if (then.bare && holdsOnlyAfterTimeout(context, statement.test)) then.bare = undefined;
        // `if (status === 401) { await reauthenticate(); continue; }`: a refused request sent again corrected, no retry.
        if (then.bare && clientErrorComparison(statement.test, context)) then.bare = undefined;
        // `if (waitMs <= 0) continue; await sleep(waitMs)`: the way round skips a wait that has run out.
        if (then.bare && waitRunOut(context, statement.test, statements.slice(index + 1), waits)) then.bare = undefined;
        if (then.bare || otherwise.bare) return { bare: then.bare ?? otherwise.bare, falls: undefined };
        if (then.falls === undefined && otherwise.falls === undefined) return { falls: undefined };
        waited = then.falls === undefined ? otherwise.falls! : otherwise.falls === undefined ? then.falls : then.falls && otherwise.falls;
        break;
      }
      default:
        if (!plain(context, statement)) return 'unreadable';
        if (waits(statement)) waited = true;
    }
  }
  return { falls: waited };
}

/**
 * The names a test reads, and those the `const`s it reads are made of: `const isLastAttempt = attempt ===
 * maxRetries; if (!isLastAttempt) await sleep(…)` tests the loop's bound.
 */
function testedNames(context: Context, test: TSESTree.Expression): Set<string> {
  const names = readNames(context, test);
  walk(context.sourceCode, test, (node) => {
    const init = node.type === AST_NODE_TYPES.Identifier ? constInit(context, node) : undefined;
    if (init) for (const name of identifiersIn(context.sourceCode, init)) names.add(name);
    return undefined;
  });
  return names;
}

/** The variables a node reads, and the fields it reads of `this` by their text (`this.retryDelayMs`). */
function readNames(context: Context, node: TSESTree.Node): Set<string> {
  const names = identifiersIn(context.sourceCode, node);
  walk(context.sourceCode, node, (inner) => {
    if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression && !inner.computed) names.add(context.sourceCode.getText(inner));
    return undefined;
  });
  return names;
}

/** Does a wait in one of the `if`'s branches take `name` as its time (`await sleep(delayMs)`)? */
function waitedFor(context: Context, statement: TSESTree.IfStatement, name: string, waits: (node: TSESTree.Node) => boolean): boolean {
  return [statement.consequent, statement.alternate].some((branch) => branch !== null && branch !== undefined && waitsWith(context, branch, name, waits));
}

/** Does `node` hold a wait that takes `name` in its time (`await sleep(waitMs + 1000)`)? */
function waitsWith(context: Context, node: TSESTree.Node, name: string, waits: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walkSameFunction(context.sourceCode, node, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.AwaitExpression && waits(inner) && readNames(context, inner.argument).has(name)) found = true;
    return undefined;
  });
  return found;
}

/**
 * `if (waitMs <= 0) continue;` before `await sleep(waitMs)`: the test says the time the wait would take (a
 * server's reset time less now) has already passed, so going round at once waits all that was asked.
 */
function waitRunOut(context: Context, test: TSESTree.Expression, rest: readonly TSESTree.Statement[], waits: (node: TSESTree.Node) => boolean): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.Identifier) return false;
  const bound = test.right.type === AST_NODE_TYPES.Literal ? test.right.value : undefined;
  const runOut = (test.operator === '<=' && bound === 0) || (test.operator === '<' && (bound === 0 || bound === 1));
  const name = test.left.name;
  return runOut && rest.some((statement) => waitsWith(context, statement, name, waits));
}

const BRANCHING = new Set<string>([
  AST_NODE_TYPES.SwitchStatement, AST_NODE_TYPES.TryStatement, AST_NODE_TYPES.ContinueStatement, AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.IfStatement, AST_NODE_TYPES.BlockStatement, AST_NODE_TYPES.LabeledStatement,
]);

/** A statement that runs straight through: no jump, branch, loop, `switch` or `try` in it (nested functions aside). */
function plain(context: Context, statement: TSESTree.Statement): boolean {
  let straight = true;
  walkSameFunction(context.sourceCode, statement, (node) => {
    if (!straight) return false;
    if (isLoop(node) || BRANCHING.has(node.type)) straight = false;
    return undefined;
  });
  return straight;
}
