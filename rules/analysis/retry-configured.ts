import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { attemptsFromCount, CONFIGURED_RETRIES, methodBlindCondition, type ConfiguredRetry, type SdkSpec } from '../knowledge/retries';
import { anyModuleMatches } from '../knowledge/clients';
import { isFunctionNode, soleReturned, walk } from './ast-walk';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { isModuleExport, logicalTerms, memberName, resolveOrigin, unwrap, type Origin } from './origin';
import { localCallee } from './local-callees';
import { numericValue, type Attempts } from './retry-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Retries a client does by its own configuration (clients.md 3a and "SDK built-in retries"): axios-retry
 * attached to the instance a call goes through, fetch-retry wrappers, superagent `.retry()`, got/ky
 * `retry` options, and SDKs that retry every call.
 */

/** A retry the call's own client does by configuration. */
export interface ConfiguredUse {
  name: string;
  /** Where the retry is configured (the `axiosRetry(...)` call, the `.retry()` on the chain, the SDK constructor), or the call that reaches it. */
  node: TSESTree.Node;
  /** A retry in another file of the program: "in api.ts on line 5". */
  where?: string;
  /** It repeats after an error response (a failed status), not after a thrown failure. */
  afterStatus?: true;
  attempts: Attempts;
  /** Does its default condition repeat this (non-idempotent) call? */
  repeatsUnsafe: boolean;
  repeatsOn: string;
}

/** How messages name a configured retry and its place: "axios-retry on line 4", "the loop in callApi() in api.ts on line 5". */
export function placeOfConfigured(use: ConfiguredUse): string {
  return `${use.name} ${use.where ?? `on line ${use.node.loc.start.line}`}`;
}

/** `fetchRetry(fetch, opts)` or `require('fetch-retry')(fetch)`: the module that wrapped the callee. */
export function wrappedBy(origin: Origin | undefined, retry: ConfiguredRetry): Extract<Origin, { kind: 'call' }> | undefined {
  if (origin?.kind !== 'call' || origin.path.length !== 0) return undefined;
  return isModuleExport(origin.callee, retry.modules, retry.path) ? origin : undefined;
}

export function countAttempts(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): Attempts {
  if (!retry.countKey || !retry.countKind) return retry.defaultAttempts;
  const count = readOption(context, options, retry.countKey.split('.'));
  if (count.kind === 'absent') return retry.defaultAttempts;
  const value = count.kind === 'present' ? numericValue(context, count.value) : undefined;
  return value === undefined ? { kind: 'unknown' } : attemptsFromCount(value, retry.countKind);
}

export function hasCondition(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): boolean {
  return (retry.conditionKeys ?? []).some((key) => readOption(context, options, [key]).kind !== 'absent');
}

/**
 * `retryCondition: axiosRetry.isNetworkError`, or `(error) => isNetworkOrIdempotentRequestError(error) || …`:
 * a condition that is, or is an `||` with, one of the library's own predicates that repeat any method.
 * What that predicate repeats on, or undefined when the condition is something else.
 */
export function unsafeCondition(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): string | undefined {
  for (const key of retry.conditionKeys ?? []) {
    const verdict = readOption(context, options, [key]);
    if (verdict.kind !== 'present') continue;
    const value = unwrap(verdict.value);
    // The function's `a || b || c`: each is enough to make it repeat.
    const returned = isFunctionNode(value) ? soleReturned(value) : undefined;
    const operands = !isFunctionNode(value) ? [value] : returned ? logicalTerms(returned, '||') : [];
    for (const operand of operands) {
      const predicate = operand.type === AST_NODE_TYPES.CallExpression ? operand.callee : operand;
      const origin = resolveOrigin(context, predicate);
      const name = Object.keys(retry.unsafeConditions ?? {}).find((candidate) => isModuleExport(origin, retry.modules, candidate));
      if (name) return retry.unsafeConditions![name];
    }
  }
  return undefined;
}

/**
 * `retryCondition: (error) => error.response.status >= 500`: a condition of the user's own that never looks
 * at the request's method and accepts failures after which the server may have acted (knowledge/retries.ts).
 */
export function methodBlindConditionOf(context: Context, retry: ConfiguredRetry, options: TSESTree.Node | undefined): ReturnType<typeof methodBlindCondition> {
  for (const key of retry.conditionKeys ?? []) {
    const verdict = readOption(context, options, [key]);
    if (verdict.kind !== 'present') continue;
    const value = unwrap(verdict.value);
    const fn = isFunctionNode(value) ? value : value.type === AST_NODE_TYPES.Identifier ? localCallee(context, value)?.fn : undefined;
    return isFunctionNode(fn) ? methodBlindCondition(context.sourceCode.getText(fn), key) : undefined;
  }
  return undefined;
}

/**
 * What a fetch-retry call repeats a POST on, or undefined when it does not. The call's `retryOn` replaces the
 * wrapper's default. A list of statuses (`retryOn: [503]`) still repeats every network error, whatever the
 * method (fetch-retry 6.0.0 index.js L73, L97-116); a function of the user's own is read as axios-retry's
 * `retryCondition` is; a `retryOn` that cannot be read decides for itself.
 */
export function fetchRetryRepeats(context: Context, options: TSESTree.Node | undefined, wrapOptions: TSESTree.Node | undefined): ReturnType<typeof methodBlindCondition> {
  const [key] = FETCH_RETRY.conditionKeys ?? [];
  const local = key ? readOption(context, options, [key]) : undefined;
  const source = local && local.kind !== 'absent' ? options : wrapOptions;
  const retryOn = key ? readOption(context, source, [key]) : undefined;
  if (!retryOn || retryOn.kind === 'absent') return { repeatsOn: FETCH_RETRY.repeatsOn };
  if (retryOn.kind === 'unknown') return undefined;
  if (unwrap(retryOn.value).type === AST_NODE_TYPES.ArrayExpression) return { repeatsOn: FETCH_RETRY.repeatsOn };
  return methodBlindConditionOf(context, FETCH_RETRY, source);
}


export const AXIOS_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'axios-retry')!;
export const FETCH_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'fetch-retry')!;
const SUPERAGENT_RETRY = CONFIGURED_RETRIES.find((retry) => retry.id === 'superagent')!;

export interface Attachment { call: TSESTree.CallExpression; target: Origin | undefined }

const attachmentsBySource = new WeakMap<object, Map<ConfiguredRetry, Attachment[]>>();

/**
 * The file's calls of an attaching library (`axiosRetry(instance, opts)`, `rax.attach()`), with what each
 * patches: the origin of its first argument, undefined when it is given none (retry-axios then patches the
 * default axios). Walked once per file and library, and only in a file that names the library.
 */
export function attachmentsOf(context: Context, retry: ConfiguredRetry): Attachment[] {
  let byRetry = attachmentsBySource.get(context.sourceCode);
  if (!byRetry) attachmentsBySource.set(context.sourceCode, (byRetry = new Map()));
  const cached = byRetry.get(retry);
  if (cached) return cached;
  const found: Attachment[] = [];
  if (retry.modules.some((module) => context.sourceCode.text.includes(module))) {
    walk(context.sourceCode, context.sourceCode.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || !isModuleExport(resolveOrigin(context, node.callee), retry.modules, retry.path)) return undefined;
      // axios-retry needs the axios it patches; retry-axios patches the default one when given none.
      if (node.arguments[0] || retry.kind === 'attach-config') found.push({ call: node, target: node.arguments[0] ? resolveOrigin(context, node.arguments[0]) : undefined });
      return undefined;
    });
  }
  byRetry.set(retry, found);
  return found;
}

/** An `axiosRetry(instance, opts)` call whose retries follow each other with no wait. */
export interface ImmediateAttachment {
  library: string;
  call: TSESTree.CallExpression;
  options: TSESTree.Node | undefined;
  retries: number;
  waitKey: string;
  growingDelay: string;
}

/**
 * The file's axios-retry attachments that retry at once: no `retryDelay`, whose default is no delay
 * (clients.md), and more than one attempt. A delay that can't be read (a spread, a variable) is not judged.
 */
export function immediateAttachments(context: Context): ImmediateAttachment[] {
  const found: ImmediateAttachment[] = [];
  for (const { call } of attachmentsOf(context, AXIOS_RETRY)) {
    const options = call.arguments[AXIOS_RETRY.optionsArg!];
    const attempts = countAttempts(context, AXIOS_RETRY, options);
    if (attempts.kind !== 'finite' || attempts.attempts <= 1) continue;
    if (readOption(context, options, [AXIOS_RETRY.waitKey!]).kind !== 'absent') continue;
    found.push({ library: AXIOS_RETRY.name, call, options, retries: attempts.attempts - 1, waitKey: AXIOS_RETRY.waitKey!, growingDelay: AXIOS_RETRY.growingDelay! });
  }
  return found;
}

export function superagentRetry(context: Context, call: ClientCall, unsafeMethod: boolean): ConfiguredUse | undefined {
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

export function sdkRetry(context: Context, sdk: SdkSpec, creation: TSESTree.Node | undefined, unsafe: boolean): ConfiguredUse | undefined {
  if (!creation || (creation.type !== AST_NODE_TYPES.NewExpression && creation.type !== AST_NODE_TYPES.CallExpression)) return undefined;
  // `new Octokit()` from `@octokit/rest`: the same client without the retry plugin.
  const made = sdk.retryingModules ? resolveOrigin(context, creation.callee) : undefined;
  if (sdk.retryingModules && !(made?.kind === 'module' && anyModuleMatches(sdk.retryingModules, made.module))) return undefined;
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

