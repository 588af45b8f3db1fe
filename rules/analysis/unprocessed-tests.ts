import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { UNPROCESSED_FAILURES } from '../knowledge/retries';
import { contains, isFunctionNode, soleReturned } from './ast-walk';
import { memberName, unwrap } from './origin';
import { numericRead } from './status-tests';

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
  return comparesUnprocessed(value.left, value.right) || comparesUnprocessed(value.right, value.left);
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

/** `if (e.status !== 429) throw e;`, `if (!(…429…)) { log(e); return reject(e); }`: every other failure leaves here. */
export function exitsUnlessUnprocessed(context: Context, statement: TSESTree.Statement): boolean {
  const last = branchUnlessUnprocessed(context, statement)?.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/**
 * `e.statusCode === 429`, `err.code === 'ECONNREFUSED'`, `error.message.includes('429')` (alone or after
 * `error instanceof Error &&`), or an `||` of such tests.
 */
export function isUnprocessedTest(context: Context, test: TSESTree.Node): boolean {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '||') return isUnprocessedTest(context, value.left) && isUnprocessedTest(context, value.right);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&' && value.left.type === AST_NODE_TYPES.BinaryExpression && value.left.operator === 'instanceof') return isUnprocessedTest(context, value.right);
  if (value.type === AST_NODE_TYPES.CallExpression) return messageNamesUnprocessed(value);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '===' && value.operator !== '==')) return false;
  return comparesUnprocessed(value.left, value.right) || comparesUnprocessed(value.right, value.left);
}

function comparesUnprocessed(read: TSESTree.Node, literal: TSESTree.Node): boolean {
  const member = numericRead(read);
  if (member.type !== AST_NODE_TYPES.MemberExpression || literal.type !== AST_NODE_TYPES.Literal) return false;
  const name = memberName(member);
  if (typeof literal.value === 'number') return (UNPROCESSED_FAILURES.statusMembers as readonly string[]).includes(name ?? '') && (UNPROCESSED_FAILURES.statuses as readonly number[]).includes(literal.value);
  if (typeof literal.value === 'string') return (UNPROCESSED_FAILURES.codeMembers as readonly string[]).includes(name ?? '') && (UNPROCESSED_FAILURES.codes as readonly string[]).includes(literal.value);
  return false;
}

/** `error.message.includes('429')`: the message names a refused status or code. */
function messageNamesUnprocessed(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'includes' || callee.object.type !== AST_NODE_TYPES.MemberExpression || memberName(callee.object) !== 'message') return false;
  const text = call.arguments[0]?.type === AST_NODE_TYPES.Literal ? call.arguments[0].value : undefined;
  return (UNPROCESSED_FAILURES.statuses as readonly number[]).some((status) => text === String(status)) || (UNPROCESSED_FAILURES.codes as readonly string[]).includes(String(text));
}
