import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains } from './ast-walk';
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
  const counted = testAttempts(context, loop);
  return counted.kind === 'unknown' && handler ? catchExitAttempts(context, loop, handler) : counted;
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
  const count = test.operator === '<' ? end - start : test.operator === '<=' ? end - start + 1 : undefined;
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
 * a parameter's `maxRetries = 3`): the count when the caller sets none, which is what the nesting multiplies.
 */
function countOrDefault(context: Context, node: TSESTree.Node, depth = 0): number | undefined {
  const written = numericValue(context, node);
  if (written !== undefined || depth > 2) return written;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||')) return numericValue(context, value.right);
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(context, value)?.defs[0];
  const pattern = def?.type === 'Parameter' && def.name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? def.name.parent : undefined;
  if (pattern && pattern.left === def?.name) return numericValue(context, pattern.right);
  const init = constInit(context, value);
  return init ? countOrDefault(context, init, depth + 1) : undefined;
}
