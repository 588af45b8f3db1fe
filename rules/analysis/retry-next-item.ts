import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { ATTEMPT_COUNTER_NAME } from '../knowledge/retries';
import { calleeName, contains, enclosingFunction, type FunctionNode } from './ast-walk';
import { constInit, findVariable, unwrap } from './origin';
import { passedArguments } from './retry-recursion-count';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a recursion takes before it tries: a function that moves on to another item each time it runs drains work, it does not retry. */

/**
 * `const job = queue.shift(); try { send(job) } catch { fail(job); dispatch(); }`: the function takes the
 * next item of a queue before it tries, so calling it again from the catch moves on to another item; it
 * drains the queue, it does not retry the one that failed. Unless the catch puts the item back
 * (`queue.unshift(job)`, `queue.push(job)`): then the call again sends the same one. A pool's `const idx =
 * nextIdx++` (or `items[next++]`) takes the next item as well; an attempt count (`attempt++`) does not.
 * The item may be taken in any block around the attempt (a pool's `while (running < max)` body).
 */
export function takesNextItem(context: Context, fn: FunctionNode, attempt: TSESTree.Node, handler: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = attempt; current && current !== fn; current = current.parent) {
    const block: TSESTree.Node | undefined = current.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of block.body) {
      if (statement === current || statement.range[0] >= attempt.range[0]) break;
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrap(declarator.init);
        const value = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
        if (!value || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
        const taken = takenFrom(value);
        if (taken === undefined) continue;
        const variable = findVariable(context, declarator.id);
        const putsBack = taken !== '' && variable?.references.some((reference) => contains(handler, reference.identifier) && isPutBack(context, reference.identifier, taken));
        if (!putsBack && variable?.references.some((reference) => contains(attempt, reference.identifier))) return true;
      }
    }
  }
  return false;

  /** The queue's text for `queue.shift()`, '' for a moved index (`next++`, `items[next++]`), undefined otherwise. */
  function takenFrom(value: TSESTree.Node): string | undefined {
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && ['shift', 'pop', 'dequeue'].includes(calleeName(value.callee) ?? '')) {
      return context.sourceCode.getText(value.callee.object);
    }
    const index = value.type === AST_NODE_TYPES.MemberExpression && value.computed ? unwrap(value.property) : value;
    return index.type === AST_NODE_TYPES.UpdateExpression && index.operator === '++' && index.argument.type === AST_NODE_TYPES.Identifier && !ATTEMPT_COUNTER_NAME.test(index.argument.name) ? '' : undefined;
  }
}

/**
 * `const item = queue[0]; try { await send(item) } catch { …; queue.shift(); this.drain() }`: the function
 * looks at the head of a queue before it tries, and this way out of the failure drops it before calling the
 * function again, which then sends the next item; it drains the queue, it does not retry the dropped one.
 */
export function dropsPeekedItem(context: Context, call: TSESTree.Node, fn: FunctionNode, handler: TSESTree.Node): boolean {
  const queues = new Set<string>();
  for (let current: TSESTree.Node = call; current !== handler && current.parent; current = current.parent) {
    const block = current.parent;
    if (block.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of block.body.slice(0, block.body.indexOf(current as TSESTree.Statement))) {
      const shift = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : undefined;
      if (shift?.type === AST_NODE_TYPES.CallExpression && shift.callee.type === AST_NODE_TYPES.MemberExpression && calleeName(shift.callee) === 'shift') queues.add(context.sourceCode.getText(shift.callee.object));
    }
  }
  if (queues.size === 0 || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return fn.body.body.some((statement) => statement.range[1] <= handler.range[0] && statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => {
    const init = declarator.init && unwrap(declarator.init);
    return init?.type === AST_NODE_TYPES.MemberExpression && init.computed && init.property.type === AST_NODE_TYPES.Literal && init.property.value === 0
      && queues.has(context.sourceCode.getText(init.object));
  }));
}

/** `queue.unshift(item)` / `queue.push(item)`: the item handed back to the queue it was taken from. */
function isPutBack(context: Context, item: TSESTree.Node, queue: string): boolean {
  const call = item.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(item as TSESTree.Expression) || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  return ['unshift', 'push'].includes(calleeName(call.callee) ?? '') && context.sourceCode.getText(call.callee.object) === queue;
}

/**
 * `processBatch(batch.slice(0, mid))` from the catch of `processBatch(batch)`, or `fetchParts(subStart,
 * subEnd, 2)` from that of `fetchParts(start, end, parts)`: the call hands a parameter the request reads
 * another value, not the parameter or a count moved on from it, so it sends another request (a smaller
 * batch, a narrower interval), as a fallback to another address does; not the one that failed.
 */
export function sendsAnotherRequest(context: Context, call: TSESTree.CallExpression, fn: FunctionNode, attempt: TSESTree.Node, failure?: TSESTree.Node): boolean {
  // The parameter itself, another of them passed in its place, or a count moved on from one
  // (`again(url, options, n - 1)` to `(n, url, options)`): nothing new is sent.
  const isParameter = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && fn.params.some((each) => {
    const name = each.type === AST_NODE_TYPES.AssignmentPattern ? each.left : each;
    return name.type === AST_NODE_TYPES.Identifier && name.name === node.name;
  });
  return passedToParameters(call, fn).some(({ target, value }) => {
    // `next(i + 1)` where the request sends `items[i]`: an index moved on to the next item is another request.
    if (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-') && [value.left, value.right].some(isParameter)) return indexesRequestItem(context, target, attempt);
    // `url = url.replace('http://', 'https://'); return load(url)`: the parameter, rewritten on the way to the call.
    if (isParameter(value) && rewrittenBefore(context, value as TSESTree.Identifier, call, attempt)) return readByRequest(context, target, attempt, failure);
    if (isParameter(value) || value.type === AST_NODE_TYPES.UpdateExpression) return false;
    // `this._request({ ...config, retryCount: retryCount + 1 })`: the same request, with its count moved on.
    if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)
      && value.properties.every((property) => property.type === AST_NODE_TYPES.SpreadElement ? [AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression].includes(unwrap(property.argument).type) : countsAttempts(property))) return false;
    // `Math.max(100, size / 2)`, also through a `const`: a clamp reaches its floor and sends the same again.
    const made = value.type === AST_NODE_TYPES.Identifier ? constInit(context, value) : value;
    if (made && unwrap(made).type === AST_NODE_TYPES.CallExpression && /^Math\.(?:max|min)$/.test(context.sourceCode.getText((unwrap(made) as TSESTree.CallExpression).callee))) return false;
    return readByRequest(context, target, attempt, failure);
  });
}

/**
 * Is `name` given a new value (not a count moved on) on the failure's way to `call`, after the attempt, in the
 * function that makes it: `url = url.replace('http://', 'https://')` in the handler that calls `load(url)` again?
 * A value given before the attempt ends (`key = key(resp)` in the try, `url = url.replace(…)` at the top of the
 * function) is given on every round, so the request is the same.
 */
function rewrittenBefore(context: Context, name: TSESTree.Identifier, call: TSESTree.CallExpression, attempt: TSESTree.Node): boolean {
  const around = enclosingFunction(call);
  return (findVariable(context, name)?.references ?? []).some(({ identifier }) => {
    const assignment = identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== identifier || assignment.operator !== '=' || !around || !contains(around, assignment)
      || assignment.range[0] < attempt.range[1] || assignment.range[1] > call.range[0]) return false;
    const value = unwrap(assignment.right);
    return !(value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-') && value.right.type === AST_NODE_TYPES.Literal && typeof value.right.value === 'number');
  });
}

/** Is the parameter read in the arguments of a call in the attempt (`llm.create({ content: batch.join('\\n') })`), not only logged or waited on? */
function readByRequest(context: Context, param: TSESTree.Identifier, attempt: TSESTree.Node, failure?: TSESTree.Node): boolean {
  return (findVariable(context, param)?.references ?? []).some(({ identifier }) => {
    // The failure path's own reads (the delay it computes) are not the request.
    if (!contains(attempt, identifier) || (failure && contains(failure, identifier))) return false;
    // Up to the attempt itself, which may be the request (`send(url, 'POST', item)`).
    for (let current: TSESTree.Node | undefined = identifier.parent; current; current = current === attempt ? undefined : current.parent) {
      if (current.type !== AST_NODE_TYPES.CallExpression || current.callee === identifier) continue;
      const name = calleeName(current.callee) ?? '';
      if (!LOCAL_READS.test(name) && !(current.callee.type === AST_NODE_TYPES.MemberExpression && current.callee.object.type === AST_NODE_TYPES.Identifier && current.callee.object.name === 'console')) return true;
    }
    return false;
  });
}

/**
 * `next(i + 1)` where the request sends `items[i]`: the call moves on to the next item of a list. Narrower
 * than sendsAnotherRequest: a recursion on a failed status that sends a smaller batch is still a burst of
 * requests after a 5xx, but one that walks on to the next item is not a retry at all.
 */
export function movesOnToNextItem(context: Context, call: TSESTree.CallExpression, fn: FunctionNode, attempt: TSESTree.Node): boolean {
  return passedToParameters(call, fn).some(({ target, value }) => value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+'
    && [value.left, value.right].some((side) => side.type === AST_NODE_TYPES.Identifier && side.name === target.name) && indexesRequestItem(context, target, attempt));
}

/** Each value the call passes (unwrapped, not spread) with the parameter of `fn` that receives it, when that is a plain name. */
function passedToParameters(call: TSESTree.CallExpression, fn: FunctionNode): Array<{ target: TSESTree.Identifier; value: TSESTree.Node }> {
  return passedArguments(call).flatMap((argument, index) => {
    const param = fn.params[index];
    const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target?.type === AST_NODE_TYPES.Identifier && argument.type !== AST_NODE_TYPES.SpreadElement ? [{ target, value: unwrap(argument) }] : [];
  });
}

/** `retryCount: n + 1`, `attempt: attempt + 1`: a property that counts the attempts. */
function countsAttempts(property: TSESTree.Property): boolean {
  const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  return key !== undefined && ATTEMPT_COUNTER_NAME.test(key);
}

/**
 * Does the request send the item the parameter indexes: `items[i]` read in the attempt's arguments, or a
 * variable made of it before (`var it = items[i]; send(url, 'POST', it)`)?
 */
function indexesRequestItem(context: Context, param: TSESTree.Identifier, attempt: TSESTree.Node): boolean {
  return (findVariable(context, param)?.references ?? []).some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || !member.computed || member.property !== identifier) return false;
    const declarator = member.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === member && declarator.id.type === AST_NODE_TYPES.Identifier) return readByRequest(context, declarator.id, attempt);
    return contains(attempt, member) && readByRequest(context, param, attempt);
  });
}

/** Calls that only read a value in memory or wait: what they are handed is not the request. */
const LOCAL_READS = /^(?:sleep|delay|wait|setTimeout|log|info|warn|error|debug|join|slice|map|filter|toISOString|toString|String|Number|Date|stringify|parse|pow|min|max|floor|ceil|round|random)$/;
