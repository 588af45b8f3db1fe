import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { CLIENTS } from '../knowledge/clients';
import { REMOTE_CALL_NAME } from '../knowledge/retries';
import { calleeName, walk } from './ast-walk';
import { resolveClientCall } from './calls';
import type { RetryScope } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Does a hand-written retry's attempt reach a remote service: a known client call, or a call whose name
 * says so? Callbacks inside the attempt count (`await queue.add(() => fetch(url))`); library retries are
 * explicit and are not asked.
 */
export function attemptLooksRemote(context: Context, scope: RetryScope, types: TypeFacts | undefined): boolean {
  let remote = false;
  walk(context.sourceCode, scope.body, (node) => {
    if (remote) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const name = calleeName(node.callee);
    if ((name !== undefined && REMOTE_CALL_NAME.test(name)) || resolveClientCall(context, node, CLIENTS, types)) remote = true;
    return undefined;
  });
  return remote;
}

