import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { ATTEMPT_COUNTER_NAME, MORE_TO_DO_NAME } from '../knowledge/retries';
import { contains, enclosingFunction, enclosingStatement, identifiersIn, isVariableName, mirroredOperator, walk, type FunctionNode } from './ast-walk';
import { findVariable, isNullish, logicalTerms, memberName, singleAssignmentInit, unwrap } from './origin';
import { loopRetryScope } from './retry-loops';
import { counters, insideCompilerHelper, isConstantTrue, type Loop } from './retry-paths';
import { recursionBounded } from './retry-recursion-bounds';
import { immediateRecursion } from './retry-self-calls';
import type { RetryScope } from './retry-types';
import { awaitsWait } from './retry-waits';
import { statusTest, underClientErrorTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Retries decided by what came back rather than by a thrown failure or a status: the answer arrived empty,
 * or short of what was expected, and the same request is sent again.
 *
 *     const res = await axios.post(url, form);
 *     if (!res.data.data) { await delay(5000); return this.login(username, password); }
 *
 *     while (attempts > 0 && docs.length !== expected) { attempts--; docs = await collection.find(query).toArray(); }
 *
 * Only a repeat of the same request counts: the recursion passes the function's own parameters unchanged,
 * and the loop's call reads nothing the loop changes (a paginated listing moves its cursor on, so it is not
 * a retry). A loop must also count its rounds in a counter named as attempts: a loop that drains a queue or
 * waits on a blocking pop, which also goes round on an empty answer, is not written that way. A recursion
 * must test a part of the answer (`res.data`, `result.items`), not the whole of it: a blocking pop answers
 * `null` after its own wait, an HTTP response always arrives with a body, empty or not.
 */

/**
 * `!x`, `x == null`, `x === undefined`, `x.length === 0`, `x.length < expected`, `x.length !== expected`: what is
 * tested as empty. Both sides of `a.length !== b.length` may be the answer; the caller asks which was written.
 */
function testedAsEmpty(test: TSESTree.Node): TSESTree.Node[] {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') {
    const argument = unwrap(value.argument);
    return argument.type === AST_NODE_TYPES.UnaryExpression ? [] : [argument];
  }
  if (value.type !== AST_NODE_TYPES.BinaryExpression || value.left.type === AST_NODE_TYPES.PrivateIdentifier) return [];
  const sides: Array<[TSESTree.Node, TSESTree.Node, string]> = [[value.left, value.right, value.operator], [value.right, value.left, mirroredOperator(value.operator)]];
  return sides.flatMap(([subject, other, operator]) => {
    if ((operator === '===' || operator === '==') && isNullish(other)) return [subject];
    if (!isLengthOf(subject)) return [];
    const measured = (unwrap(subject) as TSESTree.MemberExpression).object;
    const zero = other.type === AST_NODE_TYPES.Literal && other.value === 0;
    if ((operator === '===' || operator === '==' || operator === '<=') && zero) return [measured];
    // Fewer documents than the request named, or not exactly as many: the answer is not complete yet.
    if ((operator === '!==' || operator === '!=' || operator === '<') && !zero) return [measured];
    return [];
  });
}

function isLengthOf(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.MemberExpression && !value.computed && value.property.type === AST_NODE_TYPES.Identifier && value.property.name === 'length';
}

/** The variable a tested value is read from (`res` of `res.data.data`), and how many members deep the test reads. */
function answerVariable(node: TSESTree.Node): { root: TSESTree.Identifier; depth: number } | undefined {
  let depth = 0;
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrap(current.object);
    depth += 1;
  }
  return current.type === AST_NODE_TYPES.Identifier ? { root: current, depth } : undefined;
}


/** `again(a, b)` inside `function again(a, b)`, with neither parameter ever reassigned: the same request again. */
function sendsSameRequest(context: Context, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  if (call.arguments.length !== fn.params.length) return false;
  return fn.params.every((param, index) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const argument = call.arguments[index];
    if (target.type !== AST_NODE_TYPES.Identifier || argument?.type !== AST_NODE_TYPES.Identifier || argument.name !== target.name) return false;
    const variable = findVariable(context, argument);
    return variable?.defs[0]?.type === 'Parameter' && variable.references.every((reference) => !reference.isWrite() || reference.init === true);
  });
}

/** `if (!res.data.data) return this.login(username, password)` inside `login`, where `res` is what a call earlier in `login` answered. */
export function emptyAnswerRecursion(context: Context, statement: TSESTree.IfStatement): RetryScope | undefined {
  const fn = enclosingFunction(statement);
  if (!fn) return undefined;
  const parts = logicalTerms(statement.test, '&&');
  // `!res.ok` is a failed status (retry-status.ts), not an empty answer.
  const call = parts.filter((part) => !statusTest(part, context)).flatMap(testedAsEmpty).map((tested) => earlierAnswer(context, tested, statement, fn)).find((candidate) => candidate !== undefined);
  // `if (response.status === 401) { await refresh(); return this.request(…) }` under it is a correction.
  const found = call && immediateRecursion(context, statement.consequent, fn, (recursive) => !underClientErrorTest(context, recursive, statement.consequent));
  if (!call || !found || !sendsSameRequest(context, found.call, fn) || schedulesAfterAnswer(context, statement, fn)) return undefined;
  // `if (result.hasNextPage && !result.isFetchingNextPage) return loadNextBatch()`: the answer says there is
  // more, and the call asks for the next page: a pager.
  if (parts.some((part) => saysMoreToDo(part))) return undefined;
  // `if (!res.data.token && this.attempts++ < 3)`: another condition beside the empty answer may be the bound.
  const bounded = parts.length > 1 || recursionBounded(context, found.call, statement.consequent, fn);
  // A wait between the answer and the test (`await sleep(150); if (…) return again()`) paces each round too.
  const attempt = enclosingStatement(call);
  const between = attempt?.parent === statement.parent && statement.parent?.type === AST_NODE_TYPES.BlockStatement
    ? statement.parent.body.slice(statement.parent.body.indexOf(attempt as TSESTree.Statement) + 1, statement.parent.body.indexOf(statement)) : [];
  return {
    kind: 'recursion', mechanism: `the recursive call ${found.scheduled ? 'scheduled ' : ''}on an empty answer`, node: found.call, body: attempt ?? call,
    attempts: { kind: 'unknown' }, bounded, waits: found.waits || awaitsWait(context, statement.consequent) || between.some((later) => awaitsWait(context, later)),
    failurePath: statement.consequent, afterStatus: true, onEmptyAnswer: true,
  };
}

/** `result.hasNextPage`, `page.more`: a member of the answer that says there is more to fetch (MORE_TO_DO_NAME). */
function saysMoreToDo(term: TSESTree.Node): boolean {
  const value = unwrap(term);
  return value.type === AST_NODE_TYPES.MemberExpression && MORE_TO_DO_NAME.test(memberName(value) ?? '');
}

/**
 * `if (!messages.length) { setTimeout(() => this.dequeue(), idle); return; } …; setTimeout(() =>
 * this.dequeue(), busy)`: the function schedules itself after a full answer too, so it runs round for as
 * long as it lives, a worker polling its queue; an empty answer only sets the pace.
 */
function schedulesAfterAnswer(context: Context, statement: TSESTree.IfStatement, fn: FunctionNode): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  return block.body.slice(block.body.indexOf(statement) + 1).some((later) => immediateRecursion(context, later, fn)?.scheduled === true);
}

/** The call, made in `fn` before `statement`, whose answer a part of `tested` reads (`res` of `res.data.data`, from `const res = await post(…)`). */
function earlierAnswer(context: Context, tested: TSESTree.Node, statement: TSESTree.Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  const answer = answerVariable(tested);
  if (!answer || answer.depth === 0) return undefined;
  const variable = findVariable(context, answer.root);
  const init = variable && singleAssignmentInit(variable);
  const call = init && unwrap(init);
  return call?.type === AST_NODE_TYPES.CallExpression && enclosingFunction(call) === fn && call.range[0] < statement.range[0] ? call : undefined;
}

/** `while (attempts > 0 && docs.length !== expected) { attempts--; docs = await find(query) }`: re-reads until the answer is complete. */
export function emptyAnswerLoop(context: Context, loop: Loop): RetryScope | undefined {
  if (!loop.test || isConstantTrue(loop.test) || insideCompilerHelper(loop)) return undefined;
  const parts = logicalTerms(loop.test, '&&');
  if (parts.length < 2) return undefined;
  const counterNames = counters(context, loop);
  const countsAttempts = parts.some((part) => [...identifiersIn(context.sourceCode, part)].some((name) => counterNames.has(name) && ATTEMPT_COUNTER_NAME.test(name)));
  if (!countsAttempts) return undefined;
  for (const tested of parts.flatMap(testedAsEmpty)) {
    const answer = answerVariable(tested);
    if (!answer || counterNames.has(answer.root.name)) continue;
    const call = answerWrittenIn(context, answer.root, loop);
    if (call && readsNothingChangedIn(context, call, loop, membersWrittenIn(context, loop))) return loopRetryScope(context, loop, true, { afterStatus: true, onEmptyAnswer: true });
  }
  return undefined;
}

/** `docs = await collection.find(query).toArray()` inside the loop (in its own function): the call that answers. */
function answerWrittenIn(context: Context, root: TSESTree.Identifier, loop: Loop): TSESTree.CallExpression | undefined {
  const fn = enclosingFunction(loop);
  for (const reference of findVariable(context, root)?.references ?? []) {
    const assignment = reference.identifier.parent;
    if (!reference.isWrite() || !contains(loop.body, reference.identifier) || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
    // `docs = (await api.get(url)).data`: the answer read through its body.
    let call = unwrap(assignment.right);
    while (call.type === AST_NODE_TYPES.MemberExpression) call = unwrap(call.object);
    if (call.type === AST_NODE_TYPES.CallExpression && enclosingFunction(call) === fn) return call;
  }
  return undefined;
}

/**
 * Does the call read only what stays the same from one round to the next: variables the loop does not write,
 * and values made inside the loop from such variables (`for (const collection of collections)`)? A page
 * number, a cursor or an index that the loop moves on makes it a listing, not a retry.
 */
function readsNothingChangedIn(context: Context, root: TSESTree.Node, loop: Loop, writtenMembers: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 2) return false;
  const sourceCode = context.sourceCode;
  let steady = true;
  walk(sourceCode, root, (node) => {
    if (!steady) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && writtenMembers.has(sourceCode.getText(node))) steady = false;
    if (node.type !== AST_NODE_TYPES.Identifier || !isVariableName(node)) return undefined;
    const variable = findVariable(context, node);
    const def = variable?.defs[0];
    if (!variable || !def) return undefined;
    if (!contains(loop, def.name)) {
      if (variable.references.some((reference) => reference.isWrite() && contains(loop, reference.identifier))) steady = false;
      return undefined;
    }
    // Declared inside the loop: a callback's parameter within the call, or a value made from steady ones.
    if (def.type === 'Parameter' && contains(root, def.name)) return undefined;
    const declarator = def.type === 'Variable' ? def.node : undefined;
    const source = declarator?.init ?? (declarator && isIterationOf(declarator) ? (declarator.parent.parent as TSESTree.ForOfStatement | TSESTree.ForInStatement).right : undefined);
    if (!source || !readsNothingChangedIn(context, source, loop, writtenMembers, depth + 1)) steady = false;
    return undefined;
  });
  return steady;
}

/** `this.page++`, `state.cursor = next`: the members the loop writes, by their text. */
function membersWrittenIn(context: Context, loop: Loop): Set<string> {
  const written = new Set<string>();
  walk(context.sourceCode, loop, (node) => {
    const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
    if (target?.type === AST_NODE_TYPES.MemberExpression) written.add(context.sourceCode.getText(target));
    return undefined;
  });
  return written;
}

/** `for (const item of items)`: the declarator of a for-of or for-in's variable. */
function isIterationOf(declarator: TSESTree.VariableDeclarator): boolean {
  const loop = declarator.parent.parent;
  return (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent;
}
