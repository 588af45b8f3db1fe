import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, enclosingFunction, enclosingStatement, isFunctionNode, parameterIndex, walkSameFunction, type FunctionNode } from './ast-walk';
import { findVariable, isNullish, singleAssignmentInit, unwrap } from './origin';
import { localCallee } from './local-callees';
import { isOneShotFallback, recursionBounded } from './retry-recursion-bounds';
import { immediateRecursion, rejectionCallback } from './retry-self-calls';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';
import { statusComparison, statusSource } from './status-reads';
import type { StatusTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type FailureValue = 'null' | 'undefined' | 'false';
const FALSY: readonly FailureValue[] = ['null', 'undefined', 'false'];

/**
 * Recursion on a failure value: a helper of this file signals a failed attempt by returning null, undefined
 * or false (from the catch around its remote call, or for a 5xx response), and its caller recurses, or
 * schedules itself, when it sees that value:
 *
 *     const res = await makeRequest(url);          // returns null on a network error or a 5xx
 *     if (res === null) return this.run(url, ++n);  // the retry
 *
 *     const ok = await this.fetchRanking();        // returns false from its catch
 *     if (ok) this.scheduleNext(); else setTimeout(() => this.executeTask(), 600_000);
 *
 * The scope's body is the attempt that failed (the helper's try block, or the call that produced the
 * response whose status was checked), so the remote check and reach see the call that is repeated.
 */

/**
 * A status comparison that means a server error: `x.status >= 500`, `status > 499`, `500 <= res.statusCode`,
 * or one conjunct of `&&` (`status >= 500 && status < 600`). Returns the status operand.
 */
function serverErrorOperand(test: TSESTree.Expression): TSESTree.Node | undefined {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return serverErrorOperand(test.left) ?? serverErrorOperand(test.right);
  const comparison = statusComparison(test);
  const lowest = comparison?.operator === '>=' ? comparison.value : comparison?.operator === '>' ? comparison.value + 1 : undefined;
  return lowest !== undefined && lowest >= 500 && lowest < 600 ? comparison!.operand : undefined;
}

/**
 * The code that produced `value`: the call, or a single-assignment variable's declaration. When that call
 * is to a function of this file (`await makeRequest(url)`), its body: the remote call is written there.
 */
function producer(context: Context, value: TSESTree.Node): TSESTree.Node | undefined {
  let target = unwrap(value);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, target);
    const init = variable && singleAssignmentInit(variable);
    if (!init) return undefined;
    target = unwrap(init);
  }
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const local = localCallee(context, target.callee);
  if (local && isFunctionNode(local.fn) && !contains(local.fn, target)) return local.fn.body;
  return enclosingStatement(target) ?? target;
}

/**
 * The call that produced the response whose status the helper checked: `res` in `res.status`, or in
 * `const status = res.status` / `const { status } = res`; a parameter of the helper is followed to the
 * argument its caller passed.
 */
function responseAttempt(context: Context, operand: TSESTree.Node, helper: FunctionNode, helperCall: TSESTree.CallExpression): TSESTree.Node | undefined {
  const response = statusSource(context, operand);
  if (!response) return undefined;
  const target = unwrap(response);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, target)?.defs[0];
    if (def?.type === 'Parameter' && def.node === helper) {
      const argument = helperCall.arguments[parameterIndex(helper, target.name)];
      return argument && producer(context, argument);
    }
  }
  return producer(context, target);
}

function returnedFailure(statement: TSESTree.ReturnStatement): FailureValue | undefined {
  return failureValueOf(statement.argument);
}

function failureValueOf(expression: TSESTree.Node | null | undefined): FailureValue | undefined {
  const argument = expression && unwrap(expression);
  if (!argument) return 'undefined';
  if (argument.type === AST_NODE_TYPES.Literal && argument.value === null && !('regex' in argument)) return 'null';
  if (argument.type === AST_NODE_TYPES.Literal && argument.value === false) return 'false';
  if (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined') return 'undefined';
  if (argument.type === AST_NODE_TYPES.UnaryExpression && argument.operator === 'void') return 'undefined';
  return undefined;
}

/**
 * Where the helper returns one of `values` on a failed attempt, and what that attempt was: the try block
 * whose catch returns it, or the response whose 5xx status made it return it. The remote check
 * (retry-remote.ts) then asks whether that attempt reaches a remote service.
 */
function failedAttempt(context: Context, helper: FunctionNode, values: ReadonlySet<FailureValue>, helperCall: TSESTree.CallExpression): { attempt: TSESTree.Node; value: FailureValue } | undefined {
  let found: { attempt: TSESTree.Node; value: FailureValue } | undefined;
  walkSameFunction(context.sourceCode, helper.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
    const value = returnedFailure(node);
    if (!value || !values.has(value)) return undefined;
    for (let child: TSESTree.Node = node, parent: TSESTree.Node | undefined = node.parent; parent && parent !== helper; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CatchClause && parent.parent.type === AST_NODE_TYPES.TryStatement) {
        found = { attempt: parent.parent.block, value };
        break;
      }
      const operand = parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent ? serverErrorOperand(parent.test) : undefined;
      if (operand) {
        const attempt = responseAttempt(context, operand, helper, helperCall) ?? enclosingStatement(helperCall);
        if (attempt) found = { attempt, value };
        break;
      }
    }
    return undefined;
  });
  return found;
}

/**
 * `request.catch(() => null)`, `.catch(() => {})`, `request.then(() => true, () => false)`: a request whose
 * failure is turned into a value right where it is made, and that value. The handler must give it on
 * every path: an expression, or a block whose only return (or none, for undefined) is its last statement.
 */
function inlineFailure(context: Context, call: TSESTree.CallExpression): { attempt: TSESTree.Node; value: FailureValue; via: string } | undefined {
  const rejection = rejectionCallback(call);
  if (!rejection) return undefined;
  const handler = rejection.handler;
  let value: FailureValue | undefined;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) value = failureValueOf(handler.body);
  else {
    const returns: TSESTree.ReturnStatement[] = [];
    walkSameFunction(context.sourceCode, handler.body, (node) => void (node.type === AST_NODE_TYPES.ReturnStatement && returns.push(node)));
    const last = handler.body.body[handler.body.body.length - 1];
    if (returns.length === 0) value = 'undefined';
    else if (returns.length === 1 && last === returns[0]) value = returnedFailure(returns[0]);
  }
  return value && { attempt: rejection.promise, value, via: rejection.byCatch ? '.catch()' : '.then()' };
}

/**
 * The call a variable holds, given once: `const res = await send(p)`, `const res = await send(p).catch(() =>
 * null)`, or a placeholder then one call: `let success = false; … success = await deliver(url)`.
 */
function heldCall(context: Context, variable: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  const found = findVariable(context, variable);
  if (!found) return undefined;
  const init = singleAssignmentInit(found);
  if (init) {
    const call = unwrap(init);
    return call.type === AST_NODE_TYPES.CallExpression ? call : undefined;
  }
  const writes = found.references.flatMap((reference) => (reference.writeExpr ? [unwrap(reference.writeExpr)] : []));
  const calls = writes.filter((written): written is TSESTree.CallExpression => written.type === AST_NODE_TYPES.CallExpression);
  return calls.length === 1 && writes.every((written) => written === calls[0] || isNullish(written) || (written.type === AST_NODE_TYPES.Literal && !written.value)) ? calls[0] : undefined;
}

/**
 * `call` calls a helper of this file (not the function it is made in) that returns one of `values` on a
 * failed attempt: that attempt, the value, and the helper's name.
 */
function helperFailure(context: Context, call: TSESTree.CallExpression, values: ReadonlySet<FailureValue>): { attempt: TSESTree.Node; value: FailureValue; name: string } | undefined {
  const helper = localCallee(context, call.callee);
  if (!helper || !isFunctionNode(helper.fn) || contains(helper.fn, call)) return undefined;
  const failed = failedAttempt(context, helper.fn, values, call);
  return failed && { ...failed, name: helper.name };
}

/**
 * A test of a value that an inline \`.catch()\` gave (\`if (res) return res;\`, \`if (!ok) continue;\`), or that a
 * helper of this file returns on a failed attempt (\`const result = await sendMessage(to); if (result) return;\`),
 * read as a status test is: it holds for a failed attempt or for a good one. For the loops of retry-status.ts.
 */
export function failureValueTest(context: Context, test: TSESTree.Expression): StatusTest | undefined {
  const tested = testedFailure(test);
  const call = tested && heldCall(context, tested.variable);
  const value = call && (inlineFailure(context, call)?.value ?? helperFailure(context, call, tested.values)?.value);
  if (!tested || !value || !tested.values.has(value)) return undefined;
  return { holdsFor: tested.branch === 'consequent' ? 'failure' : 'success', operands: [tested.variable], unprocessedOnly: false };
}

/**
 * `v === null`, `v == null`, `v === undefined`, `v === void 0`, `v === false`, `!v` (either side): the
 * variable, the values the test catches, and the branch they take; `if (v) … else …` and `if (v !== null)
 * … else …` take the `else`.
 */
function testedFailure(test: TSESTree.Expression): { variable: TSESTree.Identifier; values: Set<FailureValue>; branch: 'consequent' | 'alternate' } | undefined {
  // `!res && attempt < 3`: the branch runs on the failure, when the other term allows it.
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    const [left, right] = [testedFailure(test.left), testedFailure(test.right)];
    return left?.branch === 'consequent' && !right ? left : right?.branch === 'consequent' && !left ? right : undefined;
  }
  if (test.type === AST_NODE_TYPES.Identifier && test.name !== 'undefined') return { variable: test, values: new Set(FALSY), branch: 'alternate' };
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Identifier) {
    return { variable: test.argument, values: new Set(FALSY), branch: 'consequent' };
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(test.operator)) return undefined;
  const [variable, other] = test.left.type === AST_NODE_TYPES.Identifier && test.left.name !== 'undefined' ? [test.left, test.right] : [test.right, test.left];
  if (variable.type !== AST_NODE_TYPES.Identifier) return undefined;
  const compared = other.type === AST_NODE_TYPES.Literal && other.value === null && !('regex' in other) ? 'null'
    : other.type === AST_NODE_TYPES.Literal && other.value === false ? 'false'
    : (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined') || (other.type === AST_NODE_TYPES.UnaryExpression && other.operator === 'void') ? 'undefined' : undefined;
  if (!compared) return undefined;
  const loose = test.operator === '==' || test.operator === '!=';
  const values = loose && compared !== 'false' ? new Set<FailureValue>(['null', 'undefined']) : new Set<FailureValue>([compared]);
  // `if (res !== undefined) return res;`: the failure takes the other branch.
  return { variable, values, branch: test.operator.startsWith('!') ? 'alternate' : 'consequent' };
}

/** `if (res === null) return run(url, ++retries)` inside `run`, where `res` holds what a helper of this file returned. */
export function failureValueRecursion(context: Context, statement: TSESTree.IfStatement): RetryScope | undefined {
  const tested = testedFailure(statement.test);
  const fn = tested && enclosingFunction(statement);
  const branch = tested && (tested.branch === 'alternate' ? statement.alternate : statement.consequent);
  if (!fn || !branch) return undefined;
  const found = immediateRecursion(context, branch, fn);
  if (!found || isOneShotFallback(found.call, fn)) return undefined;
  const helperCall = heldCall(context, tested.variable);
  if (!helperCall || enclosingFunction(helperCall) !== fn) return undefined;
  // `const res = await send(body).catch(() => null); if (!res) return again(body, n + 1);`
  const inline = inlineFailure(context, helperCall);
  if (inline) {
    if (!tested.values.has(inline.value)) return undefined;
    return {
      kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled ' : ''}when ${inline.via} turns a failure into ${inline.value}`, node: found.call, body: inline.attempt,
      attempts: { kind: 'unknown' }, bounded: recursionBounded(context, found.call, branch, fn), waits: found.waits || awaitsWait(context, branch), failurePath: branch,
    };
  }
  const failed = helperFailure(context, helperCall, tested.values);
  if (!failed) return undefined;
  return {
    kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled ' : ''}when ${failed.name}() returns ${failed.value}`, node: found.call, body: failed.attempt,
    attempts: { kind: 'unknown' }, bounded: recursionBounded(context, found.call, branch), waits: found.waits || awaitsWait(context, branch), failurePath: branch,
  };
}
