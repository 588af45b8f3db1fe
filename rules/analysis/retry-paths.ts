import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calleeName, identifiersIn, isFunctionNode, walk, walkSameFunction } from './ast-walk';
import { localCallee } from './local-callees';
import { constInit, findVariable, isIdentifierNamed, memberName, unwrap } from './origin';
import { THROWING_HELPER_NAME } from '../knowledge/retries';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * How a failure path leaves a retry or goes round it: the exits and continues of a statement, the counters a
 * loop keeps and the bounds they (or the clock) set (the attempts a counted loop makes are in
 * retry-loop-counts.ts). Loops (retry-loops.ts), status and value retries (retry-status.ts) and recursion
 * (retry-recursion.ts) all read their failure paths with these.
 */

export type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

/** Does every path through `statement` leave it by throw, return or break (not by falling through or `continue`)? */
export function alwaysExits(statement: TSESTree.Statement | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.ExpressionStatement: {
      const call = unwrap(statement.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      // `process.exit(1)` ends the loop with the program.
      if (call.callee.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(call.callee.object, 'process') && calleeName(call.callee) === 'exit') return true;
      const name = calleeName(call.callee);
      return name !== undefined && THROWING_HELPER_NAME.test(name);
    }
    case AST_NODE_TYPES.BlockStatement: {
      // `{ if (transient) continue; throw error; }` goes round again before it reaches the throw.
      return leavesBeforeGoingRound(statement.body, alwaysExits);
    }
    case AST_NODE_TYPES.IfStatement:
      return alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    case AST_NODE_TYPES.TryStatement:
      return alwaysExits(statement.finalizer) || (alwaysExits(statement.block) && (!statement.handler || alwaysExits(statement.handler.body)));
    case AST_NODE_TYPES.SwitchStatement:
      // `switch (res.status) { case 200: return res.json(); default: throw … }`: with a default, every case
      // returns or throws (an empty one falls through to the next). A `break` leaves only the switch.
      return statement.cases.some((branch) => branch.test === null) && statement.cases.every((branch, index) =>
        branch.consequent.length === 0 ? index < statement.cases.length - 1 : returnsOrThrows(branch.consequent.at(-1)!));
    default:
      return false;
  }
}

/** A `return` or `throw`, alone or ending a block: it leaves the function, not just a loop or switch. */
export function returnsOrThrows(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.length > 0 && returnsOrThrows(statement.body.at(-1)!);
  return statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement;
}

/**
 * `mapApiError(error);`, `this.fail(e);`: a call of a function of the file that never returns, as its
 * declared `never` says or its body shows (a `throw` at its top level and no `return` anywhere in it).
 */
export function throwsThroughFunction(context: Context, statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = unwrap(statement.expression);
  const fn = call.type === AST_NODE_TYPES.CallExpression ? localCallee(context, call.callee)?.fn : undefined;
  if (!isFunctionNode(fn) || fn.async || fn.generator) return false;
  if (fn.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSNeverKeyword) return true;
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement || !fn.body.body.some((each) => each.type === AST_NODE_TYPES.ThrowStatement)) return false;
  let returns = false;
  walkSameFunction(context.sourceCode, fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns = true;
    return returns ? false : undefined;
  });
  return !returns;
}

/**
 * Do `statements` reach one that `leaves` before any that can go round? `log(e); if (e.status !== 429)
 * throw e;` leaves first; `if (transient) continue; throw e;` may go round before its throw.
 */
export function leavesBeforeGoingRound(statements: readonly TSESTree.Node[], leaves: (statement: TSESTree.Statement) => boolean): boolean {
  const exit = statements.findIndex((statement) => leaves(statement as TSESTree.Statement));
  return exit !== -1 && !statements.slice(0, exit).some(mayContinue);
}

/** Can `statement` go round its enclosing loop (a `continue` not inside a nested loop or function)? */
export function mayContinue(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(mayContinue);
    case AST_NODE_TYPES.IfStatement:
      return mayContinue(statement.consequent) || (statement.alternate !== null && mayContinue(statement.alternate));
    case AST_NODE_TYPES.TryStatement:
      return mayContinue(statement.block) || (statement.handler !== null && mayContinue(statement.handler.body)) || (statement.finalizer !== null && mayContinue(statement.finalizer));
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.some((branch) => branch.consequent.some(mayContinue));
    case AST_NODE_TYPES.LabeledStatement:
      return mayContinue(statement.body);
    default:
      return false;
  }
}

/**
 * `sources[i]` in the attempt, or a `const` taken from one (`const model = models[i]` before the try): each
 * round tries another item (a fallback chain), not the same call again.
 */
export function indexesByCounter(context: Context, attempt: TSESTree.Node, counterNames: Set<string>): boolean {
  const byCounter = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.MemberExpression && node.computed
    && [...identifiersIn(context.sourceCode, node.property)].some((name) => counterNames.has(name));
  // `const style = styles[i]; const prompt = \`${base}. Style: ${style}\`` before the try: read through consts, two deep.
  const taken = (node: TSESTree.Node, depth: number): boolean => {
    let found = false;
    walk(context.sourceCode, node, (inner) => {
      if (found) return false;
      if (byCounter(inner)) found = true;
      else if (depth < 2 && inner.type === AST_NODE_TYPES.Identifier && !counterNames.has(inner.name)) {
        const init = constInit(context, inner);
        if (init && init !== node && taken(init, depth + 1)) found = true;
      }
      return undefined;
    });
    return found;
  };
  let indexes = false;
  walkSameFunction(context.sourceCode, attempt, (node) => {
    if (byCounter(node)) indexes = true;
    if (node.type === AST_NODE_TYPES.Identifier && !counterNames.has(node.name)) {
      const init = constInit(context, node);
      if (init && taken(unwrap(init), 1)) indexes = true;
    }
    return indexes ? false : undefined;
  });
  return indexes;
}

/**
 * `while (servers.length > 0) { const server = servers.shift(); … }`: the attempt takes an item out of the
 * list the loop's test measures (`shift`, `pop`, `splice`), so each round tries another one (a fallback chain).
 */
export function consumesTestedList(context: Context, attempt: TSESTree.Node, loopTest: TSESTree.Node | null | undefined): boolean {
  const measured = new Set<string>();
  if (loopTest) {
    walk(context.sourceCode, loopTest, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'length' && node.object.type === AST_NODE_TYPES.Identifier) measured.add(node.object.name);
      return undefined;
    });
  }
  if (measured.size === 0) return false;
  let consumes = false;
  walkSameFunction(context.sourceCode, attempt, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.Identifier
      && measured.has(node.callee.object.name) && TAKING_METHODS.has(memberName(node.callee) ?? '')) consumes = true;
    return consumes ? false : undefined;
  });
  return consumes;
}

const TAKING_METHODS = new Set(['shift', 'pop', 'splice']);

/** Variables a loop (or a function) counts with: `i++`, `attempt += 1`, `retries--`, `n = n + 1`. */
export function counters(context: Context, loop: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walkSameFunction(context.sourceCode, loop, (node) => {
    if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier) names.add(node.argument.name);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && ['+=', '-='].includes(node.operator)) names.add(node.left.name);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.operator === '='
      && node.right.type === AST_NODE_TYPES.BinaryExpression && identifiersIn(context.sourceCode, node.right).has(node.left.name)) names.add(node.left.name);
    return undefined;
  });
  return names;
}

/** What reads the clock: `Date.now()`, `new Date().getTime()`, `performance.now()`, `process.hrtime()`. */
const CLOCKS = new Set(['now', 'Date', 'getTime', 'performance', 'hrtime']);

const NO_MEMBER_COUNTERS: ReadonlySet<string> = new Set();

/**
 * Is there an exit from the failure path whose condition reads a counter or the clock? `memberCounters`
 * are properties counted on an object (`this.retries++`), read as `this.retries >= 3`.
 */
export function failureHasBoundedExit(context: Context, handler: TSESTree.Node, counterNames: ReadonlySet<string>, memberCounters = NO_MEMBER_COUNTERS): boolean {
  let bounded = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    // `giveUpAfter(tries, startedAt)`: a function of the file handed the count throws once it is spent.
    if (node.type === AST_NODE_TYPES.CallExpression && throwsOnCount(context, node, counterNames)) bounded = true;
    if (bounded) return false;
    if (node.type !== AST_NODE_TYPES.IfStatement) return undefined;
    if (!alwaysExits(node.consequent) && !alwaysExits(node.alternate)) return undefined;
    const names = identifiersIn(context.sourceCode, node.test);
    if ([...names].some((name) => counterNames.has(name) || CLOCKS.has(name))) bounded = true;
    if (memberCounters.size > 0) walk(context.sourceCode, node.test, (inner) => void (inner.type === AST_NODE_TYPES.MemberExpression && memberCounters.has(memberName(inner) ?? '') && (bounded = true)));
    // `const delayMs = retryDelay(error, attempt, max); if (delayMs === undefined) throw error;`
    if (readsCounter(context, node.test, counterNames)) bounded = true;
    if (readsClock(context, node.test)) bounded = true;
    if (node.test.type === AST_NODE_TYPES.UnaryExpression || node.test.type === AST_NODE_TYPES.BinaryExpression) {
      walk(context.sourceCode, node.test, (inner) => void (inner.type === AST_NODE_TYPES.UpdateExpression && (bounded = true)));
    }
    return bounded ? false : undefined;
  });
  return bounded;
}

/**
 * Is `call` to a function of the file that throws under a test of the parameter it is handed a counter in
 * (`function giveUpAfterDeadline(tries, startedAt) { if (tries >= MIN_TRIES && …) throw new Error(…) }`,
 * called `giveUpAfterDeadline(tries, startedAt)`)? Then the catch that calls it ends the retry on the count.
 */
function throwsOnCount(context: Context, call: TSESTree.CallExpression, counterNames: ReadonlySet<string>): boolean {
  const fn = counterNames.size > 0 ? localCallee(context, call.callee)?.fn : undefined;
  if (!fn || !isFunctionNode(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const counted = new Set<string>();
  call.arguments.forEach((argument, index) => {
    const parameter = fn.params[index];
    if (parameter?.type === AST_NODE_TYPES.Identifier && [...identifiersIn(context.sourceCode, argument)].some((name) => counterNames.has(name))) counted.add(parameter.name);
  });
  let throws = false;
  walkSameFunction(context.sourceCode, fn.body, (node) => {
    if (throws) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && endsInThrow(node.consequent) && [...identifiersIn(context.sourceCode, node.test)].some((name) => counted.has(name))) throws = true;
    return undefined;
  });
  return throws;
}

function endsInThrow(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Does `expression` read a counter through a `const` computed from it (one step back)? */
function readsCounter(context: Context, expression: TSESTree.Node, counterNames: ReadonlySet<string>): boolean {
  let found = false;
  walk(context.sourceCode, expression, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier) return found ? false : undefined;
    const init = constInit(context, node);
    if (init && [...identifiersIn(context.sourceCode, init)].some((name) => counterNames.has(name))) found = true;
    return undefined;
  });
  return found;
}

/**
 * A deadline: `if (remainingMs <= 0) break` where `remainingMs` was computed from `Date.now()` (bench/accuracy:
 * @anthropic-ai/sdk SessionToolRunner). Follows `const` values two steps back.
 */
function readsClock(context: Context, expression: TSESTree.Node, depth = 0): boolean {
  if (depth > 2) return false;
  let found = false;
  walk(context.sourceCode, expression, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (CLOCKS.has(node.name)) found = true;
    const variable = findVariable(context, node);
    const def = variable?.defs[0];
    const init = def?.type === 'Variable' ? def.node.init : undefined;
    if (init && readsClock(context, init, depth + 1)) found = true;
    return undefined;
  });
  return found;
}

export function isConstantTrue(test: TSESTree.Expression | null): boolean {
  if (!test) return true;
  const value = unwrap(test);
  return value.type === AST_NODE_TYPES.Literal && Boolean(value.value);
}

/**
 * Inside a compiler helper (`var __generator = (this && this.__generator) || function …`, tslib's
 * `function __generator`): its `while (_) try { … } catch { op = [6, e] }` is a down-levelled state
 * machine, not a retry.
 */
export function insideCompilerHelper(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const name = current.type === AST_NODE_TYPES.VariableDeclarator && current.id.type === AST_NODE_TYPES.Identifier ? current.id.name
      : current.type === AST_NODE_TYPES.FunctionDeclaration ? current.id?.name : undefined;
    if (name !== undefined && /^__[a-zA-Z]+$/.test(name)) return true;
  }
  return false;
}
