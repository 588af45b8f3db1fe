import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CONFIGURED_RETRIES } from '../knowledge/retries';
import { calleeName, isFunctionNode, underIfTest, walk } from './ast-walk';
import type { ClientCall } from './calls';
import { findVariable, memberName, resolveOrigin, unwrap, type Origin } from './origin';
import { localCallee } from './local-callees';
import type { ConfiguredUse } from './retry-configured';
import { alwaysExits } from './retry-paths';
import { guardedWithin } from './unprocessed-tests';
import { holdsOnlyForResponse } from './status-reads';
import { underClientErrorTest } from './status-tests';
import type { RetryScope } from './retry-types';
import { awaitsWait, isTimerPromise } from './retry-waits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The hand-written axios retry: a response interceptor whose rejection handler sends the failed request's
 * config again.
 *
 *     api.interceptors.response.use(undefined, async (error) => {
 *       const config = error.config;
 *       if ((config.__retryCount ??= 0) >= 3) throw error;
 *       config.__retryCount += 1;
 *       await sleep(1000);
 *       return api(config);   // the same method, body and headers, once more
 *     });
 *
 * Every call through `api` is then retried on the failures the handler lets through, POSTs included,
 * unless the handler looks at the method.
 */

const INTERCEPTOR = CONFIGURED_RETRIES.find((retry) => retry.id === 'axios-interceptor')!;

interface InterceptorRetry {
  use: TSESTree.CallExpression;
  /** The `use` call's callee, where messages point. */
  node: TSESTree.Node;
  handler: TSESTree.FunctionLike;
  /** The handler's call that sends the failed request again. */
  resend: TSESTree.CallExpression;
  /** What the interceptor is installed on: the instance's creation, or the axios module. */
  target: Origin;
  /** The handler reads the request's method, so which methods it repeats cannot be told here. */
  checksMethod: boolean;
  /** It sends again only under a test for a refused request (`error.code === 'ECONNREFUSED'`, a 429). */
  unprocessedOnly: boolean;
  /** It sends again only under a test that needs a response (`if (error.response)`, `status === 503`). */
  afterStatus: boolean;
}

const found = new WeakMap<object, InterceptorRetry[]>();

/** The retrying response interceptors installed in this file. */
function interceptorRetries(context: Context): InterceptorRetry[] {
  const cached = found.get(context.sourceCode);
  if (cached) return cached;
  const retries: InterceptorRetry[] = [];
  found.set(context.sourceCode, retries);
  if (!context.sourceCode.text.includes('interceptors')) return retries;
  walk(context.sourceCode, context.sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const installed = installedOn(context, node);
    const handler = installed && rejectionHandler(context, node.arguments[1]);
    const resend = installed && handler && resendIn(context, handler, installed);
    if (resend) {
      retries.push({
        use: node, node: node.callee, target: installed, handler: handler!, resend, checksMethod: readsMethod(context, handler!), unprocessedOnly: guardedWithin(context, resend, handler!.body!),
        afterStatus: underResponseTest(context, resend, handler!.body!),
      });
    }
    return undefined;
  });
  return retries;
}

/**
 * Is `node` inside an `if` (within `root`) that holds only when the server answered: `if (error.response)`,
 * `status === 503 || status === 504`, `status >= 500`? A dropped connection has no status, so such a resend
 * repeats only after an error response.
 */
function underResponseTest(context: Context, node: TSESTree.Node, root: TSESTree.Node): boolean {
  return underIfTest(node, root, (test) => holdsOnlyForResponse(context, test));
}

/** `api.interceptors.response.use(…)`: what `api` is. */
function installedOn(context: Context, call: TSESTree.CallExpression): Origin | undefined {
  const path = INTERCEPTOR.path.split('.');
  let receiver: TSESTree.Node = call.callee;
  for (let index = path.length - 1; index >= 0; index--) {
    const member = unwrap(receiver);
    if (member.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== path[index]) return undefined;
    receiver = member.object;
  }
  const origin = resolveOrigin(context, receiver);
  if (origin?.kind === 'module' && INTERCEPTOR.modules.includes(origin.module) && origin.path.length === 0) return origin;
  return origin?.kind === 'call' && origin.path.length === 0 ? origin : undefined;
}

function rejectionHandler(context: Context, argument: TSESTree.Node | undefined): TSESTree.FunctionLike | undefined {
  const value = argument && unwrap(argument);
  if (isFunctionNode(value)) return value;
  if (value?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const local = localCallee(context, value)?.fn;
  return isFunctionNode(local) ? local : undefined;
}

/**
 * The handler's call of the instance (or axios) with the failed request's config: `api(error.config)`,
 * `axios.request(config)`. One under a client-error test (the token-refresh interceptor's 401) is no retry.
 */
function resendIn(context: Context, handler: TSESTree.FunctionLike, target: Origin): TSESTree.CallExpression | undefined {
  const error = handler.params[0];
  if (error?.type !== AST_NODE_TYPES.Identifier) return undefined;
  let again: TSESTree.CallExpression | undefined;
  walk(context.sourceCode, handler.body!, (node) => {
    if (again || node.type !== AST_NODE_TYPES.CallExpression) return again ? false : undefined;
    const callee = unwrap(node.callee);
    const sender = callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'request' ? callee.object : callee;
    if (sendsThrough(context, sender, target) && node.arguments[0] && isFailedConfig(context, node.arguments[0], error.name) && !underClientErrorTest(context, node, handler.body!)) again = node;
    return undefined;
  });
  return again;
}

function sendsThrough(context: Context, sender: TSESTree.Node, target: Origin): boolean {
  const origin = resolveOrigin(context, sender);
  if (!origin || origin.path.length !== 0) return false;
  if (origin.kind === 'module') return INTERCEPTOR.modules.includes(origin.module);
  return origin.kind === 'call' && target.kind === 'call' && origin.call === target.call;
}

/** `error.config`, or a variable holding it (`const config = error.config`, `const { config } = error`). */
function isFailedConfig(context: Context, node: TSESTree.Node, errorName: string): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberName(value) === 'config' && unwrap(value.object).type === AST_NODE_TYPES.Identifier && (unwrap(value.object) as TSESTree.Identifier).name === errorName;
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, value)?.defs[0];
  const declarator = def?.type === 'Variable' ? def.node : undefined;
  if (!declarator?.init) return false;
  const init = unwrap(declarator.init);
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) return init.type === AST_NODE_TYPES.Identifier && init.name === errorName;
  return isFailedConfig(context, init, errorName);
}

function readsMethod(context: Context, handler: TSESTree.FunctionLike): boolean {
  let reads = false;
  walk(context.sourceCode, handler.body!, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'method') reads = true;
    if (node.type === AST_NODE_TYPES.Property && !node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === 'method' && node.parent.type === AST_NODE_TYPES.ObjectPattern) reads = true;
    return reads ? false : undefined;
  });
  return reads;
}

/** A retrying interceptor on the instance (or the axios default) this call goes through. */
export function interceptorRetryFor(context: Context, call: ClientCall, unsafeMethod: boolean): ConfiguredUse | undefined {
  if (call.client.id !== 'axios') return undefined;
  const creation = call.instance?.creation;
  for (const retry of interceptorRetries(context)) {
    const matches = creation ? retry.target.kind === 'call' && retry.target.call === creation : retry.target.kind === 'module';
    if (!matches) continue;
    // Where the handler counts its retries, and whether before or after it checks, varies too much to read a number.
    return {
      name: INTERCEPTOR.name, node: retry.node, attempts: INTERCEPTOR.defaultAttempts, repeatsUnsafe: unsafeMethod && !retry.checksMethod && !retry.unprocessedOnly,
      repeatsOn: INTERCEPTOR.repeatsOn, ...(retry.afterStatus ? { afterStatus: true as const } : {}),
    };
  }
  return undefined;
}

/**
 * The interceptor as a retry scope, for require-retry-backoff: bounded when an exit from the handler tests
 * a count the handler raises (`if (config.__retryCount >= 3) return Promise.reject(error)`), waiting when
 * it awaits a wait or sends again from the `.then` of a timer promise.
 */
export function interceptorScope(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  const retry = interceptorRetries(context).find((candidate) => candidate.use === node);
  if (!retry) return undefined;
  const body = retry.handler.body!;
  return {
    kind: 'recursion', mechanism: INTERCEPTOR.name, node, body: retry.resend, attempts: INTERCEPTOR.defaultAttempts,
    bounded: exitsOnCount(context, body), waits: awaitsWait(context, body) || sentAfterTimer(context, retry.resend, body), failurePath: body,
    // `if (status === 429) … api.request(error.config)`: a repeat of refusals only, paced by its wait.
    ...(retry.unprocessedOnly ? { unprocessedOnly: true as const } : {}),
  };
}

/** `retries` or `config.__retryCount`: the name a count goes by. */
function countName(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : undefined;
}

/** Names the handler raises: `config.__retryCount += 1`, `retries++`, `config.retries = (config.retries ?? 0) + 1`. */
function raisedCounts(context: Context, body: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walk(context.sourceCode, body, (node) => {
    const target = node.type === AST_NODE_TYPES.UpdateExpression ? node.argument
      : node.type === AST_NODE_TYPES.AssignmentExpression && (node.operator === '+=' || (node.operator === '=' && unwrap(node.right).type === AST_NODE_TYPES.BinaryExpression)) ? node.left : undefined;
    const name = target && countName(target);
    if (name) names.add(name);
    return undefined;
  });
  return names;
}

function exitsOnCount(context: Context, body: TSESTree.Node): boolean {
  const counts = raisedCounts(context, body);
  let bounded = false;
  walk(context.sourceCode, body, (node) => {
    if (bounded || node.type !== AST_NODE_TYPES.IfStatement || !alwaysExits(node.consequent)) return bounded ? false : undefined;
    walk(context.sourceCode, node.test, (inner) => {
      const name = countName(inner);
      if (name !== undefined && counts.has(name)) bounded = true;
      return undefined;
    });
    return undefined;
  });
  return bounded;
}

/**
 * `backoff.then(() => api(config))` where `backoff` is a timer promise, or `setTimeout(() =>
 * resolve(api(config)), retryAfter * 1000)`: sent again after a time.
 */
function sentAfterTimer(context: Context, resend: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = resend; current && current !== body; current = current.parent) {
    const call: TSESTree.Node | undefined = isFunctionNode(current) ? current.parent : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current) continue;
    if (call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'then' && isTimerPromise(context, call.callee.object)) return true;
    const delay = call.arguments[1];
    if (calleeName(call.callee) === 'setTimeout' && delay && !(delay.type === AST_NODE_TYPES.Literal && delay.value === 0)) return true;
  }
  return false;
}
