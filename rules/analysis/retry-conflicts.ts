import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CONFLICT_FAILURES } from '../knowledge/retries';
import { calleeName, contains, identifiersIn, isFunctionNode, returnedValues, walk, walkSameFunction } from './ast-walk';
import { localCallee } from './local-callees';
import { constInit, findVariable, logicalTerms, memberName, unwrap, writeRoot } from './origin';
import { counters, leavesBeforeGoingRound, mayContinue, returnsOrThrows, type Loop } from './retry-paths';
import { messageIncludes, underClientErrorTest } from './status-tests';
import type { RetryScope } from './retry-types';
import { isWaitCall } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Does this retry repeat only after a conflict, such as a unique-constraint violation (`P2002`, `23505`,
 * `isUniqueConstraintError(e)`)? Then nothing was applied and nothing is failing: the code lost a race or
 * picked a taken value, and tries again with fresh data (a new slug, a re-read row). Such a loop is
 * neither a repeat of an applied operation nor a retry against a struggling dependency.
 */
export function retriesOnlyConflicts(context: Context, scope: RetryScope): boolean {
  if (scope.conflictsOnly) return true;
  const isConflictTest = (test: TSESTree.Node): boolean => conflictTest(context, test);
  const includesConflictTest = (test: TSESTree.Node): boolean => anyConjunct(test, isConflictTest);
  if (scope.kind === 'recursion') return scope.failurePath !== undefined && underConflictTest(scope.node, scope.failurePath, includesConflictTest);
  if (scope.kind !== 'loop' || !scope.handler) return false;
  const statements = scope.handler.body.body;
  // `catch (e) { if (!isUniqueConstraintError(e)) throw e; continue; }`, also after a rollback or a bound
  // check that cannot go round (`await db.query('ROLLBACK'); if (attempt === 5) throw e; if (!conflict) throw e`).
  if (leavesBeforeGoingRound(statements, (statement) => statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent) && isNotConflictTest(statement.test, isConflictTest))) return true;
  // `catch (e) { if (e.code === 'P2002') continue; throw e; }`: every way round is under a conflict test
  // (`const isConflict = …` or a log before it cannot go round).
  const last = statements[statements.length - 1];
  return last?.type === AST_NODE_TYPES.ThrowStatement && statements.slice(0, -1).every((statement) => !mayContinue(statement) || (statement.type === AST_NODE_TYPES.IfStatement && includesConflictTest(statement.test)));
}

/**
 * Does the retry's way round test for a conflict (`if (error.code === '23505') { …read the row back… }`)? Then
 * the code knows a unique key guards what it inserts: a repeat of an insert that was applied is refused.
 */
export function handlesConflict(context: Context, scope: RetryScope): boolean {
  const root = scope.handler ?? scope.failurePath;
  if (!root) return false;
  let handled = false;
  walkSameFunction(context.sourceCode, root, (node) => {
    if (handled) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && anyConjunct(node.test, (test) => conflictTest(context, test))) handled = true;
    return undefined;
  });
  return handled;
}

/**
 * `if (error.code !== '23505') return null;` on a failed answer's way round: every failure but a conflict leaves.
 */
export function exitsUnlessConflict(context: Context, statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent) && isNotConflictTest(statement.test, (test) => conflictTest(context, test));
}

/**
 * `catch (e) { if (classify(e) !== CONFLICT) { failed.push(chunk); continue } … pending.push(left, right) }`:
 * a work list that takes an item back only after a conflict, which the server refused whole; every other
 * failure moves on to the next item.
 */
export function putsBackOnlyAfterConflict(context: Context, handler: TSESTree.BlockStatement, putBack: TSESTree.Node): boolean {
  const isConflictTest = (test: TSESTree.Node): boolean => conflictTest(context, test);
  if (underConflictTest(putBack, handler, (test) => anyConjunct(test, isConflictTest))) return true;
  const index = handler.body.findIndex((statement) => contains(statement, putBack));
  return handler.body.slice(0, Math.max(index, 0)).some((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate
    && endsInJump(statement.consequent) && isNotConflictTest(statement.test, isConflictTest));
}

/** A statement, or a block whose last statement, leaves the way it is on: `continue`, `break`, `return`, `throw`. */
function endsInJump(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return last !== undefined && JUMPS.has(last.type);
}

const JUMPS = new Set<string>([AST_NODE_TYPES.ContinueStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement]);

function exits(statement: TSESTree.Statement): boolean {
  const only = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0]! : statement;
  return only.type === AST_NODE_TYPES.ThrowStatement || only.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * `!isUniqueConstraintError(e)`, `e.code !== 'P2002'`: true for every failure but a conflict. One term of
 * an `||` is enough (`!(err instanceof UniqueConstraintError) || attempt >= attempts`): the test still
 * holds for every other failure.
 */
function isNotConflictTest(test: TSESTree.Node, isConflictTest: (test: TSESTree.Node) => boolean): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return isNotConflictTest(value.left, isConflictTest) || isNotConflictTest(value.right, isConflictTest);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return isConflictTest(value.argument);
  return value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '!==' || value.operator === '!=') && [value.left, value.right].some((side) => namesConflict(side));
}

/** Is `node` in the consequent of an `if` (inside `root`) whose test names a conflict, alone or with `&&`? */
function underConflictTest(node: TSESTree.Node, root: TSESTree.Node, includesConflictTest: (test: TSESTree.Node) => boolean): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root && contains(root, current); current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === current && includesConflictTest(parent.test)) return true;
  }
  return false;
}

/** `isConflict && retryCount < 2`: a conjunct names the conflict. */
function anyConjunct(test: TSESTree.Node, holds: (test: TSESTree.Node) => boolean): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') return anyConjunct(value.left, holds) || anyConjunct(value.right, holds);
  return holds(value);
}

/**
 * `e.code === 'P2002'`, `error.code === PrismaError.UNIQUE_CONSTRAINT_VIOLATION`, `isUniqueConstraintError(e)`,
 * `e instanceof ConflictError`, `['23505', '23503'].includes(e.code)`, or a `const` holding one (`const
 * isConflict = err.code === '23505' && err.constraint === 'number_key'`).
 */
function conflictTest(context: Context, test: TSESTree.Node, depth = 0): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.Identifier) {
    // Only a `const` that holds a test: `const row = await prisma.event.findUnique(…)` names no conflict.
    const init = depth < 2 ? constInit(context, value) : undefined;
    return init !== undefined && holdsTest(init) && anyConjunct(init, (inner) => conflictTest(context, inner, depth + 1));
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return conflictTest(context, value.left, depth) && conflictTest(context, value.right, depth);
  if (value.type === AST_NODE_TYPES.CallExpression && isCodeListTest(value)) return true;
  // `this.isReceiptNumberTaken(error)`: a predicate of the file whose every return tests for one (an early
  // `return false` says no).
  const predicate = value.type === AST_NODE_TYPES.CallExpression && depth < 2 ? localCallee(context, value.callee)?.fn : undefined;
  if (isFunctionNode(predicate)) {
    const returned = returnedValues(context, predicate).filter((each) => !(each?.type === AST_NODE_TYPES.Literal && each.value === false));
    if (returned.length > 0 && returned.every((each) => each !== undefined && anyConjunct(each, (inner) => conflictTest(context, inner, depth + 1)))) return true;
  }
  // `e.message.includes('already exists')`: the message says the server refused a duplicate.
  const text = messageIncludes(value);
  if (text !== undefined) return CONFLICT_FAILURES.words.test(text);
  if (value.type === AST_NODE_TYPES.CallExpression) return CONFLICT_FAILURES.words.test(calleeName(value.callee) ?? '');
  if (value.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (value.operator === 'instanceof') return value.right.type === AST_NODE_TYPES.Identifier && CONFLICT_FAILURES.words.test(value.right.name);
  if (value.operator !== '===' && value.operator !== '==') return false;
  return [value.left, value.right].some((side) => namesConflict(side));
}

/** A comparison, a negation, an `&&`/`||` of tests, or a predicate's call (`isUniqueViolation(err)`). */
function holdsTest(init: TSESTree.Node): boolean {
  const value = unwrap(init);
  if (value.type === AST_NODE_TYPES.CallExpression) return /^(?:is|has)[A-Z]/.test(calleeName(value.callee) ?? '') || isCodeListTest(value);
  return value.type === AST_NODE_TYPES.BinaryExpression || value.type === AST_NODE_TYPES.LogicalExpression || value.type === AST_NODE_TYPES.UnaryExpression;
}

/** `['23505', '23503'].includes(error.code)`: every code listed is a conflict. */
function isCodeListTest(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'includes') return false;
  const list = unwrap(callee.object);
  return list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0 && list.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && namesConflict(element));
}

function namesConflict(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return (CONFLICT_FAILURES.codes as readonly unknown[]).includes(value.value);
  if (value.type === AST_NODE_TYPES.MemberExpression) return CONFLICT_FAILURES.words.test(memberName(value) ?? '');
  return value.type === AST_NODE_TYPES.Identifier && CONFLICT_FAILURES.words.test(value.name);
}

/**
 * A loop whose catch changes what the try reads before going round: `catch (err) { typeGuesses[principal] =
 * parsedType; continue }` or `delete body.properties[missing]` fixes the request from the error, `catch {
 * date = date.subtract(1, 'day') }` moves on to another file. The next round sends another request, so the loop corrects itself or moves on; it
 * does not hammer with the one that failed. Attempt counters (and a delay grown from itself, or read only by
 * a wait) are not such a change, and neither is a value the catch awaits or constructs (`conn = await connect()`, `new Client()`):
 * reconnecting and going again is a retry.
 */
export function catchChangesAttempt(context: Context, scope: RetryScope): boolean {
  const handler = scope.handler;
  const attempt = handler?.parent.type === AST_NODE_TYPES.TryStatement ? handler.parent.block : undefined;
  if (scope.kind !== 'loop' || !handler || !attempt) return false;
  const counterNames = counters(context, scope.node as Loop);
  // Variables the catch changes; for those it sets to something awaited or constructed, whether that is
  // a connection (`conn = await connect()`, a reconnect) rather than what the request carries.
  const changed = new Map<TSESLint.Scope.Variable, boolean>();
  walkSameFunction(context.sourceCode, handler.body, (node) => {
    // `delete current.properties[missing]` drops what the server refused, and `messages.push({ role: 'user',
    // content: 'Answer with JSON only.' })` adds a correction, as an assignment would change it.
    const removed = node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete' ? node.argument
      : node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && LIST_EDITS.has(memberName(node.callee) ?? '') ? node.callee.object : undefined;
    if (!removed && node.type !== AST_NODE_TYPES.AssignmentExpression) return undefined;
    const root = writeRoot(removed ?? (node as TSESTree.AssignmentExpression).left);
    if (root.type !== AST_NODE_TYPES.Identifier || counterNames.has(root.name)) return undefined;
    const variable = findVariable(context, root);
    const declared = variable?.defs[0]?.name;
    const made = !removed && madeByAwaitOrNew(context, (node as TSESTree.AssignmentExpression).right);
    if (variable && declared && !contains(handler, declared)) changed.set(variable, made || changed.get(variable) === true);
    return undefined;
  });
  return [...changed].some(([variable, made]) => {
    const reads = variable.references.filter((reference) => reference.isRead() && contains(attempt, reference.identifier)
      && !readByWait(context, reference.identifier, attempt) && !onlyLeavesWith(reference.identifier, attempt));
    // `currentSQL = await fixQuery(currentSQL, err.message)` for `executeQuery(currentSQL)`: a new request
    // made from the refusal, not a new connection to send the old one on (`conn.query(sql)`).
    return reads.length > 0 && (!made || (!CONNECTION_NAME.test(variable.name) && reads.every((reference) => !isReceiver(reference.identifier))));
  });
}

/** Names of what a request is sent on, handed to a helper as an argument (`await insert(db, row)`). */
const CONNECTION_NAME = /conn|client|db$|database|pool|socket|session|channel|browser|page|driver|transport|agent/i;

/** Methods that edit a list in place. */
const LIST_EDITS = new Set(['push', 'unshift', 'splice']);

/** `conn` in `conn.query(sql)` or `client()`: a value the attempt calls or calls a method of. */
function isReceiver(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) || (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier);
}

/**
 * `return `[failed - ${lastError}]``, `throw new Error(lastError)`: a value the loop leaves with, built
 * without a call, sends nothing; the catch that writes it keeps a message, not the next request.
 */
function onlyLeavesWith(read: TSESTree.Node, attempt: TSESTree.Node): boolean {
  for (let current = read.parent; current && current !== attempt; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ReturnStatement || current.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.AwaitExpression) return false;
    if (current.type === AST_NODE_TYPES.NewExpression && !/Error$/.test(calleeName(current.callee) ?? '')) return false;
  }
  return false;
}

/**
 * A loop whose catch corrects the request from what the server answered, and leaves on any other failure:
 * `const field = unknownFieldOf(error); if (!field) throw error; delete fields[field];`, or `if (error.status
 * !== 422) throw error; delete fields.extra;`. A dropped connection carries no such answer, so it leaves;
 * the next round sends a corrected request after a refusal, and nothing the server applied is repeated.
 */
export function correctsOnlyAfterAnswer(context: Context, scope: RetryScope): boolean {
  const handler = scope.handler;
  if (scope.kind !== 'loop' || !handler || !catchChangesAttempt(context, scope)) return false;
  const statements = handler.body.body;
  const last = statements.at(-1);
  if (last && underClientErrorTest(context, last, handler.body)) return true;
  const error = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
  return leavesBeforeGoingRound(statements, (statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && returnsOrThrows(statement.consequent)
    && logicalTerms(statement.test, '||').some((term) => isMissingAnswer(context, term, error, handler.body)));
}

/** `!field`, where `const field = unknownFieldOf(error)` (or `error.response?.data?.field`) is read from the error in the catch. */
function isMissingAnswer(context: Context, term: TSESTree.Node, error: string | undefined, handler: TSESTree.BlockStatement): boolean {
  const value = unwrap(term);
  if (!error || value.type !== AST_NODE_TYPES.UnaryExpression || value.operator !== '!' || value.argument.type !== AST_NODE_TYPES.Identifier) return false;
  const init = constInit(context, value.argument);
  return init !== undefined && contains(handler, init) && identifiersIn(context.sourceCode, init).has(error);
}

/** `await sleep(delay)` at the top of the attempt: a delay the catch grows changes the pace, not the request. */
function readByWait(context: Context, read: TSESTree.Node, attempt: TSESTree.Node): boolean {
  for (let current = read.parent; current && current !== attempt; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AwaitExpression && isWaitCall(context, current.argument, NO_WAIT_NAMES)) return true;
  }
  return false;
}

const NO_WAIT_NAMES: ReadonlySet<string> = new Set();

/** An awaited value, or an instance of something imported or defined here (`new Date(…)`, a global, is a plain value). */
function madeByAwaitOrNew(context: Context, value: TSESTree.Node): boolean {
  let made = false;
  walk(context.sourceCode, value, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) made = true;
    if (node.type === AST_NODE_TYPES.NewExpression) made = node.callee.type !== AST_NODE_TYPES.Identifier || (findVariable(context, node.callee)?.defs.length ?? 0) > 0;
    return made ? false : undefined;
  });
  return made;
}
