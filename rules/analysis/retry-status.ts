import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, enclosingStatement, identifiersIn, isLoop, walkSameFunction, type FunctionNode } from './ast-walk';
import { findVariable, memberName, unwrap } from './origin';
import { loopRetryScope } from './retry-loops';
import { alwaysExits, counters, failureHasBoundedExit, indexesByCounter, insideCompilerHelper, isConstantTrue, leavesBeforeGoingRound, type Loop } from './retry-paths';
import { boundedRecursionAttempts, isOneShotFallback, recursionBounded } from './retry-recursion-bounds';
import { immediateRecursion, runningFunction, type Recursion } from './retry-self-calls';
import { movesOnToNextItem } from './retry-next-item';
import { failureValueTest } from './retry-failure-value';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';
import { statusSource } from './status-reads';
import { statusTest, underClientErrorTest, type StatusTest } from './status-tests';
import { exitsUnlessUnprocessed } from './unprocessed-tests';
import { exitsUnlessConflict } from './retry-conflicts';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Retries decided by the response's status rather than by a catch: the attempt comes back, and a failed
 * status sends it again.
 *
 *     for (let attempt = 0; attempt < 3; attempt++) {
 *       const res = await fetch(url, { method: 'POST', body });
 *       if (res.ok) return res;          // success leaves
 *       await sleep(2 ** attempt * 100); // a failed status goes round
 *     }
 *
 * A 5xx may come after the server applied the request (a gateway timeout, a crash after the commit), so a
 * POST repeated on it can apply twice, as after a dropped connection. Only tests that read as "the request
 * failed" count (`res.ok`, `status >= 500`, `status < 400`, `status === 503`, `status === 200`); a loop
 * that waits for `status === 200` may also be polling a job that answers 202 until it is done, which the
 * scope records (`mayPoll`) so that require-retry-backoff does not judge a poll's pace.
 */

/** The call, made inside `within`, that produced what the test reads: `await fetch(…)`, or the last value of `res`. */
export function attemptFor(context: Context, test: StatusTest, within: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (const operand of test.operands) {
    const response = statusSource(context, operand);
    const value = response && unwrap(response);
    if (value?.type === AST_NODE_TYPES.CallExpression && contains(within, value)) return value;
    if (value?.type !== AST_NODE_TYPES.Identifier) continue;
    const answered = answeredCall(context, value);
    if (answered && contains(within, answered)) return answered;
    for (const reference of findVariable(context, value)?.references ?? []) {
      const written = reference.writeExpr && assignedValue(reference.writeExpr);
      if (written?.type === AST_NODE_TYPES.CallExpression && contains(within, written)) return written;
    }
  }
  return undefined;
}

/** The value an initialiser or write gives, through a chained assignment: `res = (last = await send())`. */
function assignedValue(node: TSESTree.Node): TSESTree.Node {
  let value = unwrap(node);
  while (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') value = unwrap(value.right);
  return value;
}

/** `promise.then(callback)`: the `.then` call a function is handed to first, if it is. */
function thenCallOf(callback: TSESTree.Node | undefined): (TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) | undefined {
  const then = callback?.parent;
  if (then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== callback || then.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(then.callee) !== 'then') return undefined;
  return then as TSESTree.CallExpression & { callee: TSESTree.MemberExpression };
}

/** `fetch(url).then((response) => …)`: the call whose answer a `.then` callback's first parameter is. */
function answeredCall(context: Context, identifier: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  const def = findVariable(context, identifier)?.defs[0];
  const then = def?.type === 'Parameter' && def.node.params[0] === def.name ? thenCallOf(def.node) : undefined;
  const answering = then && unwrap(then.callee.object);
  return answering?.type === AST_NODE_TYPES.CallExpression ? answering : undefined;
}

/** The function a status test's retry runs again: its own, or, in a `.then` callback, the one the `.then` is in. */
function retriedFunction(statement: TSESTree.IfStatement): FunctionNode | undefined {
  const own = runningFunction(statement);
  const then = thenCallOf(own);
  return then ? runningFunction(then) : own;
}

/** Is `node` reached on every round of the loop: only blocks and try blocks between it and the loop's body? */
function everyRound(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node; current !== body; current = current.parent!) {
    const parent = current.parent;
    if (!parent) return false;
    const through = parent.type === AST_NODE_TYPES.BlockStatement || (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current);
    if (!through) return false;
  }
  return true;
}

/**
 * Is `node` reached on every round on which the attempt fails: every round, or in the failure branch of
 * an `if` reached on every round that tests the status (`if (!res.ok) { if (res.status >= 500 && left > 0)
 * { left--; continue } throw … }`): the inner test then decides which failures go round.
 */
function everyFailedRound(context: Context, node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node; current !== body; current = current.parent!) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.BlockStatement || (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current)) continue;
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.test === current) return false;
    const outer = statusTest(parent.test, context);
    const failed = outer && (outer.holdsFor === 'failure' ? parent.consequent : parent.alternate);
    return failed === current && everyRound(parent, body);
  }
  return true;
}

/** The statements that run after `node` in each block between it and the loop's body. */
function tailsAfter(node: TSESTree.Node, body: TSESTree.Node): TSESTree.Statement[] {
  const tail: TSESTree.Statement[] = [];
  for (let current = node; current !== body && current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement) tail.push(...parent.body.slice(parent.body.indexOf(current as TSESTree.Statement) + 1));
  }
  return tail;
}

function endsInContinue(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ContinueStatement) return !statement.label;
  // `if (res.status >= 500) { if (attempt < max) { await sleep(d); continue; } }`: round again under a bound.
  if (statement.type === AST_NODE_TYPES.IfStatement) return endsInContinue(statement.consequent);
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && endsInContinue(statement.body[statement.body.length - 1]!);
}

interface StatusDecision { test: StatusTest; attempt: TSESTree.CallExpression; decider: TSESTree.Node; byValue?: true }

/**
 * Where the loop decides on the status (or on the value a `.catch()` gave for a failure, read by
 * retry-failure-value.ts): its own test (`do { … } while (!res.ok && n < 3)`), or an `if`
 * reached on every round whose success branch leaves the loop and whose failure branch goes round.
 */
function statusDecision(context: Context, loop: Loop): StatusDecision | undefined {
  const own = loop.type !== AST_NODE_TYPES.ForStatement && loop.test ? statusTest(loop.test, context) : undefined;
  const ownAttempt = own?.holdsFor === 'failure' ? attemptFor(context, own, loop.body) : undefined;
  if (own && ownAttempt) return { test: own, attempt: ownAttempt, decider: loop.test! };
  let found: StatusDecision | undefined;
  walkSameFunction(context.sourceCode, loop.body, (node) => {
    if (found || (node !== loop.body && isLoop(node)) || node.type === AST_NODE_TYPES.CatchClause) return false;
    if (node.type !== AST_NODE_TYPES.IfStatement || !everyFailedRound(context, node, loop.body)) return undefined;
    // `const res = await send(p).catch(() => null); if (res) return res;` decides as a status test does.
    const byStatus = statusTest(node.test, context);
    const test = byStatus ?? failureValueTest(context, node.test);
    const attempt = test && attemptFor(context, test, loop.body);
    if (!test || !attempt || !contains(loop.body, attempt)) return undefined;
    const tailExits = tailsAfter(node, loop.body).some((statement) => alwaysExits(statement));
    const [onSuccess, onFailure] = test.holdsFor === 'success' ? [node.consequent, node.alternate] : [node.alternate, node.consequent];
    // Success leaves by its branch, or, when its branch is empty, by the code after the `if`.
    const successLeaves = onSuccess ? alwaysExits(onSuccess) : tailExits;
    // Failure goes round: its branch continues, or it falls through to code that does not always leave.
    const failureGoesRound = onFailure ? (endsInContinue(onFailure) || (!alwaysExits(onFailure) && !tailExits)) : !tailExits;
    if (successLeaves && failureGoesRound) found = { test, attempt, decider: node, ...(byStatus ? {} : { byValue: true as const }) };
    return undefined;
  });
  return found;
}

/** A loop that sends its attempt again after a failed status, with no catch involved. */
export function statusLoopScope(context: Context, loop: Loop): RetryScope | undefined {
  if (insideCompilerHelper(loop)) return undefined;
  const decision = statusDecision(context, loop);
  if (!decision) return undefined;
  const counterNames = counters(context, loop);
  // `fetch(urls[i])`: each round asks another address (a fallback chain), as for a loop's try.
  if (indexesByCounter(context, decision.attempt, counterNames)) return undefined;
  const responseNames = new Set(decision.test.operands.flatMap((operand) => [...identifiersIn(context.sourceCode, operand)]));
  const testBounds = !isConstantTrue(loop.test) && [...identifiersIn(context.sourceCode, loop.test)].some((name) => !responseNames.has(name));
  const decidedByCounter = [...identifiersIn(context.sourceCode, decision.decider)].some((name) => counterNames.has(name));
  const bounded = testBounds || decidedByCounter || failureHasBoundedExit(context, loop.body, counterNames);
  // A value a `.catch()` gave stands for a thrown failure (a dropped connection), not an error response.
  if (decision.byValue) return loopRetryScope(context, loop, bounded, {});
  // `if (res.ok) return res; if (res.status !== 429 || attempt === 4) return null; await sleep(…)`: every
  // failed status but a refusal leaves before the loop goes round.
  const failure = decision.decider.type === AST_NODE_TYPES.IfStatement ? failureBranch(decision.decider, decision.test) : [];
  const refusedOnly = leavesBeforeGoingRound(failure, (statement) => exitsUnlessUnprocessed(context, statement));
  // `if (!error) return slug; if (error.code !== '23505') return null;`: only a conflict goes round.
  const conflictsOnly = leavesBeforeGoingRound(failure, (statement) => exitsUnlessConflict(context, statement));
  return loopRetryScope(context, loop, bounded, {
    afterStatus: true, answeredFailure: decision.test.answered, unprocessedOnly: decision.test.unprocessedOnly || refusedOnly || undefined, mayPoll: decision.test.mayPoll,
    ...(conflictsOnly ? { conflictsOnly: true as const } : {}),
  });
}

/**
 * `if (!res.ok && attempt < 3) return send(body, attempt + 1)` inside `send`, where `res` is the response
 * of a call made earlier in the same function: recursion on a failed status.
 */
export function statusRecursion(context: Context, statement: TSESTree.IfStatement): RetryScope | undefined {
  const test = statusTest(statement.test, context);
  const fn = test && retriedFunction(statement);
  if (!test || !fn) return undefined;
  const attempt = attemptFor(context, test, fn.body);
  if (!attempt || runningFunction(attempt) !== fn || attempt.range[0] > statement.range[0]) return undefined;
  const failure = failureBranch(statement, test);
  let found: Recursion | undefined;
  // A call under a client-error test (`if (res.status === 401) { refresh(); return again(…) }`) corrects, not retries.
  for (const part of failure) if (!found) found = immediateRecursion(context, part, fn, (call) => !underClientErrorTest(context, call, part));
  if (!found || isOneShotFallback(found.call, fn) || movesOnToNextItem(context, found.call, fn, attempt)) return undefined;
  const call = found.call;
  const bounded = failure.some((part) => recursionBounded(context, call, part, fn));
  return {
    kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled ' : ''}on a failed status`, node: call, body: enclosingStatement(attempt) ?? attempt,
    attempts: bounded ? boundedRecursionAttempts(context, call, fn) : { kind: 'unknown' }, bounded,
    waits: found.waits || failure.some((part) => awaitsWait(context, part)), failurePath: failure.length === 1 ? failure[0] : statement.parent,
    afterStatus: true, answeredFailure: test.answered, unprocessedOnly: test.unprocessedOnly || undefined, mayPoll: test.mayPoll,
  };
}

/**
 * The code that runs when the test says the attempt failed: its branch, or, when success returns
 * (`if (res.ok) return res;`), the statements after the `if`.
 */
export function failureBranch(statement: TSESTree.IfStatement, test: StatusTest): TSESTree.Node[] {
  if (test.holdsFor === 'failure') return [statement.consequent];
  if (statement.alternate) return [statement.alternate];
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || !alwaysExits(statement.consequent)) return [];
  return block.body.slice(block.body.indexOf(statement) + 1);
}
