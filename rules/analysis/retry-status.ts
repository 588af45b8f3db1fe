import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { UNPROCESSED_FAILURES } from '../knowledge/retries';
import { contains, enclosingFunction, enclosingStatement, identifiersIn, isLoop, walkSameFunction } from './ast-walk';
import { findVariable, unwrap } from './origin';
import { readsStatus } from './retry-failure-value';
import {
  alwaysExits, counters, failureHasBoundedExit, forLoopAttempts, insideCompilerHelper, isConstantTrue, LOOP_NAMES, type Loop,
} from './retry-loops';
import { immediateRecursion, isOneShotFallback, recursionBounded, type Recursion } from './retry-recursion';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';

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

/**
 * The text of the tests `statusTest` reads (`.ok`, `status >= 500`, `503 === res.statusCode`), for the
 * prefilter that lets a file without a catch through to the walk.
 */
export const STATUS_TEST = /\.ok\b|status(?:code)?\s*[<>!=]|\b\d{3}\s*[<>!=]=*\s*[\w$.?!]*status/i;

/** What a test on a response says. */
export interface StatusTest {
  /** Whether the test holds for a failed attempt or for a good one. */
  holdsFor: 'failure' | 'success';
  /** What it reads the status from: `res` of `res.ok`, or a `status` variable. */
  operands: TSESTree.Node[];
  /** The failures it lets through are only refused requests (429): nothing was applied. */
  unprocessedOnly: boolean;
  /** It compares with one 2xx (`status === 200`), as a poll waiting for a job that answers 202 also does. */
  mayPoll?: true;
}

const flip = (holdsFor: StatusTest['holdsFor']): StatusTest['holdsFor'] => (holdsFor === 'failure' ? 'success' : 'failure');

/** `status >= 200`: the lower half of a success range (`status >= 200 && status < 300`), nothing alone. */
function isSuccessFloor(node: TSESTree.Node): boolean {
  const comparison = statusComparison(node);
  return comparison !== undefined && ((comparison.operator === '>=' && comparison.value >= 200 && comparison.value < 300) || (comparison.operator === '>' && comparison.value >= 199 && comparison.value < 299));
}

/** `res.status >= 500`, `500 <= statusCode`: the operator as if the status were on the left. */
function statusComparison(node: TSESTree.Node): { operand: TSESTree.Node; operator: string; value: number } | undefined {
  const test = unwrap(node);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || test.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const mirrored: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const [operand, bound, operator] = test.right.type === AST_NODE_TYPES.Literal ? [test.left, test.right, test.operator] : [test.right, test.left, mirrored[test.operator] ?? test.operator];
  if (bound.type !== AST_NODE_TYPES.Literal || typeof bound.value !== 'number' || !readsStatus(operand)) return undefined;
  return { operand, operator, value: bound.value };
}

function comparisonTest(node: TSESTree.Node): StatusTest | undefined {
  const comparison = statusComparison(node);
  if (!comparison) return undefined;
  const { operand, operator, value } = comparison;
  const operands = [operand];
  const floor = operator === '>=' ? value : operator === '>' ? value + 1 : undefined;
  if (floor !== undefined) return floor >= 400 && floor < 600 ? { holdsFor: 'failure', operands, unprocessedOnly: false } : undefined;
  const ceiling = operator === '<' ? value : operator === '<=' ? value + 1 : undefined;
  if (ceiling !== undefined) return ceiling >= 300 && ceiling <= 500 ? { holdsFor: 'success', operands, unprocessedOnly: false } : undefined;
  // `status === 200`: sending a POST again until it gets a 200 repeats it all the same, but a poll waiting
  // for a job that answers 202 until it is done tests this too, so the scope says so (mayPoll).
  // Only 200 and 201: a 204 often marks the last page of a listing, where what follows is the next page.
  if ((value === 200 || value === 201) && (operator === '===' || operator === '==')) return { holdsFor: 'success', operands, unprocessedOnly: false, mayPoll: true };
  if ((value === 200 || value === 201) && (operator === '!==' || operator === '!=')) return { holdsFor: 'failure', operands, unprocessedOnly: false, mayPoll: true };
  const failed = (value >= 500 && value < 600) || value === 408 || value === 429;
  if (!failed) return undefined;
  const unprocessedOnly = (UNPROCESSED_FAILURES.statuses as readonly number[]).includes(value);
  if (operator === '===' || operator === '==') return { holdsFor: 'failure', operands, unprocessedOnly };
  if (operator === '!==' || operator === '!=') return { holdsFor: 'success', operands, unprocessedOnly };
  return undefined;
}

/** Two tests read together: what both read, and a poll's test in either. */
function both(left: StatusTest, right: StatusTest): Omit<StatusTest, 'unprocessedOnly'> {
  return { holdsFor: left.holdsFor, operands: [...left.operands, ...right.operands], ...(left.mayPoll || right.mayPoll ? { mayPoll: true as const } : {}) };
}

/** Reads `node` as a test of a response's status, when it is one. */
export function statusTest(node: TSESTree.Node): StatusTest | undefined {
  const test = unwrap(node);
  if (test.type === AST_NODE_TYPES.MemberExpression && !test.computed && test.property.type === AST_NODE_TYPES.Identifier && test.property.name === 'ok') {
    return { holdsFor: 'success', operands: [test.object], unprocessedOnly: false };
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = statusTest(test.argument);
    // The failures let through stay the same under negation: only which side holds changes.
    return inner && { ...inner, holdsFor: flip(inner.holdsFor) };
  }
  if (test.type !== AST_NODE_TYPES.LogicalExpression || test.operator === '??') return comparisonTest(test);
  const [left, right] = [statusTest(test.left), statusTest(test.right)];
  if (test.operator === '&&') {
    // `status >= 200 && status < 300` is the success range.
    if (left?.holdsFor === 'success' && isSuccessFloor(test.right)) return left;
    if (right?.holdsFor === 'success' && isSuccessFloor(test.left)) return right;
    // `!res.ok && attempt < 3`: still only on a failure. `res.ok && job.done` is a poll, not a success test.
    if (left && right && left.holdsFor === right.holdsFor) {
      return { ...both(left, right), unprocessedOnly: left.holdsFor === 'failure' ? left.unprocessedOnly || right.unprocessedOnly : left.unprocessedOnly && right.unprocessedOnly };
    }
    const failure = [left, right].find((side) => side?.holdsFor === 'failure');
    return failure && (!left || !right) ? failure : undefined;
  }
  // `res.ok || attempt >= 3`: leaves on success, or when the attempts run out; goes round otherwise.
  if (left?.holdsFor === 'success' && !right) return left;
  if (right?.holdsFor === 'success' && !left) return right;
  // `status >= 500 || status === 429`: both sides must read the status the same way.
  if (!left || !right || left.holdsFor !== right.holdsFor) return undefined;
  return { ...both(left, right), unprocessedOnly: left.holdsFor === 'failure' ? left.unprocessedOnly && right.unprocessedOnly : left.unprocessedOnly || right.unprocessedOnly };
}

/** The expression holding the response a status operand reads: `res` of `res.status`, or of `const { status } = res`. */
function responseOf(context: Context, operand: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(operand);
  if (value.type === AST_NODE_TYPES.MemberExpression) return readsStatus(value) ? value.object : value;
  if (value.type !== AST_NODE_TYPES.Identifier || !readsStatus(value)) return value;
  const def = findVariable(context, value)?.defs[0];
  const declarator = def?.type === 'Variable' ? def.node : undefined;
  const init = declarator?.init && unwrap(declarator.init);
  if (init?.type === AST_NODE_TYPES.MemberExpression && declarator!.id.type === AST_NODE_TYPES.Identifier) return init.object;
  if (init && declarator!.id.type === AST_NODE_TYPES.ObjectPattern) return init;
  return undefined;
}

/** The call, made inside `within`, that produced what the test reads: `await fetch(…)`, or the last value of `res`. */
function attemptFor(context: Context, test: StatusTest, within: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (const operand of test.operands) {
    const response = responseOf(context, operand);
    const value = response && unwrap(response);
    if (value?.type === AST_NODE_TYPES.CallExpression && contains(within, value)) return value;
    if (value?.type !== AST_NODE_TYPES.Identifier) continue;
    for (const reference of findVariable(context, value)?.references ?? []) {
      const written = reference.writeExpr && unwrap(reference.writeExpr);
      if (written?.type === AST_NODE_TYPES.CallExpression && contains(within, written)) return written;
    }
  }
  return undefined;
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
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && endsInContinue(statement.body[statement.body.length - 1]!);
}

interface StatusDecision { test: StatusTest; attempt: TSESTree.CallExpression; decider: TSESTree.Node }

/**
 * Where the loop decides on the status: its own test (`do { … } while (!res.ok && n < 3)`), or an `if`
 * reached on every round whose success branch leaves the loop and whose failure branch goes round.
 */
function statusDecision(context: Context, loop: Loop): StatusDecision | undefined {
  const own = loop.type !== AST_NODE_TYPES.ForStatement && loop.test ? statusTest(loop.test) : undefined;
  const ownAttempt = own?.holdsFor === 'failure' ? attemptFor(context, own, loop.body) : undefined;
  if (own && ownAttempt) return { test: own, attempt: ownAttempt, decider: loop.test! };
  let found: StatusDecision | undefined;
  walkSameFunction(context.sourceCode, loop.body, (node) => {
    if (found || (node !== loop.body && isLoop(node)) || node.type === AST_NODE_TYPES.CatchClause) return false;
    if (node.type !== AST_NODE_TYPES.IfStatement || !everyRound(node, loop.body)) return undefined;
    const test = statusTest(node.test);
    const attempt = test && attemptFor(context, test, loop.body);
    if (!test || !attempt || !contains(loop.body, attempt)) return undefined;
    const tailExits = tailsAfter(node, loop.body).some((statement) => alwaysExits(statement));
    const [onSuccess, onFailure] = test.holdsFor === 'success' ? [node.consequent, node.alternate] : [node.alternate, node.consequent];
    // Success leaves by its branch, or, when its branch is empty, by the code after the `if`.
    const successLeaves = onSuccess ? alwaysExits(onSuccess) : tailExits;
    // Failure goes round: its branch continues, or it falls through to code that does not always leave.
    const failureGoesRound = onFailure ? (endsInContinue(onFailure) || (!alwaysExits(onFailure) && !tailExits)) : !tailExits;
    if (successLeaves && failureGoesRound) found = { test, attempt, decider: node };
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
  const responseNames = new Set(decision.test.operands.flatMap((operand) => [...identifiersIn(context.sourceCode, operand)]));
  const testBounds = !isConstantTrue(loop.test) && [...identifiersIn(context.sourceCode, loop.test)].some((name) => !responseNames.has(name));
  const decidedByCounter = [...identifiersIn(context.sourceCode, decision.decider)].some((name) => counterNames.has(name));
  const bounded = testBounds || decidedByCounter || failureHasBoundedExit(context, loop.body, counterNames);
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  return {
    kind: 'loop', mechanism: `the ${LOOP_NAMES[loop.type]}`, node: loop, body: loop.body, anchor: enclosingStatement(statement) === statement ? statement : undefined,
    attempts: bounded ? forLoopAttempts(context, loop) : { kind: 'forever' }, bounded, waits: awaitsWait(context, loop.body), failurePath: loop.body, afterStatus: true,
    unprocessedOnly: decision.test.unprocessedOnly || undefined, mayPoll: decision.test.mayPoll,
  };
}

/**
 * `if (!res.ok) { if (res.status === 401) { refreshToken(); return again(…); } … }`: a repeat narrowed to a
 * client error (401, 403, 404…) follows a correction, such as a new token, and is not a retry of a failure.
 */
function correctiveOnly(call: TSESTree.Node, branch: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = call; current && current !== branch; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== current) continue;
    if (clientErrorComparison(parent.test)) return true;
  }
  return false;
}

const isClientError = (value: unknown): boolean => typeof value === 'number' && value >= 400 && value < 500 && value !== 408 && value !== 429;

/** `status === 401` or `[401, 403].includes(status)` (alone or in an `&&`): a test for client errors no retry repeats on. */
export function clientErrorComparison(node: TSESTree.Node): boolean {
  const test = unwrap(node);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return clientErrorComparison(test.left) || clientErrorComparison(test.right);
  if (test.type === AST_NODE_TYPES.CallExpression && test.callee.type === AST_NODE_TYPES.MemberExpression && !test.callee.computed
    && test.callee.property.type === AST_NODE_TYPES.Identifier && test.callee.property.name === 'includes' && test.arguments[0] && readsStatus(test.arguments[0])) {
    const list = unwrap(test.callee.object);
    return list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0
      && list.elements.every((element) => element?.type === AST_NODE_TYPES.Literal && isClientError(element.value));
  }
  const comparison = statusComparison(test);
  return comparison !== undefined && (comparison.operator === '===' || comparison.operator === '==') && isClientError(comparison.value);
}

/**
 * `if (!res.ok && attempt < 3) return send(body, attempt + 1)` inside `send`, where `res` is the response
 * of a call made earlier in the same function: recursion on a failed status.
 */
export function statusRecursion(context: Context, statement: TSESTree.IfStatement): RetryScope | undefined {
  const test = statusTest(statement.test);
  const fn = test && enclosingFunction(statement);
  if (!test || !fn) return undefined;
  const attempt = attemptFor(context, test, fn.body);
  if (!attempt || enclosingFunction(attempt) !== fn || attempt.range[0] > statement.range[0]) return undefined;
  const failure = failureBranch(statement, test);
  let found: Recursion | undefined;
  for (const part of failure) if (!found) found = immediateRecursion(context, part, fn);
  if (!found || isOneShotFallback(found.call, fn) || failure.some((part) => contains(part, found!.call) && correctiveOnly(found!.call, part))) return undefined;
  const call = found.call;
  return {
    kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled ' : ''}on a failed status`, node: call, body: enclosingStatement(attempt) ?? attempt,
    attempts: { kind: 'unknown' }, bounded: failure.some((part) => recursionBounded(context, call, part, fn)),
    waits: found.waits || failure.some((part) => awaitsWait(context, part)), failurePath: failure.length === 1 ? failure[0] : statement.parent,
    afterStatus: true, unprocessedOnly: test.unprocessedOnly || undefined, mayPoll: test.mayPoll,
  };
}

/**
 * The code that runs when the test says the attempt failed: its branch, or, when success returns
 * (`if (res.ok) return res;`), the statements after the `if`.
 */
function failureBranch(statement: TSESTree.IfStatement, test: StatusTest): TSESTree.Node[] {
  if (test.holdsFor === 'failure') return [statement.consequent];
  if (statement.alternate) return [statement.alternate];
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || !alwaysExits(statement.consequent)) return [];
  return block.body.slice(block.body.indexOf(statement) + 1);
}
