import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches, dottedPathMatches, moduleMatches } from '../knowledge/clients';
import { AWS_COMMANDS, AWS_TOKEN_MEMBERS, SAFE_INSERT, SDKS, sdkClientSpec, SQL_CLIENTS } from '../knowledge/retries';
import { queryBuilderInsert } from './query-builders';
import { resolveInstanceMember } from './calls';
import { declaredReceiver, declaredSdkPath } from './declared-receivers';
import { readOption } from './options';
import { findVariable, memberName, resolveOrigin, singleAssignmentInit, unwrap } from './origin';
import { sdkRetry } from './retry-configured';
import type { CallFacts, KeyEvidence, OperationSettings, SendKey } from './retry-operations';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Operations that are not HTTP requests: SDK methods that create, charge or publish (from the knowledge
 * table's SDK rows, with the SDK's own key option), AWS SDK v3 commands, SQL INSERTs on pg or mysql2, inserts
 * through a query builder (supabase-js), and
 * the calls the user lists in the rule's `operations`. retry-operations.ts asks these after the HTTP reading.
 */

/** Each SDK row with the client spec that finds its instances; retry-remote.ts reads the same specs. */
export const SDK_SPECS = SDKS.map((sdk) => ({ sdk, spec: sdkClientSpec(sdk) }));

/** A key in an SDK's params (ccxt's `clientOrderId` or an exchange's own name for it). */
function paramsKey(context: Context, params: TSESTree.Node | undefined, names: readonly string[]): KeyEvidence {
  let key: KeyEvidence = { kind: 'none' };
  for (const name of names) {
    const verdict = readOption(context, params, [name]);
    if (verdict.kind === 'present') return { kind: 'key', value: verdict.value };
    if (verdict.kind === 'unknown') key = { kind: 'unknown' };
  }
  return key;
}

export function sdkFacts(context: Context, node: CallNode): CallFacts | undefined {
  let receiver: ReturnType<typeof declaredReceiver> | null = null;
  for (const { sdk, spec } of SDK_SPECS) {
    const member = resolveInstanceMember(context, node, [spec]);
    if (!member && receiver === null) receiver = declaredReceiver(context, node);
    const memberPath = member?.path ?? declaredSdkPath(receiver ?? undefined, sdk);
    if (!memberPath) continue;
    const path = memberPath.join('.');
    const operation = sdk.operations.find((candidate) => dottedPathMatches(candidate.path, path));
    const configured = sdkRetry(context, sdk, member?.instance.creation, operation !== undefined);
    if (!operation) return { configured };
    let key: KeyEvidence = { kind: 'none' };
    let send: SendKey | undefined;
    let advice: string | undefined;
    if (sdk.keyOption?.where === 'params') {
      // The key's accepted form differs between the services behind the SDK, so none is written for the user.
      const params = node.arguments[operation.leadingArgs ?? 0];
      key = node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) ? { kind: 'unknown' } : paramsKey(context, params, [sdk.keyOption.name, ...sdk.keyOption.aliases]);
      advice = `Make a \`${sdk.keyOption.name}\` once, before the retry, in the form the exchange accepts, and pass it in the params: the exchange then refuses the repeat.`;
    } else if (sdk.keyOption) {
      const index = (operation.leadingArgs ?? 0) + 1;
      const options = node.arguments[index];
      const verdict = readOption(context, options, [sdk.keyOption.name]);
      if (verdict.kind === 'present') key = { kind: 'key', value: verdict.value };
      else if (verdict.kind === 'unknown' || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) key = { kind: 'unknown' };
      else if (options && unwrap(options).type === AST_NODE_TYPES.ObjectExpression) send = { kind: 'option', object: unwrap(options) as TSESTree.ObjectExpression, sdkOption: sdk.keyOption.name };
      else if (!options) send = { kind: 'argument', call: node, index, sdkOption: sdk.keyOption.name };
      else key = { kind: 'unknown' };
    } else {
      advice = `${sdk.name} takes no idempotency key, so don't repeat this call blindly: turn its retries off (\`${sdk.retryKey}\`) and check whether it took effect before sending it again.`;
    }
    return { operation: { call: node, label: `${sdk.name} ${path}`, consequence: operation.consequence, key, send, advice, sdk: true }, configured };
  }
  return undefined;
}

/** `client.send(new PublishCommand(input))` on an AWS SDK v3 client. */
export function awsFacts(context: Context, node: CallNode): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== 'send') return undefined;
  const command = node.arguments[0] && unwrap(node.arguments[0]);
  if (command?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const origin = resolveOrigin(context, command.callee);
  if (origin?.kind !== 'module' || !moduleMatches('@aws-sdk/*', origin.module)) return undefined;
  const operation = AWS_COMMANDS.find((candidate) => candidate.path === origin.path.join('.'));
  if (!operation) return undefined;
  const input = command.arguments[0];
  const members = [...(operation.dedupeMembers ?? []), ...AWS_TOKEN_MEMBERS];
  let key: KeyEvidence = { kind: 'none' };
  for (const member of members) {
    const verdict = readOption(context, input, [member]);
    if (verdict.kind === 'present') key = { kind: 'key', value: verdict.value };
    else if (verdict.kind === 'unknown') key = { kind: 'unknown' };
    if (key.kind !== 'none') break;
  }
  const advice = operation.dedupeMembers
    ? `Set \`${operation.dedupeMembers[0]}\` (FIFO topics and queues) so the repeat is dropped.`
    : 'AWS drops no repeat of this command: retry only errors raised before the request was sent, or make what receives it idempotent.';
  return { operation: { call: node, label: origin.path.join('.'), consequence: operation.consequence, key, advice } };
}

/** The statement a query is given: written at the call, or in a `const` (`const sql = \`INSERT …\``). */
function statementText(context: Context, argument: TSESTree.Node): TSESTree.Node {
  const value = unwrap(argument);
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : undefined;
  const init = variable && singleAssignmentInit(variable);
  return init ? unwrap(init) : value;
}

/** `pool.query('INSERT …')` on a pg or mysql2 client, without `ON CONFLICT` / `ON DUPLICATE KEY`. */
export function sqlFacts(context: Context, node: CallNode): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = resolveOrigin(context, node.callee);
  if (origin?.kind !== 'call' || origin.path.length !== 1) return undefined;
  const maker = origin.callee;
  if (maker.kind !== 'module') return undefined;
  const client = SQL_CLIENTS.find((candidate) => anyModuleMatches(candidate.modules, maker.module) && candidate.factories.includes(maker.path.join('.')) && candidate.methods.includes(origin.path[0]!));
  if (!client) return undefined;
  const first = node.arguments[0] && statementText(context, node.arguments[0]);
  const text = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value
    : first?.type === AST_NODE_TYPES.TemplateLiteral ? first.quasis.map((quasi) => quasi.value.cooked ?? '').join('?') : undefined;
  if (text === undefined || !/^\s*INSERT\b/i.test(text) || SAFE_INSERT.test(text)) return undefined;
  return {
    operation: {
      call: node, label: 'INSERT', consequence: 'the row is inserted twice', key: { kind: 'none' }, insertsRow: true,
      advice: 'Add `ON CONFLICT (…) DO NOTHING` (or `ON DUPLICATE KEY UPDATE`) on a unique key, so a repeated insert changes nothing.',
    },
  };
}

/**
 * `supabase.from('orders').insert(row)`: each repeat writes the row anew, unless the row carries its id, made
 * once before the retry, which the table then refuses to take twice (an id made inside the retry is read
 * as an unstable key). Rows the file hands in from elsewhere are read as carrying none: tables give their
 * rows an id of their own far more often than the app does.
 */
export function queryBuilderFacts(context: Context, node: CallNode): CallFacts | undefined {
  const insert = queryBuilderInsert(context, node);
  if (!insert) return undefined;
  const rows = node.arguments[0] && unwrap(node.arguments[0]);
  const each = rows?.type === AST_NODE_TYPES.ArrayExpression ? rows.elements : [rows];
  let key: KeyEvidence = { kind: 'none' };
  for (const row of each) {
    const verdict = row && row.type !== AST_NODE_TYPES.SpreadElement ? readOption(context, row, ['id']) : undefined;
    if (verdict?.kind === 'present') key = { kind: 'key', value: verdict.value };
  }
  const { inserts } = insert.client;
  const label = `${insert.client.name} insert${insert.table ? ` into ${insert.table}` : ''}`;
  return { operation: { call: node, label, consequence: inserts.consequence, key, advice: inserts.advice, sdk: true, insertsRow: true } };
}

export function userFacts(context: Context, node: CallNode, settings: OperationSettings): CallFacts | undefined {
  if (settings.operations.length === 0) return undefined;
  const origin = resolveOrigin(context, node.callee);
  if (origin?.kind !== 'module') return undefined;
  const user = settings.operations.find((candidate) => moduleMatches(candidate.module, origin.module) && (candidate.export ?? '') === origin.path.join('.'));
  if (!user) return undefined;
  const keyOption = user.keyOption ?? 'idempotencyKey';
  let key: KeyEvidence = { kind: 'none' };
  for (const argument of node.arguments) {
    const verdict = readOption(context, argument, [keyOption]);
    if (verdict.kind === 'present') key = { kind: 'key', value: verdict.value };
    if (verdict.kind === 'unknown' && key.kind === 'none') key = { kind: 'unknown' };
  }
  const label = user.export ? `${user.module} ${user.export}` : user.module;
  return { operation: { call: node, label, consequence: 'the operation is applied twice', key, sdk: true } };
}
