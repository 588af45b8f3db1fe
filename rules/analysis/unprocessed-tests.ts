import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { UNPROCESSED_FAILURES } from '../knowledge/retries';
import { calleeName, contains, isFunctionNode, soleReturned } from './ast-walk';
import { constInit, memberName, unwrap } from './origin';
import { errorClassName, membership, messageSearch, readMembers } from './status-reads';
import { localCallee } from './local-callees';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Tests that hold only for a failure the server did not act on: a refused status (`e.status === 429`) or a
 * connection that was never made (`err.code === 'ECONNREFUSED'`), and the branches and exits they guard.
 * A retry that repeats only such failures cannot apply an operation twice (retry-unprocessed.ts).
 */

/** `if (error.status !== 429) throw error;`: a hook that throws for every failure but a refused one. */
export function throwsUnlessUnprocessed(context: Context, statement: TSESTree.Node): boolean {
  return branchUnlessUnprocessed(context, statement)?.at(-1)?.type === AST_NODE_TYPES.ThrowStatement;
}

/** The statements of `if (<every failure but a refused one>) { … }` with no `else`; undefined for any other statement. */
export function branchUnlessUnprocessed(context: Context, statement: TSESTree.Node | undefined): TSESTree.Statement[] | undefined {
  if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !negatesUnprocessed(context, statement.test)) return undefined;
  return statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
}

/**
 * `e.status !== 429`, `!(e.status === 429)`, an `&&` of such tests, or an `||` with one (`e.status !== 429 ||
 * attempt >= 5`): true at least for every failure but a refused one.
 */
function negatesUnprocessed(context: Context, test: TSESTree.Node): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return isUnprocessedTest(context, value.argument);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') return negatesUnprocessed(context, value.left) && negatesUnprocessed(context, value.right);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return negatesUnprocessed(context, value.left) || negatesUnprocessed(context, value.right);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '!==' && value.operator !== '!=')) return false;
  return comparesRefusal(context, value);
}

/** `(e) => e.status === 429`, or a function whose body is one `return` of such a test. */
export function predicateTestsUnprocessed(context: Context, predicate: TSESTree.Node | undefined): boolean {
  const fn = predicate && unwrap(predicate);
  const returned = isFunctionNode(fn) ? soleReturned(fn) : undefined;
  return returned !== undefined && isUnprocessedTest(context, returned);
}

/** Is `node` in the consequent of an `if` (inside `root`) that tests for an unprocessed failure? */
export function guardedWithin(context: Context, node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root && contains(root, current); current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === current && isUnprocessedTest(context, parent.test)) return true;
    if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.consequent === current && isUnprocessedTest(context, parent.test)) return true;
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === current && isUnprocessedTest(context, parent.left)) return true;
    // `if (e.status !== 429) throw e;` earlier in the same block: only a refused failure gets this far.
    if (parent?.type === AST_NODE_TYPES.BlockStatement && parent.body.slice(0, parent.body.indexOf(current as TSESTree.Statement)).some((statement) => exitsUnlessUnprocessed(context, statement))) return true;
  }
  return false;
}

/**
 * `if (e.status !== 429) throw e;`, `if (!(…429…)) { log(e); return reject(e); }`, `if (!e.message.includes('429'))
 * break;`: every other failure leaves here.
 */
export function exitsUnlessUnprocessed(context: Context, statement: TSESTree.Statement): boolean {
  const last = branchUnlessUnprocessed(context, statement)?.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement || (last?.type === AST_NODE_TYPES.BreakStatement && !last.label);
}

/**
 * `e.statusCode === 429`, `err.code === 'ECONNREFUSED'`, `error.message.includes('429')`, an SDK's rate-limit
 * error (`error instanceof Stripe.errors.StripeRateLimitError`, `err.name === 'RateLimitError'`), an `||` of such
 * tests, an `&&` with one (`status === 429 && attempt < max`: it holds only when that does), or a `const`
 * holding one (`const isRateLimited = status === 429`).
 */
export function isUnprocessedTest(context: Context, test: TSESTree.Node, depth = 0): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = depth < 2 ? constInit(context, value) : undefined;
    return init !== undefined && isUnprocessedTest(context, init, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return isUnprocessedTest(context, value.left, depth) && isUnprocessedTest(context, value.right, depth);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') {
    return isUnprocessedTest(context, value.left, depth) || isUnprocessedTest(context, value.right, depth) || rateLimited403(context, value.left, value.right) || rateLimited403(context, value.right, value.left);
  }
  if (value.type === AST_NODE_TYPES.CallExpression) {
    // `isRateLimitError(error)`: a predicate of the file that returns such a test.
    const predicate = depth < 2 ? localCallee(context, value.callee)?.fn : undefined;
    const returned = isFunctionNode(predicate) ? soleReturned(predicate) : undefined;
    // A predicate named for a rate limit (`isRateLimitError(e)`, `isThrottled(e)`) is the author's word for one.
    return messageNamesUnprocessed(context, value) || listsOnlyUnprocessed(context, value) || (returned !== undefined && isUnprocessedTest(context, returned, depth + 1))
      || UNPROCESSED_FAILURES.refusalPredicate.test(calleeName(value.callee) ?? '');
  }
  // `error instanceof Stripe.errors.StripeRateLimitError`: an SDK's class for a 429.
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === 'instanceof') return RATE_LIMIT_ERROR.test(errorClassName(value.right) ?? '');
  if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '===' && value.operator !== '==')) return false;
  return comparesRefusal(context, value);
}

/**
 * `status === 403 && body.includes('rateLimitExceeded')`: a rate limit told by a 403 (Google APIs, GitHub),
 * refused as a 429 is.
 */
function rateLimited403(context: Context, comparisonSide: TSESTree.Node, reasonSide: TSESTree.Node): boolean {
  const comparison = unwrap(comparisonSide);
  if (comparison.type !== AST_NODE_TYPES.BinaryExpression || (comparison.operator !== '===' && comparison.operator !== '==')) return false;
  const [read, literal] = comparison.right.type === AST_NODE_TYPES.Literal ? [comparison.left, comparison.right] : [comparison.right, comparison.left];
  const members = literal.type === AST_NODE_TYPES.Literal && literal.value === 403 ? readMembers(context, read) : undefined;
  // `!body.includes('rateLimit')`, `reason !== 'rateLimitExceeded'`: a 403 for any reason but that one.
  const reason = unwrap(reasonSide);
  const negated = (reason.type === AST_NODE_TYPES.UnaryExpression && reason.operator === '!') || (reason.type === AST_NODE_TYPES.BinaryExpression && (reason.operator === '!==' || reason.operator === '!='));
  return members !== undefined && !negated && members.every((name) => STATUS_MEMBERS.includes(name)) && UNPROCESSED_FAILURES.refusalReasonsFor403.test(context.sourceCode.getText(reason));
}

/** A comparison, either way round, of a refused status or code, or of a rate-limit error's name. */
function comparesRefusal(context: Context, comparison: TSESTree.BinaryExpression): boolean {
  const { left, right } = comparison;
  return comparesUnprocessed(context, left, right) || comparesUnprocessed(context, right, left) || namesRateLimitError(left, right) || namesRateLimitError(right, left);
}

/** `PRECONNECT_ERRORS.has(code)`, `[429].includes(status)`: every listed value a refused status or code. */
function listsOnlyUnprocessed(context: Context, call: TSESTree.CallExpression): boolean {
  const listed = membership(context, call);
  const members = listed && readMembers(context, listed.read);
  if (!listed || !members) return false;
  const statuses = UNPROCESSED_FAILURES.statuses as readonly unknown[];
  const codes = UNPROCESSED_FAILURES.codes as readonly unknown[];
  if (listed.values.every((each) => statuses.includes(each))) return members.every((name) => STATUS_MEMBERS.includes(name) || CODE_MEMBERS.includes(name));
  return listed.values.every((each) => codes.includes(each)) && members.every((name) => CODE_MEMBERS.includes(name));
}

/**
 * A class an SDK or app throws for a 429 or a throttled request (`RateLimitError`, `StripeRateLimitError`,
 * `TooManyRequestsError`, `ThrottleError`, AWS's `ThrottlingException`): refused, nothing applied.
 */
const RATE_LIMIT_ERROR = /^\w*(?:RateLimit|TooManyRequests|Throttl(?:e|ing))(?:ed)?(?:Error|Exception)$/;

/** `error.type === 'StripeRateLimitError'`, `err.name === 'RateLimitError'`: the class named as a string. */
function namesRateLimitError(read: TSESTree.Node, literal: TSESTree.Node): boolean {
  const member = unwrap(read);
  return member.type === AST_NODE_TYPES.MemberExpression && ['type', 'name'].includes(memberName(member) ?? '')
    && literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' && RATE_LIMIT_ERROR.test(literal.value);
}

const STATUS_MEMBERS: readonly string[] = UNPROCESSED_FAILURES.statusMembers;
const CODE_MEMBERS: readonly string[] = UNPROCESSED_FAILURES.codeMembers;

function comparesUnprocessed(context: Context, read: TSESTree.Node, literal: TSESTree.Node): boolean {
  const members = literal.type === AST_NODE_TYPES.Literal ? readMembers(context, read) : undefined;
  if (!members || literal.type !== AST_NODE_TYPES.Literal) return false;
  // A number is an HTTP status, which some clients keep in `code` (`err.statusCode ?? err.code`); a string is a Node error code.
  if (typeof literal.value === 'number') return members.every((name) => STATUS_MEMBERS.includes(name) || CODE_MEMBERS.includes(name)) && (UNPROCESSED_FAILURES.statuses as readonly number[]).includes(literal.value);
  if (typeof literal.value === 'string') return members.every((name) => CODE_MEMBERS.includes(name)) && (UNPROCESSED_FAILURES.codes as readonly string[]).includes(literal.value);
  return false;
}

/** `error.message.includes('429')`, or a `const message = error.message` tested so: the message names a refused status or code. */
function messageNamesUnprocessed(context: Context, call: TSESTree.CallExpression): boolean {
  const sought = messageSearch(context, call);
  if (!sought) return false;
  // `/not ready|rate limit/i.test(message)`: every alternative names a refusal.
  if (sought.pattern !== undefined) return !/[()[\]]/.test(sought.pattern) && sought.texts.every((alternative) => UNPROCESSED_FAILURES.refusalMessage.test(alternative.replace(/\\s[+*]?|\.\??/g, ' ')));
  const [text] = sought.texts as [string];
  return (UNPROCESSED_FAILURES.statuses as readonly number[]).some((status) => text === String(status)) || (UNPROCESSED_FAILURES.codes as readonly string[]).includes(text)
    || UNPROCESSED_FAILURES.refusalMessage.test(text);
}
