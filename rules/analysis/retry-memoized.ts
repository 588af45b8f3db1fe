import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { awaitsIn, contains, isFunctionNode, walk } from './ast-walk';
import { localCallee } from './local-callees';
import { unwrap } from './origin';
import type { RetryScope } from './retry-types';
import { underClientErrorTest } from './status-tests';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * A helper that answers from a cache while it holds (`if (cachedToken && cachedToken.expiresAt > now)
 * return cachedToken.value;` before it awaits anything, then the request, then `cachedToken = …`) sends its request once for as
 * long as the cache lasts: called again in each round of a retry, it repeats nothing unless the retry
 * empties the cache. Emptying it after a refusal (`if (res.status === 401) { cachedToken = null; continue }`)
 * asks again for what the server refused.
 */
export function sentOnceWhileCached(context: Context, scope: RetryScope, site: CallNode): boolean {
  if (site.type !== AST_NODE_TYPES.CallExpression) return false;
  const helper = localCallee(context, site.callee)?.fn;
  const cache = isFunctionNode(helper) ? cacheOf(context, helper) : undefined;
  if (!cache) return false;
  let emptied = false;
  walk(context.sourceCode, scope.body, (node) => {
    if (emptied || (helper && contains(helper, node))) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && context.sourceCode.getText(node.left) === cache && !underClientErrorTest(context, node, scope.body)) emptied = true;
    return undefined;
  });
  return !emptied;
}

/** The cache a helper answers from first: `cachedToken` or `this.token`, read by its opening `if … return` and written later in it. */
function cacheOf(context: Context, helper: TSESTree.FunctionLike): string | undefined {
  const body = helper.body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  // The check comes before the helper awaits anything (after its settings are read, `const c = config()`).
  let first: TSESTree.IfStatement | undefined;
  let cache: string | undefined;
  for (const statement of body.body) {
    if (awaitsIn(context.sourceCode, statement)) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) continue;
    const exit = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body[0] : statement.consequent;
    const read = exit?.type === AST_NODE_TYPES.ReturnStatement && exit.argument ? cacheRead(context, statement.test) : undefined;
    if (read && context.sourceCode.getText((exit as TSESTree.ReturnStatement).argument!).includes(read)) {
      first = statement;
      cache = read;
      break;
    }
  }
  if (!first || !cache) return undefined;
  let written = false;
  const after = first.range[1];
  walk(context.sourceCode, body, (node) => {
    if (written) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.range[0] > after && context.sourceCode.getText(node.left) === cache && unwrap(node.right).type !== AST_NODE_TYPES.Literal) written = true;
    return undefined;
  });
  return written ? cache : undefined;
}

/** `cachedToken && cachedToken.expiresAt > Date.now()`, `this.token`: the variable or field the test reads first. */
function cacheRead(context: Context, test: TSESTree.Node): string | undefined {
  let value = unwrap(test);
  while (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') value = unwrap(value.left);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression && !value.computed ? context.sourceCode.getText(value) : undefined;
}
