import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { ANSWER_SUCCESS, HTTP_STATUS_NAMES, UNPROCESSED_FAILURES } from '../knowledge/retries';
import { mirroredOperator } from './ast-walk';
import { constInit, findVariable, logicalTerms, memberName, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Reading a response's status from the code: which expressions read it, what they compare it with, and
 * which response they read it from. The tests built on these (a failed attempt, a client error) are in
 * status-tests.ts.
 */

const STATUS_NAME = /status(?:code)?$/i;

/** `res.status`, `response.statusCode`, or a variable named `status`: a read of a response's status. */
export function readsStatus(node: TSESTree.Node): boolean {
  const value = numericRead(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) return STATUS_NAME.test(memberName(value) ?? '');
  return value.type === AST_NODE_TYPES.Identifier && STATUS_NAME.test(value.name);
}

/**
 * What `+err.response.status`, `Number(res.status)` or `parseInt(status, 10)` reads: a status compared as a
 * number is the same status.
 */
export function numericRead(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '+') return numericRead(value.argument);
  const [first] = value.type === AST_NODE_TYPES.CallExpression ? value.arguments : [];
  const parser = value.type === AST_NODE_TYPES.CallExpression ? unwrap(value.callee) : undefined;
  // `parseInt(s, 10)`, `Number(s)`, `Number.parseInt(s)`.
  const parses = parser?.type === AST_NODE_TYPES.Identifier ? NUMBER_PARSERS.has(parser.name)
    : parser?.type === AST_NODE_TYPES.MemberExpression && parser.object.type === AST_NODE_TYPES.Identifier && parser.object.name === 'Number' && memberName(parser) === 'parseInt';
  if (parses && first && first.type !== AST_NODE_TYPES.SpreadElement) return numericRead(first);
  return value;
}

const NUMBER_PARSERS = new Set(['Number', 'parseInt']);

/**
 * The response a test's operand reads: `res` of `res.status` or of `res.ok`, or of `const status =
 * res.status` / `const { status } = res`. Undefined when a `status` variable's source cannot be read.
 */
export function statusSource(context: Context, operand: TSESTree.Node): TSESTree.Node | undefined {
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

/** `res.status >= 500`, `500 <= statusCode`: the operator as if the status were on the left. */
export function statusComparison(node: TSESTree.Node): { operand: TSESTree.Node; operator: string; value: number } | undefined {
  const test = unwrap(node);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || test.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const [operand, bound, operator] = statusValue(test.right) !== undefined ? [test.left, test.right, test.operator] : [test.right, test.left, mirroredOperator(test.operator)];
  const value = statusValue(bound);
  if (value === undefined || !readsStatus(operand)) return undefined;
  return { operand: numericRead(operand), operator, value };
}

/** `401`, or a status named by its reason phrase in a constant table: `HttpStatus.UNAUTHORIZED`, `STATUS.TooManyRequests`. */
function statusValue(node: TSESTree.Node): number | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'number' ? value.value : undefined;
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || value.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return HTTP_STATUS_NAMES.codes[value.property.name.replace(/_/g, '').toLowerCase()];
}

/** A client error no retry repeats on: a 4xx but a timeout (408) or a refusal for now (429). */
export const isClientError = (value: unknown): boolean => typeof value === 'number' && value >= 400 && value < 500 && value !== 408 && value !== 429;

/**
 * A test that holds only when the server answered: `error.response`, `status === 503 || status === 504`,
 * `status >= 500` (alone or joined by `&&` with others), the message naming an error status
 * (`err.message.includes('503')`, `/50[0-9]/.test(err.message)`), or a `const` holding one of these.
 * A dropped connection has no status.
 */
export function holdsOnlyForResponse(context: Context, test: TSESTree.Node): boolean {
  return logicalTerms(test, '&&').some((term) => needsResponse(context, term, 0));
}

function needsResponse(context: Context, term: TSESTree.Node, depth: number): boolean {
  const value = unwrap(term);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return needsResponse(context, value.left, depth) && needsResponse(context, value.right, depth);
  // `err.statusCode && err.statusCode >= 500`: one part needs the answer.
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') return needsResponse(context, value.left, depth) || needsResponse(context, value.right, depth);
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberName(value) === 'response';
  // `const is5xx = /50[0-9]/.test(lastError.message)`, tested by its name.
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = depth < 2 ? constInit(context, value) : undefined;
    return init !== undefined && logicalTerms(init, '&&').some((part) => needsResponse(context, part, depth + 1));
  }
  if (value.type === AST_NODE_TYPES.CallExpression) {
    // `RETRY_STATUSES.has(status)` with a list of error statuses.
    const listed = membership(context, value);
    if (listed) return listed.values.every((each) => typeof each === 'number' && each >= 400) && (readsStatus(listed.read) || readMembers(context, listed.read)?.every((name) => STATUS_NAME.test(name)) === true);
    return messageNamesErrorStatus(context, value);
  }
  // `err.code === 'rate_limit'` (Stripe's 429), `e.errcode === 'M_LIMIT_EXCEEDED'`: a refusal named by a code only an answer carries.
  if (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '===' || value.operator === '==')) {
    const [read, named] = value.right.type === AST_NODE_TYPES.Literal ? [unwrap(value.left), value.right] : [unwrap(value.right), value.left];
    if (named.type === AST_NODE_TYPES.Literal && typeof named.value === 'string' && read.type === AST_NODE_TYPES.MemberExpression
      && [...UNPROCESSED_FAILURES.codeMembers, 'type'].includes(memberName(read) ?? '')
      && (UNPROCESSED_FAILURES.refusalMessage.test(named.value) || named.value === 'M_LIMIT_EXCEEDED')) return true;
  }
  const comparison = statusComparison(value);
  return comparison !== undefined && comparison.value >= 400 && ['===', '==', '>', '>='].includes(comparison.operator);
}

/** An HTTP error status as the message writes it: `'503'`, or a pattern of digits such as `50[0-9]` or `5\d\d`. */
const ERROR_STATUS_TEXT = /^[45](?:\d|\\d|\[[\d-]+\]){2}$/;

/**
 * `error.message.includes('503')`, `/50[0-9]|429/.test(error.message)`: a status only a server's answer
 * carries, read from the message a client made of it.
 */
function messageNamesErrorStatus(context: Context, call: TSESTree.CallExpression): boolean {
  const sought = messageSearch(context, call);
  return sought !== undefined && sought.texts.every((text) => ERROR_STATUS_TEXT.test(text));
}

/**
 * `response.data?.ok === true`, `body.result === 'success'`, `data.success`: the answer's own word that the
 * call succeeded (ANSWER_SUCCESS), for APIs that answer 200 to a failure. Not `chunk.done`: a stream's end.
 */
export function namesSuccessfulAnswer(test: TSESTree.Node): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.MemberExpression) return value.object.type !== AST_NODE_TYPES.ThisExpression && ANSWER_SUCCESS.truthyMembers.test(memberName(value) ?? '');
  if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '===' && value.operator !== '==')) return false;
  const [read, literal] = value.right.type === AST_NODE_TYPES.Literal ? [unwrap(value.left), value.right] : [unwrap(value.right), value.left];
  if (literal.type !== AST_NODE_TYPES.Literal || read.type !== AST_NODE_TYPES.MemberExpression || read.object.type === AST_NODE_TYPES.ThisExpression) {
    // `Number.parseInt(res.data.code) === 0`: the code read as a number.
    const code = numericRead(read);
    return literal.type === AST_NODE_TYPES.Literal && code !== read && namesZeroCode(code, literal.value);
  }
  return (ANSWER_SUCCESS.members.test(memberName(read) ?? '') && ANSWER_SUCCESS.values.includes(literal.value)) || namesZeroCode(read, literal.value);
}

/** `data.errcode === 0`: the body's error code says the call succeeded. */
function namesZeroCode(read: TSESTree.Node, value: unknown): boolean {
  return read.type === AST_NODE_TYPES.MemberExpression && read.object.type !== AST_NODE_TYPES.ThisExpression
    && ANSWER_SUCCESS.zeroCodes.test(memberName(read) ?? '') && (value === 0 || value === '0');
}

/**
 * The members a compared value reads: `e.response.status`, through `+`/`Number()`, a `const` that holds the
 * read (`const status = e?.response?.status`), and each side of a fallback (`err.statusCode ?? err.code`).
 * Undefined when any part is not a member read.
 */
export function readMembers(context: Context, read: TSESTree.Node, depth = 0): string[] | undefined {
  // `String(err.cause?.code ?? '')`: the member, made a string; an empty fallback matches no listed value.
  let value = uncoerced(numericRead(read));
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&' && value.right.type === AST_NODE_TYPES.Literal && value.right.value === '') value = unwrap(value.left);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value);
    return name === undefined ? undefined : [name];
  }
  if (value.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const init = constInit(context, value);
    return init && readMembers(context, init, depth + 1);
  }
  if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '&&') return undefined;
  const [left, right] = [readMembers(context, value.left, depth), readMembers(context, value.right, depth)];
  return left && right && [...left, ...right];
}

/**
 * `error.message`, a variable named for it (`const errorMessage = error instanceof Error ? error.message :
 * String(error)`, `msg`, `errorMsg`), or either lower- or upper-cased (`message.toLowerCase()`).
 */
export function readsMessage(context: Context, node: TSESTree.Node): boolean {
  // `String(error?.message || '')`: the message, made a string.
  let read = uncoerced(node);
  if (read.type === AST_NODE_TYPES.LogicalExpression && read.operator !== '&&' && read.right.type === AST_NODE_TYPES.Literal && typeof read.right.value === 'string') read = unwrap(read.left);
  if (read.type === AST_NODE_TYPES.CallExpression && read.callee.type === AST_NODE_TYPES.MemberExpression && /^to(?:Lower|Upper)Case$/.test(memberName(read.callee) ?? '')) read = unwrap(read.callee.object);
  const members = readMembers(context, read);
  return (members?.length === 1 && members[0] === 'message') || (read.type === AST_NODE_TYPES.Identifier && /(?:message|msg)$/i.test(read.name));
}

/**
 * `RETRY_STATUSES.has(status)`, `['ECONNREFUSED', 'ENOTFOUND'].includes(err.code)`: the value tested and the
 * literals of the list it is looked up in (an array or `new Set([…])`, written there or in a `const`).
 */
export function membership(context: Context, call: TSESTree.CallExpression): { read: TSESTree.Node; values: unknown[] } | undefined {
  const callee = call.callee;
  const read = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !read || read.type === AST_NODE_TYPES.SpreadElement || !['has', 'includes'].includes(memberName(callee) ?? '')) return undefined;
  let list = unwrap(callee.object);
  if (list.type === AST_NODE_TYPES.Identifier) list = unwrap(constInit(context, list) ?? list);
  if (list.type === AST_NODE_TYPES.NewExpression && list.callee.type === AST_NODE_TYPES.Identifier && list.callee.name === 'Set' && list.arguments[0]) list = unwrap(list.arguments[0]);
  if (list.type !== AST_NODE_TYPES.ArrayExpression || list.elements.length === 0) return undefined;
  const values = list.elements.map((element) => (element?.type === AST_NODE_TYPES.Literal ? element.value : undefined));
  return values.every((each) => each !== undefined) ? { read, values } : undefined;
}

/**
 * What a test looks for in an error's message: `/50[0-9]|rate limit/i.test(error.message)` (the pattern as
 * written, and its alternatives) or `message.includes('429')` (the text). Undefined for any other call.
 */
export function messageSearch(context: Context, call: TSESTree.CallExpression): { pattern?: string; texts: string[] } | undefined {
  const callee = call.callee;
  const argument = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const pattern = unwrap(callee.object);
  if (memberName(callee) === 'test' && pattern.type === AST_NODE_TYPES.Literal && 'regex' in pattern) {
    return readsMessage(context, argument) ? { pattern: pattern.regex.pattern, texts: pattern.regex.pattern.split('|') } : undefined;
  }
  if (memberName(callee) !== 'includes' || argument.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
  return readsMessage(context, callee.object) ? { texts: [argument.value] } : undefined;
}

/** `String(x)`: what is made a string. */
function uncoerced(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  const coerces = value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'String' && value.arguments.length === 1;
  return coerces ? unwrap(value.arguments[0]!) : value;
}

/** The class an `instanceof` names: `TimeoutError`, or `Stripe.errors.StripeRateLimitError`'s last member. */
export function errorClassName(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : undefined;
}
