import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CLIENTS, moduleMatches } from '../knowledge/clients';
import {
  attemptsFromCount, AWS_COMMANDS, SAFE_INSERT, SQL_CLIENTS, AWS_TOKEN_MEMBERS, CONFIGURED_RETRIES, HTTP_CONSEQUENCE, IDEMPOTENCY_HEADERS, NON_IDEMPOTENT_METHODS,
  operationMatches, SDKS, sdkClientSpec, type ConfiguredRetry, type SdkSpec,
} from '../knowledge/retries';
import { walk } from './ast-walk';
import { httpMethodOf, resolveClientCall, resolveInstanceMember, type ClientCall } from './calls';
import { propertyKey, readOption } from './options';
import { findVariable, memberName, resolveOrigin, singleAssignmentInit, unwrap, type Origin } from './origin';
import { numericValue, type Attempts } from './retry-scopes';
import type { TypeFacts } from './types';

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

/** A retry the call's own client does by configuration. */
export interface ConfiguredUse {
  name: string;
  /** Where the retry is configured (the `axiosRetry(...)` call, the `.retry()` on the chain, the SDK constructor). */
  node: TSESTree.Node;
  attempts: Attempts;
  /** Does its default condition repeat this (non-idempotent) call? */
  repeatsUnsafe: boolean;
  repeatsOn: string;
}

export interface Operation {
  call: CallNode;
  /** "POST", "Stripe charges.create". */
  label: string;
  consequence: string;
  key: KeyEvidence;
  send?: SendKey;
  /** What to do when no idempotency key can be sent (an SDK without one, an AWS deduplication id). */
  advice?: string;
}

export interface CallFacts {
  operation?: Operation;
  configured?: ConfiguredUse;
}

const SDK_SPECS = SDKS.map((sdk) => ({ sdk, spec: sdkClientSpec(sdk) }));

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  const value = node && unwrap(node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function readMethodFrom(context: Context) {
  return (options: TSESTree.Node | undefined): string | undefined => {
    const verdict = readOption(context, options, ['method']);
    if (verdict.kind === 'absent') return 'GET';
    return verdict.kind === 'present' ? stringValue(verdict.value) : undefined;
  };
}

/** An object literal a value is, directly or through a `const`. */
function objectLiteral(context: Context, node: TSESTree.Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
  if (!node || depth > 4) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Headers') return objectLiteral(context, value.arguments[0], depth + 1);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable && singleAssignmentInit(variable);
    return init ? objectLiteral(context, init, depth + 1) : undefined;
  }
  return undefined;
}

/** Looks for an idempotency header, case-insensitively, in a `headers` value. */
function headerKey(context: Context, headers: TSESTree.Node, names: readonly string[]): KeyEvidence {
  const object = objectLiteral(context, headers);
  if (!object) return { kind: 'unknown' };
  let unknown = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      unknown = true;
      continue;
    }
    const key = propertyKey(property);
    if (key === undefined) unknown = true;
    else if (names.includes(key.toLowerCase())) return { kind: 'key', value: property.value };
  }
  return unknown ? { kind: 'unknown' } : { kind: 'none' };
}

/** Headers set on a superagent chain: `.set('Idempotency-Key', key)` or `.set({ … })`. */
function chainKey(context: Context, call: CallNode, names: readonly string[]): KeyEvidence {
  let current: TSESTree.Node = call;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const next: TSESTree.CallExpression = current.parent.parent;
    if (memberName(current.parent) === 'set') {
      const name = stringValue(next.arguments[0]);
      if (name !== undefined && names.includes(name.toLowerCase())) return { kind: 'key', value: next.arguments[1] ?? next };
      if (name === undefined) {
        const inObject = headerKey(context, next.arguments[0]!, names);
        if (inObject.kind !== 'none') return inObject;
      }
    }
    current = next;
  }
  return { kind: 'none' };
}

/** The object literal written at the call for headers: `{ … }` or `new Headers({ … })`, where a key can be added. */
function inlineHeaders(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  const first = value.type === AST_NODE_TYPES.NewExpression && value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
  return first?.type === AST_NODE_TYPES.ObjectExpression ? first : undefined;
}

function httpEvidence(context: Context, call: ClientCall, names: readonly string[]): { key: KeyEvidence; send?: SendKey } {
  if (call.options.kind === 'chain') {
    const key = chainKey(context, call.node, names);
    return { key, send: key.kind === 'none' ? { kind: 'chain', call: call.node } : undefined };
  }
  if (call.options.kind === 'unknown') return { key: { kind: 'unknown' } };
  const options = call.options.node;
  if (!options) return { key: { kind: 'none' }, send: { kind: 'argument', call: call.node, index: call.options.index } };
  const headers = readOption(context, options, ['headers']);
  if (headers.kind === 'unknown') return { key: { kind: 'unknown' } };
  if (headers.kind === 'absent') {
    const literal = unwrap(options).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(options) as TSESTree.ObjectExpression) : undefined;
    return { key: { kind: 'none' }, send: literal ? { kind: 'headers', object: literal } : undefined };
  }
  const key = headerKey(context, headers.value, names);
  const literal = inlineHeaders(headers.value);
  return { key, send: key.kind === 'none' && literal ? { kind: 'header', object: literal } : undefined };
}

/** `fetchRetry(fetch, opts)` or `require('fetch-retry')(fetch)`: the module that wrapped the callee. */
function wrappedBy(origin: Origin | undefined, retry: ConfiguredRetry): Extract<Origin, { kind: 'call' }> | undefined {
  if (origin?.kind !== 'call' || origin.path.length !== 0) return undefined;
  const maker = origin.callee;
  if (maker.kind !== 'module' || maker.path.join('.') !== retry.path) return undefined;
  return retry.modules.some((module) => moduleMatches(module, maker.module)) ? origin : undefined;
}

function countAttempts(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): Attempts {
  if (!retry.countKey || !retry.countKind) return retry.defaultAttempts;
  const count = readOption(context, options, retry.countKey.split('.'));
  if (count.kind === 'absent') return retry.defaultAttempts;
  const value = count.kind === 'present' ? numericValue(context, count.value) : undefined;
  return value === undefined ? { kind: 'unknown' } : attemptsFromCount(value, retry.countKind);
}

function hasCondition(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): boolean {
  return (retry.conditionKeys ?? []).some((key) => readOption(context, options, [key]).kind !== 'absent');
}

const AXIOS_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'axios-retry')!;
const FETCH_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'fetch-retry')!;
const SUPERAGENT_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'superagent')!;

const attachments = new WeakMap<object, Array<{ call: TSESTree.CallExpression; target: Origin | undefined }>>();

/** `axiosRetry(instance, opts)` calls in the file, with what they attach to. */
function axiosRetryAttachments(context: Context): Array<{ call: TSESTree.CallExpression; target: Origin | undefined }> {
  const cached = attachments.get(context.sourceCode);
  if (cached) return cached;
  const found: Array<{ call: TSESTree.CallExpression; target: Origin | undefined }> = [];
  walk(context.sourceCode, context.sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const origin = resolveOrigin(context, node.callee);
    if (origin?.kind === 'module' && AXIOS_RETRY.modules.some((module) => moduleMatches(module, origin.module)) && origin.path.length === 0 && node.arguments[0]) {
      found.push({ call: node, target: resolveOrigin(context, node.arguments[0]) });
    }
    return undefined;
  });
  attachments.set(context.sourceCode, found);
  return found;
}

function axiosRetryFor(context: Context, call: ClientCall, unsafeMethod: boolean): ConfiguredUse | undefined {
  if (call.client.id !== 'axios') return undefined;
  const creation = call.instance?.creation;
  for (const { call: attach, target } of axiosRetryAttachments(context)) {
    const matches = creation
      ? target?.kind === 'call' && target.call === creation && target.path.length === 0
      : target?.kind === 'module' && target.module === 'axios' && target.path.length === 0;
    if (!matches) continue;
    const options = attach.arguments[AXIOS_RETRY.optionsArg!];
    return {
      name: AXIOS_RETRY.name, node: attach.callee, attempts: countAttempts(context, AXIOS_RETRY, options),
      repeatsUnsafe: unsafeMethod && !hasCondition(context, AXIOS_RETRY, options), repeatsOn: AXIOS_RETRY.repeatsOn,
    };
  }
  return undefined;
}

function superagentRetry(context: Context, call: ClientCall, unsafeMethod: boolean): ConfiguredUse | undefined {
  if (call.client.id !== 'superagent') return undefined;
  let current: TSESTree.Node = call.node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const next: TSESTree.CallExpression = current.parent.parent;
    if (memberName(current.parent) === SUPERAGENT_RETRY.path) {
      const count = next.arguments[0] ? numericValue(context, next.arguments[0]) : 1;
      const attempts: Attempts = count === undefined ? { kind: 'unknown' } : attemptsFromCount(count, 'retries');
      if (count === 0) return undefined;
      return { name: SUPERAGENT_RETRY.name, node: current.parent.property, attempts, repeatsUnsafe: unsafeMethod && next.arguments.length < 2, repeatsOn: SUPERAGENT_RETRY.repeatsOn };
    }
    current = next;
  }
  return undefined;
}

/** got/ky: `retry: { methods: [...] }` at the call or on the instance; their defaults skip POST and PATCH. */
function methodsOptionRetry(context: Context, call: ClientCall, method: string | undefined): ConfiguredUse | undefined {
  const retry = CONFIGURED_RETRIES.find((candidate) => candidate.kind === 'methods-option' && candidate.id === call.client.id);
  if (!retry) return undefined;
  const sources = [call.options.kind === 'argument' ? call.options.node : undefined];
  for (let instance = call.instance; instance?.creation; instance = instance.parent) {
    const config = instance.factory?.config;
    if (config?.kind === 'arg') sources.push(instance.creation.arguments[config.index]);
  }
  let repeatsUnsafe = false;
  let attempts: Attempts = retry.defaultAttempts;
  for (const options of sources) {
    if (!options) continue;
    const whole = readOption(context, options, ['retry']);
    if (whole.kind === 'present') {
      const number = numericValue(context, whole.value);
      if (number !== undefined) attempts = attemptsFromCount(number, 'retries');
    }
    const methods = readOption(context, options, retry.path.split('.'));
    const list = methods.kind === 'present' ? unwrap(methods.value) : undefined;
    if (list?.type === AST_NODE_TYPES.ArrayExpression && method && list.elements.some((element) => element && stringValue(element)?.toUpperCase() === method)) repeatsUnsafe = true;
    const limit = countAttempts(context, retry, options);
    if (readOption(context, options, retry.countKey!.split('.')).kind === 'present') attempts = limit;
  }
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  return { name: `${call.client.name}'s built-in retries`, node: call.node.callee, attempts, repeatsUnsafe: repeatsUnsafe && NON_IDEMPOTENT_METHODS.includes(method as never), repeatsOn: retry.repeatsOn };
}

function sdkRetry(context: Context, sdk: SdkSpec, creation: TSESTree.Node | undefined, unsafe: boolean): ConfiguredUse | undefined {
  if (!creation || (creation.type !== AST_NODE_TYPES.NewExpression && creation.type !== AST_NODE_TYPES.CallExpression)) return undefined;
  const config = creation.arguments[sdk.configArg];
  let attempts: Attempts = sdk.defaultAttempts;
  if (sdk.retryKey) {
    const setting = readOption(context, config, sdk.retryKey.split('.'));
    if (setting.kind === 'unknown') attempts = { kind: 'unknown' };
    if (setting.kind === 'present') {
      const value = unwrap(setting.value).type === AST_NODE_TYPES.Literal && (unwrap(setting.value) as TSESTree.Literal).value === false ? 0 : numericValue(context, setting.value);
      attempts = value === undefined ? { kind: 'unknown' } : attemptsFromCount(value, 'retries');
    }
  }
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  return { name: `${sdk.name}'s built-in retries`, node: creation, attempts, repeatsUnsafe: unsafe && sdk.retriesAll && attempts.kind !== 'unknown', repeatsOn: 'failures, whatever the call' };
}

function sdkFacts(context: Context, node: CallNode): CallFacts | undefined {
  for (const { sdk, spec } of SDK_SPECS) {
    const member = resolveInstanceMember(context, node, [spec]);
    if (!member) continue;
    const path = member.path.join('.');
    const operation = sdk.operations.find((candidate) => operationMatches(candidate.path, path));
    const configured = sdkRetry(context, sdk, member.instance.creation, operation !== undefined);
    if (!operation) return { configured };
    let key: KeyEvidence = { kind: 'none' };
    let send: SendKey | undefined;
    if (sdk.keyOption) {
      const index = (operation.leadingArgs ?? 0) + 1;
      const options = node.arguments[index];
      const verdict = readOption(context, options, [sdk.keyOption.name]);
      if (verdict.kind === 'present') key = { kind: 'key', value: verdict.value };
      else if (verdict.kind === 'unknown' || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) key = { kind: 'unknown' };
      else if (options && unwrap(options).type === AST_NODE_TYPES.ObjectExpression) send = { kind: 'option', object: unwrap(options) as TSESTree.ObjectExpression, sdkOption: sdk.keyOption.name };
      else if (!options) send = { kind: 'argument', call: node, index, sdkOption: sdk.keyOption.name };
      else key = { kind: 'unknown' };
    }
    const advice = sdk.keyOption ? undefined : `${sdk.name} takes no idempotency key, so don't repeat this call blindly: turn its retries off (\`${sdk.retryKey}\`) and check whether it took effect before sending it again.`;
    return { operation: { call: node, label: `${sdk.name} ${path}`, consequence: operation.consequence, key, send, advice }, configured };
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

/** `pool.query('INSERT …')` on a pg or mysql2 client, without `ON CONFLICT` / `ON DUPLICATE KEY`. */
function sqlFacts(context: Context, node: CallNode): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = resolveOrigin(context, node.callee);
  if (origin?.kind !== 'call' || origin.path.length !== 1) return undefined;
  const maker = origin.callee;
  if (maker.kind !== 'module') return undefined;
  const client = SQL_CLIENTS.find((candidate) => candidate.modules.some((module) => moduleMatches(module, maker.module)) && candidate.factories.includes(maker.path.join('.')) && candidate.methods.includes(origin.path[0]!));
  if (!client) return undefined;
  const first = node.arguments[0] && unwrap(node.arguments[0]);
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
  return { operation: { call: node, label, consequence: 'the operation is applied twice', key } };
}

/**
 * What a call is, for retries: a non-idempotent operation (with its key evidence), and/or a call its
 * client retries by configuration.
 */
export function classifyCall(context: Context, node: CallNode, types: TypeFacts | undefined, settings: OperationSettings): CallFacts | undefined {
  const names = [...IDEMPOTENCY_HEADERS, ...settings.headers];
  const client = resolveClientCall(context, node, CLIENTS, types);
  if (client && !client.shape.constructs) {
    const method = httpMethodOf(client, readMethodFrom(context));
    const unsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method);
    const configured = axiosRetryFor(context, client, unsafe) ?? superagentRetry(context, client, unsafe) ?? methodsOptionRetry(context, client, method);
    if (!unsafe) return configured && { configured };
    const { key, send } = httpEvidence(context, client, names);
    return { operation: { call: node, label: method!, consequence: HTTP_CONSEQUENCE[method!]!, key, send }, configured };
  }
  const origin = resolveOrigin(context, node.callee);
  const wrapped = wrappedBy(origin, FETCH_RETRY);
  if (wrapped) {
    const options = node.arguments[1];
    const method = readMethodFrom(context)(options)?.toUpperCase();
    const unsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method as never);
    const wrapOptions = wrapped.call.arguments[FETCH_RETRY.optionsArg!];
    const configured: ConfiguredUse = {
      name: FETCH_RETRY.name, node: wrapped.call.callee, attempts: countAttempts(context, FETCH_RETRY, options ?? wrapOptions),
      repeatsUnsafe: unsafe && !hasCondition(context, FETCH_RETRY, wrapOptions) && !hasCondition(context, FETCH_RETRY, options), repeatsOn: FETCH_RETRY.repeatsOn,
    };
    if (!unsafe) return { configured };
    const fake: ClientCall = { node, client: CLIENTS[0]!, shape: { path: '', on: 'module', options: { kind: 'arg', index: 1 } }, options: { kind: 'argument', index: 1, node: options } };
    const { key, send } = httpEvidence(context, fake, names);
    return { operation: { call: node, label: method!, consequence: HTTP_CONSEQUENCE[method!]!, key, send }, configured };
  }
  return sdkFacts(context, node) ?? awsFacts(context, node) ?? sqlFacts(context, node) ?? userFacts(context, node, settings);
}
