import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { NON_IDEMPOTENT_METHODS } from '../knowledge/retries';
import { underIfTest } from './ast-walk';
import { constInit, logicalTerms, memberName, unwrap } from './origin';
import { catchGoesRoundOnlyWhen } from './retry-unprocessed';
import type { RetryScope } from './retry-types';
import { membership } from './status-reads';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A retry that goes round only when the request's method is one a repeat cannot apply twice (`if (isGet &&
 * attempt < max) continue; throw e;`) repeats no POST: the helper sends POSTs once and retries only its reads.
 */
export function retriesOnlySafeMethods(context: Context, scope: RetryScope): boolean {
  const safe = (test: TSESTree.Expression): boolean => holdsOnlyForSafeMethod(context, test);
  if (scope.kind === 'loop') return scope.handler !== undefined && catchGoesRoundOnlyWhen(context, scope.handler, safe);
  return scope.kind === 'recursion' && scope.failurePath !== undefined && underIfTest(scope.node, scope.failurePath, safe);
}

const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE', 'POST', 'PATCH'];
const isSafeMethod = (value: unknown): boolean => typeof value === 'string' && HTTP_METHODS.includes(value.toUpperCase()) && !NON_IDEMPOTENT_METHODS.includes(value.toUpperCase() as never);

/**
 * `method === 'GET'`, `config.method?.toUpperCase() === 'GET'`, `['GET', 'HEAD'].includes(method)`,
 * `SAFE_METHODS.has(method)` (a `const` list of such), an `&&` with one, or a `const` holding one (`const
 * isGet = method.toUpperCase() === 'GET'`).
 */
function holdsOnlyForSafeMethod(context: Context, test: TSESTree.Node, depth = 0): boolean {
  return logicalTerms(test, '&&').some((term) => namesSafeMethod(context, term, depth));
}

function namesSafeMethod(context: Context, term: TSESTree.Node, depth: number): boolean {
  const value = unwrap(term);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return value.operator === '||' && namesSafeMethod(context, value.left, depth) && namesSafeMethod(context, value.right, depth);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = depth < 2 ? constInit(context, value) : undefined;
    return init !== undefined && holdsOnlyForSafeMethod(context, init, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '===' || value.operator === '==')) {
    const [read, literal] = value.right.type === AST_NODE_TYPES.Literal ? [value.left, value.right] : [value.right, value.left];
    return literal.type === AST_NODE_TYPES.Literal && isSafeMethod(literal.value) && readsMethod(read);
  }
  // `['GET', 'HEAD'].includes(method)`, `SAFE_METHODS.has(method)` with a `new Set([…])` of such methods.
  const listed = value.type === AST_NODE_TYPES.CallExpression ? membership(context, value) : undefined;
  return listed !== undefined && readsMethod(listed.read) && listed.values.every(isSafeMethod);
}

/** `method`, `httpMethod`, `config.method`, also through `.toUpperCase()` / `.toLowerCase()`. */
function readsMethod(node: TSESTree.Node): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && /^to(?:Upper|Lower)Case$/.test(memberName(value.callee) ?? '')) value = unwrap(value.callee.object);
  if (value.type === AST_NODE_TYPES.Identifier) return /method$/i.test(value.name);
  return value.type === AST_NODE_TYPES.MemberExpression && /method$/i.test(memberName(value) ?? '');
}
