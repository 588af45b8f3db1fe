import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches } from '../knowledge/clients';
import { ERROR_FIRST_PARAM, POLICY_COMBINATORS, RETRY_LIBRARIES, type RetryLibrary } from '../knowledge/retries';
import { contains, enclosingStatement, isFunctionNode, walk } from './ast-walk';
import { readOption } from './options';
import { isModuleExport, memberName, resolveOrigin, unwrap, type Origin } from './origin';
import { emptyAnswerLoop, emptyAnswerRecursion } from './retry-empty-answer';
import { failureValueRecursion } from './retry-failure-value';
import { helperScopes, programHelperScope } from './retry-helpers';
import { loopScope } from './retry-loops';
import { catchHandlerRecursion, catchRecursion, errorCallbackRecursion } from './retry-recursion';
import { catchRepeat, statusRepeat } from './retry-repeat';
import { interceptorScope } from './retry-interceptors';
import { operatorRetryScope, RXJS_RETRY } from './retry-observables';
import { statusLoopScope, statusRecursion } from './retry-status';
import { requeueLoopScope } from './retry-requeue';
import { choosesOnlyUnprocessed, filterOnlyUnprocessed, retryCalledOnlyOnAnswers } from './retry-unprocessed';
import { madePolicy, typedPolicyScope } from './retry-policy-makers';
import { libraryAttempts, optionsValue, zeroWait } from './retry-library-options';
import { STATUS_TEST } from './status-tests';
import type { FileRetries, RetryPolicy, RetryScope } from './retry-types';
import { getTypeFacts, type TypeFacts } from './types';

export { numericValue, type Attempts, type FileRetries, type ForeverSetting, type RetryPolicy, type RetryScope } from './retry-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<object, FileRetries>();

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const MAY_RETRY = new RegExp(['catch', ...RETRY_LIBRARIES.flatMap((library) => library.modules), ...RXJS_RETRY.modules].map(escapeRegExp).join('|'));
/** `(err, res) =>` or `function (error)`: an error-first callback (its first parameter named as the table says). */
const ERROR_CALLBACK = new RegExp(`\\(\\s*${ERROR_FIRST_PARAM.source.replace(/^\^|\$$/g, '')}\\s*[,)]`);
/**
 * Files that say retry, backoff or attempt: with types, a call of another file's retry helper is found in
 * them; and a retry on an empty answer (retry-empty-answer.ts), which needs no catch or status test, is
 * looked for only there (a counter named as attempts, a log line that says it retries).
 */
const RETRY_WORD = /retr(?:y|ies)|backoff|attempt/i;

/** Every retry scope in the file, found in one walk and shared by the rules that ask. */
export function collectRetryScopes(context: Context): FileRetries {
  const cached = cache.get(context.sourceCode);
  if (cached) return cached;
  const found: FileRetries = { scopes: [], policies: [] };
  const sourceCode = context.sourceCode;
  // A retry needs a catch (loops, recursion), a retry library's import, an error-first callback, a status
  // check (a loop or recursion on a failed status, a helper that returns null for a server error), an axios
  // interceptor, or the word retry or attempt (a retry on an empty answer or, with types, a helper imported
  // from another file); most files have none, and skipping them spares a second walk.
  const types = getTypeFacts(context);
  const text = sourceCode.text;
  if (!MAY_RETRY.test(text) && !ERROR_CALLBACK.test(text) && !STATUS_TEST.test(text) && !text.includes('interceptors') && !RETRY_WORD.test(text)) {
    cache.set(sourceCode, found);
    return found;
  }
  const policies = new Map<TSESTree.Node, RetryPolicy>();
  walk(sourceCode, sourceCode.ast, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        const scope = libraryScope(context, node, policies, types) ?? catchHandlerRecursion(context, node) ?? errorCallbackRecursion(context, node) ?? interceptorScope(context, node) ?? operatorRetryScope(context, node)
          ?? (types ? programHelperScope(context, types, node) : undefined);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement: {
        const scope = loopScope(context, node) ?? statusLoopScope(context, node) ?? emptyAnswerLoop(context, node) ?? requeueLoopScope(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.TryStatement: {
        const scope = catchRecursion(context, node) ?? catchRepeat(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.IfStatement: {
        const scope = failureValueRecursion(context, node) ?? statusRecursion(context, node) ?? statusRepeat(context, node) ?? emptyAnswerRecursion(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      case AST_NODE_TYPES.MethodDefinition: {
        const scope = decoratedScope(context, node);
        if (scope) found.scopes.push(scope);
        break;
      }
      default:
        break;
    }
  });
  found.policies = [...policies.values()];
  found.scopes.push(...helperScopes(context, found.scopes));
  cache.set(context.sourceCode, found);
  return found;
}

function libraryFor(origin: Origin | undefined, shape: RetryLibrary['shape']): RetryLibrary | undefined {
  return RETRY_LIBRARIES.find((library) => library.shape === shape && isModuleExport(origin, library.modules, library.path));
}

function line(node: TSESTree.Node): number {
  return node.loc.start.line;
}

function callbackOf(node: TSESTree.CallExpression, index: number): { body?: TSESTree.Node; ref?: TSESTree.Identifier } {
  let argument = node.arguments[index];
  // `promiseRetry(options, fn)`: the callback may come after the options.
  if (argument && unwrap(argument).type === AST_NODE_TYPES.ObjectExpression && node.arguments.length === 2) argument = node.arguments[1 - index];
  if (!argument) return {};
  const callback = unwrap(argument);
  if (isFunctionNode(callback)) return { body: callback };
  if (callback.type === AST_NODE_TYPES.Identifier) return { body: callback, ref: callback };
  return {};
}

/** `pRetry(fn)`, `backOff(fn)`, `op.attempt(fn)`, `policy.execute(fn)`; records cockatiel policies as it meets them. */
function libraryScope(context: Context, node: TSESTree.CallExpression, policies: Map<TSESTree.Node, RetryPolicy>, types: TypeFacts | undefined): RetryScope | undefined {
  const origin = resolveOrigin(context, node.callee);
  const direct = libraryFor(origin, 'call');
  if (direct) {
    const { body, ref } = callbackOf(node, direct.callbackArg);
    if (!body) return undefined;
    const optionsFirst = node.arguments.length === 2 && unwrap(node.arguments[direct.callbackArg]!).type === AST_NODE_TYPES.ObjectExpression;
    const options = optionsValue(context, node.arguments[optionsFirst ? direct.callbackArg : direct.optionsArg]);
    const { attempts, forever } = libraryAttempts(context, direct, options);
    const noWait = zeroWait(context, direct, options);
    const unprocessedOnly = choosesOnlyUnprocessed(context, direct, body, options);
    const polls = direct.retryParam !== undefined && retryCalledOnlyOnAnswers(context, body, direct.retryParam);
    return {
      kind: 'library', mechanism: direct.name, node: node.callee, body, callbackRef: ref, anchor: anchorFor(node), attempts, bounded: true,
      waits: direct.waitsByDefault && !noWait, library: direct, forever, ...(noWait ? { noWait } : {}), ...(unprocessedOnly ? { unprocessedOnly } : {}),
      ...(polls ? { mayPoll: true as const } : {}),
    };
  }
  const policyLibrary = libraryFor(origin, 'policy');
  if (policyLibrary) {
    policyFor(context, node, policies);
    return undefined;
  }
  if (origin?.kind === 'call' && origin.path[0] === 'attempt' && origin.path.length === 1) {
    const library = libraryFor(origin.callee, 'operation');
    if (!library) return undefined;
    const { body, ref } = callbackOf(node, library.callbackArg);
    if (!body) return undefined;
    const { attempts, forever } = libraryAttempts(context, library, origin.call.arguments[library.optionsArg]);
    return { kind: 'library', mechanism: library.name, node: node.callee, body, callbackRef: ref, anchor: anchorFor(node), attempts, bounded: true, waits: true, library, forever };
  }
  if (origin?.kind === 'call' && origin.path[0] === 'execute' && origin.path.length === 1 && origin.call.type === AST_NODE_TYPES.CallExpression) {
    const policy = policyOf(context, origin.call, origin.callee, policies);
    if (policy) return policyScope(node, policy);
  }
  // A policy a function makes, or (with types) one made in another file: `retryPolicy(5).execute(fn)`, `policies.orders.execute(fn)`.
  return executedMadePolicy(context, node, policies, types);
}

function policyScope(execute: TSESTree.CallExpression, policy: RetryPolicy): RetryScope | undefined {
  const { body, ref } = callbackOf(execute, 0);
  if (!body) return undefined;
  return {
    kind: 'library', mechanism: `${policy.library.name} (policy on line ${line(policy.creation)})`, node: execute.callee, body, callbackRef: ref,
    anchor: anchorFor(execute), attempts: policy.attempts, bounded: true, waits: policy.waits, library: policy.library, policy,
    ...(policy.unprocessedOnly ? { unprocessedOnly: true } : {}),
  };
}

/** `retryPolicy(options).execute(fn)`: a policy a function makes, in this file or (with types) in another. */
function executedMadePolicy(context: Context, node: TSESTree.CallExpression, policies: Map<TSESTree.Node, RetryPolicy>, types: TypeFacts | undefined): RetryScope | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'execute') return undefined;
  const made = madePolicy(context, callee.object, (call, maker) => policyOf(context, call, maker, policies));
  if (made) return policyScope(node, made);
  const { body, ref } = types ? callbackOf(node, 0) : {};
  return types && body ? typedPolicyScope(types, node, callee.object, body, ref) : undefined;
}

function policyFor(context: Context, creation: TSESTree.CallExpression, policies: Map<TSESTree.Node, RetryPolicy>): RetryPolicy | undefined {
  const origin = resolveOrigin(context, creation.callee);
  const library = libraryFor(origin, 'policy');
  if (!library) return undefined;
  const existing = policies.get(creation);
  if (existing) return existing;
  const options = creation.arguments[library.optionsArg];
  const { attempts } = libraryAttempts(context, library, options);
  const backoff = library.backoffKey ? readOption(context, options, [library.backoffKey]) : { kind: 'present' as const };
  const unprocessedOnly = library.failureFilters && filterOnlyUnprocessed(context, library, creation.arguments[library.failureFilters.handlerArg]);
  const policy: RetryPolicy = { creation, attempts, waits: library.waitsByDefault || backoff.kind !== 'absent', library, ...(unprocessedOnly ? { unprocessedOnly } : {}) };
  policies.set(creation, policy);
  return policy;
}

/** The retry policy a `.execute` receiver was made by: `retry(...)` itself, or `wrap(...)` of one. */
function policyOf(context: Context, call: TSESTree.CallExpression, callee: Origin, policies: Map<TSESTree.Node, RetryPolicy>): RetryPolicy | undefined {
  const direct = policyFor(context, call, policies);
  if (direct) return direct;
  if (callee.kind !== 'module' || !POLICY_COMBINATORS.includes(callee.path.join('.'))) return undefined;
  if (!RETRY_LIBRARIES.some((library) => library.shape === 'policy' && anyModuleMatches(library.modules, callee.module))) return undefined;
  for (const argument of call.arguments) {
    const origin = resolveOrigin(context, argument);
    if (origin?.kind === 'call' && origin.path.length === 0 && origin.call.type === AST_NODE_TYPES.CallExpression) {
      const inner = policyOf(context, origin.call, origin.callee, policies);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `@Retryable({ maxAttempts })` on a method: its body repeats. */
function decoratedScope(context: Context, method: TSESTree.MethodDefinition): RetryScope | undefined {
  for (const decorator of method.decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const library = libraryFor(resolveOrigin(context, callee), 'decorator');
    if (!library || !method.value.body) continue;
    const options = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments[library.optionsArg] : undefined;
    const { attempts, forever } = libraryAttempts(context, library, options);
    return { kind: 'library', mechanism: library.name, node: decorator, body: method.value.body, attempts, bounded: true, waits: true, library, forever };
  }
  return undefined;
}

/** A key created before this statement is created once for every attempt of the retry it holds. */
function anchorFor(node: TSESTree.Node): TSESTree.Statement | undefined {
  return enclosingStatement(node);
}

export function scopesAround(scopes: readonly RetryScope[], node: TSESTree.Node): RetryScope[] {
  return scopes.filter((scope) => contains(scope.body, node) && scope.body !== node).sort((a, b) => (a.body.range[1] - a.body.range[0]) - (b.body.range[1] - b.body.range[0]));
}

export function describeScope(scope: RetryScope): string {
  return `${scope.mechanism} on line ${line(scope.node)}`;
}
