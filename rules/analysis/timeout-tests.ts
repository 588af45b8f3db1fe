import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { TIMEOUT_FAILURES } from '../knowledge/retries';
import { calleeName } from './ast-walk';
import { constInit, logicalTerms, memberName, unwrap } from './origin';
import { errorClassName, messageSearch, readMembers, readsMessage } from './status-reads';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Tests that hold only when an attempt ended by its own timeout. require-retry-backoff lets a `continue`
 * under one go without a wait when other ways round of the same catch wait (noBackoffOnSomeFailures): that
 * attempt has waited its timeout. A negation (`err.code !== 'ETIMEDOUT'`) holds for every other failure.
 */

/**
 * `error.name === 'AbortError'`, `err.code === 'ETIMEDOUT'`, `error.message === 'timeout'`, `isTimeout`,
 * `isTimeoutError(e)`, `error instanceof TimeoutError`, an `&&` with one (`isTimeout && attempt < 3`), an
 * `||` of them, or a `const` holding one. Not a negation: `err.code !== 'ETIMEDOUT'` holds for the rest.
 */
export function holdsOnlyAfterTimeout(context: Context, test: TSESTree.Node, depth = 0): boolean {
  return logicalTerms(test, '&&').some((term) => namesTimeout(context, term, depth));
}

function namesTimeout(context: Context, term: TSESTree.Node, depth: number): boolean {
  const value = unwrap(term);
  switch (value.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return value.operator === '||' && namesTimeout(context, value.left, depth) && namesTimeout(context, value.right, depth);
    case AST_NODE_TYPES.Identifier: {
      if (TIMEOUT_FAILURES.predicate.test(value.name)) return true;
      const init = depth < 2 ? constInit(context, value) : undefined;
      return init !== undefined && holdsOnlyAfterTimeout(context, init, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return TIMEOUT_FAILURES.predicate.test(memberName(value) ?? '');
    case AST_NODE_TYPES.CallExpression:
      return TIMEOUT_FAILURES.predicate.test(calleeName(value.callee) ?? '') || messageSaysTimeout(context, value);
    case AST_NODE_TYPES.BinaryExpression:
      if (value.operator === 'instanceof') return (TIMEOUT_FAILURES.names as readonly string[]).includes(errorClassName(value.right) ?? '');
      return (value.operator === '===' || value.operator === '==') && (comparesTimeout(context, value.left, value.right) || comparesTimeout(context, value.right, value.left));
    default:
      return false;
  }
}

/** `err.code === 'ETIMEDOUT'`, `error.name === 'AbortError'`, `error.message === 'timeout'`. */
function comparesTimeout(context: Context, read: TSESTree.Node, literal: TSESTree.Node): boolean {
  if (literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string') return false;
  const text = literal.value;
  const members = readMembers(context, read);
  if (members?.every((name) => name === 'code' || name === 'errno')) return (TIMEOUT_FAILURES.codes as readonly string[]).includes(text);
  if (members?.every((name) => name === 'name' || name === 'type')) return (TIMEOUT_FAILURES.names as readonly string[]).includes(text);
  return readsMessage(context, read) && TIMEOUT_FAILURES.message.test(text);
}

/** `error.message.includes('timeout')`, `/timed? ?out/i.test(message)`. */
function messageSaysTimeout(context: Context, call: TSESTree.CallExpression): boolean {
  const sought = messageSearch(context, call);
  if (!sought) return false;
  if (sought.pattern !== undefined) return sought.texts.every((alternative) => /time|abort/i.test(alternative));
  const [text] = sought.texts as [string];
  return TIMEOUT_FAILURES.message.test(text) || (TIMEOUT_FAILURES.codes as readonly string[]).includes(text);
}
