import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CONFIGURED_RETRIES, HTTP_CONSEQUENCE, NON_IDEMPOTENT_METHODS } from '../knowledge/retries';
import { enclosingStatement, isFunctionNode, soleReturned } from './ast-walk';
import { observableRequest, type ObservableRequest } from './observable-clients';
import { readOption } from './options';
import { findVariable, isModuleExport, memberName, resolveOrigin, unwrap } from './origin';
import { axiosRetryOnMember } from './retry-axios-retry';
import type { ConfiguredUse } from './retry-configured';
import { httpEvidence } from './retry-http-keys';
import { postRepeatsNothing } from './request-urls';
import type { CallFacts, PassedMethod } from './retry-operations';
import type { ClientCall } from './calls';
import { numericValue, type Attempts, type RetryScope } from './retry-types';

/**
 * RxJS retries. `source$.pipe(…, retry(n))` resubscribes to `source$` when it errors. A cold HTTP
 * Observable (an Angular `HttpClient` or NestJS `HttpService` call) sends its request again on every
 * subscription, so `retry` piped onto the call is a retry configured on that call; the arguments were
 * evaluated once, so a key written in them is the same on every attempt. The callbacks a resubscription
 * runs again (`defer(() => …)`, a `switchMap` over a cold source) are retry scopes of their own.
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export const RXJS_RETRY = CONFIGURED_RETRIES.find((retry) => retry.kind === 'operator')!;
const WORK = RXJS_RETRY.resubscribes!;
const NOTIFIER = RXJS_RETRY.notifier!;
/** The operators that resubscribe on error: `retry` and the older `retryWhen`. */
const RETRY_OPERATORS = [RXJS_RETRY.path, NOTIFIER.operator];

function isOperator(context: Context, node: TSESTree.Node, names: readonly string[]): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  return names.some((name) => isModuleExport(resolveOrigin(context, node.callee), RXJS_RETRY.modules, name));
}

/** `x.pipe(a).pipe(b, c)`: the source and every operator after it, in order. */
function pipeline(node: TSESTree.CallExpression): { source: TSESTree.Node; operators: TSESTree.Node[] } | undefined {
  const operators: TSESTree.Node[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === WORK.pipe) {
    operators.unshift(...current.arguments);
    current = current.callee.object;
  }
  return current === node ? undefined : { source: current, operators };
}

/** The outermost `.pipe(…)` call of the chain `source` starts, through `const request$ = source` used once. */
function outermostPipe(context: Context, source: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = source;
  const declarator = current.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === current && declarator.id.type === AST_NODE_TYPES.Identifier && declarator.parent.kind === 'const') {
    const uses = findVariable(context, declarator.id)?.references.filter((reference) => reference.identifier !== declarator.id) ?? [];
    if (uses.length !== 1) return undefined;
    current = uses[0]!.identifier;
  }
  let outer: TSESTree.CallExpression | undefined;
  for (let next = pipeCalledOn(current); next; next = pipeCalledOn(next)) outer = next;
  return outer;
}

/** `node.pipe(…)`: the call that pipes `node`, if that is what its parent does. */
function pipeCalledOn(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || memberName(member) !== WORK.pipe) return undefined;
  return member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : undefined;
}

/** `request$` declared `const request$ = this.http.post(…)`: the call it holds. */
function declaredValue(context: Context, node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return value;
  const def = findVariable(context, value)?.defs[0];
  return def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : value;
}

/** `retry` or `retryWhen`, as the call names it. */
export function operatorName(retry: TSESTree.Node): string {
  const callee = retry.type === AST_NODE_TYPES.CallExpression ? retry.callee : undefined;
  const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name ?? RXJS_RETRY.path;
}

type OperatorReading = { attempts: Attempts; waits: boolean; condition: boolean; count?: TSESTree.Node };

/** Nothing can be read: never reported. */
const UNREAD: OperatorReading = { attempts: { kind: 'unknown' }, waits: true, condition: true };

/** `errors => errors.pipe(delay(1000), take(3))`; any other notifier decides for itself. */
function notifierAttempts(context: Context, notifier: TSESTree.Node | undefined): OperatorReading {
  const fn = notifier && unwrap(notifier);
  if (!isFunctionNode(fn) || fn.params.length !== 1 || fn.params[0]!.type !== AST_NODE_TYPES.Identifier) return UNREAD;
  const errors = fn.params[0].name;
  const returned = soleReturned(fn);
  const piped = returned ? unwrap(returned) : undefined;
  if (piped?.type !== AST_NODE_TYPES.CallExpression || piped.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(piped.callee) !== WORK.pipe) return UNREAD;
  const source = piped.callee.object;
  if (source.type !== AST_NODE_TYPES.Identifier || source.name !== errors) return UNREAD;
  let waits = false;
  let count: TSESTree.Node | undefined;
  for (const operator of piped.arguments) {
    if (isOperator(context, operator, NOTIFIER.waits) && operator.arguments.every((argument) => !isFunctionNode(argument) || argument.params.length === 0)) waits = true;
    else if (isOperator(context, operator, NOTIFIER.counts) && operator.arguments[0]) count = operator.arguments[0];
    else return UNREAD;
  }
  if (!count) return { attempts: { kind: 'forever' }, waits, condition: false };
  const retries = numericValue(context, count);
  return { attempts: retries === undefined ? { kind: 'unknown' } : { kind: 'finite', attempts: Math.max(retries, 0) + 1 }, waits, condition: false, count };
}

/** Reads `retry(3)`, `retry({ count, delay })`, `retry()` and `retryWhen(notifier)`. */
export function operatorAttempts(context: Context, retry: TSESTree.CallExpression): OperatorReading {
  if (operatorName(retry) === NOTIFIER.operator) return notifierAttempts(context, retry.arguments[0]);
  const argument = retry.arguments[0];
  if (!argument) return { attempts: { kind: 'forever' }, waits: false, condition: false };
  // `retry(retryConfig)`: a config object held in a `const` reads like one written inline.
  const value = declaredValue(context, argument);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) {
    const count = numericValue(context, value);
    // A value that can't be read (an imported config, a parameter) may carry a delay: nothing is known.
    if (count === undefined) return UNREAD;
    return { attempts: count === Infinity ? { kind: 'forever' } : { kind: 'finite', attempts: Math.max(count, 0) + 1 }, waits: false, condition: false };
  }
  const delay = readOption(context, value, [RXJS_RETRY.waitKey!]);
  const delayValue = delay.kind === 'present' ? unwrap(delay.value) : undefined;
  // A delay function ends the retries by throwing (`if (!strategy.shouldRetry(n)) throw error`) and picks
  // the errors that repeat (`isTransient(error) ? timer(1000) : throwError(() => error)`).
  const delayFunction = delayValue !== undefined && isFunctionNode(delayValue);
  const count = readOption(context, value, [RXJS_RETRY.countKey!]);
  const counted = count.kind === 'present' ? numericValue(context, count.value) : undefined;
  const attempts: Attempts = count.kind === 'absent' ? (delayFunction || delay.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'forever' })
    : counted === undefined ? { kind: 'unknown' } : counted === Infinity ? { kind: 'forever' } : { kind: 'finite', attempts: Math.max(counted, 0) + 1 };
  const condition = (delayFunction && (delayValue as { params: unknown[] }).params.length > 0) || delay.kind === 'unknown';
  return { attempts, waits: delay.kind !== 'absent' && !(delayValue && numericValue(context, delayValue) === 0), condition };
}

/** How messages quote an operator: as written when short (`retry(3)`), else by name (`retryWhen(…)`). */
export function operatorSetting(context: Context, retry: TSESTree.Node): string {
  const text = context.sourceCode.getText(retry);
  return text.length <= 40 ? text : `${operatorName(retry)}(…)`;
}

/** The count a `retry(…)` operator is written with, as written: `3` for `retry(3)` and `retry({ count: 3 })`. */
export function operatorCountText(context: Context, retry: TSESTree.Node): string {
  if (retry.type === AST_NODE_TYPES.CallExpression && operatorName(retry) === NOTIFIER.operator) {
    const count = notifierAttempts(context, retry.arguments[0]).count;
    return count ? context.sourceCode.getText(count) : '3';
  }
  const argument = retry.type === AST_NODE_TYPES.CallExpression ? retry.arguments[0] : undefined;
  if (!argument) return '3';
  const value = declaredValue(context, argument);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return context.sourceCode.getText(argument);
  const count = readOption(context, value, [RXJS_RETRY.countKey!]);
  return count.kind === 'present' ? context.sourceCode.getText(count.value) : '3';
}

/** The `retry(…)` piped after `source` (directly, or after other operators), if any. */
export function retryPipedOnto(context: Context, source: TSESTree.Node): TSESTree.CallExpression | undefined {
  const pipe = outermostPipe(context, source);
  const chain = pipe && pipeline(pipe);
  return chain?.operators.find((operator): operator is TSESTree.CallExpression => isOperator(context, operator, RETRY_OPERATORS));
}

/** `this.http.post(…).pipe(retry(3))`: the call's own request is sent again. */
export function operatorRetryFor(context: Context, request: ObservableRequest, unsafe: boolean): ConfiguredUse | undefined {
  const retry = retryPipedOnto(context, request.call.node);
  if (!retry) return undefined;
  const { attempts, condition } = operatorAttempts(context, retry);
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  return { name: `RxJS ${operatorName(retry)}()`, node: retry, attempts, repeatsUnsafe: unsafe && !condition, repeatsOn: RXJS_RETRY.repeatsOn };
}

/** What an observable client's call is, for retries: its operation, and the RxJS retry piped onto it. */
export function observableFacts(context: Context, node: CallNode, names: readonly string[], passedMethod: (call: ClientCall) => PassedMethod | undefined): CallFacts | undefined {
  const request = observableRequest(context, node);
  if (!request) return undefined;
  // `this.httpService.request({ method: options.method, … })`: the method the file's callers pass.
  const passed = request.method === undefined && request.shape.methodArg === undefined ? passedMethod(request.call) : undefined;
  const method = request.method ?? passed?.method;
  // An address whose POST a repeat does nothing twice to (an embedding, a search), as for the other clients.
  const unsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method) && !(method === 'POST' && postRepeatsNothing(context, request.call));
  const receiver = request.call.node.callee.type === AST_NODE_TYPES.MemberExpression ? request.call.node.callee.object : undefined;
  const patched = request.client.axiosInstance && receiver ? axiosRetryOnMember(context, receiver, request.client.axiosInstance, unsafe) : undefined;
  const configured = operatorRetryFor(context, request, unsafe) ?? patched;
  if (!unsafe) return configured && { configured };
  const { key, send } = httpEvidence(context, request.call, names);
  const fromCallers = passed && { methodFrom: passed.calls, ...(passed.through.length > 0 ? { methodVia: passed.through } : {}) };
  return { operation: { call: node, label: method, consequence: HTTP_CONSEQUENCE[method]!, key, send, ...fromCallers }, configured };
}

/**
 * A `retry(…)` operator in a pipe, as a retry scope: its body is the callback the resubscription runs again
 * (the `defer` callback, or the last flattening operator's before the retry over a cold source); with
 * none, the operator itself, so the backoff rule still judges its count and delay. `resends` is the cold
 * client call it re-sends, if the source is one.
 */
export function operatorRetryScope(context: Context, node: TSESTree.CallExpression): RetryScope | undefined {
  if (!isOperator(context, node, RETRY_OPERATORS)) return undefined;
  const pipe = node.parent;
  if (pipe?.type !== AST_NODE_TYPES.CallExpression || !pipe.arguments.includes(node)) return undefined;
  let outer: TSESTree.CallExpression = pipe;
  for (let next = pipeCalledOn(outer); next; next = pipeCalledOn(next)) outer = next;
  const chain = pipeline(outer);
  if (!chain) return undefined;
  const before = chain.operators.slice(0, chain.operators.indexOf(node));
  const source = declaredValue(context, chain.source);
  const sourceCall = source.type === AST_NODE_TYPES.CallExpression ? source : undefined;
  const resends = sourceCall && observableRequest(context, sourceCall) ? sourceCall : undefined;
  let body: TSESTree.Node | undefined;
  if (sourceCall && isOperator(context, sourceCall, WORK.deferring) && isFunctionNode(sourceCall.arguments[0])) body = sourceCall.arguments[0];
  const cold = body !== undefined || resends !== undefined || (sourceCall !== undefined && isOperator(context, sourceCall, WORK.coldCreators));
  if (cold) {
    for (const operator of before) {
      if (isOperator(context, operator, WORK.flattening) && isFunctionNode(operator.arguments[0])) body = operator.arguments[0];
    }
  }
  const { attempts, waits, condition } = operatorAttempts(context, node);
  // `retry(0)` is the identity: nothing repeats.
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  // A retry that picks its failures (a delay function reading the error, a notifier of its own) may
  // repeat none of the requests in the callback: it stays, for the count and delay, with no body.
  if (condition) body = undefined;
  return {
    kind: 'library', mechanism: `RxJS ${operatorName(node)}()`, operator: operatorName(node), node, body: body ?? node, anchor: enclosingStatement(outer), attempts, bounded: attempts.kind !== 'forever', waits,
    forever: attempts.kind === 'forever' ? { node, text: operatorSetting(context, node), library: 'RxJS' } : undefined,
    resends,
  };
}
