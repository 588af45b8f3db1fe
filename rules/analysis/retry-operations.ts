import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches, CLIENTS, dottedPathMatches, moduleMatches, type HttpMethod } from '../knowledge/clients';
import {
  AWS_COMMANDS, AWS_TOKEN_MEMBERS, HTTP_CONSEQUENCE, IDEMPOTENCY_HEADERS, NON_IDEMPOTENT_METHODS, SAFE_INSERT, SDKS, sdkClientSpec, SQL_CLIENTS, SUGGESTED_HEADER,
} from '../knowledge/retries';
import { methodWhenGiven, type Giver } from './body-method';
import { callerValues } from './caller-values';
import { programCallerKey, programCallerMethod } from './program-callers';
import { declaredReceiver, declaredSdkPath } from './declared-receivers';
import { httpMethodOf, resolveClientCall, resolveInstanceMember, type ClientCall } from './calls';
import { readOption } from './options';
import { isRepeatablePostUrl, urlOf } from './request-urls';
import { findVariable, memberName, resolveOrigin, singleAssignmentInit, unwrap } from './origin';
import { callerKey, httpEvidence } from './retry-http-keys';
import { retryAxiosFor } from './retry-axios-config';
import { interceptorRetryFor } from './retry-interceptors';
import { observableFacts } from './retry-observables';
import { fetchLikeCall, requestConfigFacts, wrapperFacts } from './retry-wrapper-calls';
import { constantString } from './value-sources';
import {
  axiosRetryFor, countAttempts, FETCH_RETRY, fetchRetryRepeats, sdkRetry, superagentRetry, wrappedBy, type ConfiguredUse,
} from './retry-configured';
import { methodsOptionRetry, undiciRetry } from './retry-methods-option';
import type { TypeFacts } from './types';

export { placeOfConfigured, type ConfiguredUse } from './retry-configured';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** A call the user declares non-idempotent (rule option `operations`): plain JSON. */
export interface UserOperation {
  module: string;
  export?: string;
  keyOption?: string;
}

export interface OperationSettings {
  /** Extra idempotency header names, lower case. */
  headers: readonly string[];
  operations: readonly UserOperation[];
}

/** What the operation says about an idempotency key. */
export type KeyEvidence =
  | { kind: 'none' }
  | { kind: 'key'; value: TSESTree.Node }
  /** Hidden in a spread or a variable: never reported. */
  | { kind: 'unknown' }
  /** Safe to repeat without a key (a deduplication id, an SDK-filled token). */
  | { kind: 'safe' };

/** Where a suggestion can send a new key. */
export type SendKey =
  | { kind: 'header'; object: TSESTree.ObjectExpression }
  | { kind: 'headers'; object: TSESTree.ObjectExpression }
  | { kind: 'argument'; call: CallNode; index: number; sdkOption?: string }
  | { kind: 'option'; object: TSESTree.ObjectExpression; sdkOption: string }
  | { kind: 'chain'; call: CallNode };

export interface Operation {
  call: CallNode;
  /** "POST", "Stripe charges.create". */
  label: string;
  consequence: string;
  key: KeyEvidence;
  send?: SendKey;
  /** What to do when no idempotency key can be sent (an SDK without one, an AWS deduplication id). */
  advice?: string;
  /** When the method is a wrapper's parameter: the calls in this file that pass the non-idempotent one. */
  methodFrom?: CallNode[];
  /**
   * When the method is a POST only if a body is given (`body ? 'POST' : 'GET'`): the calls here that pass one
   * (`methodFrom` holds them and the calls they go through), and a call of another file that does, when that
   * is where it comes from.
   */
  methodByBody?: { givers: Giver[]; elsewhere?: string };
  /** With types, when the method comes from the calls of other files: the one that passes it ("in auth.ts on line 71"). */
  methodElsewhere?: string;
  /** With types: the function of another file that sends this call's options, "apiFetch() (fetch in api.ts on line 3)". */
  through?: string;
  /** An SDK's operation (from the table or the `operations` option): its key is the SDK's own option, not a header. */
  sdk?: true;
}

export interface CallFacts {
  operation?: Operation;
  configured?: ConfiguredUse;
}

const SDK_SPECS = SDKS.map((sdk) => ({ sdk, spec: sdkClientSpec(sdk) }));

function readMethodFrom(context: Context, types: TypeFacts | undefined) {
  return (options: TSESTree.Node | undefined): string | undefined => {
    const verdict = readOption(context, options, ['method']);
    if (verdict.kind === 'absent') return 'GET';
    // `{ method }` after `const method = 'POST'`, `method: METHOD`: the string the name always holds.
    return verdict.kind === 'present' ? constantString(context, verdict.value, types) : undefined;
  };
}

/**
 * `fetch(url, { method })` inside `request(method, url)`: the non-idempotent method this file's callers
 * pass to the wrapper, with the calls that pass it.
 */
function methodFromCallers(context: Context, call: ClientCall): { method: HttpMethod; calls: CallNode[] } | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  const verdict = readOption(context, call.options.node, ['method']);
  const values = verdict.kind === 'present' ? callerValues(context, verdict.value)
    : verdict.kind === 'unknown' ? callerValues(context, call.options.node, ['method']) : [];
  const unsafe = values.filter((passed) => NON_IDEMPOTENT_METHODS.includes(passed.value.toUpperCase() as HttpMethod));
  if (unsafe.length === 0) return undefined;
  return { method: unsafe[0]!.value.toUpperCase() as HttpMethod, calls: unsafe.map((passed) => passed.call) };
}


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

function sdkFacts(context: Context, node: CallNode): CallFacts | undefined {
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
function awsFacts(context: Context, node: CallNode): CallFacts | undefined {
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
    : 'AWS drops no repeat of this command: make its consumers idempotent, or retry only errors raised before the request was sent.';
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
function sqlFacts(context: Context, node: CallNode): CallFacts | undefined {
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
      call: node, label: 'INSERT', consequence: 'the row is inserted twice', key: { kind: 'none' },
      advice: 'Add `ON CONFLICT (…) DO NOTHING` (or `ON DUPLICATE KEY UPDATE`) on a unique key, so a repeated insert changes nothing.',
    },
  };
}

function userFacts(context: Context, node: CallNode, settings: OperationSettings): CallFacts | undefined {
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

/**
 * What a call is, for retries: a non-idempotent operation (with its key evidence), and/or a call its
 * client retries by configuration.
 */
export function classifyCall(context: Context, node: CallNode, types: TypeFacts | undefined, settings: OperationSettings): CallFacts | undefined {
  const names = [...IDEMPOTENCY_HEADERS, ...settings.headers];
  const client = resolveClientCall(context, node, CLIENTS, types);
  if (client && !client.shape.constructs) {
    let method = httpMethodOf(client, readMethodFrom(context, types));
    const passed = method === undefined ? methodFromCallers(context, client) : undefined;
    if (passed) method = passed.method;
    const bodied = method === undefined ? methodWhenGiven(context, client, types) : undefined;
    if (bodied) method = bodied.method;
    // With types, a method the callers of other files pass to a function no call here makes.
    const programmed = method === undefined && types ? programCallerMethod(context, types, client) : undefined;
    if (programmed) method = programmed.method;
    const unsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method);
    const configured = axiosRetryFor(context, client, unsafe, types) ?? retryAxiosFor(context, client, method, types) ?? interceptorRetryFor(context, client, unsafe) ?? superagentRetry(context, client, unsafe) ?? undiciRetry(context, client, method) ?? methodsOptionRetry(context, client, method, types);
    if (!unsafe || (method === 'POST' && isRepeatablePostUrl(context, urlOf(context, client)))) return configured && { configured };
    // A request that POSTs when given a body sends the options of that branch.
    const { key, send } = httpEvidence(context, bodied && client.options.kind === 'argument' ? { ...client, options: { ...client.options, node: bodied.options } } : client, names);
    // Options handed in whole by the callers that pass the method: what they wrote decides, and the key
    // belongs in that caller, so there is nowhere here to send one.
    const fromCallers = passed && key.kind === 'unknown' ? callerKey(context, client, passed.calls, names) : undefined;
    // With types, options no call here fills are the ones the calls of other files write.
    const fromProgram = !passed && key.kind === 'unknown' && types ? programCallerKey(context, types, client, names) : undefined;
    const caller = fromCallers?.kind === 'none' ? `on line ${passed!.calls[0]!.loc.start.line}` : fromProgram?.caller;
    const advice = caller ? `Send an idempotency key in the options the call ${caller} passes, created once before that call (an \`${SUGGESTED_HEADER}\` header).` : undefined;
    return {
      operation: {
        call: node, label: method!, consequence: HTTP_CONSEQUENCE[method!]!, key: fromCallers ?? (fromProgram ? { kind: 'none' } : key), send: fromCallers || fromProgram ? undefined : send, advice,
        methodFrom: passed?.calls ?? (bodied && bodied.givers.length > 0 ? bodied.givers.flatMap((giver) => [giver.call, ...giver.through]) : undefined),
        methodByBody: bodied && { givers: bodied.givers, elsewhere: bodied.elsewhere }, methodElsewhere: programmed?.caller,
      },
      configured,
    };
  }
  const origin = resolveOrigin(context, node.callee);
  const wrapped = wrappedBy(origin, FETCH_RETRY);
  if (wrapped) {
    const options = node.arguments[1];
    const method = readMethodFrom(context, types)(options)?.toUpperCase();
    const unsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method as never);
    const wrapOptions = wrapped.call.arguments[FETCH_RETRY.optionsArg!];
    const repeats = fetchRetryRepeats(context, options, wrapOptions);
    const configured: ConfiguredUse = {
      name: FETCH_RETRY.name, node: wrapped.call.callee, attempts: countAttempts(context, FETCH_RETRY, options ?? wrapOptions),
      repeatsUnsafe: unsafe && repeats !== undefined, repeatsOn: repeats?.repeatsOn ?? FETCH_RETRY.repeatsOn, ...(repeats?.afterStatus ? { afterStatus: true as const } : {}),
    };
    if (!unsafe) return { configured };
    const { key, send } = httpEvidence(context, fetchLikeCall(node, 1, options), names);
    return { operation: { call: node, label: method!, consequence: HTTP_CONSEQUENCE[method!]!, key, send }, configured };
  }
  return observableFacts(context, node, names) ?? sdkFacts(context, node) ?? awsFacts(context, node) ?? sqlFacts(context, node) ?? userFacts(context, node, settings)
    ?? (types ? wrapperFacts(context, node, types, names) : undefined) ?? requestConfigFacts(context, node, types, names);
}
