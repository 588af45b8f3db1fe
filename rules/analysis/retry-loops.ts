import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { awaitsIn, enclosingStatement, identifiersIn, isLoop, walkSameFunction } from './ast-walk';
import { unwrap } from './origin';
import { ATTEMPT_COUNTER_NAME, TRANSIENT_FAILURE_WORDS } from '../knowledge/retries';
import { leavesWhenAnswered, setsFlagOnAnswer, setsOnlyMoreToDo } from './retry-answer-exits';
import { alwaysExits, consumesTestedList, counters, failureHasBoundedExit, indexesByCounter, insideCompilerHelper, isConstantTrue, leavesBeforeGoingRound, throwsThroughFunction, type Loop } from './retry-paths';
import { loopAttempts } from './retry-loop-counts';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';
import { clearsLoopTest, isGeneratorStep, leavesOnGoodStatus, leavesWithin, movesOnAfterSuccess, racesDeadline, setsAny, waitsForAnswer } from './retry-loop-shapes';
import { catchGoesRoundOnlyWhen } from './retry-unprocessed';
import { guardedWithin } from './unprocessed-tests';
import { holdsOnlyForResponse } from './status-reads';
import { underClientErrorTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Hand-written retries in loops: a loop whose failure path goes round again (recursion is in
 * retry-recursion.ts and retry-failure-value.ts). Shapes that only look like retries (a loop over items, a
 * fallback chain, a stream reader, a restart on a signal, a generator state machine) are told apart here;
 * each has a regression test.
 */

/**
 * Try statements of the loop's own body: not inside a nested function or loop, and not inside a catch
 * (a try in a failure handler handles the failure; it is not the attempt). A try that waits for nothing
 * (`await`, `yield`) catches only what its calls throw at once (`new Database(path)`, a parse, `new
 * WebSocket(url)`), never a remote call's failure, which comes later in a promise (this covers
 * failsOnlyLocally for loops).
 */
function ownTries(context: Context, loop: Loop): TSESTree.TryStatement[] {
  const tries: TSESTree.TryStatement[] = [];
  walkSameFunction(context.sourceCode, loop.body, (node) => {
    if (node !== loop.body && isLoop(node)) return false;
    if (node.type === AST_NODE_TYPES.CatchClause) return false;
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler && awaitsIn(context.sourceCode, node.block)) tries.push(node);
    return undefined;
  });
  return tries;
}

/** Does success leave the loop: a return or break in the try block, or a flag the loop's test reads? */
function successLeaves(context: Context, attempt: TSESTree.TryStatement, testNames: Set<string>): boolean {
  // A return or break that ends the attempt (a conditional one, as in a stream-reading loop, does not,
  // unless its condition is the response's good status: `if (body && status >= 200 && status < 300) break`).
  // `try { return await Promise.race([fn(), timeout]) } finally { clearTimeout(timer) }`: a try with only a
  // `finally` runs its block on every attempt, as if written in place.
  const statements = attempt.block.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.TryStatement && !statement.handler ? statement.block.body : [statement]));
  if (statements.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement || (statement.type === AST_NODE_TYPES.BreakStatement && !statement.label))) return true;
  if (leavesOnGoodStatus(context, attempt.block)) return true;
  // `if (res.data.id) return res.data.id; throw new Error('no id');`: the attempt ends by leaving or failing.
  if (attempt.block.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement && leavesWithin(context, attempt.block)) return true;
  // `offset += size` for a request that reads `offset`: success moves on to the next page, and a failure
  // sends the same one again. Not `total += res.processed` when the request does not read `total`: a batch
  // driver adds up its progress and sends the same request after a success too.
  if (movesOnAfterSuccess(context, attempt.block, testNames) && !nextStepFromAnswer(context, attempt, testNames)) return true;
  // `done = true`, `retries = 3`; not `shouldContinue = data.continue`, which goes round after a success too,
  // nor `next = await askModel(…)` written by the catch as well: an agent's next step, whichever way it went.
  if (setsAny(context, attempt.block, testNames) && !setsOnlyMoreToDo(context, attempt.block, testNames) && !nextStepFromAnswer(context, attempt, testNames)) return true;
  // `if (typeof content === 'string') return content` last, in a loop whose test counts attempts: an empty
  // answer goes round as a failure does (a stream reader or a drain loop counts no attempts).
  if ([...testNames].some((name) => ATTEMPT_COUNTER_NAME.test(name)) && leavesWhenAnswered(context, attempt.block)) return true;
  // `try { … } catch { continue } break;`, or a tail that checks the response and returns or throws
  // (`if (res.status >= 500) continue; … return json;`): success cannot fall through to the next round.
  const container = attempt.parent;
  if (container?.type === AST_NODE_TYPES.BlockStatement) {
    const tail = container.body.slice(container.body.indexOf(attempt) + 1);
    const exit = tail.findIndex((statement) => alwaysExits(statement));
    if (exit === 0) return true;
    if (exit > 0 && !tail.slice(0, exit).some((statement) => statement.type === AST_NODE_TYPES.ContinueStatement)) return true;
    // `try { res = await fetch(…) } catch (e) { lastError = e }` then `if (res?.ok) return res;`: the
    // catch keeps the error and success leaves after the try, on a good status.
    if (tail.some((statement) => leavesOnGoodStatus(context, statement))) return true;
  }
  return false;
}

/**
 * `while (next) { try { …; next = await askModel({ result }) } catch { next = await askModel({ error }) } }`: both
 * the try and the catch set what the loop's test reads to an awaited answer, so the next round does whatever
 * that answer asks (a tool-calling agent's loop), after a success as after a failure: a driver, not a retry.
 */
function nextStepFromAnswer(context: Context, attempt: TSESTree.TryStatement, testNames: ReadonlySet<string>): boolean {
  const setsFromAnswer = (root: TSESTree.Node): boolean => {
    let found = false;
    walkSameFunction(context.sourceCode, root, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.Identifier
        && testNames.has(node.left.name) && node.right.type === AST_NODE_TYPES.AwaitExpression) found = true;
      return undefined;
    });
    return found;
  };
  return attempt.handler !== null && setsFromAnswer(attempt.block) && setsFromAnswer(attempt.handler.body);
}

/**
 * `for (let i = 0; i < items.length; i++) { try { … items[i] … } catch { i--; continue } }`: the catch takes
 * back the index the loop's update moves on, so the next round takes the same item again. Returns where it
 * does (none when it does not). A count the catch only counts down, `retries--` under `while (retries > 0)`,
 * is an attempt bound, not a rewind.
 */
function counterRewinds(context: Context, handler: TSESTree.BlockStatement, loop: Loop): TSESTree.Node[] {
  const update = loop.type === AST_NODE_TYPES.ForStatement && loop.update ? unwrap(loop.update) : undefined;
  const moved = update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '++' ? update.argument
    : update?.type === AST_NODE_TYPES.AssignmentExpression && update.operator === '+=' ? update.left : undefined;
  if (moved?.type !== AST_NODE_TYPES.Identifier) return [];
  const rewinds: TSESTree.Node[] = [];
  walkSameFunction(context.sourceCode, handler, (node) => {
    const target = node.type === AST_NODE_TYPES.UpdateExpression && node.operator === '--' ? node.argument
      : node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '-=' ? node.left : undefined;
    if (target?.type === AST_NODE_TYPES.Identifier && target.name === moved.name) rewinds.push(node);
    return undefined;
  });
  return rewinds;
}

const LOOP_NAMES: Record<Loop['type'], string> = {
  [AST_NODE_TYPES.ForStatement]: 'for-loop',
  [AST_NODE_TYPES.WhileStatement]: 'while-loop',
  [AST_NODE_TYPES.DoWhileStatement]: 'do-while loop',
};

/** Does the loop wait in the catch of its attempt, and nowhere an answer goes round (the try, the rest of the body)? */
function waitsOnlyAfterFailure(context: Context, loop: Loop, attempt: TSESTree.TryStatement): boolean {
  if (!attempt.handler || !awaitsWait(context, attempt.handler.body)) return false;
  const others = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body.filter((statement) => statement !== attempt) : [];
  return !awaitsWait(context, attempt.block) && !others.some((statement) => awaitsWait(context, statement)) && !(attempt.finalizer && awaitsWait(context, attempt.finalizer));
}

/**
 * A loop is a retry when a try inside it leaves the loop on success and goes round again on failure (the
 * catch can fall through or `continue`). A catch that always rethrows, or a loop whose success does not
 * leave it (a loop over items), is not a retry, unless that loop runs until cancelled and its catch goes
 * round only after a transient failure (`pollScope`).
 */
export function loopScope(context: Context, loop: Loop): RetryScope | undefined {
  if (insideCompilerHelper(loop)) return undefined;
  const testNames = identifiersIn(context.sourceCode, loop.test);
  const tries = ownTries(context, loop);
  if (tries.length === 0) return undefined; // most loops: skip the counter scan
  const counterNames = counters(context, loop);
  // A catch that takes the counter back (`i--; continue`) sends the same item again, where success moves on to the next.
  const rewindsOf = new Map(tries.map((candidate) => [candidate, counterRewinds(context, candidate.handler!.body, loop)]));
  const rewinds = (candidate: TSESTree.TryStatement): boolean => rewindsOf.get(candidate)!.length > 0;
  // A catch that hands the failure to a function of the file that always throws (`mapApiError(e)`) leaves too.
  const catchLeaves = (handler: TSESTree.BlockStatement): boolean => alwaysExits(handler) || leavesBeforeGoingRound(handler.body, (statement) => throwsThroughFunction(context, statement));
  const candidates = tries.filter((candidate) => !catchLeaves(candidate.handler!.body) && !fallsIntoExit(candidate) && (successLeaves(context, candidate, testNames) || rewinds(candidate))
    && (!indexesByCounter(context, candidate.block, counterNames) || rewinds(candidate))
    && !consumesTestedList(context, candidate.block, 'test' in loop ? loop.test : undefined)
    && !isGeneratorStep(candidate.handler!) && !clearsLoopTest(context, candidate.handler!.body, loop.test));
  if (candidates.length === 0) return pollScope(context, loop, tries, counterNames) ?? countedPollScope(context, loop, tries, counterNames, testNames);
  // A try whose catch goes round only after a refusal or on another signal (fetching the token again
  // on a 401) is not the attempt; a later one in the same loop (the request itself) may be.
  let attempt: TSESTree.TryStatement | undefined;
  let selective: ReturnType<typeof selectiveContinues>;
  for (const candidate of candidates) {
    selective = selectiveContinues(context, candidate.handler!.body, counterNames);
    if (selective?.onFailure === false) continue;
    attempt = candidate;
    break;
  }
  if (!attempt) return undefined;
  const flagNames = assignedIn(context, attempt.block);
  // `while (!signal.aborted)` stops when the caller cancels, not after some number of failures. A flag that
  // success sets bounds nothing, unless failure counts with it too (`retry = 3` on success, `retry++` in the catch).
  // `catch { …; i--; continue }` in a loop over a list sends the same item again, and takes the count back:
  // the loop's test no longer bounds the retries.
  const rewindsAt = rewindsOf.get(attempt)!;
  const rewound = rewindsAt.length > 0;
  const testBounds = !rewound && !isConstantTrue(loop.test) && !isCancellationTest(loop.test) && [...testNames].some((name) => !flagNames.has(name) || counterNames.has(name));
  const bounded = testBounds || failureHasBoundedExit(context, attempt.handler!.body, counterNames) || selective?.counted === true
    || [...loopHead(attempt), ...failureTail(attempt)].some((statement) => failureHasBoundedExit(context, statement, counterNames)) || racesDeadline(context, loop, attempt.block);
  // `if (e.response?.status >= 500) { await sleep(…) } else { throw e }`: it goes round only after an error response.
  const afterStatus = attempt.handler !== null && catchGoesRoundOnlyWhen(context, attempt.handler, (test) => holdsOnlyForResponse(context, test));
  // `while (!job) { try { job = await getJob() } … }` may be a poll for an answer that is not there yet, when
  // an empty answer waits too; one that waits only in the catch would spin on an empty answer, so it expects
  // an answer or a failure: `while (!this.connection) { try { this.connection = await connect() } catch { await sleep(1000) } }`
  // retries failures.
  // A flag set when the answer says the work is done (`if (res.over) done = true`) lets a good answer go round
  // too, sending the attempt again after a success as after a failure: a driver, whose operation a failure
  // repeats no more than a success does (`polls`).
  const drives = setsFlagOnAnswer(context, attempt.block, testNames);
  const polls = (waitsForAnswer(context, attempt, testNames) || drives) && !waitsOnlyAfterFailure(context, loop, attempt);
  const scope = loopRetryScope(context, loop, bounded, {
    handler: attempt.handler ?? undefined, ...(polls ? { mayPoll: true as const } : {}),
    ...(afterStatus ? { afterStatus: true as const } : {}),
  });
  if (drives) return { ...scope, polls: true };
  // Each item is another request: a key made once before the loop would be shared by all of them (no fix).
  // Taken back only under a test of a refusal (`if (status === 429) { await wait(retryAfter); i -= size; continue }`):
  // only what the server did not act on is sent again.
  const refusedOnly = rewindsAt.every((node) => guardedWithin(context, node, attempt.handler!.body));
  if (rewound) return { ...scope, rewinds: true, anchor: undefined, ...(refusedOnly ? { unprocessedOnly: true as const } : {}) };
  // `offset += size` on success, read by the request: each round after a success sends another page, so a
  // key made once before the loop would be shared by all of them. No fix is offered (anchor).
  return movesOnAfterSuccess(context, attempt.block, testNames) ? { ...scope, anchor: undefined } : scope;
}

/**
 * A loop that goes round on success too (a long poll: `while (!signal.aborted) { try { updates = await
 * api.getUpdates() } catch (err) { if (!isTransient(err)) throw err; await delay(1000); continue } … }`) retries
 * when its catch goes round only after a failure it names as transient, and leaves on the others. Its pace and
 * bound are judged on that failure path; whether its operation may repeat is not (`polls`): the poll repeats
 * it on success anyway.
 */
function pollScope(context: Context, loop: Loop, tries: TSESTree.TryStatement[], counterNames: Set<string>): RetryScope | undefined {
  if (!isConstantTrue(loop.test) && !isCancellationTest(loop.test)) return undefined;
  const attempt = tries.find((candidate) => candidate.parent === loop.body && retriesOnlyTransient(context, candidate.handler!.body));
  if (!attempt) return undefined;
  const handler = attempt.handler!;
  const bounded = failureHasBoundedExit(context, handler.body, counterNames);
  return { ...loopRetryScope(context, loop, bounded, { handler }), waits: awaitsWait(context, handler.body), failurePath: handler.body, polls: true };
}

/**
 * `for (let attempt = 1; attempt <= max; attempt++) { try { const vps = await api.getVps(name); if (vps.status ===
 * 'running') return vps; await sleep(delayMs) } catch (error) { if (attempt === max) throw error; log(error) } }`:
 * a counted poll that waits after an answer that is not yet the one it waits for, and whose catch goes round
 * after a failure. Its pace on that way round is judged (a catch that only logs sends the next call at once);
 * whether its operation may repeat is not (`polls`): the poll asks again after a good answer too.
 */
function countedPollScope(context: Context, loop: Loop, tries: TSESTree.TryStatement[], counterNames: Set<string>, testNames: ReadonlySet<string>): RetryScope | undefined {
  if (![...testNames].some((name) => counterNames.has(name))) return undefined;
  const attempt = tries.find((candidate) => candidate.parent === loop.body && !candidate.finalizer && !alwaysExits(candidate.handler!.body)
    && pollsThenWaits(context, candidate.block) && !indexesByCounter(context, candidate.block, counterNames));
  return attempt && { ...loopRetryScope(context, loop, true, { handler: attempt.handler! }), polls: true };
}

/** `…; if (vps.status === 'running') return vps; await sleep(delayMs);`: leaves on the answer it waits for, and waits otherwise. */
function pollsThenWaits(context: Context, block: TSESTree.BlockStatement): boolean {
  const statements = block.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement || !awaitsWait(context, last)) return false;
  const before = statements.slice(0, -1);
  return before.some((statement) => awaitsIn(context.sourceCode, statement))
    && before.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent));
}

/**
 * `catch (err) { if (!isTransientError(err)) throw err; …; continue; }`: the catch ends by going round, after a
 * guard that leaves on the failures it does not name as transient (a guard on cancellation alone does not count).
 */
function retriesOnlyTransient(context: Context, handler: TSESTree.BlockStatement): boolean {
  const statements = handler.body;
  const last = statements[statements.length - 1];
  if (last?.type !== AST_NODE_TYPES.ContinueStatement || last.label) return false;
  return statements.slice(0, -1).some((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent)
    && !isCancellationTest(statement.test) && namesTransientFailure(context.sourceCode, statement.test));
}

/** Does a condition name a failure worth retrying (`isTransientError(err)`, `e.code === 'ETIMEDOUT'`, `status === 503`)? */
function namesTransientFailure(sourceCode: Context['sourceCode'], test: TSESTree.Node): boolean {
  const text = sourceCode.getText(test);
  return TRANSIENT_FAILURE_WORDS.some((words) => words.test(text));
}

/** `signal.aborted`, `!this.controller.signal.aborted`, `signal?.aborted`: a test of cancellation only. */
function isCancellationTest(test: TSESTree.Node | null): boolean {
  if (!test) return false;
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return isCancellationTest(value.argument);
  if (value.type === AST_NODE_TYPES.ChainExpression) return isCancellationTest(value.expression);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isCancellationTest(value.left) && isCancellationTest(value.right);
  return value.type === AST_NODE_TYPES.MemberExpression && !value.computed && value.property.type === AST_NODE_TYPES.Identifier && value.property.name === 'aborted';
}

/**
 * The retry scope of a loop that retries (with a catch here, or on a failed status in retry-status.ts):
 * the whole body repeats, and a key made before the loop (or its label) serves every attempt.
 */
export function loopRetryScope(context: Context, loop: Loop, bounded: boolean, details: Pick<RetryScope, 'handler' | 'afterStatus' | 'answeredFailure' | 'conflictsOnly' | 'unprocessedOnly' | 'mayPoll' | 'onEmptyAnswer'>): RetryScope {
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  return {
    kind: 'loop', mechanism: `the ${LOOP_NAMES[loop.type]}`, node: loop, body: loop.body, anchor: enclosingStatement(statement) === statement ? statement : undefined,
    attempts: bounded ? loopAttempts(context, loop, details.handler) : { kind: 'forever' }, bounded, waits: awaitsWait(context, loop.body), failurePath: loop.body, ...details,
  };
}

/**
 * A catch that goes round only through `continue`s and otherwise leaves (`if (…) continue; throw e;`):
 * does a condition on the way to a continue name a failure worth retrying or read a counter (`onFailure`),
 * and does one read a counter (`counted`, which bounds the retry)? Undefined when falling through the
 * catch already goes round.
 */
function selectiveContinues(context: Context, handler: TSESTree.BlockStatement, counterNames: Set<string>): { onFailure: boolean; counted: boolean } | undefined {
  if (!handler.body.some((statement) => alwaysExits(statement))) return undefined;
  const sourceCode = context.sourceCode;
  let onFailure = false;
  let counted = false;
  walkSameFunction(sourceCode, handler, (node) => {
    if (node !== handler && isLoop(node)) return false;
    if (node.type !== AST_NODE_TYPES.ContinueStatement) return undefined;
    // `if (status === 404 && i < models.length - 1) continue;`: the server refused that one; going round
    // after it repeats nothing it applied, so such a continue retries no failure.
    if (underClientErrorTest(context, node, handler)) return undefined;
    for (let current: TSESTree.Node | undefined = node.parent; current && current !== handler; current = current.parent) {
      if (current.type !== AST_NODE_TYPES.IfStatement) continue;
      const reads = [...identifiersIn(sourceCode, current.test)].some((name) => counterNames.has(name));
      counted ||= reads;
      onFailure ||= reads || namesTransientFailure(sourceCode, current.test);
    }
    return undefined;
  });
  return { onFailure, counted };
}

/** The statements before the attempt in the loop body: each round runs them first (`if (Date.now() >= deadline) return …`). */
function loopHead(attempt: TSESTree.TryStatement): TSESTree.Statement[] {
  const container = attempt.parent;
  return container?.type === AST_NODE_TYPES.BlockStatement ? container.body.slice(0, container.body.indexOf(attempt)) : [];
}

/** The statements after the attempt in the loop body: a catch that falls through runs them before the next round. */
function failureTail(attempt: TSESTree.TryStatement): TSESTree.Statement[] {
  const container = attempt.parent;
  return container?.type === AST_NODE_TYPES.BlockStatement ? container.body.slice(container.body.indexOf(attempt) + 1) : [];
}

/**
 * `try { stream.close() } catch { } return;`: a failure falls through into an exit, and leaves the loop too.
 * Not when the catch ends by going round (`catch { await sleep(400); continue; }`): the exit is success's.
 */
function fallsIntoExit(attempt: TSESTree.TryStatement): boolean {
  const last = attempt.handler?.body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ContinueStatement && !last.label) return false;
  return leavesBeforeGoingRound(failureTail(attempt), alwaysExits);
}

function assignedIn(context: Context, block: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walkSameFunction(context.sourceCode, block, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) names.add(node.left.name);
    return undefined;
  });
  return names;
}
