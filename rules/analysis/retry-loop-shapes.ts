import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calleeName, contains, isFunctionNode, isLoop, walkSameFunction } from './ast-walk';
import { findVariable, isIdentifierNamed, isNullish, logicalTerms, memberName, unwrap } from './origin';
import { localCallee } from './local-callees';
import { alwaysExits, type Loop } from './retry-paths';
import { isTimerPromise } from './retry-waits';
import { EVENT_REPORTING_CONSTRUCTORS } from '../knowledge/retries';
import { namesSuccessfulAnswer, statusComparison } from './status-reads';
import { statusTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Loops with a try that are not a plain retry of one request (retry-loops.ts asks these): a stream reader
 * or listing whose catch ends what the loop tests, tsc's generator state machine, a readiness poll that
 * reads what its check answers, and a loop that a deadline made before it bounds; and how an attempt's
 * success leaves the loop (under a good status, or the answer's own word).
 */

/**
 * `const deadline = new Promise((_, reject) => setTimeout(reject, 30000))` before the loop, and
 * `await Promise.race([attempt(), deadline])` in it: once the deadline passes every round fails with it, so
 * the loop ends then (a catch that goes round only on other failures lets it out). A timer made inside the
 * loop bounds one attempt, not the loop.
 */
export function racesDeadline(context: Context, loop: Loop, attempt: TSESTree.BlockStatement): boolean {
  let races = false;
  walkSameFunction(context.sourceCode, attempt, (node) => {
    if (races || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return races ? false : undefined;
    const list = node.arguments[0] && unwrap(node.arguments[0]);
    if (!isIdentifierNamed(node.callee.object, 'Promise') || calleeName(node.callee) !== 'race' || list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    races = list.elements.some((element) => {
      const value = element && unwrap(element);
      const def = value?.type === AST_NODE_TYPES.Identifier ? findVariable(context, value)?.defs[0] : undefined;
      return def !== undefined && !contains(loop, def.name) && isTimerPromise(context, value!);
    });
    return undefined;
  });
  return races;
}

/**
 * `while (!healthy) { try { healthy = await checkHealth(url) } catch { await wait(1000) } }`: the loop's test
 * reads what the call answers, so it goes round on a "not yet" as well as on a failure: a readiness poll,
 * whose pace require-retry-backoff leaves to it. A flag set to a literal (`done = true`) marks success only.
 */
export function waitsForAnswer(context: Context, attempt: TSESTree.TryStatement, testNames: Set<string>): boolean {
  let polls = false;
  walkSameFunction(context.sourceCode, attempt.block, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.Identifier || !testNames.has(node.left.name)) return undefined;
    const value = unwrap(node.right);
    const answered = value.type === AST_NODE_TYPES.AwaitExpression ? unwrap(value.argument) : value;
    if (answered.type === AST_NODE_TYPES.CallExpression) polls = true;
    return undefined;
  });
  return polls;
}


/** A literal that reads as false: `undefined`, `null`, `false`, `0`, `''`, `void 0`. */
function isFalsyLiteral(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.UnaryExpression) return value.operator === 'void';
  return value.type === AST_NODE_TYPES.Literal && !value.value && !(value as TSESTree.RegExpLiteral).regex;
}

/** The one variable a loop's test reads as truthy: `while (next)`, `while (token !== undefined)`, `while (hasMore)`. */
function truthTestedName(test: TSESTree.Node | null | undefined): string | undefined {
  const value = test && unwrap(test);
  if (!value) return undefined;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!' && value.argument.type === AST_NODE_TYPES.UnaryExpression && value.argument.operator === '!') return truthTestedName(value.argument.argument);
  if (value.type === AST_NODE_TYPES.BinaryExpression && ['!==', '!='].includes(value.operator) && value.left.type === AST_NODE_TYPES.Identifier && isFalsyLiteral(value.right)) return value.left.name;
  return undefined;
}

/** The names a loop's test ends on, and the values that end it: `while (hasMore)` ends on a falsy one, `while (!done)` on a truthy one. */
export function loopEnds(test: TSESTree.Node | null | undefined): Map<string, (value: TSESTree.Node) => boolean> {
  const ends = new Map<string, (value: TSESTree.Node) => boolean>();
  for (const term of test ? logicalTerms(test, '&&') : []) {
    const truthy = truthTestedName(term);
    if (truthy !== undefined) ends.set(truthy, isFalsyLiteral);
    const value = unwrap(term);
    if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!' && value.argument.type === AST_NODE_TYPES.Identifier) ends.set(value.argument.name, isTruthyLiteral);
  }
  return ends;
}

/** Do `statements` set what the loop's test ends on to a value that ends it (in every branch of an `if`)? */
export function setsLoopEnd(statements: readonly TSESTree.Statement[], ends: ReadonlyMap<string, (value: TSESTree.Node) => boolean>): boolean {
  return statements.some((statement) => {
    // `if (e.message.includes('400')) { hasMore = false } else { log(e); hasMore = false }`: every branch ends it.
    if (statement.type === AST_NODE_TYPES.IfStatement) return statement.alternate !== null && setsLoopEnd([statement.consequent], ends) && setsLoopEnd([statement.alternate], ends);
    if (statement.type === AST_NODE_TYPES.BlockStatement) return setsLoopEnd(statement.body, ends);
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expression = statement.expression;
    return expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=' && expression.left.type === AST_NODE_TYPES.Identifier
      && ends.get(expression.left.name)?.(expression.right) === true;
  });
}

/**
 * `do { try { …; next = page.nextToken } catch (e) { log(e); next = undefined } } while (next)`, or
 * `while (… && !rejected) { try { … } catch (e) { cancel(e) } }` where `cancel` (a function of the file) sets
 * `rejected = true`: the catch ends what the loop tests, so a failure ends the loop (a listing that gives up,
 * a stream reader that cancels), not a retry.
 */
export function clearsLoopTest(context: Context, handler: TSESTree.BlockStatement, test: TSESTree.Node | null | undefined): boolean {
  const ends = loopEnds(test);
  if (ends.size === 0) return false;
  const setsEnd = (statements: readonly TSESTree.Statement[]): boolean => setsLoopEnd(statements, ends);
  if (setsEnd(handler.body)) return true;
  return handler.body.some((statement) => {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : undefined;
    const fn = call?.type === AST_NODE_TYPES.CallExpression ? localCallee(context, call.callee)?.fn : undefined;
    return isFunctionNode(fn) && !contains(fn, handler) && fn.body.type === AST_NODE_TYPES.BlockStatement && setsEnd(fn.body.body);
  });
}

/** A literal that reads as true: `true`, a non-zero number, a non-empty string. */
function isTruthyLiteral(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && Boolean(value.value);
}

/** `catch (e) { op = [6, e]; … }`: tsc's `__generator` state machine, even minified under another name. */
export function isGeneratorStep(handler: TSESTree.CatchClause): boolean {
  const param = handler.param;
  return handler.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expressions = statement.expression.type === AST_NODE_TYPES.SequenceExpression ? statement.expression.expressions : [statement.expression];
    return expressions.some((expression) => {
      if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.right.type !== AST_NODE_TYPES.ArrayExpression) return false;
      const [step, error] = expression.right.elements.map((element) => element && unwrap(element));
      return step?.type === AST_NODE_TYPES.Literal && step.value === 6 && error?.type === AST_NODE_TYPES.Identifier && param?.type === AST_NODE_TYPES.Identifier && error.name === param.name;
    });
  });
}

/** Does the attempt read the variable `assignment` writes, other than in the assignment itself? */
function readsElsewhere(context: Context, attempt: TSESTree.Node, assignment: TSESTree.AssignmentExpression): boolean {
  const name = (assignment.left as TSESTree.Identifier).name;
  let reads = false;
  walkSameFunction(context.sourceCode, attempt, (node) => {
    if (reads || node === assignment) return false;
    if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return undefined;
    const parent = node.parent;
    // `res.offset` and `{ offset: 1 }` name a property, not the variable.
    const namesProperty = (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed)
      || (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.shorthand);
    if (!namesProperty) reads = true;
    return undefined;
  });
  return reads;
}

/** Is there a `return` or unlabelled `break` in the attempt (not in a nested loop or function)? */
export function leavesWithin(context: Context, block: TSESTree.BlockStatement): boolean {
  let leaves = false;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (leaves || (node !== block && (isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement))) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && !node.label)) leaves = true;
    return undefined;
  });
  return leaves;
}

/**
 * `offset += size` on success, where the request reads `offset`: each round after a success sends another page.
 */
export function movesOnAfterSuccess(context: Context, block: TSESTree.BlockStatement, testNames: Set<string>): boolean {
  let moves = false;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (moves) return false;
    // `offset += size`, or `next = await askModel(…)`: the next round's request is another one.
    if (node.type === AST_NODE_TYPES.AssignmentExpression && (node.operator !== '=' || node.right.type === AST_NODE_TYPES.AwaitExpression)
      && node.left.type === AST_NODE_TYPES.Identifier && testNames.has(node.left.name) && readsElsewhere(context, block, node)) moves = true;
    return undefined;
  });
  return moves;
}

/**
 * `try { data = JSON.parse(text) } catch { data = null }` beside the request, or `try { es = new
 * EventSource(url); es.onerror = reconnect } catch { … }`: a try that awaits nothing and calls nothing but a
 * parse, a constructor that reports connection failures as events (EVENT_REPORTING_CONSTRUCTORS), a log line
 * or the registration of a listener cannot be the attempt. Its catch sees a malformed body or URL, not a failed call.
 */
export function failsOnlyLocally(context: Context, block: TSESTree.BlockStatement): boolean {
  let local = true;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (!local) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) local = false;
    if (node.type === AST_NODE_TYPES.NewExpression && !PARSERS.has(context.sourceCode.getText(node.callee)) && !EVENT_REPORTING_CONSTRUCTORS.names.includes(context.sourceCode.getText(node.callee))) local = false;
    if (node.type === AST_NODE_TYPES.CallExpression && !PARSERS.has(context.sourceCode.getText(node.callee)) && !LISTENER_METHODS.has(calleeName(node.callee) ?? '') && !isConsoleCall(node)) local = false;
    return undefined;
  });
  return local;
}

/** Built-ins that only read a value in memory. */
const PARSERS = new Set(['JSON.parse', 'JSON.stringify', 'parseInt', 'parseFloat', 'Number', 'String', 'decodeURIComponent', 'encodeURIComponent', 'atob', 'btoa', 'URL']);

/** `console.log(…)`: a log line, which fails nowhere remote. */
function isConsoleCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(callee.object, 'console');
}

/** Methods that register a listener, which runs later, outside the try. */
const LISTENER_METHODS = new Set(['addEventListener', 'on', 'once']);

/** An `if` in the attempt whose test says the response is good and whose branch leaves the loop. */
export function leavesOnGoodStatus(context: Context, block: TSESTree.Node): boolean {
  let leaves = false;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (leaves || (node !== block && isLoop(node))) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && testsGoodStatus(context, node.test) && alwaysExits(node.consequent)) leaves = true;
    return undefined;
  });
  return leaves;
}

/**
 * `res.ok`, `status < 400`, the answer's own word (`response.data?.ok === true`), or such a test narrowed by
 * `&&` (`body && status >= 200 && status < 300`).
 */
export function testsGoodStatus(context: Context, test: TSESTree.Node): boolean {
  if (statusTest(test, context)?.holdsFor === 'success' || namesSuccessfulAnswer(test)) return true;
  if (test.type !== AST_NODE_TYPES.LogicalExpression || test.operator !== '&&') return false;
  // `data.ok && data.sufficient`, `res.ok && job.done`: a good answer that is not ready yet goes round too,
  // a poll's test. Only a presence check (`body`, `res.data`) or another status read may narrow it.
  const terms = logicalTerms(test, '&&');
  return terms.some((term) => testsGoodStatus(context, term)) && terms.every((term) => testsGoodStatus(context, term) || narrowsOnly(term));
}

/** `body`, `res.data`, `data.result !== undefined`, `status >= 200`: a term that says nothing of what the answer holds. */
function narrowsOnly(term: TSESTree.Node): boolean {
  const value = unwrap(term);
  if (value.type === AST_NODE_TYPES.Identifier) return true;
  if (value.type === AST_NODE_TYPES.BinaryExpression && ['!==', '!='].includes(value.operator) && isNullish(value.right)) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) return PRESENCE_MEMBERS.test(memberName(value) ?? '');
  return statusComparison(value) !== undefined;
}

/** Members whose presence says an answer came, not what it says. */
const PRESENCE_MEMBERS = /^(?:body|data|response)$/;

/** Does `node` set one of `names` outright (`done = true`)? A count moved (`tries++`) still goes round. */
export function setsAny(context: Context, node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let sets = false;
  walkSameFunction(context.sourceCode, node, (inner) => {
    if (sets) return false;
    if (inner.type === AST_NODE_TYPES.AssignmentExpression && inner.operator === '=' && inner.left.type === AST_NODE_TYPES.Identifier && names.has(inner.left.name)) sets = true;
    return undefined;
  });
  return sets;
}
