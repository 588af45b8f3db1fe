import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches } from '../knowledge/clients';
import { QUERY_BUILDER_CLIENTS, type QueryBuilderClient } from '../knowledge/retries';
import { calleeName } from './ast-walk';
import { receiverTypeName } from './declared-receivers';
import { memberName, resolveOrigin, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Requests built as a chain on a client and sent when awaited (QUERY_BUILDER_CLIENTS): `supabase.from('orders')
 * .insert(row)`, `supabase.storage.from('avatars').upload(…)`. No single call of the chain is a client call the
 * clients table could name, so the chain is read from its last call back to the instance it starts from.
 */

export interface QueryBuilderChain {
  client: QueryBuilderClient;
  /** Members read from the instance before the first call: `storage` of `supabase.storage.from(bucket)`. */
  members: string[];
  /** The chain's calls, first to last, ending at the call asked about. */
  calls: Array<{ name: string; call: TSESTree.CallExpression }>;
}

/** How many members may stand between the instance and the first call (`this.db.supabase.storage.from`). */
const MAX_MEMBERS = 4;

/** The chain of calls that ends at `node`, and the expression it starts from. */
function chainOf(node: TSESTree.CallExpression): { start: TSESTree.Node; calls: QueryBuilderChain['calls'] } | undefined {
  const calls: QueryBuilderChain['calls'] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    // `createClient()` of `createClient().from(…)`: the call that makes the instance starts the chain.
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = memberName(callee);
    if (name === undefined) return undefined;
    calls.unshift({ name, call: current });
    current = unwrap(callee.object);
  }
  return calls.length > 0 ? { start: current, calls } : undefined;
}

/** The name a value goes by: `supabase`, `this.supabaseAdmin`'s `supabaseAdmin`, `getSupabase()`'s `getSupabase`. */
function valueName(value: TSESTree.Node): string | undefined {
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberName(value);
  return value.type === AST_NODE_TYPES.CallExpression ? calleeName(value.callee) : undefined;
}

/** Is `value` an instance of `client`: made by its factory, declared with its type, or named after it? */
function isInstance(context: Context, value: TSESTree.Node, client: QueryBuilderClient): boolean {
  const name = valueName(value);
  if (name !== undefined && client.named.test(name)) return true;
  const declared = receiverTypeName(context, value);
  if (declared !== undefined && client.typeNames.includes(declared.name)) return true;
  const origin = resolveOrigin(context, value);
  if (origin?.kind === 'call' && origin.path.length === 0 && origin.callee.kind === 'module') {
    const { module, path } = origin.callee;
    return (anyModuleMatches(client.modules, module) && client.factories.includes(path.join('.'))) || client.named.test(module);
  }
  // `import { db } from '@/lib/supabase'`: an instance the app's module of that name exports.
  return origin?.kind === 'module' && origin.path.length === 1 && !anyModuleMatches(client.modules, origin.module) && client.named.test(origin.module);
}

/** The instance a chain starts from, and the members read from it before the first call. */
function instanceOf(context: Context, start: TSESTree.Node): { client: QueryBuilderClient; members: string[] } | undefined {
  const members: string[] = [];
  let target = start;
  for (let depth = 0; depth <= MAX_MEMBERS; depth++) {
    const client = QUERY_BUILDER_CLIENTS.find((candidate) => isInstance(context, target, candidate));
    if (client) return { client, members };
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type === AST_NODE_TYPES.ThisExpression) return undefined;
    const name = memberName(target);
    if (name === undefined) return undefined;
    members.unshift(name);
    target = unwrap(target.object);
  }
  return undefined;
}

/** The request a chain sends, when it starts from a query-builder client's instance and one of its request members. */
function requestOf(context: Context, chain: NonNullable<ReturnType<typeof chainOf>>): QueryBuilderChain | undefined {
  const instance = instanceOf(context, chain.start);
  if (!instance) return undefined;
  const first = instance.members[0] ?? chain.calls[0]!.name;
  return instance.client.requestMembers.includes(first) ? { client: instance.client, members: instance.members, calls: chain.calls } : undefined;
}

/** A call of a chain that sends a request through a query-builder client, or undefined. */
export function queryBuilderChain(context: Context, node: CallNode): QueryBuilderChain | undefined {
  const chain = node.type === AST_NODE_TYPES.CallExpression ? chainOf(node) : undefined;
  return chain && requestOf(context, chain);
}

/** `supabase.from('orders').insert(row)`: the insert that ends the chain at `node`, with its table when written. */
export function queryBuilderInsert(context: Context, node: CallNode): { client: QueryBuilderClient; table?: string } | undefined {
  const calls = node.type === AST_NODE_TYPES.CallExpression ? chainOf(node) : undefined;
  if (!calls || calls.calls.length < 2) return undefined;
  const last = calls.calls[calls.calls.length - 1]!;
  const table = calls.calls[calls.calls.length - 2]!;
  // Every call of a file is asked: read the names first, and resolve the instance only for an insert on a table.
  if (!QUERY_BUILDER_CLIENTS.some(({ inserts }) => inserts.methods.includes(last.name) && table.name === inserts.table)) return undefined;
  const chain = requestOf(context, calls);
  if (!chain || chain.members.length > 0) return undefined;
  const { inserts } = chain.client;
  if (!inserts.methods.includes(last.name) || table.name !== inserts.table) return undefined;
  const named = table.call.arguments[0] && unwrap(table.call.arguments[0]);
  return { client: chain.client, table: named?.type === AST_NODE_TYPES.Literal && typeof named.value === 'string' ? named.value : undefined };
}
