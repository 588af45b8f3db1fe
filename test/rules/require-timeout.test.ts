/**
 * require-timeout, case by case: every client row of rules/knowledge/clients.ts and every message, with
 * exact positions and the exact output of every suggestion. Cases whose verdict is the same with and
 * without type information are run by both testers; the others say why they differ.
 *
 * The invalid arrays are exported under the names test/properties/suggestions.test.ts reads
 * (`invalidCases`: both testers; `untypedInvalidCases`, `typedInvalidCases`: one), so it can apply every
 * suggestion and check that the result parses and no longer triggers the report.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-timeout';
import { typedTester, untypedTester } from '../rule-tester';

type Valid = string | ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** Same verdict with and without type information: run by both testers. */
export const validCases: Valid[] = [
  // A config object held in a variable that sets a timeout.
  `
import axios from 'axios';
export async function refresh(id: string) {
  const config = { url: \`https://example.com/a/\${id}\`, method: 'put', timeout: 5000 };
  await axios(config);
}
`,
  // An axios cancelToken that a timer cancels: axios aborts on it as on a signal (older code's timeout).
  `
import axios from 'axios';
export async function load(url: string) {
  const source = axios.CancelToken.source();
  const timer = setTimeout(() => source.cancel('timeout'), 5000);
  try {
    return await axios.get(url, { cancelToken: source.token });
  } finally {
    clearTimeout(timer);
  }
}
`,
  // ── fetch ──
  // global fetch with AbortSignal.timeout per request
  `
export async function load(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}
`,
  // a local function named fetch is not the global
  `
function fetch(url: string) {
  return url.length;
}
export const n = fetch('https://example.com');
`,
  // an injected fetch with the global as its default: the caller's fetch may carry its own timeout
  `
export class Webhook {
  private readonly fetchFn: typeof fetch;
  constructor(options: { fetch?: typeof fetch } = {}) {
    this.fetchFn = options.fetch ?? globalThis.fetch;
  }
  send(url: string) {
    return this.fetchFn(url, { method: 'POST' });
  }
}
`,
  // raced against a timer, or handed to p-timeout: the caller stops waiting even if the request hangs
  `
import pTimeout from 'p-timeout';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function load(url: string) {
  const timedOut = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000));
  const first = await Promise.race([fetch(url), timedOut]);
  const second = await Promise.race([fetch(url).then((response) => response.json()), sleep(5000).then(() => { throw new Error('timed out'); })]);
  const third = await pTimeout(fetch(url), { milliseconds: 5000 });
  return [first, second, third];
}
`,
  // a parameter named fetch is not the global
  `
export function load(fetch: (u: string) => Promise<unknown>) {
  return fetch('https://example.com');
}
`,
  // node-fetch v2 timeout is honoured
  `
import fetch from 'node-fetch';
export const r = fetch('https://example.com', { timeout: 5000 });
`,
  // fetch(new Request(url, { signal })) carries its own signal
  `
export async function load(url: string, signal: AbortSignal) {
  return fetch(new Request(url, { signal }));
}
`,
  // fetch(request) where request is a parameter
  `
export async function load(request: Request) {
  return fetch(request);
}
`,
  // fetch with options spread from elsewhere is unknown (silent)
  `
export async function load(url: string, opts: RequestInit) {
  return fetch(url, { ...opts });
}
`,
  // fetch with a spread and an explicit signal
  `
export async function load(url: string, opts: RequestInit) {
  return fetch(url, { ...opts, signal: AbortSignal.timeout(3000) });
}
`,

  // ── axios ──
  // axios.get with timeout
  `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeout: 5000 });
`,
  // Object.assign: a source that sets the timeout, a source written onto a named config, or a target the
  // caller hands in (which may carry one)
  `
import axios from 'axios';
export async function load(url: string, base: object, opts: object) {
  await axios.get(url, Object.assign({}, base, { timeout: 5000 }));
  await axios.get(url, Object.assign(opts, { headers: { accept: 'application/json' } }));
  const config = { headers: {} };
  Object.assign(config, { timeout: 1000 });
  await axios.get(url, config);
}
`,
  // axios.patch with a signal
  `
import axios from 'axios';
export const r = axios.patch('https://example.com/a', {}, { signal: AbortSignal.timeout(5000) });
`,
  // axios.create with timeout covers its calls
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://example.com', timeout: 5000 });
export const r = api.get('/a');
`,
  // instance.defaults.timeout written after creation
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://example.com' });
api.defaults.timeout = 5000;
export const r = api.get('/a');
`,
  // axios.defaults.timeout configures the default instance
  `
import axios from 'axios';
axios.defaults.timeout = 5000;
export const r = axios.get('https://example.com/a');
`,
  // every call through a local instance sets its own timeout
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://example.com' });
export const r = api.get('/a', { timeout: 1000 });
`,
  // a class field instance with a timeout
  `
import axios from 'axios';
export class Users {
  private http = axios.create({ baseURL: 'https://users', timeout: 3000 });
  list() {
    return this.http.get('/users');
  }
}
`,
  // a wrapper that sets the timeout
  `
import axios, { type AxiosRequestConfig } from 'axios';
function get(url: string, config: AxiosRequestConfig = {}) {
  return axios.get(url, { ...config, timeout: 5000 });
}
export const r = get('https://example.com/a');
`,
  // spread options are unknown, silent by default
  `
import axios, { type AxiosRequestConfig } from 'axios';
export function get(url: string, opts: AxiosRequestConfig) {
  return axios.get(url, { ...opts });
}
`,
  // a timeout after a spread wins
  `
import axios, { type AxiosRequestConfig } from 'axios';
export function get(url: string, opts: AxiosRequestConfig) {
  return axios.get(url, { ...opts, timeout: 5000 });
}
`,
  // options passed through from a parameter are unknown
  `
import axios, { type AxiosRequestConfig } from 'axios';
export function get(url: string, opts: AxiosRequestConfig) {
  return axios.get(url, opts);
}
`,
  // a variable named requests is not a client
  `
const requests = new Map<string, string>();
export const hit = requests.get('https://example.com');
`,
  // a map's get(uri) is not an HTTP call
  `
export class Cache {
  private existing_requests = new Map<string, Promise<string>>();
  lookup(uri: string) {
    return this.existing_requests.get(uri);
  }
}
`,
  // an attribute named requests holding a session with a timeout
  `
import axios from 'axios';
export class Service {
  requests = axios.create({ timeout: 5000 });
  load(uri: string) {
    return this.requests.get(uri);
  }
}
`,
  // axios.create spreading options from elsewhere is unknown
  `
import axios, { type CreateAxiosDefaults } from 'axios';
export function make(opts: CreateAxiosDefaults) {
  return axios.create({ ...opts });
}
`,
  // chained instance: base has a timeout
  `
import axios from 'axios';
const base = axios.create({ timeout: 5000 });
export const r = base.get('/a');
`,
  // options object gets a timeout assigned before use
  `
import axios from 'axios';
const config: { baseURL: string; timeout?: number } = { baseURL: 'https://example.com' };
config.timeout = 5000;
export const r = axios.get('/a', config);
`,

  // ── got, ky, superagent ──
  // got with a request phase timeout
  `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { request: 5000 } });
`,
  // got with a signal
  `
import got from 'got';
export const r = got.get('https://example.com/a', { signal: AbortSignal.timeout(5000) });
`,
  // got.extend with a timeout covers its calls
  `
import got from 'got';
const client = got.extend({ prefixUrl: 'https://example.com', timeout: { request: 5000 } });
export const r = client.get('a');
`,
  // got.extend chain: the parent's timeout is inherited
  `
import got from 'got';
const base = got.extend({ timeout: { request: 5000 } });
const child = base.extend({ prefixUrl: 'https://example.com' });
export const r = child.get('a');
`,
  // got phases that cover the wait for the answer (response, socket), and a call's phases merged with its
  // instance's request timeout (got merges them).
  `
import got from 'got';
export const a = got('https://example.com/a', { timeout: { connect: 1000, response: 5000 } });
export const b = got.post('https://example.com/b', { json: {}, timeout: { lookup: 100, socket: 5000 } });
const base = got.extend({ timeout: { request: 10000 } });
export const c = base('https://example.com/c', { timeout: { connect: 200 } });
const child = base.extend({ timeout: { connect: 200 } });
export const d = child('https://example.com/d');
`,
  // ky has a 10 s default
  `
import ky from 'ky';
export const r = ky.get('https://example.com/a');
`,
  // ky.create without timeout keeps the default
  `
import ky from 'ky';
export const api = ky.create({ prefixUrl: 'https://example.com' });
`,
  // ky's default is within maxDefaultMs
  {
    code: `
import ky from 'ky';
export const r = ky.get('https://example.com/a');
`,
    options: [{ maxDefaultMs: 60000 }],
  },
  // a superagent request stored in an exported const may be configured elsewhere
  `
import superagent from 'superagent';
export const pending = superagent.get('https://example.com/a').set('Accept', 'json');
`,
  // superagent chain with .timeout()
  `
import superagent from 'superagent';
export async function load() {
  return await superagent.get('https://example.com/a').timeout(5000).set('Accept', 'json');
}
`,
  // superagent .timeout({ response, deadline })
  `
import request from 'superagent';
export async function load() {
  return await request.post('https://example.com/a').send({ a: 1 }).timeout({ response: 1000, deadline: 5000 });
}
`,
  // a superagent request that escapes (returned) may get its timeout elsewhere
  `
import superagent from 'superagent';
export function start() {
  return superagent.get('https://example.com/a');
}
`,
  // supertest drives an in-process app from tests
  `
import request from 'supertest';
import { app } from './app';
export async function check() {
  await request(app).get('/health').expect(200);
}
`,

  // ── node:http, node:net ──
  // http.request timeout with a 'timeout' handler that destroys
  `
import * as http from 'node:http';
export function ping() {
  const req = http.request({ host: 'example.com', timeout: 5000 }, (res) => res.resume());
  req.on('timeout', () => req.destroy(new Error('timed out')));
  req.end();
}
`,
  // req.setTimeout with a destroying callback
  `
import http from 'http';
export function ping(url: string) {
  const req = http.get(url, (res) => res.resume());
  req.setTimeout(5000, () => req.destroy());
}
`,
  // http.get with a signal
  `
import * as https from 'node:https';
export function ping(url: string) {
  https.get(url, { signal: AbortSignal.timeout(5000) }, (res) => res.resume());
}
`,
  // a request handed to someone else may get its timeout there
  `
import * as http from 'node:http';
export function start(track: (r: unknown) => void) {
  const req = http.request({ host: 'example.com' });
  track(req);
  return req;
}
`,
  // net.connect to a Unix socket path is local IPC, not a remote call (wait-on, bench/accuracy)
  `
import * as net from 'node:net';
export function probe(socketPath: string) {
  const socket = net.connect(socketPath);
  socket.on('connect', () => socket.end());
  net.connect('/tmp/app.sock');
  net.connect({ path: '/tmp/app.sock' });
}
export class IpcProvider {
  constructor(readonly path: string) {}
  send() {
    return net.connect(this.path);
  }
}
`,
  // net.connect timeout with a destroying handler
  `
import * as net from 'node:net';
export function open() {
  const socket = net.connect({ host: 'example.com', port: 6379, timeout: 1000 });
  socket.on('timeout', () => socket.destroy());
}
`,

  // ── gRPC, AWS, databases, sockets, SDKs ──
  // gRPC call with a deadline
  `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, { deadline: Date.now() + 2000 }, (err: unknown, user: unknown) => console.log(err, user));
}
`,
  // gRPC close() does no I/O
  `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function stop() {
  users.close();
}
`,
  // requestTimeout with throwOnRequestTimeout
  `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: { requestTimeout: 5000, throwOnRequestTimeout: true } });
`,
  // NodeHttpHandler with requestTimeout and throwOnRequestTimeout
  `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ requestTimeout: 5000, throwOnRequestTimeout: true }) });
`,
  // options made by a function of the file: a return that carries a timeout, or one that cannot be read, keeps it silent
  `
import axios from 'axios';
function config(slow: boolean) {
  if (slow) return { timeout: 30000 };
  return { timeout: 5000, headers: {} };
}
function passThrough(extra: object) {
  return { ...extra };
}
export const a = (url: string) => axios.get(url, config(false));
export const b = (url: string, extra: object) => axios.get(url, passThrough(extra));
`,
  // an AWS helper that is not a client constructor
  `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
export function command(key: string) {
  return new GetObjectCommand({ Bucket: 'b', Key: key });
}
export type C = S3Client;
`,
  // pg Pool with connectionTimeoutMillis
  `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 5000 });
`,
  // checkDatabases off skips pg
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool();
`,
    options: [{ checkDatabases: false }],
  },
  // ws with handshakeTimeout
  `
import { WebSocket } from 'ws';
export const socket = new WebSocket('wss://example.com/feed', { handshakeTimeout: 5000 });
`,
  // Octokit with a request fetch that bounds the call
  `
import { Octokit } from '@octokit/rest';
export const octokit = new Octokit({
  request: { fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(5000) }) },
});
`,
  // Slack WebClient with timeout
  `
import { WebClient } from '@slack/web-api';
export const slack = new WebClient(process.env.SLACK_TOKEN, { timeout: 5000 });
`,
  // OpenAI's 10 min default is bounded
  `
import OpenAI from 'openai';
export const openai = new OpenAI();
`,
  // OpenAI with an explicit timeout
  {
    code: `
import OpenAI from 'openai';
export const openai = new OpenAI({ timeout: 20000 });
`,
    options: [{ maxDefaultMs: 60000 }],
  },
  // Stripe's 80 s default is bounded
  `
import Stripe from 'stripe';
export const stripe = new Stripe('sk_test');
`,
  // undici request has bounded defaults
  `
import { request } from 'undici';
export const r = request('https://example.com/a');
`,
  // mysql2 connects with a 10 s default
  `
import mysql from 'mysql2/promise';
export const pool = mysql.createPool({ host: 'db' });
`,
  // node-redis connects with a 5 s default
  `
import { createClient } from 'redis';
export const redis = createClient({ url: 'redis://cache' });
`,

  // ── shared signals, options ──
  // AbortSignal.timeout at module scope used once at top level
  `
const signal = AbortSignal.timeout(5000);
export const data = await fetch('https://example.com/config', { signal });
`,
  // AbortSignal.timeout created per request
  `
export async function load(url: string) {
  const signal = AbortSignal.timeout(5000);
  return fetch(url, { signal });
}
`,
  // a local AbortSignal class is not the global
  `
class AbortSignal {
  static timeout(ms: number) {
    return ms;
  }
}
export const s = AbortSignal.timeout(5);
export function f() {
  return s;
}
`,
  // checkUnknown stays silent for clients with a bounded default
  {
    code: `
import ky, { type Options } from 'ky';
export function get(url: string, opts: Options) {
  return ky.get(url, opts);
}
`,
    options: [{ checkUnknown: true }],
  },
  // a user-declared client with its timeout key
  {
    code: `
import { send } from '@acme/http';
export const r = send('orders', { deadlineMs: 3000 });
`,
    options: [{ clients: [{ module: '@acme/http', export: 'send', optionsArgument: 1, timeoutKeys: ['deadlineMs'] }] }],
  },

  // ── edge cases ──
  // inline chained instance with a timeout
  `
import axios from 'axios';
export const r = axios.create({ timeout: 1000 }).get('/a');
`,
  // options reassigned: unknown
  `
let init: RequestInit = { method: 'GET' };
if (Math.random() > 0.5) init = { signal: AbortSignal.timeout(1) };
export const r = fetch('https://example.com', init);
`,
  // axios instance created in a factory function and returned
  `
import axios from 'axios';
export function makeClient() {
  return axios.create({ timeout: 2000 });
}
`,

  // ── more edge cases ──
  // this.http.defaults.timeout set in the constructor configures the field's instance
  `
import axios from 'axios';
export class Users {
  private http = axios.create({ baseURL: 'https://users' });
  constructor() {
    this.http.defaults.timeout = 4000;
  }
  list() {
    return this.http.get('/users');
  }
}
`,
  // a superagent request kept in a const gets .timeout() later
  `
import superagent from 'superagent';
export async function load() {
  const req = superagent.get('https://example.com/a');
  req.timeout(2000);
  return await req;
}
`,
  // a timeout read from configuration is assumed to bound the call
  `
import axios from 'axios';
export function load(config: { timeoutMs: number }) {
  return axios.get('https://example.com/a', { timeout: config.timeoutMs });
}
`,
  // http.get with a chained 'timeout' handler that destroys
  `
import * as http from 'node:http';
export function ping(url: string) {
  http.get(url, { timeout: 1000 }, (res) => res.resume()).on('timeout', function (this: http.ClientRequest) {
    this.destroy();
  });
}
`,

  // ── strict keys, defaults ──
  // strict: a pg Pool with connect and query timeouts
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 5000, query_timeout: 10000 });
`,
    options: [{ checkUnknown: true }],
  },
  // AbortSignal.timeout as a default parameter is created per call
  `
export function load(url: string, signal = AbortSignal.timeout(1000)) {
  return fetch(url, { signal });
}
`,
  // Resources that are not on the network: a font bundled next to the module (an edge route's asset), an
  // extension's own file, a data: URL held in a const.
  `
const font = fetch(new URL('../../public/fonts/Inter.ttf', import.meta.url)).then((response) => response.arrayBuffer());
export const probeExtension = () => fetch('chrome-extension://abcdefghijklmnop/js/logo128.png', { method: 'HEAD' });
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
export const pixel = () => fetch(PIXEL).then((response) => response.blob());
export const fonts = () => font;
`,

  // ── more clients, imported instances ──
  // graphql-request with a signal
  `
import { GraphQLClient } from 'graphql-request';
export function client(signal: AbortSignal) {
  return new GraphQLClient('https://example.com/graphql', { signal });
}
`,
];


export const invalidCases: Invalid[] = [
  // Object.assign whose target and sources all visibly lack a timeout; the merged object is no literal of
  // the call's own, so the fix spreads it
  {
    code: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', Object.assign({}, { headers: { accept: 'application/json' } }));
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        suggestions: [{ messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { ...Object.assign({}, { headers: { accept: 'application/json' } }), timeout: 10000 });
` }],
      },
    ],
  },
  // ── fetch ──
  // a race between two requests with no timer: neither side ends the wait
  {
    code: `
export async function load(url: string, mirror: string) {
  return Promise.race([fetch(url), fetch(mirror)]);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 24, endLine: 3, endColumn: 29,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [{ messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string, mirror: string) {
  return Promise.race([fetch(url, { signal: AbortSignal.timeout(10000) }), fetch(mirror)]);
}
` }],
      },
      {
        messageId: 'missingTimeout', line: 3, column: 36, endLine: 3, endColumn: 41,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [{ messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string, mirror: string) {
  return Promise.race([fetch(url), fetch(mirror, { signal: AbortSignal.timeout(10000) })]);
}
` }],
      },
    ],
  },
  // global fetch without a signal
  {
    code: `
export async function load(url: string) {
  return fetch(url);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },
  // global fetch with an options object that lacks a signal
  {
    code: `
export async function load(url: string) {
  return fetch(url, { method: 'POST', body: '{}' });
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string) {
  return fetch(url, { method: 'POST', body: '{}', signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },
  // multi-line options keep their layout and trailing comma
  {
    code: `
export async function load(url: string) {
  return fetch(url, {
    method: 'POST', // create
    body: '{}',
  });
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string) {
  return fetch(url, {
    method: 'POST', // create
    body: '{}',
    signal: AbortSignal.timeout(10000),
  });
}
` },
        ],
      },
    ],
  },
  // multi-line options without trailing comma, comment kept
  {
    code: `
export async function load(url: string) {
  return fetch(url, {
    method: 'POST',
    body: '{}' // payload
  });
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load(url: string) {
  return fetch(url, {
    method: 'POST',
    body: '{}', // payload
    signal: AbortSignal.timeout(10000)
  });
}
` },
        ],
      },
    ],
  },
  // fetch ignores a timeout option
  {
    code: `
export async function load(url: string) {
  return fetch(url, { timeout: 5000 });
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 23, endLine: 3, endColumn: 36,
        data: { reason: 'fetch ignores a `timeout` option, so this call can still wait forever; pass `signal: AbortSignal.timeout(ms)` instead.' },
        suggestions: [],
      },
    ],
  },
  // undici fetch
  {
    code: `
import { fetch } from 'undici';
export const r = fetch('https://example.com');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { fetch } from 'undici';
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // cross-fetch default import
  {
    code: `
import fetch from 'cross-fetch';
export const r = fetch('https://example.com');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import fetch from 'cross-fetch';
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // isomorphic-fetch via require
  {
    code: `
const fetch = require('isomorphic-fetch');
export const r = fetch('https://example.com');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const fetch = require('isomorphic-fetch');
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // node-fetch without options
  {
    code: `
import fetch from 'node-fetch';
export const r = fetch('https://example.com');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'node-fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import fetch from 'node-fetch';
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // node-fetch timeout 0 is the v2 default (none)
  {
    code: `
import fetch from 'node-fetch';
export const r = fetch('https://example.com', { timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 49, endLine: 3, endColumn: 59,
        data: { option: 'timeout', client: 'node-fetch', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // checkUnknown reports a spread that hides the signal
  {
    code: `
export async function load(url: string, opts: RequestInit) {
  return fetch(url, { ...opts });
}
`,
    options: [{ checkUnknown: true }],
    errors: [
      {
        messageId: 'unverifiedTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // timeoutMs sets what the suggestion inserts
  {
    code: `
export async function load(url: string) {
  return fetch(url);
}
`,
    options: [{ timeoutMs: 2500 }],
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '2.5' }, output: `
export async function load(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(2500) });
}
` },
        ],
      },
    ],
  },
  // a const options object without signal: suggestion spreads it
  {
    code: `
const init = { method: 'GET' };
export async function load(url: string) {
  return fetch(url, init);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 10, endLine: 4, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const init = { method: 'GET' };
export async function load(url: string) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },

  // ── axios ──
  // axios.get without config
  {
    code: `
import axios from 'axios';
export const r = axios.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.post: config is the third argument
  {
    code: `
import axios from 'axios';
export const r = axios.post('https://example.com/a', { id: 1 });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.post('https://example.com/a', { id: 1 }, { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.post with no data gets undefined filled in
  {
    code: `
import axios from 'axios';
export const r = axios.post('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.post('https://example.com/a', undefined, { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.put with a config lacking timeout
  {
    code: `
import axios from 'axios';
export const r = axios.put('https://example.com/a', {}, { headers: { a: '1' } });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.put('https://example.com/a', {}, { headers: { a: '1' }, timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios(config) without timeout
  {
    code: `
import axios from 'axios';
export const r = axios({ url: 'https://example.com/a', method: 'get' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios({ url: 'https://example.com/a', method: 'get', timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios(config) where the config is held in a variable: an object written before the call, or one the
  // code fills member by member (a URL string has no \`url\` or \`method\` to write), is the config.
  {
    code: `
import axios from 'axios';
export async function refresh(id: string) {
  const config = { url: \`https://example.com/a/\${id}\`, method: 'put' };
  await axios(config);
}
export async function download(options: Record<string, unknown>) {
  const request = JSON.parse(JSON.stringify(options));
  request.url = 'https://example.com/b';
  request.method = 'get';
  return axios(request);
}
`,
    errors: [
      { messageId: 'missingTimeout', line: 5, column: 9, endLine: 5, endColumn: 14, data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' }, suggestions: [{ messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export async function refresh(id: string) {
  const config = { url: \`https://example.com/a/\${id}\`, method: 'put' };
  await axios({ ...config, timeout: 10000 });
}
export async function download(options: Record<string, unknown>) {
  const request = JSON.parse(JSON.stringify(options));
  request.url = 'https://example.com/b';
  request.method = 'get';
  return axios(request);
}
` }] },
    ],
  },
  // axios(url) without config
  {
    code: `
import axios from 'axios';
export const r = axios('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.request(config)
  {
    code: `
import axios from 'axios';
export const r = axios.request({ url: 'https://example.com/a' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 31,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.request({ url: 'https://example.com/a', timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios timeout 0
  {
    code: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 55, endLine: 3, endColumn: 65,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // axios timeout Infinity
  {
    code: `
import axios from 'axios';
export const r = axios.delete('https://example.com/a', { timeout: Infinity });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 58, endLine: 3, endColumn: 75,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // misspelled timeOut (axios#1868)
  {
    code: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeOut: 5000 });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 55, endLine: 3, endColumn: 68,
        data: { reason: 'axios has no `timeOut` option, so this does not bound the call and it can still wait forever; spell it `timeout`.' },
        suggestions: [],
      },
    ],
  },
  // setTimeout key in axios.create (axios#1868)
  {
    code: `
import axios from 'axios';
export const api = axios.create({ baseURL: 'https://example.com', setTimeout: 2000 });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 67, endLine: 3, endColumn: 83,
        data: { reason: 'axios has no `setTimeout` option, so this does not bound the call and it can still wait forever; spell it `timeout`.' },
        suggestions: [],
      },
    ],
  },
  // axios.create without timeout, used in this file
  {
    code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://example.com' });
export const r = api.get('/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 13, endLine: 3, endColumn: 25,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://example.com', timeout: 10000 });
export const r = api.get('/a');
` },
        ],
      },
    ],
  },
  // a call that disables the instance's timeout
  {
    code: `
import axios from 'axios';
const api = axios.create({ timeout: 5000 });
export const r = api.get('/a', { timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 4, column: 34, endLine: 4, endColumn: 44,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // exported instance without timeout escapes: reported at creation
  {
    code: `
import axios from 'axios';
export const api = axios.create({});
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 20, endLine: 3, endColumn: 32,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const api = axios.create({ timeout: 10000 });
` },
        ],
      },
    ],
  },
  // instance without config argument
  {
    code: `
import axios from 'axios';
export const api = axios.create();
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 20, endLine: 3, endColumn: 32,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const api = axios.create({ timeout: 10000 });
` },
        ],
      },
    ],
  },
  // a class field holding an axios instance
  {
    code: `
import axios from 'axios';
export class Users {
  private http = axios.create({ baseURL: 'https://users' });
  list() {
    return this.http.get('/users');
  }
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 18, endLine: 4, endColumn: 30,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export class Users {
  private http = axios.create({ baseURL: 'https://users', timeout: 10000 });
  list() {
    return this.http.get('/users');
  }
}
` },
        ],
      },
    ],
  },
  // this.http assigned in the constructor
  {
    code: `
import axios from 'axios';
export class Users {
  private readonly http;
  constructor() {
    this.http = axios.create({ baseURL: 'https://users' });
  }
  list() {
    return this.http.get('/users');
  }
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 6, column: 17, endLine: 6, endColumn: 29,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export class Users {
  private readonly http;
  constructor() {
    this.http = axios.create({ baseURL: 'https://users', timeout: 10000 });
  }
  list() {
    return this.http.get('/users');
  }
}
` },
        ],
      },
    ],
  },
  // renamed default import
  {
    code: `
import { default as http } from 'axios';
export const r = http.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 26,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { default as http } from 'axios';
export const r = http.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // require('axios')
  {
    code: `
const axios = require('axios');
export const r = axios.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const axios = require('axios');
export const r = axios.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // destructured verb from require
  {
    code: `
const { get } = require('axios');
export const r = get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 21,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const { get } = require('axios');
export const r = get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.create with a spread that lacks timeout is unknown, plain {} is absent
  {
    code: `
import axios from 'axios';
const base = { baseURL: 'https://example.com' };
export const api = axios.create({ ...base });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 20, endLine: 4, endColumn: 32,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
const base = { baseURL: 'https://example.com' };
export const api = axios.create({ ...base, timeout: 10000 });
` },
        ],
      },
    ],
  },
  // options object built earlier, then a timeout assigned onto it
  {
    code: `
import axios from 'axios';
const config = { baseURL: 'https://example.com' };
export const r = axios.get('/a', config);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 18, endLine: 4, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
const config = { baseURL: 'https://example.com' };
export const r = axios.get('/a', { ...config, timeout: 10000 });
` },
        ],
      },
    ],
  },

  // ── got, ky, superagent ──
  // got(url) without options
  {
    code: `
import got from 'got';
export const r = got('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 21,
        data: { client: 'got', what: 'call', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { request: 10000 } });
` },
        ],
      },
    ],
  },
  // got phases that end once connected or sent: the wait for the answer is not bounded
  {
    code: `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { connect: 1000, lookup: 200 } });
const api = got.extend({ prefixUrl: 'https://example.com', timeout: { send: 500 } });
export const s = api.post('b', { json: {} });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 49, endLine: 3, endColumn: 88,
        data: { reason: "This got \`timeout\` bounds only connecting or sending, not the wait for the answer: a server that accepts the request and never responds holds it forever. Add \`request\` (ms) to it." },
        suggestions: [
          { messageId: 'addCompanion', data: { text: 'request: 10000' }, output: `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { connect: 1000, lookup: 200, request: 10000 } });
const api = got.extend({ prefixUrl: 'https://example.com', timeout: { send: 500 } });
export const s = api.post('b', { json: {} });
` },
        ],
      },
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 60, endLine: 4, endColumn: 82,
        suggestions: [
          { messageId: 'addCompanion', data: { text: 'request: 10000' }, output: `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { connect: 1000, lookup: 200 } });
const api = got.extend({ prefixUrl: 'https://example.com', timeout: { send: 500, request: 10000 } });
export const s = api.post('b', { json: {} });
` },
        ],
      },
    ],
  },
  // got.post with options lacking timeout: got's shape is timeout: { request }
  {
    code: `
import got from 'got';
export const r = got.post('https://example.com/a', { json: { id: 1 } });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 26,
        data: { client: 'got', what: 'call', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export const r = got.post('https://example.com/a', { json: { id: 1 }, timeout: { request: 10000 } });
` },
        ],
      },
    ],
  },
  // got timeout phases all zero
  {
    code: `
import got from 'got';
export const r = got('https://example.com/a', { timeout: { request: 0 } });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 49, endLine: 3, endColumn: 72,
        data: { option: 'timeout', client: 'got', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // got.extend without timeout
  {
    code: `
import got from 'got';
const client = got.extend({ prefixUrl: 'https://example.com' });
export const r = client.get('a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 16, endLine: 3, endColumn: 26,
        data: { client: 'got', what: 'instance', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
const client = got.extend({ prefixUrl: 'https://example.com', timeout: { request: 10000 } });
export const r = client.get('a');
` },
        ],
      },
    ],
  },
  // got.extend chain without any timeout: reported once, at the parent
  {
    code: `
import got from 'got';
const base = got.extend({ headers: { a: '1' } });
export const child = base.extend({ prefixUrl: 'https://example.com' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 14, endLine: 3, endColumn: 24,
        data: { client: 'got', what: 'instance', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
const base = got.extend({ headers: { a: '1' }, timeout: { request: 10000 } });
export const child = base.extend({ prefixUrl: 'https://example.com' });
` },
        ],
      },
    ],
  },
  // got(options) without url
  {
    code: `
import got from 'got';
export const r = got({ url: 'https://example.com/a' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 21,
        data: { client: 'got', what: 'call', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export const r = got({ url: 'https://example.com/a', timeout: { request: 10000 } });
` },
        ],
      },
    ],
  },
  // ky timeout false
  {
    code: `
import ky from 'ky';
export const r = ky.get('https://example.com/a', { timeout: false });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 52, endLine: 3, endColumn: 66,
        data: { option: 'timeout', client: 'ky', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // ky's 10 s default is longer than maxDefaultMs
  {
    code: `
import ky from 'ky';
export const r = ky.get('https://example.com/a');
`,
    options: [{ maxDefaultMs: 5000 }],
    errors: [
      {
        messageId: 'longDefaultTimeout', line: 3, column: 18, endLine: 3, endColumn: 24,
        data: { client: 'ky', defaultSeconds: 10, maxSeconds: 5, remedy: '`timeout` (ms)' },
        suggestions: [],
      },
    ],
  },
  // superagent chain without .timeout()
  {
    code: `
import superagent from 'superagent';
export async function load() {
  return await superagent.get('https://example.com/a').set('Accept', 'json');
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 16, endLine: 4, endColumn: 30,
        data: { client: 'superagent', what: 'call', remedy: '`.timeout(ms)` to the request chain' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import superagent from 'superagent';
export async function load() {
  return await superagent.get('https://example.com/a').timeout(10000).set('Accept', 'json');
}
` },
        ],
      },
    ],
  },
  // superagent .timeout(0)
  {
    code: `
import superagent from 'superagent';
export const r = superagent.get('https://example.com/a').timeout(0);
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 18, endLine: 3, endColumn: 68,
        data: { option: '.timeout()', client: 'superagent', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // superagent request awaited directly
  {
    code: `
import superagent from 'superagent';
export async function load() {
  await superagent.get('https://example.com/a');
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 9, endLine: 4, endColumn: 23,
        data: { client: 'superagent', what: 'call', remedy: '`.timeout(ms)` to the request chain' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import superagent from 'superagent';
export async function load() {
  await superagent.get('https://example.com/a').timeout(10000);
}
` },
        ],
      },
    ],
  },
  // supertest-style superagent(url)
  {
    code: `
const superagent = require('superagent');
export async function load() {
  await superagent('GET', 'https://example.com/a').query({ a: 1 });
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 9, endLine: 4, endColumn: 19,
        data: { client: 'superagent', what: 'call', remedy: '`.timeout(ms)` to the request chain' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const superagent = require('superagent');
export async function load() {
  await superagent('GET', 'https://example.com/a').timeout(10000).query({ a: 1 });
}
` },
        ],
      },
    ],
  },

  // ── node:http, node:net ──
  // http.request with options and no timeout
  {
    code: `
import * as http from 'node:http';
export function ping() {
  const req = http.request({ host: 'example.com', path: '/' }, (res) => res.resume());
  req.end();
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 15, endLine: 4, endColumn: 27,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as http from 'node:http';
export function ping() {
  const req = http.request({ host: 'example.com', path: '/', signal: AbortSignal.timeout(10000) }, (res) => res.resume());
  req.end();
}
` },
        ],
      },
    ],
  },
  // http.request timeout without a destroying handler
  {
    code: `
import * as http from 'node:http';
export function ping() {
  const req = http.request({ host: 'example.com', timeout: 5000 }, (res) => res.resume());
  req.end();
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 51, endLine: 4, endColumn: 64,
        data: { reason: 'node:http `timeout` only emits a \'timeout\' event and never ends the request, and nothing here destroys it; add a `\'timeout\'` handler that calls `req.destroy()`, or pass `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // req.setTimeout without a destroying callback
  {
    code: `
import http from 'http';
export function ping(url: string) {
  const req = http.get(url, (res) => res.resume());
  req.setTimeout(5000);
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 5, column: 3, endLine: 5, endColumn: 23,
        data: { reason: 'node:http `setTimeout()` only emits a \'timeout\' event and never ends the request, and nothing here destroys it; add a `\'timeout\'` handler that calls `req.destroy()`, or pass `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // http.request(url, opts, cb): the options are the second argument
  {
    code: `
import * as https from 'node:https';
export function ping(url: string) {
  const req = https.request(url, { method: 'POST' }, (res) => res.resume());
  req.end();
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 15, endLine: 4, endColumn: 28,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as https from 'node:https';
export function ping(url: string) {
  const req = https.request(url, { method: 'POST', signal: AbortSignal.timeout(10000) }, (res) => res.resume());
  req.end();
}
` },
        ],
      },
    ],
  },
  // http.get(url, cb): the options argument is inserted before the callback
  {
    code: `
import * as https from 'node:https';
export function ping(url: string) {
  https.get(url, (res) => res.resume());
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 3, endLine: 4, endColumn: 12,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as https from 'node:https';
export function ping(url: string) {
  https.get(url, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());
}
` },
        ],
      },
    ],
  },
  // const { request } = require('https')
  {
    code: `
const { request } = require('https');
export function ping() {
  const req = request({ host: 'example.com' });
  req.end();
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 15, endLine: 4, endColumn: 22,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const { request } = require('https');
export function ping() {
  const req = request({ host: 'example.com', signal: AbortSignal.timeout(10000) });
  req.end();
}
` },
        ],
      },
    ],
  },
  // renamed named import from node:https
  {
    code: `
import { get as httpsGet } from 'node:https';
export function ping(url: string) {
  httpsGet(url, (res) => res.resume());
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 3, endLine: 4, endColumn: 11,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { get as httpsGet } from 'node:https';
export function ping(url: string) {
  httpsGet(url, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());
}
` },
        ],
      },
    ],
  },
  // net.connect timeout without a destroying handler
  {
    code: `
import * as net from 'node:net';
export function open() {
  const socket = net.connect({ host: 'example.com', port: 6379, timeout: 1000 });
  socket.write('PING');
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 65, endLine: 4, endColumn: 78,
        data: { reason: 'node:net `timeout` only emits a \'timeout\' event and never closes the socket, and nothing here destroys it; call `socket.destroy()` from a \'timeout\' handler.' },
        suggestions: [],
      },
    ],
  },
  // either branch of a conditional flows to the same socket; piping into it sets no timeout (localtunnel, bench/accuracy)
  {
    code: `
import * as net from 'node:net';
import * as tls from 'node:tls';
export function open(secure: boolean, host: string, port: number, source: NodeJS.ReadableStream) {
  const local = secure ? tls.connect({ host, port }) : net.connect({ host, port });
  local.once('connect', () => source.pipe(local));
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 5, column: 26, endLine: 5, endColumn: 37,
        data: { client: 'node:net', what: 'call', remedy: 'a `timeout` with a \'timeout\' handler that destroys the socket' },
        suggestions: [],
      },
      {
        messageId: 'missingTimeout', line: 5, column: 56, endLine: 5, endColumn: 67,
        data: { client: 'node:net', what: 'call', remedy: 'a `timeout` with a \'timeout\' handler that destroys the socket' },
        suggestions: [],
      },
    ],
  },
  // net.createConnection without timeout
  {
    code: `
import net from 'node:net';
export function open() {
  const socket = net.createConnection({ host: 'example.com', port: 6379 });
  socket.write('PING');
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 18, endLine: 4, endColumn: 38,
        data: { client: 'node:net', what: 'call', remedy: 'a `timeout` with a \'timeout\' handler that destroys the socket' },
        suggestions: [],
      },
    ],
  },

  // ── gRPC, AWS, databases, sockets, SDKs ──
  // gRPC client from loadPackageDefinition: unary call without deadline
  {
    code: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, (err: unknown, user: unknown) => console.log(err, user));
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 7, column: 3, endLine: 7, endColumn: 16,
        data: { client: 'gRPC', what: 'call', remedy: 'a `deadline` call option' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, { deadline: Date.now() + 10000 }, (err: unknown, user: unknown) => console.log(err, user));
}
` },
        ],
      },
    ],
  },
  // gRPC call with metadata: options go after it
  {
    code: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, new grpc.Metadata(), (err: unknown, user: unknown) => console.log(err, user));
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 7, column: 3, endLine: 7, endColumn: 16,
        data: { client: 'gRPC', what: 'call', remedy: 'a `deadline` call option' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, new grpc.Metadata(), { deadline: Date.now() + 10000 }, (err: unknown, user: unknown) => console.log(err, user));
}
` },
        ],
      },
    ],
  },
  // gRPC deadline Infinity
  {
    code: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, { deadline: Infinity }, (err: unknown, user: unknown) => console.log(err, user));
}
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 7, column: 27, endLine: 7, endColumn: 45,
        data: { option: 'deadline', client: 'gRPC', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // AWS SDK v3 client without a request handler timeout
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({});
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 23, endLine: 3, endColumn: 31,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });
` },
        ],
      },
    ],
  },
  // AWS SDK v3 client without any config
  {
    code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export const db = new DynamoDBClient();
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 23, endLine: 3, endColumn: 37,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export const db = new DynamoDBClient({ requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });
` },
        ],
      },
    ],
  },
  // a request handler of the user's own without a timeout: the key is there, so no suggestion drops the handler
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
const requestHandler = new NodeHttpHandler({ httpsAgent: { maxSockets: 50 } });
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 5, column: 23, endLine: 5, endColumn: 31,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [],
      },
    ],
  },
  // a request handler written at the call without a timeout: the suggestion writes into its options, keeping the agent
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ httpsAgent: { maxSockets: 50 } }) });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 23, endLine: 4, endColumn: 31,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ httpsAgent: { maxSockets: 50 }, requestTimeout: 10000, throwOnRequestTimeout: true }) });
` },
        ],
      },
    ],
  },
  // the handler built by a function of the file, every return without a timeout
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
function handlerFor(secure: boolean): NodeHttpHandler {
  if (!secure) return new NodeHttpHandler({ httpsAgent: { maxSockets: 50 } });
  return new NodeHttpHandler({ httpAgent: { maxSockets: 50 } });
}
export const s3 = new S3Client({ requestHandler: handlerFor(true) });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 8, column: 23, endLine: 8, endColumn: 31,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [],
      },
    ],
  },
  // options made by a method of the class: read in the object it returns
  {
    code: `
import axios from 'axios';
export class Api {
  private config() {
    return { headers: { accept: 'application/json' } };
  }
  load(url: string) {
    return axios.get(url, this.config());
  }
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 8, column: 12, endLine: 8, endColumn: 21,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export class Api {
  private config() {
    return { headers: { accept: 'application/json' } };
  }
  load(url: string) {
    return axios.get(url, { ...this.config(), timeout: 10000 });
  }
}
` },
        ],
      },
    ],
  },
  // requestTimeout without throwOnRequestTimeout only warns
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler: { requestTimeout: 5000 } });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 73, endLine: 3, endColumn: 93,
        data: { reason: 'with @smithy/node-http-handler 4, `requestTimeout` only logs a warning unless `throwOnRequestTimeout: true` is set, so the call still waits; add `throwOnRequestTimeout: true`.' },
        suggestions: [
          { messageId: 'addCompanion', data: { text: 'throwOnRequestTimeout: true' }, output: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler: { requestTimeout: 5000, throwOnRequestTimeout: true } });
` },
        ],
      },
    ],
  },
  // NodeHttpHandler requestTimeout alone
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ requestTimeout: 5000 }) });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 72, endLine: 4, endColumn: 92,
        data: { reason: 'with @smithy/node-http-handler 4, `requestTimeout` only logs a warning unless `throwOnRequestTimeout: true` is set, so the call still waits; add `throwOnRequestTimeout: true`.' },
        suggestions: [
          { messageId: 'addCompanion', data: { text: 'throwOnRequestTimeout: true' }, output: `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ requestTimeout: 5000, throwOnRequestTimeout: true }) });
` },
        ],
      },
    ],
  },
  // a DynamoDB document client wraps the client: only the wrapped one is reported
  {
    code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const client = new DynamoDBClient({});
export const doc = DynamoDBDocumentClient.from(client);
export const wrapped = new DynamoDBDocumentClient(client);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 20, endLine: 4, endColumn: 34,
        data: { client: 'AWS SDK v3', what: 'client', remedy: '`requestHandler: { requestTimeout, throwOnRequestTimeout: true }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const client = new DynamoDBClient({ requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });
export const doc = DynamoDBDocumentClient.from(client);
export const wrapped = new DynamoDBDocumentClient(client);
` },
        ],
      },
    ],
  },
  // pg Pool without connectionTimeoutMillis
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool({ max: 10 });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 25, endLine: 3, endColumn: 29,
        data: { client: 'pg', what: 'client', remedy: '`connectionTimeoutMillis`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { Pool } from 'pg';
export const pool = new Pool({ max: 10, connectionTimeoutMillis: 10000 });
` },
        ],
      },
    ],
  },
  // pg Client via default import
  {
    code: `
import pg from 'pg';
export const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 27, endLine: 3, endColumn: 36,
        data: { client: 'pg', what: 'client', remedy: '`connectionTimeoutMillis`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import pg from 'pg';
export const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 10000 });
` },
        ],
      },
    ],
  },
  // pg connectionTimeoutMillis 0
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 32, endLine: 3, endColumn: 58,
        data: { option: 'connectionTimeoutMillis', client: 'pg', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // new Pool without parentheses
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool;
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 25, endLine: 3, endColumn: 29,
        data: { client: 'pg', what: 'client', remedy: '`connectionTimeoutMillis`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 10000 });
` },
        ],
      },
    ],
  },
  // ws WebSocket without handshakeTimeout
  {
    code: `
import WebSocket from 'ws';
export const socket = new WebSocket('wss://example.com/feed');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 27, endLine: 3, endColumn: 36,
        data: { client: 'ws', what: 'client', remedy: '`handshakeTimeout`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import WebSocket from 'ws';
export const socket = new WebSocket('wss://example.com/feed', { handshakeTimeout: 10000 });
` },
        ],
      },
    ],
  },
  // ws with protocols: options are the third argument
  {
    code: `
import WebSocket from 'ws';
export const socket = new WebSocket('wss://example.com/feed', ['v1']);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 27, endLine: 3, endColumn: 36,
        data: { client: 'ws', what: 'client', remedy: '`handshakeTimeout`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import WebSocket from 'ws';
export const socket = new WebSocket('wss://example.com/feed', ['v1'], { handshakeTimeout: 10000 });
` },
        ],
      },
    ],
  },
  // Octokit without a request fetch or signal
  {
    code: `
import { Octokit } from '@octokit/rest';
export const octokit = new Octokit({ auth: 'token' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 28, endLine: 3, endColumn: 35,
        data: { client: 'Octokit', what: 'client', remedy: 'a `request.fetch` that sets `signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { Octokit } from '@octokit/rest';
export const octokit = new Octokit({ auth: 'token', request: { fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(10000) }) } });
` },
        ],
      },
    ],
  },
  // Octokit request.timeout is ignored
  {
    code: `
import { Octokit } from '@octokit/rest';
export const octokit = new Octokit({ auth: 'token', request: { timeout: 5000 } });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 64, endLine: 3, endColumn: 77,
        data: { reason: 'Octokit ignores `request.timeout` since @octokit/request 6 (it uses the global fetch), so its calls can still wait forever; pass a `request.fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // Slack WebClient without timeout
  {
    code: `
import { WebClient } from '@slack/web-api';
export const slack = new WebClient(process.env.SLACK_TOKEN);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 26, endLine: 3, endColumn: 35,
        data: { client: 'Slack Web API', what: 'client', remedy: '`timeout` (ms)' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { WebClient } from '@slack/web-api';
export const slack = new WebClient(process.env.SLACK_TOKEN, { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // GraphQLClient without a signal or fetch
  {
    code: `
import { GraphQLClient } from 'graphql-request';
export const gql = new GraphQLClient('https://example.com/graphql');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 24, endLine: 3, endColumn: 37,
        data: { client: 'graphql-request', what: 'client', remedy: 'a `fetch` that sets `signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { GraphQLClient } from 'graphql-request';
export const gql = new GraphQLClient('https://example.com/graphql', { fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(10000) }) });
` },
        ],
      },
    ],
  },
  // GraphQLClient timeout is ignored
  {
    code: `
import { GraphQLClient } from 'graphql-request';
export const gql = new GraphQLClient('https://example.com/graphql', { timeout: 5000 });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 71, endLine: 3, endColumn: 84,
        data: { reason: 'graphql-request ignores a `timeout` option, so its requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // Apollo HttpLink without fetch
  {
    code: `
import { HttpLink } from '@apollo/client';
export const link = new HttpLink({ uri: 'https://example.com/graphql' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 25, endLine: 3, endColumn: 33,
        data: { client: 'Apollo HttpLink', what: 'client', remedy: 'a `fetch` that sets `signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { HttpLink } from '@apollo/client';
export const link = new HttpLink({ uri: 'https://example.com/graphql', fetch: (uri: string | URL | Request, init?: RequestInit) => fetch(uri, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(10000)]) : AbortSignal.timeout(10000) }) });
` },
        ],
      },
    ],
  },
  // Apollo fetchOptions.timeout is ignored
  {
    code: `
import { HttpLink } from '@apollo/client';
export const link = new HttpLink({ uri: 'https://example.com/graphql', fetchOptions: { timeout: 5000 } });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 88, endLine: 3, endColumn: 101,
        data: { reason: 'fetch ignores `fetchOptions.timeout`, so Apollo requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // Apollo fetchOptions with a signal created once (open-tacos#1430)
  {
    code: `
import { HttpLink } from '@apollo/client';
export const link = new HttpLink({ uri: 'https://example.com/graphql', fetchOptions: { signal: AbortSignal.timeout(5000) } });
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 3, column: 96, endLine: 3, endColumn: 121,
        suggestions: [],
      },
    ],
  },
  // OpenAI's 10 min default exceeds maxDefaultMs
  {
    code: `
import OpenAI from 'openai';
export const openai = new OpenAI();
`,
    options: [{ maxDefaultMs: 60000 }],
    errors: [
      {
        messageId: 'longDefaultTimeout', line: 3, column: 27, endLine: 3, endColumn: 33,
        data: { client: 'OpenAI', defaultSeconds: 600, maxSeconds: 60, remedy: '`timeout` (ms)' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import OpenAI from 'openai';
export const openai = new OpenAI({ timeout: 10000 });
` },
        ],
      },
    ],
  },
  // Stripe 80 s exceeds maxDefaultMs
  {
    code: `
import Stripe from 'stripe';
export const stripe = new Stripe('sk_test');
`,
    options: [{ maxDefaultMs: 60000 }],
    errors: [
      {
        messageId: 'longDefaultTimeout', line: 3, column: 27, endLine: 3, endColumn: 33,
        data: { client: 'Stripe', defaultSeconds: 80, maxSeconds: 60, remedy: '`timeout` (ms)' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import Stripe from 'stripe';
export const stripe = new Stripe('sk_test', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // Stripe timeout 0
  {
    code: `
import Stripe from 'stripe';
export const stripe = new Stripe('sk_test', { timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 47, endLine: 3, endColumn: 57,
        data: { option: 'timeout', client: 'Stripe', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // undici request headersTimeout 0
  {
    code: `
import { request } from 'undici';
export const r = request('https://example.com/a', { headersTimeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 53, endLine: 3, endColumn: 70,
        data: { option: 'headersTimeout', client: 'undici request', what: 'call' },
        suggestions: [],
      },
    ],
  },

  // ── shared signals, options ──
  // AbortSignal.timeout at module scope used inside a function
  {
    code: `
const signal = AbortSignal.timeout(5000);
export async function load(url: string) {
  return fetch(url, { signal });
}
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 2, column: 16, endLine: 2, endColumn: 41,
        suggestions: [],
      },
    ],
  },
  // AbortSignal.timeout in a class field
  {
    code: `
export class Api {
  private signal = AbortSignal.timeout(5000);
  load(url: string) {
    return fetch(url, { signal: this.signal });
  }
}
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 3, column: 20, endLine: 3, endColumn: 45,
        suggestions: [],
      },
    ],
  },
  // a signal in axios.create config is shared by every request
  {
    code: `
import axios from 'axios';
export const api = axios.create({ signal: AbortSignal.timeout(5000) });
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 3, column: 43, endLine: 3, endColumn: 68,
        suggestions: [],
      },
    ],
  },
  // checkUnknown reports axios options from a parameter
  {
    code: `
import axios, { type AxiosRequestConfig } from 'axios';
export function get(url: string, opts: AxiosRequestConfig) {
  return axios.get(url, opts);
}
`,
    options: [{ checkUnknown: true }],
    errors: [
      {
        messageId: 'unverifiedTimeout', line: 4, column: 10, endLine: 4, endColumn: 19,
        data: { client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // a user-declared client
  {
    code: `
import { send } from '@acme/http';
export const r = send('orders', {});
`,
    options: [{ clients: [{ module: '@acme/http', export: 'send', optionsArgument: 1, timeoutKeys: ['deadlineMs'] }] }],
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 22,
        data: { client: '@acme/http send', what: 'call', remedy: '`deadlineMs`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { send } from '@acme/http';
export const r = send('orders', { deadlineMs: 10000 });
` },
        ],
      },
    ],
  },

  // ── edge cases ──
  // inline chained instance without a timeout
  {
    code: `
import axios from 'axios';
export const r = axios.create({ baseURL: 'https://example.com' }).get('/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 30,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.create({ baseURL: 'https://example.com', timeout: 10000 }).get('/a');
` },
        ],
      },
    ],
  },
  // optional call on axios
  {
    code: `
import axios from 'axios';
export const r = axios?.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios?.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // a shared disabled config is reported once
  {
    code: `
import axios from 'axios';
const config = { timeout: 0 };
export const a = axios.get('https://example.com/a', config);
export const b = axios.get('https://example.com/b', config);
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // http.request(new URL(...), cb)
  {
    code: `
import * as http from 'node:http';
export function ping() {
  http.request(new URL('http://example.com'), (res) => res.resume()).end();
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 3, endLine: 4, endColumn: 15,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as http from 'node:http';
export function ping() {
  http.request(new URL('http://example.com'), { signal: AbortSignal.timeout(10000) }, (res) => res.resume()).end();
}
` },
        ],
      },
    ],
  },
  // fetch with undefined options
  {
    code: `
export const r = fetch('https://example.com', undefined);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // fetch with options in a variable declared with let and never reassigned
  {
    code: `
let init = { method: 'GET' };
export const r = fetch('https://example.com', init);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
let init = { method: 'GET' };
export const r = fetch('https://example.com', { ...init, signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // got.extend().get inline without timeout
  {
    code: `
import got from 'got';
export async function load() {
  return got.extend({ prefixUrl: 'https://example.com' }).get('a');
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 10, endLine: 4, endColumn: 20,
        data: { client: 'got', what: 'instance', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export async function load() {
  return got.extend({ prefixUrl: 'https://example.com', timeout: { request: 10000 } }).get('a');
}
` },
        ],
      },
    ],
  },
  // axios.get in a tagged callback passed to Promise.all
  {
    code: `
import axios from 'axios';
export async function all(urls: string[]) {
  return Promise.all(urls.map((url) => axios.get(url)));
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 40, endLine: 4, endColumn: 49,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export async function all(urls: string[]) {
  return Promise.all(urls.map((url) => axios.get(url, { timeout: 10000 })));
}
` },
        ],
      },
    ],
  },
  // fetch via globalThis
  {
    code: `
export const r = globalThis.fetch('https://example.com');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 34,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = globalThis.fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // dynamic import of node-fetch
  {
    code: `
export async function load() {
  const { default: fetch } = await import('node-fetch');
  return fetch('https://example.com');
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 10, endLine: 4, endColumn: 15,
        data: { client: 'node-fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export async function load() {
  const { default: fetch } = await import('node-fetch');
  return fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },

  // ── more edge cases ──
  // an exported module-scope AbortSignal.timeout is shared by its importers
  {
    code: `
export const signal = AbortSignal.timeout(5000);
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 2, column: 23, endLine: 2, endColumn: 48,
        suggestions: [],
      },
    ],
  },
  // a superagent request kept in a const and awaited without .timeout()
  {
    code: `
import superagent from 'superagent';
export async function load() {
  const req = superagent.get('https://example.com/a');
  req.set('Accept', 'json');
  return await req;
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 15, endLine: 4, endColumn: 29,
        data: { client: 'superagent', what: 'call', remedy: '`.timeout(ms)` to the request chain' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import superagent from 'superagent';
export async function load() {
  const req = superagent.get('https://example.com/a').timeout(10000);
  req.set('Accept', 'json');
  return await req;
}
` },
        ],
      },
    ],
  },
  // a timeout constant that is 0
  {
    code: `
import axios from 'axios';
const TIMEOUT_MS = 0;
export const r = axios.get('https://example.com/a', { timeout: TIMEOUT_MS });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 4, column: 55, endLine: 4, endColumn: 74,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // http.get with a chained 'timeout' handler that only logs
  {
    code: `
import * as http from 'node:http';
export function ping(url: string) {
  http.get(url, (res) => res.resume()).on('timeout', () => console.log('slow'));
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 3, endLine: 4, endColumn: 11,
        data: { client: 'node:http', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`, or a `timeout` with a \'timeout\' handler that destroys the request' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as http from 'node:http';
export function ping(url: string) {
  http.get(url, { signal: AbortSignal.timeout(10000) }, (res) => res.resume()).on('timeout', () => console.log('slow'));
}
` },
        ],
      },
    ],
  },
  // import axios = require('axios')
  {
    code: `
import axios = require('axios');
export const r = axios.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios = require('axios');
export const r = axios.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios through a namespace import's default
  {
    code: `
import * as ax from 'axios';
export const r = ax.default.get('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 32,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as ax from 'axios';
export const r = ax.default.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // fetch in an arrow function
  {
    code: `
export const load = (url: string) => fetch(url);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 38, endLine: 2, endColumn: 43,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // suggestion keeps a comment inside empty options
  {
    code: `
export const r = fetch('https://example.com', { /* none yet */ });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch('https://example.com', { /* none yet */ signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // fetch with an empty options object
  {
    code: `
export const r = fetch('https://example.com', {});
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // trailing comma in the arguments
  {
    code: `
export const r = fetch(
  'https://example.com',
);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch(
  'https://example.com', { signal: AbortSignal.timeout(10000) }
);
` },
        ],
      },
    ],
  },
  // a module-scope signal exported by name
  {
    code: `
const signal = AbortSignal.timeout(5000);
export { signal };
`,
    errors: [
      {
        messageId: 'sharedTimeoutSignal', line: 2, column: 16, endLine: 2, endColumn: 41,
        suggestions: [],
      },
    ],
  },

  // ── strict keys, defaults ──
  // strict: a pg Pool with a connect timeout but no query timeout
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 5000 });
`,
    options: [{ checkUnknown: true }],
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 25, endLine: 3, endColumn: 29,
        data: { client: 'pg', what: 'query', remedy: '`query_timeout` or `statement_timeout`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionTimeoutMillis: 5000, query_timeout: 10000 });
` },
        ],
      },
    ],
  },
  // a pg Pool with only a query timeout still waits forever for a connection
  {
    code: `
import { Pool } from 'pg';
export const pool = new Pool({ query_timeout: 10000 });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 25, endLine: 3, endColumn: 29,
        data: { client: 'pg', what: 'client', remedy: '`connectionTimeoutMillis`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { Pool } from 'pg';
export const pool = new Pool({ query_timeout: 10000, connectionTimeoutMillis: 10000 });
` },
        ],
      },
    ],
  },
  // ky(url) with timeout false
  {
    code: `
import ky from 'ky';
export const r = ky('https://example.com/a', { timeout: false });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 48, endLine: 3, endColumn: 62,
        data: { option: 'timeout', client: 'ky', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // mysql2 connectTimeout 0
  {
    code: `
import mysql from 'mysql2';
export const db = mysql.createConnection({ host: 'db', connectTimeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 56, endLine: 3, endColumn: 73,
        data: { option: 'connectTimeout', client: 'mysql2', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // gRPC deadline computed from Infinity
  {
    code: `
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto: any = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto'));
const users = new proto.users.Users('localhost:50051', grpc.credentials.createInsecure());
export function find(id: string) {
  users.getUser({ id }, { deadline: Date.now() + Infinity }, () => undefined);
}
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 7, column: 27, endLine: 7, endColumn: 58,
        data: { option: 'deadline', client: 'gRPC', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // pg Client from a destructured require
  {
    code: `
const { Client } = require('pg');
export const client = new Client();
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 27, endLine: 3, endColumn: 33,
        data: { client: 'pg', what: 'client', remedy: '`connectionTimeoutMillis`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const { Client } = require('pg');
export const client = new Client({ connectionTimeoutMillis: 10000 });
` },
        ],
      },
    ],
  },

  // ── more clients, imported instances ──
  // node-redis connectTimeout 0
  {
    code: `
import { createClient } from 'redis';
export const redis = createClient({ socket: { connectTimeout: 0 } });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 47, endLine: 3, endColumn: 64,
        data: { option: 'socket.connectTimeout', client: 'node-redis', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // Apollo createHttpLink without fetch
  {
    code: `
import { createHttpLink } from '@apollo/client';
export const link = createHttpLink({ uri: 'https://example.com/graphql' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 21, endLine: 3, endColumn: 35,
        data: { client: 'Apollo HttpLink', what: 'client', remedy: 'a `fetch` that sets `signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import { createHttpLink } from '@apollo/client';
export const link = createHttpLink({ uri: 'https://example.com/graphql', fetch: (uri: string | URL | Request, init?: RequestInit) => fetch(uri, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(10000)]) : AbortSignal.timeout(10000) }) });
` },
        ],
      },
    ],
  },
  // tls.connect timeout without a destroying handler
  {
    code: `
import * as tls from 'node:tls';
export function open() {
  const socket = tls.connect({ host: 'example.com', port: 443, timeout: 1000 });
  socket.write('PING');
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 64, endLine: 4, endColumn: 77,
        data: { reason: 'node:net `timeout` only emits a \'timeout\' event and never closes the socket, and nothing here destroys it; call `socket.destroy()` from a \'timeout\' handler.' },
        suggestions: [],
      },
    ],
  },
  // got.stream without timeout
  {
    code: `
import got from 'got';
export const stream = got.stream('https://example.com/a');
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 23, endLine: 3, endColumn: 33,
        data: { client: 'got', what: 'call', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export const stream = got.stream('https://example.com/a', { timeout: { request: 10000 } });
` },
        ],
      },
    ],
  },
  // undici request bodyTimeout 0
  {
    code: `
import { request } from 'undici';
export const r = request('https://example.com/a', { bodyTimeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 53, endLine: 3, endColumn: 67,
        data: { option: 'bodyTimeout', client: 'undici request', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // OpenAI timeout 0
  {
    code: `
import OpenAI from 'openai';
export const openai = new OpenAI({ timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 36, endLine: 3, endColumn: 46,
        data: { option: 'timeout', client: 'OpenAI', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // node-fetch from require, options without signal
  {
    code: `
const fetch = require('node-fetch');
export const r = fetch('https://example.com', { method: 'POST' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 23,
        data: { client: 'node-fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
const fetch = require('node-fetch');
export const r = fetch('https://example.com', { method: 'POST', signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // graphql-request timeout next to other options
  {
    code: `
import { GraphQLClient } from 'graphql-request';
export const gql = new GraphQLClient('https://example.com/graphql', { headers: {}, timeout: 5000 });
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 3, column: 84, endLine: 3, endColumn: 97,
        data: { reason: 'graphql-request ignores a `timeout` option, so its requests can still wait forever; pass a `fetch` that adds `signal: AbortSignal.timeout(ms)`.' },
        suggestions: [],
      },
    ],
  },
  // Slack WebClient timeout 0
  {
    code: `
import { WebClient } from '@slack/web-api';
export const slack = new WebClient(process.env.SLACK_TOKEN, { timeout: 0 });
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 3, column: 63, endLine: 3, endColumn: 73,
        data: { option: 'timeout', client: 'Slack Web API', what: 'client' },
        suggestions: [],
      },
    ],
  },
  // axios.postForm: config is the third argument
  {
    code: `
import axios from 'axios';
export const r = axios.postForm('https://example.com/a', { file: 'x' });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 32,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.postForm('https://example.com/a', { file: 'x' }, { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // axios.head with a config lacking timeout
  {
    code: `
import axios from 'axios';
export const r = axios.head('https://example.com/a', { headers: { a: '1' } });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.head('https://example.com/a', { headers: { a: '1' }, timeout: 10000 });
` },
        ],
      },
    ],
  },
  // fetch with null options: the suggestion replaces the placeholder
  {
    code: `
export const r = fetch('https://example.com', null);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch('https://example.com', { signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // axios.post with an undefined config keeps the body
  {
    code: `
import axios from 'axios';
export const r = axios.post('https://example.com/a', { id: 1 }, undefined);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 28,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.post('https://example.com/a', { id: 1 }, { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // timeout: undefined is no timeout; the suggestion sets that key
  {
    code: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeout: undefined });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 18, endLine: 3, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export const r = axios.get('https://example.com/a', { timeout: 10000 });
` },
        ],
      },
    ],
  },
  // signal: null is no signal; the suggestion sets that key
  {
    code: `
export const r = fetch('https://example.com', { method: 'GET', signal: null });
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 2, column: 18, endLine: 2, endColumn: 23,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export const r = fetch('https://example.com', { method: 'GET', signal: AbortSignal.timeout(10000) });
` },
        ],
      },
    ],
  },
  // timeout: undefined in a shared const: the suggestion spreads it rather than editing the const
  {
    code: `
import axios from 'axios';
const config = { timeout: undefined };
export const r = axios.get('https://example.com/a', config);
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 18, endLine: 4, endColumn: 27,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
const config = { timeout: undefined };
export const r = axios.get('https://example.com/a', { ...config, timeout: 10000 });
` },
        ],
      },
    ],
  },
  // http or https chosen by the URL's scheme: one client row serves both modules, so the call is read either way.
  {
    code: `
import http from 'node:http';
import https from 'node:https';
export function upload(url: URL, body: string) {
  const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST' });
  req.end(body);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 5, column: 15, endLine: 5, endColumn: 65,
        data: { client: 'node:http', what: 'call', remedy: "`signal: AbortSignal.timeout(ms)`, or a `timeout` with a 'timeout' handler that destroys the request" },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import http from 'node:http';
import https from 'node:https';
export function upload(url: URL, body: string) {
  const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', signal: AbortSignal.timeout(10000) });
  req.end(body);
}
` },
        ],
      },
    ],
  },
];

/** Syntax and scope only: where types would decide, the rule stays silent or keeps the syntactic verdict. */
export const untypedValidCases: Valid[] = [
  // ── type-only decisions ──
  // without types a parameter is not known to be axios
  `
import type { AxiosStatic } from 'axios';
export function f(http: AxiosStatic, u: string) {
  return http.get(u, { timeout: 0 });
}
`,
  // without types axios(target) can't tell a URL from a config
  `
import axios from 'axios';
export function load(target: string) {
  return axios(target);
}
`,

  // ── more clients, imported instances ──
  // without types an imported instance is out of sight
  {
    code: `
import { api } from './api';

export async function listOrders() {
  return api.get('/orders', { timeout: 0 });
}
`,
    filename: 'project/plain/orders.ts',
  },
];


export const untypedInvalidCases: Invalid[] = [
  // ── across files ──
  // without types, another file's axios.defaults is out of sight
  {
    code: `
import axios from 'axios';
import { api } from './api';

export async function listUsers() {
  return axios.get('https://users.internal/users');
}

export async function getUser(id: string) {
  return api.get(\`/users/\${id}\`);
}
`,
    filename: 'project/defaults/users.ts',
    errors: [
      {
        messageId: 'missingTimeout', line: 6, column: 10, endLine: 6, endColumn: 19,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
import { api } from './api';

export async function listUsers() {
  return axios.get('https://users.internal/users', { timeout: 10000 });
}

export async function getUser(id: string) {
  return api.get(\`/users/\${id}\`);
}
` },
        ],
      },
    ],
  },
];

/** What only type information can decide (projectService over test/fixtures). */
export const typedValidCases: Valid[] = [
  // ── type-only decisions ──
  // a parameter typed AxiosInstance without timeout: its instance may be configured
  `
import type { AxiosInstance } from 'axios';
export function f(http: AxiosInstance, u: string) {
  return http.get(u);
}
`,
  // a grpc.Client subclass called with a deadline
  `
import * as grpc from '@grpc/grpc-js';
export class UsersClient extends grpc.Client {
  getUser(request: object, options: grpc.CallOptions, callback: (error: Error | null, user?: object) => void): void {
    void request; void options; void callback;
  }
}
export function find(users: UsersClient) {
  users.getUser({ id: 1 }, { deadline: Date.now() + 1000 }, () => undefined);
}
`,
  // an options variable whose type requires signal
  `
interface BoundedInit extends RequestInit {
  signal: AbortSignal;
}
export function load(url: string, init: BoundedInit) {
  return fetch(url, init);
}
`,
  // an options variable whose type requires timeout
  `
import axios from 'axios';
interface Bounded {
  timeout: number;
  baseURL?: string;
}
export function load(url: string, config: Bounded) {
  return axios.get(url, config);
}
`,
  // a required signal in the type settles it even in checkUnknown
  {
    code: `
interface BoundedInit extends RequestInit {
  signal: AbortSignal;
}
export function load(url: string, init: BoundedInit) {
  return fetch(url, init);
}
`,
    options: [{ checkUnknown: true }],
  },
  // fetch(req) where req is typed Request carries its own signal
  `
export function load(input: Request) {
  return fetch(input);
}
`,
  // a user fetch is not the global even with types
  `
declare function fetch(u: string): number;
export const n = fetch('x');
`,

  // ── across files ──
  // axios.defaults.timeout written in another file of the program counts
  {
    code: `
import axios from 'axios';
import { api } from './api';

export async function listUsers() {
  return axios.get('https://users.internal/users');
}

export async function getUser(id: string) {
  return api.get(\`/users/\${id}\`);
}
`,
    filename: 'project/defaults/users.ts',
  },
  // an exported instance whose defaults.timeout is written in another file
  {
    code: `
import axios from 'axios';

export const api = axios.create({ baseURL: 'https://users.internal' });
`,
    filename: 'project/defaults/api.ts',
  },

  // ── strict keys, defaults ──
  // fetch(input) where input may be a Request
  `
export function load(input: string | Request) {
  return fetch(input);
}
`,
  // an intersection type that requires signal
  `
export function load(url: URL, init: RequestInit & { signal: AbortSignal }) {
  return fetch(url, init);
}
`,
];


export const typedInvalidCases: Invalid[] = [
  // ── type-only decisions ──
  // a parameter typed AxiosStatic
  {
    code: `
import type { AxiosStatic } from 'axios';
export function f(http: AxiosStatic, u: string) {
  return http.get(u, { timeout: 0 });
}
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 4, column: 24, endLine: 4, endColumn: 34,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // a parameter typed AxiosInstance with a misspelled key
  {
    code: `
import type { AxiosInstance } from 'axios';
export function f(http: AxiosInstance, u: string) {
  return http.post(u, {}, { timeOut: 5000 } as object);
}
`,
    errors: [
      {
        messageId: 'ineffectiveTimeout', line: 4, column: 29, endLine: 4, endColumn: 42,
        data: { reason: 'axios has no `timeOut` option, so this does not bound the call and it can still wait forever; spell it `timeout`.' },
        suggestions: [],
      },
    ],
  },
  // a class extending grpc.Client: its methods need a deadline
  {
    code: `
import * as grpc from '@grpc/grpc-js';
export class UsersClient extends grpc.Client {
  getUser(request: object, options: grpc.CallOptions, callback: (error: Error | null, user?: object) => void): void {
    void request; void options; void callback;
  }
}
export function find(users: UsersClient) {
  users.getUser({ id: 1 }, {}, () => undefined);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 9, column: 3, endLine: 9, endColumn: 16,
        data: { client: 'gRPC', what: 'call', remedy: 'a `deadline` call option' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import * as grpc from '@grpc/grpc-js';
export class UsersClient extends grpc.Client {
  getUser(request: object, options: grpc.CallOptions, callback: (error: Error | null, user?: object) => void): void {
    void request; void options; void callback;
  }
}
export function find(users: UsersClient) {
  users.getUser({ id: 1 }, { deadline: Date.now() + 10000 }, () => undefined);
}
` },
        ],
      },
    ],
  },
  // an options type where signal is optional stays unknown
  {
    code: `
export function load(url: string, init: RequestInit) {
  return fetch(url, init);
}
`,
    options: [{ checkUnknown: true }],
    errors: [
      {
        messageId: 'unverifiedTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // a string-typed parameter is the URL of axios(url)
  {
    code: `
import axios from 'axios';
export function load(target: string) {
  return axios(target);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 10, endLine: 4, endColumn: 15,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';
export function load(target: string) {
  return axios(target, { timeout: 10000 });
}
` },
        ],
      },
    ],
  },
  // a string-typed parameter is the URL of got(url)
  {
    code: `
import got from 'got';
export function load(target: string) {
  return got(target);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 10, endLine: 4, endColumn: 13,
        data: { client: 'got', what: 'call', remedy: '`timeout: { request: ms }`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import got from 'got';
export function load(target: string) {
  return got(target, { timeout: { request: 10000 } });
}
` },
        ],
      },
    ],
  },
  // fetch(input) where input is typed string
  {
    code: `
export function load(input: string) {
  return fetch(input);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export function load(input: string) {
  return fetch(input, { signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },

  // ── across files ──
  // a program where nothing configures axios
  {
    code: `
import axios from 'axios';

export async function listUsers() {
  return axios.get('https://users.internal/users');
}
`,
    filename: 'project/plain/users.ts',
    errors: [
      {
        messageId: 'missingTimeout', line: 5, column: 10, endLine: 5, endColumn: 19,
        data: { client: 'axios', what: 'call', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';

export async function listUsers() {
  return axios.get('https://users.internal/users', { timeout: 10000 });
}
` },
        ],
      },
    ],
  },
  // an exported instance nobody configures
  {
    code: `
import axios from 'axios';

export const api = axios.create({ baseURL: 'https://users.internal' });
`,
    filename: 'project/plain/api.ts',
    errors: [
      {
        messageId: 'missingTimeout', line: 4, column: 20, endLine: 4, endColumn: 32,
        data: { client: 'axios', what: 'instance', remedy: '`timeout` (ms) or `signal`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
import axios from 'axios';

export const api = axios.create({ baseURL: 'https://users.internal', timeout: 10000 });
` },
        ],
      },
    ],
  },

  // ── more edge cases ──
  // an injected constructor parameter typed AxiosInstance
  {
    code: `
import type { AxiosInstance } from 'axios';
export class Users {
  constructor(private readonly http: AxiosInstance) {}
  list() {
    return this.http.get('/users', { timeout: 0 });
  }
}
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 6, column: 38, endLine: 6, endColumn: 48,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },

  // ── strict keys, defaults ──
  // fetch(url) where url is typed URL
  {
    code: `
export function load(url: URL) {
  return fetch(url);
}
`,
    errors: [
      {
        messageId: 'missingTimeout', line: 3, column: 10, endLine: 3, endColumn: 15,
        data: { client: 'fetch', what: 'call', remedy: '`signal: AbortSignal.timeout(ms)`' },
        suggestions: [
          { messageId: 'addTimeout', data: { seconds: '10' }, output: `
export function load(url: URL) {
  return fetch(url, { signal: AbortSignal.timeout(10000) });
}
` },
        ],
      },
    ],
  },

  // ── more clients, imported instances ──
  // an instance imported from another file, known by its type
  {
    code: `
import { api } from './api';

export async function listOrders() {
  return api.get('/orders', { timeout: 0 });
}
`,
    filename: 'project/plain/orders.ts',
    errors: [
      {
        messageId: 'disabledTimeout', line: 5, column: 31, endLine: 5, endColumn: 41,
        data: { option: 'timeout', client: 'axios', what: 'call' },
        suggestions: [],
      },
    ],
  },
  // a receiver typed Got
  {
    code: `
import type { Got } from 'got';
export function load(client: Got, url: string) {
  return client.get(url, { timeout: { request: 0 } });
}
`,
    errors: [
      {
        messageId: 'disabledTimeout', line: 4, column: 28, endLine: 4, endColumn: 51,
        data: { option: 'timeout', client: 'got', what: 'call' },
        suggestions: [],
      },
    ],
  },
];

untypedTester.run('require-timeout', rule, { valid: validCases, invalid: invalidCases });
typedTester.run('require-timeout (typed, same verdicts)', rule, { valid: validCases, invalid: invalidCases });
untypedTester.run('require-timeout (untyped only)', rule, { valid: untypedValidCases, invalid: untypedInvalidCases });
typedTester.run('require-timeout (typed only)', rule, { valid: typedValidCases, invalid: typedInvalidCases });
