/**
 * What Faultline knows about each network, RPC and database client: how calls reach it, where its
 * timeout lives, what its default is, and where that fact comes from. Rules read this table; adding a
 * client is adding a row. Facts and their sources are from `shared/docs/clients.md`.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/** The timeout a client applies when the caller sets none. */
export type DefaultTimeout = { kind: 'none' } | { kind: 'bounded'; ms: number };

/**
 * Where a call's (or a constructor's) options object is.
 * - `arg`: at a fixed argument index (`axios.post(url, data, config)` → 2);
 * - `url-or-config`: `fn(config)` or `fn(url, config)` (axios, got, ky);
 * - `http-request`: node's `request(url?, options?, callback?)`;
 * - `grpc-call`: `method(request, metadata?, options?, callback?)`;
 * - `ws`: `new WebSocket(url, protocols?, options?)`;
 * - `chain`: no options object; the timeout is a method on the fluent chain (superagent `.timeout()`).
 */
export type OptionsLocation =
  /**
   * `requestArgument`: the index of an argument that may be a `Request` object (fetch's `input`), which
   * carries its own signal: when it may be one, the options are unknown rather than absent.
   */
  | { kind: 'arg'; index: number; requestArgument?: number }
  | { kind: 'url-or-config' }
  | { kind: 'http-request' }
  | { kind: 'grpc-call' }
  | { kind: 'ws' }
  | { kind: 'chain'; method: string };

/** A way of calling the client that performs I/O (or constructs a client that will). */
export interface CallShape {
  /** Property path from the module export or instance; `''` is the export/instance itself. `'*'` is any method. */
  path: string;
  /** Reached from the imported module (or global), from an instance, or both. */
  on: 'module' | 'instance' | 'both';
  options: OptionsLocation;
  /** The HTTP method the shape implies; `undefined` when it comes from a `method` option (default GET). */
  httpMethod?: HttpMethod;
  /** `new X(...)`: constructs a client whose configuration bounds its calls; reported at construction. */
  constructs?: boolean;
}

/** A call that makes a configured instance: `axios.create(cfg)`, `got.extend(cfg)`, `new Stripe(key, cfg)`. */
export interface InstanceFactory {
  path: string;
  isNew: boolean;
  config: OptionsLocation;
}

/** How an options key bounds the wait. */
export type TimeoutKeyKind =
  /** A duration in ms: 0, Infinity and false disable it. */
  | 'ms'
  /** An `AbortSignal`. */
  | 'signal'
  /** An epoch deadline (gRPC): Infinity disables it. */
  | 'deadline'
  /** An object of phase durations (got `timeout: { request }`), each a `ms`. */
  | 'phases';

export interface TimeoutKey {
  /** Dotted path inside the options object, e.g. `timeout`, `requestHandler.requestTimeout`, `request.signal`. */
  path: string;
  kind: TimeoutKeyKind;
  /** Another key that must accompany this one for it to take effect (smithy `throwOnRequestTimeout`). */
  requires?: { path: string; reason: string };
  /**
   * For `phases`: the phases that bound the wait for the answer (got `request`, `response`, `socket`). A
   * timeout that sets only others (`connect`, `lookup`) leaves a server that accepts and never answers
   * unbounded: `reason` says so and `add` (with `{ms}`) is the phase a suggestion adds.
   */
  answerPhases?: { keys: readonly string[]; reason: string; add: string };
}

/** A key that looks like a timeout but does nothing for this client. */
export interface IneffectiveKey {
  path: string;
  reason: string;
}

/** What the editor inserts for "Add a 10 s timeout". `{ms}` is replaced by the rule's `timeoutMs`. */
export type TimeoutFix =
  | { kind: 'property'; text: string }
  | { kind: 'chain'; text: string };

export interface ClientSpec {
  /** Stable id, used in the rule's `clients` option and in messages. */
  id: string;
  /** How messages name it. */
  name: string;
  /** Import specifiers that export it (`node:` prefix is normalised away). Empty for globals. */
  modules: readonly string[];
  /** Global identifiers that are this client when they resolve to the global (ESLint scope analysis). */
  globals?: readonly string[];
  /** Declaration names that identify the client, or an instance of it, with type information. */
  typeNames?: readonly string[];
  category: 'http' | 'rpc' | 'database' | 'sdk' | 'socket';
  /** Off unless the rule's `checkDatabases` is on. */
  isDatabase?: boolean;
  default: DefaultTimeout;
  calls: readonly CallShape[];
  factories?: readonly InstanceFactory[];
  /** Keys that bound a call, at the call or in the instance configuration. */
  timeoutKeys: readonly TimeoutKey[];
  /** Keys reported only by the `strict` config (pg `query_timeout`). */
  strictTimeoutKeys?: readonly TimeoutKey[];
  /** What the message names when only a strict key is missing ("pg query"), its remedy and its fix. */
  strictSubject?: string;
  strictRemedy?: string;
  strictFix?: TimeoutFix;
  ineffectiveKeys?: readonly IneffectiveKey[];
  /** Methods of an instance that never do I/O (gRPC `close`), excluded from `'*'`. */
  localMethods?: readonly string[];
  /**
   * A call that connects to a local socket instead of a remote host: a string first argument (a Unix
   * socket or named pipe path) or this key in the options. It never crosses the network, so it is not judged.
   */
  localSocket?: { optionKey: string };
  /**
   * The argument that holds the URL, when a URL can name a resource that is not on the network: a scheme
   * in `LOCAL_URL_SCHEMES`, or a file next to the module (`new URL('./font.ttf', import.meta.url)`, which
   * bundlers turn into an asset). Such a request is not judged.
   */
  localUrl?: { argument: number };
  /** `instance.defaults.timeout = n` configures the instance (axios). */
  defaultsWrite?: string;
  fix?: TimeoutFix;
  /** What to write in the message: "Add {{remedy}}." */
  remedy: string;
  /** Where the fact comes from. */
  source: string;
}

const AXIOS_NO_BODY = ['get', 'delete', 'head', 'options'] as const;
const AXIOS_BODY = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'] as const;
/** The HTTP method each verb helper sends (`postForm` is a POST). */
export const VERB_METHOD: Record<string, HttpMethod> = {
  get: 'GET', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', post: 'POST', put: 'PUT', patch: 'PATCH',
  postForm: 'POST', putForm: 'PUT', patchForm: 'PATCH', del: 'DELETE', trace: 'TRACE',
};

function verbShapes(verbs: readonly string[], on: CallShape['on'], options: OptionsLocation): CallShape[] {
  return verbs.map((verb) => ({ path: verb, on, options, httpMethod: VERB_METHOD[verb] }));
}

const FETCH_TIMEOUT_IGNORED =
  'fetch ignores a `timeout` option, so this call can still wait forever; pass `signal: AbortSignal.timeout(ms)` instead.';

/** `fetch(input, init?)`: `input` may be a `Request` that already has a signal. */
const FETCH_OPTIONS: OptionsLocation = { kind: 'arg', index: 1, requestArgument: 0 };

/** URL schemes whose resources are read on this machine, not fetched from a remote host. */
export const LOCAL_URL_SCHEMES: readonly string[] = ['data:', 'blob:', 'file:', 'about:', 'chrome-extension:', 'moz-extension:', 'safari-web-extension:'];

const FETCH_SIGNAL_FIX: TimeoutFix = { kind: 'property', text: 'signal: AbortSignal.timeout({ms})' };

/** Keys people write for a timeout that no client reads (axios/axios#1868). */
export const MISSPELLED_TIMEOUT_KEYS: readonly string[] = ['timeOut', 'setTimeout', 'timeoutMs', 'timeout_ms', 'timeoutMS', 'TimeOut'];

export const CLIENTS: readonly ClientSpec[] = [
  {
    id: 'fetch',
    name: 'fetch',
    modules: ['undici', 'cross-fetch', 'isomorphic-fetch'],
    globals: ['fetch'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'module', options: FETCH_OPTIONS },
      { path: 'fetch', on: 'module', options: FETCH_OPTIONS },
      { path: 'default', on: 'module', options: FETCH_OPTIONS },
    ],
    timeoutKeys: [{ path: 'signal', kind: 'signal' }],
    ineffectiveKeys: [{ path: 'timeout', reason: FETCH_TIMEOUT_IGNORED }],
    localUrl: { argument: 0 },
    fix: FETCH_SIGNAL_FIX,
    remedy: '`signal: AbortSignal.timeout(ms)`',
    source: 'undici 7.30.2 lib/dispatcher/client.js L262-263 (headers/body 300 s, no total deadline); ✔run Node 20: fetch(u,{timeout}) still pending at 1.5 s',
  },
  {
    // node-fetch v2 honours its own `timeout`; v3 removed it. `timeout` counts as present: a v2 caller is
    // right, and flagging it would be a false positive there.
    id: 'node-fetch',
    name: 'node-fetch',
    modules: ['node-fetch'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'module', options: FETCH_OPTIONS },
      { path: 'default', on: 'module', options: FETCH_OPTIONS },
    ],
    timeoutKeys: [{ path: 'signal', kind: 'signal' }, { path: 'timeout', kind: 'ms' }],
    localUrl: { argument: 0 },
    fix: FETCH_SIGNAL_FIX,
    remedy: '`signal: AbortSignal.timeout(ms)`',
    source: 'node-fetch 2.7.0 lib/index.js L187-188 (timeout: 0); 3.3.2 has no timeout option',
  },
  {
    id: 'axios',
    name: 'axios',
    modules: ['axios'],
    typeNames: ['AxiosInstance', 'AxiosStatic'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'both', options: { kind: 'url-or-config' } },
      { path: 'request', on: 'both', options: { kind: 'arg', index: 0 } },
      ...verbShapes(AXIOS_NO_BODY, 'both', { kind: 'arg', index: 1 }),
      ...verbShapes(AXIOS_BODY, 'both', { kind: 'arg', index: 2 }),
    ],
    factories: [{ path: 'create', isNew: false, config: { kind: 'arg', index: 0 } }],
    // `cancelToken`, deprecated but still read, aborts the request as `signal` does (a timer cancels it).
    timeoutKeys: [{ path: 'timeout', kind: 'ms' }, { path: 'signal', kind: 'signal' }, { path: 'cancelToken', kind: 'signal' }],
    defaultsWrite: 'defaults.timeout',
    fix: { kind: 'property', text: 'timeout: {ms}' },
    remedy: '`timeout` (ms) or `signal`',
    source: 'axios 1.21.1 lib/defaults/index.js L146-149 (timeout: 0); lib/adapters/http.js L790-791 (cancelToken subscribes the same abort as signal)',
  },
  {
    id: 'got',
    name: 'got',
    modules: ['got'],
    typeNames: ['Got'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'both', options: { kind: 'url-or-config' } },
      ...verbShapes(['get', 'post', 'put', 'patch', 'head', 'delete'], 'both', { kind: 'arg', index: 1 }),
      { path: 'stream', on: 'both', options: { kind: 'url-or-config' } },
      { path: 'paginate', on: 'both', options: { kind: 'url-or-config' } },
    ],
    factories: [{ path: 'extend', isNew: false, config: { kind: 'arg', index: 0 } }],
    timeoutKeys: [{
      path: 'timeout', kind: 'phases',
      // timed-out.js: lookup, connect and secureConnect end once connected, send at upload-complete, read
      // starts with the response; only request (L56-60), socket (L62-73) and response (L123-127) cover the wait.
      answerPhases: {
        keys: ['request', 'response', 'socket'],
        reason: "This got `timeout` bounds only connecting or sending, not the wait for the answer: a server that accepts the request and never responds holds it forever. Add `request` (ms) to it.",
        add: 'request: {ms}',
      },
    }, { path: 'signal', kind: 'signal' }],
    defaultsWrite: 'defaults.options.timeout',
    fix: { kind: 'property', text: 'timeout: { request: {ms} }' },
    remedy: '`timeout: { request: ms }`',
    source: 'got 14.6.6 dist/source/core/options.js L104-113 (timeout: {}); dist/source/core/timed-out.js L56-133 (which phase bounds what)',
  },
  {
    id: 'ky',
    name: 'ky',
    modules: ['ky'],
    typeNames: ['KyInstance'],
    category: 'http',
    default: { kind: 'bounded', ms: 10_000 },
    calls: [
      { path: '', on: 'both', options: { kind: 'arg', index: 1 } },
      ...verbShapes(['get', 'post', 'put', 'patch', 'head', 'delete'], 'both', { kind: 'arg', index: 1 }),
    ],
    factories: [
      { path: 'create', isNew: false, config: { kind: 'arg', index: 0 } },
      { path: 'extend', isNew: false, config: { kind: 'arg', index: 0 } },
    ],
    timeoutKeys: [{ path: 'timeout', kind: 'ms' }, { path: 'signal', kind: 'signal' }],
    remedy: '`timeout` (ms)',
    source: 'ky 1.14.3 distribution/core/Ky.js L153, L372 (timeout 10 000)',
  },
  {
    id: 'superagent',
    name: 'superagent',
    // Not supertest: it drives an in-process app from tests, where a hang is a test timeout, not an
    // outage (sonatard/noctx#6 "Ignore requests in tests").
    modules: ['superagent'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'module', options: { kind: 'chain', method: 'timeout' } },
      ...verbShapes(['get', 'post', 'put', 'patch', 'head', 'delete', 'del', 'options'], 'both', { kind: 'chain', method: 'timeout' }),
    ],
    factories: [{ path: 'agent', isNew: false, config: { kind: 'chain', method: 'timeout' } }],
    timeoutKeys: [],
    fix: { kind: 'chain', text: '.timeout({ms})' },
    remedy: '`.timeout(ms)` to the request chain',
    source: 'superagent 10.4.2 lib/request-base.js L108-133 (timers armed only by .timeout())',
  },
  {
    id: 'http',
    name: 'node:http',
    modules: ['http', 'https'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: 'request', on: 'module', options: { kind: 'http-request' } },
      { path: 'get', on: 'module', options: { kind: 'http-request' }, httpMethod: 'GET' },
    ],
    timeoutKeys: [{ path: 'signal', kind: 'signal' }],
    ineffectiveKeys: [{
      path: 'timeout',
      reason: 'node:http `timeout` only emits a \'timeout\' event and never ends the request, and nothing here destroys it; add a `\'timeout\'` handler that calls `req.destroy()`, or pass `signal: AbortSignal.timeout(ms)`.',
    }],
    fix: FETCH_SIGNAL_FIX,
    remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request',
    source: 'nodejs/node 7fa2bee docs ("The request must be aborted manually"); ✔run Node 20: timeout fired, req.destroyed false',
  },
  {
    id: 'net',
    name: 'node:net',
    modules: ['net', 'tls'],
    category: 'socket',
    default: { kind: 'none' },
    localSocket: { optionKey: 'path' },
    calls: [
      { path: 'connect', on: 'module', options: { kind: 'arg', index: 0 } },
      { path: 'createConnection', on: 'module', options: { kind: 'arg', index: 0 } },
    ],
    timeoutKeys: [],
    ineffectiveKeys: [{
      path: 'timeout',
      reason: 'node:net `timeout` only emits a \'timeout\' event and never closes the socket, and nothing here destroys it; call `socket.destroy()` from a \'timeout\' handler.',
    }],
    remedy: 'a `timeout` with a \'timeout\' handler that destroys the socket',
    source: '✔run Node 20.20.2: net.connect({timeout:200}) → timeout at 201 ms, socket.destroyed false at 800 ms',
  },
  {
    id: 'grpc',
    name: 'gRPC',
    modules: ['@grpc/grpc-js', 'grpc'],
    typeNames: ['Client'],
    category: 'rpc',
    default: { kind: 'none' },
    calls: [{ path: '*', on: 'instance', options: { kind: 'grpc-call' } }],
    localMethods: ['close', 'getChannel', 'waitForReady', 'makeUnaryRequest', 'makeClientStreamRequest', 'makeServerStreamRequest', 'makeBidiStreamRequest', 'constructor', 'toString', 'hasOwnProperty', 'bind', 'call', 'apply'],
    timeoutKeys: [{ path: 'deadline', kind: 'deadline' }],
    fix: { kind: 'property', text: 'deadline: Date.now() + {ms}' },
    remedy: 'a `deadline` call option',
    source: '@grpc/grpc-js 1.14.7 build/src/client-interceptors.js L252 (options.deadline ?? Infinity)',
  },
  {
    id: 'aws-sdk',
    // Messages say "{{name}} client has no timeout", so the name doesn't repeat "client".
    name: 'AWS SDK v3',
    modules: ['@aws-sdk/*'],
    category: 'sdk',
    default: { kind: 'none' },
    calls: [{ path: '*Client', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true }],
    timeoutKeys: [
      {
        path: 'requestHandler.requestTimeout', kind: 'ms',
        requires: { path: 'requestHandler.throwOnRequestTimeout', reason: 'with @smithy/node-http-handler 4, `requestTimeout` only logs a warning unless `throwOnRequestTimeout: true` is set, so the call still waits; add `throwOnRequestTimeout: true`.' },
      },
    ],
    fix: { kind: 'property', text: 'requestHandler: { requestTimeout: {ms}, throwOnRequestTimeout: true }' },
    remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`',
    source: '@smithy/node-http-handler 4.14.2 dist-cjs/index.js L84-101, L448-460 (connection/request/socket 0)',
  },
  {
    id: 'pg',
    name: 'pg',
    modules: ['pg'],
    typeNames: ['Pool', 'Client'],
    category: 'database',
    isDatabase: true,
    default: { kind: 'none' },
    calls: [
      { path: 'Pool', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
      { path: 'Client', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
    ],
    timeoutKeys: [{ path: 'connectionTimeoutMillis', kind: 'ms' }],
    strictTimeoutKeys: [{ path: 'query_timeout', kind: 'ms' }, { path: 'statement_timeout', kind: 'ms' }],
    strictSubject: 'query',
    strictRemedy: '`query_timeout` or `statement_timeout`',
    strictFix: { kind: 'property', text: 'query_timeout: {ms}' },
    fix: { kind: 'property', text: 'connectionTimeoutMillis: {ms}' },
    remedy: '`connectionTimeoutMillis`',
    source: 'brianc/node-postgres packages/pg-pool/index.js (checkout waits forever), packages/pg/lib/defaults.js',
  },
  {
    id: 'ws',
    name: 'ws',
    modules: ['ws', 'isomorphic-ws'],
    category: 'socket',
    default: { kind: 'none' },
    calls: [
      { path: '', on: 'module', options: { kind: 'ws' }, constructs: true },
      { path: 'WebSocket', on: 'module', options: { kind: 'ws' }, constructs: true },
    ],
    timeoutKeys: [{ path: 'handshakeTimeout', kind: 'ms' }],
    fix: { kind: 'property', text: 'handshakeTimeout: {ms}' },
    remedy: '`handshakeTimeout`',
    source: 'ws 8.23.0 lib/websocket.js L668-669 (no default); ✔run: still CONNECTING at 3 s',
  },
  {
    id: 'octokit',
    name: 'Octokit',
    modules: ['@octokit/rest', '@octokit/core', 'octokit'],
    category: 'sdk',
    default: { kind: 'none' },
    calls: [{ path: 'Octokit', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true }],
    timeoutKeys: [{ path: 'request.signal', kind: 'signal' }, { path: 'request.fetch', kind: 'signal' }],
    ineffectiveKeys: [{
      path: 'request.timeout',
      reason: 'Octokit ignores `request.timeout` since @octokit/request 6 (it uses the global fetch), so its calls can still wait forever; pass a `request.fetch` that adds `signal: AbortSignal.timeout(ms)`.',
    }],
    fix: { kind: 'property', text: 'request: { fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout({ms}) }) }' },
    remedy: 'a `request.fetch` that sets `signal: AbortSignal.timeout(ms)`',
    source: '@octokit/request 10.0.16 dist-src/fetch-wrapper.js L8, L25-34 (no timer)',
  },
  {
    id: 'slack',
    name: 'Slack Web API',
    modules: ['@slack/web-api'],
    category: 'sdk',
    default: { kind: 'none' },
    calls: [{ path: 'WebClient', on: 'module', options: { kind: 'arg', index: 1 }, constructs: true }],
    timeoutKeys: [{ path: 'timeout', kind: 'ms' }],
    fix: { kind: 'property', text: 'timeout: {ms}' },
    remedy: '`timeout` (ms)',
    source: '@slack/web-api 8.2.0 dist/WebClient.js L123 (timeout = 0)',
  },
  {
    id: 'graphql-request',
    name: 'graphql-request',
    modules: ['graphql-request'],
    category: 'http',
    default: { kind: 'none' },
    calls: [{ path: 'GraphQLClient', on: 'module', options: { kind: 'arg', index: 1 }, constructs: true }],
    timeoutKeys: [{ path: 'signal', kind: 'signal' }, { path: 'fetch', kind: 'signal' }],
    ineffectiveKeys: [{
      path: 'timeout',
      reason: 'graphql-request ignores a `timeout` option, so its requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.',
    }],
    fix: { kind: 'property', text: 'fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout({ms}) })' },
    remedy: 'a `fetch` that sets `signal: AbortSignal.timeout(ms)`',
    source: 'graffle-js/graffle#229 ("no support of the timeout")',
  },
  {
    id: 'apollo-http-link',
    name: 'Apollo HttpLink',
    modules: ['@apollo/client', '@apollo/client/core', '@apollo/client/link/http', 'apollo-link-http'],
    category: 'http',
    default: { kind: 'none' },
    calls: [
      { path: 'HttpLink', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
      { path: 'createHttpLink', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
    ],
    timeoutKeys: [{ path: 'fetch', kind: 'signal' }, { path: 'fetchOptions.signal', kind: 'signal' }],
    ineffectiveKeys: [
      { path: 'timeout', reason: 'Apollo HttpLink ignores a `timeout` option, so its requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
      { path: 'fetchOptions.timeout', reason: 'fetch ignores `fetchOptions.timeout`, so Apollo requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
    ],
    fix: { kind: 'property', text: 'fetch: (uri: string | URL | Request, init?: RequestInit) => fetch(uri, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout({ms})]) : AbortSignal.timeout({ms}) })' },
    remedy: 'a `fetch` that sets `signal: AbortSignal.timeout(ms)`',
    source: 'apollographql/apollo-client#11602 (maintainer: HttpLink "just calls fetch")',
  },
  {
    id: 'openai',
    name: 'OpenAI',
    modules: ['openai'],
    category: 'sdk',
    default: { kind: 'bounded', ms: 600_000 },
    calls: [
      { path: '', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
      { path: 'OpenAI', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
    ],
    timeoutKeys: [{ path: 'timeout', kind: 'ms' }],
    fix: { kind: 'property', text: 'timeout: {ms}' },
    remedy: '`timeout` (ms)',
    source: 'openai 6.49.0 client.js L163-173 (600 000 ms per attempt)',
  },
  {
    id: 'stripe',
    name: 'Stripe',
    modules: ['stripe'],
    category: 'sdk',
    default: { kind: 'bounded', ms: 80_000 },
    calls: [
      { path: '', on: 'module', options: { kind: 'arg', index: 1 }, constructs: true },
      { path: 'Stripe', on: 'module', options: { kind: 'arg', index: 1 }, constructs: true },
    ],
    timeoutKeys: [{ path: 'timeout', kind: 'ms' }],
    fix: { kind: 'property', text: 'timeout: {ms}' },
    remedy: '`timeout` (ms)',
    source: 'stripe 23.1.0 cjs/stripe.core.js L102/181-182 (80 000 ms)',
  },
  {
    id: 'undici-request',
    name: 'undici request',
    modules: ['undici'],
    category: 'http',
    default: { kind: 'bounded', ms: 300_000 },
    calls: [{ path: 'request', on: 'module', options: { kind: 'arg', index: 1 } }],
    timeoutKeys: [{ path: 'headersTimeout', kind: 'ms' }, { path: 'bodyTimeout', kind: 'ms' }, { path: 'signal', kind: 'signal' }],
    remedy: '`headersTimeout` and `bodyTimeout`',
    source: 'undici 7.30.2 lib/dispatcher/client.js (headers 300 s, body 300 s; 0 disables)',
  },
  {
    id: 'mysql2',
    name: 'mysql2',
    modules: ['mysql2', 'mysql2/promise'],
    category: 'database',
    isDatabase: true,
    default: { kind: 'bounded', ms: 10_000 },
    calls: [
      { path: 'createConnection', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
      { path: 'createPool', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true },
    ],
    timeoutKeys: [{ path: 'connectTimeout', kind: 'ms' }],
    remedy: '`connectTimeout`',
    source: 'mysql2 3.24.6 lib/connection_config.js L115-117 (connect 10 000)',
  },
  {
    id: 'redis',
    name: 'node-redis',
    modules: ['redis', '@redis/client'],
    category: 'database',
    isDatabase: true,
    default: { kind: 'bounded', ms: 5_000 },
    calls: [{ path: 'createClient', on: 'module', options: { kind: 'arg', index: 0 }, constructs: true }],
    timeoutKeys: [{ path: 'socket.connectTimeout', kind: 'ms' }],
    remedy: '`socket.connectTimeout`',
    source: '@redis/client 1.6.1 dist/lib/client/socket.js L104 (connectTimeout 5000)',
  },
];

/**
 * Wrappers that stop waiting for a promise after a time: the request may still hang, but its caller is
 * released, which is what a timeout is for. `Promise.race` against a timer is recognised as well.
 */
export const PROMISE_DEADLINES: ReadonlyArray<{ module: string; path: string; promiseArgument: number; source: string }> = [
  { module: 'p-timeout', path: '', promiseArgument: 0, source: 'sindresorhus/p-timeout readme: pTimeout(input, {milliseconds}) (v5+), pTimeout(input, milliseconds) (v4) (✔doc)' },
];

export function clientById(id: string): ClientSpec | undefined {
  return CLIENTS.find((client) => client.id === id);
}

/** `node:https` and `https` are one module. */
export function normaliseModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

export function moduleMatches(pattern: string, specifier: string): boolean {
  const module = normaliseModule(specifier);
  if (pattern.endsWith('/*')) return module.startsWith(pattern.slice(0, -1));
  return module === pattern;
}

/** Is `specifier` one of the modules `patterns` name (the `modules` of a table row)? */
export function anyModuleMatches(patterns: readonly string[], specifier: string): boolean {
  return patterns.some((pattern) => moduleMatches(pattern, specifier));
}

/** A dotted path against a pattern whose `*` segments match any one segment (`*.create` = `charges.create`). */
export function dottedPathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('.');
  const got = path.split('.');
  return want.length === got.length && want.every((segment, index) => segment === '*' || segment === got[index]);
}

/** A factory path with `*` segments (`*` for `new ccxt.binance()`, `pro.*`) matches any name there, never none. */
export function factoryPathMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  return path !== '' && dottedPathMatches(pattern, path);
}

export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === '*') return path !== '' && !path.includes('.');
  if (pattern.startsWith('*')) return path.endsWith(pattern.slice(1)) && !path.includes('.');
  return pattern === path;
}
