import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { attemptsFromCount, CONFIGURED_RETRIES, NON_IDEMPOTENT_METHODS, UNPROCESSED_FAILURES, type ConfiguredRetry } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { readOption, type OptionVerdict } from './options';
import { isModuleExport, resolveOrigin, stringValue, unwrap, type Origin } from './origin';
import { programMethodsOptionRetry } from './program-instances';
import { countAttempts, type ConfiguredUse } from './retry-configured';
import { numericValue, type Attempts } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Clients whose own retry lists the methods it repeats (got and ky `retry.methods`, undici's `RetryAgent`
 * `methods`): their defaults leave POST and PATCH out, so a POST repeats only when a list names it.
 */

const UNDICI_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'undici')!;

function listsMethod(context: Context, options: TSESTree.Node | undefined, path: readonly string[], method: string | undefined): boolean {
  const methods = readOption(context, options, path);
  const list = methods.kind === 'present' ? unwrap(methods.value) : undefined;
  return list?.type === AST_NODE_TYPES.ArrayExpression && method !== undefined && list.elements.some((element) => element !== null && stringValue(element)?.toUpperCase() === method);
}

/**
 * undici / fetch with `dispatcher: new RetryAgent(agent, { methods })`, or a dispatcher composed with
 * `interceptors.retry({ methods })`: their default methods skip POST and PATCH.
 */
export function undiciRetry(context: Context, call: ClientCall, method: string | undefined): ConfiguredUse | undefined {
  if (call.options.kind !== 'argument') return undefined;
  const dispatcher = readOption(context, call.options.node, ['dispatcher']);
  if (dispatcher.kind !== 'present') return undefined;
  const origin = resolveOrigin(context, dispatcher.value);
  if (origin?.kind !== 'call' || origin.path.length !== 0) return undefined;
  const retrying = isModuleExport(origin.callee, UNDICI_RETRY.modules, UNDICI_RETRY.path)
    ? { call: origin.call, optionsArg: UNDICI_RETRY.optionsArg!, name: UNDICI_RETRY.name }
    : composedRetry(context, origin);
  if (!retrying) return undefined;
  const options = retrying.call.arguments[retrying.optionsArg];
  const unsafe = NON_IDEMPOTENT_METHODS.includes(method as never) && listsMethod(context, options, ['methods'], method);
  return { name: retrying.name, node: retrying.call.callee, attempts: countAttempts(context, UNDICI_RETRY, options), repeatsUnsafe: unsafe, repeatsOn: UNDICI_RETRY.repeatsOn };
}

/**
 * The `interceptors.retry(options)` call among the interceptors of `dispatcher.compose(…)`, through a chain of
 * composes (`agent.compose(a).compose(b)`) and interceptors given as an array.
 */
function composedRetry(context: Context, origin: Origin & { kind: 'call' }): { call: TSESTree.CallExpression | TSESTree.NewExpression; optionsArg: number; name: string } | undefined {
  for (let composed: Origin | undefined = origin; composed?.kind === 'call' && composed.path.length === 0;) {
    const receiver: Origin = composed.callee;
    if (receiver.path[receiver.path.length - 1] !== 'compose') return undefined;
    const interceptors = composed.call.arguments.flatMap((argument) => argument.type === AST_NODE_TYPES.ArrayExpression ? argument.elements : [argument]);
    for (const interceptor of interceptors) {
      if (!interceptor || interceptor.type === AST_NODE_TYPES.SpreadElement) continue;
      const made = resolveOrigin(context, interceptor);
      if (made?.kind === 'call' && made.path.length === 0 && isModuleExport(made.callee, UNDICI_RETRY.modules, UNDICI_RETRY.interceptorPath!)) return { call: made.call, optionsArg: 0, name: `undici \`${UNDICI_RETRY.interceptorPath}()\`` };
    }
    composed = receiver.kind === 'call' ? { ...receiver, path: receiver.path.slice(0, -1) } : undefined;
  }
  return undefined;
}

/** got/ky: `retry: { methods: [...] }` at the call or on the instance; their defaults skip POST and PATCH. */
export function methodsOptionRetry(context: Context, call: ClientCall, method: string | undefined, types?: TypeFacts): ConfiguredUse | undefined {
  const retry = CONFIGURED_RETRIES.find((candidate) => candidate.kind === 'methods-option' && candidate.id === call.client.id);
  if (!retry) return undefined;
  // An instance made in another file (`export const request = got.extend({ retry })`): read there.
  if (types && call.instance && !call.instance.creation) return programMethodsOptionRetry(context, types, call, retry, method);
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
    if (listsMethod(context, options, retry.path.split('.'), method)) repeatsUnsafe = true;
    const limit = countAttempts(context, retry, options);
    if (readOption(context, options, retry.countKey!.split('.')).kind === 'present') attempts = limit;
  }
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  // `retry: { statusCodes: [] }` repeats network errors only, `[503]` those and a 503.
  const statuses = retry.statusCodesKey ? firstWritten(context, sources, retry.statusCodesKey) : undefined;
  const list = statuses?.kind === 'present' ? unwrap(statuses.value) : undefined;
  const statusList = list?.type === AST_NODE_TYPES.ArrayExpression ? (list.elements.length === 0 ? 'empty' : 'listed') : undefined;
  const repeatsOn = (statusList === 'empty' && retry.repeatsOnNetworkOnly) || (statusList === 'listed' && retry.repeatsOnListed) || retry.repeatsOn;
  const unsafe = repeatsUnsafe && NON_IDEMPOTENT_METHODS.includes(method as never) && !repeatsOnlyRefused(context, retry, sources);
  return { name: `${call.client.name}'s built-in retries`, node: call.node.callee, attempts, repeatsUnsafe: unsafe, repeatsOn };
}

/**
 * got with `retry: { statusCodes: [429], errorCodes: ['ECONNREFUSED'] }`: both lists, where first written (the
 * call's options, then the instance's), name only failures the server refused, and no `calculateDelay`
 * may repeat anything else.
 */
function repeatsOnlyRefused(context: Context, retry: ConfiguredRetry, sources: ReadonlyArray<TSESTree.Node | undefined>): boolean {
  if (!retry.statusCodesKey || !retry.errorCodesKey) return false;
  if (retry.overrideKey && firstWritten(context, sources, retry.overrideKey)) return false;
  const only = (key: string, allowed: ReadonlyArray<string | number>): boolean => {
    const verdict = firstWritten(context, sources, key);
    const list = verdict?.kind === 'present' ? unwrap(verdict.value) : undefined;
    return list?.type === AST_NODE_TYPES.ArrayExpression && list.elements.every((element) => element?.type === AST_NODE_TYPES.Literal && allowed.includes(element.value as string | number));
  };
  return only(retry.statusCodesKey, UNPROCESSED_FAILURES.statuses) && only(retry.errorCodesKey, UNPROCESSED_FAILURES.codes);
}

/** An option where it is first written: the call's options, then its instance's, then the instance's parents'. */
function firstWritten(context: Context, sources: ReadonlyArray<TSESTree.Node | undefined>, key: string): OptionVerdict | undefined {
  for (const options of sources) {
    const verdict = readOption(context, options, key.split('.'));
    if (verdict.kind !== 'absent') return verdict;
  }
  return undefined;
}
