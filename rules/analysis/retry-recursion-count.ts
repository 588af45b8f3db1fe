import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, isFunctionNode, type FunctionNode } from './ast-walk';
import { isIdentifierNamed, logicalTerms, unwrap } from './origin';
import { alwaysExits } from './retry-paths';
import { numericValue, type Attempts } from './retry-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A test of the counter's value. */
type CounterTest = (value: number) => boolean;

/** Counters are followed this many steps; a recursion that runs longer is read as unbounded by its tests. */
const MAX_STEPS = 1000;

/**
 * What a recursive call passes to the function's parameters: a timer that runs the function by reference
 * (`setTimeout(this.save, 2000, currency, data)`) passes what follows the delay.
 */
export function passedArguments(call: TSESTree.CallExpression): TSESTree.CallExpressionArgument[] {
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  const byReference = call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'setTimeout' && first !== undefined && !isFunctionNode(first);
  return byReference ? call.arguments.slice(2) : call.arguments;
}

/**
 * How many attempts a counted recursion makes at most: `again(url, tries + 1)` in `again(url, tries = 0)`,
 * which leaves at `if (tries > 3) return false` (4 attempts) or recurses only under `if (tries < 2)`
 * (3 attempts). The counter's start is the parameter's default; exits are the function's own top-level
 * `if`s that always leave; guards are the `if`s the recursive call sits in. Unknown for any other shape.
 */
export function recursionAttempts(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): Attempts {
  for (const [index, argument] of passedArguments(call).entries()) {
    const param = fn.params[index];
    if (param?.type !== AST_NODE_TYPES.AssignmentPattern || param.left.type !== AST_NODE_TYPES.Identifier) continue;
    const name = param.left.name;
    const step = counterStep(context, argument, name) ?? stepBeforeCall(context, call, argument, name);
    const start = numericValue(context, param.right);
    if (step === undefined || start === undefined) continue;
    const exits = exitTests(context, fn, call, name);
    const guards = guardTests(context, call, fn, name);
    if (exits.length === 0 && guards.length === 0) continue;
    let value = start;
    for (let attempts = 0; attempts < MAX_STEPS; attempts++) {
      if (exits.some((exit) => exit(value))) return { kind: 'finite', attempts };
      if (!guards.every((guard) => guard(value))) return { kind: 'finite', attempts: attempts + 1 };
      value += step;
    }
  }
  return { kind: 'unknown' };
}

/** `tries + 1`, `tries - 1`, `1 + tries`: how the call moves the counter, or undefined. */
function counterStep(context: Context, argument: TSESTree.Node, name: string): number | undefined {
  const value = unwrap(argument);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '+' && value.operator !== '-')) return undefined;
  const [counter, amount] = isIdentifierNamed(value.left, name) ? [value.left, value.right] : value.operator === '+' ? [value.right, value.left] : [undefined, undefined];
  const step = counter && isIdentifierNamed(counter, name) ? numericValue(context, amount!) : undefined;
  if (step === undefined || step === 0 || !Number.isFinite(step)) return undefined;
  return value.operator === '+' ? step : -step;
}

/**
 * `tries++; return again(url, tries)`, `retry += 1; … again(url, retry)`: the counter the call passes, moved
 * by a statement before it in the blocks that hold the call. The step, or undefined. Counting attempts
 * (`name` given), only a move after any test the call is under counts: that test then reads the value
 * before the move, as with `again(url, tries + 1)`.
 */
export function stepBeforeCall(context: Context, call: TSESTree.CallExpression, argument: TSESTree.Node, name = ''): number | undefined {
  const passed = unwrap(argument);
  if (passed.type !== AST_NODE_TYPES.Identifier || (name !== '' && passed.name !== name)) return undefined;
  for (let current: TSESTree.Node = call; current.parent && !isFunctionNode(current); current = current.parent) {
    // A move before the `if` the call is under is read by its test: `tries++; if (tries < 3) again(tries)`.
    if (current.type === AST_NODE_TYPES.IfStatement && name !== '') return undefined;
    const block = current.parent;
    if (block.type !== AST_NODE_TYPES.BlockStatement) continue;
    const before = block.body.slice(0, block.body.indexOf(current as TSESTree.Statement)).reverse();
    for (const statement of before) {
      const step = statement.type === AST_NODE_TYPES.ExpressionStatement ? moveOf(context, statement.expression, passed.name) : undefined;
      if (step !== undefined) return step;
    }
  }
  return undefined;
}

/** `n++`, `--n`, `n += 2`, `n -= 1`, `n = n + 1`: how far the expression moves `name`. */
function moveOf(context: Context, expression: TSESTree.Expression, name: string): number | undefined {
  if (expression.type === AST_NODE_TYPES.UpdateExpression) return isIdentifierNamed(expression.argument, name) ? (expression.operator === '++' ? 1 : -1) : undefined;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || !isIdentifierNamed(expression.left, name)) return undefined;
  if (expression.operator === '=') return counterStep(context, expression.right, name);
  const amount = expression.operator === '+=' || expression.operator === '-=' ? numericValue(context, expression.right) : undefined;
  if (amount === undefined || amount === 0 || !Number.isFinite(amount)) return undefined;
  return expression.operator === '+=' ? amount : -amount;
}

/** `if (tries > 3) return false;` among the function's own statements, before the recursive call: each leaves when it holds. */
function exitTests(context: Context, fn: FunctionNode, call: TSESTree.CallExpression, name: string): CounterTest[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const tests: CounterTest[] = [];
  for (const statement of fn.body.body) {
    if (statement.range[0] > call.range[0]) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement || contains(statement, call) || !alwaysExits(statement.consequent)) continue;
    // `if (!id || tries > 3)`: any one term leaves, so the counter's term alone is an exit.
    tests.push(...logicalTerms(statement.test, '||').map((term) => comparison(context, term, name)).filter((test) => test !== undefined));
  }
  return tests;
}

/** `if (tries < 2) { … again(tries + 1) }`: the tests the call is under, each of which must hold to recurse. */
function guardTests(context: Context, call: TSESTree.CallExpression, fn: FunctionNode, name: string): CounterTest[] {
  const tests: CounterTest[] = [];
  for (let current: TSESTree.Node = call; current !== fn && current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== current) continue;
    tests.push(...logicalTerms(parent.test, '&&').map((term) => comparison(context, term, name)).filter((test) => test !== undefined));
  }
  return tests;
}

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '>': (a, b) => a > b, '>=': (a, b) => a >= b, '<': (a, b) => a < b, '<=': (a, b) => a <= b,
  '===': (a, b) => a === b, '==': (a, b) => a === b, '!==': (a, b) => a !== b, '!=': (a, b) => a !== b,
};

/** `tries > 3`, `3 <= tries`, `tries === 5`: the counter compared with a number. */
function comparison(context: Context, term: TSESTree.Node, name: string): CounterTest | undefined {
  if (term.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const compare = COMPARE[term.operator];
  const onLeft = isIdentifierNamed(term.left, name);
  const limit = onLeft ? numericValue(context, term.right) : isIdentifierNamed(term.right, name) ? numericValue(context, term.left) : undefined;
  if (!compare || limit === undefined) return undefined;
  return (value) => (onLeft ? compare(value, limit) : compare(limit, value));
}
