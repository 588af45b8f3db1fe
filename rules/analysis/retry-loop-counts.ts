import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, isFunctionNode, parameterIndex, walk } from './ast-walk';
import { constInit, findVariable, unwrap } from './origin';
import { alwaysExits, counters, type Loop } from './retry-paths';
import { numericValue, type Attempts } from './retry-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How many attempts a counted loop makes, for the nesting's product: from the loop's test, or from the exit
 * its catch takes when a counter runs out. Unknown when neither reads plainly; the loop may still be
 * bounded (retry-paths.ts decides that), it is only not multiplied.
 */
export function loopAttempts(context: Context, loop: Loop, handler?: TSESTree.CatchClause): Attempts {
  let counted = testAttempts(context, loop);
  if (counted.kind === 'unknown') counted = countDownAttempts(context, loop);
  return counted.kind === 'unknown' && handler ? catchExitAttempts(context, loop, handler) : counted;
}

/**
 * `for (let i = 0; i < maxRetries; i++)` in `withBackoff(fn, maxRetries = 3)`, called as `withBackoff(fn, 1)`:
 * the attempts that call makes, when the loop's bound is a parameter of `owner` and the call passes a number.
 */
export function passedLoopAttempts(context: Context, loop: TSESTree.Node, owner: TSESTree.Node, call: TSESTree.CallExpression): number | undefined {
  if (loop.type !== AST_NODE_TYPES.ForStatement || !isFunctionNode(owner)) return undefined;
  const test = loop.test && unwrap(loop.test);
  const declarator = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? loop.init.declarations[0] : undefined;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.Identifier || test.right.type !== AST_NODE_TYPES.Identifier
    || declarator?.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== test.left.name || !declarator.init) return undefined;
  const index = parameterIndex(owner, test.right.name);
  const passed = index === -1 ? undefined : call.arguments[index];
  const end = passed && passed.type !== AST_NODE_TYPES.SpreadElement ? numericValue(context, passed) : undefined;
  const start = numericValue(context, declarator.init);
  return end === undefined || start === undefined ? undefined : countedUpTo(start, end, test.operator);
}

/** The rounds `for (let i = start; i < end; i++)` makes (`<=`: one more); undefined for another test. */
function countedUpTo(start: number, end: number, operator: string): number | undefined {
  return operator === '<' ? end - start : operator === '<=' ? end - start + 1 : undefined;
}

/**
 * `let retries = 4; while (retries > 0) { … retries-- … }` (or `while (retries)`, `retries !== 0`,
 * `retries >= 1`): a counter declared before the loop and only counted down in it, from a literal.
 */
function countDownAttempts(context: Context, loop: Loop): Attempts {
  const test = loop.test && unwrap(loop.test);
  const counter = test?.type === AST_NODE_TYPES.Identifier ? test : test?.type === AST_NODE_TYPES.BinaryExpression && test.left.type === AST_NODE_TYPES.Identifier ? test.left : undefined;
  if (!counter || !test || loop.type === AST_NODE_TYPES.ForStatement) return { kind: 'unknown' };
  const declarator = outerDeclarator(context, counter, loop);
  const start = declarator?.init ? numericValue(context, declarator.init) : undefined;
  if (start === undefined || !countsDown(context, loop.body, counter.name)) return { kind: 'unknown' };
  const floor = test.type === AST_NODE_TYPES.BinaryExpression ? numericValue(context, test.right) : 0;
  const operator = test.type === AST_NODE_TYPES.BinaryExpression ? test.operator : '!==';
  const count = floor === undefined ? undefined : operator === '>' || operator === '!==' || operator === '!=' ? start - floor : operator === '>=' ? start - floor + 1 : undefined;
  return count !== undefined && count > 0 ? { kind: 'finite', attempts: count } : { kind: 'unknown' };
}

/** `retries--`, `--retries`, `retries -= 1` in the loop, and no write that counts it up or sets it. */
function countsDown(context: Context, body: TSESTree.Node, name: string): boolean {
  let down = false;
  let other = false;
  walk(context.sourceCode, body, (node) => {
    if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier && node.argument.name === name) {
      if (node.operator === '--') down = true;
      else other = true;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name) {
      if (node.operator === '-=' && numericValue(context, node.right) === 1) down = true;
      else other = true;
    }
    return undefined;
  });
  return down && !other;
}

/**
 * `for (let attempt = a; attempt < b; attempt++)` with literals: b − a attempts (or b − a + 1 for `<=`); also
 * `let attempt = a; while (attempt < b) { … attempt++ … }`, the counter declared before the loop and moved on
 * in it.
 */
function testAttempts(context: Context, loop: Loop): Attempts {
  const test = loop.test && unwrap(loop.test);
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.Identifier) return { kind: 'unknown' };
  const counter = test.left.name;
  let init: TSESTree.Expression | null | undefined;
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const declarator = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? loop.init.declarations[0] : undefined;
    if (declarator?.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== counter) return { kind: 'unknown' };
    init = declarator.init;
  } else {
    const declarator = outerDeclarator(context, test.left, loop);
    if (!declarator || !counters(context, loop.body).has(counter)) return { kind: 'unknown' };
    init = declarator.init;
  }
  const start = init ? numericValue(context, init) : undefined;
  const end = countOrDefault(context, test.right);
  if (start === undefined || end === undefined || !Number.isFinite(end)) return { kind: 'unknown' };
  const count = countedUpTo(start, end, test.operator);
  return count !== undefined && count > 0 ? { kind: 'finite', attempts: count } : { kind: 'unknown' };
}

/**
 * `let attempt = 0; while (true) { try { … } catch (e) { attempt++; if (attempt > maxRetries) throw e; … } }`:
 * the counter moved on by one in the catch, then tested by an exit, makes the k-th failure see start + k,
 * so `>` leaves after end − start + 1 attempts and `>=` or `===` after end − start.
 */
function catchExitAttempts(context: Context, loop: Loop, handler: TSESTree.CatchClause): Attempts {
  const statements = handler.body.body;
  for (const [index, statement] of statements.entries()) {
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !alwaysExits(statement.consequent)) continue;
    const test = unwrap(statement.test);
    if (test.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.Identifier) continue;
    const counter = test.left.name;
    if (!statements.slice(0, index).some((earlier) => movesOnByOne(earlier, counter))) continue;
    const declarator = outerDeclarator(context, test.left, loop);
    const start = declarator?.init ? numericValue(context, declarator.init) : undefined;
    const end = countOrDefault(context, test.right);
    if (start === undefined || end === undefined || !Number.isFinite(end)) continue;
    const count = test.operator === '>' ? end - start + 1 : test.operator === '>=' || test.operator === '===' ? end - start : undefined;
    if (count !== undefined && count > 0) return { kind: 'finite', attempts: count };
  }
  return { kind: 'unknown' };
}

/** `attempt++;`, `++attempt;` or `attempt += 1;` as a statement of its own. */
function movesOnByOne(statement: TSESTree.Statement, counter: string): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  if (expression.type === AST_NODE_TYPES.UpdateExpression) return expression.operator === '++' && expression.argument.type === AST_NODE_TYPES.Identifier && expression.argument.name === counter;
  return expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '+=' && expression.left.type === AST_NODE_TYPES.Identifier
    && expression.left.name === counter && expression.right.type === AST_NODE_TYPES.Literal && expression.right.value === 1;
}

/** The declaration of a counter made before the loop (not inside it, where each round would reset it). */
function outerDeclarator(context: Context, counter: TSESTree.Identifier, loop: Loop): TSESTree.VariableDeclarator | undefined {
  const def = findVariable(context, counter)?.defs[0];
  const declarator = def?.type === 'Variable' ? def.node : undefined;
  return declarator && !contains(loop, declarator) ? declarator : undefined;
}

/**
 * A bound as written, or the default a caller's setting falls back to (`const max = opts?.maxRetries ?? 5`,
 * a parameter's `maxRetries = 3`): the count when the caller sets none, which is what the nesting multiplies;
 * the larger of a conditional's two (`safe ? 2 : 1`).
 */
function countOrDefault(context: Context, node: TSESTree.Node, depth = 0): number | undefined {
  const written = numericValue(context, node);
  if (written !== undefined || depth > 2) return written;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||')) return numericValue(context, value.right);
  // `attempt < (safe ? 2 : 1)`: at most the larger, the worst case.
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    const [consequent, alternate] = [countOrDefault(context, value.consequent, depth + 1), countOrDefault(context, value.alternate, depth + 1)];
    return consequent === undefined || alternate === undefined ? undefined : Math.max(consequent, alternate);
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(context, value)?.defs[0];
  const pattern = def?.type === 'Parameter' && def.name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? def.name.parent : undefined;
  if (pattern && pattern.left === def?.name) return numericValue(context, pattern.right);
  const init = constInit(context, value);
  return init ? countOrDefault(context, init, depth + 1) : undefined;
}
