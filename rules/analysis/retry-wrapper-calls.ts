import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CLIENTS, type HttpMethod } from '../knowledge/clients';
import { HTTP_CONSEQUENCE, LOCAL_CALL_NAME, NON_IDEMPOTENT_METHODS, REMOTE_CALL_NAME, REQUEST_BUILDER_NAME, REQUEST_CONFIG_URL_KEYS, SUGGESTED_HEADER } from '../knowledge/retries';
import { calleeName } from './ast-walk';
import { CHAIN_METHODS } from './caller-deadline';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { importedFromProgram, memberName, unwrap } from './origin';
import { localCallee } from './local-callees';
import { programAttachment } from './program-axios-retry';
import { programRequestWrapper, type ProgramRequestWrapper } from './program-request-wrappers';
import { attachmentUse } from './retry-axios-retry';
import { AXIOS_RETRY, type ConfiguredUse } from './retry-configured';
import { namesProgramFunction } from './retry-program';
import { isRepeatablePostUrl } from './request-urls';
import { httpEvidence } from './retry-http-keys';
import type { CallFacts, KeyEvidence, SendKey } from './retry-operations';
import type { TypeFacts } from './types';
import { constantString } from './value-sources';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** `'POST'`, or a value whose options say `method: 'POST'`: the non-idempotent method an argument writes. */
function methodWritten(context: Context, argument: TSESTree.Node | undefined): HttpMethod | undefined {
  if (!argument) return undefined;
  const value = unwrap(argument);
  // `'POST'`, or a name that always holds it (`const METHOD = 'POST'`).
  let method = constantString(context, value);
  if (method === undefined && (value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.Identifier)) {
    const verdict = readOption(context, value, ['method']);
    method = verdict.kind === 'present' ? constantString(context, verdict.value) : undefined;
  }
  return NON_IDEMPOTENT_METHODS.find((unsafe) => unsafe === method?.toUpperCase());
}

/**
 * Can the file write a method at all: a `method` key or write, or a `'POST'`/`'PATCH'` string? Most files
 * of an application cannot, and `methodWritten` would otherwise look up every identifier argument of
 * every imported call. Read once per file.
 */
const writesMethod = new WeakMap<object, boolean>();
const METHOD_TEXT = /method|['"`](?:post|patch)['"`]/i;

function fileMayWriteMethod(context: Context): boolean {
  const sourceCode = context.sourceCode;
  let known = writesMethod.get(sourceCode);
  if (known === undefined) writesMethod.set(sourceCode, known = METHOD_TEXT.test(sourceCode.text));
  return known;
}

/**
 * With types, `apiFetch('/charges', { method: 'POST' })` where `apiFetch` (another file) sends the options
 * it is given, or `callApi('POST', '/charges')` where `callApi` sends its parameter as the method: the POST
 * is this call's, named by its argument. Only a method written here counts; what the wrapper does without
 * one is its own business. When the wrapper repeats its request itself, the call is a retried POST.
 */
export function wrapperFacts(context: Context, node: CallNode, types: TypeFacts, names: readonly string[]): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // Asking the checker about every call is slow: only a call that writes a POST or PATCH is worth it.
  if (!fileMayWriteMethod(context) || !importedFromProgram(context, node.callee) || !node.arguments.some((argument) => methodWritten(context, argument) !== undefined)) return undefined;
  const wrapper = programRequestWrapper(types, node.callee);
  if (!wrapper) return undefined;
  const methodArgument = node.arguments[wrapper.methodIndex ?? wrapper.optionsIndex ?? -1];
  const method = methodWritten(context, methodArgument);
  if (!method) return undefined;
  const { key, send } = wrapperKey(context, node, wrapper, names);
  const retried = wrapper.retry;
  return {
    operation: {
      call: node, label: method, consequence: HTTP_CONSEQUENCE[method]!, key, send, through: wrapper.description,
      advice: send ? undefined
        : retried ? `${wrapper.name}() repeats this request itself and has no way to send an idempotency key: make it take one, created once by its caller, and send it as an \`${SUGGESTED_HEADER}\` header on every attempt.`
        // It sends a method it is given, not its caller's options, and writes no headers: a header written
        // here would not reach the request.
        : wrapper.optionsIndex === undefined && key.kind === 'none' && !wrapper.text.includes('headers') ? `${wrapper.name}() has no way to send an idempotency key: make it take one, created once by its caller, and send it as an \`${SUGGESTED_HEADER}\` header.`
        : undefined,
    },
    configured: retried ? {
      name: `${retried.mechanism} in ${wrapper.name}()`, where: retried.place, node: node.callee,
      attempts: retried.attempts === undefined ? { kind: 'unknown' } : { kind: 'finite', attempts: retried.attempts },
      repeatsUnsafe: true, repeatsOn: retried.afterStatus ? 'a request whose status says it failed' : 'every failed attempt it does not rethrow',
      ...(retried.afterStatus ? { afterStatus: true as const } : {}),
    } : attachedRetry(node, wrapper, types),
  };
}

/**
 * `request({ method: 'POST', url, data })` where `request` is handed in (a parameter, a member of an
 * object this file does not build): a request config names the method and the address together, so the
 * call sends that request whichever function runs it. Only a callee named for sending counts (a logger or a
 * builder handed the same object does not), and only when its answer is awaited, returned or chained, as a
 * request's is. A function whose body can be read is read instead: one of this file is followed by the
 * retry's reach, one of the program (with types) by `wrapperFacts`.
 */
export function requestConfigFacts(context: Context, node: CallNode, types: TypeFacts | undefined, names: readonly string[]): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(unwrap(node.callee));
  if (name === undefined || !REMOTE_CALL_NAME.test(name) || LOCAL_CALL_NAME.test(name) || REQUEST_BUILDER_NAME.test(name) || !answerAwaited(node)) return undefined;
  const found = configWithUrl(context, node);
  const method = methodWritten(context, found?.config);
  if (!found || !method || (method === 'POST' && isRepeatablePostUrl(context, found.url))) return undefined;
  if (localCallee(context, node.callee) || (types && namesProgramFunction(types, node.callee))) return undefined;
  const { key, send } = httpEvidence(context, fetchLikeCall(node, found.index, found.config), names);
  return { operation: { call: node, label: method, consequence: HTTP_CONSEQUENCE[method]!, key, send } };
}

/** The first argument written as an object literal with an address (`url`, `uri`): the request config. */
function configWithUrl(context: Context, node: TSESTree.CallExpression): { index: number; config: TSESTree.Node; url: TSESTree.Node } | undefined {
  for (const [index, config] of node.arguments.entries()) {
    const object = unwrap(config);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const key of REQUEST_CONFIG_URL_KEYS) {
      const verdict = readOption(context, object, [key]);
      if (verdict.kind === 'present') return { index, config, url: verdict.value };
    }
  }
  return undefined;
}

/** `await call()`, `return call()`, `() => call()`, `call().then(…)`: the call's answer is waited for. */
function answerAwaited(node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ReturnStatement:
    // Compiled `async` functions await with `yield` inside `__awaiter`.
    case AST_NODE_TYPES.YieldExpression:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && CHAIN_METHODS.has(memberName(parent) ?? '');
    default:
      return false;
  }
}

/**
 * The wrapper's axios request goes through an axios that axios-retry retries (attached in the wrapper's
 * file, or in another that some file loads with this caller): each call of it that names a POST repeats.
 */
function attachedRetry(node: CallNode, wrapper: ProgramRequestWrapper, types: TypeFacts): ConfiguredUse | undefined {
  if (!wrapper.axiosReceiver) return undefined;
  const attached = programAttachment(types.program, types.checker, AXIOS_RETRY, types.toTs(node).getSourceFile(), wrapper.axiosReceiver);
  return attached && !attached.conditioned ? attachmentUse(attached, node.callee, true) : undefined;
}

/**
 * What the call says about an idempotency key: the headers of the options the wrapper sends, or, for a
 * wrapper that takes the method alone, of any options argument. A wrapper that names a key of its own is
 * not judged from here.
 */
function wrapperKey(context: Context, node: CallNode, wrapper: ProgramRequestWrapper, names: readonly string[]): { key: KeyEvidence; send?: SendKey } {
  if (/idempot/.test(wrapper.text) || names.some((name) => wrapper.text.includes(name))) return { key: { kind: 'unknown' } };
  if (wrapper.optionsIndex !== undefined) return httpEvidence(context, fetchLikeCall(node, wrapper.optionsIndex, node.arguments[wrapper.optionsIndex]), names);
  for (const [index, argument] of node.arguments.entries()) {
    const value = unwrap(argument);
    if (index === wrapper.methodIndex || (value.type !== AST_NODE_TYPES.ObjectExpression && value.type !== AST_NODE_TYPES.Identifier)) continue;
    const { key } = httpEvidence(context, fetchLikeCall(node, index, argument), names);
    if (key.kind !== 'none') return { key };
  }
  return { key: { kind: 'none' } };
}

/**
 * A call that sends fetch-style options in argument `index` without being a client of the table (a
 * fetch-retry wrapper, another file's request wrapper): what `httpEvidence` needs to read its headers.
 */
export function fetchLikeCall(node: CallNode, index: number, options: TSESTree.Node | undefined): ClientCall {
  return { node, client: CLIENTS[0]!, shape: { path: '', on: 'module', options: { kind: 'arg', index } }, options: { kind: 'argument', index, node: options } };
}
