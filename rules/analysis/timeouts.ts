import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { MISSPELLED_TIMEOUT_KEYS, type ClientSpec, type TimeoutKey } from '../knowledge/clients';
import type { ClientCall, InstanceRef, OptionsArgument } from './calls';
import { locateOptions } from './calls';
import { classifyBound, propertyKey, readOption, type OptionVerdict } from './options';
import { findVariable, memberName, resolveOrigin, singleAssignmentInit, unwrap } from './origin';
import { boundedByCaller } from './caller-deadline';
import { connectsLocally, readsLocalResource } from './local-targets';
import { evaluateChain, usesOfResult } from './result-uses';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * What a call's (or an instance's) configuration says about its timeout.
 * `absent` carries where a fix can put one: into an object literal, as a new argument, or on the chain.
 */
export type TimeoutVerdict =
  | { kind: 'bounded' }
  | { kind: 'disabled'; node: TSESTree.Node; option: string }
  /** `fix`: where the missing companion key (`throwOnRequestTimeout: true`) can be added. */
  | { kind: 'ineffective'; node: TSESTree.Node; reason: string; fix?: { object: TSESTree.ObjectExpression; text: string } }
  | { kind: 'sharedSignal'; node: TSESTree.CallExpression }
  | { kind: 'unknown' }
  /** `strictKey`: only a `strictTimeoutKeys` key is missing (pg without a query timeout, in strict). */
  | { kind: 'absent'; insert: InsertPoint; strictKey?: boolean };

export type InsertPoint =
  | { kind: 'object'; object: TSESTree.ObjectExpression }
  | { kind: 'argument'; call: CallNode; index: number }
  | { kind: 'spread'; options: TSESTree.Node }
  | { kind: 'chain'; call: CallNode }
  /** A placeholder argument (`undefined`, `null`) to replace with a new options object. */
  | { kind: 'replace'; node: TSESTree.Node }
  | { kind: 'none' };

/** `AbortSignal.timeout(ms)` on the global `AbortSignal`. */
export function isAbortSignalTimeout(context: Context, node: TSESTree.Node): node is TSESTree.CallExpression {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (memberName(call.callee) !== 'timeout') return false;
  const origin = resolveOrigin(context, call.callee.object);
  return origin?.kind === 'global' && origin.name === 'AbortSignal' && origin.path.length === 0;
}

/**
 * A phases object written out (no spread) whose phases that bound the wait for the answer are all missing
 * (got `{ connect: 1000 }`): the object, to add one to; undefined otherwise.
 */
function phasesMissingAnswer(context: Context, value: TSESTree.Node, answerPhases: readonly string[]): TSESTree.ObjectExpression | undefined {
  const object = unwrap(value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.some((property) => property.type !== AST_NODE_TYPES.Property || property.computed)) return undefined;
  const answered = object.properties.some((property) => property.type === AST_NODE_TYPES.Property && answerPhases.includes(propertyKey(property) ?? '')
    && classifyBound(context, property.value, 'ms') !== 'absent');
  return answered ? undefined : object;
}

type KeysResult =
  | { verdict: Exclude<TimeoutVerdict, { kind: 'absent' | 'unknown' }> }
  | { verdict?: undefined; sawUnknown: boolean; absentObject?: TSESTree.ObjectExpression };

/** The first of `keys` that decides the verdict, or what was seen when none does. */
function readKeys(
  context: Context, keys: readonly TimeoutKey[], options: TSESTree.Node | undefined, types: TypeFacts | undefined, isInstanceConfig: boolean, mergedPhases = false,
): KeysResult {
  let sawUnknown = false;
  let absentObject: TSESTree.ObjectExpression | undefined;
  for (const key of keys) {
    const verdict = readOption(context, options, key.path.split('.'), types);
    if (verdict.kind === 'unknown') {
      sawUnknown = true;
      continue;
    }
    if (verdict.kind === 'absent') {
      absentObject ??= verdict.object;
      continue;
    }
    if (key.kind === 'signal' && isInstanceConfig && isAbortSignalTimeout(context, verdict.value)) {
      return { verdict: { kind: 'sharedSignal', node: unwrap(verdict.value) as TSESTree.CallExpression } };
    }
    const bound = classifyBound(context, verdict.value, key.kind);
    if (bound === 'disabled') return { verdict: { kind: 'disabled', node: verdict.property ?? verdict.value, option: key.path } };
    if (bound === 'unknown') sawUnknown = true;
    // `{ timeout: undefined }`, `{ signal: null }`: as if absent, and a fix can set the key in place.
    // Only when that object is written at the call: a `const` shared elsewhere is not edited.
    const holder = verdict.property?.parent;
    if (bound === 'absent' && holder?.type === AST_NODE_TYPES.ObjectExpression && options && holder.range[0] >= options.range[0] && holder.range[1] <= options.range[1]) absentObject ??= holder;
    if (bound !== 'bounded') continue;
    // Phases merge with an instance's own (got `extend`): only the whole can say which are missing.
    const unanswered = key.answerPhases && !mergedPhases && phasesMissingAnswer(context, verdict.value, key.answerPhases.keys);
    if (unanswered && key.answerPhases) {
      return { verdict: { kind: 'ineffective', node: verdict.property ?? verdict.value, reason: key.answerPhases.reason, fix: { object: unanswered, text: key.answerPhases.add } } };
    }
    if (key.requires) {
      const companion = readOption(context, options, key.requires.path.split('.'), types);
      if (companion.kind === 'absent') {
        const holder = verdict.property?.parent;
        const companionKey = key.requires.path.split('.').pop()!;
        const fix = holder?.type === AST_NODE_TYPES.ObjectExpression ? { object: holder, text: `${companionKey}: true` } : undefined;
        return { verdict: { kind: 'ineffective', node: verdict.property ?? verdict.value, reason: key.requires.reason, fix } };
      }
    }
    return { verdict: { kind: 'bounded' } };
  }
  return { sawUnknown, absentObject };
}

/**
 * Reads a client's timeout keys from an options expression. `isInstanceConfig` marks configuration that
 * outlives one request, where an `AbortSignal.timeout()` is shared by every later request. With
 * `strictKeys`, a client with `strictTimeoutKeys` (pg's query timeouts) needs one of those as well:
 * when only they are missing, the verdict is `absent` with `strictKey: true`.
 */
export function evaluateOptions(
  context: Context, client: ClientSpec, options: TSESTree.Node | undefined, types: TypeFacts | undefined,
  settings: { strictKeys: boolean; isInstanceConfig: boolean; mergedPhases?: boolean },
): Exclude<TimeoutVerdict, { kind: 'absent' }> | { kind: 'absent'; object?: TSESTree.ObjectExpression; strictKey?: boolean } {
  const main = readKeys(context, client.timeoutKeys, options, types, settings.isInstanceConfig, settings.mergedPhases);
  if (main.verdict?.kind === 'bounded' && settings.strictKeys && client.strictTimeoutKeys) {
    const strict = readKeys(context, client.strictTimeoutKeys, options, types, settings.isInstanceConfig);
    if (strict.verdict) return strict.verdict;
    return strict.sawUnknown ? { kind: 'unknown' } : { kind: 'absent', object: strict.absentObject, strictKey: true };
  }
  if (main.verdict) return main.verdict;
  const { sawUnknown, absentObject } = main;
  for (const ineffective of client.ineffectiveKeys ?? []) {
    const verdict = readOption(context, options, ineffective.path.split('.'), types);
    if (verdict.kind === 'present') return { kind: 'ineffective', node: verdict.property ?? verdict.value, reason: ineffective.reason };
  }
  if (client.timeoutKeys.some((key) => key.kind === 'ms' && !key.path.includes('.'))) {
    for (const misspelled of MISSPELLED_TIMEOUT_KEYS) {
      const verdict = readOption(context, options, [misspelled], types);
      if (verdict.kind === 'present') {
        return {
          kind: 'ineffective',
          node: verdict.property ?? verdict.value,
          reason: `${client.name} has no \`${misspelled}\` option, so this does not bound the call and it can still wait forever; spell it \`${client.timeoutKeys[0]!.path}\`.`,
        };
      }
    }
  }
  if (sawUnknown) return { kind: 'unknown' };
  return { kind: 'absent', object: absentObject };
}

/** Where a fix adds the timeout, given the options argument of a call. */
function insertPointFor(options: OptionsArgument, call: CallNode, object: TSESTree.ObjectExpression | undefined): InsertPoint {
  if (options.kind === 'chain') return { kind: 'chain', call };
  if (options.kind !== 'argument') return { kind: 'none' };
  if (object && options.node && unwrap(options.node) === object) return { kind: 'object', object };
  if (object) return { kind: 'object', object };
  if (!options.node) return { kind: 'argument', call, index: options.index };
  const node = unwrap(options.node);
  // `fetch(url, undefined)`, `fetch(url, null)`: nothing to keep, so the options replace the placeholder.
  if ((node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.Literal && node.value === null)) {
    return { kind: 'replace', node };
  }
  return { kind: 'spread', options: options.node };
}

/** Verdict for one call's own options (not its instance's). */
export function evaluateCall(context: Context, call: ClientCall, types: TypeFacts | undefined, strictKeys: boolean): TimeoutVerdict {
  if (call.options.kind === 'unknown') return { kind: 'unknown' };
  // `new DynamoDBDocumentClient(client)`: a client that wraps another takes its configuration from it,
  // and the wrapped one is judged where it is constructed.
  if (call.shape.constructs && call.options.kind === 'argument' && call.options.node && wrapsInstance(context, call.options.node)) return { kind: 'unknown' };
  if (call.options.kind === 'chain') return evaluateChain(context, call.node, call.options.method);
  if (call.client.localSocket && connectsLocally(context, call, call.client.localSocket.optionKey, types)) return { kind: 'bounded' };
  if (call.client.localUrl && readsLocalResource(context, call.node.arguments[call.client.localUrl.argument])) return { kind: 'bounded' };
  const verdict = evaluateOptions(context, call.client, call.options.node, types, { strictKeys, isInstanceConfig: Boolean(call.shape.constructs), mergedPhases: call.instance !== undefined || call.viaType === true });
  if (call.client.id === 'http' || call.client.id === 'net') return withSocketHandlers(context, call, verdict);
  if (verdict.kind !== 'absent') return verdict;
  if (!call.shape.constructs && boundedByCaller(context, call.node)) return { kind: 'bounded' };
  return { kind: 'absent', insert: insertPointFor(call.options, call.node, verdict.object), strictKey: verdict.strictKey };
}

/** Is the options argument an object constructed with `new` (directly or through a `const`)? */
function wrapsInstance(context: Context, node: TSESTree.Node): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    if (!init) return false;
    value = unwrap(init);
  }
  return value.type === AST_NODE_TYPES.NewExpression;
}

/** Verdict for the configuration an instance was created with, following `extend` parents. */
export function evaluateInstance(context: Context, instance: InstanceRef, types: TypeFacts | undefined, strictKeys: boolean): TimeoutVerdict {
  if (!instance.creation || !instance.factory) return { kind: 'unknown' };
  const options = locateOptions(context, instance.creation, instance.factory.config, types);
  let own: TimeoutVerdict;
  if (options.kind === 'argument') {
    const verdict = evaluateOptions(context, instance.client, options.node, types, { strictKeys, isInstanceConfig: true, mergedPhases: instance.parent !== undefined });
    own = verdict.kind === 'absent' ? { kind: 'absent', insert: insertPointFor(options, instance.creation, verdict.object), strictKey: verdict.strictKey } : verdict;
  } else {
    own = { kind: 'unknown' };
  }
  if (own.kind !== 'absent' || !instance.parent) return own;
  const inherited = evaluateInstance(context, instance.parent, types, strictKeys);
  return inherited.kind === 'absent' ? own : inherited;
}

/** Does a 'timeout' handler end the request? A handler we can't see (a named function) is given the benefit of the doubt. */
function destroys(context: Context, handler: TSESTree.Node | undefined): boolean {
  if (!handler) return false;
  const fn = unwrap(handler);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return true;
  return /\b(?:destroy|abort|reject)\s*\(|\.emit\(\s*['"]error/.test(context.sourceCode.getText(fn));
}

/**
 * node:http and node:net: a `timeout` (option or `setTimeout`) only emits `'timeout'`. It bounds the wait
 * only with a handler that destroys the request or socket.
 */
function withSocketHandlers(context: Context, call: ClientCall, verdict: ReturnType<typeof evaluateOptions>): TimeoutVerdict {
  if (verdict.kind === 'bounded' || verdict.kind === 'disabled' || verdict.kind === 'unknown' || verdict.kind === 'sharedSignal') return verdict;
  const { calls, escapes } = usesOfResult(context, call.node);
  const handlers: Array<{ call: TSESTree.CallExpression; handler: TSESTree.Node | undefined }> = [];
  for (const use of calls) {
    if (use.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(use.callee);
    const [first, second] = use.arguments;
    if (name === 'setTimeout') handlers.push({ call: use, handler: second });
    if ((name === 'on' || name === 'once' || name === 'addListener') && first?.type === AST_NODE_TYPES.Literal && first.value === 'timeout') {
      handlers.push({ call: use, handler: second });
    }
  }
  if (handlers.some(({ handler }) => destroys(context, handler))) return { kind: 'bounded' };
  if (verdict.kind === 'ineffective') return escapes ? { kind: 'unknown' } : verdict;
  const setTimeoutCall = handlers.find(({ call: use }) => memberName(use.callee as TSESTree.MemberExpression) === 'setTimeout');
  if (setTimeoutCall) {
    const reason = call.client.ineffectiveKeys?.[0]?.reason ?? '';
    return escapes ? { kind: 'unknown' } : { kind: 'ineffective', node: setTimeoutCall.call, reason: reason.replace('`timeout`', '`setTimeout()`') };
  }
  if (escapes) return { kind: 'unknown' };
  return { kind: 'absent', insert: call.options.kind === 'argument' ? insertPointFor(call.options, call.node, verdict.object) : { kind: 'none' } };
}

export type { OptionVerdict };
