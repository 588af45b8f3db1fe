/**
 * What Faultline knows about retries: the mechanisms that repeat an operation (libraries, HTTP clients and
 * SDKs that retry by configuration), which operations are unsafe to repeat, and what makes a repeat safe
 * (idempotency keys). Rules read this table; adding a library is adding a row. Facts and their sources are
 * from `shared/docs/clients.md` § "Retry libraries, breakers, idempotency" (3a, SDK built-in retries, 3c).
 */
import { VERB_METHOD, type ClientSpec, type HttpMethod } from './clients';

/** How many attempts a mechanism makes when its options don't say. */
export type AttemptCount = { kind: 'finite'; attempts: number } | { kind: 'forever' };

/** How the retry-count option reads: `retries: n` is n + 1 attempts; `maxAttempts: n` is n attempts. */
export type CountKind = 'retries' | 'attempts';

/**
 * A library that retries a callback: `pRetry(fn, opts)`, `backOff(fn, opts)`, `op.attempt(fn)`,
 * `policy.execute(fn)`, `@Retryable(opts)`.
 */
export interface RetryLibrary {
  id: string;
  /** How messages name it. */
  name: string;
  modules: readonly string[];
  /**
   * How the retrying call is reached from the module:
   * - `call`: `path` names the function; the callback is `callbackArg`, options `optionsArg`;
   * - `operation`: `path` makes an operation (`retry.operation(opts)`), whose `attempt(fn)` retries `fn`;
   * - `policy`: `path` makes a policy (`retry(handler, opts)`), whose `execute(fn)` retries `fn`;
   *   `wrap(...)` of policies keeps it;
   * - `decorator`: `@path(opts)` on a method retries the method's body.
   */
  shape: 'call' | 'operation' | 'policy' | 'decorator';
  path: string;
  callbackArg: number;
  optionsArg: number;
  /** Option that sets the count, and how it reads. */
  countKey: string;
  countKind: CountKind;
  /** Attempts when `countKey` is absent. */
  defaultAttempts: AttemptCount;
  /** Options whose `true` value means "retry forever". */
  foreverKeys?: readonly string[];
  /** Does it wait between attempts by default? (cockatiel does not: `ConstantBackoff(0)`.) */
  waitsByDefault: boolean;
  /** The callback's parameter that is the function to call to retry (promise-retry's `retry`), if any. */
  retryParam?: number;
  /** How the callback stops the retries: throwing the module's error class (p-retry `AbortError`). */
  abortError?: string;
  /** Option that sets the wait, when `waitsByDefault` is false. */
  backoffKey?: string;
  /** Options that, set to 0, make every wait 0 ms: the attempts then follow each other at once. */
  zeroWaitKeys?: readonly string[];
  /**
   * `policy`: the calls that make the filter of failures it retries (its `handlerArg` argument), and the
   * argument holding each one's predicate: cockatiel `handleWhen(fn)`, `handleType(Class, fn)`, chained
   * `.orWhen(fn)`. A filter without a predicate (`handleAll`, `handleType(Class)`) lets any failure through.
   */
  failureFilters?: { handlerArg: number; calls: Readonly<Record<string, number>>; source: string };
  /**
   * How a caller picks which failures are retried: `predicateKey`, an option whose function says whether to
   * retry a failure (p-retry `shouldRetry`, exponential-backoff `retry`); `bailParam`, the callback's parameter
   * that stops the retries when called (async-retry `bail`); `abortHook`, an option called with each failure
   * that stops them by calling its context's `method` (@lifeomic/attempt `handleError(err, context)`,
   * `context.abort()`) or, with no `method`, by throwing (p-retry `onFailedAttempt`); `retryMethod`, the
   * operation's method the attempt calls to be run again (node-retry `operation.retry(err)`).
   */
  failureChoice?: { predicateKey?: string; bailParam?: number; abortHook?: { key: string; contextParam?: number; method?: string }; retryMethod?: string; source: string };
  /** An option the library awaits after each failure, before the next attempt: a wait there spaces the attempts (p-retry `onFailedAttempt`). */
  awaitedHook?: string;
  source: string;
}

export const RETRY_LIBRARIES: readonly RetryLibrary[] = [
  {
    id: 'p-retry', name: 'p-retry', modules: ['p-retry'], shape: 'call', path: '', callbackArg: 0, optionsArg: 1,
    countKey: 'retries', countKind: 'retries', defaultAttempts: { kind: 'finite', attempts: 11 }, foreverKeys: ['forever'], waitsByDefault: true, abortError: 'AbortError',
    zeroWaitKeys: ['minTimeout', 'maxTimeout'],
    failureChoice: {
      predicateKey: 'shouldRetry', abortHook: { key: 'onFailedAttempt' },
      source: 'p-retry 7.1.1 index.js L92, L115, L170-171 (`shouldRetry(context)`, default true; 6.x passes the error); readme.md L56-58 (a throwing `onFailedAttempt` aborts the retries) (✔src)',
    },
    awaitedHook: 'onFailedAttempt',
    source: 'sindresorhus/p-retry index.js (retries 10, from `retry`; `throw new AbortError()` stops) (✔src); 7.1.1 index.js L56-57 (wait = minTimeout × factor^n, capped at maxTimeout)',
  },
  {
    id: 'async-retry', name: 'async-retry', modules: ['async-retry'], shape: 'call', path: '', callbackArg: 0, optionsArg: 1,
    countKey: 'retries', countKind: 'retries', defaultAttempts: { kind: 'finite', attempts: 11 }, foreverKeys: ['forever'], waitsByDefault: true,
    zeroWaitKeys: ['maxTimeout'],
    failureChoice: { bailParam: 0, source: 'async-retry 1.3.3 lib/index.js L21-23, L42 (`fn(bail, num)`; `bail(err)` rejects at once) (✔src)' },
    source: 'vercel/async-retry lib/index.js (retries 10, factor 2, min 1000) (✔src); waits from retry 0.13.1 lib/retry.js L54-55 (max(minTimeout, 1) × factor^n, capped at maxTimeout)',
  },
  {
    id: 'retry', name: 'retry.operation()', modules: ['retry'], shape: 'operation', path: 'operation', callbackArg: 0, optionsArg: 0,
    countKey: 'retries', countKind: 'retries', defaultAttempts: { kind: 'finite', attempts: 11 }, foreverKeys: ['forever'], waitsByDefault: true,
    zeroWaitKeys: ['maxTimeout'],
    failureChoice: { retryMethod: 'retry', source: 'retry 0.13.1 lib/retry_operation.js L43-92 (`retry(err)` schedules the next attempt and returns whether it will) (✔src)' },
    source: 'tim-kos/node-retry lib/retry.js (retries 10, factor 2, min 1000) (✔src); 0.13.1 L54-55 (max(minTimeout, 1) × factor^n, capped at maxTimeout)',
  },
  {
    // Also takes `(options, fn)`; the callback's first parameter is the `retry` to call from its `.catch`.
    id: 'promise-retry', name: 'promise-retry', modules: ['promise-retry'], shape: 'call', path: '', callbackArg: 0, optionsArg: 1,
    countKey: 'retries', countKind: 'retries', defaultAttempts: { kind: 'finite', attempts: 11 }, foreverKeys: ['forever'], waitsByDefault: true, retryParam: 0, zeroWaitKeys: ['maxTimeout'],
    source: 'IndigoUnited/node-promise-retry index.js (options passed to `retry`, retries 10) (✔src 2.0.1); npm view: depends on retry ^0.12.0',
  },
  {
    id: 'exponential-backoff', name: 'exponential-backoff', modules: ['exponential-backoff'], shape: 'call', path: 'backOff', callbackArg: 0, optionsArg: 1,
    countKey: 'numOfAttempts', countKind: 'attempts', defaultAttempts: { kind: 'finite', attempts: 10 }, waitsByDefault: true,
    zeroWaitKeys: ['startingDelay', 'maxDelay'],
    failureChoice: { predicateKey: 'retry', source: 'exponential-backoff 3.1.3 dist/options.js L19, dist/backoff.js L87-90 (`retry(e, attemptNumber)`, default true) (✔src)' },
    source: 'coveooss/exponential-backoff src/options.ts (10 attempts, 100 ms, ×2) (✔src); 3.1.3 dist/delay/delay.base.js L26-30 (startingDelay × timeMultiple^n, capped at maxDelay)',
  },
  {
    id: '@lifeomic/attempt', name: '@lifeomic/attempt', modules: ['@lifeomic/attempt'], shape: 'call', path: 'retry', callbackArg: 0, optionsArg: 1,
    countKey: 'maxAttempts', countKind: 'attempts', defaultAttempts: { kind: 'finite', attempts: 3 }, waitsByDefault: true,
    zeroWaitKeys: ['delay'],
    failureChoice: { abortHook: { key: 'handleError', contextParam: 1, method: 'abort' }, source: '@lifeomic/attempt 3.1.0 dist/src/index.js L77-78, L91-96 (`handleError(err, context, options)`; `context.abort()` stops) (✔src)' },
    awaitedHook: 'handleError',
    source: 'lifeomic/attempt src/index.ts (delay 200, maxAttempts 3) (✔src); 3.1.0 dist/src/index.js L29-31 (delay 0: no delay between attempts)',
  },
  {
    id: 'cockatiel', name: 'cockatiel retry', modules: ['cockatiel'], shape: 'policy', path: 'retry', callbackArg: 0, optionsArg: 1,
    countKey: 'maxAttempts', countKind: 'retries', defaultAttempts: { kind: 'forever' }, waitsByDefault: false, backoffKey: 'backoff',
    failureFilters: {
      handlerArg: 0,
      calls: { handleWhen: 0, handleWhenResult: 0, handleType: 1, handleResultType: 1, orWhen: 0, orWhenResult: 0, orType: 1, orResultType: 1 },
      source: 'cockatiel 3.2.1 dist/Policy.d.ts L110-183 (handleType/handleWhen/handleResultType/handleWhenResult and the or… chain) (✔src)',
    },
    source: 'cockatiel 4.0.0 dist/Policy.js L232-233, dist/RetryPolicy.js L55-67 (maxAttempts Infinity, ConstantBackoff(0); maxAttempts n = n retries) (✔src, ✔run)',
  },
  {
    id: 'typescript-retry-decorator', name: '@Retryable', modules: ['typescript-retry-decorator'], shape: 'decorator', path: 'Retryable', callbackArg: 0, optionsArg: 0,
    countKey: 'maxAttempts', countKind: 'attempts', defaultAttempts: { kind: 'finite', attempts: 3 }, waitsByDefault: true,
    source: 'vcfvct/typescript-retry-decorator src/retry.decorator.ts (maxAttempts required) (✔src)',
  },
];

/** cockatiel's combinator: `wrap(retryPolicy, breaker)` still retries. */
export const POLICY_COMBINATORS: readonly string[] = ['wrap'];

/**
 * A client whose own configuration retries requests. `unsafeMethods` are the HTTP methods it retries that
 * are not idempotent; `configured` says where the retry is switched on.
 */
export interface ConfiguredRetry {
  id: string;
  name: string;
  /**
   * - `attach`: `fn(instance, opts)` makes every call through `instance` retry (axios-retry);
   * - `attach-config`: `fn(instance?)` makes calls through `instance` (or the default export of
   *   `attachesTo`) retry as each request's `configKey` says; retried only when its `methodsKey` lists POST
   *   or PATCH (retry-axios);
   * - `wrap-fetch`: `fn(fetch, opts)` returns a fetch that retries (fetch-retry);
   * - `chain`: `.retry(n)` on a request chain (superagent);
   * - `methods-option`: a `retry: { methods }` option at the call or instance; retried only when it lists
   *   POST or PATCH (got, ky);
   * - `sdk`: the SDK's client retries every call by default;
   * - `interceptor`: `instance.<path>(onFulfilled, onRejected)` whose rejection handler sends the failed
   *   request's config again (the hand-written axios retry), so every call through `instance` retries;
   * - `operator`: `source$.pipe(…, retry(n))` resubscribes to a cold Observable, which sends its request
   *   again (RxJS `retry` on an Angular or NestJS HTTP call).
   */
  kind: 'attach' | 'attach-config' | 'wrap-fetch' | 'chain' | 'methods-option' | 'sdk' | 'interceptor' | 'operator';
  modules: readonly string[];
  /** The export that attaches or wraps (`''` is the default export); the chain method for `chain`. */
  path: string;
  /** `attach`: the client modules whose default export the attaching call patches when handed it (`axiosRetry(axios)`). */
  attachesTo?: readonly string[];
  /** Options argument of the attaching call, and the count key in it. */
  optionsArg?: number;
  countKey?: string;
  countKind?: CountKind;
  /** Attempts when nothing sets a count; `unknown` when only the code around it can say (an interceptor). */
  defaultAttempts: AttemptCount | { kind: 'unknown' };
  /** Options that replace the default condition: when set, which methods are retried can't be seen. */
  conditionKeys?: readonly string[];
  /**
   * The library's own predicates that repeat a request whatever its method, and after which failures: a
   * condition that is one of these, or an `||` with one of them, still repeats a POST.
   */
  unsafeConditions?: Readonly<Record<string, string>>;
  /** The failure on which the default condition repeats a non-idempotent request. */
  repeatsOn: string;
  /** `attach-config`: the request option holding the retry's settings, and the setting that lists the methods it repeats. */
  configKey?: string;
  methodsKey?: string;
  /** `methods-option`: the option listing the statuses that repeat; an empty list leaves network errors only. */
  statusCodesKey?: string;
  /** What `repeatsOn` becomes when that list is empty, and when it lists statuses of its own. */
  repeatsOnNetworkOnly?: string;
  repeatsOnListed?: string;
  /**
   * `methods-option`: the option listing the error codes that repeat, and the option whose function may
   * repeat whatever the lists say. With both lists naming only refused failures (429; ECONNREFUSED,
   * ENOTFOUND, EAI_AGAIN) and no such function, nothing the server applied is repeated.
   */
  errorCodesKey?: string;
  overrideKey?: string;
  /**
   * `methods-option`: the interceptor export that takes the same options as its first argument and retries
   * whatever dispatcher it is composed onto (`new Agent().compose(interceptors.retry({ methods }))`).
   */
  interceptorPath?: string;
  /** `operator`, `attach`: the option that waits between attempts (absent: it retries at once). */
  waitKey?: string;
  /** `attach`: the attaching function's own property that gives a growing delay, for the suggestion. */
  growingDelay?: string;
  /** `operator`: what a resubscription runs again, besides a cold source call. */
  resubscribes?: ResubscribedWork;
  /** `operator`: the older form whose notifier decides each retry (`retryWhen(errors => errors.pipe(…))`). */
  notifier?: RetryNotifier;
  source: string;
}

/**
 * What runs again when an operator resubscribes: the callback of a deferring creator (`defer(() => …)`),
 * and the callbacks of flattening operators piped before the retry, when the source emits again on
 * resubscription (a cold creator such as `of(x)`, or a cold client call). A hot source (a Subject, a
 * form's `valueChanges`) emits nothing new, so its callbacks are not re-run by the retry.
 */
/**
 * `retryWhen(errors => errors.pipe(delay(1000), take(3)))`: it resubscribes each time the notifier emits
 * and stops when it completes. Only a notifier built from these operators is read; one that looks at the
 * error (`mergeMap((error, i) => …)`) decides itself which failures repeat, and is not judged.
 */
export interface RetryNotifier {
  operator: string;
  /** Operators that wait before the notifier emits. */
  waits: readonly string[];
  /** Operators whose count ends the notifier: `take(n)` allows n retries. */
  counts: readonly string[];
}

export interface ResubscribedWork {
  /** The method that applies operators: `source$.pipe(a, b)`. */
  pipe: string;
  /** Creators whose callback runs on each subscription. */
  deferring: readonly string[];
  /** Creators that emit the same values to each subscriber. */
  coldCreators: readonly string[];
  /** Operators whose callback runs for each value the source emits. */
  flattening: readonly string[];
}

export const CONFIGURED_RETRIES: readonly ConfiguredRetry[] = [
  {
    id: 'axios-retry', name: 'axios-retry', kind: 'attach', modules: ['axios-retry'], path: '', attachesTo: ['axios'], optionsArg: 1, countKey: 'retries', countKind: 'retries',
    defaultAttempts: { kind: 'finite', attempts: 4 }, conditionKeys: ['retryCondition'], repeatsOn: 'network errors, whatever the method',
    waitKey: 'retryDelay', growingDelay: 'exponentialDelay',
    unsafeConditions: {
      isNetworkError: 'network errors, whatever the method',
      isNetworkOrIdempotentRequestError: 'network errors, whatever the method',
      isRetryableError: 'network errors, 429 and 5xx, whatever the method',
    },
    source: 'axios-retry 4.5.0 dist/cjs/index.js L18-64, L80, L102-108 (retries 3, retryDelay noDelay; isNetworkError and isRetryableError have no method check, isSafe/IdempotentRequestError do); ✔run POST+ECONNRESET → 3 hits',
  },
  {
    // `rax.attach()` or `rax.attach(instance)`; each request's `raxConfig` (merged from the instance's defaults)
    // says which methods repeat, after network errors as after failed statuses.
    id: 'retry-axios', name: 'retry-axios', kind: 'attach-config', modules: ['retry-axios'], path: 'attach', attachesTo: ['axios'],
    configKey: 'raxConfig', methodsKey: 'httpMethodsToRetry', countKey: 'retry', countKind: 'retries',
    defaultAttempts: { kind: 'finite', attempts: 4 }, repeatsOn: 'network errors, 429 and 5xx, because `raxConfig.httpMethodsToRetry` lists it',
    source: 'retry-axios 4.0.3 build/src/index.js L3-13, L107-125, L253-265 (retry 3, retryDelay 100 ms exponential, httpMethodsToRetry GET HEAD PUT OPTIONS DELETE; the method check also gates network errors) (✔src)',
  },
  {
    id: 'fetch-retry', name: 'fetch-retry', kind: 'wrap-fetch', modules: ['fetch-retry', '@vercel/fetch-retry'], path: '', optionsArg: 1, countKey: 'retries', countKind: 'retries',
    defaultAttempts: { kind: 'finite', attempts: 4 }, conditionKeys: ['retryOn'], repeatsOn: 'network errors, whatever the method',
    source: 'jonbern/fetch-retry index.js (retries 3, retryOn [] = network errors, no method check) (✔src); vercel/fetch#75',
  },
  {
    id: 'superagent', name: 'superagent .retry()', kind: 'chain', modules: ['superagent', 'supertest'], path: 'retry',
    defaultAttempts: { kind: 'finite', attempts: 2 }, repeatsOn: 'ECONNRESET, timeouts and 5xx, whatever the method',
    source: 'superagent 10.4.2 lib/request-base.js L146-148, L167-171, L181-212 (method check commented out) (✔src)',
  },
  {
    id: 'got', name: 'got retry.methods', kind: 'methods-option', modules: ['got'], path: 'retry.methods', countKey: 'retry.limit', countKind: 'retries',
    defaultAttempts: { kind: 'finite', attempts: 3 }, repeatsOn: 'network errors and 5xx, because `retry.methods` lists it',
    statusCodesKey: 'retry.statusCodes', repeatsOnNetworkOnly: 'only network errors, as `retry.statusCodes` is empty and `retry.methods` lists it',
    repeatsOnListed: 'network errors and the statuses `retry.statusCodes` lists, because `retry.methods` lists it',
    errorCodesKey: 'retry.errorCodes', overrideKey: 'retry.calculateDelay',
    source: 'got 14.6.6 options.js L149-186 (limit 2; methods GET PUT HEAD DELETE OPTIONS TRACE), calculate-retry-delay.js L8-12 (a repeat needs the method and a listed error code or status; `calculateDelay` may override) (✔src, ✔run POST 1 hit)',
  },
  {
    id: 'ky', name: 'ky retry.methods', kind: 'methods-option', modules: ['ky'], path: 'retry.methods', countKey: 'retry.limit', countKind: 'retries',
    defaultAttempts: { kind: 'finite', attempts: 3 }, repeatsOn: 'network errors and 5xx, because `retry.methods` lists it',
    statusCodesKey: 'retry.statusCodes', repeatsOnNetworkOnly: 'only network errors, as `retry.statusCodes` is empty and `retry.methods` lists it',
    repeatsOnListed: 'network errors and the statuses `retry.statusCodes` lists, because `retry.methods` lists it',
    source: 'ky 1.14.3 distribution/utils/normalize.js, core/constants.js (limit 2; methods get put head delete options trace) (✔src, ✔run)',
  },
  {
    // `request(url, { dispatcher: new RetryAgent(agent, { methods }) })`; `path` is the RetryAgent export.
    // The interceptor form, `new Agent().compose(interceptors.retry({ methods }))`, builds the same handler.
    id: 'undici', name: 'undici RetryAgent', kind: 'methods-option', modules: ['undici'], path: 'RetryAgent', optionsArg: 1, countKey: 'maxRetries', countKind: 'retries',
    interceptorPath: 'interceptors.retry',
    defaultAttempts: { kind: 'finite', attempts: 6 }, repeatsOn: 'network errors and 5xx, because its `methods` lists it',
    source: 'undici 7.30.2 lib/handler/retry-handler.js L112-122 (maxRetries 5; methods GET HEAD OPTIONS PUT DELETE TRACE), lib/dispatcher/retry-agent.js, lib/interceptor/retry.js (a RetryHandler with the interceptor\'s options) (✔src)',
  },
  {
    // `api.interceptors.response.use(undefined, (error) => … api(error.config))`: the failed request's config
    // is sent again as it was, method and body included; the count is whatever the handler keeps.
    id: 'axios-interceptor', name: 'the axios response interceptor', kind: 'interceptor', modules: ['axios'], path: 'interceptors.response.use',
    defaultAttempts: { kind: 'unknown' }, repeatsOn: 'the failures its handler sends again, whatever the method',
    source: 'axios 1.x docs "Interceptors" (error.config is the request config, re-sendable with axios(config)); lib/core/InterceptorManager.js (✔src)',
  },
  {
    // `this.http.post(url, body).pipe(retry(3))`: `retry(n)` or `retry({ count, delay })`; no count is Infinity.
    id: 'rxjs', name: 'RxJS retry()', kind: 'operator', modules: ['rxjs', 'rxjs/operators'], path: 'retry', countKey: 'count', countKind: 'retries',
    defaultAttempts: { kind: 'forever' }, waitKey: 'delay', repeatsOn: 'every error the request emits, a dropped connection or a failed status, whatever the method',
    resubscribes: {
      pipe: 'pipe', deferring: ['defer'], coldCreators: ['of', 'timer'],
      flattening: ['switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'flatMap'],
    },
    notifier: { operator: 'retryWhen', waits: ['delay', 'delayWhen'], counts: ['take'] },
    source: 'rxjs 7.8.2 src/internal/operators/retry.ts L8-31 (count, delay, resetOnSuccess), L86-95 (count defaults to Infinity; no delay resubscribes at once); src/internal/operators/retryWhen.ts (resubscribes on each notifier value, completes with it) (✔src)',
  },
];

/** A call of an observable client: its method comes from the verb, or from an argument or the options' `method`. */
export interface ObservableCall {
  path: string;
  optionsArg: number;
  method?: HttpMethod;
  /** `request('POST', url, options)`: the argument that names the method. */
  methodArg?: number;
}

/**
 * An HTTP client whose calls return a cold Observable: every subscription sends the request again, so an
 * RxJS `retry()` piped onto a call re-sends it. Its instances are injected, so they are recognised by the
 * class they are declared as (`constructor(private http: HttpClient)`, `http = inject(HttpClient)`).
 * `require-timeout` does not judge these clients: their timeout is usually the RxJS `timeout()` operator.
 */
export interface ObservableClient {
  id: string;
  name: string;
  modules: readonly string[];
  /** The exported class whose instances send requests. */
  className: string;
  /** A function that returns an injected instance: `inject(HttpClient)`. */
  injector?: { module: string; path: string };
  calls: readonly ObservableCall[];
  /**
   * A function type of the module whose calls send, as the class's instances do: `next: HttpHandlerFn`, or
   * `next` as the given parameter of a function declared with the holder type (`const retrying:
   * HttpInterceptorFn = (request, next) => …`).
   */
  sendingFunction?: { typeName: string; call: ObservableCall; parameterOf: { typeName: string; index: number } };
  /** The member that holds the axios instance its requests run on, which axios-retry can patch (`axiosRetry(http.axiosRef)`). */
  axiosInstance?: string;
  source: string;
}

const bodyless = (paths: readonly string[], optionsArg: number): ObservableCall[] => paths.map((path) => ({ path, optionsArg, method: VERB_METHOD[path] }));
const withBody = (paths: readonly string[]): ObservableCall[] => paths.map((path) => ({ path, optionsArg: 2, method: VERB_METHOD[path] }));

export const OBSERVABLE_CLIENTS: readonly ObservableClient[] = [
  {
    id: 'angular-http', name: 'Angular HttpClient', modules: ['@angular/common/http'], className: 'HttpClient',
    injector: { module: '@angular/core', path: 'inject' },
    calls: [...bodyless(['get', 'delete', 'head', 'options'], 1), ...withBody(['post', 'put', 'patch']), { path: 'request', optionsArg: 2, methodArg: 0 }],
    source: '@angular/common 21.2.26 fesm2022/_module-chunk.mjs L1632 request(first, url, options), L1673 (of(req).pipe(concatMap(…)): each subscription sends), L1712-1738 verbs (✔src)',
  },
  {
    // An interceptor's `next.handle(req)` passes the request on down the chain to the backend, which sends it
    // on each subscription. Its method is the request's, not written at the call.
    id: 'angular-handler', name: 'Angular HttpHandler', modules: ['@angular/common/http'], className: 'HttpHandler',
    calls: [{ path: 'handle', optionsArg: 1 }],
    // A functional interceptor's `next(req)` is the same chain as a function.
    sendingFunction: { typeName: 'HttpHandlerFn', call: { path: 'next', optionsArg: 1 }, parameterOf: { typeName: 'HttpInterceptorFn', index: 1 } },
    source: '@angular/common 21.2.26 fesm2022/_module-chunk.mjs L1064-1075 HttpXhrBackend.handle (source.pipe(switchMap(() => new Observable((observer) => { xhr.open(req.method, …) … }))): each subscription sends); L1436-1438 chainedInterceptorFn (an interceptor function’s next(req) runs the rest of the chain down to the backend); types/http.d.ts L3962, L4004 (HttpHandlerFn, HttpInterceptorFn = (req, next: HttpHandlerFn)) (✔src)',
  },
  {
    id: 'nestjs-axios', name: 'NestJS HttpService', modules: ['@nestjs/axios'], className: 'HttpService',
    calls: [...bodyless(['get', 'delete', 'head'], 1), ...withBody(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']), { path: 'request', optionsArg: 0 }],
    axiosInstance: 'axiosRef',
    source: '@nestjs/axios 12.0.1 dist/http.service.js L21-50 verbs (each calls this.instance), L54-56 axiosRef (returns this.instance), L57-85 makeObservable (new Observable: each subscription calls axios again) (✔src)',
  },
];

/**
 * An SDK with built-in retries. `retriesAll`: its retries repeat every method, with no idempotency key
 * (so a mutating call is unsafe); Stripe retries too, but sends the same auto key on each of its own
 * attempts, so only a retry wrapped around it repeats a charge.
 */
export interface SdkSpec {
  id: string;
  name: string;
  modules: readonly string[];
  /**
   * Constructor paths from the module: `''` for a default export, `WebClient` for a named one, `*` for any
   * (`new ccxt.binance()`). A value declared with one of these types (`private stripe: Stripe`) is an instance.
   */
  constructors: readonly string[];
  /** The constructor argument that holds the client's configuration (`new Stripe(key, config)` → 1). */
  configArg: number;
  /** Built-in retries: the option and its default. */
  retryKey?: string;
  /** The modules whose instances have those retries, when not all do (`octokit` bundles @octokit/plugin-retry; `@octokit/rest` does not). */
  retryingModules?: readonly string[];
  defaultAttempts: AttemptCount;
  retriesAll: boolean;
  /** Operations that create, charge or publish: method paths on the instance (`*` = any segment). */
  operations: readonly SdkOperation[];
  /**
   * How the SDK takes an idempotency key: in the request options after the params (Stripe; the suggestion
   * inserts it there), or in the params themselves under the name or an exchange's own alias (ccxt, whose
   * accepted key format differs by exchange, so no key is suggested; the advice says where it goes).
   */
  keyOption?: { name: string; where: 'request-options' } | { name: string; where: 'params'; aliases: readonly string[] };
  source: string;
}

export interface SdkOperation {
  /** Dotted method path; `*` matches one segment (`*.create` = `charges.create`, `customers.create`). */
  path: string;
  /** What a repeat does, for the message: "the customer is charged twice". */
  consequence: string;
  /** Arguments before the params object (`paymentIntents.confirm(id, params, options)` → 1). */
  leadingArgs?: number;
  /** Params members whose presence makes the operation safe to repeat (SQS `MessageDeduplicationId`). */
  dedupeMembers?: readonly string[];
}

export const SDKS: readonly SdkSpec[] = [
  {
    id: 'stripe', name: 'Stripe', modules: ['stripe'], constructors: ['', 'Stripe'], configArg: 1, retryKey: 'maxNetworkRetries',
    defaultAttempts: { kind: 'finite', attempts: 3 }, retriesAll: false,
    operations: [
      { path: 'charges.create', consequence: 'the customer is charged twice' },
      { path: 'paymentIntents.create', consequence: 'a second payment is created for the same order' },
      { path: 'paymentIntents.confirm', consequence: 'the customer is charged twice', leadingArgs: 1 },
      { path: 'paymentIntents.capture', consequence: 'the payment is captured twice', leadingArgs: 1 },
      { path: 'charges.capture', consequence: 'the charge is captured twice', leadingArgs: 1 },
      { path: 'refunds.create', consequence: 'the customer is refunded twice' },
      { path: 'transfers.create', consequence: 'the money is transferred twice' },
      { path: 'payouts.create', consequence: 'the payout is sent twice' },
      { path: 'invoices.pay', consequence: 'the invoice is paid twice', leadingArgs: 1 },
      { path: '*.create', consequence: 'a duplicate object is created' },
    ],
    keyOption: { name: 'idempotencyKey', where: 'request-options' },
    source: 'stripe 23.1.0 cjs/RequestSender.js L192-222, L256-300 (own retries reuse an auto key); cjs/utils.js L159-160 (idempotencyKey) (✔src)',
  },
  {
    id: 'slack', name: 'Slack WebClient', modules: ['@slack/web-api'], constructors: ['WebClient'], configArg: 1, retryKey: 'retryConfig.retries',
    defaultAttempts: { kind: 'finite', attempts: 11 }, retriesAll: true,
    operations: [
      { path: 'chat.postMessage', consequence: 'the message is posted twice' },
      { path: 'chat.postEphemeral', consequence: 'the message is posted twice' },
      { path: 'chat.scheduleMessage', consequence: 'the message is scheduled twice' },
      { path: 'files.uploadV2', consequence: 'the file is uploaded twice' },
      { path: 'conversations.create', consequence: 'a duplicate channel is attempted' },
    ],
    source: '@slack/web-api 8.2.0 dist/WebClient.js L409-475, dist/retry-policies.js L9-13 (10 retries, every call POST, no key) (✔src)',
  },
  {
    id: 'octokit', name: 'Octokit', modules: ['octokit', '@octokit/rest'], constructors: ['Octokit'], configArg: 0, retryKey: 'retry', retryingModules: ['octokit'],
    defaultAttempts: { kind: 'finite', attempts: 4 }, retriesAll: true,
    operations: [
      { path: 'rest.issues.create', consequence: 'the issue is opened twice' },
      { path: 'rest.issues.createComment', consequence: 'the comment is posted twice' },
      { path: 'rest.pulls.create', consequence: 'the pull request is opened twice' },
      { path: 'rest.repos.createDispatchEvent', consequence: 'the workflow is dispatched twice' },
    ],
    source: '@octokit/plugin-retry 8.1.1 dist-src/index.js L6-13, error-request.js L9-13 (3 retries, no method filter); octokit dist-src/octokit.js L9-14 (on by default); @octokit/rest bundles only request-log, paginate and the REST endpoint methods (no retry plugin) (✔src)',
  },
  {
    id: 'openai', name: 'OpenAI', modules: ['openai'], constructors: ['', 'OpenAI'], configArg: 0, retryKey: 'maxRetries',
    defaultAttempts: { kind: 'finite', attempts: 3 }, retriesAll: true,
    // A repeated completion costs tokens but changes nothing; only calls that create stored objects are listed.
    operations: [
      { path: 'files.create', consequence: 'the file is uploaded twice' },
      { path: 'batches.create', consequence: 'the batch runs twice' },
      { path: 'fineTuning.jobs.create', consequence: 'the fine-tuning job runs twice' },
      { path: 'vectorStores.create', consequence: 'the vector store is created twice' },
      { path: 'conversations.create', consequence: 'the conversation is created twice' },
      { path: 'conversations.items.create', consequence: 'the items are added to the conversation twice' },
      { path: 'beta.assistants.create', consequence: 'the assistant is created twice' },
      { path: 'beta.threads.create', consequence: 'the thread is created twice' },
      { path: 'beta.threads.createAndRun', consequence: 'the thread is created and run twice' },
      { path: 'beta.threads.messages.create', consequence: 'the message is added to the thread twice' },
      { path: 'beta.threads.runs.create', consequence: 'the run is started twice' },
      { path: 'beta.threads.runs.createAndPoll', consequence: 'the run is started twice' },
    ],
    source: 'openai 6.49.0 client.js L286-288, L558-577, L648-652 (maxRetries 2; idempotency header never set) (✔src, ✔run 7.57.0); the stored-object creates are POSTs: src/resources/vector-stores/vector-stores.ts L42-43, conversations/conversations.ts L30-34, conversations/items.ts L22-29, beta/assistants.ts L25-26, beta/threads/threads.ts L89-90, L148-152, beta/threads/messages.ts L23-24, beta/threads/runs/runs.ts L57-74, L151-156 (createAndPoll awaits create) (✔src)',
  },
  {
    // No retries by default (`maxRetriesOnFailure` 0). When set, they re-sign the same params, and some
    // exchanges' code fills a client order id once per call (binance, kucoin), so whether the built-in
    // retry repeats an order depends on the exchange: only a retry around the call counts as repeating it.
    id: 'ccxt', name: 'ccxt', modules: ['ccxt'], constructors: ['*', 'pro.*'], configArg: 0, retryKey: 'options.maxRetriesOnFailure',
    defaultAttempts: { kind: 'finite', attempts: 1 }, retriesAll: false,
    operations: [
      { path: 'createOrder', consequence: 'the order is placed twice', leadingArgs: 5 },
      { path: 'createPostOnlyOrder', consequence: 'the order is placed twice', leadingArgs: 5 },
      { path: 'createReduceOnlyOrder', consequence: 'the order is placed twice', leadingArgs: 5 },
      { path: 'createLimitOrder', consequence: 'the order is placed twice', leadingArgs: 4 },
      { path: 'createMarketOrder', consequence: 'the order is placed twice', leadingArgs: 4 },
      { path: 'createLimitBuyOrder', consequence: 'the order is placed twice', leadingArgs: 3 },
      { path: 'createLimitSellOrder', consequence: 'the order is placed twice', leadingArgs: 3 },
      { path: 'createMarketBuyOrder', consequence: 'the order is placed twice', leadingArgs: 2 },
      { path: 'createMarketSellOrder', consequence: 'the order is placed twice', leadingArgs: 2 },
      { path: 'createMarketOrderWithCost', consequence: 'the order is placed twice', leadingArgs: 3 },
      { path: 'createMarketBuyOrderWithCost', consequence: 'the order is placed twice', leadingArgs: 2 },
      { path: 'createStopOrder', consequence: 'the order is placed twice', leadingArgs: 6 },
      { path: 'createTriggerOrder', consequence: 'the order is placed twice', leadingArgs: 6 },
      { path: 'createStopLossOrder', consequence: 'the order is placed twice', leadingArgs: 6 },
      { path: 'createTakeProfitOrder', consequence: 'the order is placed twice', leadingArgs: 6 },
      { path: 'createOrderWithTakeProfitAndStopLoss', consequence: 'the order is placed twice', leadingArgs: 7 },
    ],
    keyOption: { name: 'clientOrderId', where: 'params', aliases: ['newClientOrderId', 'clOrdId', 'orderLinkId', 'clientOid', 'cl_ord_id'] },
    source: 'ccxt 4.5.84 js/src/base/Exchange.d.ts L1158-1209 (signatures), Exchange.js L5775-5825 (maxRetriesOnFailure, default 0); binance.js L5859, okx.js L3240, bybit.js L4710, kucoin.js L4148, kraken.js L2332 (clientOrderId and aliases) (✔src)',
  },
  {
    // AWS SDK v2 (`new AWS.SES()`, `new SES()` from `aws-sdk/clients/ses`). Its own retries (maxRetries 3, on
    // timeouts, networking errors and 5xx, for every operation) are not modelled, as v3's are not: only a
    // retry around the call counts as repeating it. SES takes no idempotency token.
    id: 'aws-sdk-v2', name: 'AWS SDK v2', modules: ['aws-sdk', 'aws-sdk/clients/*'], constructors: ['*', ''], configArg: 0, retryKey: 'maxRetries',
    defaultAttempts: { kind: 'finite', attempts: 1 }, retriesAll: false,
    operations: [
      { path: 'sendEmail', consequence: 'the email is sent twice' },
      { path: 'sendRawEmail', consequence: 'the email is sent twice' },
      { path: 'sendTemplatedEmail', consequence: 'the email is sent twice' },
      { path: 'sendBulkTemplatedEmail', consequence: 'the emails are sent twice' },
    ],
    source: 'aws-sdk 2.1693.0 lib/service.js L172 (defaultRetryCount 3), L540-566 (retryableError: TimeoutError, NetworkingError, throttling, 5xx); apis/email-2010-12-01.min.json SendEmail (no idempotency token member) (✔src)',
  },
  {
    // No retries of its own; a failed request (a dropped connection included) comes back as `{ error }`
    // rather than a throw, so a retry around it tests the answer. It takes a key in the request options.
    id: 'resend', name: 'Resend', modules: ['resend'], constructors: ['Resend'], configArg: 1,
    defaultAttempts: { kind: 'finite', attempts: 1 }, retriesAll: false,
    operations: [
      { path: 'emails.send', consequence: 'the email is sent twice' },
      { path: 'emails.create', consequence: 'the email is sent twice' },
      { path: 'batch.send', consequence: 'the emails are sent twice' },
      { path: 'batch.create', consequence: 'the emails are sent twice' },
    ],
    keyOption: { name: 'idempotencyKey', where: 'request-options' },
    source: 'resend 6.38.0 dist/index.cjs L316-320, L989-995 (send → create → post(\'/emails\', body, requestOptions)), L1823-1836 (post sets Idempotency-Key from options.idempotencyKey), L1744-1822 (fetchRequest: failures returned as { error }, no retries) (✔src)',
  },
];

/**
 * AWS SDK v3 commands sent with `client.send(new XCommand(input))`. Publishes repeat unless the input
 * carries a deduplication id; commands with a Smithy `@idempotencyToken` member are safe (the SDK fills it).
 */
export const AWS_COMMANDS: readonly SdkOperation[] = [
  { path: 'PublishCommand', consequence: 'the message is published twice', dedupeMembers: ['MessageDeduplicationId'] },
  { path: 'PublishBatchCommand', consequence: 'the messages are published twice', dedupeMembers: ['MessageDeduplicationId'] },
  { path: 'SendMessageCommand', consequence: 'the message is enqueued twice', dedupeMembers: ['MessageDeduplicationId'] },
  { path: 'SendMessageBatchCommand', consequence: 'the messages are enqueued twice', dedupeMembers: ['MessageDeduplicationId'] },
  { path: 'PutEventsCommand', consequence: 'the events are delivered twice' },
  // SES (@aws-sdk/client-ses) and SESv2 (@aws-sdk/client-sesv2): no idempotency token member.
  { path: 'SendEmailCommand', consequence: 'the email is sent twice' },
  { path: 'SendRawEmailCommand', consequence: 'the email is sent twice' },
  { path: 'SendTemplatedEmailCommand', consequence: 'the email is sent twice' },
  { path: 'SendBulkTemplatedEmailCommand', consequence: 'the emails are sent twice' },
  { path: 'SendBulkEmailCommand', consequence: 'the emails are sent twice' },
  { path: 'PutRecordCommand', consequence: 'the record is written twice' },
];

export const AWS_SOURCE = '@aws-sdk/client-s3 3.1175.0 dist-cjs/index.js L4878-4887 (`ClientToken ?? generateIdempotencyToken()`); smithy-typescript generator (✔src)';

/**
 * Database clients whose `query(sql)` a retry may repeat: an `INSERT` without a conflict clause inserts the
 * row twice. `factories` make the client (`new Pool()`, `mysql.createPool()`).
 */
export const SQL_CLIENTS: ReadonlyArray<{ modules: readonly string[]; factories: readonly string[]; methods: readonly string[]; source: string }> = [
  { modules: ['pg'], factories: ['Pool', 'Client'], methods: ['query'], source: 'brianc/node-postgres (pool.query / client.query); rules-spec.md no-unsafe-retry' },
  { modules: ['mysql2', 'mysql2/promise'], factories: ['createPool', 'createConnection'], methods: ['query', 'execute'], source: 'mysql2 3.24.6 (pool.query / execute); rules-spec.md no-unsafe-retry' },
];

/**
 * Clients whose request is a chain built on the instance and sent when it is awaited: supabase-js's
 * `supabase.from('orders').insert(row)` (PostgREST). A failure, a dropped connection included, comes back
 * as `{ error }` unless the chain ends in `throwOnError()`, and the client's own retries cover GET, HEAD and
 * OPTIONS only, so a retry around an insert is the app's. An instance is what a factory of the modules
 * returns, a value declared with one of the types, or, as it most often arrives from the app's own module
 * (`import { supabase } from '@/integrations/supabase/client'`, `await createClient()` from
 * `@/lib/supabase/server`), a value named after the service or made by a module named so.
 */
export interface QueryBuilderClient {
  name: string;
  modules: readonly string[];
  factories: readonly string[];
  typeNames: readonly string[];
  /** A receiver, or the app's module it comes from, named after the service. */
  named: RegExp;
  /** The first member of a chain that sends a request (`from`, `rpc`, `storage`, `functions`). */
  requestMembers: readonly string[];
  /** `from(table)` then one of `methods`: a row written anew by each repeat. */
  inserts: { table: string; methods: readonly string[]; consequence: string; advice: string };
  source: string;
}

export const QUERY_BUILDER_CLIENTS: readonly QueryBuilderClient[] = [
  {
    name: 'supabase-js',
    modules: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs', '@supabase/auth-helpers-sveltekit', '@supabase/auth-helpers-remix'],
    factories: ['createClient', 'SupabaseClient', 'createBrowserClient', 'createServerClient', 'createClientComponentClient', 'createServerComponentClient', 'createRouteHandlerClient', 'createServerActionClient', 'createMiddlewareClient', 'createPagesBrowserClient', 'createPagesServerClient'],
    typeNames: ['SupabaseClient'],
    named: /supabase/i,
    requestMembers: ['from', 'rpc', 'schema', 'storage', 'functions'],
    inserts: {
      table: 'from', methods: ['insert'], consequence: 'the row is inserted twice',
      advice: 'Write it with `upsert(…, { onConflict })` on a unique column, or give the row an id made once before the retry, so a repeated insert changes nothing.',
    },
    source: '@supabase/postgrest-js 2.109.0 dist/index.cjs L21-29 (own retries: GET, HEAD, OPTIONS), L328-360 (a fetch failure is returned as { error } unless throwOnError), L2918-2920 (insert: POST), L3159-3161 (upsert: POST with on_conflict); @supabase/supabase-js 2.109.0 (createClient, SupabaseClient); @supabase/ssr 0.12.7 (createBrowserClient, createServerClient) (✔src)',
  },
];

/** An INSERT that a repeat cannot duplicate: it names what to do on a conflict. */
export const SAFE_INSERT = /\bON\s+CONFLICT\b|\bON\s+DUPLICATE\s+KEY\b|\bINSERT\s+(?:OR\s+)?IGNORE\b|\bINSERT\s+OR\s+REPLACE\b/i;

/**
 * POST addresses whose repeat duplicates nothing, whichever client sends them. The S3 multipart protocol
 * (AWS S3, Google Cloud Storage's XML API, MinIO, R2) starts an upload with `POST …?uploads` and completes it
 * with `POST …?uploadId=…`. A repeated start leaves an empty upload behind that makes no object and holds
 * no data; a repeated completion names the one object its upload makes, and after success finds the upload gone.
 * A model's answer (OpenAI-compatible chat completions, Anthropic messages, Gemini generateContent) is
 * computed again and stores nothing, as the OpenAI row of SDK_SPECS already holds for the SDK's calls; a
 * search or query sent as a POST (HubSpot CRM search, Elasticsearch `_search`, Google Calendar's freeBusy, Plaid's `/auth/get`) reads;
 * an upsert (`/contacts/upsert`) writes by key.
 */
export const REPEATABLE_POST_URLS: ReadonlyArray<{ pattern: RegExp; source: string }> = [
  { pattern: /[?&]uploads(?:[=&]|$)/, source: 'AWS S3 API Reference, CreateMultipartUpload (POST /{Key}?uploads); GCS XML API multipart uploads; @google-cloud/storage 7.22.0 transfer-manager.js initiateUpload' },
  { pattern: /[?&]uploadId=/, source: 'AWS S3 API Reference, CompleteMultipartUpload (POST /{Key}?uploadId=…); GCS XML API multipart uploads; @google-cloud/storage 7.22.0 transfer-manager.js completeUpload' },
  { pattern: /\/chat\/completions(?:[?#]|$)|\/v1\/(?:completions|embeddings|moderations|audio\/transcriptions|audio\/translations|images\/generations|images\/edits|images\/variations)(?:[?#]|$)/, source: 'openai 6.49.0 src/resources/chat/completions/completions.ts L81, completions.ts L38, embeddings.ts L35, moderations.ts L16, audio/transcriptions.ts L57, audio/translations.ts L41 and images.ts L27, L56, L88 (POST; each returns what the model computed and stores nothing in the account; the SDK rows list none of them) (✔src)' },
  { pattern: /:11434\/api\/(?:chat|generate|embed|embeddings)(?:[?#]|$)|ollama\.com\/api\/(?:chat|generate|embed)(?:[?#]|$)/, source: 'Ollama REST API (docs/api.md; served on port 11434, or ollama.com/api for cloud models): POST /api/generate, /api/chat and /api/embed return what the model computed and store nothing; /api/pull, /api/create and /api/copy, which write models, are not listed (✔doc)' },
  { pattern: /anthropic\.com\/v1\/messages(?:[?#]|$)/, source: '@anthropic-ai/sdk 1.14.0 src/resources/messages/messages.ts L378 (POST /v1/messages) (✔src)' },
  { pattern: /api-inference\.huggingface\.co\/models\/|router\.huggingface\.co\/hf-inference\/models\//, source: 'Hugging Face Inference API (POST https://api-inference.huggingface.co/models/{model_id}, now router.huggingface.co/hf-inference/models/{model_id}): runs the model on the inputs and returns its output, storing nothing (✔doc)' },
  { pattern: /:(?:streamG|g)enerateContent(?:[?#]|$)|:(?:batchE|e)mbedContents?(?:[?#]|$)/, source: '@google/genai 3.3.0 dist/node/index.cjs L16562 ({model}:generateContent) (✔src); Gemini API reference, models.embedContent and models.batchEmbedContents (POST …:embedContent / :batchEmbedContents return embeddings and store nothing) (✔doc)' },
  { pattern: /\/(?:upsert|create-or-update|create_or_update|createOrUpdate)(?:[/?#]|$)/i, source: 'an upsert writes the record its key names, so a repeat leaves the same record: HighLevel API v2, Contacts, Upsert Contact (POST /contacts/upsert updates the contact matched by email or phone); EmailBison POST /api/leads/create-or-update/multiple (creates new leads and patches existing ones by email) (?unv)' },
  { pattern: /\/calendar\/v3\/freeBusy(?:[?#]|$)/, source: 'Google Calendar API v3 freebusy.query: POST calendar/v3/freeBusy "Returns free/busy information for a set of calendars" (googleapis.dev Google.Apis.Calendar.v3 FreebusyResource.Query; gogol-apps-calendar Calendar.Freebusy.Query) (✔doc)' },
  { pattern: /\/(?:[a-z0-9]+-)?(?:login|log-in|signin|sign-in|authenticate)(?:[/?#]|$)|\/auth(?:[?#]|$)/i, source: 'a sign-in with a password issues another session or token when repeated and applies nothing twice, as the OAuth password grant does (RFC 6749 §4.3.2); login endpoints of application APIs (/login, /google-login, /user/authenticate, a bare /auth) (?unv)' },
  { pattern: /^(?:https?:\/\/[^/]+)?(?:\/api)?(?:\/auth)?\/sessions?(?:[?#]|$)/i, source: 'a session opened by a POST to the API\'s own /session or /sessions (Rails\' sessions#create, /api/session, /auth/session) is a sign-in: a repeat opens another session and applies nothing twice (?unv); not a versioned or nested collection (/v1/sessions, /checkout/sessions), which may create a billed object' },
  { pattern: /\/accounts:signInWith(?:CustomToken|Password|Idp|EmailLink|PhoneNumber)(?:[?#]|$)/, source: 'Firebase Auth REST API (identitytoolkit v1 accounts:signInWithCustomToken / signInWithPassword / signInWithIdp): each exchanges a credential for an ID token; accounts:signUp, which creates a user, is not listed (✔doc)' },
  { pattern: /\/storage\/v1\/object\//, source: 'Supabase Storage API (storage-api OpenAPI, POST /object/{bucketName}/{wildcard}): an object is named by its bucket and path; a repeated upload overwrites it with x-upsert: true and is refused as a duplicate without; /object/sign and /object/list read (✔doc)' },
  { pattern: /:search(?:Stream)?(?:[?#]|$)/, source: 'Google AIP-136 custom methods; Google Ads API REST reference, customers.googleAds.search and searchStream (POST …/googleAds:search "Returns all rows that match the search query") (✔doc)' },
  { pattern: /\/search(?:[?#]|$)/i, source: 'a search sent as a POST to a path ending in /search (a query too large for a URL, as HubSpot CRM search and the Meilisearch POST /indexes/{uid}/search take it) reads the records it matches; a saved search is created under a plural collection (/searches) instead (?unv)' },
  { pattern: /api\.modrinth\.com\/v2\/version_files(?:\/update(?:_individual)?)?(?:[?#]|$)/, source: 'Modrinth API v2: POST /version_files "Get versions from hashes", POST /version_files/update "Latest versions of multiple project from hashes" and /update_individual, each a lookup by the files\' hashes sent in the body (docs.modrinth.com, version-files) (✔doc)' },
  { pattern: /\/list(?:[?#]|$)/, source: 'RPC-style APIs that send every call as a POST name a page of a listing with a trailing /list and the page in the body: the State Administration for Market Regulation contract templates (POST /api/contract/list {pageNum, pageSize}) and the national law database search (POST /law-search/search/list) (?unv); a list is created under a plural collection (/lists) instead' },
  { pattern: /\/get(?:[?#]|$)|\/get(?!OrCreate|AndCreate|OrInsert)[A-Z][A-Za-z]*(?:[/?#]|$)/, source: 'RPC-style APIs that send every call as a POST name a read with a trailing /get: Plaid (POST /auth/get, /accounts/get, /item/get, /transactions/get, each "Retrieve …" in plaid.com/docs/api) (✔doc); or a getX segment, /api/category/getProducts/… (?unv; not getOrCreate…, which writes)' },
  { pattern: /\/crm\/v3\/objects\/[^/?#]+\/search(?:[?#]|$)|\/_(?:search|msearch|count|mget)(?:[?#]|$)/, source: 'HubSpot developer docs, CRM search (POST /crm/v3/objects/{object}/search filters and returns records) (✔doc); Elasticsearch REST API, search, multi search, count and multi get accept POST and read (?unv)' },
];

/**
 * Constructors that report a failed connection as an event, not by throwing: the WHATWG EventSource and
 * WebSocket constructors throw only a SyntaxError for a malformed URL, and `ws`'s WebSocket emits 'error'. A
 * catch around one alone sees no failed connection.
 */
export const EVENT_REPORTING_CONSTRUCTORS = {
  names: ['EventSource', 'WebSocket'] as readonly string[],
  source: 'HTML Living Standard §9.2.2 (new EventSource(url): a URL that fails to parse throws a SyntaxError; failure fires error) and WebSockets Standard §3.1 (new WebSocket(url): only a SyntaxError); ws 8 README (errors are emitted) (✔doc)',
};

/**
 * How APIs that answer 200 to a failure say in the body that the call succeeded: Slack's Web API and the
 * Telegram Bot API set `ok: true`, Zulip's REST API `result: 'success'`, and many JSON APIs `success: true`.
 * A loop that leaves when the answer says so, and goes round otherwise, leaves on success.
 */
export const ANSWER_SUCCESS = {
  /** Not `status` or `state`: `job.status === 'succeeded'` is a poll waiting for a job to finish. */
  members: /^(?:ok|success|result)$/,
  truthyMembers: /^(?:ok|success)$/,
  values: [true, 'success', 'ok'] as readonly unknown[],
  /** `data.code === 0`, `errcode === 0`: an error code in the body, 0 when the call succeeded. */
  zeroCodes: /^(?:code|errcode|errCode|errorCode|error_code|retcode|ret_code)$/,
  source: 'Slack Web API, "Evaluating responses" (ok: true); Telegram Bot API, "Making requests" (ok field); Zulip REST API, "HTTP status codes and response format" (result: "success"); WeChat Official Accounts API global return codes (errcode 0: request succeeded) (✔doc); Midea and other device clouds (code / errorCode 0) (?unv)',
};

/**
 * A GraphQL document sent as a POST whose every operation is a query reads: the spec defines a query as a
 * read-only fetch and a mutation as a write followed by a fetch, and GraphQL over HTTP carries the document
 * in the body's `query` member. A document with a mutation (or a subscription) anywhere stays a write.
 */
export const GRAPHQL_READ = {
  /** `query Orders(…) { … }`, the shorthand `{ viewer { … } }`, or fragments before a query. */
  opening: /^(?:\s|#[^\n]*\n)*(?:query\b|\{|fragment\b)/,
  writes: /\bmutation\b|\bsubscription\b/,
  /** Template tags that mark a GraphQL document (graphql-tag, Relay, urql). */
  tags: ['gql', 'graphql'],
  source: 'GraphQL specification (October 2021) §2.3 Operations ("query – a read-only fetch", "mutation – a write followed by a fetch") and §2.3.1 query shorthand; GraphQL over HTTP draft §5.1 (the POST body\'s `query` member) (✔doc)',
};

/**
 * JSON-RPC calls a repeat cannot apply twice, though JSON-RPC sends every call as a POST. Reads: Ethereum's
 * `eth_call`, `eth_get…`, `eth_blockNumber`, `eth_chainId`, `eth_estimateGas`, `eth_gasPrice`,
 * `eth_feeHistory`, `net_version`, and Solana's `get…` and `simulateTransaction`. Signed submissions:
 * `eth_sendRawTransaction` and Solana's `sendTransaction` carry a transaction signed once, which the network
 * knows by its hash or signature and includes at most once. Not `eth_sendTransaction` (the node signs it,
 * with a fresh nonce each time) or `requestAirdrop`.
 */
export const JSON_RPC_REPEATABLE = {
  methods: /^(?:(?:eth|net|web3)_)?(?:get[A-Z_a-z]|call$|estimateGas$|blockNumber$|chainId$|gasPrice$|feeHistory$|version$|simulateTransaction$)|^eth_sendRawTransaction$|^sendTransaction$/,
  source: 'Ethereum JSON-RPC API (ethereum.org "JSON-RPC API": eth_call executes without creating a transaction, eth_get* read state, eth_sendRawTransaction submits a signed transaction identified by its hash); Solana RPC HTTP methods (get* and simulateTransaction read; sendTransaction submits a fully signed transaction, deduplicated by its signature) (✔doc)',
};

/**
 * OAuth 2.0 token requests a repeat cannot harm: the client credentials and password grants ask the token
 * endpoint for an access token, and a repeat is issued another one; nothing is applied twice. Not the
 * authorization code grant (a code used twice is refused, and the server should revoke the tokens issued for
 * it) nor a refresh (a rotated refresh token reused may revoke the whole family): those stay reported.
 */
export const REPEATABLE_TOKEN_GRANT = {
  grant: /\bgrant_type\b/g,
  /** The device flow's grant is polled by design (RFC 8628 §3.4): `authorization_pending` until the user approves. */
  reusable: /^grant_type\W{1,6}(?:client_credentials|password|urn:ietf:params:oauth:grant-type:device_code)\b/,
  /** What a repeat of the other grants does, and what to do instead: the endpoint takes no idempotency key. */
  singleUse: /^grant_type\W{1,6}(?:authorization_code|refresh_token)\b/,
  consequence: 'the token endpoint refuses the code or refresh token it has already used, and may revoke the tokens the first request issued',
  advice: "A token endpoint takes no idempotency key: retry this grant only after a refusal (a 429 or 503), and start the exchange again after a dropped connection.",
  source: 'RFC 8628 §3.4-3.5 (the device access token request is repeated at the interval until approved); RFC 6749 §4.3.2, §4.4.2 (access token request), §4.1.2 (a code used more than once must be denied, and tokens issued for it should be revoked); RFC 9700 §4.14.2 (refresh token rotation) (✔doc)',
};

/** HTTP methods that are unsafe to repeat (RFC 9110 §9.2.2; MDN Idempotent). */
export const NON_IDEMPOTENT_METHODS: readonly HttpMethod[] = ['POST', 'PATCH'];

/** What a repeated HTTP request does, for the message. */
export const HTTP_CONSEQUENCE: Readonly<Record<string, string>> = {
  POST: 'the server creates or charges it twice',
  PATCH: 'the server applies the change twice',
};

/** Headers that carry an idempotency key (case-insensitive). Not `x-request-id`: that is a tracing id. */
export const IDEMPOTENCY_HEADERS: readonly string[] = [
  'idempotency-key', // draft-ietf-httpapi-idempotency-key-header; MDN; Stripe (✔doc)
  'x-idempotency-key', // various APIs (?unv, configurable)
  'idempotency-token',
  'paypal-request-id', // developer.paypal.com/reference/guidelines/idempotency (✔doc)
  'repeatability-request-id', // OASIS Repeatable Requests 1.0 (✔doc)
];

/**
 * Body fields that carry an idempotency key, for APIs that take it in the JSON body rather than a header:
 * Square (`idempotency_key` on CreatePayment, CreateOrder, CreateRefund …: "Idempotency" guide) and Plaid
 * (`idempotency_key` on /transfer/create, /transfer/authorization/create). Matched exactly.
 */
export const BODY_IDEMPOTENCY_FIELDS = {
  names: ['idempotency_key', 'idempotencyKey'],
  source: 'developer.squareup.com/docs/build-basics/common-api-patterns/idempotency; plaid.com/docs/api/products/transfer (idempotency_key) (✔doc, names only)',
};

/**
 * Headers that name the event or delivery a webhook sends, which receivers are told to deduplicate on: the
 * Standard Webhooks `webhook-id` ("the same when the same webhook is being resent"), Svix's `svix-id`, and a
 * sender's own `X-…-Event-Id` or `X-…-Delivery-Id`. Sent with a value made before the retry, they key it as an
 * idempotency key does; made inside it, they are as unstable as one.
 */
export const EVENT_ID_HEADER = {
  pattern: /^(?:webhook-id|svix-id|(?:x-(?:[a-z0-9]+-)*)?(?:event|delivery)-id)$/i,
  source: 'Standard Webhooks specification, "webhook-id" header; Svix docs, "Verifying webhooks" (svix-id is the message id to deduplicate on) (✔doc); custom X-…-Event-Id headers (?unv)',
};

/** Does `name` (any case) carry an idempotency key: one of `names` (IDEMPOTENCY_HEADERS and the user's), or an event id? */
export function isIdempotencyHeader(name: string, names: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return names.includes(lower) || EVENT_ID_HEADER.pattern.test(lower);
}

/**
 * A retry condition of the user's own (axios-retry's `retryCondition`) decides which failures repeat. One
 * whose code never looks at the request (`method`, `config`, an idempotency predicate) and that accepts
 * failures after which the server may have acted (a 500, 502 or 504, a status range reaching them, a
 * network or timeout error) repeats a POST like any other request.
 */
const CONDITION_READS_REQUEST = /method|config|idempot|isSafe|isIdempotent/i;
// `!error.response` (or `!error.response?.status`) holds for a failure with no answer: a dropped connection.
const CONDITION_ACCEPTS_NETWORK_FAILURE = /\bE(?:CONN\w+|TIMEDOUT|SOCKETTIMEDOUT|PIPE)\b|isNetworkError|isRetryableError|!\s*\w+\??\.response(?:\??\.status)?\b(?!\s*\??\.)/;
// 500, 502, 504 and the like may come after the server acted; a 503 (unavailable) or a 429 refused the request.
const CONDITION_ACCEPTS_SERVER_ERROR = /\b50[0-24-9]\b|\b5[1-9]\d\b|[<>]=?\s*[45]\d\d\b/;

/** What a condition's source text says it repeats, when it repeats any method after such failures. */
export function methodBlindCondition(text: string, key = 'retryCondition'): { repeatsOn: string; afterStatus?: true } | undefined {
  if (CONDITION_READS_REQUEST.test(text)) return undefined;
  if (CONDITION_ACCEPTS_NETWORK_FAILURE.test(text)) return { repeatsOn: `the network errors and statuses its \`${key}\` accepts, whatever the method` };
  return CONDITION_ACCEPTS_SERVER_ERROR.test(text) ? { repeatsOn: `the error statuses its \`${key}\` accepts, 5xx among them, whatever the method`, afterStatus: true } : undefined;
}

/**
 * Failures that say the server did not act on the request, so repeating it cannot apply it twice: 429 Too
 * Many Requests (RFC 6585: the server refused it; Stripe and the IETF idempotency draft call it safe to
 * retry) and connection errors raised before anything was sent (Node's `error.code`).
 */
export const UNPROCESSED_FAILURES = {
  statuses: [429],
  /**
   * A 403 whose reason names a rate limit: Google APIs answer `403 rateLimitExceeded` /
   * `userRateLimitExceeded` (Gmail and Drive API "Resolve errors" guides), and GitHub a 403 with
   * `x-ratelimit-remaining: 0` and "API rate limit exceeded" (REST API docs, "Rate limits for the REST API").
   */
  refusalReasonsFor403: /rate.?limit/i,
  /**
   * An error message that names a refusal by its meaning: a 429 (`message.includes('rate limit')`, "Too Many
   * Requests", RFC 6585 §4), or a resource not ready yet (Meta Graph API error 9007, "Media ID is not
   * available": the container is still processing and nothing was published).
   */
  refusalMessage: /rate.?limit|too many requests|not (?:yet )?(?:ready|available)/i,
  /** Predicates named for a refusal: `isRateLimitError(e)`, `isRateLimited(res)`, `isThrottled(e)`, `isTooManyRequests(e)`. */
  refusalPredicate: /^(?:is|has)(?:RateLimit|Throttl|TooManyRequests)\w*$/,
  statusMembers: ['status', 'statusCode'],
  // undici's ConnectTimeoutError (`UND_ERR_CONNECT_TIMEOUT`): the socket never connected, so nothing was sent (undici lib/core/errors.js).
  // `EHOSTUNREACH` / `ENETUNREACH`: connect(2) found no route to the host or network (POSIX errno), before any byte.
  // Matrix's `M_LIMIT_EXCEEDED` (in the error's `errcode`): the homeserver's 429, "Too many requests have been sent
  // in a short period of time. Wait a while then try again", with `retry_after_ms` (Client-Server API, Rate limiting).
  codes: ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'M_LIMIT_EXCEEDED'],
  codeMembers: ['code', 'errno', 'errcode'],
} as const;

/**
 * How code tells that an attempt ended by its own timeout (read where a catch's other ways round wait, see
 * timeout-tests.ts): Node's `ETIMEDOUT` / `ESOCKETTIMEDOUT` (`request`),
 * axios's `ECONNABORTED` for its `timeout`, undici's `UND_ERR_HEADERS_TIMEOUT` / `UND_ERR_BODY_TIMEOUT` /
 * `UND_ERR_CONNECT_TIMEOUT`, c-ares's `ETIMEOUT`; the DOM's `AbortError` / `TimeoutError` for
 * `AbortSignal.timeout()`; got's and ky's `TimeoutError`; and the author's own word (`isTimeout`,
 * `err.timedOut`, a message that says "timeout").
 */
export const TIMEOUT_FAILURES = {
  codes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'ETIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'],
  names: ['AbortError', 'TimeoutError'],
  /** A message, or a value the author named for one: "timeout", "timed out", "Request timeout". */
  message: /\btime(?:d)?[ _-]?out\b/i,
  /** `isTimeout`, `err.timedOut`, `isTimeoutError(e)`, `isAbortError(e)`; not `timeout`, which may be the setting. */
  predicate: /^(?:is(?:Time(?:d)?Out|Abort(?:ed)?)(?:Error)?|timedOut)$/i,
} as const;

/**
 * Source text that names one of those failures. Code of another file, read without the ESTree analysis,
 * that names one may retry only refused requests, so what it repeats is not judged.
 */
export const NAMES_UNPROCESSED_FAILURE = new RegExp(`\\b(?:${[...UNPROCESSED_FAILURES.statuses, ...UNPROCESSED_FAILURES.codes].join('|')})\\b`);

/**
 * Failures that mean the write was refused because it clashed with existing data, so nothing was
 * applied: Prisma `P2002`, Postgres `23505` (unique_violation) and `23503` (foreign_key_violation: the row
 * it refers to is not there, as when a concurrent writer has not committed it yet), MySQL `ER_DUP_ENTRY`,
 * MongoDB `11000` (duplicate key), and names that say so (`isUniqueConstraintError`,
 * `UNIQUE_CONSTRAINT_VIOLATION`, `ConflictError`). Code that repeats only after one is correcting itself,
 * not retrying a failure. Source for the Postgres codes: PostgreSQL documentation, Appendix A, Class 23 —
 * Integrity Constraint Violation (a statement that raises one is rolled back).
 */
export const CONFLICT_FAILURES = {
  codes: ['P2002', '23505', '23503', 'ER_DUP_ENTRY', 'E11000', 11000],
  words: /unique|duplicate|conflict|already.?exists/i,
} as const;

/**
 * Error names that mean the server answered with a client error (a 400): the request was refused as written,
 * so sending it again after correcting the cause (writing the missing parent map first) is no retry. AWS
 * services throw `ValidationException` for a request that does not fit the data or the API.
 */
export const CLIENT_ERROR_NAMES = {
  pattern: /^(?:ValidationException|42P01|ER_NO_SUCH_TABLE)$/,
  source: 'AWS DynamoDB API Reference, Common Errors: ValidationException, HTTP status 400 (✔doc); PostgreSQL Appendix A, 42P01 undefined_table, and MySQL ER_NO_SUCH_TABLE (1146): a statement refused because its table does not exist yet, sent again once the code creates it (✔doc)',
};

/**
 * Failures an application names as a refused credential, which a token refresh or a new sign-in corrects:
 * the error classes and codes of a 401 (`err instanceof TokenExpiredError`, `error.kind === 'auth'`, gRPC's
 * `UNAUTHENTICATED`). Tested as a client error is: the request was refused, and sent again once corrected.
 */
export const AUTH_FAILURE_NAMES = {
  classes: /^(?:Unauthori[sz]ed|Unauthenticated|Authentication|Auth|TokenExpired|ExpiredToken|InvalidToken)(?:Error|Exception)$/,
  // A second factor missing or wrong (Rocket.Chat's `totp-required` / `totp-invalid`): asked of the user, then sent again.
  codes: /^(?:auth|authentication|unauthori[sz]ed|unauthenticated|token_expired|expired_token|invalid_token|(?:totp|mfa|2fa|otp)[-_](?:required|invalid))$/i,
  /** The members of an error that hold such a code or kind (`error.kind`, `err.code`, `classified.category`). */
  fields: ['name', 'code', 'kind', 'type', 'reason', 'error', 'category'] as readonly string[],
  /** Words of a message that says so: `Unauthorized`, `Forbidden`, `session expired`, `cookie invalid`, `authentication`. */
  messages: /unauthori[sz]ed|unauthenticated|authentication|forbidden|expired|invalid|not.?logged.?in/i,
  source: 'RFC 6750 §3.1 (invalid_token: "The access token provided is expired, revoked, malformed, or invalid", HTTP 401); gRPC status codes (UNAUTHENTICATED = 16); jsonwebtoken TokenExpiredError; Rocket.Chat REST API two-factor errors (totp-required, totp-invalid); application error kinds by name (?unv)',
};

/** The header the suggestion adds. */
export const SUGGESTED_HEADER = 'Idempotency-Key';

/** Classes built from a headers object: `new Headers({ … })` (fetch), `new HttpHeaders({ … })` (Angular). */
export const HEADER_CONSTRUCTORS: readonly string[] = ['Headers', 'HttpHeaders'];

/**
 * Imports that mark a file as browser code, where `node:crypto` cannot be imported: a new key comes from
 * the Web Crypto global (`crypto.randomUUID()`, in every current browser and in Node 19+).
 */
export const BROWSER_MODULES: readonly string[] = ['@angular/*', 'react-dom', 'react-dom/*', 'vue', 'svelte'];

/** Smithy `@idempotencyToken` members, auto-filled by AWS SDK v3 when absent (clients.md 3c). */
export const AWS_TOKEN_MEMBERS: readonly string[] = ['ClientToken', 'clientToken', 'ClientRequestToken', 'clientRequestToken', 'CreatorRequestId'];

/**
 * Calls that produce a fresh value each time: a key made by one of them inside the retry changes on every
 * attempt. `module` is where the name comes from; globals (`Date.now`, `Math.random`, `crypto.randomUUID`)
 * have none.
 */
export const KEY_GENERATORS: ReadonlyArray<{ module?: string; path: string }> = [
  { module: 'crypto', path: 'randomUUID' },
  { module: 'crypto', path: 'randomBytes' },
  { module: 'uuid', path: 'v4' },
  { module: 'uuid', path: 'v1' },
  { module: 'uuid', path: 'v7' },
  { module: 'nanoid', path: 'nanoid' },
  { module: 'ulid', path: 'ulid' },
  { module: '@paralleldrive/cuid2', path: 'createId' },
  { path: 'crypto.randomUUID' },
  { path: 'Date.now' },
  { path: 'Math.random' },
];

/**
 * Names that, when awaited in a failure path, are a wait between attempts: `await sleep(ms)`,
 * `await setTimeout(ms)` from `timers/promises`, `await delay(ms)`, `await backoff(attempt)`.
 */
/**
 * Callee names that mark a hand-written retry's attempt as remote I/O when no known client is resolved
 * (`this.runRequest()`, `client.send()`, `fetchWithAuth()`). A loop that retries a file-system walk or a
 * prompt is no distributed-systems hazard: bench/accuracy found 15 such false positives of
 * require-retry-backoff (firebase-tools, @anthropic-ai/sdk) before attempts had to look remote. A past
 * participle asks about a request rather than making one (`isSkipRequested()`, `wasFetched()`).
 */
export const REMOTE_CALL_NAME = /^(?:fetch|request|send|post|put|patch|get|delete|del|call|invoke|query|execute|publish|connect|upload|download)$|fetch(?!ed)|request(?!ed)|http|rpc|graphql|webhook/i;

/**
 * Receivers whose name says they are a remote API's client, whatever the method is called: `api.getUpdates()`,
 * `this.telegramApi.sendMessage()`, `githubAPI.listRepos()`, `this.shopifyClient.getProducts()`, `client.run()`.
 * node-telegram-bot-api's long poll retries `api.getUpdates()`, which no method name marks as remote.
 */
export const REMOTE_RECEIVER_NAME = /^api$|^client$|[a-z]Api$|API$|[a-z]Client$|[a-z]_(?:api|client)$/;

/**
 * Test doubles, by the names Jest, Vitest and Sinon code gives them (`mockHttpClient.get`, `fakeApi.send`,
 * `stubClient.post`): a retry around one in a test calls no one.
 */
export const TEST_DOUBLE_NAME = /^(?:mock|fake|stub)(?:[A-Z_$]|$)/;

/**
 * Receivers of in-process messages: Electron's `webContents.send` and `ipcRenderer.send`/`invoke` talk
 * between the app's own processes, Node's `parentPort.postMessage` and `process.send` to its own workers
 * and parent. A call named `send` on one reaches no remote service.
 */
export const IN_PROCESS_CHANNEL_NAME = /^(?:webContents|ipcRenderer|ipcMain|parentPort|process)$/;
export const IN_PROCESS_CHANNEL_SOURCE = 'Electron API, WebContents.send and ipcRenderer.send/invoke (IPC between the main and renderer processes) (✔doc); Node.js worker_threads parentPort, child_process process.send (IPC channel to the parent) (✔doc)';

/**
 * Members of such a client that hold its own state, not a resource of the service: `client.config.set()`
 * runs locally, where `hsClient.contacts.update()` and `api.users.list()` call the service.
 */
export const CLIENT_LOCAL_MEMBER = /^(?:config|configuration|options|defaults|cache|settings|state|stats|metrics|logger|log|emitter|events|listeners|interceptors|headers|auth|credentials)$/;

/**
 * Methods such a client runs on itself, not on the service: tearing down its connection or listening for
 * its events (`client.destroy()` in a catch that cleans up before the next round calls no one).
 */
export const CLIENT_SELF_METHOD = /^(?:close|destroy|end|disconnect|quit|release|terminate|removeAllListeners|removeListener|on|once|off|addListener|emit)$/;

/**
 * Chains that read from a database server through a cursor, whatever the receiver is called: the MongoDB
 * driver's `collection.find(query).toArray()` and `aggregate(pipeline).toArray()`. A loop that re-reads until
 * the documents it expects are there (waste-movement-backend's find-waste-inputs) has no client call a name
 * marks as remote, and its collection arrives untyped.
 */
export const REMOTE_CURSOR_CHAINS: ReadonlyArray<{ library: string; opens: readonly string[]; drains: readonly string[] }> = [
  { library: 'mongodb', opens: ['find', 'aggregate'], drains: ['toArray'] },
];

/**
 * Keys that name the address in a request config object, `request({ method: 'POST', url, data })` (axios,
 * request, AngularJS `$http`, fetch wrappers that take one object): with a literal method beside them, the
 * object is a request whatever function is handed it.
 */
export const REQUEST_CONFIG_URL_KEYS: readonly string[] = ['url', 'uri'];

/**
 * Names of functions that build or inspect a request config rather than send it (`buildRequest(config)`,
 * `getRequestOptions(config)`, `signRequest(config)`, `logRequest(config)`), though their name says request.
 */
export const REQUEST_BUILDER_NAME = /^(?:build|create|prepare|get|to|format|normali[sz]e|sign|parse|seriali[sz]e|log|trace|record|mock|stub|validate|intercept)[A-Z_$]|(?:Options|Opts|Config|Params|Init|Headers|Url|URL)$/;

/**
 * The browser's own `request…` methods, which schedule or ask for something on this machine
 * (`form.requestSubmit()`, `requestAnimationFrame(cb)`, `Notification.requestPermission()`): a page
 * script that retries until an element appears calls these, and reaches no remote service.
 */
export const LOCAL_CALL_NAME = /^request(?:Submit|AnimationFrame|IdleCallback|VideoFrameCallback|Fullscreen|PointerLock|Permission|StorageAccess|MIDIAccess)$/;

/**
 * Words that name a failure worth retrying, in the condition of a catch that retries some errors and
 * rethrows the rest (`if (isTransient(e)) continue`). A catch that goes round only on another signal
 * (`instanceof RebalanceError`: the consumer group changed) is a restart, not a retry.
 */
export const TRANSIENT_FAILURE_WORDS: readonly RegExp[] = [
  /retr(?:y|i)|transient|temporar|timeout|timed_?out|reset|refused|unavailable|network|connect|socket|throttl|rate_?limit|too_?many|busy|overload|fetch_?error|abort|status|\b(?:408|429|5\d\d)\b/i,
  // Node's error codes (`ECONNRESET`, `ETIMEDOUT`), matched with their case.
  /\bE[A-Z]{3,}\b/,
];

/** The first parameter of an error-first callback (`(err, res) => …`), whose truthy branch is the failure path. */
export const ERROR_FIRST_PARAM = /^(?:e|er|err|error|\w+Err(?:or)?)$/;

/** A boolean parameter that says whether another attempt may follow or has been made (`canRetry`, `shouldRetry`, `retryOnError`, `retried`). */
export const RETRY_FLAG_NAME = /retr(?:y|ies|ied)/i;

/**
 * A function whose name says it retries what it is handed (`withRetry`, `retryAsync`, `runWithBackoff`): its
 * attempt, a call of its callback parameter, is a remote call by the author's word.
 */
export const RETRY_HELPER_NAME = /retr(?:y|ies)|backoff/i;

/**
 * A loop counter whose name says it counts attempts (`attempts`, `retryCount`, `mongoFetchAttempts`, `tries`):
 * the author's word that a loop which goes round on an empty answer is retrying, not paging or draining a queue.
 */
export const ATTEMPT_COUNTER_NAME = /attempt|retr(?:y|ies)|tries/i;

/** Members by which an answer says there is more to fetch or send: `data.continue`, `page.hasMore`, `res.has_more` (Stripe lists). */
export const MORE_TO_DO_NAME = /^(?:continue|more|hasMore|has_more|hasNext|has_next|hasNextPage|moreAvailable|remaining)$/;

/**
 * Calls that ask the user and answer with their choice: the browser's `confirm()` and `prompt()` (also on
 * `window`), Electron's `dialog.showMessageBox(Sync)`, VS Code's `window.showErrorMessage(…, 'Retry')` and
 * its kin, readline's `rl.question()`, inquirer's `inquirer.prompt()`. A retry taken only on the answer goes
 * at the user's pace and ends when they stop. `globals` may be called bare or on `window`; `methods` on any receiver.
 */
export const USER_CHOICE_CALLS = {
  globals: new Set(['confirm', 'prompt']),
  methods: new Set(['showMessageBox', 'showMessageBoxSync', 'showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showQuickPick', 'question']),
  source: 'HTML Living Standard, window.confirm/prompt (✔doc); Electron dialog.showMessageBox(Sync) returns the chosen button index (✔doc); VS Code API window.showErrorMessage(message, ...items) resolves to the selected item (✔doc); Node readline rl.question (✔doc); inquirer.prompt (✔doc)',
};

/** `rethrowGrpcError(e)`, `throwApiError(e)`: helpers whose name says they never return (`throwIf…` may). */
export const THROWING_HELPER_NAME = /^(?:re)?throw(?!If|Unless)(?:[A-Z_]|$)/;

export const WAIT_NAME = /^(?:sleep|delay|wait|pause|backoff|backOff|setTimeout|scheduler\.wait|waitFor|exponentialDelay|jitter)/i;

/**
 * Names that wait only when handed nothing but the time: `await timeout(delayMs)` imported from a utility module
 * (autumn's genUtils). With a promise as well (`timeout(promise, ms)`, p-timeout's shape) they bound a call
 * instead, and are no wait.
 */
export const DURATION_ONLY_WAIT_NAME = /^(?:timeout|timer)$/i;

/** Methods of an object named like a wait (`wait.until({ date })`, `wait.for({ seconds })` in trigger.dev) that wait. */
export const WAIT_OWNER_METHODS: readonly string[] = ['for', 'until', 'ms', 'seconds'];

/**
 * A timer object made for a time, and its method that settles when the time is up: hydrogen-web's injectable
 * clock, `await this._clock.createTimeout(ms).elapsed()` (src/platform/web/dom/Clock.js: `elapsed()` resolves
 * after `ms`). Awaiting it waits as `sleep(ms)` does.
 */
export const TIMER_HANDLES = { makers: /^(?:create|make|new)?(?:Timeout|Timer)$/i, settles: ['elapsed'] as readonly string[] };

/** An SDK's row as a client spec with constructors as factories, for `resolveInstanceMember`. */
export function sdkClientSpec(sdk: SdkSpec): ClientSpec {
  return {
    id: `sdk:${sdk.id}`, name: sdk.name, modules: sdk.modules, category: 'sdk', default: { kind: 'none' }, calls: [],
    factories: sdk.constructors.map((path) => ({ path, isNew: true, config: { kind: 'arg', index: sdk.configArg } })),
    timeoutKeys: [], remedy: '', source: sdk.source,
  };
}

/** The number of attempts a count option means. */
export function attemptsFromCount(count: number, kind: CountKind): AttemptCount {
  if (!Number.isFinite(count)) return { kind: 'forever' };
  return { kind: 'finite', attempts: kind === 'retries' ? count + 1 : Math.max(count, 1) };
}

/**
 * The browser's `XMLHttpRequest`: a request made with `new XMLHttpRequest()`, given its method by `open(method,
 * url)`, its headers by `setRequestHeader(name, value)`, and sent by `send(body)`. Its upload is the request a
 * retry around `send` repeats.
 */
export const XHR_REQUEST = {
  constructor: 'XMLHttpRequest',
  open: 'open',
  header: 'setRequestHeader',
  send: 'send',
  source: 'XMLHttpRequest Living Standard §3.5.1 open(method, url), §3.5.2 setRequestHeader(name, value), §3.5.6 send(body) (✔doc)',
} as const;

/**
 * Status codes by their reason phrase, as constant tables name them: an application's own `const STATUS = {
 * Unauthorized: 401 }`, NestJS `HttpStatus.UNAUTHORIZED`, http-status-codes `StatusCodes.TOO_MANY_REQUESTS`,
 * axios `HttpStatusCode.ServiceUnavailable`. Keys are the phrase in lower case without separators.
 */
export const HTTP_STATUS_NAMES = {
  codes: {
    ok: 200, created: 201, accepted: 202, nocontent: 204,
    badrequest: 400, unauthorized: 401, forbidden: 403, notfound: 404, requesttimeout: 408, conflict: 409, gone: 410,
    unprocessableentity: 422, toomanyrequests: 429,
    internalservererror: 500, badgateway: 502, serviceunavailable: 503, gatewaytimeout: 504,
  } as Readonly<Record<string, number>>,
  source: 'RFC 9110 §15 reason phrases; @nestjs/common HttpStatus, http-status-codes StatusCodes, axios HttpStatusCode enums (✔doc)',
};
