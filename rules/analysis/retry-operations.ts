import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CLIENTS, type HttpMethod } from '../knowledge/clients';
import { HTTP_CONSEQUENCE, IDEMPOTENCY_HEADERS, NON_IDEMPOTENT_METHODS, REPEATABLE_TOKEN_GRANT, SUGGESTED_HEADER } from '../knowledge/retries';
import { methodWhenGiven, type Giver } from './body-method';
import { callerExpressions, callerValues, parameterRead } from './caller-values';
import { programCallerKey, programCallerMethod } from './program-callers';
import { httpMethodOf, resolveClientCall, type ClientCall } from './calls';
import { readOption } from './options';
import { isRepeatablePostUrl, postRepeatsNothing, tokenGrant, urlOf } from './request-urls';
import { constInit, resolveOrigin, unwrap } from './origin';
import { callerKey, httpEvidence } from './retry-http-keys';
import { retryAxiosFor } from './retry-axios-config';
import { axiosRetryFor } from './retry-axios-retry';
import { interceptorRetryFor } from './retry-interceptors';
import { xhrFacts } from './retry-xhr';
import { observableFacts } from './retry-observables';
import { awsFacts, queryBuilderFacts, sdkFacts, sqlFacts, userFacts } from './retry-sdk-operations';
import { fetchLikeCall, requestConfigFacts, wrapperFacts } from './retry-wrapper-calls';
import { constantString } from './value-sources';
import {
  countAttempts, FETCH_RETRY, fetchRetryRepeats, superagentRetry, wrappedBy, type ConfiguredUse,
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

export interface MethodPath { from: CallNode; through: CallNode[] }

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
  /** For a passer in `methodFrom`, the wrappers' calls the method goes through to this call (`send(config)` in `withRetry`). */
  methodVia?: MethodPath[];
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
  /** An insert of a row, which a unique key refuses to take twice (a retry that handles that conflict knows it has one). */
  insertsRow?: true;
}

export interface CallFacts {
  operation?: Operation;
  configured?: ConfiguredUse;
}

function readMethodFrom(context: Context, types: TypeFacts | undefined) {
  return (options: TSESTree.Node | undefined): string | undefined => {
    const verdict = readOption(context, options, ['method']);
    if (verdict.kind === 'absent') return 'GET';
    // `{ method }` after `const method = 'POST'`, `method: METHOD`: the string the name always holds.
    return verdict.kind === 'present' ? constantString(context, verdict.value, types) : undefined;
  };
}

/**
 * The callers that pass the POST, less those that send it to an address whose repeat does nothing twice
 * (request-urls.ts), when the address is the wrapper's parameter too: `fetchWithRetry(`${base}/contacts/upsert`,
 * { method: 'POST' })`.
 */
function passersToUnsafeAddress(context: Context, client: ClientCall, passers: CallNode[]): CallNode[] {
  const url = urlOf(context, client);
  // `${BASE}${path}`: the one parameter in the address is what the callers choose; also through `const url = `${BASE}${path}``.
  const held = url && unwrap(url).type === AST_NODE_TYPES.Identifier ? constInit(context, unwrap(url) as TSESTree.Identifier) : undefined;
  const template = held && unwrap(held).type === AST_NODE_TYPES.TemplateLiteral ? unwrap(held) : url && unwrap(url);
  const parts = template?.type === AST_NODE_TYPES.TemplateLiteral ? template.expressions : [];
  const chosen = parts.filter((part) => parameterRead(context, part) !== undefined);
  // `axios({ ...config, timeout })`: the address is in the options the callers hand in whole, as the method is.
  const passed = url ? callerExpressions(context, chosen.length === 1 ? chosen[0]! : url)
    : client.options.kind === 'argument' && client.options.node ? callerExpressions(context, client.options.node, ['url']) : undefined;
  if (!passed) return passers;
  return passers.filter((call) => !passed.some((each) => each.call === call && !each.outside && each.path.length === 0 && isRepeatablePostUrl(context, each.value)));
}

/** A non-idempotent method the file's callers pass to a wrapper, the calls that pass it, and the wrappers it goes through. */
export interface PassedMethod { method: HttpMethod; calls: CallNode[]; through: MethodPath[] }

/**
 * `fetch(url, { method })` inside `request(method, url)`: the non-idempotent method this file's callers
 * pass to the wrapper, with the calls that pass it.
 */
function methodFromCallers(context: Context, call: ClientCall): PassedMethod | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  const verdict = readOption(context, call.options.node, ['method']);
  const values = verdict.kind === 'present' ? callerValues(context, verdict.value)
    : verdict.kind === 'unknown' ? callerValues(context, call.options.node, ['method']) : [];
  const unsafe = values.filter((passed) => NON_IDEMPOTENT_METHODS.includes(passed.value.toUpperCase() as HttpMethod));
  if (unsafe.length === 0) return undefined;
  return { method: unsafe[0]!.value.toUpperCase() as HttpMethod, calls: unsafe.map((passed) => passed.call), through: unsafe.filter((passed) => passed.through.length > 0).map((passed) => ({ from: passed.call, through: passed.through })) };
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
    // Callers that POST to an address a repeat does nothing twice to pass no unsafe method, nor do callers
    // whose grant may be sent again (`client_credentials`).
    if (passed && method === 'POST') passed.calls = passersToUnsafeAddress(context, client, passed.calls).filter((call) => tokenGrant(context, call) !== 'reusable');
    // The grant is written beside the request, or, through a wrapper, in the function that passes it the POST.
    const grant = method !== 'POST' ? undefined : tokenGrant(context, node)
      ?? (passed && passed.calls.length > 0 && passed.calls.every((call) => tokenGrant(context, call) === 'single-use') ? 'single-use' : undefined);
    if (!unsafe || passed?.calls.length === 0 || (method === 'POST' && postRepeatsNothing(context, client, grant))) return configured && { configured };
    // A request that POSTs when given a body sends the options of that branch.
    const { key, send } = httpEvidence(context, bodied && client.options.kind === 'argument' ? { ...client, options: { ...client.options, node: bodied.options } } : client, names);
    // Options handed in whole by the callers that pass the method: what they wrote decides, and the key
    // belongs in that caller, so there is nowhere here to send one.
    const byCallers = passed && key.kind === 'unknown' ? callerKey(context, client, passed.calls, names, passed.through) : undefined;
    const fromCallers = byCallers?.key;
    // The POST a caller sends without a key is the one retried unsafely; another caller's key does not cover it.
    const methodFrom = byCallers && byCallers.keyless.length > 0 ? byCallers.keyless : passed?.calls;
    // With types, options no call here fills are the ones the calls of other files write.
    const fromProgram = !passed && key.kind === 'unknown' && types ? programCallerKey(context, types, client, names) : undefined;
    const lines = fromCallers?.kind === 'none' && !byCallers!.rebuilt ? [...new Set(methodFrom!.map((each) => each.loc.start.line))] : [];
    const callers = lines.length > 1 ? `the calls on lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)} pass, created once before each call`
      : lines.length === 1 ? `the call on line ${lines[0]} passes, created once before that call`
      : fromProgram ? `the call ${fromProgram.caller} passes, created once before that call` : undefined;
    // A code or refresh token is spent by the first request: the endpoint takes no key, so none is suggested.
    const singleUse = grant === 'single-use';
    const advice = singleUse ? REPEATABLE_TOKEN_GRANT.advice : callers ? `Send an idempotency key in the options ${callers} (an \`${SUGGESTED_HEADER}\` header).` : undefined;
    return {
      operation: {
        call: node, label: method!, consequence: singleUse ? REPEATABLE_TOKEN_GRANT.consequence : HTTP_CONSEQUENCE[method!]!, key: fromCallers ?? (fromProgram ? { kind: 'none' } : key),
        send: fromCallers || fromProgram || singleUse ? undefined : send, advice,
        methodFrom: methodFrom ?? (bodied && bodied.givers.length > 0 ? bodied.givers.flatMap((giver) => [giver.call, ...giver.through]) : undefined),
        ...(passed && passed.through.length > 0 ? { methodVia: passed.through } : {}),
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
  return observableFacts(context, node, names, (call) => methodFromCallers(context, call)) ?? sdkFacts(context, node) ?? awsFacts(context, node) ?? sqlFacts(context, node) ?? queryBuilderFacts(context, node) ?? userFacts(context, node, settings)
    ?? (types ? wrapperFacts(context, node, types, names) : undefined) ?? requestConfigFacts(context, node, types, names) ?? xhrFacts(context, node, names);
}
