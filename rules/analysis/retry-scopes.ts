import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleMatches } from '../knowledge/clients';
import { attemptsFromCount, POLICY_COMBINATORS, RETRY_LIBRARIES, type AttemptCount, type RetryLibrary } from '../knowledge/retries';
import {
  calleeName, contains, enclosingFunction, enclosingStatement, identifiersIn, isFunctionNode, isLoop, walk, walkSameFunction,
  type FunctionNode,
} from './ast-walk';
import { readOption } from './options';
import { findVariable, resolveOrigin, singleAssignmentInit, unwrap, type Origin } from './origin';
import { awaitsWait } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type Attempts = AttemptCount | { kind: 'unknown' };

/** A library setting that makes a retry endless: `forever: true`, `retries: Infinity`. */
export interface ForeverSetting {
  node: TSESTree.Node;
  text: string;
}

/**
 * Code that runs again when it fails. `body` is what repeats (everything lexically inside it, and the
 * functions it calls); `node` is where the mechanism is written, named in messages as "on line N".
 */
export interface RetryScope {
  kind: 'library' | 'loop' | 'recursion';
  /** "p-retry", "the for-loop", "recursion from the catch". */
  mechanism: string;
  node: TSESTree.Node;
  body: TSESTree.Node;
  /** A function handed to the library by name: its body repeats too. */
  callbackRef?: TSESTree.Identifier;
  /** Where a value can be created once for every attempt; undefined when there is no such place. */
  anchor?: TSESTree.Statement;
  attempts: Attempts;
  /** Hand-written retries: a counter or a non-success exit bounds them. */
  bounded: boolean;
  /** Something waits between attempts (a library's backoff, an awaited sleep in a loop). */
  waits: boolean;
  /** Hand-written retries: the code that runs between a failure and the next attempt. */
  failurePath?: TSESTree.Node;
  library?: RetryLibrary;
  forever?: ForeverSetting;
  /** cockatiel: the `retry(...)` call that made the policy. */
  policy?: RetryPolicy;
}

/** A cockatiel retry policy, reported where it is created. */
export interface RetryPolicy {
  creation: TSESTree.CallExpression;
  attempts: Attempts;
  waits: boolean;
  library: RetryLibrary;
}

export interface FileRetries {
  scopes: RetryScope[];
  policies: RetryPolicy[];
}

const cache = new WeakMap<object, FileRetries>();

/** Every retry scope in the file, found in one walk and shared by the rules that ask. */
export function collectRetryScopes(context: Context): FileRetries {
  const cached = cache.get(context.sourceCode);
  if (cached) return cached;
  const found: FileRetries = { scopes: [], policies: [] };
  const sourceCode = context.sourceCode;
  const policies = new Map<TSESTree.Node, RetryPolicy>();
  walk(sourceCode, sourceCode.ast, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        const scope = libraryScope(context, node, policies) ?? catchHandlerRecursion(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement: {
        const scope = loopScope(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.TryStatement: {
        const scope = catchRecursion(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.MethodDefinition: {
        const scope = decoratedScope(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      default:
        break;
    }
  });
  found.policies = [...policies.values()];
  cache.set(context.sourceCode, found);
  return found;
}

function libraryFor(origin: Origin | undefined, shape: RetryLibrary['shape']): RetryLibrary | undefined {
  if (origin?.kind !== 'module') return undefined;
  const path = origin.path.join('.');
  return RETRY_LIBRARIES.find((library) => library.shape === shape && library.path === path && library.modules.some((module) => moduleMatches(module, origin.module)));
}

function line(node: TSESTree.Node): number {
  return node.loc.start.line;
}

/** Reads a library's count and `forever` options. */
function libraryAttempts(context: Context, library: RetryLibrary, options: TSESTree.Node | undefined): { attempts: Attempts; forever?: ForeverSetting } {
  for (const key of library.foreverKeys ?? []) {
    const verdict = readOption(context, options, [key]);
    if (verdict.kind === 'present' && unwrap(verdict.value).type === AST_NODE_TYPES.Literal && (unwrap(verdict.value) as TSESTree.Literal).value === true) {
      return { attempts: { kind: 'forever' }, forever: { node: verdict.property ?? verdict.value, text: `${key}: true` } };
    }
  }
  const count = readOption(context, options, library.countKey.split('.'));
  if (count.kind === 'absent') return { attempts: library.defaultAttempts };
  if (count.kind === 'unknown') return { attempts: { kind: 'unknown' } };
  const value = numericValue(context, count.value);
  if (value === undefined) return { attempts: { kind: 'unknown' } };
  const attempts = attemptsFromCount(value, library.countKind);
  if (attempts.kind === 'forever') return { attempts, forever: { node: count.property ?? count.value, text: `${library.countKey}: ${context.sourceCode.getText(count.value)}` } };
  return { attempts };
}

/** A number literal, `Infinity`, or a `const` holding one. */
export function numericValue(context: Context, node: TSESTree.Node, depth = 0): number | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return value.value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    if (value.name === 'Infinity') return Infinity;
    const variable = findVariable(context, value);
    const init = variable && depth < 4 ? singleAssignmentInit(variable) : undefined;
    return init ? numericValue(context, init, depth + 1) : undefined;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier && value.object.name === 'Number' && !value.computed
    && value.property.type === AST_NODE_TYPES.Identifier && ['POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MAX_VALUE'].includes(value.property.name)) return Infinity;
  return undefined;
}

function callbackOf(node: TSESTree.CallExpression, index: number): { body?: TSESTree.Node; ref?: TSESTree.Identifier } {
  let argument = node.arguments[index];
  // `promiseRetry(options, fn)`: the callback may come after the options.
  if (argument && unwrap(argument).type === AST_NODE_TYPES.ObjectExpression && node.arguments.length === 2) argument = node.arguments[1 - index];
  if (!argument) return {};
  const callback = unwrap(argument);
  if (isFunctionNode(callback)) return { body: callback };
  if (callback.type === AST_NODE_TYPES.Identifier) return { body: callback, ref: callback };
  return {};
}

/** `pRetry(fn)`, `backOff(fn)`, `op.attempt(fn)`, `policy.execute(fn)`; records cockatiel policies as it meets them. */
function libraryScope(context: Context, node: TSESTree.CallExpression, policies: Map<TSESTree.Node, RetryPolicy>): RetryScope | undefined {
  const origin = resolveOrigin(context, node.callee);
  const direct = libraryFor(origin, 'call');
  if (direct) {
    const { body, ref } = callbackOf(node, direct.callbackArg);
    if (!body) return undefined;
    const optionsFirst = node.arguments.length === 2 && unwrap(node.arguments[direct.callbackArg]!).type === AST_NODE_TYPES.ObjectExpression;
    const { attempts, forever } = libraryAttempts(context, direct, node.arguments[optionsFirst ? direct.callbackArg : direct.optionsArg]);
    return { kind: 'library', mechanism: direct.name, node: node.callee, body, callbackRef: ref, anchor: anchorFor(node), attempts, bounded: true, waits: direct.waitsByDefault, library: direct, forever };
  }
  const policyLibrary = libraryFor(origin, 'policy');
  if (policyLibrary) {
    policyFor(context, node, policies);
    return undefined;
  }
  if (origin?.kind !== 'call' || origin.path.length !== 1) return undefined;
  const method = origin.path[0];
  const maker = origin.callee;
  if (method === 'attempt') {
    const library = libraryFor(maker, 'operation');
    if (!library) return undefined;
    const { body, ref } = callbackOf(node, library.callbackArg);
    if (!body) return undefined;
    const { attempts, forever } = libraryAttempts(context, library, origin.call.arguments[library.optionsArg]);
    return { kind: 'library', mechanism: library.name, node: node.callee, body, callbackRef: ref, anchor: anchorFor(node), attempts, bounded: true, waits: true, library, forever };
  }
  if (method === 'execute' && origin.call.type === AST_NODE_TYPES.CallExpression) {
    const policy = policyOf(context, origin.call, maker, policies);
    if (!policy) return undefined;
    const { body, ref } = callbackOf(node, 0);
    if (!body) return undefined;
    return {
      kind: 'library', mechanism: `${policy.library.name} (policy on line ${line(policy.creation)})`, node: node.callee, body, callbackRef: ref,
      anchor: anchorFor(node), attempts: policy.attempts, bounded: true, waits: policy.waits, library: policy.library, policy,
    };
  }
  return undefined;
}

function policyFor(context: Context, creation: TSESTree.CallExpression, policies: Map<TSESTree.Node, RetryPolicy>): RetryPolicy | undefined {
  const origin = resolveOrigin(context, creation.callee);
  const library = libraryFor(origin, 'policy');
  if (!library) return undefined;
  const existing = policies.get(creation);
  if (existing) return existing;
  const options = creation.arguments[library.optionsArg];
  const { attempts } = libraryAttempts(context, library, options);
  const backoff = library.backoffKey ? readOption(context, options, [library.backoffKey]) : { kind: 'present' as const };
  const policy: RetryPolicy = { creation, attempts, waits: library.waitsByDefault || backoff.kind !== 'absent', library };
  policies.set(creation, policy);
  return policy;
}

/** The retry policy a `.execute` receiver was made by: `retry(...)` itself, or `wrap(...)` of one. */
function policyOf(context: Context, call: TSESTree.CallExpression, callee: Origin, policies: Map<TSESTree.Node, RetryPolicy>): RetryPolicy | undefined {
  const direct = policyFor(context, call, policies);
  if (direct) return direct;
  if (callee.kind !== 'module' || !POLICY_COMBINATORS.includes(callee.path.join('.'))) return undefined;
  if (!RETRY_LIBRARIES.some((library) => library.shape === 'policy' && library.modules.some((module) => moduleMatches(module, callee.module)))) return undefined;
  for (const argument of call.arguments) {
    const origin = resolveOrigin(context, argument);
    if (origin?.kind === 'call' && origin.path.length === 0 && origin.call.type === AST_NODE_TYPES.CallExpression) {
      const inner = policyOf(context, origin.call, origin.callee, policies);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `@Retryable({ maxAttempts })` on a method: its body repeats. */
function decoratedScope(context: Context, method: TSESTree.MethodDefinition): RetryScope | undefined {
  for (const decorator of method.decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const library = libraryFor(resolveOrigin(context, callee), 'decorator');
    if (!library || !method.value.body) continue;
    const options = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments[library.optionsArg] : undefined;
    const { attempts, forever } = libraryAttempts(context, library, options);
    return { kind: 'library', mechanism: library.name, node: decorator, body: method.value.body, attempts, bounded: true, waits: true, library, forever };
  }
  return undefined;
}

/** A key created before this statement is created once for every attempt of the retry it holds. */
function anchorFor(node: TSESTree.Node): TSESTree.Statement | undefined {
  return enclosingStatement(node);
}

// ——— hand-written loops ———

type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

/** Does every path through `statement` leave it by throw, return or break (not by falling through or `continue`)? */
export function alwaysExits(statement: TSESTree.Statement | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => alwaysExits(inner));
    case AST_NODE_TYPES.IfStatement:
      return alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    case AST_NODE_TYPES.TryStatement:
      return alwaysExits(statement.finalizer) || (alwaysExits(statement.block) && (!statement.handler || alwaysExits(statement.handler.body)));
    default:
      return false;
  }
}

/**
 * Try statements of the loop's own body: not inside a nested function or loop, and not inside a catch
 * (a try in a failure handler handles the failure; it is not the attempt).
 */
function ownTries(context: Context, loop: Loop): TSESTree.TryStatement[] {
  const tries: TSESTree.TryStatement[] = [];
  walkSameFunction(context.sourceCode, loop.body, (node) => {
    if (node !== loop.body && isLoop(node)) return false;
    if (node.type === AST_NODE_TYPES.CatchClause) return false;
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) tries.push(node);
    return undefined;
  });
  return tries;
}

/** `sources[i]` in the attempt: each round tries another item (a fallback chain), not the same call again. */
function indexesByCounter(context: Context, attempt: TSESTree.TryStatement, counterNames: Set<string>): boolean {
  let indexes = false;
  walkSameFunction(context.sourceCode, attempt.block, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && [...identifiersIn(context.sourceCode, node.property)].some((name) => counterNames.has(name))) indexes = true;
    return indexes ? false : undefined;
  });
  return indexes;
}

/** Does success leave the loop: a return or break in the try block, or a flag the loop's test reads? */
function successLeaves(context: Context, attempt: TSESTree.TryStatement, testNames: Set<string>): boolean {
  // A return or break that ends the attempt (a conditional one, as in a stream-reading loop, does not).
  if (attempt.block.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement || (statement.type === AST_NODE_TYPES.BreakStatement && !statement.label))) return true;
  let leaves = false;
  walkSameFunction(context.sourceCode, attempt.block, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && testNames.has(node.left.name)) leaves = true;
    return leaves ? false : undefined;
  });
  if (leaves) return true;
  // `try { … } catch { continue } break;`
  const container = attempt.parent;
  if (container?.type === AST_NODE_TYPES.BlockStatement) {
    const next = container.body[container.body.indexOf(attempt) + 1];
    if (next?.type === AST_NODE_TYPES.BreakStatement || next?.type === AST_NODE_TYPES.ReturnStatement) return true;
  }
  return false;
}

/** Variables the loop counts with: `i++`, `attempt += 1`, `retries--`, `n = n + 1`. */
function counters(context: Context, loop: Loop): Set<string> {
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

const CLOCKS = new Set(['now', 'performance', 'hrtime']);

/** Is there an exit from the failure path whose condition reads a counter or the clock? */
function failureHasBoundedExit(context: Context, handler: TSESTree.BlockStatement, counterNames: Set<string>): boolean {
  let bounded = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (node.type !== AST_NODE_TYPES.IfStatement) return undefined;
    if (!alwaysExits(node.consequent) && !alwaysExits(node.alternate)) return undefined;
    const names = identifiersIn(context.sourceCode, node.test);
    if ([...names].some((name) => counterNames.has(name) || CLOCKS.has(name))) bounded = true;
    if (node.test.type === AST_NODE_TYPES.UnaryExpression || node.test.type === AST_NODE_TYPES.BinaryExpression) {
      walk(context.sourceCode, node.test, (inner) => void (inner.type === AST_NODE_TYPES.UpdateExpression && (bounded = true)));
    }
    return bounded ? false : undefined;
  });
  return bounded;
}

function isConstantTrue(test: TSESTree.Expression | null): boolean {
  if (!test) return true;
  const value = unwrap(test);
  return value.type === AST_NODE_TYPES.Literal && Boolean(value.value);
}

/** `for (let attempt = a; attempt < b; attempt++)` with literals: b − a attempts (or b − a + 1 for `<=`). */
function forLoopAttempts(context: Context, loop: Loop): Attempts {
  if (loop.type !== AST_NODE_TYPES.ForStatement || loop.init?.type !== AST_NODE_TYPES.VariableDeclaration || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return { kind: 'unknown' };
  const declarator = loop.init.declarations[0];
  if (declarator?.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || loop.test.left.type !== AST_NODE_TYPES.Identifier || loop.test.left.name !== declarator.id.name) return { kind: 'unknown' };
  const start = numericValue(context, declarator.init);
  const end = numericValue(context, loop.test.right);
  if (start === undefined || end === undefined || !Number.isFinite(end)) return { kind: 'unknown' };
  const count = loop.test.operator === '<' ? end - start : loop.test.operator === '<=' ? end - start + 1 : undefined;
  return count !== undefined && count > 0 ? { kind: 'finite', attempts: count } : { kind: 'unknown' };
}

const LOOP_NAMES: Record<Loop['type'], string> = {
  [AST_NODE_TYPES.ForStatement]: 'for-loop',
  [AST_NODE_TYPES.WhileStatement]: 'while-loop',
  [AST_NODE_TYPES.DoWhileStatement]: 'do-while loop',
};

/**
 * A loop is a retry when a try inside it leaves the loop on success and goes round again on failure (the
 * catch can fall through or `continue`). A catch that always rethrows, or a loop whose success does not
 * leave it (a loop over items), is not a retry.
 */
function loopScope(context: Context, loop: Loop): RetryScope | undefined {
  const testNames = identifiersIn(context.sourceCode, loop.test);
  const tries = ownTries(context, loop);
  if (tries.length === 0) return undefined; // most loops: skip the counter scan
  const counterNames = counters(context, loop);
  const attempt = tries.find((candidate) => !alwaysExits(candidate.handler!.body) && successLeaves(context, candidate, testNames) && !indexesByCounter(context, candidate, counterNames));
  if (!attempt) return undefined;
  const flagNames = assignedIn(context, attempt.block);
  const testBounds = !isConstantTrue(loop.test) && [...testNames].some((name) => !flagNames.has(name)) ;
  const bounded = testBounds || failureHasBoundedExit(context, attempt.handler!.body, counterNames);
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  return {
    kind: 'loop', mechanism: `the ${LOOP_NAMES[loop.type]}`, node: loop, body: loop.body, anchor: enclosingStatement(statement) === statement ? statement : undefined,
    attempts: bounded ? forLoopAttempts(context, loop) : { kind: 'forever' }, bounded, waits: awaitsWait(context, loop.body), failurePath: loop.body,
  };
}

function assignedIn(context: Context, block: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walkSameFunction(context.sourceCode, block, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) names.add(node.left.name);
    return undefined;
  });
  return names;
}

// ——— recursion ———

/** Is `call` a call of `fn` itself (by its name, or `this.name()` in a method)? */
function callsItself(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, callee);
    const def = variable?.defs[0];
    if (!def) return false;
    // A parameter's def also points at the function: `reject(err)` in a catch is not recursion.
    if (def.type === 'FunctionName') return def.node === fn;
    return def.type === 'Variable' && def.node.init !== null && unwrap(def.node.init) === fn;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const key = fn.parent.key;
    return !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && key.type === AST_NODE_TYPES.Identifier && key.name === callee.property.name;
  }
  return false;
}

function recursiveCallIn(context: Context, root: TSESTree.Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walk(context.sourceCode, root, (node) => {
    if (found) return false;
    if (node !== root && isFunctionNode(node) && node !== root) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && callsItself(context, node, fn)) found = node;
    return undefined;
  });
  return found;
}

/** Passes a changed counter (`attempt + 1`, `retries - 1`, `++n`) or checks one before recursing. */
function recursionBounded(context: Context, call: TSESTree.CallExpression, handler: TSESTree.Node): boolean {
  const counted = call.arguments.some((argument) => {
    const value = unwrap(argument);
    return value.type === AST_NODE_TYPES.UpdateExpression || (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-'));
  });
  if (counted) return true;
  let exits = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement && (alwaysExits(node.consequent) || alwaysExits(node.alternate))) exits = true;
    return undefined;
  });
  return exits;
}

/**
 * `if (useBroker) return again(scopes, false)`: a recursive call that passes a literal for the parameter
 * its condition tests switches mode once; it is a fallback, not a retry.
 */
function isOneShotFallback(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || current.test.type !== AST_NODE_TYPES.Identifier) continue;
    const name = current.test.name;
    const index = fn.params.findIndex((param) => (param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param).type === AST_NODE_TYPES.Identifier
      && ((param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) as TSESTree.Identifier).name === name);
    const argument = index === -1 ? undefined : call.arguments[index];
    if (argument?.type === AST_NODE_TYPES.Literal) return true;
  }
  return false;
}

/** `try { … } catch { return again(); }` inside `again`. */
function catchRecursion(context: Context, statement: TSESTree.TryStatement): RetryScope | undefined {
  const fn = enclosingFunction(statement);
  if (!fn || !statement.handler) return undefined;
  const call = recursiveCallIn(context, statement.handler.body, fn);
  if (!call || isOneShotFallback(call, fn)) return undefined;
  return {
    kind: 'recursion', mechanism: 'the recursive call in the catch', node: call, body: statement.block,
    attempts: { kind: 'unknown' }, bounded: recursionBounded(context, call, statement.handler.body), waits: awaitsWait(context, statement.handler.body), failurePath: statement.handler.body,
  };
}

/** `return op().catch(() => again())` inside `again`. */
function catchHandlerRecursion(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression || calleeName(node.callee) !== 'catch') return undefined;
  const handler = node.arguments[0] && unwrap(node.arguments[0]);
  const fn = enclosingFunction(node);
  if (!fn || !isFunctionNode(handler)) return undefined;
  const call = recursiveCallIn(context, handler.body, fn);
  if (!call) return undefined;
  return {
    kind: 'recursion', mechanism: 'the recursive call in .catch()', node: call, body: node.callee.object,
    attempts: { kind: 'unknown' }, bounded: recursionBounded(context, call, handler.body), waits: awaitsWait(context, handler.body), failurePath: handler.body,
  };
}

/** The retry scopes whose repeated code holds `node`, innermost first. */
export function scopesAround(scopes: readonly RetryScope[], node: TSESTree.Node): RetryScope[] {
  return scopes.filter((scope) => contains(scope.body, node) && scope.body !== node).sort((a, b) => (a.body.range[1] - a.body.range[0]) - (b.body.range[1] - b.body.range[0]));
}

export function describeScope(scope: RetryScope): string {
  return `${scope.mechanism} on line ${line(scope.node)}`;
}
