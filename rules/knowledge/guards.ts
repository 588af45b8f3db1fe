/**
 * What Faultline knows about circuit breakers, bulkheads and concurrency pools: how a guard is created,
 * how code enters it, how a bypassing call is routed through it, and whether a breaker has a timeout of
 * its own. Rules read this table; adding a guard library is adding a row. Facts are from
 * `shared/docs/clients.md` §3b and the packages' own sources (version named per row).
 */

/**
 * - `breaker`: trips after failures (opossum, cockatiel `circuitBreaker`);
 * - `bulkhead`: caps concurrent calls (cockatiel `bulkhead`, p-limit, p-queue, Bottleneck);
 * - `timeout`, `retry`, `fallback`, `noop`: cockatiel policies that contain nothing by themselves; a
 *   `timeout` inside a wrap is what lets a breaker see a hang as a failure;
 * - `wrap`: composes the policies given as its arguments.
 */
export type GuardKind = 'breaker' | 'bulkhead' | 'timeout' | 'retry' | 'fallback' | 'noop' | 'wrap';

/** Kinds that contain a failing dependency; the others do not count as a guard on their own. */
export const CONTAINMENT_KINDS: ReadonlySet<GuardKind> = new Set<GuardKind>(['breaker', 'bulkhead']);

/**
 * A breaker's own timeout: `none` when it applies none (cockatiel: only a `timeout` policy in its wrap
 * bounds the call), or the option that sets it, its default, and the literal values that turn it off.
 */
export type BreakerTimeout =
  | { kind: 'none' }
  | { kind: 'option'; optionsArgument: number; key: string; defaultMs: number; disabledBy: readonly (number | boolean)[] };

/** A call that creates a guard (`new CircuitBreaker(action, opts)`, `circuitBreaker(policy, opts)`, `pLimit(n)`). */
export interface GuardFactory {
  /** Property path from the module export; `''` is the export itself. Matched on the path's last segment for cockatiel's fluent `Policy.handleAll().circuitBreaker()`. */
  path: string;
  construct: 'new' | 'call' | 'either';
  kind: GuardKind;
  /** The argument that becomes the guarded action (opossum, p-limit `limitFunction`). */
  actionArgument?: number;
  /** For an action guard: how a call of the action is routed through it (`{guard}.fire({args})`). */
  route?: string;
  timeout?: BreakerTimeout;
  /** What the breaker-without-timeout message tells the user to add. */
  timeoutRemedy?: string;
}

/**
 * How code enters a guard once it exists.
 * - `runs`: the function argument runs inside the guard now (`policy.execute(fn)`, `limit(fn)`, `queue.add(fn)`);
 * - `fires`: calls the guarded action with these arguments (`breaker.fire(...args)`);
 * - `wraps`: the function argument becomes a guarded action (Bottleneck `limiter.wrap(fn)`).
 */
export interface GuardEntry {
  /** Method on the guard; `''` is the guard called as a function (p-limit's `limit(fn)`). */
  method: string;
  kind: 'runs' | 'fires' | 'wraps';
  /** Where the function is: an index, or the first argument that is a function (Bottleneck takes options first). */
  functionArgument?: number | 'first-function';
  /**
   * How a suggestion routes a bypassing call through the guard: `{guard}` is the guard's expression
   * (for `wraps`, the wrapped function), `{call}` the bypassing call, `{args}` its arguments.
   */
  route?: string;
}

export interface GuardLibrary {
  id: string;
  /** How messages name it. */
  name: string;
  modules: readonly string[];
  factories: readonly GuardFactory[];
  entries: readonly GuardEntry[];
  /** Decorators that run a method inside the policy given as an argument (cockatiel `@usePolicy(policy)`). */
  decorators?: readonly { path: string; policyArgument: number }[];
  /** With type information: declaration names (in this package) that identify a guard value. */
  typeNames?: Readonly<Record<string, GuardKind>>;
  source: string;
}

export const GUARD_LIBRARIES: readonly GuardLibrary[] = [
  {
    id: 'opossum',
    name: 'opossum',
    modules: ['opossum'],
    // Before v5 the export was also called as a factory: `circuitBreaker(action, options)`.
    factories: [{
      path: '', construct: 'either', kind: 'breaker', actionArgument: 0, route: '{guard}.fire({args})',
      timeout: { kind: 'option', optionsArgument: 1, key: 'timeout', defaultMs: 10_000, disabledBy: [false, 0] },
      timeoutRemedy: 'Give the breaker a finite `timeout` (ms), or give the call one',
    }],
    entries: [
      { method: 'fire', kind: 'fires' },
      { method: 'call', kind: 'fires' },
    ],
    typeNames: { CircuitBreaker: 'breaker' },
    source: 'opossum 10.0.0 lib/circuit.js L179 (`timeout ?? 10000`), L732 (no timer when timeout is falsy), L615 fire, L643 call (✔src); ✔run 10.0.0: default → ETIMEDOUT at 10 004 ms (clients.md §3b)',
  },
  {
    id: 'cockatiel',
    name: 'cockatiel',
    modules: ['cockatiel'],
    factories: [
      {
        path: 'circuitBreaker', construct: 'call', kind: 'breaker', timeout: { kind: 'none' },
        timeoutRemedy: 'Wrap it with a `timeout` policy (`wrap(breaker, timeout(ms, TimeoutStrategy.Aggressive))`), or give the call a timeout',
      },
      { path: 'bulkhead', construct: 'call', kind: 'bulkhead' },
      { path: 'timeout', construct: 'call', kind: 'timeout' },
      { path: 'retry', construct: 'call', kind: 'retry' },
      { path: 'fallback', construct: 'call', kind: 'fallback' },
      { path: 'wrap', construct: 'call', kind: 'wrap' },
      { path: 'noop', construct: 'call', kind: 'noop' },
    ],
    entries: [{ method: 'execute', kind: 'runs', functionArgument: 0, route: '{guard}.execute(() => {call})' }],
    decorators: [{ path: 'usePolicy', policyArgument: 0 }],
    typeNames: {
      CircuitBreakerPolicy: 'breaker', BulkheadPolicy: 'bulkhead', TimeoutPolicy: 'timeout',
      RetryPolicy: 'retry', FallbackPolicy: 'fallback', NoopPolicy: 'noop', IMergedPolicy: 'wrap',
    },
    source: 'cockatiel 3.2.1 / 4.0.0 dist/Policy.d.ts (circuitBreaker, bulkhead, timeout, wrap, usePolicy; IMergedPolicy<C, R, [policies]>) (✔src); circuitBreaker applies no timeout (✔run 3.2.1/4.0.0: never-settling call still pending at 1.5 s, clients.md §3b)',
  },
  {
    id: 'p-limit',
    name: 'p-limit',
    modules: ['p-limit'],
    factories: [
      { path: '', construct: 'call', kind: 'bulkhead' },
      { path: 'limitFunction', construct: 'call', kind: 'bulkhead', actionArgument: 0, route: '{guard}({args})' },
    ],
    entries: [
      { method: '', kind: 'runs', functionArgument: 0, route: '{guard}(() => {call})' },
      { method: 'map', kind: 'runs', functionArgument: 1 },
    ],
    typeNames: { LimitFunction: 'bulkhead', Limit: 'bulkhead' },
    source: 'p-limit 7.3.3 index.d.ts L42 (map), L91 (pLimit), L135 (limitFunction); 3.1.0 index.d.ts (Limit) (✔src)',
  },
  {
    id: 'p-queue',
    name: 'p-queue',
    modules: ['p-queue'],
    factories: [{ path: '', construct: 'new', kind: 'bulkhead' }],
    entries: [
      { method: 'add', kind: 'runs', functionArgument: 0, route: '{guard}.add(() => {call})' },
      { method: 'addAll', kind: 'runs', functionArgument: 0 },
    ],
    typeNames: { PQueue: 'bulkhead' },
    source: 'p-queue 10.0.0 dist/index.d.ts L91 (add), L97 (addAll) (✔src)',
  },
  {
    id: 'bottleneck',
    name: 'Bottleneck',
    // `bottleneck/light` is the same limiter without clustering (@octokit/plugin-throttling imports it).
    modules: ['bottleneck', 'bottleneck/light', 'bottleneck/light.js', 'bottleneck/es5', 'bottleneck/es5.js'],
    factories: [{ path: '', construct: 'new', kind: 'bulkhead' }],
    entries: [
      { method: 'schedule', kind: 'runs', functionArgument: 'first-function', route: '{guard}.schedule(() => {call})' },
      { method: 'submit', kind: 'runs', functionArgument: 'first-function' },
      { method: 'wrap', kind: 'wraps', functionArgument: 0, route: '{guard}({args})' },
    ],
    typeNames: { Bottleneck: 'bulkhead' },
    source: 'bottleneck 2.19.5 bottleneck.d.ts L566-575 (wrap), L578 (submit), schedule([options,] fn, ...args); light.js and es5.js entry points in the package (✔src)',
  },
];

/**
 * Where an instance's configuration names the service it talks to, so that two instances (or an instance
 * and a plain call) with the same origin count as one dependency.
 */
export const BASE_URL_OPTIONS: readonly { clientId: string; key: string; source: string }[] = [
  { clientId: 'axios', key: 'baseURL', source: 'axios README, request config: `baseURL` is prepended to `url` unless `url` is absolute (✔doc)' },
  { clientId: 'got', key: 'prefixUrl', source: 'got docs, options `prefixUrl` (✔doc)' },
  { clientId: 'ky', key: 'prefixUrl', source: 'ky README, option `prefixUrl` (✔doc)' },
];

/** Keys of a request's options object that carry its URL (`axios({ url })`, `http.request({ hostname })`). */
export const URL_OPTION_KEYS: readonly string[] = ['url', 'baseURL', 'prefixUrl', 'uri'];

export function guardLibraryFor(module: string): GuardLibrary | undefined {
  return GUARD_LIBRARIES.find((library) => library.modules.includes(module));
}
