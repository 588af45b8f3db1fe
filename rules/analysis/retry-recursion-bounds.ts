import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { RETRY_FLAG_NAME } from '../knowledge/retries';
import { calleeName, identifiersIn, isFunctionNode, parameterIndex, underIfTest, walk, walkSameFunction, type FunctionNode } from './ast-walk';
import { findVariable, isIdentifierNamed, isNullish, logicalTerms, memberName, unwrap } from './origin';
import { propertyKey } from './options';
import { counters, failureHasBoundedExit } from './retry-paths';
import { passedArguments, recursionAttempts, stepBeforeCall } from './retry-recursion-count';
import type { Attempts } from './retry-types';
import { classCounters, countsReadIntoConsts, memberCounters } from './retry-recursion-counters';
import { runningFunction, timerCallbackOf } from './retry-self-calls';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Whether a recursion that retries can run out: a counter it passes on or keeps, the clock, a flag it turns
 * off, or a decision it takes from code it cannot see. And whether a call that passes a literal for the
 * flag its condition tests is a one-time switch to another mode rather than a retry. The recursive retry
 * readers (retry-recursion.ts, retry-status.ts, retry-failure-value.ts, retry-empty-answer.ts) ask these.
 */

/**
 * Can the recursion run out? It passes a changed counter its function compares (`attempt + 1`, `retries -
 * 1`, `++n`), turns off the retry flag its condition tests (`if (canRetry) again(…, false)`: one more
 * attempt), or, failing those, its handler leaves on (or makes the call under) something that runs out.
 */
export function recursionBounded(context: Context, call: TSESTree.CallExpression, handler: TSESTree.Node, fn?: FunctionNode): boolean {
  const running = fn ?? runningFunction(call);
  const changedParameters = new Set<string>();
  let counted = false;
  for (const [index, argument] of passedArguments(call).entries()) {
    const value = unwrap(argument);
    // `again({ ...options, retryCount: retryCount + 1 })`: a count passed on inside an options object.
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        const passed = property.type === AST_NODE_TYPES.Property ? unwrap(property.value) : undefined;
        if (passed && isChanged(passed)) for (const name of identifiersIn(context.sourceCode, passed)) changedParameters.add(name);
      }
    }
    // `tries++; return again(url, tries)`: a count moved just before it is passed on.
    if (!isChanged(value) && stepBeforeCall(context, call, value) === undefined) continue;
    const param = running?.params[index];
    // `processWebhook(attempt + 1)` to a function that takes no such parameter: the count is never received.
    if (running && !param && !running.params.some((each) => each.type === AST_NODE_TYPES.RestElement) && !/\barguments\b/.test(context.sourceCode.getText(running.body))) continue;
    const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target?.type === AST_NODE_TYPES.Identifier) changedParameters.add(target.name);
    // `again(retryCount - 1)` bounds nothing unless the function compares `retryCount` somewhere.
    if (!fn || comparesParameter(context, fn, index)) counted = true;
  }
  if (counted || (fn && literalForTestedParameter(call, fn) !== undefined)) return true;
  return exitsOnBound(context, handler, running, changedParameters, call);
}

/** `attempt + 1`, `retries - 1`, `++n`: a count moved on. */
function isChanged(value: TSESTree.Node): boolean {
  return value.type === AST_NODE_TYPES.UpdateExpression || (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-'));
}

/**
 * Does the failure handler (or an `if` at the top of the function) leave on something that runs out, or
 * make the call only while it lasts: a counter the function keeps (`attempts++`, `this.retries += 1`) or
 * passes on, the clock, an update in the test itself (`if (++tries > 3) throw e`), or a decider it cannot
 * see? A test of the error alone (`if (!isTransient(e)) throw e; return again(url)`) lets the same failure
 * recurse forever.
 */
function exitsOnBound(context: Context, handler: TSESTree.Node, fn: FunctionNode | undefined, changedParameters: ReadonlySet<string>, call: TSESTree.CallExpression): boolean {
  const within = fn?.body ?? handler;
  // A parameter the call passes changed counts too: `const delay = nextDelay(attempt); if (delay) return again(attempt + 1)`.
  // The handler may be a callback of the function (`req.on('error', …)`), counting on its own.
  // So may the callbacks between the function and the call, that run on the way to each attempt: a timer's
  // (`setTimeout(() => { this.attempts++; send().catch(() => again()) })`) or an error-first callback's.
  const around = callbacksAround(call, fn);
  const counterNames = new Set([...counters(context, within), ...counters(context, handler), ...changedParameters, ...countsReadIntoConsts(context, fn),
    ...around.flatMap((callback) => [...counters(context, callback.body)])]);
  const counted = new Set([...memberCounters(context, within), ...memberCounters(context, handler), ...classCounters(context, fn),
    ...around.flatMap((callback) => [...memberCounters(context, callback.body)])]);
  if (failureHasBoundedExit(context, handler, counterNames, counted)) return true;
  // `if (retryCount >= MAX_RETRIES) return;` at the top of the function, checked before each attempt (or
  // `if (state.attempts >= MAX) return;` for a count kept on an object the handler moves on).
  const topLevel = fn?.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.filter((statement) => statement.type === AST_NODE_TYPES.IfStatement) : [];
  if (topLevel.some((statement) => failureHasBoundedExit(context, statement, counterNames, counted))) return true;
  if (decidedElsewhere(context, handler)) return true;
  const readsCount = (test: TSESTree.Node): boolean => {
    let reads = false;
    walk(context.sourceCode, test, (inner) => {
      if (inner.type === AST_NODE_TYPES.Identifier && counterNames.has(inner.name)) reads = true;
      if (inner.type === AST_NODE_TYPES.MemberExpression && counted.has(memberName(inner) ?? '')) reads = true;
      return reads ? false : undefined;
    });
    return reads;
  };
  // `attempts++; if (attempts < max) setTimeout(again, 3000)`: the call runs only while the count allows,
  // or in the other branch of a test that gives up once it runs out (`if (item.retries > MAX) drop(item); else …`).
  if (underIfTest(call, handler, readsCount, 'either')) return true;
  // `if (retryCount < 3) setTimeout(async () => { try { … } catch { this.handleError(…) } }, ms)`: a guard
  // around the timer that runs the attempt, on a count or on what a helper counts.
  const timer = fn && timerCallbackOf(handler, fn);
  return timer !== undefined && underIfTest(timer, fn!.body, (test) => readsCount(test) || testDecidedElsewhere(context, test));
}

/** The functions that hold `call` inside `fn` (not `fn` itself), innermost first. */
function callbacksAround(call: TSESTree.Node, fn: FunctionNode | undefined): FunctionNode[] {
  const found: FunctionNode[] = [];
  if (!fn) return found;
  for (let current = call.parent; current && current !== fn; current = current.parent) if (isFunctionNode(current)) found.push(current);
  return found;
}

/** Methods of strings, arrays and patterns that read what they are given and count nothing. */
const READING_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'test', 'match', 'some', 'every', 'indexOf', 'toLowerCase', 'toUpperCase', 'toString', 'trim']);

/**
 * Does a test in the handler take its decision from a call it cannot see into (`const { shouldRetry } = await
 * getRetryConfig(err)`, `if (policy.allows(err))`)? Such a decider may count the attempts itself (gaxios keeps
 * them in the request's config). Predicates on the error (`isTransient(e)`, `axios.isAxiosError(e)`) and reads
 * of its message (`e.message.includes('timeout')`) count nothing.
 */
function decidedElsewhere(context: Context, handler: TSESTree.Node): boolean {
  let decided = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (decided || node.type !== AST_NODE_TYPES.IfStatement) return decided ? false : undefined;
    decided = testDecidedElsewhere(context, node.test);
    return undefined;
  });
  return decided;
}

/** Does the test read a call it cannot see into, directly or through a variable (`const n = this.getRetryCount(id)`)? */
function testDecidedElsewhere(context: Context, test: TSESTree.Node): boolean {
  const decides = (node: TSESTree.Node): boolean => {
    const value = unwrap(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = calleeName(value.callee) ?? '';
    return !/^(?:is|has)[A-Z_]/.test(name) && !READING_METHODS.has(name);
  };
  let decided = false;
  walk(context.sourceCode, test, (inner) => {
    if (decided || decides(inner)) decided = true;
    const def = inner.type === AST_NODE_TYPES.Identifier ? findVariable(context, inner)?.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.init && decides(def.node.init)) decided = true;
    return decided ? false : undefined;
  });
  return decided;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);

/** Is the function's parameter at `index` compared, or tested on its own (`if (!retries)`), anywhere in it? */
function comparesParameter(context: Context, fn: FunctionNode, index: number): boolean {
  const param = fn.params[index];
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target?.type !== AST_NODE_TYPES.Identifier) return true; // a destructured counter: not worth doubting
  const name = target.name;
  const isParam = (node: TSESTree.Node | null | undefined): boolean => node != null && isIdentifierNamed(node, name);
  let compared = false;
  // Callbacks inside the function count: `send(req, (err) => { if (err && attempt < 3) again(attempt + 1) })`.
  walk(context.sourceCode, fn.body, (node) => {
    if (compared) return false;
    // `if (attempt < 20) delay = 2 ** attempt * 1000; else delay = 300_000`: the count picks the delay, it stops nothing.
    if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator) && (isParam(node.left) || isParam(node.right)) && !picksValueOnly(context, node)) compared = true;
    const test = node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression || node.type === AST_NODE_TYPES.WhileStatement ? node.test
      : node.type === AST_NODE_TYPES.LogicalExpression ? node.left
      : node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!' ? node.argument : undefined;
    if (isParam(test)) compared = true;
    return undefined;
  });
  return compared;
}

/**
 * Is `comparison` the test of an `if` whose branches only assign values, or of a `?:` that only picks one,
 * with no call in them but `Math`'s (`delay = attempt < 20 ? Math.min(…) : 300_000`)?
 */
function picksValueOnly(context: Context, comparison: TSESTree.Node): boolean {
  let current: TSESTree.Node = comparison;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.LogicalExpression || current.parent.type === AST_NODE_TYPES.UnaryExpression)) current = current.parent;
  const owner = current.parent;
  if (owner?.type === AST_NODE_TYPES.ConditionalExpression && owner.test === current) return !callsBeyondMath(context, owner.consequent) && !callsBeyondMath(context, owner.alternate);
  if (owner?.type !== AST_NODE_TYPES.IfStatement || owner.test !== current) return false;
  const assignsOnly = (branch: TSESTree.Statement | null): boolean => {
    if (!branch) return true;
    const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
    return statements.every((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression && !callsBeyondMath(context, statement.expression.right));
  };
  return assignsOnly(owner.consequent) && assignsOnly(owner.alternate);
}

function callsBeyondMath(context: Context, node: TSESTree.Node): boolean {
  let calls = false;
  walk(context.sourceCode, node, (inner) => {
    if (inner.type === AST_NODE_TYPES.CallExpression && !(inner.callee.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(inner.callee.object, 'Math'))) calls = true;
    return calls ? false : undefined;
  });
  return calls;
}

/**
 * How many attempts a bounded recursion makes: two when the call turns off the flag its guard tests
 * (`if (!retried) return again(true)`, `if (attempt !== 'retry') return load('retry')`), one more attempt;
 * otherwise what its counter allows (retry-recursion-count.ts).
 */
export function boundedRecursionAttempts(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): Attempts {
  return literalForTestedParameter(call, fn) !== undefined ? { kind: 'finite', attempts: 2 } : recursionAttempts(context, call, fn);
}

/**
 * `if (useBroker) return again(scopes, false)`: a recursive call that passes a literal for the parameter
 * its condition tests switches mode once; it is a fallback, not a retry — unless the parameter is a retry
 * flag (`canRetry`, `retryOnFailure`) or the value passed names a retry (`'retry'`), which makes it one
 * more attempt of the same thing.
 */
export function isOneShotFallback(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const flag = literalForTestedParameter(call, fn);
  if (flag === undefined || RETRY_FLAG_NAME.test(flag)) return false;
  // `if (attempt !== 'retry') return load('retry')`: the value passed names a retry, whatever the parameter is called.
  const passed = passedFor(call, fn, flag);
  return !(passed?.type === AST_NODE_TYPES.Literal && typeof passed.value === 'string' && RETRY_FLAG_NAME.test(passed.value));
}

/**
 * The parameter an enclosing `if` tests, when the call passes a literal that fails the test: `if (useMirror)`
 * with any literal (or `undefined`), `if (!isRetrying)` with `true`, `if (cache !== 'reload')` with
 * `'reload'`, or `if (retryCount === 0)` with `1` (after which the guard no longer holds). The test may be one term of an `&&`:
 * `if (existing && isStatus(e, 404)) again(…, undefined)`. A parameter may be a destructured option, passed
 * as a property of the call's object (`again({ ...options, isRetrying: true })`).
 */
function literalForTestedParameter(call: TSESTree.CallExpression, fn: FunctionNode): string | undefined {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement) continue;
    for (const term of logicalTerms(current.test, '&&')) {
      const compared = term.type === AST_NODE_TYPES.BinaryExpression && (term.operator === '!==' || term.operator === '!=') ? comparedParameter(term) : undefined;
      const equal = term.type === AST_NODE_TYPES.BinaryExpression && (term.operator === '===' || term.operator === '==') ? comparedParameter(term) : undefined;
      const negated = term.type === AST_NODE_TYPES.UnaryExpression && term.operator === '!' && term.argument.type === AST_NODE_TYPES.Identifier ? term.argument.name : undefined;
      // `const hasUser = asUser !== undefined; … if (hasUser)`: the parameter, tested through a name.
      const name = term.type === AST_NODE_TYPES.Identifier ? setTestOf(fn, term.name) ?? term.name : negated ?? compared?.name ?? equal?.name;
      if (name === undefined) continue;
      const argument = passedFor(call, fn, name);
      // `if (asUser) return find(server, room)`: the call leaves out what the guard needs, once.
      if (term.type === AST_NODE_TYPES.Identifier && argument === undefined && leftOut(call, fn, name)) return name;
      if (equal) {
        if (argument?.type === AST_NODE_TYPES.Literal && argument.value !== equal.value) return name;
        continue;
      }
      if (negated !== undefined) {
        if ((argument?.type === AST_NODE_TYPES.Literal && Boolean(argument.value)) || (argument !== undefined && testedTruthy(argument, call, fn))) return name;
        continue;
      }
      if (argument?.type === AST_NODE_TYPES.Literal ? !compared || compared.value === argument.value : !compared && argument !== undefined && isNullish(argument)) return name;
    }
  }
  return undefined;
}

/**
 * The parameter a `const` at the top of `fn` says is set: `const hasUser = asUser !== null && asUser !==
 * undefined`, `asUser != null`, `!!asUser`, `Boolean(asUser)`.
 */
function setTestOf(fn: FunctionNode, name: string): string | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    const declarator = statement.declarations.find((each) => each.id.type === AST_NODE_TYPES.Identifier && each.id.name === name);
    const tested = declarator?.init ? new Set(logicalTerms(declarator.init, '&&').map(setParameter)) : undefined;
    const [only] = tested ?? [];
    if (tested?.size === 1 && only !== undefined && parameterIndex(fn, only) !== -1) return only;
  }
  return undefined;
}

/** `p !== undefined`, `p != null`, `!!p`, `Boolean(p)`: the name a term says is set. */
function setParameter(term: TSESTree.Node): string | undefined {
  const value = unwrap(term);
  if (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '!==' || value.operator === '!=') && isNullish(value.right) && value.left.type === AST_NODE_TYPES.Identifier) return value.left.name;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!' && value.argument.type === AST_NODE_TYPES.UnaryExpression && value.argument.operator === '!'
    && value.argument.argument.type === AST_NODE_TYPES.Identifier) return value.argument.argument.name;
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Boolean' && value.arguments[0]?.type === AST_NODE_TYPES.Identifier) return value.arguments[0].name;
  return undefined;
}

/** Does `call` leave out `fn`'s parameter `name`, which has no default, so that it arrives `undefined`? */
function leftOut(call: TSESTree.CallExpression, fn: FunctionNode, name: string): boolean {
  const index = parameterIndex(fn, name);
  const passed = passedArguments(call);
  return index !== -1 && fn.params[index]?.type === AST_NODE_TYPES.Identifier && passed.length <= index
    && !passed.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
}

/**
 * `if (proxyUrl) return again(url, proxyUrl)`: a name the call passes inside an `if` (within `fn`) that tests
 * it truthy, so it fails a `!proxy` guard on the next round.
 */
function testedTruthy(argument: TSESTree.Node, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const value = unwrap(argument);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  return underIfTest(call, fn, (test) => logicalTerms(test, '&&').some((term) => isIdentifierNamed(term, value.name)));
}

/** What `call` passes for `fn`'s parameter `name`: by position, or as a property of a destructured options object. */
function passedFor(call: TSESTree.CallExpression, fn: FunctionNode, name: string): TSESTree.Node | undefined {
  const passed = passedArguments(call);
  const index = parameterIndex(fn, name);
  if (index !== -1) return passed[index];
  const holder = fn.params.findIndex((param) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target.type === AST_NODE_TYPES.ObjectPattern && target.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKey(property) === name);
  });
  const object = holder === -1 || !passed[holder] ? undefined : unwrap(passed[holder]);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = object.properties.find((candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyKey(candidate) === name);
  return property && unwrap(property.value);
}

/** `cache !== 'reload'` (either way round): the identifier and the literal it is compared with. */
function comparedParameter(test: TSESTree.BinaryExpression): { name: string; value: unknown } | undefined {
  const [identifier, literal] = test.left.type === AST_NODE_TYPES.Identifier ? [test.left, test.right] : [test.right, test.left];
  return identifier.type === AST_NODE_TYPES.Identifier && literal.type === AST_NODE_TYPES.Literal ? { name: identifier.name, value: literal.value } : undefined;
}
