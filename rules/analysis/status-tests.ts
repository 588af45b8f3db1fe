import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { AUTH_FAILURE_NAMES, CLIENT_ERROR_NAMES, CONFLICT_FAILURES, UNPROCESSED_FAILURES } from '../knowledge/retries';
import { isFunctionNode, parameterIndex, returnedValues, soleReturned, underIfTest } from './ast-walk';
import { localCallee } from './local-callees';
import { constInit, findVariable, logicalTerms, memberName, unwrap, writeRoot } from './origin';
import { returnsOrThrows } from './retry-paths';
import { isClientError, numericRead, readsStatus, statusComparison } from './status-reads';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How a test reads a response's status: whether it holds for a failed attempt or a good one
 * (`res.ok`, `status >= 500`, `status < 400`, `status === 503`), and which client errors it singles out.
 * Read by the status retries (retry-status.ts), by loops whose success leaves under a status test
 * (retry-loops.ts), by interceptors (retry-interceptors.ts) and by helpers that return null for a 5xx
 * (retry-failure-value.ts).
 */

/**
 * The text of the tests `statusTest` reads (`.ok`, `status >= 500`, `503 === res.statusCode`, an answer's
 * `error`), for the
 * prefilter that lets a file without a catch through to the walk.
 */
export const STATUS_TEST = /\.ok\b|status(?:code)?\s*[<>!=]|includes\(\s*[\w$.?]*status|\b\d{3}\s*[<>!=]=*\s*[\w$.?!]*status|[{,]\s*error\b[^}]*\}\s*=\s*await|\.error\s*\)/i;

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
  /** It reads the `error` an SDK answers with (answerError), which a dropped connection also fills. */
  answered?: true;
}

const flip = (holdsFor: StatusTest['holdsFor']): StatusTest['holdsFor'] => (holdsFor === 'failure' ? 'success' : 'failure');

/** `status >= 200`: the lower half of a success range (`status >= 200 && status < 300`), nothing alone. */
function isSuccessFloor(node: TSESTree.Node): boolean {
  const comparison = statusComparison(node);
  return comparison !== undefined && ((comparison.operator === '>=' && comparison.value >= 200 && comparison.value < 300) || (comparison.operator === '>' && comparison.value >= 199 && comparison.value < 299));
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

/**
 * The numbers of a list looked up with the status, `[401, 403].includes(status)`, `RETRYABLE.includes(res.status)`
 * with `const RETRYABLE = [429, 503]`; undefined when it is not such a lookup or lists anything but numbers.
 */
function listedStatuses(test: TSESTree.Node, context: Context | undefined): number[] | undefined {
  if (test.type !== AST_NODE_TYPES.CallExpression || test.callee.type !== AST_NODE_TYPES.MemberExpression || test.callee.computed || memberName(test.callee) !== 'includes') return undefined;
  const status = test.arguments[0];
  if (!status || status.type === AST_NODE_TYPES.SpreadElement || !readsStatus(status)) return undefined;
  let list = unwrap(test.callee.object);
  if (list.type === AST_NODE_TYPES.Identifier && context) list = constInit(context, list) ?? list;
  if (list.type !== AST_NODE_TYPES.ArrayExpression || list.elements.length === 0) return undefined;
  const codes = list.elements.map((element) => (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'number' ? element.value : undefined));
  return codes.every((code) => code !== undefined) ? (codes as number[]) : undefined;
}

/**
 * `[0, 429, 500, 502, 503, 504].includes(res.status)`: a failed status when the list names one (a 5xx, 408,
 * 429, or 0, what a `.catch()` makes of a request that never answered) and no success; refusals only (429)
 * when that is all it names. A list of client errors is read by clientErrorComparison.
 */
function listedTest(test: TSESTree.Node, context: Context | undefined): StatusTest | undefined {
  const codes = listedStatuses(test, context);
  if (!codes || codes.some((code) => code >= 200 && code < 400)) return undefined;
  const failed = codes.filter((code) => code === 0 || code === 408 || code === 429 || (code >= 500 && code < 600));
  if (failed.length === 0) return undefined;
  const unprocessedOnly = failed.every((code) => (UNPROCESSED_FAILURES.statuses as readonly number[]).includes(code));
  return { holdsFor: 'failure', operands: [numericRead((test as TSESTree.CallExpression).arguments[0]!)], unprocessedOnly };
}

/**
 * `status !== 403` beside a success test (`status !== 403 && status < 500`): a success that also sends a
 * refused request round again; the test still leaves on success and goes round after a 5xx.
 */
function excludesClientError(node: TSESTree.Node): boolean {
  const comparison = statusComparison(unwrap(node));
  return comparison !== undefined && (comparison.operator === '!==' || comparison.operator === '!=') && isClientError(comparison.value);
}

/** Two tests read together: what both read, and a poll's test in either. */
function both(left: StatusTest, right: StatusTest): Omit<StatusTest, 'unprocessedOnly'> {
  return { holdsFor: left.holdsFor, operands: [...left.operands, ...right.operands], ...(left.mayPoll || right.mayPoll ? { mayPoll: true as const } : {}) };
}

/** Reads `node` as a test of a response's status, when it is one. */
export function statusTest(node: TSESTree.Node, context?: Context, depth = 0): StatusTest | undefined {
  const test = unwrap(node);
  const answered = context && answerError(context, test);
  if (answered) return { holdsFor: 'failure', operands: [answered], unprocessedOnly: false, answered: true };
  // `const isServerError = res.status >= 500; if (!isServerError) return res;`
  if (test.type === AST_NODE_TYPES.Identifier && context && depth < 2) {
    const init = constInit(context, test);
    return init && statusTest(init, context, depth + 1);
  }
  // `isRetryableStatus(res.status)`: a predicate of the file whose one return is such a test, read with what it is handed.
  if (test.type === AST_NODE_TYPES.CallExpression && context && depth < 2) return listedTest(test, context) ?? predicateTest(context, test, depth);
  if (test.type === AST_NODE_TYPES.MemberExpression && !test.computed && test.property.type === AST_NODE_TYPES.Identifier && test.property.name === 'ok') {
    return { holdsFor: 'success', operands: [test.object], unprocessedOnly: false };
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = statusTest(test.argument, context, depth);
    // The failures let through stay the same under negation: only which side holds changes.
    return inner && { ...inner, holdsFor: flip(inner.holdsFor) };
  }
  if (test.type !== AST_NODE_TYPES.LogicalExpression || test.operator === '??') return comparisonTest(test) ?? listedTest(test, context);
  const [left, right] = [statusTest(test.left, context, depth), statusTest(test.right, context, depth)];
  if (test.operator === '&&') {
    // `status >= 200 && status < 300` is the success range.
    if (left?.holdsFor === 'success' && (isSuccessFloor(test.right) || excludesClientError(test.right))) return left;
    if (right?.holdsFor === 'success' && (isSuccessFloor(test.left) || excludesClientError(test.left))) return right;
    // `!res.ok && attempt < 3`: still only on a failure. `res.ok && job.done` is a poll, not a success test.
    if (left && right && left.holdsFor === right.holdsFor) {
      return { ...both(left, right), unprocessedOnly: left.holdsFor === 'failure' ? left.unprocessedOnly || right.unprocessedOnly : left.unprocessedOnly && right.unprocessedOnly };
    }
    // `!res.ok && res.status === 404`: only that client error, which the server refused: no failed attempt.
    if ((left?.holdsFor === 'failure' && clientErrorComparison(test.right)) || (right?.holdsFor === 'failure' && clientErrorComparison(test.left))) return undefined;
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

/**
 * The `error` of an answer, for SDKs that answer a failed request with a value instead of throwing
 * (supabase-js, Resend: `{ data, error }`, a dropped connection included): `const { error } = await
 * resend.emails.send(…)` then `if (error)`, or `const res = await …; if (res.error)`. Returns what
 * names the answer (the binding, or the variable holding it), whose call made the attempt.
 */
function answerError(context: Context, test: TSESTree.Node): TSESTree.Node | undefined {
  if (test.type === AST_NODE_TYPES.MemberExpression && !test.computed && memberName(test) === 'error' && test.object.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, test.object)?.defs[0];
    return def?.type === 'Variable' && def.node.id === def.name && isAwaitedCall(def.node.init) ? test.object : undefined;
  }
  if (test.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(context, test)?.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !isAwaitedCall(def.node.init)) return undefined;
  const bound = def.node.id.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed
    && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'error' && property.value === def.name);
  return bound ? test : undefined;
}

function isAwaitedCall(init: TSESTree.Expression | null | undefined): boolean {
  return init?.type === AST_NODE_TYPES.AwaitExpression && unwrap(init.argument).type === AST_NODE_TYPES.CallExpression;
}

/** A predicate's test, its parameters read as the arguments of `call` (`res.status` for `status`). */
function predicateTest(context: Context, call: TSESTree.CallExpression, depth: number): StatusTest | undefined {
  const predicate = localCallee(context, call.callee)?.fn;
  const returned = isFunctionNode(predicate) ? soleReturned(predicate) : undefined;
  const inner = returned && statusTest(returned, context, depth + 1);
  if (!inner || !isFunctionNode(predicate)) return undefined;
  const argumentFor = (operand: TSESTree.Node): TSESTree.Node | undefined => {
    const root = writeRoot(operand);
    const index = root.type === AST_NODE_TYPES.Identifier ? parameterIndex(predicate, root.name) : -1;
    return index === -1 ? undefined : call.arguments[index];
  };
  const operands = inner.operands.map(argumentFor);
  // A test of something the predicate reads from elsewhere says nothing about this call's answer.
  return operands.every((operand) => operand !== undefined) ? { ...inner, operands: operands as TSESTree.Node[] } : undefined;
}

/**
 * The text an error's message is tested for, `error.message.includes('Unauthorized')`: also through
 * `String(…)`, a case change and a default (`(e?.message ?? '').toLowerCase().includes('already exists')`).
 */
export function messageIncludes(test: TSESTree.Node): string | undefined {
  const call = unwrap(test);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(call.callee) !== 'includes') return undefined;
  const text = call.arguments[0] && unwrap(call.arguments[0]);
  if (text?.type !== AST_NODE_TYPES.Literal || typeof text.value !== 'string' || text.value.length === 0) return undefined;
  let read = unwrap(call.callee.object);
  for (let depth = 0; depth < 4; depth++) {
    if (read.type === AST_NODE_TYPES.CallExpression && read.callee.type === AST_NODE_TYPES.MemberExpression && /^to(?:Lower|Upper)Case$/.test(memberName(read.callee) ?? '')) read = unwrap(read.callee.object);
    else if (read.type === AST_NODE_TYPES.CallExpression && read.callee.type === AST_NODE_TYPES.Identifier && read.callee.name === 'String' && read.arguments[0]) read = unwrap(read.arguments[0]);
    else if (read.type === AST_NODE_TYPES.LogicalExpression && (read.operator === '??' || read.operator === '||')) read = unwrap(read.left);
    else break;
  }
  return read.type === AST_NODE_TYPES.MemberExpression && memberName(read) === 'message' ? text.value : undefined;
}

/**
 * `status === 401`, `status === 401 || status === 403` or `[401, 403].includes(status)` (alone or in an `&&`),
 * a `const` holding one (`const isAuthError = res.status === 401 && …; if (isAuthError)`), a call of a
 * predicate of the file that returns one (`this.isAuthError(error)`), or a message that names one
 * (`error.message.includes('403')`): a test for client errors no retry repeats on.
 */
export function clientErrorComparison(node: TSESTree.Node, context?: Context, depth = 0): boolean {
  const test = unwrap(node);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return clientErrorComparison(test.left, context, depth) || clientErrorComparison(test.right, context, depth);
  // Every side a client error: `status === 401 || status === 403`.
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') return clientErrorComparison(test.left, context, depth) && clientErrorComparison(test.right, context, depth);
  if (test.type === AST_NODE_TYPES.Identifier && context && depth < 2) {
    const init = constInit(context, test);
    return init !== undefined && clientErrorComparison(init, context, depth + 1);
  }
  // `this.isAuthError(error)`: a predicate of the file whose every return is such a test.
  const predicate = test.type === AST_NODE_TYPES.CallExpression && context && depth < 2 ? localCallee(context, test.callee)?.fn : undefined;
  if (isFunctionNode(predicate)) {
    const returned = returnedValues(context!, predicate);
    return returned.length > 0 && returned.every((value) => value !== undefined && clientErrorComparison(value, context, depth + 1));
  }
  // A list looked up: `[401, 403].includes(status)`, every status listed a client error; or
  // `['totp-required', 'totp-invalid'].includes(errorType)`, every code listed a refused credential's, also held
  // in consts (`const totpInvalid = 'totp-invalid'; [totpInvalid, totpRequired]`, as Rocket.Chat writes it).
  if (test.type === AST_NODE_TYPES.CallExpression && test.callee.type === AST_NODE_TYPES.MemberExpression && memberName(test.callee) === 'includes') {
    const list = unwrap(test.callee.object);
    const listed = list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0 ? list.elements : undefined;
    if (!test.callee.computed && test.arguments[0] && readsStatus(test.arguments[0])) {
      const codes = listedStatuses(test, context);
      return codes !== undefined && codes.every(isClientError);
    }
    if (listed?.every((element) => {
      const code = element?.type === AST_NODE_TYPES.Identifier && context ? constInit(context, element) : element;
      return code?.type === AST_NODE_TYPES.Literal && typeof code.value === 'string' && AUTH_FAILURE_NAMES.codes.test(code.value);
    })) return true;
  }
  // `/401|403|Unauthorized|session.*expired/i.test(message)`: every alternative names a client error or a refused credential.
  if (test.type === AST_NODE_TYPES.CallExpression && test.callee.type === AST_NODE_TYPES.MemberExpression && memberName(test.callee) === 'test') {
    const pattern = unwrap(test.callee.object);
    if (pattern.type !== AST_NODE_TYPES.Literal || !('regex' in pattern) || /[()[\]]/.test(pattern.regex.pattern)) return false;
    return pattern.regex.pattern.split('|').every((alternative) => (/^4\d\d$/.test(alternative) && isClientError(Number(alternative))) || AUTH_FAILURE_NAMES.messages.test(alternative));
  }
  // `error.message.includes('403')`, `…includes('Unauthorized')`, `String(e.message).toLowerCase().includes('already
  // exists')`: the message names the client error, a refused credential or a conflict (a 409).
  const text = messageIncludes(test);
  if (text !== undefined) return (/^4\d\d$/.test(text) && isClientError(Number(text))) || AUTH_FAILURE_NAMES.messages.test(text) || CONFLICT_FAILURES.words.test(text);
  // `err.name === 'ValidationException'`, `error instanceof ValidationException`: an error the server names as a 400.
  if (test.type === AST_NODE_TYPES.BinaryExpression && test.operator === 'instanceof') {
    const named = unwrap(test.right);
    const name = named.type === AST_NODE_TYPES.Identifier ? named.name : named.type === AST_NODE_TYPES.MemberExpression ? memberName(named) : undefined;
    return name !== undefined && (CLIENT_ERROR_NAMES.pattern.test(name) || AUTH_FAILURE_NAMES.classes.test(name));
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '===' || test.operator === '==')) {
    const [read, literal] = test.right.type === AST_NODE_TYPES.Literal ? [unwrap(test.left), test.right] : [unwrap(test.right), test.left];
    if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' && read.type === AST_NODE_TYPES.MemberExpression
      && ['name', 'code', '__type'].includes(memberName(read) ?? '') && CLIENT_ERROR_NAMES.pattern.test(literal.value)) return true;
    // `error.kind === 'auth'`, `err.code === 'UNAUTHENTICATED'`: a refused credential, a 401 by name.
    if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' && read.type === AST_NODE_TYPES.MemberExpression
      && AUTH_FAILURE_NAMES.fields.includes(memberName(read) ?? '') && AUTH_FAILURE_NAMES.codes.test(literal.value)) return true;
    // `error.category === ErrorCategory.AUTHENTICATION`: the same, named by a member of the application's enum.
    const [classified, member] = isEnumMember(test.right) ? [unwrap(test.left), test.right] : isEnumMember(test.left) ? [unwrap(test.right), test.left] : [];
    if (classified?.type === AST_NODE_TYPES.MemberExpression && AUTH_FAILURE_NAMES.fields.includes(memberName(classified) ?? '')
      && AUTH_FAILURE_NAMES.codes.test(memberName(member!) ?? '')) return true;
  }
  const comparison = statusComparison(test);
  return comparison !== undefined && (comparison.operator === '===' || comparison.operator === '==') && isClientError(comparison.value);
}

/** `ErrorCategory.AUTHENTICATION`, `ErrorKind.Auth`: a member of a capitalised object, as TypeScript enums and their stand-ins are named. */
function isEnumMember(node: TSESTree.Node): node is TSESTree.MemberExpression {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.MemberExpression && !value.computed && value.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(value.object.name);
}

/**
 * Is `node` in the branch of an `if` (inside `root`) that tests for a client error, as in
 * `if (error.response?.status === 401) { …refresh the token…; return again(…); }`? Such a repeat follows a
 * correction; the server refused the first request, so it is no retry of a failure.
 */
export function underClientErrorTest(context: Context, node: TSESTree.Node, root: TSESTree.Node): boolean {
  if (underIfTest(node, root, (test) => clientErrorComparison(test, context))) return true;
  // `if (error.response?.status !== 401 || original._retry) return Promise.reject(error);` earlier in a block
  // that holds `node`: only the client error gets past it.
  for (let current: TSESTree.Node = node; current !== root && current.parent; current = current.parent) {
    const block = current.parent;
    if (block.type !== AST_NODE_TYPES.BlockStatement) continue;
    if (block.body.slice(0, block.body.indexOf(current as TSESTree.Statement)).some((statement) => exitsUnlessClientError(context, statement))) return true;
    if (block === root) break;
  }
  return false;
}

/** `if (status !== 401) throw error;`, `if (status !== 401 || retried) return reject(error);`: every other failure leaves. */
function exitsUnlessClientError(context: Context, statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !returnsOrThrows(statement.consequent)) return false;
  return logicalTerms(statement.test, '||').some((term) => {
    const value = unwrap(term);
    if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return clientErrorComparison(value.argument, context);
    const comparison = statusComparison(value);
    return comparison !== undefined && (comparison.operator === '!==' || comparison.operator === '!=') && isClientError(comparison.value);
  });
}
