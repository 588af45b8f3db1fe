import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unsafe-retry';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, typedTester, untypedTester } from '../rule-tester';
import { namedStatusInterceptor, nestedStatusLoop, offlineQueue, REFUSAL_CASES, slugLoop, vendorResend } from './retry-refusal-cases';
import { REPEATABLE_TOKEN_GRANT } from '../../rules/knowledge/retries';

/** A case that lints a fixture file as it is on disk, where the typed program reads it with its neighbours. */
function onDisk(filename: string): { filename: string; code: string } {
  return { filename, code: fs.readFileSync(path.join(FIXTURES, filename), 'utf8') };
}

/** An invalid case reported once, at one place (line, first and last column), whose one suggestion gives `output`. */
function suggestsKey(code: string, [line, column, endColumn]: [number, number, number], output: string): InvalidTestCase<MessageIds, Options> {
  return { code, errors: [{ messageId: 'unsafeRetry', line, column, endLine: line, endColumn, suggestions: [{ messageId: 'addIdempotencyKey', output }] }] };
}

/** An unsafeRetry with no suggestion at `[line, column, endColumn]`, whose message says `data`. */
function reportedWith(code: string, [line, column, endColumn]: [number, number, number], data: Record<string, string>): InvalidTestCase<MessageIds, Options> {
  return { code, errors: [{ messageId: 'unsafeRetry', line, column, endLine: line, endColumn, suggestions: [], data }] };
}

/**
 * What the addIdempotencyKey suggestion makes of `code` when it makes the key before a loop: the import
 * above the line starting `importAbove`, the key above `loopStart`, and the header where the request's
 * options end (`optionsEnd`, ending in ` }`).
 */
function keyedBeforeLoop(code: string, importAbove: string, loopStart: string, optionsEnd: string): string {
  return code
    .replace(`\n${importAbove}`, `\nimport { randomUUID } from 'node:crypto';\n${importAbove}`)
    .replace(loopStart, `  const idempotencyKey = randomUUID();\n${loopStart}`)
    .replace(optionsEnd, `${optionsEnd.slice(0, -2)}, headers: { 'Idempotency-Key': idempotencyKey } }`);
}

/** A client whose headers the file composes (a merge helper, the instance's own), with a comment of the caller's. */
const composedHeadersClient = (comment = ''): string => `
export class Redis {
  private headers: Record<string, string>;
  constructor(token: string, extra: Record<string, string> = {}) {${comment}
    this.headers = { 'Content-Type': 'application/json', authorization: token, ...extra };
  }
  async request(req: { path: string[]; body: unknown; headers?: Record<string, string> }) {
    const requestOptions = { method: 'POST', headers: mergeHeaders(this.headers, req.headers ?? {}), body: JSON.stringify(req.body) };
    let error: unknown;
    for (let i = 0; i <= 3; i++) {
      try {
        return await fetch(['https://redis.example.com', ...req.path].join('/'), requestOptions);
      } catch (e) {
        error = e;
        await new Promise((r) => setTimeout(r, 50 * 2 ** i));
      }
    }
    throw error;
  }
}
function mergeHeaders(...all: Array<Record<string, string>>) {
  return Object.assign({}, ...all);
}
`;

/** A token request a retried method hands to a same-file wrapper, with the grant of the caller's choice. */
/**
 * A token helper that answers from its cache first, called at the top of each round of a GET retry;
 * `onFailure` is what the retry's catch does before it waits (emptying the cache, or nothing).
 */
const cachedTokenClient = (onFailure: string): string => `
let cachedToken: { value: string; expiresAt: number } | null = null;
async function accessToken(): Promise<string | null> {
  const clientId = process.env.READER_CLIENT_ID;
  if (!clientId) return null;
  if (cachedToken && cachedToken.expiresAt > Date.now() + 60_000) return cachedToken.value;
  try {
    const res = await fetch('https://api.example.com/v1/sessions', {
      method: 'POST',
      body: JSON.stringify({ device: 'reader' }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) return null;
    const json = await res.json();
    cachedToken = { value: json.access_token, expiresAt: Date.now() + 3600_000 };
    return cachedToken.value;
  } catch {
    cachedToken = null;
    return null;
  }
}
export async function api(path: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = await accessToken();
    if (!token) return null;
    try {
      const res = await fetch(\`https://api.example.com\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } });
      if (res.status === 401) { cachedToken = null; continue; }
      if (res.status === 429 || res.status >= 500) { await new Promise((r) => setTimeout(r, 2000)); continue; }
      return await res.json();
    } catch {
${onFailure}      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  return null;
}
`;

const cameraAuth = (grant: string): string => `
export class CameraAuth {
  private refreshToken = '';
  private async authFetch(step: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw Object.assign(new Error(\`network error during \${step}\`), { status: 0 });
    }
  }
  async refreshTokens(): Promise<void> {
    const body = new URLSearchParams({ ${grant}, client_id: 'ios' });
    for (let attempt = 0; attempt <= 2; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
      try {
        const response = await this.authFetch('token refresh', 'https://api.example.com/oauth/token', { method: 'POST', body: body.toString() });
        await response.json();
        return;
      } catch (error) {
        if ((error as { status?: number }).status !== 0 || attempt === 2) throw error;
      }
    }
  }
}
`;

/**
 * A POST to an address a deployment may override, \`process.env.LLM_URL || fallback\`, in a counted loop; \`keyed\`
 * is the suggestion's output (a key made once before the loop and sent).
 */
const envEndpoint = (fallback: string, keyed = false): string => `
${keyed ? "import { randomUUID } from 'node:crypto';\n" : ''}export async function complete(prompt: string) {
  const endpoint = process.env.LLM_URL || '${fallback}';
${keyed ? '  const idempotencyKey = randomUUID();\n' : ''}  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(endpoint, { method: 'POST', body: JSON.stringify({ prompt }), signal: AbortSignal.timeout(30_000)${keyed ? ", headers: { 'Idempotency-Key': idempotencyKey }" : ''} });
      return await res.json();
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`;

/** A NestJS client whose retrying wrapper sends the method its callers name, through \`HttpService.request(config)\` (claims-manager). */
const nestLedger = (callers: string): string => `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class LedgerClient {
  constructor(private readonly httpService: HttpService) {}
  private async request(options: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<unknown> {
    const res = await firstValueFrom(this.httpService.request({ method: options.method, url: \`https://ledger.example.com\${options.path}\`, data: options.body, timeout: 10_000 }));
    return res.data;
  }
  private async requestWithRetry(options: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request(options);
      } catch (error) {
        const status = (error as { response?: { status?: number } }).response?.status;
        if (status && status >= 500 && attempt < 3) {
          await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 1000));
          continue;
        }
        throw error;
      }
    }
  }
${callers}}
`;

/**
 * A document upload through \`XMLHttpRequest\`, retried with a key made once before the loop; \`header\` is what
 * the request does with it (legal-debate-mvp's document upload).
 */
const xhrUpload = (method: string, header: string): string => `
function uploadOnce(file: Blob, key: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.addEventListener('load', () => (xhr.status < 300 ? resolve(xhr.responseText) : reject(new Error(String(xhr.status)))));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.timeout = 30_000;
    xhr.open('${method}', '/api/documents');
${header}    xhr.send(file);
  });
}
export async function upload(file: Blob): Promise<string> {
  const key = crypto.randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await uploadOnce(file, key);
    } catch (err) {
      if (attempt === 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`;

/** A Modrinth client whose retrying wrapper spreads the config its callers hand in (MCSManager's mod manager). */
const modrinthIndex = (path: string): string => `
import axios from 'axios';
export class ModIndex {
  private readonly baseUrl = 'https://api.modrinth.com/v2';
  private async requestWithRetry(config: Record<string, unknown>, retries = 2): Promise<any> {
    try {
      return await axios({ ...config, timeout: 5000 });
    } catch (err: any) {
      if (retries > 0 && !err.response) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return this.requestWithRetry(config, retries - 1);
      }
      throw err;
    }
  }
  async versions(hashes: string[]) {
    return (await this.requestWithRetry({ method: 'POST', url: \`\${this.baseUrl}${path}\`, data: { hashes, algorithm: 'sha1' } })).data;
  }
}
`;

/** A client whose retrying \`send(endpoint)\` posts to its base URL and the path a caller names; \`keyed\`: the suggestion's output. */
const pathClient = (path: string, keyed = false): string => `
import axios from 'axios';
${keyed ? "import { randomUUID } from 'node:crypto';\n" : ''}export class Client {
  config = { baseURL: 'https://api.perplexity.ai' };
  async ask(payload: object) {
    return this.send('${path}', payload);
  }
  async send(endpoint: string, data: object) {
${keyed ? '    const idempotencyKey = randomUUID();\n' : ''}    for (let attempt = 0; attempt <= 3; attempt++) {
      try {
        return (await axios.post(\`\${this.config.baseURL}\${endpoint}\`, data, { timeout: 30_000${keyed ? ", headers: { 'Idempotency-Key': idempotencyKey }" : ''} })).data;
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 1000));
      }
    }
  }
}
`;

/**
 * A search created through a client a factory of the file makes (`function makeClient(baseURL) { return
 * axios.create(…) }`), in a loop that goes round after any failure (spotify-to-plex's slskd client);
 * `method` is the client's verb helper, `headers` what the call is given after the body.
 */
const factoryClient = (method: string, headers = ''): string => `
import axios from 'axios';${headers ? "\nimport { randomUUID } from 'node:crypto';" : ''}

function makeClient(baseURL: string) {
  return axios.create({ baseURL, timeout: 30_000 });
}

export async function startSearch(baseURL: string, text: string): Promise<string> {${headers ? '\n  const idempotencyKey = randomUUID();' : ''}
  for (let attempt = 0; ; attempt++) {
    try {
      const client = makeClient(baseURL);
      const res = await client.${method}('/api/v0/searches', { searchText: text }${headers});
      return res.data.id as string;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`;

/**
 * An import POSTed by a helper of the file whose catch does `onFailure`, retried by the file's retry helper,
 * which goes round when the attempt throws (atlas-fitness-onboarding's migration harness).
 */
const swallowingImport = (onFailure: string): string => `
async function sendBatch(path: string) {
  try {
    const response = await fetch(\`https://api.example.com\${path}\`, { method: 'POST', body: 'a,b', signal: AbortSignal.timeout(5000) });
    const result = await response.json();
    return { ok: Boolean(result.ok), status: response.status };
  } catch (error) {
    ${onFailure}
  }
}

async function withRetry<T>(fn: () => Promise<T>, maxRetries = 3): Promise<T | undefined> {
  for (let i = 0; i < maxRetries; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i === maxRetries - 1) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** i));
    }
  }
  return undefined;
}

export async function run() {
  return withRetry(() => sendBatch('/imports/attendance'));
}
`;

/**
 * A sign-in code e-mailed through Resend, sent again after a failure, which Resend returns as `{ error }`
 * (ai-fitness-solution-app's code route); `options` is what the send is given after the payload.
 */
const resendCode = (options = '', keyed = false): string => `
import { Resend } from 'resend';${keyed ? "\nimport { randomUUID } from 'node:crypto';" : ''}

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendCode(to: string, code: string) {${keyed ? '\n  const idempotencyKey = randomUUID();' : ''}
  for (let i = 0; i < 3; i++) {
    const { error } = await resend.emails.send({ from: 'no-reply@example.com', to, subject: 'Your code', text: code }${options});
    if (!error) return;
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** i));
  }
  throw new Error('could not send the code');
}
`;

/**
 * An item created in a loop that goes round when the status is one of `listed` (filaops' API client, where a
 * request that never answered becomes status 0).
 */
const listedStatusRetry = (listed: string): string => `
export async function createItem(json: unknown) {
  let attempt = 0;
  while (true) {
    const res = await fetch('https://erp.example.com/api/v1/items', { method: 'POST', body: JSON.stringify(json), signal: AbortSignal.timeout(10_000) })
      .catch(() => ({ ok: false, status: 0, json: async () => null }));
    if (res.ok) return res.json();
    const transient = [${listed}].includes(res.status);
    if (transient && attempt < 2) {
      await new Promise((resolve) => setTimeout(resolve, 2000 * (attempt + 1)));
      attempt++;
      continue;
    }
    throw new Error(\`HTTP \${res.status}\`);
  }
}
`;

/**
 * An incident e-mail sent through SES in a loop that goes round after any failure: `client` makes the
 * client and `send` is the call (LambStatus' mailer, on the AWS SDK v2).
 */
const sesRetry = (client: string, send: string): string => `
${client}

export async function deliver(to: string, html: string) {
  const params = { Source: 'status@example.com', Destination: { ToAddresses: [to] }, Message: { Subject: { Data: 'Incident' }, Body: { Html: { Data: html } } } };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ${send};
    } catch (err) {
      if (attempt === 2) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`;
const SES_V2 = "import AWS from 'aws-sdk';\n\nconst ses = new AWS.SES({ region: 'eu-west-1', httpOptions: { timeout: 5000 } });";
const SES_V3 = "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\n\nconst ses = new SESClient({ requestHandler: { requestTimeout: 5000, throwOnRequestTimeout: true } });";

/**
 * A seeding script's request wrapper that builds its address in a `const` from the path its callers pass,
 * and retries; `callers` are the calls it is given (FitnessMealPlanner's seed-demo-data).
 */
const seedingWrapper = (callers: string): string => `
const BASE_URL = process.env.BASE_URL || 'https://app.example.com';

async function apiRequest(method: string, path: string, body?: unknown, retries = 3) {
  const url = \`\${BASE_URL}\${path}\`;
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      return await response.json();
    } catch (err) {
      if (attempt === retries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
  return undefined;
}

export async function seed(email: string, password: string) {
${callers}}
`;

/**
 * A POST wrapper that a retried caller hands `address`, and another caller hands a members address with no
 * retry (enterprise-bookings' e2e helpers).
 */
const sharedPostWrapper = (address: string): string => `
const post = async (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });

const withRetry = async <T>(run: () => Promise<T>, tries = 3) => {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await run();
    } catch (e) {
      last = e;
      await new Promise((resolve) => setTimeout(resolve, 500 * (i + 1)));
    }
  }
  throw last;
};

export async function retried(email: string, password: string) {
  await withRetry(() => post('${address}', { email, password }));
}

export async function join(email: string) {
  return (await post('/api/members', { email })).ok;
}
`;

/**
 * A model asked through an address made from the model's name and a key the caller reads from a secret
 * store (real-bookings-assistant's Gemini client); `action` is the model method.
 */
const geminiKeyed = (action: string): string => `
declare function readSecret(name: string): string | undefined;
const modelUrl = (m: string) => \`https://generativelanguage.googleapis.com/v1beta/models/\${m}:${action}\`;

async function askModel(model: string, key: string, body: unknown): Promise<unknown> {
  const url = \`\${modelUrl(model)}?key=\${key}\`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const resp = await fetch(url, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
      return await resp.json();
    } catch (e) {
      if (attempt === 2) throw e;
      await new Promise((resolve) => setTimeout(resolve, 400 * (attempt + 1)));
    }
  }
  throw new Error('failed');
}

export async function runAgent(prompt: string) {
  const key = readSecret('LLM_KEY');
  if (!key) throw new Error('missing key');
  return askModel('gemini-2.5-flash-lite', key, { contents: [{ parts: [{ text: prompt }] }] });
}
`;

/**
 * A match driven round by round: each round reads the game and POSTs an answer for the current question;
 * `onAnswer` is what the loop does with the server's reply (football-quizball's simulator).
 */
const matchDriver = (onAnswer: string): string => `
export async function playMatch(matchId: string): Promise<void> {
  let done = false;
  let sent = 0;
  while (!done && sent < 15) {
    const match = await (await fetch(\`https://game.example.test/matches/\${matchId}\`, { signal: AbortSignal.timeout(5000) })).json();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      const res = await fetch(\`https://game.example.test/matches/\${matchId}/answer\`, { method: 'POST', body: JSON.stringify({ index: match.questionIndex }), signal: AbortSignal.timeout(5000) });
      const reply = await res.json();
      sent++;
      ${onAnswer}
    } catch (e) {
      console.warn('answer failed', e);
    }
  }
}
`;

/**
 * A CRM record sent with `method` through the file's retry helper, whose attempt races the callback against
 * a timer inside a `try` with only a `finally` (ai-booking-mvp's CRM integrations).
 */
const racedCrmWrite = (method: string): string => `
async function runWithRetry<T>(fn: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt <= 3; attempt++) {
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Request timeout')), 30000);
        });
        return await Promise.race([fn(), timeout]);
      } finally {
        if (timer) clearTimeout(timer);
      }
    } catch (error) {
      last = error;
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  throw last;
}

export async function saveLead(fields: object) {
  return runWithRetry(() => fetch('https://crm.example.com/sobjects/Lead/', { method: '${method}', body: JSON.stringify(fields), signal: AbortSignal.timeout(30000) }));
}
`;

/**
 * A chat call to an Ollama server whose base a deployment may override, through a function of the file, in a
 * retried loop (a recipe app's extraction script); `path` is the address after the base.
 */
const ollamaChat = (path: string): string => `
const OLLAMA = process.env.OLLAMA_URL || 'http://localhost:11434';

async function chat(prompt: string): Promise<string> {
  const res = await fetch(\`\${OLLAMA}${path}\`, { method: 'POST', body: JSON.stringify({ model: 'llama3', messages: [{ role: 'user', content: prompt }] }), signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(\`ollama \${res.status}\`);
  return (await res.json()).message.content;
}

export async function extract(prompt: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chat(prompt);
    } catch (error) {
      if (attempt === 3) throw error; // retries exhausted
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
`;

/**
 * An assistant's tool-call loop: it runs the tool the model asks for (a ticket POST) and asks the model what
 * to do next with the result; its catch does `onFailure` (a grocery app's AI chat).
 */
const toolCallLoop = (onFailure: string): string => `
declare function askModel(input: unknown): Promise<{ name: string; args: unknown } | null>;

// retry the tool when it fails
export async function runTools(prompt: string): Promise<void> {
  let next = await askModel(prompt);
  while (next) {
    try {
      const res = await fetch('https://shop.example.com/api/tickets', { method: 'POST', body: JSON.stringify(next.args), signal: AbortSignal.timeout(10_000) });
      next = await askModel({ tool: next.name, result: await res.json() });
    } catch (error) {${onFailure}
    }
  }
}
`;

/**
 * A tour API whose retry helper takes its attempt count as a parameter (`maxRetries = 3`), and a POST sent
 * through it with `passed` as the count (a real-estate CRM's onboarding service).
 */
const countedBackoffHelper = (passed: string): string => `
export class TourApi {
  static async withBackoff<T>(fn: () => Promise<T>, maxRetries = 3): Promise<T> {
    let lastError: unknown;
    for (let i = 0; i < maxRetries; i++) {
      try {
        return await fn();
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** i));
      }
    }
    throw lastError;
  }

  static logTiming(step: string, seconds: number) {
    return this.withBackoff(() => fetch('https://api.example.com/v1/tour/timing', { method: 'POST', body: JSON.stringify({ step, seconds }), signal: AbortSignal.timeout(10_000) })${passed});
  }
}
`;

/**
 * A Stripe promotion code created in a loop whose catch goes round when `retryWhen` holds (a promotions
 * helper's: a rate-limit code or a 5xx).
 */
const stripePromoLoop = (retryWhen: string): string => `
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function makePromo(coupon: string, code: string): Promise<string | null> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return (await stripe.promotionCodes.create({ coupon, code })).id;
    } catch (err: any) {
      const shouldRetry = ${retryWhen};
      if (!shouldRetry) return null;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return null;
}
`;

/**
 * A hook whose request wrapper, memoized with `useCallback`, calls itself from its catch after a network
 * error, and a second callback that passes it `method` (a live-translation front end's worker spawn).
 */
const memoizedRetryingRequest = (method: string): string => `
import { useCallback } from 'react';

export function useApi() {
  const apiRequest = useCallback(async (endpoint: string, options: RequestInit = {}, retryCount = 0): Promise<unknown> => {
    try {
      const response = await fetch(\`https://api.example.com\${endpoint}\`, { ...options, headers: { 'Content-Type': 'application/json', ...options.headers } });
      if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
      return await response.json();
    } catch (error) {
      if (retryCount < 2 && String(error).includes('fetch')) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * (retryCount + 1)));
        return apiRequest(endpoint, options, retryCount + 1);
      }
      throw error;
    }
  }, []);

  const spawnWorker = useCallback((meetingUrl: string) => apiRequest('/bot/spawn', { method: '${method}', body: JSON.stringify({ meetingUrl }) }), [apiRequest]);

  return { spawnWorker };
}
`;

/**
 * A publisher that inherits its retrying request from a base class of the file and POSTs through it on
 * `this` (a social scheduler's Facebook publisher); `own` is what the subclass declares besides.
 */
const inheritedRetryingSend = (own = ''): string => `
abstract class BasePublisher {
  protected async send(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }
}

export class PagePublisher extends BasePublisher {${own}
  async publish(pageId: string, text: string) {
    return this.send(\`https://graph.social.example.com/\${pageId}/feed\`, { method: 'POST', body: JSON.stringify({ message: text }) });
  }
}
`;

/**
 * A desk client whose `post` hands `request(config)` the method in a config object; `request` retries,
 * sending `this.execute(url, { method: config.method, … })` through a second function that fetches
 * (zendesk-clickup-automation's HTTP client); `sent` is what that second call's options carry besides.
 */
const configObjectWrapper = (sent: string): string => `
export class DeskClient {
  async post(url: string, data: unknown, headers?: Record<string, string>) {
    return this.request({ url, method: 'POST', headers, body: data });
  }

  private async request(config: { url: string; method: string; headers?: Record<string, string>; body?: unknown }) {
    let attempt = 0;
    while (attempt <= 3) {
      try {
        const response = await this.execute(\`https://desk.example.com/api/v2\${config.url}\`, { method: config.method${sent} });
        return await response.json();
      } catch (error) {
        attempt++;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
    throw new Error('retries exhausted');
  }

  private async execute(url: string, init: RequestInit): Promise<Response> {
    return fetch(url, init);
  }
}
`;

/**
 * A token request sent through the file's retrying fetch wrapper by a function that names the grant in
 * its form body (a CI smoke check of an OAuth client); `grant` is the form's grant members.
 */
const tokenThroughRetryingWrapper = (grant: string): string => `
async function sendWithRetry(url: string, init: RequestInit = {}, tries = 3): Promise<Response> {
  let last: unknown;
  for (let i = 0; i < tries; i += 1) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** i));
    }
  }
  throw last;
}

export async function checkClient(tokenUrl: string, clientId: string, secret: string) {
  const body = new URLSearchParams({ ${grant}, client_id: clientId, client_secret: secret });
  const res = await sendWithRetry(tokenUrl, { method: 'POST', body });
  return res.status;
}
`;

/**
 * An order written through supabase-js in a loop that goes round on the `{ error }` the client answers with
 * (a dropped connection included); `client` is how the file gets its instance, `write` the chain's end.
 */
const supabaseOrder = (client: string, write = "insert({ user_id: userId, total })"): string => `
${client}

// retry the write a few times
export async function saveOrder(userId: string, total: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { error } = await supabase.from('orders').${write};
    if (!error) return;
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
  }
  throw new Error('could not save the order');
}
`;
const SUPABASE_FACTORY = "import { createClient } from '@supabase/supabase-js';\nconst supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);";

/**
 * Invalid cases, exported so the suggestion property test can check that every suggestion parses and
 * no longer triggers the rule. Each runs untyped and typed: types only sharpen a verdict.
 */
export const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  // p-retry POST fetch
  {
    code: `
import pRetry from 'p-retry';
export async function pay(body: string) {
  await pRetry(() => fetch('https://api.example.com/pay', { method: 'POST', body }), { retries: 3 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 22, endLine: 4, endColumn: 27, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
export async function pay(body: string) {
  const idempotencyKey = randomUUID();
  await pRetry(() => fetch('https://api.example.com/pay', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
` },
    ] },
    ],
  },
  // async-retry axios post
  {
    code: `
import retry from 'async-retry';
import axios from 'axios';
export async function pay() {
  await retry(async () => {
    await axios.post('https://api.example.com/pay', { amount: 1 }, { timeout: 5000 });
  });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 11, endLine: 6, endColumn: 21, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import retry from 'async-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await retry(async () => {
    await axios.post('https://api.example.com/pay', { amount: 1 }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
  });
}
` },
    ] },
    ],
  },
  // node-retry operation
  {
    code: `
import retry from 'retry';
import axios from 'axios';
const operation = retry.operation({ retries: 3 });
operation.attempt(async () => {
  await axios.patch('https://api.example.com/orders/1', { state: 'paid' }, { headers: { Accept: 'application/json' } });
});
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 20, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import retry from 'retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const operation = retry.operation({ retries: 3 });
const idempotencyKey = randomUUID();
operation.attempt(async () => {
  await axios.patch('https://api.example.com/orders/1', { state: 'paid' }, { headers: { Accept: 'application/json', 'Idempotency-Key': idempotencyKey } });
});
` },
    ] },
    ],
  },
  // backOff + got
  {
    code: `
import { backOff } from 'exponential-backoff';
import got from 'got';
export async function pay() {
  return backOff(() => got.post('https://api.example.com/pay', { json: { amount: 1 } }));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 24, endLine: 5, endColumn: 32, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { backOff } from 'exponential-backoff';
import got from 'got';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  return backOff(() => got.post('https://api.example.com/pay', { json: { amount: 1 }, headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] },
    ],
  },
  // lifeomic attempt
  {
    code: `
import { retry } from '@lifeomic/attempt';
import axios from 'axios';
export async function pay() {
  return retry(async () => axios({ method: 'post', url: 'https://api.example.com/pay' }), { maxAttempts: 5 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 28, endLine: 5, endColumn: 33, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { retry } from '@lifeomic/attempt';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  return retry(async () => axios({ method: 'post', url: 'https://api.example.com/pay', headers: { 'Idempotency-Key': idempotencyKey } }), { maxAttempts: 5 });
}
` },
    ] },
    ],
  },
  // cockatiel wrap execute
  {
    code: `
import { retry, handleAll, wrap, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
const policy = wrap(retryPolicy, breaker);
export async function pay() {
  return policy.execute(() => axios.post('https://api.example.com/pay', {}));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 31, endLine: 8, endColumn: 41, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { retry, handleAll, wrap, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
const policy = wrap(retryPolicy, breaker);
export async function pay() {
  const idempotencyKey = randomUUID();
  return policy.execute(() => axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] },
    ],
  },
  // Retryable decorator
  {
    code: `
import { Retryable } from 'typescript-retry-decorator';
import axios from 'axios';
class Payments {
  @Retryable({ maxAttempts: 3 })
  async charge() {
    await axios.post('https://api.example.com/charges', {});
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 11, endLine: 7, endColumn: 21, suggestions: [] },
    ],
  },
  // while loop continue
  {
    code: `
import axios from 'axios';
export async function pay() {
  let attempt = 0;
  while (attempt < 3) {
    try {
      return await axios.post('https://api.example.com/pay', {});
    } catch {
      attempt++;
      continue;
    }
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 20, endLine: 7, endColumn: 30, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  let attempt = 0;
  const idempotencyKey = randomUUID();
  while (attempt < 3) {
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': idempotencyKey } });
    } catch {
      attempt++;
      continue;
    }
  }
}
` },
    ] },
    ],
  },
  // do while flag
  {
    code: `
export async function pay() {
  let done = false;
  let tries = 0;
  do {
    try {
      await fetch('https://api.example.com/pay', { method: 'POST' });
      done = true;
    } catch (error) {
      if (++tries > 3) throw error;
    }
  } while (!done);
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 13, endLine: 7, endColumn: 18, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function pay() {
  let done = false;
  let tries = 0;
  const idempotencyKey = randomUUID();
  do {
    try {
      await fetch('https://api.example.com/pay', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } });
      done = true;
    } catch (error) {
      if (++tries > 3) throw error;
    }
  } while (!done);
}
` },
    ] },
    ],
  },
  // recursion from catch
  {
    code: `
import axios from 'axios';
export async function pay(attempt = 0): Promise<unknown> {
  try {
    return await axios.post('https://api.example.com/pay', {});
  } catch (error) {
    if (attempt >= 3) throw error;
    return pay(attempt + 1);
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 18, endLine: 5, endColumn: 28, suggestions: [] },
    ],
  },
  // recursion from .catch
  {
    code: `
import axios from 'axios';
export function pay(): Promise<unknown> {
  return axios.post('https://api.example.com/pay', {}).catch(() => pay());
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 10, endLine: 4, endColumn: 20, suggestions: [] },
    ],
  },
  // The same recursion inside a \`new Promise\` executor: the executor runs as part of \`charge\`, so calling
  // \`charge\` again from its \`.catch()\` sends the POST again.
  {
    code: `
export function charge(body: string, attempt = 0): Promise<Response> {
  return new Promise((resolve, reject) => {
    fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) })
      .then(resolve)
      .catch((error) => (attempt < 3 ? resolve(charge(body, attempt + 1)) : reject(error)));
  });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [] },
    ],
  },
  // \`.then\`'s second callback runs when the request fails, as a \`.catch()\` handler does.
  {
    code: `
import axios from 'axios';
export function pay(body: object, attempt = 0): Promise<unknown> {
  return axios.post('https://pay.example.com/charges', body, { timeout: 5000 }).then((response) => response.data, (error) => {
    if (attempt < 3) return pay(body, attempt + 1);
    throw error;
  });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 10, endLine: 4, endColumn: 20, suggestions: [] },
    ],
  },
  // A failed status in the executor's \`.then\` that resolves with the next attempt.
  {
    code: `
export function charge(body: string, attempt = 0): Promise<Response> {
  return new Promise((resolve, reject) => {
    fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) }).then((response) => {
      if (response.status >= 500 && attempt < 3) resolve(charge(body, attempt + 1));
      else resolve(response);
    }, reject);
  });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [] },
    ],
  },
  // axios-retry on instance
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(api, { retries: 3 });
export async function pay() {
  await api.post('/pay', { amount: 1 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 9, endLine: 7, endColumn: 17, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import { randomUUID } from 'node:crypto';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(api, { retries: 3 });
export async function pay() {
  const idempotencyKey = randomUUID();
  await api.post('/pay', { amount: 1 }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
` },
    ] },
    ],
  },
  // fetch-retry
  {
    code: `
import fetchRetry from 'fetch-retry';
const fetchWithRetry = fetchRetry(fetch);
export async function pay() {
  await fetchWithRetry('https://api.example.com/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 23, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import fetchRetry from 'fetch-retry';
import { randomUUID } from 'node:crypto';
const fetchWithRetry = fetchRetry(fetch);
export async function pay() {
  const idempotencyKey = randomUUID();
  await fetchWithRetry('https://api.example.com/pay', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey } });
}
` },
    ] },
    ],
  },
  // superagent retry
  {
    code: `
import superagent from 'superagent';
export async function pay() {
  await superagent.post('https://api.example.com/pay').send({ amount: 1 }).retry(3);
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 9, endLine: 4, endColumn: 24, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import superagent from 'superagent';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await superagent.post('https://api.example.com/pay').set('Idempotency-Key', idempotencyKey).send({ amount: 1 }).retry(3);
}
` },
    ] },
    ],
  },
  // got methods POST
  {
    code: `
import got from 'got';
export async function pay() {
  await got.post('https://api.example.com/pay', { retry: { limit: 2, methods: ['POST'] } });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 9, endLine: 4, endColumn: 17, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import got from 'got';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await got.post('https://api.example.com/pay', { retry: { limit: 2, methods: ['POST'] }, headers: { 'Idempotency-Key': idempotencyKey } });
}
` },
    ] },
    ],
  },
  // Stripe in p-retry
  {
    code: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function charge(customer: string) {
  return pRetry(() => stripe.charges.create({ amount: 100, currency: 'usd', customer }));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 23, endLine: 6, endColumn: 44, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function charge(customer: string) {
  const idempotencyKey = randomUUID();
  return pRetry(() => stripe.charges.create({ amount: 100, currency: 'usd', customer }, { idempotencyKey }));
}
` },
    ] },
    ],
  },
  // Stripe injected (a NestJS service's constructor parameter property): known by its declared type
  {
    code: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
export class Billing {
  constructor(private readonly stripe: Stripe) {}
  charge(customer: string) {
    return pRetry(() => this.stripe.charges.create({ amount: 100, currency: 'usd', customer }));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 25, endLine: 7, endColumn: 51, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
export class Billing {
  constructor(private readonly stripe: Stripe) {}
  charge(customer: string) {
    const idempotencyKey = randomUUID();
    return pRetry(() => this.stripe.charges.create({ amount: 100, currency: 'usd', customer }, { idempotencyKey }));
  }
}
` },
    ] },
    ],
  },
  // the catch makes the same call again: one more POST, with no key
  {
    code: `
export async function notify(payload: object): Promise<void> {
  try {
    await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  } catch {
    await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  }
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 4, column: 11, endLine: 4, endColumn: 16,
        data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'the same call made again in the catch on line 6', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [],
      },
    ],
  },
  // A retry helper that spreads the caller's options under its own timeout: the call on line 13 passes POST
  // and no key, so the key is asked of it.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchWithRetry(url: string, options: RequestInit, retries = 3): Promise<Response> {
  try {
    const response = await fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(String(response.status));
    return response;
  } catch (error) {
    if (retries > 0) { await sleep(1000); return fetchWithRetry(url, options, retries - 1); }
    throw error;
  }
}
export const createOrder = (body: string) => fetchWithRetry('https://shop.example.com/orders', { method: 'POST', body });
export const listOrders = () => fetchWithRetry('https://shop.example.com/orders', {});
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 28, endLine: 5, endColumn: 33, suggestions: [],
        data: {
          operation: 'POST (the method passed on line 13)', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'the recursive call in the catch on line 9',
          advice: 'Send an idempotency key in the options the call on line 13 passes, created once before that call (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // A failure turned into a value where the request is made (\`.catch(() => null)\`), and the loop goes round
  // until it gets one; and recursion on that value.
  {
    code: `
import axios from 'axios';
export async function charge(body: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await axios.post('https://pay.example.com/charges', body, { timeout: 5000 }).catch(() => null);
    if (response) return response.data;
  }
  throw new Error('payment failed');
}
export async function refund(body: object, attempt = 0): Promise<unknown> {
  const response = await axios.post('https://pay.example.com/refunds', body, { timeout: 5000 }).catch(() => undefined);
  if (!response && attempt < 3) return refund(body, attempt + 1);
  return response;
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 28, endLine: 5, endColumn: 38,
        data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'the for-loop on line 4', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function charge(body: object) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await axios.post('https://pay.example.com/charges', body, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }).catch(() => null);
    if (response) return response.data;
  }
  throw new Error('payment failed');
}
export async function refund(body: object, attempt = 0): Promise<unknown> {
  const response = await axios.post('https://pay.example.com/refunds', body, { timeout: 5000 }).catch(() => undefined);
  if (!response && attempt < 3) return refund(body, attempt + 1);
  return response;
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 11, column: 26, endLine: 11, endColumn: 36,
        data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'the recursive call when .catch() turns a failure into undefined on line 12', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [],
      },
    ],
  },
  // the same call made again when the first answer is a 5xx: one more POST, with no key
  {
    code: `
export async function notify(payload: object): Promise<Response> {
  let response = await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  if (response.status >= 500) {
    response = await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  }
  return response;
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 3, column: 24, endLine: 3, endColumn: 29,
        data: { operation: 'POST', failure: 'an error response', consequence: 'the server creates or charges it twice', retry: 'the same call made again on a failed status on line 5', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [],
      },
    ],
  },
  // an instance in a private field (#http) is the instance the class built
  {
    code: `
import axios from 'axios';
import pRetry from 'p-retry';
export class Hooks {
  #http = axios.create({ baseURL: 'https://hooks.example.com', timeout: 5000 });
  deliver(body: object) {
    return pRetry(() => this.#http.post('/deliver', body), { retries: 3 });
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 25, endLine: 7, endColumn: 40, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
export class Hooks {
  #http = axios.create({ baseURL: 'https://hooks.example.com', timeout: 5000 });
  deliver(body: object) {
    const idempotencyKey = randomUUID();
    return pRetry(() => this.#http.post('/deliver', body, { headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
  }
}
` },
    ] },
    ],
  },
  // a ccxt order retried: the key's form differs by exchange, so the advice says where it goes and no key is written
  {
    code: `
import ccxt from 'ccxt';
import retry from 'async-retry';
const exchange = new ccxt.binance({ apiKey: process.env.KEY, secret: process.env.SECRET });
export const buy = (symbol: string, amount: number) => retry(() => exchange.createOrder(symbol, 'market', 'buy', amount), { retries: 5 });
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 68, endLine: 5, endColumn: 88,
        data: {
          operation: 'ccxt createOrder', failure: 'a dropped connection', consequence: 'the order is placed twice', retry: 'async-retry on line 5',
          advice: 'Make a `clientOrderId` once, before the retry, in the form the exchange accepts, and pass it in the params: the exchange then refuses the repeat.',
        },
        suggestions: [],
      },
    ],
  },
  // a ccxt exchange declared by its type, its params made by a method that sends no client order id
  // The method a caller passes, behind a default (\`opts.method || 'GET'\`) in a static method called through
  // its class's name.
  {
    code: `
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i === attempts) throw err;
      await delay(500 * 2 ** i);
    }
  }
}
export class ShopClient {
  static rest(path: string, opts: { method?: string; body?: string } = {}) {
    return withRetry(() => fetch(\`https://shop.example.com\${path}\`, { method: opts.method || 'GET', body: opts.body, signal: AbortSignal.timeout(5000) }));
  }
}
export const adjust = (delta: number) => ShopClient.rest('/inventory_levels/adjust.json', { method: 'POST', body: JSON.stringify({ delta }) });
export const levels = () => ShopClient.rest('/inventory_levels.json');
`,
    errors: [{
      messageId: 'unsafeRetry', line: 15, column: 28, endLine: 15, endColumn: 33,
      data: {
        operation: 'POST (the method passed on line 18)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'withRetry() (the for-loop on line 4) on line 15',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i === attempts) throw err;
      await delay(500 * 2 ** i);
    }
  }
}
export class ShopClient {
  static rest(path: string, opts: { method?: string; body?: string } = {}) {
    const idempotencyKey = randomUUID();
    return withRetry(() => fetch(\`https://shop.example.com\${path}\`, { method: opts.method || 'GET', body: opts.body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
  }
}
export const adjust = (delta: number) => ShopClient.rest('/inventory_levels/adjust.json', { method: 'POST', body: JSON.stringify({ delta }) });
export const levels = () => ShopClient.rest('/inventory_levels.json');
` }],
    }],
  },
  // Behind an optional chain and a \`??\` default, held in a \`const\`.
  {
    code: `
export class MailApi {
  constructor(private readonly token: string) {}
  async call(endpoint: string, options?: { method?: string; body?: unknown }): Promise<unknown> {
    const method = options?.method ?? 'GET';
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const response = await fetch(\`https://mail.example.com/v1\${endpoint}\`, { method, body: JSON.stringify(options?.body), signal: AbortSignal.timeout(5000) });
        if (response.ok) return response.json();
        throw new Error(String(response.status));
      } catch (error) {
        if (attempt === 2) throw error;
        await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
      }
    }
    return undefined;
  }
  send(raw: string) {
    return this.call('/messages/send', { method: 'POST', body: { raw } });
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 8, column: 32, endLine: 8, endColumn: 37, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export class MailApi {
  constructor(private readonly token: string) {}
  async call(endpoint: string, options?: { method?: string; body?: unknown }): Promise<unknown> {
    const method = options?.method ?? 'GET';
    const idempotencyKey = randomUUID();
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const response = await fetch(\`https://mail.example.com/v1\${endpoint}\`, { method, body: JSON.stringify(options?.body), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
        if (response.ok) return response.json();
        throw new Error(String(response.status));
      } catch (error) {
        if (attempt === 2) throw error;
        await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
      }
    }
    return undefined;
  }
  send(raw: string) {
    return this.call('/messages/send', { method: 'POST', body: { raw } });
  }
}
` }] }],
  },
  // The method a caller passes, destructured from the options in the body (\`const { method, body } = config\`).
  {
    code: `
async function request(endpoint: string, config: { method?: string; body?: unknown } = {}, retryCount = 0): Promise<unknown> {
  const { method, body } = config;
  try {
    const response = await fetch(\`https://api.example.com\${endpoint}\`, { method, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(5000) });
    return await response.json();
  } catch (error) {
    if (retryCount >= 3) throw error;
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** retryCount));
    return request(endpoint, config, retryCount + 1);
  }
}
export const post = (endpoint: string, data?: unknown) => request(endpoint, { method: 'POST', body: data });
export const get = (endpoint: string) => request(endpoint);
`,
    errors: [{ messageId: 'unsafeRetry', line: 5, column: 28, endLine: 5, endColumn: 33, suggestions: [] }],
  },
  // A try around the request alone whose catch goes round: the exit after the try is success's, not the failure's.
  {
    code: `
export async function send(raw: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    let response: Response;
    try {
      response = await fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST', body: raw, signal: AbortSignal.timeout(10000) });
    } catch (networkError) {
      await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
      continue;
    }
    if (response.ok) return response.json();
    throw new Error(String(response.status));
  }
  throw new Error('exhausted');
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 6, column: 24, endLine: 6, endColumn: 29, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function send(raw: string): Promise<unknown> {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    let response: Response;
    try {
      response = await fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST', body: raw, signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (networkError) {
      await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
      continue;
    }
    if (response.ok) return response.json();
    throw new Error(String(response.status));
  }
  throw new Error('exhausted');
}
` }] }],
  },
  // A function whose timer runs the attempt, and whose catch there schedules it again: the POST repeats.
  {
    code: `
const MAX_RECONNECT_ATTEMPTS = 5;
let reconnectAttempts = 0;
export function scheduleReconnect(): void {
  if (reconnectAttempts >= MAX_RECONNECT_ATTEMPTS) return;
  reconnectAttempts++;
  setTimeout(async () => {
    try {
      const response = await fetch('https://game.example.com/api/join', { method: 'POST', body: '{}', signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(\`join failed: \${response.status}\`);
      reconnectAttempts = 0;
    } catch (err) {
      scheduleReconnect();
    }
  }, 2000 * 2 ** reconnectAttempts);
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 9, column: 30, endLine: 9, endColumn: 35, suggestions: [] }],
  },
  // A wrapper whose callers name the address: an upsert repeats nothing, but another caller's create does.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchWithRetry(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(20000) });
    } catch (error) {
      if (attempt >= 2) throw error;
      await sleep(500 * 2 ** attempt);
    }
  }
}
export const saveContact = (contact: object) => fetchWithRetry('https://services.leadconnectorhq.com/contacts/upsert', { method: 'POST', body: JSON.stringify(contact) });
export const createOpportunity = (deal: object) => fetchWithRetry('https://services.leadconnectorhq.com/opportunities/', { method: 'POST', body: JSON.stringify(deal) });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 20, endLine: 6, endColumn: 25, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 14)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key in the options the call on line 14 passes, created once before that call (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // A status loop whose success leaves through a \`switch\` in which every case returns or throws.
  {
    code: `
export class GraphApi {
  constructor(private readonly accessToken: string) {}
  async call(method: string, url: string, body?: object): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { method, headers: { Authorization: \`Bearer \${this.accessToken}\` }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(10000) });
      if ((response.status === 429 || response.status === 503) && attempt === 0) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      switch (response.status) {
        case 404:
          return null;
        case 200:
        case 201:
          return await response.json();
        default:
          throw new Error(await response.text());
      }
    }
  }
  createSubscription(body: object) {
    return this.call('POST', 'https://graph.microsoft.com/v1.0/subscriptions', body);
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 30, endLine: 6, endColumn: 35,
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export class GraphApi {
  constructor(private readonly accessToken: string) {}
  async call(method: string, url: string, body?: object): Promise<unknown> {
    const idempotencyKey = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { method, headers: { Authorization: \`Bearer \${this.accessToken}\`, 'Idempotency-Key': idempotencyKey }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(10000) });
      if ((response.status === 429 || response.status === 503) && attempt === 0) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      switch (response.status) {
        case 404:
          return null;
        case 200:
        case 201:
          return await response.json();
        default:
          throw new Error(await response.text());
      }
    }
  }
  createSubscription(body: object) {
    return this.call('POST', 'https://graph.microsoft.com/v1.0/subscriptions', body);
  }
}
` }],
    }],
  },
  // A status loop whose every failed status but a 5xx leaves before it goes round: the 5xx repeats the POST.
  {
    code: `
export async function modifyThread(threadId: string, token: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: "POST", signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    if (response.status < 500 || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 28, endLine: 4, endColumn: 33, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function modifyThread(threadId: string, token: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: "POST", signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\`, 'Idempotency-Key': idempotencyKey }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    if (response.status < 500 || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
` }] }],
  },
  // A page loop: success moves the offset the request reads, a failure sends the same page again. No fix:
  // a key made before the loop would be shared by every page.
  {
    code: `
import axios from 'axios';
export async function syncAll(total: number, size = 500): Promise<void> {
  let offset = 0;
  while (offset < total) {
    try {
      const response = await axios.post('https://worker.example.com/api/sync/page', { offset, limit: size }, { timeout: 60000 });
      if (!response.data.hasMore) break;
      offset += size;
    } catch (error) {
      console.error('page failed', (error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 30, endLine: 7, endColumn: 40, suggestions: [] }],
  },
  // An attempt that returns under a test of the answer and otherwise throws: success leaves, every
  // failure goes round.
  {
    code: `
import axios from 'axios';
export async function createOrder(body: object): Promise<string> {
  for (let i = 0; i < 3; i++) {
    try {
      const res = await axios.post('https://api.example.com/v1/orders', body, { timeout: 20000 });
      if (res.data.id) return res.data.id;
      throw new Error('no id');
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 2000 * 2 ** i));
    }
  }
  throw new Error('exhausted');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 35,
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function createOrder(body: object): Promise<string> {
  const idempotencyKey = randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      const res = await axios.post('https://api.example.com/v1/orders', body, { timeout: 20000, headers: { 'Idempotency-Key': idempotencyKey } });
      if (res.data.id) return res.data.id;
      throw new Error('no id');
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 2000 * 2 ** i));
    }
  }
  throw new Error('exhausted');
}
` }],
    }],
  },
  // A recursion from the catch made only under a 429-or-5xx test, in a helper the call is retried by: it
  // repeats after an error response.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withBackoff<T>(fn: () => Promise<T>, retries = 5): Promise<T> {
  try {
    return await fn();
  } catch (err: any) {
    const status = err.response?.status;
    if ((status === 429 || status >= 500) && retries > 0) {
      await sleep((6 - retries) * 1000);
      return withBackoff(fn, retries - 1);
    }
    throw err;
  }
}
export async function addToList(listId: string, ids: string[]) {
  await withBackoff(() => axios.post(\`https://a.klaviyo.com/api/lists/\${listId}/relationships/profiles/\`, { data: ids }, { timeout: 10000 }));
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 17, column: 27, endLine: 17, endColumn: 37,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'withBackoff() (the recursive call in the catch on line 11) on line 17',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withBackoff<T>(fn: () => Promise<T>, retries = 5): Promise<T> {
  try {
    return await fn();
  } catch (err: any) {
    const status = err.response?.status;
    if ((status === 429 || status >= 500) && retries > 0) {
      await sleep((6 - retries) * 1000);
      return withBackoff(fn, retries - 1);
    }
    throw err;
  }
}
export async function addToList(listId: string, ids: string[]) {
  const idempotencyKey = randomUUID();
  await withBackoff(() => axios.post(\`https://a.klaviyo.com/api/lists/\${listId}/relationships/profiles/\`, { data: ids }, { timeout: 10000, headers: { 'Idempotency-Key': idempotencyKey } }));
}
` }],
    }],
  },
  // A 403 for any reason but a rate limit goes round with the 5xx: not refusals only.
  {
    code: `
export async function labelThread(threadId: string, token: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: 'POST', signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    const body = await response.text();
    const retryable = response.status >= 500 || (response.status === 403 && !body.includes('rateLimitExceeded'));
    if (!retryable || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 4, column: 28, endLine: 4, endColumn: 33,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 3',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function labelThread(threadId: string, token: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: 'POST', signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\`, 'Idempotency-Key': idempotencyKey }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    const body = await response.text();
    const retryable = response.status >= 500 || (response.status === 403 && !body.includes('rateLimitExceeded'));
    if (!retryable || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
` }],
    }],
  },
  // Success leaves under a predicate of the file whose one return is a status test
  // (\`!isRetryableStatus(response.status)\`): the loop is a retry, and its callers' POST is repeated.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
async function fetchWithRetry(input: string, init: RequestInit): Promise<Response> {
  let attempt = 0;
  while (true) {
    try {
      const response = await fetch(input, { ...init, signal: AbortSignal.timeout(5000) });
      if (!isRetryableStatus(response.status) || attempt >= 2) return response;
      attempt += 1;
      await sleep(300 * 2 ** attempt);
    } catch (error) {
      if (attempt >= 2) throw error;
      attempt += 1;
      await sleep(300 * 2 ** attempt);
    }
  }
}
export async function createRecord(fields: Record<string, unknown>) {
  const response = await fetchWithRetry('https://api.airtable.com/v0/app/tbl', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ records: [{ fields }] }),
  });
  return response.json();
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 30, endLine: 10, endColumn: 35, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 22)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the while-loop on line 8',
        advice: 'Send an idempotency key in the options the call on line 22 passes, created once before that call (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // A GraphQL wrapper one caller hands a mutation: its POST is a write, though another caller reads.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CREATE = \`mutation Create($input: OrderInput!) { orderCreate(input: $input) { order { id } } }\`;
const READ = \`query Orders { orders(first: 5) { nodes { id } } }\`;
async function gqlRequest(query: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/graphql', { query }, { timeout: 5000 });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
export const orders = () => gqlRequest(READ);
export const create = () => gqlRequest(CREATE);
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 20, endLine: 9, endColumn: 30,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 7',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CREATE = \`mutation Create($input: OrderInput!) { orderCreate(input: $input) { order { id } } }\`;
const READ = \`query Orders { orders(first: 5) { nodes { id } } }\`;
async function gqlRequest(query: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/graphql', { query }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
export const orders = () => gqlRequest(READ);
export const create = () => gqlRequest(CREATE);
` }],
    }],
  },
  // A saved search is created under a plural collection (\`/users/searches\`): a repeat saves it twice.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function saveSearch(base: string, filters: object) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(\`\${base}/users/searches\`, { method: 'POST', body: JSON.stringify(filters), signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 20, endLine: 6, endColumn: 25,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function saveSearch(base: string, filters: object) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(\`\${base}/users/searches\`, { method: 'POST', body: JSON.stringify(filters), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A catch that trims the request after every failure, a dropped connection included, repeats the POST.
  {
    code: `
export async function createRecord(fields: Record<string, unknown>) {
  const writable = { ...fields };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await fetch('https://api.airtable.com/v0/app/tbl', { method: 'POST', body: JSON.stringify({ fields: writable }), signal: AbortSignal.timeout(5000) });
    } catch (error) {
      console.warn(error);
      delete writable.notes;
    }
  }
  throw new Error('failed');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 20, endLine: 6, endColumn: 25,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function createRecord(fields: Record<string, unknown>) {
  const writable = { ...fields };
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await fetch('https://api.airtable.com/v0/app/tbl', { method: 'POST', body: JSON.stringify({ fields: writable }), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (error) {
      console.warn(error);
      delete writable.notes;
    }
  }
  throw new Error('failed');
}
` }],
    }],
  },
  // Success leaves when the answer says so (Telegram's \`ok: true\`); a dropped connection goes round.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function notify(token: string, chatId: string, text: string, retries = 3) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await axios.post(\`https://api.telegram.org/bot\${token}/sendMessage\`, { chat_id: chatId, text }, { timeout: 5000 });
      if (response.data?.ok === true) {
        return true;
      }
    } catch {
      if (attempt === retries - 1) return false;
      await sleep(1000 * 2 ** attempt);
    }
  }
  return false;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 7, column: 30, endLine: 7, endColumn: 40,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 5',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function notify(token: string, chatId: string, text: string, retries = 3) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await axios.post(\`https://api.telegram.org/bot\${token}/sendMessage\`, { chat_id: chatId, text }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
      if (response.data?.ok === true) {
        return true;
      }
    } catch {
      if (attempt === retries - 1) return false;
      await sleep(1000 * 2 ** attempt);
    }
  }
  return false;
}
` }],
    }],
  },
  // A JSON-RPC call that writes (Core Lightning's \`createinvoice\`) is a POST a repeat applies again.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function invoice(rpcUrl: string, label: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'createinvoice', params: [label] }), signal: AbortSignal.timeout(5000) });
      return await res.json();
    } catch {
      await sleep(500 * 2 ** attempt);
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 30,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function invoice(rpcUrl: string, label: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'createinvoice', params: [label] }), signal: AbortSignal.timeout(5000) });
      return await res.json();
    } catch {
      await sleep(500 * 2 ** attempt);
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A webhook's event id made inside the retry: each attempt names another event, so the receiver cannot
  // tell the repeat.
  {
    code: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function deliver(url: string, body: string) {
  for (let attempts = 0; attempts < 3; attempts++) {
    try {
      await axios.post(url, body, { headers: { 'X-Acme-Event-Id': randomUUID() }, timeout: 8000 });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, (attempts + 1) * 2000));
    }
  }
  return false;
}
`,
    errors: [{
      messageId: 'unstableIdempotencyKey', line: 7, column: 13, endLine: 7, endColumn: 23,
      data: { retry: 'the for-loop on line 5', operation: 'POST', consequence: 'the server creates or charges it twice' },
      suggestions: [{ messageId: 'hoistIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function deliver(url: string, body: string) {
  const idempotencyKey = randomUUID();
  for (let attempts = 0; attempts < 3; attempts++) {
    try {
      await axios.post(url, body, { headers: { 'X-Acme-Event-Id': idempotencyKey }, timeout: 8000 });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, (attempts + 1) * 2000));
    }
  }
  return false;
}
` }],
    }],
  },
  // A sign-up under \`/auth/\` creates an account: a repeat is a POST like any other.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function register(email: string, password: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('/api/auth/register', { method: 'POST', body: JSON.stringify({ email, password }), signal: AbortSignal.timeout(10000) });
    } catch {
      await sleep(500 * 2 ** attempt);
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 20, endLine: 6, endColumn: 25,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function register(email: string, password: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('/api/auth/register', { method: 'POST', body: JSON.stringify({ email, password }), signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch {
      await sleep(500 * 2 ** attempt);
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A message test whose alternatives include words a server error also uses (\`processing\`, \`try again\`)
  // does not hold for refusals only.
  {
    code: `
import axios from 'axios';
export async function publishWithRetry(accountId: string, accessToken: string, creationId: string) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const resp = await axios.post(\`https://graph.threads.net/v1.0/\${accountId}/threads_publish\`, null, {
        params: { creation_id: creationId, access_token: accessToken },
        timeout: 20000,
      });
      return resp.data.id as string;
    } catch (error: unknown) {
      const message = (error as { message?: string }).message ?? '';
      if (attempt < 4 && /not ready|not available|processing|try again/i.test(message)) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        continue;
      }
      throw error;
    }
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 26, endLine: 6, endColumn: 36,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function publishWithRetry(accountId: string, accessToken: string, creationId: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const resp = await axios.post(\`https://graph.threads.net/v1.0/\${accountId}/threads_publish\`, null, {
        params: { creation_id: creationId, access_token: accessToken },
        timeout: 20000,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      return resp.data.id as string;
    } catch (error: unknown) {
      const message = (error as { message?: string }).message ?? '';
      if (attempt < 4 && /not ready|not available|processing|try again/i.test(message)) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        continue;
      }
      throw error;
    }
  }
}
` }],
    }],
  },
  // A recursion through the function React's \`useCallback\` hands back is the function calling itself.
  {
    code: `
import { useCallback } from 'react';
export const useScheduler = (userId: string) => {
  const schedule = useCallback(async (payload: object, attempt: number = 1): Promise<boolean> => {
    try {
      const res = await fetch('https://hooks.example.com/webhook/schedule-post', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-User-ID': userId },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10000),
      });
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return true;
    } catch {
      if (attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        return schedule(payload, attempt + 1);
      }
      return false;
    }
  }, [userId]);
  return schedule;
};
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 30, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call in the catch on line 17',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // A \`const\` that holds a row read with \`findUnique\` is no unique-constraint test: the guard counts attempts.
  {
    code: `
import axios from 'axios';
declare const prisma: { webhookEvent: { findUnique(query: object): Promise<{ retryCount: number; url: string } | null> } };
export async function deliver(webhookId: string, payload: object): Promise<void> {
  try {
    const event = await prisma.webhookEvent.findUnique({ where: { id: webhookId } });
    if (!event) return;
    await axios.post(event.url, payload, { timeout: 30000 });
  } catch {
    const webhookEvent = await prisma.webhookEvent.findUnique({ where: { id: webhookId } });
    if (webhookEvent && webhookEvent.retryCount < 5) {
      setTimeout(() => {
        void deliver(webhookId, payload);
      }, 1000 * 2 ** webhookEvent.retryCount);
    }
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 8, column: 11, endLine: 8, endColumn: 21, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call scheduled from the catch on line 13',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // A catch that goes round only after a 5xx (its \`else\` throws the rest) repeats after an error response.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function extract(text: string): Promise<unknown> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return (await axios.post('https://api.example.com/v1/extract', { text }, { timeout: 120000 })).data;
    } catch (e: any) {
      if (e.response?.status >= 500 && attempt < 4) {
        await sleep(attempt * 15000);
      } else {
        throw e;
      }
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 5', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      line: 7, column: 21, endLine: 7, endColumn: 31,
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function extract(text: string): Promise<unknown> {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return (await axios.post('https://api.example.com/v1/extract', { text }, { timeout: 120000, headers: { 'Idempotency-Key': idempotencyKey } })).data;
    } catch (e: any) {
      if (e.response?.status >= 500 && attempt < 4) {
        await sleep(attempt * 15000);
      } else {
        throw e;
      }
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A catch that goes on only when the message names a 429 or a 5xx (`/50[0-9]/.test(err.message)`) repeats after an error response.
  {
    code: `
async function withRetry<T>(fn: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err instanceof Error ? err : new Error(String(err));
      const is429 = lastError.message.includes('429');
      const is5xx = /50[0-9]/.test(lastError.message);
      if ((!is429 && !is5xx) || attempt === maxAttempts) throw lastError;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    }
  }
  throw lastError!;
}
export function createPunch(employeeId: string) {
  return withRetry(() => fetch(\`https://api.example.com/v2/time_punches/\${employeeId}\`, { method: 'POST', signal: AbortSignal.timeout(10000) }));
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 18, column: 26, endLine: 18, endColumn: 31,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'withRetry() (the for-loop on line 4) on line 18', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
async function withRetry<T>(fn: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err instanceof Error ? err : new Error(String(err));
      const is429 = lastError.message.includes('429');
      const is5xx = /50[0-9]/.test(lastError.message);
      if ((!is429 && !is5xx) || attempt === maxAttempts) throw lastError;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    }
  }
  throw lastError!;
}
export function createPunch(employeeId: string) {
  const idempotencyKey = randomUUID();
  return withRetry(() => fetch(\`https://api.example.com/v2/time_punches/\${employeeId}\`, { method: 'POST', signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } }));
}
` }],
    }],
  },
  // One way on that the message does not name (`err.code !== 'ECONNRESET'`): a dropped connection goes round too.
  {
    code: `
export async function createPunch(employeeId: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(\`https://api.example.com/v2/time_punches/\${employeeId}\`, { method: 'POST', signal: AbortSignal.timeout(10000) });
    } catch (err: any) {
      const is5xx = /50[0-9]/.test(err.message);
      if ((!is5xx && err.code !== 'ECONNRESET') || attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 20, endLine: 5, endColumn: 25,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 3', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function createPunch(employeeId: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(\`https://api.example.com/v2/time_punches/\${employeeId}\`, { method: 'POST', signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (err: any) {
      const is5xx = /50[0-9]/.test(err.message);
      if ((!is5xx && err.code !== 'ECONNRESET') || attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    }
  }
  return undefined;
}
` }],
    }],
  },
  {
    code: `
import ccxt from 'ccxt';
export class Trader {
  constructor(private readonly exchange: ccxt.Exchange) {}
  private orderParams(exchangeId: string) {
    if (exchangeId === 'kraken') return { leverage: 3 };
    return {};
  }
  async place(exchangeId: string, amount: number, price: number) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.exchange.createLimitBuyOrder('BTC/USDT', amount, price, this.orderParams(exchangeId));
      } catch (error) {
        if (!(error instanceof ccxt.NetworkError) || attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 12, column: 22, endLine: 12, endColumn: 55, suggestions: [] }],
  },
  // Stripe confirm in loop
  {
    code: `
import Stripe from 'stripe';
const stripe = new Stripe('sk');
export async function confirm(id: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await stripe.paymentIntents.confirm(id);
    } catch {}
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 20, endLine: 7, endColumn: 49, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';
const stripe = new Stripe('sk');
export async function confirm(id: string) {
  const idempotencyKey = randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      return await stripe.paymentIntents.confirm(id, undefined, { idempotencyKey });
    } catch {}
  }
}
` },
    ] },
    ],
  },
  // unstable key inline
  {
    code: `
import { randomUUID } from 'node:crypto';
import axios from 'axios';
import pRetry from 'p-retry';
export async function pay() {
  await pRetry(async () => {
    await axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': randomUUID() } });
  });
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 7, column: 11, endLine: 7, endColumn: 21, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
import axios from 'axios';
import pRetry from 'p-retry';
export async function pay() {
  const idempotencyKey = randomUUID();
  await pRetry(async () => {
    await axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': idempotencyKey } });
  });
}
` },
    ] },
    ],
  },
  // unstable key variable in loop
  {
    code: `
import { v4 as uuidv4 } from 'uuid';
import axios from 'axios';
export async function pay() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const key = uuidv4(); // one per attempt
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'idempotency-key': key } });
    } catch {}
  }
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 8, column: 20, endLine: 8, endColumn: 30, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { v4 as uuidv4 } from 'uuid';
import axios from 'axios';
export async function pay() {
  const key = uuidv4();
  for (let attempt = 0; attempt < 3; attempt++) {
     // one per attempt
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'idempotency-key': key } });
    } catch {}
  }
}
` },
    ] },
    ],
  },
  // Stripe unstable Date.now
  {
    code: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
const stripe = new Stripe('sk');
export async function charge(order: string) {
  return pRetry(() => stripe.charges.create({ amount: 1, currency: 'usd' }, { idempotencyKey: \`\${order}-\${Date.now()}\` }));
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 6, column: 23, endLine: 6, endColumn: 44, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
const stripe = new Stripe('sk');
export async function charge(order: string) {
  const idempotencyKey = \`\${order}-\${Date.now()}\`;
  return pRetry(() => stripe.charges.create({ amount: 1, currency: 'usd' }, { idempotencyKey }));
}
` },
    ] },
    ],
  },
  // cross function same file
  {
    code: `
import axios from 'axios';
import pRetry from 'p-retry';
async function createOrder(item: string) {
  return axios.post('https://api.example.com/orders', { item });
}
export async function checkout(item: string) {
  await pRetry(() => createOrder(item), { retries: 2 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 22, endLine: 8, endColumn: 33, suggestions: [] },
    ],
  },
  // slack sdk
  {
    code: `
import { WebClient } from '@slack/web-api';
const slack = new WebClient(process.env.SLACK_TOKEN);
export async function announce() {
  await slack.chat.postMessage({ channel: 'C1', text: 'deployed' });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 31, suggestions: [] },
    ],
  },
  // aws publish
  {
    code: `
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import pRetry from 'p-retry';
const sns = new SNSClient({});
export async function announce() {
  await pRetry(() => sns.send(new PublishCommand({ TopicArn: 'arn', Message: 'hi' })));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 30, suggestions: [] },
    ],
  },
  // superagent chain in loop with no headers; CommonJS require
  {
    code: `
const superagent = require('superagent');
async function pay() {
  while (true) {
    try {
      return await superagent.post('https://api.example.com/pay').send({});
    } catch (e) {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 20, endLine: 6, endColumn: 35, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const superagent = require('superagent');
async function pay() {
  const idempotencyKey = randomUUID();
  while (true) {
    try {
      return await superagent.post('https://api.example.com/pay').set('Idempotency-Key', idempotencyKey).send({});
    } catch (e) {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
` },
    ] },
    ],
  },
  // A CommonJS handler that requires nothing (\`exports.handler = …\`, global fetch) gets a \`require\` too:
  // an \`import\` would turn the file into a module where \`exports\` is not defined.
  {
    code: `
exports.handler = async function (event) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/v1/chat', { method: 'POST', body: event.body, signal: AbortSignal.timeout(10000) });
      if (!res.ok) throw new Error(String(res.status));
      return { statusCode: 200, body: await res.text() };
    } catch (err) {
      if (attempt === 2) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
};
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 25, endLine: 5, endColumn: 30, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
exports.handler = async function (event) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/v1/chat', { method: 'POST', body: event.body, signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
      if (!res.ok) throw new Error(String(res.status));
      return { statusCode: 200, body: await res.text() };
    } catch (err) {
      if (attempt === 2) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
};
` },
    ] },
    ],
  },
  // A predicate that also lets server errors through is no refusal test: the POST is retried after a 5xx.
  {
    code: `
import axios from 'axios';
const isRetryable = (error: any) => error.response?.status === 401 || error.response?.status >= 500;
export async function rate(body: object): Promise<unknown> {
  try {
    return (await axios.post('https://ups.example.com/rating', body, { timeout: 5000 })).data;
  } catch (error) {
    if (isRetryable(error)) return rate(body);
    throw error;
  }
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 19, endLine: 6, endColumn: 29,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'the recursive call in the catch on line 8', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
        },
      },
    ],
  },
  // OpenAI's built-in retries (maxRetries 2) repeat calls that store something (a thread message, a vector
  // store); a completion stores nothing, and a client with \`maxRetries: 0\` repeats nothing.
  {
    code: `
import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 30_000 });
const once = new OpenAI({ timeout: 30_000, maxRetries: 0 });
export async function ask(threadId: string, question: string) {
  await openai.beta.threads.messages.create(threadId, { role: 'user', content: question });
  const store = await openai.vectorStores.create({ name: 'docs' });
  await once.beta.threads.messages.create(threadId, { role: 'user', content: question });
  const answer = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return { store, answer };
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 44,
        data: {
          operation: 'OpenAI beta.threads.messages.create', consequence: 'the message is added to the thread twice', failure: 'a dropped connection',
          retry: "OpenAI's built-in retries on line 3 (it repeats failures, whatever the call)",
          advice: "OpenAI takes no idempotency key, so don't repeat this call blindly: turn its retries off (\`maxRetries\`) and check whether it took effect before sending it again.",
        },
      },
      {
        messageId: 'unsafeRetry', line: 7, column: 23, endLine: 7, endColumn: 49,
        data: {
          operation: 'OpenAI vectorStores.create', consequence: 'the vector store is created twice', failure: 'a dropped connection',
          retry: "OpenAI's built-in retries on line 3 (it repeats failures, whatever the call)",
          advice: "OpenAI takes no idempotency key, so don't repeat this call blindly: turn its retries off (\`maxRetries\`) and check whether it took effect before sending it again.",
        },
      },
    ],
  },
  // An address chosen among several is repeatable only when every choice is: here one is an order.
  {
    code: `
import pRetry from 'p-retry';
const target = (dryRun: boolean) => (dryRun ? 'https://api.openai.com/v1/chat/completions' : 'https://shop.example.com/orders');
export const send = (dryRun: boolean, body: string) => pRetry(() => fetch(target(dryRun), { method: 'POST', body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 69, endLine: 4, endColumn: 74, suggestions: [] }],
  },
  // Looked up by provider in an object whose other value is an order: not every choice repeats nothing.
  {
    code: `
import pRetry from 'p-retry';
const TARGETS: Record<string, string> = { preview: 'https://api.openai.com/v1/chat/completions', live: 'https://shop.example.com/orders' };
export const send = (mode: string, body: string) => pRetry(() => fetch(TARGETS[mode], { method: 'POST', body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 66, endLine: 4, endColumn: 71, suggestions: [] }],
  },
  // Only the model APIs' own addresses read as answers: an application's \`/tasks/completions\` records a
  // completion, and repeats it.
  {
    code: `
import pRetry from 'p-retry';
import axios from 'axios';
export const complete = (taskId: string) => pRetry(() => axios.post(\`https://todo.example.com/api/tasks/\${taskId}/completions\`, {}, { timeout: 5000 }), { retries: 3 });
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 58, endLine: 4, endColumn: 68, suggestions: [] }],
  },
  // A loop on the failure value a helper of the file returns, kept in a \`let\` declared before the loop
  // (\`success = await deliverToUrl(…); if (success) break;\`), retries the helper's POST.
  {
    code: `
async function deliverToUrl(url: string, payload: unknown): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(5000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export async function deliverEvent(url: string, payload: unknown): Promise<boolean> {
  let success = false;
  for (let attempt = 1; attempt <= 3; attempt++) {
    success = await deliverToUrl(url, payload);
    if (success) break;
    if (attempt < 3) await new Promise((r) => setTimeout(r, 500 * attempt));
  }
  return success;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 19, column: 21, endLine: 19, endColumn: 33, suggestions: [],
      data: { operation: 'POST in deliverToUrl() on line 4', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 18', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
    }],
  },
  // The example service's chargeCard: a POST in a hand-written retry loop.
  {
    code: `
import axios from 'axios';

const gateway = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function chargeCard(customerId: string, amountCents: number) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { data } = await gateway.post('/v1/charges', { customerId, amountCents });
      return data;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 10, column: 30, endLine: 10, endColumn: 42, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';

const gateway = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function chargeCard(customerId: string, amountCents: number) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { data } = await gateway.post('/v1/charges', { customerId, amountCents }, { headers: { 'Idempotency-Key': idempotencyKey } });
      return data;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}
` },
    ] },
    ],
  },
  // Multi-line options keep their comments and layout; an existing node:crypto import gains randomUUID.
  {
    code: `
import { createHash } from 'node:crypto';
import pRetry from 'p-retry';

export async function submit(body: string) {
  const digest = createHash('sha256').update(body).digest('hex');
  await pRetry(async () => {
    await fetch('https://api.example.com/submissions', {
      method: 'POST', // creates a submission
      body,
      headers: {
        'Content-Type': 'application/json', // JSON body
        'X-Digest': digest,
      },
    });
  }, { retries: 5 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 11, endLine: 8, endColumn: 16, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { createHash, randomUUID } from 'node:crypto';
import pRetry from 'p-retry';

export async function submit(body: string) {
  const digest = createHash('sha256').update(body).digest('hex');
  const idempotencyKey = randomUUID();
  await pRetry(async () => {
    await fetch('https://api.example.com/submissions', {
      method: 'POST', // creates a submission
      body,
      headers: {
        'Content-Type': 'application/json', // JSON body
        'X-Digest': digest,
        'Idempotency-Key': idempotencyKey,
      },
    });
  }, { retries: 5 });
}
` },
    ] },
    ],
  },
  // An existing randomUUID import is reused; the name idempotencyKey is taken, so the key gets another.
  {
    code: `
import { randomUUID as uuid } from 'crypto';
import axios from 'axios';
import pRetry from 'p-retry';

const idempotencyKey = 'not-a-key';

export async function pay() {
  await pRetry(() => axios.post('https://api.example.com/pay', { note: idempotencyKey }));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 9, column: 22, endLine: 9, endColumn: 32, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID as uuid } from 'crypto';
import axios from 'axios';
import pRetry from 'p-retry';

const idempotencyKey = 'not-a-key';

export async function pay() {
  const idempotencyKey2 = uuid();
  await pRetry(() => axios.post('https://api.example.com/pay', { note: idempotencyKey }, { headers: { 'Idempotency-Key': idempotencyKey2 } }));
}
` },
    ] },
    ],
  },
  // Stripe: an existing request-options object gains the key; confirm(id) gets params and options.
  {
    code: `
import Stripe from 'stripe';
import pRetry from 'p-retry';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function charge(customer: string) {
  await pRetry(() => stripe.charges.create({ amount: 100, currency: 'usd', customer }, { timeout: 10_000 }));
}

export async function confirm(id: string) {
  await pRetry(() => stripe.paymentIntents.confirm(id));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 22, endLine: 8, endColumn: 43, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function charge(customer: string) {
  const idempotencyKey = randomUUID();
  await pRetry(() => stripe.charges.create({ amount: 100, currency: 'usd', customer }, { timeout: 10_000, idempotencyKey }));
}

export async function confirm(id: string) {
  await pRetry(() => stripe.paymentIntents.confirm(id));
}
` },
    ] },
    { messageId: 'unsafeRetry', line: 12, column: 22, endLine: 12, endColumn: 51, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function charge(customer: string) {
  await pRetry(() => stripe.charges.create({ amount: 100, currency: 'usd', customer }, { timeout: 10_000 }));
}

export async function confirm(id: string) {
  const idempotencyKey = randomUUID();
  await pRetry(() => stripe.paymentIntents.confirm(id, undefined, { idempotencyKey }));
}
` },
    ] },
    ],
  },
  // A Stripe client kept on a class field, retried by a loop in a method.
  {
    code: `
import Stripe from 'stripe';

export class Billing {
  private readonly stripe = new Stripe('sk_test');

  async refund(charge: string) {
    let attempts = 0;
    while (attempts < 3) {
      try {
        return await this.stripe.refunds.create({ charge });
      } catch {
        attempts++;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempts));
      }
    }
    return undefined;
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 11, column: 22, endLine: 11, endColumn: 48, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

export class Billing {
  private readonly stripe = new Stripe('sk_test');

  async refund(charge: string) {
    let attempts = 0;
    const idempotencyKey = randomUUID();
    while (attempts < 3) {
      try {
        return await this.stripe.refunds.create({ charge }, { idempotencyKey });
      } catch {
        attempts++;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempts));
      }
    }
    return undefined;
  }
}
` },
    ] },
    ],
  },
  // A superagent chain in a loop gets `.set('Idempotency-Key', …)`; a CommonJS file gets a require.
  {
    code: `
const superagent = require('superagent');

async function pay() {
  for (let i = 0; i < 3; i++) {
    try {
      return await superagent.post('https://api.example.com/pay').send({ amount: 1 });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
module.exports = { pay };
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 20, endLine: 7, endColumn: 35, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const superagent = require('superagent');

async function pay() {
  const idempotencyKey = randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      return await superagent.post('https://api.example.com/pay').set('Idempotency-Key', idempotencyKey).send({ amount: 1 });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
module.exports = { pay };
` },
    ] },
    ],
  },
  // Headers given as `new Headers({...})` are read too; a key-less one is reported.
  {
    code: `
import pRetry from 'p-retry';

export async function pay() {
  await pRetry(() => fetch('https://api.example.com/pay', { method: 'POST', headers: new Headers({ Accept: 'application/json' }) }));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 22, endLine: 5, endColumn: 27, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';

export async function pay() {
  const idempotencyKey = randomUUID();
  await pRetry(() => fetch('https://api.example.com/pay', { method: 'POST', headers: new Headers({ Accept: 'application/json', 'Idempotency-Key': idempotencyKey }) }));
}
` },
    ] },
    ],
  },
  // An unstable key through a variable declared in the loop (with a comment) moves out whole.
  {
    code: `
import { v4 as uuidv4 } from 'uuid';
import axios from 'axios';

export async function pay() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const key = uuidv4(); // one per call, please
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'idempotency-key': key } });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 9, column: 20, endLine: 9, endColumn: 30, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { v4 as uuidv4 } from 'uuid';
import axios from 'axios';

export async function pay() {
  const key = uuidv4();
  for (let attempt = 0; attempt < 3; attempt++) {
     // one per call, please
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'idempotency-key': key } });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
` },
    ] },
    ],
  },
  // nanoid(), Math.random() and crypto.randomUUID() inside the retry are unstable too.
  {
    code: `
import { nanoid } from 'nanoid';
import axios from 'axios';
import pRetry from 'p-retry';

export async function pay() {
  await pRetry(() => axios.post('/a', {}, { headers: { 'X-Idempotency-Key': nanoid() } }));
  await pRetry(() => axios.post('/b', {}, { headers: { 'PayPal-Request-Id': String(Math.random()) } }));
  await pRetry(() => axios.post('/c', {}, { headers: { 'Idempotency-Key': crypto.randomUUID() } }));
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 7, column: 22, endLine: 7, endColumn: 32, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { nanoid } from 'nanoid';
import axios from 'axios';
import pRetry from 'p-retry';

export async function pay() {
  const idempotencyKey = nanoid();
  await pRetry(() => axios.post('/a', {}, { headers: { 'X-Idempotency-Key': idempotencyKey } }));
  await pRetry(() => axios.post('/b', {}, { headers: { 'PayPal-Request-Id': String(Math.random()) } }));
  await pRetry(() => axios.post('/c', {}, { headers: { 'Idempotency-Key': crypto.randomUUID() } }));
}
` },
    ] },
    { messageId: 'unstableIdempotencyKey', line: 8, column: 22, endLine: 8, endColumn: 32, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { nanoid } from 'nanoid';
import axios from 'axios';
import pRetry from 'p-retry';

export async function pay() {
  await pRetry(() => axios.post('/a', {}, { headers: { 'X-Idempotency-Key': nanoid() } }));
  const idempotencyKey = String(Math.random());
  await pRetry(() => axios.post('/b', {}, { headers: { 'PayPal-Request-Id': idempotencyKey } }));
  await pRetry(() => axios.post('/c', {}, { headers: { 'Idempotency-Key': crypto.randomUUID() } }));
}
` },
    ] },
    { messageId: 'unstableIdempotencyKey', line: 9, column: 22, endLine: 9, endColumn: 32, suggestions: [
      { messageId: 'hoistIdempotencyKey', output: `
import { nanoid } from 'nanoid';
import axios from 'axios';
import pRetry from 'p-retry';

export async function pay() {
  await pRetry(() => axios.post('/a', {}, { headers: { 'X-Idempotency-Key': nanoid() } }));
  await pRetry(() => axios.post('/b', {}, { headers: { 'PayPal-Request-Id': String(Math.random()) } }));
  const idempotencyKey = crypto.randomUUID();
  await pRetry(() => axios.post('/c', {}, { headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] },
    ],
  },
  // A key generated inside a function the retry calls is unstable; reported at the call in the retry.
  {
    code: `
import { randomUUID } from 'node:crypto';
import axios from 'axios';
import pRetry from 'p-retry';

async function createOrder(item: string) {
  return axios.post('https://api.example.com/orders', { item }, { headers: { 'Idempotency-Key': randomUUID() } });
}

export async function checkout(item: string) {
  await pRetry(() => createOrder(item), { retries: 2 });
}
`,
    errors: [
    { messageId: 'unstableIdempotencyKey', line: 11, column: 22, endLine: 11, endColumn: 33, suggestions: [] },
    ],
  },
  // A retried function handed to p-retry by name: the POST inside it is reported where it is.
  {
    code: `
import axios from 'axios';
import pRetry from 'p-retry';

async function createOrder() {
  return axios.post('https://api.example.com/orders', {});
}

export async function checkout() {
  await pRetry(createOrder, { retries: 2 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 10, endLine: 6, endColumn: 20, suggestions: [] },
    ],
  },
  // Octokit retries every request by default: an issue can be opened twice.
  {
    code: `
import { Octokit } from 'octokit';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

export async function fileBug(title: string) {
  await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 9, endLine: 7, endColumn: 35, suggestions: [] },
    ],
  },
  // ky with retry.methods that lists post; undici-free fetch-retry wrapper via require.
  {
    code: `
import ky from 'ky';
const fetchRetry = require('fetch-retry')(fetch, { retries: 5 });

export async function pay() {
  await ky.post('https://api.example.com/pay', { retry: { limit: 2, methods: ['post'] } });
  await fetchRetry('https://api.example.com/pay', { method: 'POST' });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 16, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import ky from 'ky';
import { randomUUID } from 'node:crypto';
const fetchRetry = require('fetch-retry')(fetch, { retries: 5 });

export async function pay() {
  const idempotencyKey = randomUUID();
  await ky.post('https://api.example.com/pay', { retry: { limit: 2, methods: ['post'] }, headers: { 'Idempotency-Key': idempotencyKey } });
  await fetchRetry('https://api.example.com/pay', { method: 'POST' });
}
` },
    ] },
    { messageId: 'unsafeRetry', line: 7, column: 9, endLine: 7, endColumn: 19, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import ky from 'ky';
import { randomUUID } from 'node:crypto';
const fetchRetry = require('fetch-retry')(fetch, { retries: 5 });

export async function pay() {
  await ky.post('https://api.example.com/pay', { retry: { limit: 2, methods: ['post'] } });
  const idempotencyKey = randomUUID();
  await fetchRetry('https://api.example.com/pay', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } });
}
` },
    ] },
    ],
  },
  // retry-axios repeats a POST only when the request's raxConfig lists it: the upload lists it (in a config
  // built up by assignments), the plain POST keeps the default methods, and the PUT is idempotent.
  {
    code: `
import axios from 'axios';
import * as rax from 'retry-axios';
rax.attach();
export async function upload(data: Buffer) {
  const config: Record<string, unknown> = { url: 'https://dms.example.com/blob', timeout: 5000 };
  config.method = 'post';
  config.data = data;
  config.raxConfig = { retry: 5, httpMethodsToRetry: ['GET', 'PUT', 'POST'], backoffType: 'exponential' };
  return axios(config);
}
export const plain = (data: object) => axios.post('https://dms.example.com/notes', data, { timeout: 5000, raxConfig: { retry: 5 } });
export const replace = (data: object) => axios.put('https://dms.example.com/notes/1', data, { timeout: 5000, raxConfig: { httpMethodsToRetry: ['PUT', 'POST'] } });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 10, endLine: 10, endColumn: 15, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'retry-axios on line 4 (it repeats network errors, 429 and 5xx, because `raxConfig.httpMethodsToRetry` lists it)',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A condition built from axios-retry's own predicates that repeat any method still repeats the POST:
  // the library's network predicate with a timeout test added, and its retryable-error predicate.
  {
    code: `
import axios from 'axios';
import axiosRetry, { isRetryableError } from 'axios-retry';
const orders = axios.create({ baseURL: 'https://orders.example.com', timeout: 5000 });
const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
axiosRetry(orders, {
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.code === 'ECONNABORTED',
});
axiosRetry(payments, { retryDelay: axiosRetry.exponentialDelay, retryCondition: isRetryableError });
export const place = () => orders.post('/orders', {});
export const charge = () => payments.post('/charges', {});
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 11, column: 28, endLine: 11, endColumn: 39, suggestions: [],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry on line 6 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
      {
        messageId: 'unsafeRetry', line: 12, column: 29, endLine: 12, endColumn: 42, suggestions: [],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry on line 10 (it repeats network errors, 429 and 5xx, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // axios-retry attached to the default axios instance retries POSTs made through it.
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

axiosRetry(axios, { retries: 2 });

export const pay = () => axios.post('https://api.example.com/pay', {});
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 26, endLine: 7, endColumn: 36, suggestions: [] },
    ],
  },
  // Configured header names and operations (rule options).
  {
    code: `
import { charge } from '@acme/payments';
import axios from 'axios';
import pRetry from 'p-retry';

export async function pay(id: string) {
  await pRetry(() => axios.post('/pay', {}, { headers: { 'x-acme-request-id': id } }));
  await pRetry(() => charge({ amount: 1 }));
  await pRetry(() => charge({ amount: 1, requestId: id }));
}
`,
    options: [{"idempotencyHeaders":["X-Acme-Request-Id"],"operations":[{"module":"@acme/payments","export":"charge","keyOption":"requestId"}]}],
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 22, endLine: 8, endColumn: 28, suggestions: [] },
    ],
  },
  // A configured operation that is a module's default export: its key is the SDK's option, not a header.
  {
    code: `
import sendSms from '@acme/sms';
import pRetry from 'p-retry';

export const notify = (to: string) => pRetry(() => sendSms({ to, text: 'Your order shipped' }));
`,
    options: [{"operations":[{"module":"@acme/sms"}]}],
    errors: [
    {
      messageId: 'unsafeRetry', line: 5, column: 52, endLine: 5, endColumn: 59, suggestions: [],
      data: { operation: '@acme/sms', consequence: 'the operation is applied twice', failure: 'a dropped connection', retry: 'p-retry on line 5', advice: 'Send an idempotency key created once before the retry (the SDK\'s idempotency option).' },
    },
    ],
  },
  // SQL INSERT without a conflict clause, retried by a loop; promise-retry with options first.
  {
    code: `
import { Pool } from 'pg';
import promiseRetry from 'promise-retry';
import axios from 'axios';

const pool = new Pool({ connectionTimeoutMillis: 5000 });

export async function record(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await pool.query('INSERT INTO payments (id) VALUES ($1)', [id]);
      await pool.query('INSERT INTO audit (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function pay() {
  await promiseRetry({ retries: 2 }, (retry) => axios.post('https://api.example.com/pay', {}).catch(retry));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 11, column: 13, endLine: 11, endColumn: 23, suggestions: [] },
    { messageId: 'unsafeRetry', line: 21, column: 49, endLine: 21, endColumn: 59, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Pool } from 'pg';
import promiseRetry from 'promise-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';

const pool = new Pool({ connectionTimeoutMillis: 5000 });

export async function record(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await pool.query('INSERT INTO payments (id) VALUES ($1)', [id]);
      await pool.query('INSERT INTO audit (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function pay() {
  const idempotencyKey = randomUUID();
  await promiseRetry({ retries: 2 }, (retry) => axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': idempotencyKey } }).catch(retry));
}
` },
    ] },
    ],
  },

  // Headers composed here (a merge helper, the instance's own headers) in a file that names no key: none is sent.
  {
    code: composedHeadersClient(),
    errors: [
    { messageId: 'unsafeRetry', line: 12, column: 22, endLine: 12, endColumn: 27, suggestions: [] },
    ],
  },
  // An injected fetch defaulting to the global one still sends this POST; headers spread here carry no key.
  {
    code: `
import pRetry from 'p-retry';
export class WebClient {
  private readonly fetchFn: typeof fetch;
  private readonly defaultHeaders = { 'User-Agent': 'client/1.0' };
  constructor({ fetch }: { fetch?: typeof fetch } = {}) {
    this.fetchFn = fetch ?? globalThis.fetch;
  }
  async makeRequest(url: string, body: string, headers: Record<string, string> = {}) {
    const allHeaders = { ...this.defaultHeaders, ...headers };
    return pRetry(() => this.fetchFn(url, { method: 'POST', headers: allHeaders, body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 11, column: 25, endLine: 11, endColumn: 37, suggestions: [] },
    ],
  },

  // The same default as tsc compiles `??` for older targets (@google/genai's apiCall).
  {
    code: `
const pRetry = require('p-retry');
async function apiCall(url, body, fetchFn) {
  const fetchFunc = fetchFn !== null && fetchFn !== void 0 ? fetchFn : fetch;
  return pRetry(() => fetchFunc(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
module.exports = { apiCall };
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 23, endLine: 5, endColumn: 32, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const pRetry = require('p-retry');
async function apiCall(url, body, fetchFn) {
  const fetchFunc = fetchFn !== null && fetchFn !== void 0 ? fetchFn : fetch;
  const idempotencyKey = randomUUID();
  return pRetry(() => fetchFunc(url, { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
module.exports = { apiCall };
` },
    ] },
    ],
  },

  // A wrapper whose callers pass the method: the POST a caller passes is the one retried inside it.
  {
    code: `
import pRetry from 'p-retry';
async function request(method: string, url: string, body?: string) {
  return pRetry(() => fetch(url, { method, body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
export const charge = (amount: number) => request('POST', 'https://pay.example.com/charges', String(amount));
export const status = () => request('GET', 'https://pay.example.com/status');
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 23, endLine: 4, endColumn: 28, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
async function request(method: string, url: string, body?: string) {
  const idempotencyKey = randomUUID();
  return pRetry(() => fetch(url, { method, body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
export const charge = (amount: number) => request('POST', 'https://pay.example.com/charges', String(amount));
export const status = () => request('GET', 'https://pay.example.com/status');
` },
    ] },
    ],
  },
  // A method read from an options parameter, passed by a sibling method through \`this.call()\`.
  {
    code: `
export class Api {
  async call(opts: { method: string; path: string }) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await fetch(opts.path, { method: opts.method, headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    throw new Error('unreachable');
  }
  post(path: string) {
    return this.call({ method: 'POST', path });
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 27, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export class Api {
  async call(opts: { method: string; path: string }) {
    const idempotencyKey = randomUUID();
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await fetch(opts.path, { method: opts.method, headers: { accept: 'application/json', 'Idempotency-Key': idempotencyKey }, signal: AbortSignal.timeout(5000) });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    throw new Error('unreachable');
  }
  post(path: string) {
    return this.call({ method: 'POST', path });
  }
}
` },
    ] },
    ],
  },
  // A retry around a wrapper retries what it passes: the POST on line 7, not the unretried one on line 6.
  {
    code: `
import pRetry from 'p-retry';
function send(method: string, url: string) {
  return fetch(url, { method, signal: AbortSignal.timeout(5000) });
}
export const ping = () => send('POST', 'https://hooks.example.com/ping');
export const notify = () => pRetry(() => send('POST', 'https://hooks.example.com/notify'), { retries: 2 });
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 42, endLine: 7, endColumn: 46, suggestions: [] },
    ],
  },
  // A catch that continues on one error and rethrows the rest still retries that error.
  {
    code: `
export async function publish(body: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://events.example.com/publish', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ETIMEDOUT') continue;
      throw error;
    }
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 20, endLine: 5, endColumn: 25, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function publish(body: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://events.example.com/publish', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (error) {
      if ((error as { code?: string }).code === 'ETIMEDOUT') continue;
      throw error;
    }
  }
}
` },
    ] },
    ],
  },

  // Headers destructured from a helper's result are composed here; success returns or throws after
  // checking the response, so the loop is a retry (node-telegram-bot-api's transport).
  {
    code: `
declare function encodeForm(params: object): Promise<{ body: string; headers: Record<string, string> }>;
export class Transport {
  constructor(private readonly token: string) {}
  async call(method: string, params: object) {
    const url = \`https://api.telegram.org/bot\${this.token}/\${method}\`;
    const { body, headers } = await encodeForm(params);
    for (let attempt = 0; attempt <= 3; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        if (attempt < 3) {
          await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
          continue;
        }
        throw error;
      }
      if (response.status >= 500 && attempt < 3) continue;
      const json = await response.json();
      if (json.ok) return json.result;
      throw new Error(json.description);
    }
    throw new Error('unreachable');
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 11, column: 26, endLine: 11, endColumn: 31, suggestions: [] },
    ],
  },

  // A retry helper that is a method of a class of the file, called on an instance a field holds: each call
  // retries what it passes. Another class's method of the same name is not that helper.
  {
    code: `
class HttpClientAdapter {
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= 3; attempt++) {
      try {
        return await fn();
      } catch (error) {
        lastError = error;
        if (attempt < 3) await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
    throw lastError;
  }
}

class Queue {
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}

export class MoonPay {
  private readonly http = new HttpClientAdapter();
  private readonly queue = new Queue();
  async createOrder(body: string) {
    return this.http.execute(() => fetch('https://api.moonpay.com/v3/transactions', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  }
  async enqueue(body: string) {
    return this.queue.execute(() => fetch('https://api.moonpay.com/v3/transactions', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 27, column: 36, endLine: 27, endColumn: 41,
      data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'this.http.execute() (the for-loop on line 5) on line 27', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
class HttpClientAdapter {
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= 3; attempt++) {
      try {
        return await fn();
      } catch (error) {
        lastError = error;
        if (attempt < 3) await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
    throw lastError;
  }
}

class Queue {
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}

export class MoonPay {
  private readonly http = new HttpClientAdapter();
  private readonly queue = new Queue();
  async createOrder(body: string) {
    const idempotencyKey = randomUUID();
    return this.http.execute(() => fetch('https://api.moonpay.com/v3/transactions', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
  }
  async enqueue(body: string) {
    return this.queue.execute(() => fetch('https://api.moonpay.com/v3/transactions', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  }
}
` }] },
    ],
  },
  // The file's own retry helper (a loop around its callback): each call retries what it passes.
  {
    code: `
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
export const charge = (body: string) => withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
export const status = () => withRetry(() => fetch('https://pay.example.com/status', { signal: AbortSignal.timeout(5000) }));
`,
    errors: [
    { messageId: 'unsafeRetry', line: 12, column: 57, endLine: 12, endColumn: 62, suggestions: [] },
    ],
  },
  // A helper that calls itself again from its callback's \`.catch()\` handler.
  {
    code: `
function retry<T>(fn: () => Promise<T>, left: number): Promise<T> {
  return fn().catch((error) => (left > 0 ? retry(fn, left - 1) : Promise.reject(error)));
}
export const charge = (body: string) => retry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) }), 3);
export const status = () => retry(() => fetch('https://pay.example.com/status', { signal: AbortSignal.timeout(5000) }), 3);
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 53, endLine: 5, endColumn: 58, suggestions: [] },
    ],
  },
  // A helper that hands its callback to p-retry; the key is made before the helper call.
  {
    code: `
import pRetry from 'p-retry';
const withRetry = <T>(fn: () => Promise<T>) => pRetry(fn, { retries: 3 });
export async function charge(body: string) {
  const response = await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  return response.json();
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 42, endLine: 5, endColumn: 47, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';
const withRetry = <T>(fn: () => Promise<T>) => pRetry(fn, { retries: 3 });
export async function charge(body: string) {
  const idempotencyKey = randomUUID();
  const response = await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
  return response.json();
}
` },
    ] },
    ],
  },

  // A retry scheduled on a timer from .catch() (callback-style code) repeats the POST too.
  {
    code: `
export function send(body: string, attempt = 0): void {
  fetch('https://events.example.com/ingest', { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch(() => {
    if (attempt < 3) setTimeout(() => send(body, attempt + 1), 1000 * 2 ** attempt);
  });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] },
    ],
  },

  // A verb helper fills the method with Object.assign; request() merges its own headers into a let that
  // helpers hand back unchanged; the retry around fetch repeats the POST (firebase-tools' apiv2 client).
  {
    code: `
import retry from 'retry';
declare function token(): Promise<string>;
export class Client {
  post(path: string, body: string, options: { headers?: HeadersInit } = {}) {
    const reqOptions = Object.assign(options, { method: 'POST', path, body });
    return this.request(reqOptions);
  }
  get(path: string, options: { headers?: HeadersInit } = {}) {
    return this.request(Object.assign(options, { method: 'GET', path }));
  }
  private async request(reqOptions: { method: string; path: string; body?: string; headers?: HeadersInit }) {
    let merged = Object.assign(reqOptions, { headers: new Headers(reqOptions.headers) });
    merged = await this.addAuthHeader(merged);
    return this.doRequest(merged);
  }
  private async addAuthHeader(options: { headers: Headers }) {
    options.headers.set('Authorization', \`Bearer \${await token()}\`);
    return options;
  }
  private doRequest(options: { method: string; path: string; body?: string; headers: Headers }) {
    const init = { method: options.method, headers: options.headers, body: options.body, signal: AbortSignal.timeout(5000) };
    const operation = retry.operation({ retries: 2, minTimeout: 1000 });
    return new Promise((resolve, reject) => {
      operation.attempt(async () => {
        try {
          resolve(await fetch(\`https://api.example.com\${options.path}\`, init));
        } catch (error) {
          if (!operation.retry(error as Error)) reject(error);
        }
      });
    });
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 27, column: 25, endLine: 27, endColumn: 30, suggestions: [] },
    ],
  },

  // Callback style: a request's 'error' listener schedules the whole function again, so the POST repeats;
  // a retry flag turned off (\`canRetry\`) through a closure is one more attempt, not a fallback.
  {
    code: `
import https from 'node:https';
export function post(body: string, attempt: number): void {
  const req = https.request({ host: 'api.example.com', path: '/charges', method: 'POST', timeout: 5000 });
  req.on('timeout', () => req.destroy());
  req.on('error', () => {
    if (attempt < 3) setTimeout(() => post(body, attempt + 1), 1000 * 2 ** attempt);
  });
  req.end(body);
}
export function postEvents(events: string, canRetry: boolean): void {
  const retryOrGiveUp = () => {
    if (canRetry) setTimeout(() => postEvents(events, false), 1000);
  };
  const req = https.request({ host: 'events.example.com', path: '/bulk', method: 'POST', timeout: 5000 });
  req.on('timeout', () => req.destroy());
  req.on('error', () => retryOrGiveUp());
  req.end(events);
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 15, endLine: 4, endColumn: 28, suggestions: [] },
    { messageId: 'unsafeRetry', line: 15, column: 15, endLine: 15, endColumn: 28, suggestions: [] },
    ],
  },

  // One more attempt is a retry too: a flag that says the call was retried (\`retried\`), or a count whose
  // guard the passed literal fails (\`retryCount === 0\` with \`1\`).
  {
    code: `
import axios from 'axios';
export async function rate(body: object, retried = false): Promise<unknown> {
  try {
    return (await axios.post('https://ups.example.com/rating', body, { timeout: 5000 })).data;
  } catch (error) {
    if (!retried) return rate(body, true);
    throw error;
  }
}
export async function ship(body: object, retryCount = 0): Promise<unknown> {
  try {
    return (await axios.post('https://ups.example.com/shipments', body, { timeout: 5000 })).data;
  } catch (error) {
    if (retryCount === 0) return ship(body, 1);
    throw error;
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 5, column: 19, endLine: 5, endColumn: 29, suggestions: [] },
    { messageId: 'unsafeRetry', line: 13, column: 19, endLine: 13, endColumn: 29, suggestions: [] },
    ],
  },

  // strict (checkUnknown): a retried POST whose headers come from elsewhere is reported as unverified.
  {
    code: `
import axios from 'axios';
import pRetry from 'p-retry';
export async function pay(headers: Record<string, string>) {
  await pRetry(() => axios.post('https://api.example.com/pay', {}, { headers }));
}
`,
    options: [{"checkUnknown":true}],
    errors: [
    { messageId: 'unverifiedIdempotencyKey', line: 5, column: 22, endLine: 5, endColumn: 32, suggestions: [] },
    ],
  },

  // undici's retry interceptor composed onto an agent takes the same options: a list naming POST retries it.
  {
    code: `
import { Agent, interceptors, request } from 'undici';

const retrying = new Agent().compose(interceptors.redirect({ maxRedirections: 2 }), interceptors.retry({ maxRetries: 3, methods: ['GET', 'POST'] }));
const safe = new Agent().compose(interceptors.retry({ maxRetries: 3 }));

export async function pay() {
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: retrying });
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: safe });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 9, endLine: 8, endColumn: 16, data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'undici `interceptors.retry()` on line 4 (it repeats network errors and 5xx, because its `methods` lists it)', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Agent, interceptors, request } from 'undici';
import { randomUUID } from 'node:crypto';

const retrying = new Agent().compose(interceptors.redirect({ maxRedirections: 2 }), interceptors.retry({ maxRetries: 3, methods: ['GET', 'POST'] }));
const safe = new Agent().compose(interceptors.retry({ maxRetries: 3 }));

export async function pay() {
  const idempotencyKey = randomUUID();
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: retrying, headers: { 'Idempotency-Key': idempotencyKey } });
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: safe });
}
` },
    ] },
    ],
  },

  // undici: a RetryAgent whose methods list POST retries the POST; the default agent methods skip it.
  {
    code: `
import { Agent, RetryAgent, request } from 'undici';

const retrying = new RetryAgent(new Agent(), { maxRetries: 3, methods: ['GET', 'POST'] });
const safe = new RetryAgent(new Agent());

export async function pay() {
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: retrying });
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: safe });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 8, column: 9, endLine: 8, endColumn: 16, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Agent, RetryAgent, request } from 'undici';
import { randomUUID } from 'node:crypto';

const retrying = new RetryAgent(new Agent(), { maxRetries: 3, methods: ['GET', 'POST'] });
const safe = new RetryAgent(new Agent());

export async function pay() {
  const idempotencyKey = randomUUID();
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: retrying, headers: { 'Idempotency-Key': idempotencyKey } });
  await request('https://api.example.com/pay', { method: 'POST', dispatcher: safe });
}
` },
    ] },
    ],
  },
  // cockatiel: a retry policy used alone, executed where it is defined.
  {
    code: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';

export async function pay() {
  await retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }).execute(() => axios.post('https://api.example.com/pay', {}));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 95, endLine: 6, endColumn: 105, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
import { randomUUID } from 'node:crypto';

export async function pay() {
  const idempotencyKey = randomUUID();
  await retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }).execute(() => axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] },
    ],
  },

  // cockatiel: a policy a function of the file makes, taking its attempt count (MTES-MCT/potentiel keeps one so).
  {
    code: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
const retryPolicy = (maxAttempts = 3) => {
  const policy = retry(handleAll, { maxAttempts, backoff: new ExponentialBackoff() });
  return policy;
};
export async function pay() {
  const policy = retryPolicy(5);
  await policy.execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 10, column: 30, endLine: 10, endColumn: 40, data: {
      operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'cockatiel retry (policy on line 5) on line 10',
      advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
    }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const retryPolicy = (maxAttempts = 3) => {
  const policy = retry(handleAll, { maxAttempts, backoff: new ExponentialBackoff() });
  return policy;
};
export async function pay() {
  const policy = retryPolicy(5);
  const idempotencyKey = randomUUID();
  await policy.execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] },
    ],
  },

  // A filter that passes a 429 or a 5xx: the 5xx may come after the server applied the POST.
  {
    code: `
import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
const policy = retry(handleWhen((error: any) => error.status === 429).orWhen((error: any) => error.status >= 500), { maxAttempts: 3, backoff: new ExponentialBackoff() });
export async function pay() {
  await policy.execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 6, column: 30, endLine: 6, endColumn: 40, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const policy = retry(handleWhen((error: any) => error.status === 429).orWhen((error: any) => error.status >= 500), { maxAttempts: 3, backoff: new ExponentialBackoff() });
export async function pay() {
  const idempotencyKey = randomUUID();
  await policy.execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }));
}
` },
    ] }],
  },

  // async-retry's `bail` rejects the retry's promise, but a throw after it still schedules the next attempt:
  // only a bail that ends the catch stops the POST from being sent again.
  {
    code: `
import retry from 'async-retry';
import axios from 'axios';
export async function pay() {
  await retry(async (bail) => {
    try {
      await axios.post('https://api.example.com/pay', {}, { timeout: 5000 });
    } catch (e: any) {
      if (e.response?.status !== 429) bail(e);
      throw e;
    }
  }, { retries: 3 });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 13, endLine: 7, endColumn: 23, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import retry from 'async-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await retry(async (bail) => {
    try {
      await axios.post('https://api.example.com/pay', {}, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (e: any) {
      if (e.response?.status !== 429) bail(e);
      throw e;
    }
  }, { retries: 3 });
}
` },
    ] }],
  },
  // The same with the throw inside the branch: bail, then throw, still schedules the next attempt.
  {
    code: `
import retry from 'async-retry';
import axios from 'axios';
export async function pay() {
  await retry(async (bail) => {
    try {
      await axios.post('https://api.example.com/pay', {}, { timeout: 5000 });
    } catch (e: any) {
      if (e.response?.status !== 429) { bail(e); throw e; }
      throw e;
    }
  }, { retries: 3 });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 13, endLine: 7, endColumn: 23, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import retry from 'async-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await retry(async (bail) => {
    try {
      await axios.post('https://api.example.com/pay', {}, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (e: any) {
      if (e.response?.status !== 429) { bail(e); throw e; }
      throw e;
    }
  }, { retries: 3 });
}
` },
    ] }],
  },
  // A predicate that accepts a 5xx as well as a 429: the 5xx may come after the server applied the POST.
  {
    code: `
import pRetry from 'p-retry';
import axios from 'axios';
export async function pay() {
  await pRetry(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }), { retries: 3, shouldRetry: ({ error }: any) => error.response?.status === 429 || error.response?.status >= 500 });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 5, column: 22, endLine: 5, endColumn: 32, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function pay() {
  const idempotencyKey = randomUUID();
  await pRetry(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3, shouldRetry: ({ error }: any) => error.response?.status === 429 || error.response?.status >= 500 });
}
` },
    ] }],
  },

  // got's statusCodes alone leave its default error codes (ETIMEDOUT, ECONNRESET …), after which the POST may have been applied.
  {
    code: `
import got from 'got';
export async function createBin(code: string) {
  await got.post('https://bin.example.com/', { json: { code }, timeout: { request: 5000 }, retry: { limit: 2, methods: ['POST'], statusCodes: [429] } });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 9, endLine: 4, endColumn: 17, data: {
      operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
      retry: 'got\'s built-in retries on line 4 (it repeats network errors and the statuses `retry.statusCodes` lists, because `retry.methods` lists it)',
      advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
    }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import got from 'got';
import { randomUUID } from 'node:crypto';
export async function createBin(code: string) {
  const idempotencyKey = randomUUID();
  await got.post('https://bin.example.com/', { json: { code }, timeout: { request: 5000 }, retry: { limit: 2, methods: ['POST'], statusCodes: [429] }, headers: { 'Idempotency-Key': idempotencyKey } });
}
` },
    ] }],
  },

  // fetch-retry: a list of statuses in retryOn still repeats every network error; a retryOn function of the
  // user's own that never reads the method and accepts 5xx repeats a POST after an error response.
  {
    code: `
import fetchRetryFactory from 'fetch-retry';
const fetchRetry = fetchRetryFactory(fetch, { retryOn: [503] });
export async function pay(body: string) {
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000), retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response!.status >= 500) });
}
`,
    errors: [
      { messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 19, data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'fetch-retry on line 3 (it repeats network errors, whatever the method)',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      }, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import fetchRetryFactory from 'fetch-retry';
import { randomUUID } from 'node:crypto';
const fetchRetry = fetchRetryFactory(fetch, { retryOn: [503] });
export async function pay(body: string) {
  const idempotencyKey = randomUUID();
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000), retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response!.status >= 500) });
}
` }] },
      { messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 19, data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response',
        retry: 'fetch-retry on line 3 (it repeats the error statuses its `retryOn` accepts, 5xx among them, whatever the method)',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      }, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import fetchRetryFactory from 'fetch-retry';
import { randomUUID } from 'node:crypto';
const fetchRetry = fetchRetryFactory(fetch, { retryOn: [503] });
export async function pay(body: string) {
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  const idempotencyKey = randomUUID();
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000), retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response!.status >= 500), headers: { 'Idempotency-Key': idempotencyKey } });
}
` }] },
    ],
  },

  // A test that only logs other failures lets them reach the retry too.
  {
    code: `
import axios from 'axios';
export async function pay(attempt = 0): Promise<unknown> {
  try {
    return await axios.post('https://api.example.com/pay', {}, { timeout: 5000 });
  } catch (e: any) {
    if (e.response?.status !== 429) console.warn('not a rate limit', e);
    if (attempt >= 3) throw e;
    return pay(attempt + 1);
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 5, column: 18, endLine: 5, endColumn: 28, suggestions: [] }],
  },

  // Recursion on a helper's failure value (@discordjs/rest): the helper's POST is retried when it returns null.
  {
    code: `
async function postOnce(body: string, retries: number): Promise<Response | null> {
  try {
    return await fetch('https://api.example.com/pay', { method: 'POST', body });
  } catch (error) {
    if (retries < 3) return null;
    throw error;
  }
}
export async function pay(body: string, retries = 0): Promise<Response> {
  const res = await postOnce(body, retries);
  if (res === null) return pay(body, ++retries);
  return res;
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 18, endLine: 4, endColumn: 23, suggestions: [] },
    ],
  },
  // A loop on a helper's failure value: the helper returns null from the catch around its POST, and the loop
  // goes round until it gets a result. A loop that stops on that value (\`if (!result) break\`) is no retry.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function sendMessage(to: string, body: string) {
  try {
    return await axios.post('https://graph.example.com/v1/messages', { to, body }, { timeout: 10_000 });
  } catch {
    return null;
  }
}
export async function notify(to: string, body: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await sendMessage(to, body);
    if (result) return;
    await sleep(30_000);
  }
}
export async function sendAll(to: string, bodies: string[]): Promise<void> {
  for (const body of bodies) {
    const result = await sendMessage(to, body);
    if (!result) break;
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 13, column: 26, endLine: 13, endColumn: 37, suggestions: [],
      data: { operation: 'POST in sendMessage() on line 6', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'the for-loop on line 12', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' } },
    ],
  },
  // A generic retrying fetch whose options are its callers': the caller that passes the POST wrote them
  // out with no key, so the retry repeats a keyless POST. The key belongs in that caller's options.
  {
    code: `
export async function fetchWithRetry(url: string, init: RequestInit) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, init);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export async function submit(body: string) {
  return fetchWithRetry('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
}
export const list = () => fetchWithRetry('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 20, endLine: 5, endColumn: 25, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 13)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 3',
        advice: 'Send an idempotency key in the options the call on line 13 passes, created once before that call (an `Idempotency-Key` header).',
      },
    }],
  },
  // A helper that sends a GET, or a POST when it is given a body: a caller that passes one makes its retry
  // repeat a POST. The key goes into the options the helper sends.
  {
    code: `
async function api(url: string, body?: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { method: body ? 'POST' : 'GET', body: body && JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const createOrder = (order: object) => api('https://api.example.com/orders', { order });
export const listOrders = () => api('https://api.example.com/orders');
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 20, endLine: 5, endColumn: 25,
      data: {
        operation: 'POST (sent with the body passed on line 12)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 3',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
async function api(url: string, body?: object) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { method: body ? 'POST' : 'GET', body: body && JSON.stringify(body), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const createOrder = (order: object) => api('https://api.example.com/orders', { order });
export const listOrders = () => api('https://api.example.com/orders');
` }],
    }],
  },
  // The method a caller passes reaches the request through a rest pattern, a helper that spreads the
  // options it is given, and a spread of that helper's result.
  {
    code: `
function normalize(init?: RequestInit): RequestInit {
  return { ...init, credentials: 'include' };
}
async function send(url: string, init?: RequestInit & { label?: string }) {
  const { label, ...rest } = init ?? {};
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const finalInit = { ...normalize(rest), signal: AbortSignal.timeout(5000) };
      return await fetch(url, finalInit);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error(label);
}
export const create = (order: object) => send('https://api.example.com/orders', { method: 'POST', body: JSON.stringify(order) });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 20, endLine: 10, endColumn: 25, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 17)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 7',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // The same rest pattern in a helper the caller's loop retries: its headers are the caller's, which carry no key.
  {
    code: `
async function send(url: string, init?: RequestInit & { skipQueue?: boolean }) {
  const { skipQueue, ...rest } = init ?? {};
  return fetch(url, { ...rest, signal: AbortSignal.timeout(5000) });
}
export async function charge(body: unknown) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await send('https://api.example.com/charges', { method: 'POST', body: JSON.stringify(body) });
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 20, endLine: 9, endColumn: 24, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 9) in send() on line 4', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 7',
        advice: 'Send an idempotency key in the options the call on line 9 passes, created once before that call (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // One caller's key does not cover another's POST: the callers that send none are the ones named.
  {
    code: `
async function fetchWithRetries(url: string, options: RequestInit, retries = 1): Promise<Response> {
  try {
    return await fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
  } catch (err) {
    if (retries <= 3) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** retries));
      return fetchWithRetries(url, options, retries + 1);
    }
    throw err;
  }
}
export async function connect() {
  const key = crypto.randomUUID();
  return fetchWithRetries('https://api.example.com/streams', { method: 'POST', headers: { 'Idempotency-Key': key }, body: '{}' });
}
export const talk = (id: string) => fetchWithRetries(\`https://api.example.com/streams/\${id}\`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
export const close = (id: string) => fetchWithRetries(\`https://api.example.com/streams/\${id}/close\`, { method: 'POST', body: '{}' });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 4, column: 18, endLine: 4, endColumn: 23, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 17)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call in the catch on line 8',
        advice: 'Send an idempotency key in the options the calls on lines 17 and 18 pass, created once before each call (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // An OAuth token request that may refresh: a reused refresh token is refused (and a rotated one may revoke
  // its family), so only the client credentials and password grants repeat harmlessly. No key is suggested:
  // a token endpoint takes none.
  {
    code: `
import axios from 'axios';
export async function token(grant: 'client_credentials' | 'refresh_token', refreshToken?: string): Promise<string> {
  const body = grant === 'client_credentials' ? 'grant_type=client_credentials' : \`grant_type=refresh_token&refresh_token=\${refreshToken}\`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await axios.post('https://auth.example.com/oauth/token', body, { timeout: 5000 })).data.access_token;
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 7, column: 21, endLine: 7, endColumn: 31, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the token endpoint refuses the code or refresh token it has already used, and may revoke the tokens the first request issued',
        failure: 'a dropped connection', retry: 'the for-loop on line 5',
        advice: 'A token endpoint takes no idempotency key: retry this grant only after a refusal (a 429 or 503), and start the exchange again after a dropped connection.',
      },
    }],
  },
  // Headers read off a form encoder this code made carry no key of a caller's: in a file that names no
  // idempotency key, the retried upload sends none.
  {
    code: `
import { FormDataEncoder } from 'form-data-encoder';
import { Readable } from 'node:stream';
export async function upload(form: FormData) {
  const encoder = new FormDataEncoder(form);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://files.example.com/', { method: 'POST', headers: encoder.headers, body: Readable.from(encoder) as unknown as BodyInit, signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 8, column: 20, endLine: 8, endColumn: 25, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 6',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A retryCondition of the user's own that never reads the request repeats any method after the failures it
  // picks: network errors here.
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => error.code === 'ECONNRESET' || error.code === 'ETIMEDOUT' });
export const create = (order: object) => api.post('/orders', order);
const carrier = axios.create({ baseURL: 'https://carrier.example.com', timeout: 5000 });
// \`!error.response\` is a failure with no answer: a dropped connection, whatever the statuses beside it.
axiosRetry(carrier, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => !error.response || [429, 500, 502, 503, 504].includes(error.response.status) });
export const ship = (parcel: object) => carrier.post('/shipments', parcel);
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 42, endLine: 6, endColumn: 50, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'axios-retry on line 5 (it repeats the network errors and statuses its \`retryCondition\` accepts, whatever the method)',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
    }, {
      messageId: 'unsafeRetry', line: 10, column: 41, endLine: 10, endColumn: 53, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'axios-retry on line 9 (it repeats the network errors and statuses its \`retryCondition\` accepts, whatever the method)',
        advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).',
      },
    }],
  },
  // The same decision made by an \`if\` that assigns the options, in a helper the retry calls through
  // another: the body reaches it from the outermost call, through the retried one.
  {
    code: `
async function makeRequest(url: string, body?: object) {
  let init: RequestInit = {};
  if (body) {
    init = { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) };
  } else {
    init = { signal: AbortSignal.timeout(5000) };
  }
  return fetch(url, init);
}
async function send(url: string, data?: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await makeRequest(url, data);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const publish = () => send('https://api.example.com/events', { type: 'signup' });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 14, column: 20, endLine: 14, endColumn: 31, suggestions: [],
      data: {
        operation: 'POST (sent with the body passed on line 21) in makeRequest() on line 9', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'the for-loop on line 12', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // The hand-written axios retry: a response interceptor that sends the failed request's config again
  // retries every call through the instance (or through axios itself), POSTs included.
  {
    code: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
api.interceptors.response.use(undefined, async (error) => {
  const config = error.config;
  config.__retryCount = config.__retryCount || 0;
  if (config.__retryCount >= 3) return Promise.reject(error);
  config.__retryCount += 1;
  await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** config.__retryCount));
  return api(config);
});

export async function createOrder(item: string) {
  return api.post('/orders', { item });
}
export async function listOrders() {
  return api.get('/orders');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 15, column: 10, endLine: 15, endColumn: 18,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the axios response interceptor on line 5 (it repeats the failures its handler sends again, whatever the method)', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';

const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
api.interceptors.response.use(undefined, async (error) => {
  const config = error.config;
  config.__retryCount = config.__retryCount || 0;
  if (config.__retryCount >= 3) return Promise.reject(error);
  config.__retryCount += 1;
  await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** config.__retryCount));
  return api(config);
});

export async function createOrder(item: string) {
  const idempotencyKey = randomUUID();
  return api.post('/orders', { item }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
export async function listOrders() {
  return api.get('/orders');
}
` }],
    }],
  },
  {
    code: `
import axios from 'axios';

axios.interceptors.response.use((response) => response, (error) => {
  const { config } = error;
  return new Promise((resolve) => setTimeout(resolve, 500)).then(() => axios.request(config));
});

export async function notify(text: string) {
  return axios.post('https://hooks.example.com/notify', { text }, { timeout: 5000 });
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 10, endLine: 10, endColumn: 20,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the axios response interceptor on line 4 (it repeats the failures its handler sends again, whatever the method)', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';

axios.interceptors.response.use((response) => response, (error) => {
  const { config } = error;
  return new Promise((resolve) => setTimeout(resolve, 500)).then(() => axios.request(config));
});

export async function notify(text: string) {
  const idempotencyKey = randomUUID();
  return axios.post('https://hooks.example.com/notify', { text }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
}
` }],
    }],
  },
  // axios-retry patching a NestJS HttpService's axios (\`axiosRetry(this.httpService.axiosRef)\`) retries the
  // requests that service makes, in the same class; another class's HttpService is not known to share it.
  {
    code: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import axiosRetry from 'axios-retry';

@Injectable()
export class InventoryClient {
  constructor(private readonly httpService: HttpService) {
    axiosRetry(this.httpService.axiosRef, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  }
  async reserve(request: object) {
    return (await firstValueFrom(this.httpService.post('https://inventory.example.com/reserve', request, { timeout: 10000 }))).data;
  }
  async stock(sku: string) {
    return (await firstValueFrom(this.httpService.get(\`https://inventory.example.com/stock/\${sku}\`, { timeout: 10000 }))).data;
  }
}

@Injectable()
export class PaymentsClient {
  constructor(private readonly httpService: HttpService) {}
  async charge(request: object) {
    return (await firstValueFrom(this.httpService.post('https://payments.example.com/charges', request, { timeout: 10000 }))).data;
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 13, column: 34, endLine: 13, endColumn: 55,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry on line 10 (it repeats network errors, whatever the method)', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import axiosRetry from 'axios-retry';
import { randomUUID } from 'node:crypto';

@Injectable()
export class InventoryClient {
  constructor(private readonly httpService: HttpService) {
    axiosRetry(this.httpService.axiosRef, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  }
  async reserve(request: object) {
    const idempotencyKey = randomUUID();
    return (await firstValueFrom(this.httpService.post('https://inventory.example.com/reserve', request, { timeout: 10000, headers: { 'Idempotency-Key': idempotencyKey } }))).data;
  }
  async stock(sku: string) {
    return (await firstValueFrom(this.httpService.get(\`https://inventory.example.com/stock/\${sku}\`, { timeout: 10000 }))).data;
  }
}

@Injectable()
export class PaymentsClient {
  constructor(private readonly httpService: HttpService) {}
  async charge(request: object) {
    return (await firstValueFrom(this.httpService.post('https://payments.example.com/charges', request, { timeout: 10000 }))).data;
  }
}
` }],
    }],
  },
  // A status loop that keeps the response through a chained assignment (\`res = (last = await fetch(…))\`)
  // still repeats the POST on a 5xx.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function submit(body: string) {
  let last: Response | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = (last = await fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
    if (res.status < 500) return res;
    await sleep(500 * attempt);
  }
  return last;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 31, endLine: 6, endColumn: 36,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 5', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function submit(body: string) {
  let last: Response | undefined;
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = (last = await fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
    if (res.status < 500) return res;
    await sleep(500 * attempt);
  }
  return last;
}
` }],
    }],
  },
  // An interceptor that sends again only when the server answered 503 or 504 repeats the POST after an error
  // response, not after a dropped connection, and the message says so.
  {
    code: `
import axios from 'axios';

const api = axios.create({ baseURL: '/api', timeout: 30000 });
api.interceptors.response.use((response) => response, async (error) => {
  if (error.response) {
    const { status } = error.response;
    if (status === 503 || status === 504) {
      const config = error.config;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return api(config);
    }
  }
  return Promise.reject(error);
});

export const createOrder = async (order: object) => (await api.post('/orders', order)).data;
`,
    errors: [{
      messageId: 'unsafeRetry', line: 17, column: 60, endLine: 17, endColumn: 68,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the axios response interceptor on line 5 (it repeats the failures its handler sends again, whatever the method)', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // A class field that holds the sending function is followed like a method.
  {
    code: `
import axios from 'axios';

export class Notifier {
  send = async (body: unknown) => axios.post('https://hooks.example.com/events', body, { timeout: 5000 });

  async notify(body: unknown) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.send(body);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
      }
    }
    throw new Error('not delivered');
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 10, column: 22, endLine: 10, endColumn: 31, suggestions: [], data: { operation: 'POST in this.send() on line 5', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 8', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' } }],
  },
  // A failed job goes back on the queue and is sent again. A key made before the loop would be shared by
  // every job, so no fix is offered: each job needs its own, made when it is queued.
  {
    code: `
import axios from 'axios';
interface Job { id: string; body: unknown }
export async function deliver(queue: Job[]) {
  while (queue.length > 0) {
    const job = queue.shift()!;
    try {
      await axios.post('https://hooks.example.com/events', job.body, { timeout: 5000 });
    } catch {
      queue.push(job);
    }
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 8, column: 13, endLine: 8, endColumn: 23, suggestions: [], data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the while-loop that sends what failed in `queue` again on line 5', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' } }],
  },
  // Leaves on success or when the attempts run out, and goes round otherwise.
  {
    code: `
export async function charge(body: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    if (res.ok || attempt >= 3) return res;
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 4, column: 23, endLine: 4, endColumn: 28, data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 3', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function charge(body: string): Promise<Response> {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const res = await fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    if (res.ok || attempt >= 3) return res;
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
  }
}
` }] }],
  },
  // Sent again until it answers 200: whatever else a 200 test may mean, the POST is repeated.
  {
    code: `
export async function submit(url: string, body: string, attempts = 3): Promise<Response> {
  const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (res.status === 200) return res;
  if (attempts === 1) throw new Error('retry limit reached');
  return submit(url, body, attempts - 1);
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 3, column: 21, endLine: 3, endColumn: 26, suggestions: [], data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the recursive call on a failed status on line 6', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' } }],
  },
  // Sent again whenever the answer comes back empty: the server answered, and the same order goes again.
  // (A retry on an empty answer is looked for in files that say retry or attempt, as this log line does.)
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function placeOrder(market: string, amount: string): Promise<string> {
  const res = await axios.post('https://exchange.example.com/orders', { market, amount }, { timeout: 5000 });
  if (!res.data.data) {
    console.warn('no order in the answer, retrying');
    await sleep(5000);
    return placeOrder(market, amount);
  }
  return res.data.data.id;
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 5, column: 21, endLine: 5, endColumn: 31, suggestions: [], data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the recursive call on an empty answer on line 9', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' } }],
  },
  // Retries decided by the status, with no catch: a failed response sends the POST again. A 5xx may come
  // after the server applied it (a gateway timeout), so the repeat can charge twice.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function charge(body: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    if (res.ok) return res;
    await sleep(2 ** attempt * 100);
  }
  throw new Error('charge failed');
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 23, endLine: 5, endColumn: 28,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 4',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function charge(body: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    if (res.ok) return res;
    await sleep(2 ** attempt * 100);
  }
  throw new Error('charge failed');
}
` }],
    }],
  },
  // The same decided other ways: a failure branch that continues, a do-while's own test, a status read
  // inside a try, and recursion on a 5xx.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function refund(id: string) {
  let attempt = 0;
  while (true) {
    const { status } = await axios.post(\`https://pay.example.com/refunds/\${id}\`, {}, { timeout: 5000, validateStatus: () => true });
    if (status >= 500 && ++attempt < 3) {
      await sleep(1000);
      continue;
    }
    return status;
  }
}
export async function capture(id: string) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch(\`https://pay.example.com/captures/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) });
    attempt++;
    await sleep(100 * attempt);
  } while (!res.ok && attempt < 3);
  return res;
}
export async function payout(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://pay.example.com/payouts/\${id}\`, { method: 'PATCH', signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return res;
    } finally {
      await sleep(100);
    }
  }
  return undefined;
}
export async function transfer(body: string, attempt = 0): Promise<Response> {
  const res = await fetch('https://pay.example.com/transfers', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if ((res.status === 502 || res.status === 503) && attempt < 2) {
    await sleep(500);
    return transfer(body, attempt + 1);
  }
  return res;
}
`,
    errors: [
      { messageId: 'unsafeRetry', line: 7, column: 30, endLine: 7, endColumn: 40, data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the while-loop on line 6', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function refund(id: string) {
  let attempt = 0;
  const idempotencyKey = randomUUID();
  while (true) {
    const { status } = await axios.post(\`https://pay.example.com/refunds/\${id}\`, {}, { timeout: 5000, validateStatus: () => true, headers: { 'Idempotency-Key': idempotencyKey } });
    if (status >= 500 && ++attempt < 3) {
      await sleep(1000);
      continue;
    }
    return status;
  }
}
export async function capture(id: string) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch(\`https://pay.example.com/captures/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) });
    attempt++;
    await sleep(100 * attempt);
  } while (!res.ok && attempt < 3);
  return res;
}
export async function payout(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://pay.example.com/payouts/\${id}\`, { method: 'PATCH', signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return res;
    } finally {
      await sleep(100);
    }
  }
  return undefined;
}
export async function transfer(body: string, attempt = 0): Promise<Response> {
  const res = await fetch('https://pay.example.com/transfers', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if ((res.status === 502 || res.status === 503) && attempt < 2) {
    await sleep(500);
    return transfer(body, attempt + 1);
  }
  return res;
}
` }],
      },
      { messageId: 'unsafeRetry', line: 19, column: 17, endLine: 19, endColumn: 22, data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the do-while loop on line 18', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function refund(id: string) {
  let attempt = 0;
  while (true) {
    const { status } = await axios.post(\`https://pay.example.com/refunds/\${id}\`, {}, { timeout: 5000, validateStatus: () => true });
    if (status >= 500 && ++attempt < 3) {
      await sleep(1000);
      continue;
    }
    return status;
  }
}
export async function capture(id: string) {
  let res: Response;
  let attempt = 0;
  const idempotencyKey = randomUUID();
  do {
    res = await fetch(\`https://pay.example.com/captures/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    attempt++;
    await sleep(100 * attempt);
  } while (!res.ok && attempt < 3);
  return res;
}
export async function payout(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://pay.example.com/payouts/\${id}\`, { method: 'PATCH', signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return res;
    } finally {
      await sleep(100);
    }
  }
  return undefined;
}
export async function transfer(body: string, attempt = 0): Promise<Response> {
  const res = await fetch('https://pay.example.com/transfers', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if ((res.status === 502 || res.status === 503) && attempt < 2) {
    await sleep(500);
    return transfer(body, attempt + 1);
  }
  return res;
}
` }],
      },
      { messageId: 'unsafeRetry', line: 28, column: 25, endLine: 28, endColumn: 30, data: { operation: 'PATCH', consequence: 'the server applies the change twice', failure: 'an error response', retry: 'the for-loop on line 26', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function refund(id: string) {
  let attempt = 0;
  while (true) {
    const { status } = await axios.post(\`https://pay.example.com/refunds/\${id}\`, {}, { timeout: 5000, validateStatus: () => true });
    if (status >= 500 && ++attempt < 3) {
      await sleep(1000);
      continue;
    }
    return status;
  }
}
export async function capture(id: string) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch(\`https://pay.example.com/captures/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) });
    attempt++;
    await sleep(100 * attempt);
  } while (!res.ok && attempt < 3);
  return res;
}
export async function payout(id: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://pay.example.com/payouts/\${id}\`, { method: 'PATCH', signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
      if (res.status < 500) return res;
    } finally {
      await sleep(100);
    }
  }
  return undefined;
}
export async function transfer(body: string, attempt = 0): Promise<Response> {
  const res = await fetch('https://pay.example.com/transfers', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if ((res.status === 502 || res.status === 503) && attempt < 2) {
    await sleep(500);
    return transfer(body, attempt + 1);
  }
  return res;
}
` }],
      },
      { messageId: 'unsafeRetry', line: 37, column: 21, endLine: 37, endColumn: 26, data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the recursive call on a failed status on line 40', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [],
      },
    ],
  },
  // The same shape, but the failure it lets through is a reset connection: the POST may have been applied.
  {
    code: `
import pRetry, { AbortError } from 'p-retry';

export function purge(condition: string) {
  return pRetry(async () => {
    try {
      const response = await fetch('https://api.example.com/v0/datasources/events/delete', { method: 'POST', body: condition, signal: AbortSignal.timeout(5000) });
      return await response.json();
    } catch (error) {
      if (error instanceof Error && error.message.includes('ECONNRESET')) throw error;
      throw new AbortError(error as Error);
    }
  }, { retries: 5 });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 30, endLine: 7, endColumn: 35, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import pRetry, { AbortError } from 'p-retry';
import { randomUUID } from 'node:crypto';

export function purge(condition: string) {
  const idempotencyKey = randomUUID();
  return pRetry(async () => {
    try {
      const response = await fetch('https://api.example.com/v0/datasources/events/delete', { method: 'POST', body: condition, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
      return await response.json();
    } catch (error) {
      if (error instanceof Error && error.message.includes('ECONNRESET')) throw error;
      throw new AbortError(error as Error);
    }
  }, { retries: 5 });
}
` },
    ] },
    ],
  },
  // A status loop whose failure branch goes round under a nested bound (\`if (attempt < max) { …; continue; }\`).
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendBatch(keys: string[]) {
  for (let attempt = 0; attempt <= 3; attempt++) {
    const response = await fetch('https://ingest.example.com/replay', { method: 'POST', body: JSON.stringify({ keys }), signal: AbortSignal.timeout(5000) });
    if (response.ok) return response.json();
    if (response.status === 429 || response.status >= 500) {
      if (attempt < 3) {
        await sleep(2 ** attempt * 1000);
        continue;
      }
    }
    throw new Error(\`HTTP \${response.status}\`);
  }
  throw new Error('unreachable');
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 28, endLine: 6, endColumn: 33, data: { failure: 'an error response', operation: 'POST', consequence: 'the server creates or charges it twice', retry: 'the for-loop on line 5', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendBatch(keys: string[]) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt <= 3; attempt++) {
    const response = await fetch('https://ingest.example.com/replay', { method: 'POST', body: JSON.stringify({ keys }), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    if (response.ok) return response.json();
    if (response.status === 429 || response.status >= 500) {
      if (attempt < 3) {
        await sleep(2 ** attempt * 1000);
        continue;
      }
    }
    throw new Error(\`HTTP \${response.status}\`);
  }
  throw new Error('unreachable');
}
` },
    ] },
    ],
  },
  // ky with POST in \`retry.methods\` and an empty \`retry.statusCodes\`: it repeats network errors only, and says so.
  {
    code: `
import ky from 'ky';
export function submit(body: unknown) {
  return ky.post('https://api.example.com/onboarding', { json: body, timeout: 5000, retry: { limit: 2, methods: ['post'], statusCodes: [] } });
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 4, column: 10, endLine: 4, endColumn: 17, data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: "ky's built-in retries on line 4 (it repeats only network errors, as `retry.statusCodes` is empty and `retry.methods` lists it)", advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import ky from 'ky';
import { randomUUID } from 'node:crypto';
export function submit(body: unknown) {
  const idempotencyKey = randomUUID();
  return ky.post('https://api.example.com/onboarding', { json: body, timeout: 5000, retry: { limit: 2, methods: ['post'], statusCodes: [] }, headers: { 'Idempotency-Key': idempotencyKey } });
}
` },
    ] },
    ],
  },
  // A loop whose catch keeps the error and whose success leaves after the try, on a good status: the
  // POST goes round again after a dropped connection.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function append(stream: string, records: unknown[]) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(\`https://streams.example.com/\${stream}/records\`, { method: 'POST', body: JSON.stringify(records), signal: AbortSignal.timeout(5000) });
    } catch (error) {
      lastError = error;
    }
    if (response) {
      if (response.ok) return response.json();
      if (response.status < 500) throw new Error(\`append failed: \${response.status}\`);
      lastError = new Error(\`append failed: \${response.status}\`);
    }
    await sleep(2 ** attempt * 100);
  }
  throw lastError;
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 9, column: 24, endLine: 9, endColumn: 29, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function append(stream: string, records: unknown[]) {
  let lastError: unknown;
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(\`https://streams.example.com/\${stream}/records\`, { method: 'POST', body: JSON.stringify(records), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (error) {
      lastError = error;
    }
    if (response) {
      if (response.ok) return response.json();
      if (response.status < 500) throw new Error(\`append failed: \${response.status}\`);
      lastError = new Error(\`append failed: \${response.status}\`);
    }
    await sleep(2 ** attempt * 100);
  }
  throw lastError;
}
` },
    ] },
    ],
  },
  // A status test held in a \`const\` reads like one written inline: success leaves, a 5xx goes round.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function postWithRetry(url: string, body: string, retries = 3): Promise<Response> {
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
      const isServerError = response.status >= 500;
      if (!isServerError) return response;
    } catch (error) {
      if (attempt === retries) throw error;
    }
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('exhausted');
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 6, column: 30, endLine: 6, endColumn: 35, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function postWithRetry(url: string, body: string, retries = 3): Promise<Response> {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
      const isServerError = response.status >= 500;
      if (!isServerError) return response;
    } catch (error) {
      if (attempt === retries) throw error;
    }
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('exhausted');
}
` },
    ] },
    ],
  },
  // RxJS retry() piped onto an Angular HttpClient POST: each resubscription sends the request again. The
  // arguments are evaluated once, so the key goes in them; browser code gets it from Web Crypto.
  {
    code: `
import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { retry } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  charge(amount: number) {
    return this.http.post('/api/charges', { amount }).pipe(retry(3));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 11, column: 12, endLine: 11, endColumn: 26, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { retry } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  charge(amount: number) {
    const idempotencyKey = crypto.randomUUID();
    return this.http.post('/api/charges', { amount }, { headers: { 'Idempotency-Key': idempotencyKey } }).pipe(retry(3));
  }
}
` },
    ] },
    ],
  },
  // NestJS HttpService (a constructor parameter property), its PATCH retried through a held Observable;
  // the options written at the call get the header.
  {
    code: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { retry } from 'rxjs/operators';

@Injectable()
export class OrdersClient {
  constructor(private readonly httpService: HttpService) {}

  async ship(id: string) {
    const request$ = this.httpService.patch(\`https://orders.example.com/orders/\${id}\`, { state: 'shipped' }, { timeout: 5000 });
    return firstValueFrom(request$.pipe(retry({ count: 2, delay: 1000 })));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 12, column: 22, endLine: 12, endColumn: 44, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { retry } from 'rxjs/operators';
import { randomUUID } from 'node:crypto';

@Injectable()
export class OrdersClient {
  constructor(private readonly httpService: HttpService) {}

  async ship(id: string) {
    const idempotencyKey = randomUUID();
    const request$ = this.httpService.patch(\`https://orders.example.com/orders/\${id}\`, { state: 'shipped' }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    return firstValueFrom(request$.pipe(retry({ count: 2, delay: 1000 })));
  }
}
` },
    ] },
    ],
  },
  // A switchMap over a cold source runs again on resubscription: the POST inside it is the retry's scope.
  // \`request('POST', …)\` on a parameter typed HttpClient names its method in the first argument.
  {
    code: `
import { HttpClient } from '@angular/common/http';
import { of, retry, switchMap } from 'rxjs';

export function submit(http: HttpClient, order: { id: string }) {
  return of(order).pipe(
    switchMap((value) => http.request('POST', '/api/orders', { body: value })),
    retry({ count: 2, delay: 500 }),
  );
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 7, column: 26, endLine: 7, endColumn: 38, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { HttpClient } from '@angular/common/http';
import { of, retry, switchMap } from 'rxjs';

export function submit(http: HttpClient, order: { id: string }) {
  const idempotencyKey = crypto.randomUUID();
  return of(order).pipe(
    switchMap((value) => http.request('POST', '/api/orders', { body: value, headers: { 'Idempotency-Key': idempotencyKey } })),
    retry({ count: 2, delay: 500 }),
  );
}
` },
    ] },
    ],
  },
  // A NestJS HttpService POST awaited through firstValueFrom in a hand-written retry loop.
  {
    code: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class Notifier {
  constructor(private readonly http: HttpService) {}

  async send(to: string) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await firstValueFrom(this.http.post('https://sms.example.com/messages', { to }, { timeout: 5000 }));
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 13, column: 37, endLine: 13, endColumn: 51, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { randomUUID } from 'node:crypto';

@Injectable()
export class Notifier {
  constructor(private readonly http: HttpService) {}

  async send(to: string) {
    const idempotencyKey = randomUUID();
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await firstValueFrom(this.http.post('https://sms.example.com/messages', { to }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }));
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }
}
` },
    ] },
    ],
  },
  // The client held in a local (\`const { client } = this\`) and reached through \`super\` in a subclass.
  {
    code: `
import { HttpClient } from '@angular/common/http';
import { retry } from 'rxjs';

export class StoreService {
  constructor(private readonly client: HttpClient) {}

  store(item: unknown) {
    const { client } = this;
    return client.post('/api/items', item).pipe(retry({ count: 2, delay: 500 }));
  }
}

export class AuditedHttp extends HttpClient {
  record(entry: unknown) {
    return super.post('/api/audit', entry).pipe(retry({ count: 2, delay: 500 }));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 10, column: 12, endLine: 10, endColumn: 23, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { HttpClient } from '@angular/common/http';
import { retry } from 'rxjs';

export class StoreService {
  constructor(private readonly client: HttpClient) {}

  store(item: unknown) {
    const { client } = this;
    const idempotencyKey = crypto.randomUUID();
    return client.post('/api/items', item, { headers: { 'Idempotency-Key': idempotencyKey } }).pipe(retry({ count: 2, delay: 500 }));
  }
}

export class AuditedHttp extends HttpClient {
  record(entry: unknown) {
    return super.post('/api/audit', entry).pipe(retry({ count: 2, delay: 500 }));
  }
}
` },
    ] },
    { messageId: 'unsafeRetry', line: 16, column: 12, endLine: 16, endColumn: 22, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { HttpClient } from '@angular/common/http';
import { retry } from 'rxjs';

export class StoreService {
  constructor(private readonly client: HttpClient) {}

  store(item: unknown) {
    const { client } = this;
    return client.post('/api/items', item).pipe(retry({ count: 2, delay: 500 }));
  }
}

export class AuditedHttp extends HttpClient {
  record(entry: unknown) {
    const idempotencyKey = crypto.randomUUID();
    return super.post('/api/audit', entry, { headers: { 'Idempotency-Key': idempotencyKey } }).pipe(retry({ count: 2, delay: 500 }));
  }
}
` },
    ] },
    ],
  },
  // The older retryWhen: a notifier of delay and take repeats every failure.
  {
    code: `
import { HttpClient } from '@angular/common/http';
import { delay, retryWhen, take } from 'rxjs/operators';

export class Orders {
  constructor(private readonly http: HttpClient) {}

  place(order: unknown) {
    return this.http.post('/api/orders', order).pipe(retryWhen((errors) => errors.pipe(delay(1000), take(3))));
  }
}
`,
    errors: [
    { messageId: 'unsafeRetry', line: 9, column: 12, endLine: 9, endColumn: 26, data: { operation: 'POST', failure: 'a dropped connection', consequence: 'the server creates or charges it twice', retry: 'RxJS retryWhen() on line 9 (it repeats every error the request emits, a dropped connection or a failed status, whatever the method)', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' }, suggestions: [
      { messageId: 'addIdempotencyKey', output: `
import { HttpClient } from '@angular/common/http';
import { delay, retryWhen, take } from 'rxjs/operators';

export class Orders {
  constructor(private readonly http: HttpClient) {}

  place(order: unknown) {
    const idempotencyKey = crypto.randomUUID();
    return this.http.post('/api/orders', order, { headers: { 'Idempotency-Key': idempotencyKey } }).pipe(retryWhen((errors) => errors.pipe(delay(1000), take(3))));
  }
}
` },
    ] },
    ],
  },
  // Options in a field no one writes again (the Angular tutorial's \`httpOptions\`): its headers are all
  // there is, and they name no key. The field is shared, so the key is not added there (no suggestion).
  {
    code: `
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { retry } from 'rxjs';

export class HeroService {
  httpOptions = { headers: new HttpHeaders({ 'Content-Type': 'application/json' }) };

  constructor(private readonly http: HttpClient) {}

  addHero(hero: { name: string }) {
    return this.http.post('/api/heroes', hero, this.httpOptions).pipe(retry({ count: 2, delay: 500 }));
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 11, column: 12, endLine: 11, endColumn: 26, suggestions: [] }],
  },
  // A key made in a defer callback is made again on every resubscription.
  {
    code: `
import { randomUUID } from 'node:crypto';
import { defer, retry } from 'rxjs';

export const pay = (body: string) => defer(() => fetch('https://pay.example.com/charges', {
  method: 'POST', body, headers: { 'Idempotency-Key': randomUUID() }, signal: AbortSignal.timeout(5000),
})).pipe(retry({ count: 2, delay: 500 }));
`,
    errors: [{ messageId: 'unstableIdempotencyKey', line: 5, column: 50, endLine: 5, endColumn: 55 }],
  },
  // A request config (method and URL together) handed to a requester this file does not define.
  {
    code: `
import pRetry from 'p-retry';

type Send = (config: { method: string; url: string; data?: unknown; headers?: Record<string, string> }) => Promise<unknown>;

export async function deliver(request: Send, payload: unknown) {
  await pRetry(() => request({ method: 'POST', url: 'https://hooks.example.com/deliver', data: payload, headers: { 'Content-Type': 'application/json' } }), { retries: 3 });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 22, endLine: 7, endColumn: 29, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';

type Send = (config: { method: string; url: string; data?: unknown; headers?: Record<string, string> }) => Promise<unknown>;

export async function deliver(request: Send, payload: unknown) {
  const idempotencyKey = randomUUID();
  await pRetry(() => request({ method: 'POST', url: 'https://hooks.example.com/deliver', data: payload, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
` }] }],
  },
  // The same config sent by a package's requester, retried by a hand-written loop with its headers built here.
  {
    code: `
import { secureRequest } from 'company-http';

export async function dispatch(url: string, payload: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await secureRequest({ method: 'POST', url, data: payload, headers, timeout: 10_000 });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 8, column: 13, endLine: 8, endColumn: 26, suggestions: [] }],
  },
  // Promise code: a failed status sends the POST again from a \`.then\`, after a timer promise.
  {
    code: `
export const submit = (body: string): Promise<Response> =>
  fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }).then((response) => {
    if (response.status >= 500) return new Promise((resolve) => setTimeout(resolve, 1000)).then(() => submit(body));
    return response;
  });
`,
    errors: [{ messageId: 'unsafeRetry', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [], data: {
      operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the recursive call scheduled on a failed status on line 4',
      advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
    } }],
  },
  // An action on a resource the URL names is a POST like any other: only the S3 multipart addresses are known to repeat safely.
  {
    code: `
import pRetry from 'p-retry';
import axios from 'axios';

export async function complete(base: string, uploadId: string) {
  await pRetry(() => axios.post(\`\${base}/uploads/\${uploadId}/complete\`, '', { timeout: 5000 }), { retries: 3 });
}
`,
    errors: [{ messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 32, suggestions: [{ messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import axios from 'axios';
import { randomUUID } from 'node:crypto';

export async function complete(base: string, uploadId: string) {
  const idempotencyKey = randomUUID();
  await pRetry(() => axios.post(\`\${base}/uploads/\${uploadId}/complete\`, '', { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
` }] }],
  },
  // A method or a statement held in a name: `{ method }` after `const method = 'POST'`, a module's
  // `const METHOD = 'POST'`, and `const sql = 'INSERT …'` passed to the query.
  {
    code: `
import pRetry from 'p-retry';
import { Pool } from 'pg';

const METHOD = 'POST';
const pool = new Pool({ connectionTimeoutMillis: 5000, query_timeout: 5000 });

export async function charge(amount: number) {
  const method = 'POST';
  await pRetry(() => fetch('https://pay.example.com/charges', { method, body: String(amount), signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
export const refund = (id: string) => pRetry(() => fetch(\`https://pay.example.com/refunds/\${id}\`, { method: METHOD, signal: AbortSignal.timeout(5000) }), { retries: 3 });
export async function save(name: string) {
  const sql = 'INSERT INTO customers (name) VALUES ($1)';
  await pRetry(() => pool.query(sql, [name]), { retries: 3 });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 10, column: 22, endLine: 10, endColumn: 27,
        data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 10', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';

const METHOD = 'POST';
const pool = new Pool({ connectionTimeoutMillis: 5000, query_timeout: 5000 });

export async function charge(amount: number) {
  const method = 'POST';
  const idempotencyKey = randomUUID();
  await pRetry(() => fetch('https://pay.example.com/charges', { method, body: String(amount), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
export const refund = (id: string) => pRetry(() => fetch(\`https://pay.example.com/refunds/\${id}\`, { method: METHOD, signal: AbortSignal.timeout(5000) }), { retries: 3 });
export async function save(name: string) {
  const sql = 'INSERT INTO customers (name) VALUES ($1)';
  await pRetry(() => pool.query(sql, [name]), { retries: 3 });
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 12, column: 52, endLine: 12, endColumn: 57, suggestions: [],
        data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 12', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      },
      {
        messageId: 'unsafeRetry', line: 15, column: 22, endLine: 15, endColumn: 32, suggestions: [],
        data: {
          operation: 'INSERT', consequence: 'the row is inserted twice', failure: 'a dropped connection', retry: 'p-retry on line 15',
          advice: 'Add `ON CONFLICT (…) DO NOTHING` (or `ON DUPLICATE KEY UPDATE`) on a unique key, so a repeated insert changes nothing.',
        },
      },
    ],
  },
  // A loop with two tries: the first fetches the token again only after a 401, the second sends the POST
  // and goes round on any failure. The second is the attempt.
  {
    code: `
import { refreshToken } from './auth';

// The first try fetches the token again only after a 401; the second is the POST, retried on any failure.
export async function send(url: string, body: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    let token: string;
    try {
      token = await refreshToken(attempt > 0);
    } catch (error) {
      if ((error as { status?: number }).status === 401 && attempt < 2) continue;
      throw error;
    }
    try {
      const res = await fetch(url, { method: 'POST', body, headers: { Authorization: token }, signal: AbortSignal.timeout(5000) });
      if (res.ok) return res;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 15, column: 25, endLine: 15, endColumn: 30,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 6', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { refreshToken } from './auth';
import { randomUUID } from 'node:crypto';

// The first try fetches the token again only after a 401; the second is the POST, retried on any failure.
export async function send(url: string, body: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    let token: string;
    try {
      token = await refreshToken(attempt > 0);
    } catch (error) {
      if ((error as { status?: number }).status === 401 && attempt < 2) continue;
      throw error;
    }
    try {
      const res = await fetch(url, { method: 'POST', body, headers: { Authorization: token, 'Idempotency-Key': idempotencyKey }, signal: AbortSignal.timeout(5000) });
      if (res.ok) return res;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}
` }],
    }],
  },
  // retry-axios with the config written to the default axios's defaults: it lists POST, so the POST repeats.
  {
    code: `
import axios from 'axios';
import * as rax from 'retry-axios';

// The config every request of the default axios starts from, written once at start-up.
rax.attach(axios);
axios.defaults.raxConfig = { retry: 5, httpMethodsToRetry: ['GET', 'POST'] };
axios.defaults.timeout = 5000;

export const saveCash = (entry: unknown) => axios.post('https://api.example.com/cash', entry);
export const listCash = () => axios.get('https://api.example.com/cash');
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 45, endLine: 10, endColumn: 55, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'retry-axios on line 6 (it repeats network errors, 429 and 5xx, because `raxConfig.httpMethodsToRetry` lists it)',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A comment that calls an operation idempotent names no key: the headers composed here still carry none.
  {
    code: composedHeadersClient(' /** Idempotent: the commands this client sends are safe to repeat. */'),
    errors: [
    { messageId: 'unsafeRetry', line: 12, column: 22, endLine: 12, endColumn: 27, suggestions: [] },
    ],
  },
  // A POST through `(isHttps ? https : http).request(…)`: one client row serves both modules.
  {
    code: `
const https = require('https');
const http = require('http');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function uploadFile(url, body) {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const options = { hostname: url.hostname, path: url.pathname, method: 'POST' };
    const req = (isHttps ? https : http).request(options, (res) => resolve(res));
    req.on('error', reject);
    req.end(body);
  });
}

async function processFile(url, body) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await uploadFile(url, body);
    } catch (err) {
      if (attempt < 3) await sleep(1000);
    }
  }
}
module.exports = { processFile };
`,
    errors: [
    { messageId: 'unsafeRetry', line: 19, column: 20, endLine: 19, endColumn: 30, suggestions: [] },
    ],
  },
  // A wrapper whose callers pass the path: the message names the create, not the search beside it (a
  // search repeats nothing).
  {
    code: `
async function hubspotFetch(path: string, options: { method?: string; body?: string } = {}, attempt = 1): Promise<unknown> {
  const res = await fetch(\`https://api.hubapi.com\${path}\`, { ...options, headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (res.status >= 500 && attempt <= 3) {
    await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    return hubspotFetch(path, options, attempt + 1);
  }
  return res.json();
}
export const searchCompanies = (query: string) => hubspotFetch('/crm/v3/objects/companies/search', { method: 'POST', body: JSON.stringify({ query }) });
export const createCompany = (name: string) => hubspotFetch('/crm/v3/objects/companies', { method: 'POST', body: JSON.stringify({ properties: { name } }) });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 3, column: 21, endLine: 3, endColumn: 26, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 11)', consequence: 'the server creates or charges it twice', failure: 'an error response',
        retry: 'the recursive call on a failed status on line 6', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A refresh-token grant handed to a wrapper by the retried caller: the token endpoint's consequence
  // and advice, not an idempotency key (the endpoint takes none).
  {
    code: cameraAuth("grant_type: 'refresh_token', refresh_token: this.refreshToken"),
    errors: [{
      messageId: 'unsafeRetry', line: 16, column: 32, endLine: 16, endColumn: 46, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 16) in this.authFetch() on line 6', failure: 'a dropped connection', retry: 'the for-loop on line 13',
        consequence: 'the token endpoint refuses the code or refresh token it has already used, and may revoke the tokens the first request issued',
        advice: 'A token endpoint takes no idempotency key: retry this grant only after a refusal (a 429 or 503), and start the exchange again after a dropped connection.',
      },
    }],
  },
  // The same POST sent again in a nested try of the catch, after a wait: indented deeper, the same call.
  {
    code: `
// gwi-pos src/lib/print-retry.ts:98-125: the catch waits, then sends the same POST again in a nested try.
export async function dispatchPrintWithRetry(body: Record<string, unknown>): Promise<void> {
  try {
    const res = await fetch('https://pos.example.com/api/print', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body), signal: AbortSignal.timeout(5000),
    })
    if (res.ok) return
    throw new Error(\`Print failed: \${res.status}\`)
  } catch (firstError) {
    await new Promise(resolve => setTimeout(resolve, 3000))
    try {
      const retryRes = await fetch('https://pos.example.com/api/print', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body), signal: AbortSignal.timeout(5000),
      })
      if (retryRes.ok) return
      throw new Error(\`Print retry failed: \${retryRes.status}\`)
    } catch (retryError) {
      console.error('Print failed after retry:', retryError)
    }
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 23, endLine: 5, endColumn: 28, suggestions: [],
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'the same call made again in the catch on line 15', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // axios(config) with the config a parameter its type names as one: the callers' method decides.
  {
    code: `
import axios, { AxiosRequestConfig } from 'axios';

async function axiosWithRetry<T = any>(config: AxiosRequestConfig, maxRetries = 3, initialDelayMs = 500): Promise<T> {
  let attempt = 0;
  let delay = initialDelayMs;
  while (true) {
    try {
      const resp = await axios(config);
      return resp.data as T;
    } catch (err: any) {
      attempt++;
      const code = err?.code || null;
      const transientCodes = ['ECONNRESET', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN'];
      if (transientCodes.includes(code) && attempt <= maxRetries) {
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
        continue;
      }
      throw err;
    }
  }
}

async function postJson(url: string, body: any, timeout = 15000) {
  const data = await axiosWithRetry({ method: 'post', url, data: body, timeout, headers: { 'Content-Type': 'application/json' } });
  return { data };
}

export async function createReservation(baseUrl: string, reservation: unknown) {
  const url = \`\${baseUrl}/api/connector/v1/reservations/add\`;
  return postJson(url, { Reservations: [reservation] }, 20_000);
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 26, endLine: 9, endColumn: 31, suggestions: [],
      data: {
        operation: 'POST (the method passed on line 26)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'the while-loop on line 7', advice: 'Send an idempotency key in the options the call on line 26 passes, created once before that call (an `Idempotency-Key` header).',
      },
    }],
  },
  // A catch that goes round for a read or for any transient failure repeats the POST too.
  {
    code: `
const isTransient = (error: unknown) => error instanceof TypeError;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export class AtsClient {
  async send(method: string, path: string, payload?: string): Promise<Response> {
    const isGet = method.toUpperCase() === 'GET';
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(\`https://api.example.com\${path}\`, { method, body: payload, signal: AbortSignal.timeout(10000) });
      } catch (error) {
        // A transport failure is safe to retry only for a read.
        if ((isGet || isTransient(error)) && attempt < 3) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw error;
      }
    }
  }
  createCandidate(candidate: object) {
    return this.send('POST', '/candidates', JSON.stringify(candidate));
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 22, endLine: 9, endColumn: 27,
      data: { operation: 'POST (the method passed on line 21)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 7', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
const isTransient = (error: unknown) => error instanceof TypeError;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export class AtsClient {
  async send(method: string, path: string, payload?: string): Promise<Response> {
    const isGet = method.toUpperCase() === 'GET';
    const idempotencyKey = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(\`https://api.example.com\${path}\`, { method, body: payload, signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
      } catch (error) {
        // A transport failure is safe to retry only for a read.
        if ((isGet || isTransient(error)) && attempt < 3) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw error;
      }
    }
  }
  createCandidate(candidate: object) {
    return this.send('POST', '/candidates', JSON.stringify(candidate));
  }
}
` }],
    }],
  },
  // A key in the body (Square's and Plaid's \`idempotency_key\`) made inside the retry is a new key each attempt.
  {
    code: `
import { randomUUID } from 'node:crypto';
export async function createPayment(sourceId: string, amount: number) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch('https://connect.squareup.com/v2/payments', {
        method: 'POST',
        signal: AbortSignal.timeout(10000),
        body: JSON.stringify({ source_id: sourceId, amount_money: { amount, currency: 'USD' }, idempotency_key: randomUUID() }),
      });
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unstableIdempotencyKey', line: 6, column: 20, endLine: 6, endColumn: 25,
      data: { retry: 'the for-loop on line 4', operation: 'POST', consequence: 'the server creates or charges it twice' },
      suggestions: [{ messageId: 'hoistIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function createPayment(sourceId: string, amount: number) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch('https://connect.squareup.com/v2/payments', {
        method: 'POST',
        signal: AbortSignal.timeout(10000),
        body: JSON.stringify({ source_id: sourceId, amount_money: { amount, currency: 'USD' }, idempotency_key: idempotencyKey }),
      });
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A catch that goes round only for the statuses of a list (\`RETRYABLE_STATUSES.has(status)\`) repeats after an error response; a 502 may come after the booking was made.
  {
    code: `
import axios from 'axios';
const RETRYABLE_STATUSES = new Set([429, 502, 503]);
export async function book(slotId: string) {
  for (let attempt = 0; attempt <= 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/bookings', { slotId }, { timeout: 10000 });
    } catch (err: any) {
      if (!RETRYABLE_STATUSES.has(err.response?.status) || attempt === 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 7, column: 20, endLine: 7, endColumn: 30,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 5', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const RETRYABLE_STATUSES = new Set([429, 502, 503]);
export async function book(slotId: string) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt <= 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/bookings', { slotId }, { timeout: 10000, headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (err: any) {
      if (!RETRYABLE_STATUSES.has(err.response?.status) || attempt === 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
` }],
    }],
  },
  // The error callback sends the same chunks again (its own parameter, unchanged): a retry.
  {
    code: `
import { request } from 'node:https';
export class StreamWriter {
  private retries = 0;
  constructor(private readonly url: URL, private readonly body: () => string) {}
  private async lastChunkOnServer(): Promise<number> {
    const res = await fetch(new URL('/chunks/last', this.url), { signal: AbortSignal.timeout(5000) });
    return Number(await res.text());
  }
  send(startFromChunk = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(this.url, { method: 'POST', timeout: 60000, headers: { 'X-Resume-From-Chunk': startFromChunk.toString() } });
      req.on('error', async (error) => {
        if (this.retries++ < 5) {
          req.destroy();
          await new Promise((wait) => setTimeout(wait, 1000 * 2 ** this.retries));
          resolve(this.send(startFromChunk));
          return;
        }
        reject(error);
      });
      req.on('response', () => resolve());
      req.end(this.body());
    });
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 12, column: 19, endLine: 12, endColumn: 26,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call in the error callback on line 17', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // The retry's catch empties the helper's cache, so each round after a dropped connection sends the POST again.
  {
    code: cachedTokenClient('      cachedToken = null;\n'),
    errors: [{
      messageId: 'unsafeRetry', line: 24, column: 25, endLine: 24, endColumn: 36,
      data: { operation: 'POST in accessToken() on line 8', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 23', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // The method reaches the request through two wrappers (\`withRetry(config)\` → \`send(config)\` → \`api(config)\`): the POST its caller passes is retried.
  {
    code: `
import axios, { AxiosRequestConfig } from 'axios';
const api = axios.create({ baseURL: '/api', timeout: 9900 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function send(config: AxiosRequestConfig) {
  return await api(config);
}
async function withRetry(config: AxiosRequestConfig) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try { return await send(config); } catch (error) {
      if (attempt === 3) throw error;
      await sleep(1000);
    }
  }
}
export const createTrade = (body: unknown) => withRetry({ method: 'post', url: 'trading/createMultiTrade', data: body });
`,
    errors: [{
      messageId: 'unsafeRetry', line: 10, column: 24, endLine: 10, endColumn: 28,
      data: { operation: 'POST (the method passed on line 16) in send() on line 6', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 9', advice: 'Send an idempotency key in the options the call on line 16 passes, created once before that call (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // The same through a class: \`post()\` passes the method to \`request()\`, whose loop retries \`this.doRequest(options)\`, which sends it.
  {
    code: `
import https from 'https';
import http from 'http';
export class SecureHttpClient {
  constructor(private baseUrl: URL) {}
  async request(options: { method: string; path: string; body?: unknown }) {
    for (let attempt = 0; attempt <= 3; attempt++) {
      try {
        return await this.doRequest(options);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
      }
    }
  }
  private doRequest(options: { method: string; path: string; body?: unknown }) {
    return new Promise((resolve, reject) => {
      const url = new URL(options.path, this.baseUrl);
      const requestFn = url.protocol === 'https:' ? https.request : http.request;
      const req = requestFn({ hostname: url.hostname, path: url.pathname, method: options.method, timeout: 5000 }, (res) => resolve(res));
      req.on('error', reject);
      req.on('timeout', () => { req.destroy(); reject(new Error('timeout')); });
      if (options.body) req.write(JSON.stringify(options.body));
      req.end();
    });
  }
  post(path: string, body?: unknown) {
    return this.request({ method: 'POST', path, body });
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 22, endLine: 9, endColumn: 36,
      data: { operation: 'POST (the method passed on line 28) in this.doRequest() on line 20', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 7', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // One caller sends the wrapper's address parameter somewhere a repeat writes twice (a document): the POST is retried.
  {
    code: `
import axios from 'axios';
const MODELS_BASE = 'https://generativelanguage.googleapis.com/v1beta/models';
const ENDPOINT = \`\${MODELS_BASE}/gemini-2.5-flash-lite:generateContent\`;
const RETRY_STATUSES = new Set([429, 502, 503]);
async function postGemini(body: unknown, apiKey: string, endpoint: string = ENDPOINT) {
  for (let attempt = 0; attempt <= 4; attempt++) {
    try {
      return await axios.post(endpoint, body, { params: { key: apiKey }, timeout: 30000 });
    } catch (err: any) {
      const status = err?.response?.status;
      if (!RETRY_STATUSES.has(status) || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 1500 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const ask = (prompt: string, key: string) => postGemini({ contents: [{ parts: [{ text: prompt }] }] }, key);
export const save = (texts: string[], key: string) =>
  postGemini({ requests: texts }, key, \`https://generativelanguage.googleapis.com/v1beta/corpora/notes/documents\`);
`,
    errors: [{
      messageId: 'unsafeRetry', line: 9, column: 20, endLine: 9, endColumn: 30,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the for-loop on line 7', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
const MODELS_BASE = 'https://generativelanguage.googleapis.com/v1beta/models';
const ENDPOINT = \`\${MODELS_BASE}/gemini-2.5-flash-lite:generateContent\`;
const RETRY_STATUSES = new Set([429, 502, 503]);
async function postGemini(body: unknown, apiKey: string, endpoint: string = ENDPOINT) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt <= 4; attempt++) {
    try {
      return await axios.post(endpoint, body, { params: { key: apiKey }, timeout: 30000, headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (err: any) {
      const status = err?.response?.status;
      if (!RETRY_STATUSES.has(status) || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 1500 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const ask = (prompt: string, key: string) => postGemini({ contents: [{ parts: [{ text: prompt }] }] }, key);
export const save = (texts: string[], key: string) =>
  postGemini({ requests: texts }, key, \`https://generativelanguage.googleapis.com/v1beta/corpora/notes/documents\`);
` }],
    }],
  },
  // A sibling method sends the failed config again with its count moved on (\`{ ...failed, retryCount: retryCount + 1 }\`): the same request, not another.
  {
    code: `
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
type Retried = AxiosRequestConfig & { retryCount?: number };
export class Client {
  private readonly maxRetryCount = 3;
  private readonly instance: AxiosInstance = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
  onErrorRetry({ retryCount = 1, ...failed }: Retried, error: unknown): Promise<unknown> {
    if (retryCount > this.maxRetryCount) return Promise.reject(error);
    return new Promise((resolve) => {
      setTimeout(() => resolve(this.send({ ...failed, retryCount: retryCount + 1 })), 500 * 2 ** retryCount);
    });
  }
  send(config: Retried): Promise<unknown> {
    return this.instance.request(config).catch((error) => {
      if (error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED') return this.onErrorRetry({ ...config, retryCount: config.retryCount || 1 }, error);
      throw error;
    });
  }
  saveBookmark(title: string, url: string) {
    return this.send({ method: 'post', url: '/bookmarks', data: { title, url } });
  }
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 14, column: 12, endLine: 14, endColumn: 33,
      data: { operation: 'POST (the method passed on line 20)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call scheduled from .catch() on line 15', advice: 'Send an idempotency key in the options the call on line 20 passes, created once before that call (an \`Idempotency-Key\` header).' },
      suggestions: [],
    }],
  },
  // \`getOrCreate\` writes when nothing is found: not a read, whatever its first word.
  {
    code: `
export async function userFor(categoryId: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://shop.example.com/api/users/getOrCreate/\${categoryId}\`, { method: 'POST', signal: AbortSignal.timeout(10000) });
      return await res.json();
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 25, endLine: 5, endColumn: 30,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 3', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { randomUUID } from 'node:crypto';
export async function userFor(categoryId: number) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://shop.example.com/api/users/getOrCreate/\${categoryId}\`, { method: 'POST', signal: AbortSignal.timeout(10000), headers: { 'Idempotency-Key': idempotencyKey } });
      return await res.json();
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
` }],
    }],
  },
  // A deployment's override of an address whose default creates orders: the default says what it is.
  {
    code: envEndpoint('https://shop.example.com/api/orders'),
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 30,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 4', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{ messageId: 'addIdempotencyKey', output: envEndpoint('https://shop.example.com/api/orders', true) }],
    }],
  },
  // The method the callers pass reaches the request through the config object the wrapper writes.
  {
    code: nestLedger("  createInvoice(body: Record<string, unknown>) {\n    return this.requestWithRetry({ method: 'POST', path: '/invoices', body });\n  }\n"),
    errors: [{ messageId: 'unsafeRetry', line: 16, column: 22, endLine: 16, endColumn: 34, suggestions: [] }],
  },
  // An upload through XMLHttpRequest is a POST too; a key made for it and never sent protects nothing.
  {
    code: xhrUpload('POST', ''),
    errors: [{ messageId: 'unsafeRetry', line: 16, column: 20, endLine: 16, endColumn: 30, suggestions: [] }],
  },
  // The same wrapper handed a POST that creates a version.
  {
    code: modrinthIndex('/version'),
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 20, endLine: 7, endColumn: 25, suggestions: [] }],
  },
  // The same client asked to create an order.
  {
    code: pathClient('/orders'),
    errors: [{
      messageId: 'unsafeRetry', line: 11, column: 23, endLine: 11, endColumn: 33,
      suggestions: [{ messageId: 'addIdempotencyKey', output: pathClient('/orders', true) }],
    }],
  },
  // A 503 named the same way is an error response after which the POST may have been applied.
  {
    code: namedStatusInterceptor('STATUS.ServiceUnavailable'),
    errors: [{ messageId: 'unsafeRetry', line: 21, column: 46, endLine: 21, endColumn: 55, suggestions: [] }],
  },
  // A 5xx tested inside the failure branch of `if (!res.ok)` goes round as well as a flat test does.
  {
    code: nestedStatusLoop('POST', 'res.status >= 500', "\n        await new Promise((resolve) => setTimeout(resolve, 1000));"),
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 23, endLine: 5, endColumn: 28,
      data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response', retry: 'the while-loop on line 4', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{
        messageId: 'addIdempotencyKey',
        output: keyedBeforeLoop(nestedStatusLoop('POST', 'res.status >= 500', "\n        await new Promise((resolve) => setTimeout(resolve, 1000));"), 'export async', '  while (true)', 'AbortSignal.timeout(5000) }'),
      }],
    }],
  },
  // A client made by a factory of the file is the instance its `return` creates.
  {
    code: factoryClient('post'),
    errors: [{
      messageId: 'unsafeRetry', line: 12, column: 25, endLine: 12, endColumn: 36,
      suggestions: [{ messageId: 'addIdempotencyKey', output: factoryClient('post', ", { headers: { 'Idempotency-Key': idempotencyKey } }") }],
    }],
  },
  // The helper passes the failure on, so the retry sends the import again.
  {
    code: swallowingImport('throw error;'),
    errors: [{ messageId: 'unsafeRetry', line: 25, column: 26, endLine: 25, endColumn: 35, suggestions: [] }],
  },
  // Resend answers a failure as `{ error }`; a loop that sends again on it repeats the e-mail.
  {
    code: resendCode(),
    errors: [{
      messageId: 'unsafeRetry', line: 8, column: 29, endLine: 8, endColumn: 47,
      suggestions: [{ messageId: 'addIdempotencyKey', output: resendCode(', { idempotencyKey }', true) }],
    }],
  },
  // A versioned collection of sessions may bill for each one (a hosted browser's): not read as a sign-in.
  {
    code: envEndpoint('https://api.browsers.example.com/v1/sessions'),
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 30,
      suggestions: [{ messageId: 'addIdempotencyKey', output: envEndpoint('https://api.browsers.example.com/v1/sessions', true) }],
    }],
  },
  // A request that never answered (status 0) or a 5xx, listed for includes(), goes round.
  suggestsKey(listedStatusRetry('0, 429, 500, 502, 503, 504'), [5, 23, 28], keyedBeforeLoop(listedStatusRetry('0, 429, 500, 502, 503, 504'), 'export async', '  while (true)', 'AbortSignal.timeout(10_000) }')),
  // SES takes no idempotency token: a repeated send is a second e-mail, on the AWS SDK v2 and v3 alike.
  {
    code: sesRetry(SES_V2, 'ses.sendEmail(params).promise()'),
    errors: [{ messageId: 'unsafeRetry', line: 10, column: 20, endLine: 10, endColumn: 33, suggestions: [] }],
  },
  {
    code: sesRetry(SES_V3, 'ses.send(new SendEmailCommand(params))'),
    errors: [{ messageId: 'unsafeRetry', line: 10, column: 20, endLine: 10, endColumn: 28, suggestions: [] }],
  },
  // The message names the caller that creates, not the sign-in before it.
  {
    code: seedingWrapper("  await apiRequest('POST', '/api/auth/login', { email, password });\n  await apiRequest('POST', '/api/plans', { name: 'Weight loss' });\n"),
    errors: [{
      messageId: 'unsafeRetry', line: 8, column: 30, endLine: 8, endColumn: 35,
      data: { operation: 'POST (the method passed on line 20)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 6', advice: 'Send an idempotency key created once before the retry (an \`Idempotency-Key\` header).' },
      suggestions: [{
        messageId: 'addIdempotencyKey',
        output: seedingWrapper("  await apiRequest('POST', '/api/auth/login', { email, password });\n  await apiRequest('POST', '/api/plans', { name: 'Weight loss' });\n")
          .replace('\nconst BASE_URL', "\nimport { randomUUID } from 'node:crypto';\nconst BASE_URL")
          .replace('  for (let attempt', '  const idempotencyKey = randomUUID();\n  for (let attempt')
          .replace("'Content-Type': 'application/json' }", "'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }"),
      }],
    }],
  },
  // The same wrapper handed an address that creates, by the retried caller.
  {
    code: sharedPostWrapper('/api/members/invite'),
    errors: [{ messageId: 'unsafeRetry', line: 19, column: 25, endLine: 19, endColumn: 29, suggestions: [] }],
  },
  // A batch job created through the same kind of address is a POST that creates.
  suggestsKey(geminiKeyed('batchGenerateContent'), [9, 26, 31], keyedBeforeLoop(geminiKeyed('batchGenerateContent'), 'declare function', '  for (let attempt', 'AbortSignal.timeout(30_000) }')),
  // The same loop leaving on any answer: a failed answer is sent again, a retry.
  suggestsKey(matchDriver('done = true;'), [9, 25, 30], keyedBeforeLoop(matchDriver('done = true;'), 'export async', '  while (!done', "match.questionIndex }), signal: AbortSignal.timeout(5000) }")),
  // An attempt in a `try` with only a `finally` still leaves the loop on success: a POST repeated on failure.
  suggestsKey(racedCrmWrite('POST'), [25, 29, 34], keyedBeforeLoop(racedCrmWrite('POST'), 'async function runWithRetry', '  return runWithRetry(', 'AbortSignal.timeout(30000) }')),
  // An upload to the model provider's file store keeps the file: a repeat stores it twice.
  {
    code: envEndpoint('https://api.openai.com/v1/files'),
    errors: [{
      messageId: 'unsafeRetry', line: 6, column: 25, endLine: 6, endColumn: 30,
      suggestions: [{ messageId: 'addIdempotencyKey', output: envEndpoint('https://api.openai.com/v1/files', true) }],
    }],
  },
  // supabase-js answers a failed insert, a dropped connection included, as `{ error }`: going round on it
  // writes the row again.
  reportedWith(supabaseOrder(SUPABASE_FACTORY), [8, 29, 59], {
    operation: 'supabase-js insert into orders', failure: 'a failure its answer reports (a dropped connection included)', consequence: 'the row is inserted twice',
    retry: 'the for-loop on line 7', advice: 'Write it with `upsert(…, { onConflict })` on a unique column, or give the row an id made once before the retry, so a repeated insert changes nothing.',
  }),
  // The instance the app's own module exports, known by its name.
  {
    code: supabaseOrder("import { supabase } from '@/integrations/supabase/client';"),
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 29, endLine: 7, endColumn: 59, suggestions: [] }],
  },
  // An id made inside the retry names a new row each time.
  {
    code: supabaseOrder(SUPABASE_FACTORY, 'insert({ id: crypto.randomUUID(), user_id: userId, total })'),
    errors: [{
      messageId: 'unstableIdempotencyKey', line: 8, column: 29, endLine: 8, endColumn: 59,
      suggestions: [{
        messageId: 'hoistIdempotencyKey',
        output: supabaseOrder(SUPABASE_FACTORY, 'insert({ id: idempotencyKey, user_id: userId, total })').replace('  for (let attempt', '  const idempotencyKey = crypto.randomUUID();\n  for (let attempt'),
      }],
    }],
  },
  // The grant is named by the function that hands the wrapper its POST: a code is refused the second time.
  reportedWith(tokenThroughRetryingWrapper("grant_type: 'authorization_code', code: 'probe'"), [6, 20, 25], {
    operation: 'POST (the method passed on line 17)', failure: 'a dropped connection', consequence: REPEATABLE_TOKEN_GRANT.consequence,
    retry: 'the for-loop on line 4', advice: REPEATABLE_TOKEN_GRANT.advice,
  }),
  // The options the second function sends are written anew in the retry: no header of the caller's gets there.
  reportedWith(configObjectWrapper(", headers: { 'Content-Type': 'application/json', ...config.headers }, body: JSON.stringify(config.body)"), [11, 32, 44], {
    operation: 'POST (the method passed on line 4) in this.execute() on line 22', failure: 'a dropped connection', consequence: 'the server creates or charges it twice',
    retry: 'the while-loop on line 9', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
  }),
  {
    code: configObjectWrapper(', body: JSON.stringify(config.body)'),
    errors: [{ messageId: 'unsafeRetry', line: 11, column: 32, endLine: 11, endColumn: 44, suggestions: [] }],
  },
  // A message that names a dropped connection, not a refusal: the POST may have been applied.
  {
    code: vendorResend('socket hang up'),
    errors: [{ messageId: 'unsafeRetry', line: 10, column: 25, endLine: 10, endColumn: 30, suggestions: [] }],
  },
  // The subclass's POST goes through the retry it inherits.
  {
    code: inheritedRetryingSend(),
    errors: [{ messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 27, suggestions: [] }],
  },
  // The wrapper React memoizes is called by name: its callers pass the POST it retries.
  {
    code: memoizedRetryingRequest('POST'),
    errors: [{ messageId: 'unsafeRetry', line: 7, column: 30, endLine: 7, endColumn: 35, suggestions: [] }],
  },
  // The message put back through the queue's own method is POSTed again.
  {
    code: offlineQueue('\n        if (msg.retries < 3) await this.enqueue(msg.body, msg.retries + 1);'),
    errors: [{ messageId: 'unsafeRetry', line: 19, column: 27, endLine: 19, endColumn: 32, suggestions: [] }],
  },
  // Only an answer carries a status or Stripe's rate-limit code: the message says the repeat follows an error response.
  ...["err.code === 'rate_limit' || (err.statusCode && err.statusCode >= 500)", 'err.statusCode >= 500'].map((retryWhen) => ({
    code: stripePromoLoop(retryWhen),
    errors: [{
      messageId: 'unsafeRetry' as const, line: 9, column: 21, endLine: 9, endColumn: 49,
      data: {
        operation: 'Stripe promotionCodes.create', failure: 'an error response', consequence: 'a duplicate object is created', retry: 'the for-loop on line 7',
        advice: 'Send an idempotency key created once before the retry (the `idempotencyKey` request option).',
      },
      suggestions: [{
        messageId: 'addIdempotencyKey' as const,
        output: stripePromoLoop(retryWhen).replace("from 'stripe';", "from 'stripe';\nimport { randomUUID } from 'node:crypto';")
          .replace('  for (let attempt', '  const idempotencyKey = randomUUID();\n  for (let attempt').replace('create({ coupon, code })', 'create({ coupon, code }, { idempotencyKey })'),
      }],
    }],
  })),
  // An insert retried on any failed answer, with nothing in the retry that says a unique key refuses a second row.
  {
    code: slugLoop('insert({ owner_id: ownerId, slug })', ''),
    errors: [{ messageId: 'unsafeRetry', line: 9, column: 29, endLine: 9, endColumn: 64, suggestions: [] }],
  },
  // The helper's own count, and two attempts passed in: the POST may be sent again.
  ...['', ', 2'].map((passed) => ({
    code: countedBackoffHelper(passed),
    errors: [{
      messageId: 'unsafeRetry' as const, line: 17, column: 35, endLine: 17, endColumn: 40,
      suggestions: [{
        messageId: 'addIdempotencyKey' as const,
        output: countedBackoffHelper(passed).replace('\nexport class', "\nimport { randomUUID } from 'node:crypto';\nexport class")
          .replace('    return this.withBackoff', '    const idempotencyKey = randomUUID();\n    return this.withBackoff')
          .replace('signal: AbortSignal.timeout(10_000) }', "signal: AbortSignal.timeout(10_000), headers: { 'Idempotency-Key': idempotencyKey } }"),
      }],
    }],
  })),
  // Pulling a model onto the server writes it: not among the answers that store nothing.
  {
    code: ollamaChat('/api/pull'),
    errors: [{ messageId: 'unsafeRetry', line: 13, column: 20, endLine: 13, endColumn: 24, suggestions: [] }],
  },
  // A catch that only logs sends the same tool call again.
  {
    code: toolCallLoop('\n      console.warn(error);'),
    // Each success moves on to another tool call, so no key made before the loop is offered.
    errors: [{ messageId: 'unsafeRetry', line: 9, column: 25, endLine: 9, endColumn: 30, suggestions: [] }],
  },
];

/** Must stay silent. */
const validCases: Array<ValidTestCase<Options> | string> = [
  // An OpenAI audio transcription returns what the model heard and stores nothing.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function transcribe(audio: Blob, key: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const form = new FormData();
      form.append('file', audio);
      form.append('model', 'whisper-1');
      const res = await fetch('https://api.openai.com/v1/audio/transcriptions', { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body: form, signal: AbortSignal.timeout(60000) });
      if (res.ok) return await res.json();
    } catch {
      await sleep(1000 * 2 ** attempt);
    }
  }
  return undefined;
}
`,
  // A Hugging Face Inference API call runs a model and stores nothing: a repeat computes the answer again.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function embed(modelId: string, inputs: string[], token: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://api-inference.huggingface.co/models/\${modelId}\`, {
        method: 'POST',
        headers: { Authorization: \`Bearer \${token}\` },
        body: JSON.stringify({ inputs }),
        signal: AbortSignal.timeout(30000),
      });
      if (res.ok) return await res.json();
    } catch {
      await sleep(1000 * 2 ** attempt);
    }
  }
  return undefined;
}
`,
  // A publish sent again only when the error says the media is not ready (Meta's "Media ID is not available"),
  // read lower-cased or with a regular expression of refusals: nothing was published.
  `
import axios from 'axios';
export async function publish(baseUrl: string, creationId: string, accessToken: string, retries: number) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const res = await axios.post(\`\${baseUrl}/media_publish\`, { creation_id: creationId, access_token: accessToken }, { timeout: 20000 });
      return res.data.id as string;
    } catch (error) {
      const message = (error as { message?: string }).message ?? '';
      if (message.toLowerCase().includes('media id is not available') && attempt < retries - 1) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        continue;
      }
      throw error;
    }
  }
  return null;
}
export async function publishThread(accountId: string, creationId: string) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      return await axios.post(\`https://graph.threads.net/v1.0/\${accountId}/threads_publish\`, null, { params: { creation_id: creationId }, timeout: 20000 });
    } catch (error) {
      const message = (error as { message?: string }).message ?? '';
      if (attempt < 4 && /not ready|not yet available|rate limit/i.test(message)) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        continue;
      }
      throw error;
    }
  }
  return undefined;
}
`,
  // A sign-in POST repeated issues another session and applies nothing twice: \`/api/auth/login\`, a
  // \`/google-login\`, and Firebase Auth's \`accounts:signInWithCustomToken\`.
  `
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function googleSession(email: string, accessToken: string, retryCount = 0): Promise<Response> {
  try {
    return await fetch('/api/auth/google-login', { method: 'POST', body: JSON.stringify({ accessToken, email }), signal: AbortSignal.timeout(10000) });
  } catch (error) {
    if (retryCount >= 2) throw error;
    await pause(1000 * 2 ** retryCount);
    return googleSession(email, accessToken, retryCount + 1);
  }
}
export async function firebaseToken(apiKey: string, token: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(\`https://identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=\${apiKey}\`, { method: 'POST', body: JSON.stringify({ token, returnSecureToken: true }), signal: AbortSignal.timeout(10000) });
    } catch {
      await pause(500 * 2 ** attempt);
    }
  }
  return undefined;
}
async function signIn(email: string, password: string): Promise<void> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new Error('login failed');
}
export async function ensureSession(email: string, password: string) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await signIn(email, password);
      return;
    } catch (error) {
      if (attempt === 0 && String(error).includes('closed')) continue;
      throw error;
    }
  }
}
`,
  // A webhook sent with the event's id, made before the retry (\`X-Acme-Event-Id\`, the Standard Webhooks
  // \`webhook-id\`): the receiver deduplicates on it.
  `
import axios from 'axios';
export async function deliver(url: string, body: string, eventId: string) {
  for (let attempts = 0; attempts < 3; attempts++) {
    try {
      await axios.post(url, body, { headers: { 'X-Acme-Event-Id': eventId }, timeout: 8000 });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, (attempts + 1) * 2000));
    }
  }
  return false;
}
export async function notify(url: string, payload: string, messageId: string) {
  for (let attempts = 0; attempts < 3; attempts++) {
    try {
      return await fetch(url, { method: 'POST', headers: { 'webhook-id': messageId }, body: payload, signal: AbortSignal.timeout(8000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, (attempts + 1) * 2000));
    }
  }
  return undefined;
}
`,
  // A Supabase Storage upload names its object by bucket and path: a repeat overwrites it (x-upsert) or is
  // refused as a duplicate.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function uploadObject(path: string, body: string, serviceKey: string) {
  const url = \`https://project.supabase.co/storage/v1/object/raw-extractions/\${path}\`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: \`Bearer \${serviceKey}\`, 'x-upsert': 'true', 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(10000),
      });
      if (response.ok) return;
    } catch {
      // try again
    }
    if (attempt < 3) await sleep(1200 * attempt);
  }
  throw new Error('upload failed');
}
`,
  // A check sent as a POST and polled until the answer says it is ready (\`data.ok && data.sufficient\`):
  // a good answer that is not ready goes round too, so the loop is a poll, not a retry of a failure.
  `
export async function waitForAllowance(paymentId: string, wallet: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const res = await fetch(\`/api/payments/\${paymentId}/allowance-check\`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ payerAddress: wallet }),
        signal: AbortSignal.timeout(5000),
      });
      const data = (await res.json()) as { ok: boolean; sufficient?: boolean };
      if (data.ok && data.sufficient) return;
    } catch {
      // transient: poll again
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  throw new Error('allowance did not update');
}
`,
  // JSON-RPC calls a repeat cannot apply twice: Solana's \`getTransaction\` (a read) through a helper that
  // returns null on failure, and \`eth_sendRawTransaction\` (a transaction signed once) in a batch with a read.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function getParsedTransaction(rpcUrl: string, signature: string) {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'getTransaction', params: [signature], id: 1 }),
      signal: AbortSignal.timeout(5000),
    });
    const data = await response.json();
    return data?.result ?? null;
  } catch {
    return null;
  }
}
export async function waitTx(rpcUrl: string, signature: string) {
  let tx = null;
  for (let i = 0; i < 5; i++) {
    tx = await getParsedTransaction(rpcUrl, signature);
    if (tx) break;
    await sleep(800);
  }
  return tx;
}
export async function broadcast(rpcUrl: string, signedTx: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const batch = [{ jsonrpc: '2.0', id: 1, method: 'eth_sendRawTransaction', params: [signedTx] }, { jsonrpc: '2.0', id: 2, method: 'eth_blockNumber', params: [] }];
      return await fetch(rpcUrl, { method: 'POST', body: JSON.stringify(batch), signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(500 * 2 ** attempt);
    }
  }
  return undefined;
}
`,
  // A catch that corrects the request from the server's refusal and rethrows every other failure: the field
  // the 422 names is read from the error (\`if (!unknownField) throw error\`), or the refusal is tested first.
  `
function unknownFieldOf(error: unknown): string | undefined {
  const { status, message } = error as { status?: number; message?: string };
  if (status !== 422) return undefined;
  return /Unknown field name: "([^"]+)"/.exec(message ?? '')?.[1];
}
export async function createRecord(fields: Record<string, unknown>) {
  const writable = { ...fields };
  for (let attempt = 0; attempt < 6; attempt += 1) {
    try {
      const res = await fetch('https://api.airtable.com/v0/app/tbl', { method: 'POST', body: JSON.stringify({ fields: writable }), signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw Object.assign(new Error(await res.text()), { status: res.status });
      return await res.json();
    } catch (error) {
      const unknownField = unknownFieldOf(error);
      if (!unknownField || !(unknownField in writable)) throw error;
      delete writable[unknownField];
    }
  }
  throw new Error('failed');
}
export async function createUser(fields: Record<string, unknown>) {
  const writable = { ...fields };
  for (let attempt = 0; attempt < 6; attempt += 1) {
    try {
      const res = await fetch('https://api.airtable.com/v0/app/users', { method: 'POST', body: JSON.stringify({ fields: writable }), signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw Object.assign(new Error('refused'), { status: res.status });
      return await res.json();
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error;
      delete writable.notes;
      continue;
    }
  }
  throw new Error('failed');
}
`,
  // Searches sent as a POST read: Google Ads' \`googleAds:search\` (a function of the file builds the address)
  // and a path ending in \`/search\`.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function searchUrl(customerId: string): string {
  return \`https://googleads.googleapis.com/v20/customers/\${customerId}/googleAds:search\`;
}
export async function report(customerId: string, query: string) {
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    try {
      return await fetch(searchUrl(customerId), { method: 'POST', body: JSON.stringify({ query }), signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(250 * 2 ** attempt);
    }
  }
  return undefined;
}
export async function findUsers(base: string, name: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(\`\${base}/users/search\`, { method: 'POST', body: JSON.stringify({ name }), signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
`,
  // GraphQL queries sent as a POST read (GraphQL spec §2.3): a document in a \`const\` in \`JSON.stringify\`'s
  // body, one written inline in a body variable, and the shorthand \`{ … }\` handed in by a wrapper's only caller.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ORDERS_QUERY = /* GraphQL */ \`
  # the first page of orders
  query Orders($first: Int!) { orders(first: $first) { nodes { id name } } }
\`;
export async function loadOrders(shop: string, token: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(\`https://\${shop}/admin/api/2026-07/graphql.json\`, {
        method: 'POST',
        headers: { 'X-Shopify-Access-Token': token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: ORDERS_QUERY, variables: { first: 50 } }),
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return res.json();
    } catch {
      if (attempt === 3) throw new Error('failed');
    }
    await sleep(500 * attempt);
  }
  return undefined;
}
export async function fetchOrder(orderId: string) {
  const body = { operationName: 'GET_ORDER', query: 'query GET_ORDER($id: String!) { viewer { order(id: $id) { status } } }', variables: { id: orderId } };
  for (let attempt = 0; attempt <= 2; attempt++) {
    try {
      return await axios.post('https://shop.example.com/api/graphql', body, { timeout: 5000 });
    } catch (e) {
      if (attempt === 2) throw e;
      await sleep(1000 * (attempt + 1));
    }
  }
  return undefined;
}
async function gqlRequest(query: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/graphql', { query }, { timeout: 5000 });
    } catch {
      await sleep(500 * attempt);
    }
  }
  return undefined;
}
export const viewer = () => gqlRequest(\`{ viewer { login } }\`);
`,
  // The loop's only try parses the body: a network error leaves the loop, and only a 429 goes round.
  `
const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function createBuild(url: string, body: unknown): Promise<unknown> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const resp = await fetch(url, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    const text = await resp.text();
    let data: unknown = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) {}
    if (resp.ok) return data;
    if (resp.status === 429 && attempt === 0) {
      await sleepMs(1000);
      continue;
    }
    throw new Error(\`create failed: \${resp.status}\`);
  }
  throw new Error('create failed after retry');
}
`,
  // A pool whose \`.catch()\` starts the next item (\`const idx = nextIdx++\`), as its \`.then()\` does after a
  // success: the failed request is recorded, never sent again.
  `
export function runPool(workerUrl: string, total: number, max: number): Promise<unknown[]> {
  const results: unknown[] = [];
  let nextIdx = 0;
  let running = 0;
  return new Promise<unknown[]>((resolve) => {
    function tryStartNext(): void {
      while (running < max && nextIdx < total) {
        const idx = nextIdx++;
        running++;
        fetch(workerUrl, { method: 'POST', body: JSON.stringify({ idx }), signal: AbortSignal.timeout(5000) })
          .then((r) => r.json())
          .then((result) => {
            results.push(result);
            running--;
            tryStartNext();
          })
          .catch(() => {
            running--;
            results.push({ idx, failed: true });
            tryStartNext();
          });
      }
      if (running === 0) resolve(results);
    }
    tryStartNext();
  });
}
`,
  ...REFUSAL_CASES,
  // A name given different methods is not read as either.
  `
import pRetry from 'p-retry';
export async function sync(body?: string) {
  let method = 'GET';
  if (body) method = 'POST';
  return pRetry(() => fetch('https://sync.example.com/state', { method, body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
`,
  // A value a \`.catch()\` gives that ends the loop (the last page), one that is not empty, and a round that
  // asks the next address each time (a fallback chain, by status or by value): no retry of the same POST.
  `
import axios from 'axios';
declare const cached: object;
export async function pages(start: string) {
  let cursor: string | null = start;
  while (cursor) {
    const page = await axios.post('https://api.example.com/search', { cursor }, { timeout: 5000 }).then((response) => response.data, () => null);
    if (!page) break;
    cursor = page.next;
  }
}
export async function withCache(body: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await axios.post('https://api.example.com/quote', body, { timeout: 5000 }).catch(() => ({ data: cached }));
    if (response) return response.data;
  }
}
export async function failover(hosts: string[], body: string) {
  for (let i = 0; i < hosts.length; i++) {
    const byValue = await fetch(\`https://\${hosts[i]}/events\`, { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (byValue) return byValue;
  }
  for (let i = 0; i < hosts.length; i++) {
    const byStatus = await fetch(\`https://\${hosts[i]}/events\`, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    if (byStatus.ok) return byStatus;
  }
  return null;
}
`,
  // The same helper, when the call that passes POST sends a key in the options the helper spreads.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchWithRetry(url: string, options: RequestInit, retries = 3): Promise<Response> {
  try {
    return await fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
  } catch (error) {
    if (retries > 0) { await sleep(1000); return fetchWithRetry(url, options, retries - 1); }
    throw error;
  }
}
export const pay = (body: string, key: string) => fetchWithRetry('https://shop.example.com/payments', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const listOrders = () => fetchWithRetry('https://shop.example.com/orders', {});
`,
  // After a failed status: a call after signing in again is a correction, another address a fallback, and a
  // 429 was refused by the server, so its repeat applies nothing twice.
  `
declare function signIn(): Promise<void>;
export async function notify(body: string): Promise<Response> {
  let response = await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (!response.ok) {
    await signIn();
    response = await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  }
  return response;
}
export async function mirror(body: string): Promise<Response> {
  const response = await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (response.ok) return response;
  return fetch('https://backup.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
}
// A 404 under \`!ok\` is a refusal to correct (here, by sending again as a create), not a failed attempt.
export async function upsert(body: string, attempt = 0): Promise<Response> {
  const response = await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (!response.ok && response.status === 404 && attempt < 1) return upsert(body, attempt + 1);
  return response;
}
export class Responses {
  private state = { id: null as string | null };
  private async send(body: string): Promise<Response> {
    return fetch(\`https://hooks.example.com/responses/\${this.state.id ?? ''}\`, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  }
  // What the method reads is changed before the same call: a correction.
  async sync(body: string): Promise<Response> {
    let response = await this.send(body);
    if (!response.ok) {
      this.state.id = null;
      response = await this.send(body);
    }
    return response;
  }
}
export async function limited(body: string): Promise<Response> {
  const response = await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  if (response.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return await fetch('https://hooks.example.com/notify', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  }
  return response;
}
`,
  // A promise executor that hands the failure on, or calls another function from its catch, retries nothing.
  `
const report = (error: unknown) => console.error(error);
export function charge(body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) })
      .then(resolve)
      .catch((error) => { report(error); reject(error); });
  });
}
`,
  // The file's retry helper repeats only 429s: every other failure, and the last attempt, are thrown at once.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withRateLimitRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e: any) {
      if (e.status !== 429 || attempt >= 5) throw e;
      await sleep(1000 * 2 ** attempt);
    }
  }
}
export async function pay(body: string) {
  await withRateLimitRetry(() => fetch('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
}
`,
  // The file's retry helper goes round only on a client error its message names (\`message.includes('403')\`,
  // a quota refusal): the server refused the POST, as a tested \`status === 403\` says.
  `
export class Cal {
  constructor(private token: string) {}
  private async retryWithBackoff<T>(op: () => Promise<T>, maxRetries = 3): Promise<T> {
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      try {
        return await op();
      } catch (error) {
        if (attempt < maxRetries && error instanceof Error && error.message.includes('403')) {
          await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
          continue;
        }
        throw error;
      }
    }
    throw new Error('Max retries exceeded');
  }
  async createEvent(calendarId: string, body: unknown) {
    return this.retryWithBackoff(async () => {
      const res = await fetch(\`https://www.googleapis.com/calendar/v3/calendars/\${calendarId}/events\`, {
        method: 'POST', signal: AbortSignal.timeout(10000), headers: { Authorization: \`Bearer \${this.token}\` }, body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(\`Failed to create event: \${res.status} \${await res.text()}\`);
      return res.json();
    });
  }
}
`,
  // An SDK's rate-limit error class (a 429) is a refusal too: only it goes round, everything else is rethrown.
  `
import Stripe from 'stripe';
export async function charge(key: string, amount: number) {
  const stripe = new Stripe(key, { maxNetworkRetries: 0 });
  for (let attempt = 0; attempt <= 5; attempt++) {
    try {
      return await stripe.paymentIntents.create({ amount, currency: 'usd', confirm: true });
    } catch (error) {
      if (error instanceof Stripe.errors.StripeRateLimitError && attempt < 5) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
        continue;
      }
      throw error;
    }
  }
}
export async function refund(stripe: Stripe, charge: string) {
  for (let attempt = 0; attempt <= 5; attempt++) {
    try {
      return await stripe.refunds.create({ charge });
    } catch (error: any) {
      if (error.type !== 'StripeRateLimitError') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`,
  // Failover that takes each endpoint out of the list the loop measures sends the POST once per endpoint.
  `
export async function send(urls: string[], body: string) {
  while (urls.length > 0) {
    try {
      return await fetch(urls.shift()!, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch {
      // the next one
    }
  }
  throw new Error('every endpoint failed');
}
`,
  // The same refusal tests, written as held values or with a bound beside them: a status held in a \`const\`
  // (\`err?.statusCode ?? err?.code\` included), a \`429 && attempt < max\` test, a message that names the
  // 429 whose other failures \`break\` out of the loop, and a 429 test whose \`else\` throws every other failure.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function createAssociations(inputs: unknown[], maxRetries = 5): Promise<unknown> {
  let attempt = 0;
  while (true) {
    try {
      return await axios.post('https://api.hubapi.com/crm/v4/associations/batch/create', { inputs }, { timeout: 30000 });
    } catch (e: any) {
      if (e?.response?.status === 429 && attempt < maxRetries) {
        await sleep(1200 * (attempt + 1));
        attempt++;
        continue;
      }
      throw e;
    }
  }
}
export async function postWithRateLimit(url: string, body: unknown): Promise<unknown> {
  for (let attempt = 0; attempt <= 8; attempt++) {
    try {
      return await axios.post(url, body, { timeout: 60000 });
    } catch (e: any) {
      const status = e?.response?.status;
      if (status !== 429) throw e;
      await sleep(700 * 2 ** attempt);
    }
  }
  throw new Error('rate limited');
}
export async function createTicket(body: unknown): Promise<unknown> {
  try {
    return await axios.post('https://api.hubapi.com/crm/v3/objects/tickets', body, { timeout: 30000 });
  } catch (err: any) {
    const status = err?.statusCode ?? err?.code;
    const isRateLimited = status === 429;
    if (isRateLimited) {
      await sleep(10_000);
      return createTicket(body);
    }
    throw err;
  }
}
export async function login(email: string, password: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (attempt > 0) await sleep(15000 * attempt);
      const response = await fetch('https://api.example.com/auth/login', { method: 'POST', body: JSON.stringify({ email, password }), signal: AbortSignal.timeout(15000) });
      if (!response.ok) throw new Error(\`Login failed with status \${response.status}\`);
      return;
    } catch (error) {
      const message = (error as Error).message;
      if (!message.includes('429')) break;
    }
  }
}
export async function extract(text: string): Promise<unknown> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return (await axios.post('https://api.example.com/v1/extract', { text }, { timeout: 120000 })).data;
    } catch (e: any) {
      if (e.response?.status === 429 && attempt < 4) {
        await sleep(attempt * 15000);
      } else {
        throw e;
      }
    }
  }
  return undefined;
}
`,
  // Every failure but a refused one leaves before the retry: an early throw in a catch that recurses or goes
  // round, and node-retry's operation.retry(error) called only after such an exit.
  `
import axios from 'axios';
import retry from 'retry';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function recursive(attempt = 0): Promise<unknown> {
  try {
    return await axios.post('https://api.example.com/pay', {}, { timeout: 5000 });
  } catch (e: any) {
    if (e.response?.status !== 429) throw e;
    if (attempt >= 3) throw e;
    await sleep(1000);
    return recursive(attempt + 1);
  }
}
export async function loop() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/pay', {}, { timeout: 5000 });
    } catch (e: any) {
      if (e.code !== 'ECONNREFUSED' && e.code !== 'ENOTFOUND') throw e;
      await sleep(1000);
    }
  }
}
export function operation(): Promise<unknown> {
  const op = retry.operation({ retries: 3 });
  return new Promise((resolve, reject) => {
    op.attempt(async () => {
      try {
        resolve(await axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
      } catch (error: any) {
        if (error.response?.status !== 429) return reject(error);
        if (op.retry(error)) return;
        reject(op.mainError());
      }
    });
  });
}
`,
  // fetch-retry told by a function to repeat only 429s (it reads no network error), or by one that reads the request.
  `
import fetchRetryFactory from 'fetch-retry';
const fetchRetry = fetchRetryFactory(fetch);
export async function pay(body: string) {
  await fetchRetry('https://api.example.com/pay', { method: 'POST', body, signal: AbortSignal.timeout(5000), retryOn: (attempt, error, response) => response?.status === 429 });
}
`,
  // got repeats a failure only when its code or status is listed: a 429 and no error code repeat nothing applied.
  `
import got from 'got';
export async function createBin(code: string) {
  await got.post('https://bin.example.com/', { json: { code }, timeout: { request: 5000 }, retry: { limit: 2, methods: ['POST'], statusCodes: [429], errorCodes: ['ECONNREFUSED'] } });
}
`,
  // Retry libraries told to repeat only refused requests: a predicate option that accepts only a 429 or a
  // refused connection, async-retry bailing on every other failure, @lifeomic/attempt aborting on them.
  `
import { backOff } from 'exponential-backoff';
import pRetry from 'p-retry';
import retry from 'async-retry';
import { retry as attempt } from '@lifeomic/attempt';
import axios from 'axios';
export async function send() {
  await backOff(() => axios.post('https://api.example.com/a', {}, { timeout: 5000 }), { numOfAttempts: 3, retry: (e: any) => e.response?.status === 429 });
  await pRetry(() => axios.post('https://api.example.com/b', {}, { timeout: 5000 }), { retries: 3, shouldRetry: ({ error }: any) => error.response?.status === 429 || error.code === 'ECONNREFUSED' });
  await retry(async (bail) => {
    try {
      await axios.post('https://api.example.com/c', {}, { timeout: 5000 });
    } catch (e: any) {
      if (e.response?.status !== 429 && e.code !== 'ECONNREFUSED') { bail(e); return; }
      throw e;
    }
  }, { retries: 3 });
  await attempt(() => axios.post('https://api.example.com/d', {}, { timeout: 5000 }), {
    maxAttempts: 3,
    handleError(err: any, context: any) {
      if (err.response?.status !== 429) context.abort();
    },
  });
  await pRetry(() => axios.post('https://api.example.com/e', {}, { timeout: 5000 }), {
    retries: 3,
    onFailedAttempt: ({ error }: any) => {
      if (error.response?.status !== 429) throw error;
    },
  });
}
`,
  // A recursion that sends the POST again only on a 429, the status read as a number.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function charge(amount: number): Promise<unknown> {
  try {
    return await axios.post('https://api.example.com/charges', { amount }, { timeout: 5000 });
  } catch (err: any) {
    if (+err.response?.status === 429) {
      await sleep(Number(err.response.headers['retry-after']) * 1000);
      return charge(amount);
    }
    throw err;
  }
}
`,
  // A cockatiel policy whose filter passes only refused requests (a 429, a refused connection) repeats nothing the server applied.
  `
import { retry, handleWhen, handleType, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
class HttpError extends Error { statusCode = 0 }
const rateLimited = retry(handleWhen((error: any) => error.status === 429).orWhen((error: any) => error.code === 'ECONNREFUSED'), { maxAttempts: 5, backoff: new ExponentialBackoff() });
const refusedOnly = handleType(HttpError, (error) => { return error.statusCode === 429; });
export async function pay() {
  await rateLimited.execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
  await retry(refusedOnly, { maxAttempts: 3, backoff: new ExponentialBackoff() }).execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
}
`,
  // A function of the file that makes a breaker, or a retry on only one of its paths, makes no retry of what it executes.
  `
import { retry, circuitBreaker, handleAll, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel';
import axios from 'axios';
const guard = () => circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
function policyFor(retrying: boolean) {
  if (retrying) return retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
  return guard();
}
export async function pay() {
  await guard().execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
  await policyFor(false).execute(() => axios.post('https://api.example.com/pay', {}, { timeout: 5000 }));
}
`,
  // retry-axios without an attach retries nothing, and one whose raxConfig lists no POST keeps it single.
  `
import axios from 'axios';
import * as rax from 'retry-axios';
export const create = (data: object) => axios.post('https://dms.example.com/notes', data, { timeout: 5000, raxConfig: { httpMethodsToRetry: ['POST'] } });
`,
  `
import axios from 'axios';
import { attach } from 'retry-axios';
const api = axios.create({ baseURL: 'https://dms.example.com', timeout: 5000 });
attach(api);
export const create = (data: object) => api.post('/notes', data, { raxConfig: { httpMethodsToRetry: ['GET', 'PUT'] } });
export const other = (data: object) => axios.post('https://other.example.com/notes', data, { timeout: 5000, raxConfig: { httpMethodsToRetry: ['POST'] } });
`,
  // A retryCondition that picks 429 only (the server refused the request), and one that reads the method:
  // neither repeats a POST the server may have applied, as far as this file shows.
  `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const limited = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(limited, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => error.response?.status === 429 });
const reads = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(reads, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => error.config?.method === 'get' && (error.response?.status ?? 0) >= 500 });
export const create = (order: object) => limited.post('/orders', order);
export const createToo = (order: object) => reads.post('/orders', order);
`,
  // Two spreads: either may carry the method, so what the caller passes is not followed.
  `
async function send(url: string, init?: RequestInit, defaults?: RequestInit) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { ...defaults, ...init, signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const create = (order: object) => send('https://api.example.com/orders', { method: 'POST', body: JSON.stringify(order) }, { method: 'GET' });
`,
  // GET, or POST when given a body: no caller passes one, so the retry only ever repeats a GET.
  `
async function api(url: string, body?: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { method: body ? 'POST' : 'GET', body: body && JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const listOrders = () => api('https://api.example.com/orders');
`,
  // The body is passed by a call the retry does not make: the retried call sends none, so only GETs repeat.
  `
async function makeRequest(url: string, body?: object) {
  const init: RequestInit = { method: body ? 'POST' : 'GET', body: body && JSON.stringify(body), signal: AbortSignal.timeout(5000) };
  return fetch(url, init);
}
export async function status(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await makeRequest(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const create = () => makeRequest('https://api.example.com/orders', { item: 1 });
`,
  // The method turns on a setting, not on a body the caller passes: nothing here says it is a POST.
  `
const WRITE = process.env.WRITE === '1';
export async function sync(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { method: WRITE ? 'POST' : 'GET', signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
`,
  // ccxt orders that carry a client order id (the unified name or an exchange's own), reads, and params that cannot be read
  `
import ccxt from 'ccxt';
import retry from 'async-retry';
const exchange = new ccxt.okx();
export async function trade(symbol: string, amount: number, params: Record<string, unknown>) {
  const clientOrderId = crypto.randomUUID().replaceAll('-', '');
  await retry(() => exchange.createOrder(symbol, 'limit', 'buy', amount, 100, { clientOrderId }));
  await retry(() => exchange.createMarketBuyOrder(symbol, amount, { clOrdId: clientOrderId }));
  await retry(() => exchange.fetchTicker(symbol));
  await retry(() => exchange.createOrder(symbol, 'limit', 'buy', amount, 100, params));
}
`,
  // a catch that sends elsewhere (a fallback), or shares only an argument's call with the try, repeats nothing
  `
export async function notify(payload: object): Promise<void> {
  try {
    await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  } catch {
    await fetch('https://hooks-backup.example.com/notify', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  }
  try {
    await fetch('https://hooks.example.com/audit', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
  } catch {
    console.error('audit failed', JSON.stringify(payload));
  }
}
`,
  // a receiver declared with a type of the user's own is not an SDK
  `
import pRetry from 'p-retry';
interface Stripe { charges: { create(params: object): Promise<unknown> } }
export class Billing {
  constructor(private readonly stripe: Stripe) {}
  charge() {
    return pRetry(() => this.stripe.charges.create({ amount: 100 }));
  }
}
`,

  // A poll that posts each round (a heartbeat) goes round on success too: that it also goes round after a
  // transient failure repeats nothing the poll would not send anyway. Its pace is require-retry-backoff's.
  `
export async function heartbeat(signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      await fetch('https://status.example.com/heartbeats', { method: 'POST', signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) });
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5000));
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 30000));
  }
}
declare function isNetworkError(error: unknown): boolean;
`,
  // The same retrying fetch, called with options that carry a key made before the call, with options
  // handed in from outside (they may carry one), and for a GET.
  `
export async function fetchWithRetry(url: string, init: RequestInit) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, init);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export async function submit(body: string) {
  return fetchWithRetry('https://api.example.com/orders', { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() }, signal: AbortSignal.timeout(5000) });
}
export const forward = (init: RequestInit) => fetchWithRetry('https://api.example.com/orders', { ...init, method: 'POST' });
export const list = () => fetchWithRetry('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
`,
  // Interceptors that send a request again but are no retry of a failure: after refreshing the token on a
  // 401 (the server refused the first request), one that repeats GETs only, and one that repeats only
  // refused connections (nothing was sent). A POST with a key is safe.
  `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
declare function refresh(): Promise<string>;
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
api.interceptors.response.use((response) => response, async (error) => {
  const original = error.config;
  if (error.response?.status === 401 && !original._retry) {
    original._retry = true;
    original.headers.Authorization = \`Bearer \${await refresh()}\`;
    return api(original);
  }
  return Promise.reject(error);
});
const reads = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
reads.interceptors.response.use(undefined, (error) => {
  if (error.config.method !== 'get') throw error;
  return reads.request(error.config);
});
const refused = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
refused.interceptors.response.use(undefined, (error) => {
  if (error.code === 'ECONNREFUSED') return refused(error.config);
  throw error;
});
export const order = (item: string) => refused.post('/orders', { item });
const keyed = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
keyed.interceptors.response.use(undefined, (error) => keyed(error.config));
export const create = (item: string) => api.post('/orders', { item });
export const copy = (item: string) => reads.post('/orders', { item });
export async function place(item: string) {
  return keyed.post('/orders', { item }, { headers: { 'Idempotency-Key': randomUUID() } });
}
`,
  // Status loops that are not retries of a failure: a business condition on an ok response, the next page
  // of a listing whose end is a 204, a batch that moves on after a failed item, a repeat of 429s
  // only, a repeat after a 401 that refreshes the token first, and a GET.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function waitForJob(id: string) {
  while (true) {
    const res = await fetch(\`https://api.example.com/jobs/\${id}/query\`, { method: 'POST', signal: AbortSignal.timeout(5000) });
    if (res.ok && (await res.clone().json()).done) return res;
    await sleep(1000);
  }
}
export async function search(query: string, cursor?: string, found: unknown[] = []): Promise<unknown[]> {
  const res = await fetch('https://api.example.com/search', { method: 'POST', body: JSON.stringify({ query, cursor }), signal: AbortSignal.timeout(5000) });
  if (res.status === 204) return found;
  const page = await res.json();
  return search(query, page.next, [...found, ...page.items]);
}
export async function sendAll(items: string[]) {
  const failed: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const res = await fetch('https://api.example.com/items', { method: 'POST', body: items[index], signal: AbortSignal.timeout(5000) });
    if (!res.ok) {
      failed.push(items[index]!);
      continue;
    }
  }
  return failed;
}
export async function paced(body: string) {
  for (;;) {
    const res = await fetch('https://api.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    if (res.status !== 429) return res;
    await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
  }
}
export async function withToken(body: string, token: string): Promise<Response> {
  const res = await fetch('https://api.example.com/charges', { method: 'POST', body, headers: { authorization: token }, signal: AbortSignal.timeout(5000) });
  if (!res.ok) {
    if (res.status === 401) return withToken(body, await refresh());
    throw new Error(String(res.status));
  }
  return res;
}
declare function refresh(): Promise<string>;
export async function load(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(\`https://api.example.com/orders/\${id}\`, { signal: AbortSignal.timeout(5000) });
    if (res.ok) return res;
    await sleep(100);
  }
  return undefined;
}
`,
  // A resend after a 401 that a predicate of the file tests (\`this.isAuthError(error)\`) follows a refusal and a
  // token refresh, as one tested inline does.
  `
import axios from 'axios';
export class UpsClient {
  constructor(private readonly auth: { refresh(): Promise<void> }) {}
  async rate(body: object, retried = false): Promise<unknown> {
    try {
      return (await axios.post('https://ups.example.com/rating', body, { timeout: 5000 })).data;
    } catch (error) {
      if (this.isAuthError(error) && !retried) {
        await this.auth.refresh();
        return this.rate(body, true);
      }
      throw error;
    }
  }
  private isAuthError(error: unknown): boolean {
    return axios.isAxiosError(error) && error.response?.status === 401;
  }
}
`,
  // A retry helper called with a file read, a GET, and a POST whose key is made before the call.
  `
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
export const config = () => withRetry(() => readFile('config.json', 'utf8'));
export const status = () => withRetry(() => fetch('https://pay.example.com/status', { signal: AbortSignal.timeout(5000) }));
export async function charge(body: string) {
  const key = randomUUID();
  return withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, headers: { 'Idempotency-Key': key }, signal: AbortSignal.timeout(5000) }));
}
`,
  // A loop over targets that skips a failed one is not a retry.
  `
export async function notifyAll(urls: string[], body: string) {
  let delivered = 0;
  for (let index = 0; index < urls.length; index++) {
    try {
      await fetch(urls[index]!, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch {
      continue;
    }
    delivered++;
  }
  return delivered;
}
`,
  // Wrappers called with safe methods only, a retried GET through a wrapper another caller POSTs through
  // unretried, and retries of refused requests only (429, ECONNREFUSED): nothing can be applied twice.
  `
import pRetry from 'p-retry';
import promiseRetry from 'promise-retry';
async function request(method: string, url: string) {
  return pRetry(() => fetch(url, { method, signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
export const read = () => request('GET', 'https://api.example.com/orders');
export const replace = () => request('PUT', 'https://api.example.com/orders/1');
function send(method: string, url: string) {
  return fetch(url, { method, signal: AbortSignal.timeout(5000) });
}
export const ping = () => send('POST', 'https://hooks.example.com/ping');
export const poll = () => pRetry(() => send('GET', 'https://hooks.example.com/poll'), { retries: 2 });
export function push(body: string) {
  return promiseRetry(async (retry) => {
    try {
      return await fetch('https://push.example.com/send', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 429) return retry(e);
      throw e;
    }
  }, { retries: 2 });
}
export async function publish(body: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://events.example.com/publish', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ECONNREFUSED') {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        continue;
      }
      throw error;
    }
  }
}
`,
  // Composed headers in a file that names an idempotency key somewhere: the key may be among them.
  `
import pRetry from 'p-retry';
// Callers put their Idempotency-Key in \`extra\`.
export async function send(url: string, body: string, extra: Record<string, string>) {
  const headers = { 'Content-Type': 'application/json', ...extra };
  await pRetry(() => fetch(url, { method: 'POST', headers, body }), { retries: 3 });
}
`,
  // Headers or options handed in whole by the caller: the caller may have put a key in them.
  `
import pRetry from 'p-retry';
export async function send(url: string, body: string, headers: Record<string, string>, init: RequestInit) {
  await pRetry(() => fetch(url, { method: 'POST', headers, body }), { retries: 3 });
  await pRetry(() => fetch(url, { ...init, method: 'POST', body }), { retries: 3 });
}
`,
  // The same client, but the POST's headers are the caller's own object, passed through untouched.
  `
import retry from 'retry';
export class Client {
  post(path: string, options: { headers?: Record<string, string> } = {}) {
    return this.doRequest(Object.assign(options, { method: 'POST', path }));
  }
  private doRequest(options: { method?: string; path?: string; headers?: Record<string, string> }) {
    const operation = retry.operation({ retries: 2, minTimeout: 1000 });
    return new Promise((resolve, reject) => {
      operation.attempt(async () => {
        try {
          resolve(await fetch(\`https://api.example.com\${options.path}\`, { method: options.method, headers: options.headers, signal: AbortSignal.timeout(5000) }));
        } catch (error) {
          if (!operation.retry(error as Error)) reject(error);
        }
      });
    });
  }
}
`,
  // A helper that may rewrite the method hides which one is sent.
  `
import retry from 'retry';
export class Client {
  patch(path: string) {
    let merged = Object.assign({ headers: {} }, { method: 'PATCH', path });
    merged = this.override(merged);
    return this.doRequest(merged);
  }
  private override(options: { method: string; path: string; headers: Record<string, string> }) {
    if (process.env.SAFE) options.method = 'GET';
    return options;
  }
  private doRequest(options: { method?: string; path?: string; headers?: Record<string, string> }) {
    const operation = retry.operation({ retries: 2, minTimeout: 1000 });
    return new Promise((resolve, reject) => {
      operation.attempt(async () => {
        try {
          resolve(await fetch(\`https://api.example.com\${options.path}\`, { method: options.method, headers: options.headers, signal: AbortSignal.timeout(5000) }));
        } catch (error) {
          if (!operation.retry(error as Error)) reject(error);
        }
      });
    });
  }
}
`,
  // An injected fetch (\`options.fetch ?? fetch\`) is retried safely for GET, and require-timeout's business is not this rule's.
  `
import pRetry from 'p-retry';
export function client(options: { fetch?: typeof fetch }) {
  const fetchFn = options.fetch ?? fetch;
  return (url: string) => pRetry(() => fetchFn(url), { retries: 3 });
}
`,
  // GET PUT DELETE in retry
  `
import axios from 'axios';
import pRetry from 'p-retry';
export async function sync(id: string) {
  await pRetry(async () => {
    await axios.get(\`https://api.example.com/orders/\${id}\`);
    await axios.put(\`https://api.example.com/orders/\${id}\`, {});
    await axios.delete(\`https://api.example.com/orders/\${id}\`);
    await fetch(\`https://api.example.com/orders/\${id}\`);
    await fetch(\`https://api.example.com/orders/\${id}\`, { method: 'PUT' });
  });
}
`,
  // stable key before loop
  `
import { randomUUID } from 'node:crypto';
import axios from 'axios';
export async function pay() {
  const key = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.post('https://api.example.com/pay', {}, { headers: { 'Idempotency-Key': key } });
    } catch {}
  }
}
`,
  // stripe with idempotencyKey
  `
import Stripe from 'stripe';
import pRetry from 'p-retry';
const stripe = new Stripe('sk');
export async function charge(orderId: string) {
  return pRetry(() => stripe.charges.create({ amount: 1, currency: 'usd' }, { idempotencyKey: \`charge-\${orderId}\` }));
}
`,
  // got ky default retries
  `
import got from 'got';
import ky from 'ky';
export async function book() {
  await got.post('https://api.example.com/bookings', { json: {} });
  await ky.post('https://api.example.com/bookings', { json: {} });
  await got.post('https://api.example.com/bookings', { retry: { limit: 3 } });
}
`,
  // loop that rethrows
  `
import axios from 'axios';
export async function pay(items: string[]) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/pay', {});
    } catch (error) {
      throw error;
    }
  }
}
`,
  // loop over items
  `
import axios from 'axios';
export async function payAll(items: string[]) {
  for (let i = 0; i < items.length; i++) {
    try {
      await axios.post('https://api.example.com/pay', { item: items[i] });
    } catch (error) {
      console.error(error);
    }
  }
  for (const item of items) {
    try {
      await axios.post('https://api.example.com/pay', { item });
    } catch {
      continue;
    }
  }
}
`,
  // axios-retry with custom condition and other instance
  `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const api = axios.create({ baseURL: 'https://a.example.com' });
const other = axios.create({ baseURL: 'https://b.example.com' });
axiosRetry(api, { retries: 3, retryCondition: (e) => e.response?.status === 503 });
axiosRetry(axios);
export async function pay() {
  await api.post('/pay', {});
  await other.post('/pay', {});
}
`,
  // axios-retry conditions that exclude a POST: a predicate that checks the method, and an \`&&\` that
  // narrows the library's network predicate to GETs.
  `
import axios from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 5000 });
const search = axios.create({ baseURL: 'https://search.example.com', timeout: 5000 });
axiosRetry(ledger, { retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isIdempotentRequestError });
axiosRetry(search, { retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => isNetworkError(error) && error.config?.method === 'get' });
export async function record(entry: string) {
  await ledger.post('/entries', { entry });
  await search.post('/query', { entry });
}
`,
  // a user function named fetch; a retry with header from params
  `
import pRetry from 'p-retry';
function fetch(url: string, init: object) { return Promise.resolve({ url, init }); }
export async function pay(headers: Record<string, string>) {
  await pRetry(() => fetch('https://api.example.com/pay', { method: 'POST' }));
  await pRetry(() => globalThis.fetch('https://api.example.com/pay', { method: 'POST', headers }));
}
`,
  // aws with dedupe id and client token
  `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import pRetry from 'p-retry';
const sqs = new SQSClient({});
export async function enqueue(id: string) {
  await pRetry(() => sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'x', MessageDeduplicationId: id })));
}
`,
  // slack with retries off
  `
import { WebClient } from '@slack/web-api';
const slack = new WebClient(process.env.SLACK_TOKEN, { retryConfig: { retries: 0 } });
export async function announce() {
  await slack.chat.postMessage({ channel: 'C1', text: 'deployed' });
}
`,
  // Shapes seen in real code (undici, @azure/identity, axios, mocha) that look like retries and are not.
  // Calling a parameter from a catch (a promise's reject, a callback) is not recursion.
  `
export function send(url: string, done: (error?: unknown) => void) {
  return new Promise((resolve, reject) => {
    try {
      resolve(fetch(url, { method: 'POST' }));
    } catch (error) {
      reject(error);
      done(error);
    }
  });
}
`,
  // A fallback chain tries each source once: sources[i] in the attempt is iteration, not retry.
  `
export async function firstToken(sources: Array<{ getToken(): Promise<string> }>) {
  let token: string | null = null;
  for (let i = 0; i < sources.length && token === null; i++) {
    try {
      token = await sources[i]!.getToken();
    } catch {
      // try the next source
    }
  }
  return token;
}
`,
  // A stream-reading loop whose only exit from the try is conditional is not a retry.
  `
export async function drain(reader: { read(): Promise<{ done: boolean; value?: unknown }> }) {
  while (true) {
    let failed = false;
    try {
      const { done } = await reader.read();
      if (done) break;
    } catch {
      failed = true;
    }
    if (failed) return;
  }
}
`,
  // A try inside the failure handler handles the failure; it is not another attempt.
  `
export function runAll(handlers: Array<() => void>, onError: (e: unknown) => void) {
  let i = 0;
  while (i < handlers.length) {
    const handler = handlers[i++]!;
    try {
      handler();
    } catch (error) {
      try {
        onError(error);
      } catch {
        // ignore
      }
      break;
    }
  }
}
`,
  // A one-shot fallback: the recursive call switches a mode flag, so it cannot loop.
  `
export async function token(useBroker: boolean): Promise<string> {
  try {
    const response = await fetch('https://login.example.com/token', { method: 'POST' });
    return await response.text();
  } catch (error) {
    if (useBroker) return token(false);
    throw error;
  }
}
`,

  // A POST that reports the failure from the catch is not the retried attempt.
  `
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
export async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.get('https://api.example.com/items');
    } catch (error) {
      await axios.post('https://errors.example.com/events', { error: String(error) });
      await sleep(100);
    }
  }
  return undefined;
}
`,

  // RxJS retries that pick their failures: a retryWhen notifier that reads the error, and a delay function
  // that does, over a switchMap's POST.
  `
import { HttpClient } from '@angular/common/http';
import { mergeMap, of, retry, retryWhen, switchMap, throwError, timer } from 'rxjs';

export class Orders {
  constructor(private readonly http: HttpClient) {}

  place(order: unknown) {
    return this.http.post('/api/orders', order).pipe(retryWhen((errors) => errors.pipe(
      mergeMap((error, attempt) => (attempt < 3 && error.status === 429 ? timer(1000) : throwError(() => error))),
    )));
  }
  confirm(id: string) {
    return of(id).pipe(
      switchMap((value) => this.http.post(\`/api/orders/\${value}/confirm\`, {})),
      retry({ count: 2, delay: (error) => (error.status === 429 ? timer(1000) : throwError(() => error)) }),
    );
  }
}
`,
  // A field the class writes into again (a token added later) may carry anything: not judged.
  `
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { retry } from 'rxjs';

export class HeroService {
  httpOptions = { headers: new HttpHeaders({ 'Content-Type': 'application/json' }) };

  constructor(private readonly http: HttpClient) {}

  useHeaders(headers: HttpHeaders) {
    this.httpOptions.headers = headers;
  }
  addHero(hero: { name: string }) {
    return this.http.post('/api/heroes', hero, this.httpOptions).pipe(retry({ count: 2, delay: 500 }));
  }
}
`,
  // A loop that goes round only after a conflict held in a \`const\` (a unique violation on the number it
  // picked), and one whose catch rolls back and then leaves on every failure but a listed constraint code
  // (\`['23505', '23503'].includes(code)\`): the database refused the write, so nothing was applied.
  `
import { Pool } from 'pg';

const pool = new Pool({ connectionTimeoutMillis: 5000 });

async function nextNumber(): Promise<number> {
  return (await pool.query('SELECT max(n) + 1 AS n FROM expenses')).rows[0].n;
}
export async function insertWithNumber(values: unknown[]) {
  for (let attempt = 0; attempt <= 5; attempt++) {
    const n = await nextNumber();
    try {
      return await pool.query('INSERT INTO expenses (n, v) VALUES ($1, $2)', [n, values]);
    } catch (err) {
      const { code, constraint } = err as { code?: string; constraint?: string };
      const isConflict = code === '23505' && constraint === 'expense_number';
      if (isConflict && attempt < 5) continue;
      throw err;
    }
  }
  throw new Error('no free number');
}
export async function allocate(key: string) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      await pool.query('BEGIN');
      const result = await pool.query('INSERT INTO fixtures (k) VALUES ($1) RETURNING id', [key]);
      await pool.query('COMMIT');
      return result.rows[0];
    } catch (error) {
      await pool.query('ROLLBACK').catch(() => undefined);
      if (attempt === 5) throw error;
      if (!['23505', '23503'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  throw new Error('unreachable');
}
`,
  // An INSERT tried again only after a unique violation (23505), with a new slug: nothing was inserted.
  `
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';

const pool = new Pool({ connectionTimeoutMillis: 5000 });

export async function shorten(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await pool.query('INSERT INTO links (slug, url) VALUES ($1, $2)', [randomUUID().slice(0, 8), url]);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  }
  throw new Error('no free slug');
}
`,
  // p-retry whose callback stops it (AbortError) for every failure but a 429: nothing it repeats was applied.
  `
import pRetry, { AbortError } from 'p-retry';

export function purge(condition: string) {
  return pRetry(async () => {
    try {
      const response = await fetch('https://api.example.com/v0/datasources/events/delete', { method: 'POST', body: condition, signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(\`delete failed [\${response.status}]\`);
      return await response.json();
    } catch (error) {
      if (error instanceof Error && error.message.includes('429')) throw error;
      throw new AbortError(error as Error);
    }
  }, { retries: 5 });
}
`,
  // RxJS: a GET; a key written in the arguments (evaluated once, sent on every resubscription); a delay
  // function that reads the error decides what repeats; a promise made once (from) is not sent again; a
  // POST on a hot stream's switchMap is not re-run by the retry; an HttpClient of another library.
  `
import { Injectable, inject } from '@angular/core';
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { from, retry, switchMap, timer, throwError, type Observable } from 'rxjs';
import { HttpClient as ActionsClient } from '@actions/http-client';

@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);
  constructor(private readonly actions: ActionsClient) {}

  list() {
    return this.http.get('/api/charges').pipe(retry({ count: 3, delay: 500 }));
  }
  charge(amount: number, key: string) {
    return this.http.post('/api/charges', { amount }, { headers: new HttpHeaders({ 'Idempotency-Key': key }) }).pipe(retry({ count: 3, delay: 500 }));
  }
  chargeOnOutage(amount: number) {
    return this.http.post('/api/charges', { amount }).pipe(retry({ count: 3, delay: (error) => (error.status === 429 ? timer(1000) : throwError(() => error)) }));
  }
  once(amount: number) {
    return from(fetch('/api/charges', { method: 'POST', body: String(amount) })).pipe(retry({ count: 3, delay: 500 }));
  }
  onEvent(events$: Observable<number>) {
    return events$.pipe(switchMap((amount) => this.http.post('/api/charges', { amount })), retry({ count: 3, delay: 500 }));
  }
  other() {
    return from(this.actions.post('https://api.example.com', '{}')).pipe(retry({ count: 3, delay: 500 }));
  }
}
`,
  // Request configs the retry does not send as a POST: a key in the headers, a GET, a builder, a logger, a
  // function of this file (the reach reads its body: it sends the method it is given, which this file's
  // callers never make a POST through it).
  `
import pRetry from 'p-retry';

type Send = (config: { method: string; url: string; data?: unknown; headers?: Record<string, string> }) => Promise<unknown>;

export const keyed = (request: Send, payload: unknown, key: string) =>
  pRetry(() => request({ method: 'POST', url: 'https://hooks.example.com/deliver', data: payload, headers: { 'Idempotency-Key': key } }), { retries: 3 });
export const read = (request: Send) => pRetry(() => request({ method: 'GET', url: 'https://hooks.example.com/status' }), { retries: 3 });
export const built = (buildRequest: Send) => pRetry(() => buildRequest({ method: 'POST', url: 'https://hooks.example.com/deliver' }), { retries: 3 });
export const logged = (logRequest: Send) => pRetry(() => logRequest({ method: 'POST', url: 'https://hooks.example.com/deliver' }), { retries: 3 });
export const kept = (request: Send) => pRetry(async () => { const sent = request({ method: 'POST', url: 'https://hooks.example.com/deliver' }); return sent; }, { retries: 3 });
`,
  `
async function request(config: { method: string; url: string }) {
  return fetch(config.url, { method: 'GET', signal: AbortSignal.timeout(5000) });
}

export async function read(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await request({ method: 'POST', url });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`,
  // A config held in a \`const\` is not read as a request: over the service repos it found nothing more, and in the
  // SDK corpus its one finding was Segment's batch POST, whose events carry their own deduplication ids.
  `
interface HttpClient { makeRequest(options: { method: string; url: string; body?: string }): Promise<Response> }

export class Notifier {
  constructor(private readonly httpClient: HttpClient) {}

  async notify(body: string) {
    const requestOptions = { method: 'POST', url: 'https://hooks.example.com/notify', body };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.httpClient.makeRequest(requestOptions);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }
}
`,
  // The S3 multipart protocol: a repeated start leaves an empty upload behind; a repeated completion names its
  // upload and finds it gone after success. Neither makes a second object.
  `
import pRetry from 'p-retry';
import axios from 'axios';

type Send = (config: { method: string; url: string; data?: unknown }) => Promise<unknown>;

export async function complete(base: string, uploadId: string, parts: string) {
  const url = \`\${base}?uploadId=\${uploadId}\`;
  await pRetry(() => axios.post(url, parts, { timeout: 5000 }), { retries: 3 });
}
export async function start(base: string) {
  await pRetry(() => axios.post(\`\${base}?uploads\`, '', { timeout: 5000 }), { retries: 3 });
}
export const completeThrough = (request: Send, base: string, uploadId: string, parts: string) =>
  pRetry(() => request({ method: 'POST', url: base + '?uploadId=' + uploadId, data: parts }), { retries: 3 });
`,  // A model's answer is computed again and stores nothing (OpenAI-compatible chat completions, Anthropic
  // messages, Gemini generateContent), and a search or query sent as a POST reads (HubSpot CRM search,
  // Elasticsearch, Google Calendar's freeBusy), and an upsert writes by key.
  `
import pRetry from 'p-retry';
import axios from 'axios';
const OPENROUTER = 'https://openrouter.ai/api/v1';
export async function complete(prompt: string) {
  return pRetry(() => fetch(\`\${OPENROUTER}/chat/completions\`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: prompt }] }), signal: AbortSignal.timeout(30000) }), { retries: 3 });
}
export async function ask(prompt: string) {
  return pRetry(() => axios.post('https://api.anthropic.com/v1/messages', { messages: [{ role: 'user', content: prompt }] }, { timeout: 30000 }), { retries: 3 });
}
export async function generate(model: string, prompt: string) {
  return pRetry(() => fetch(\`https://generativelanguage.googleapis.com/v1beta/models/\${model}:generateContent\`, { method: 'POST', body: prompt, signal: AbortSignal.timeout(30000) }), { retries: 3 });
}
export async function findTickets(filters: unknown[]) {
  return pRetry(() => axios.post('https://api.hubapi.com/crm/v3/objects/tickets/search', { filterGroups: [{ filters }] }, { timeout: 10000 }), { retries: 3 });
}
export async function searchLogs(query: object) {
  return pRetry(() => axios.post('https://search.example.com/logs-*/_search', query, { timeout: 10000 }), { retries: 3 });
}
export async function saveContact(contact: object) {
  return pRetry(() => axios.post('https://services.leadconnectorhq.com/contacts/upsert', contact, { timeout: 10000 }), { retries: 3 });
}
export async function busyTimes(calendarId: string, timeMin: string, timeMax: string) {
  return pRetry(() => axios.post('https://www.googleapis.com/calendar/v3/freeBusy', { timeMin, timeMax, items: [{ id: calendarId }] }, { timeout: 10000 }), { retries: 3 });
}
`,
  // The address chosen among model APIs, each a completion: by a function of the file, by a conditional held
  // in a \`const\`, or looked up in an object by provider.
  `
import pRetry from 'p-retry';
type Provider = 'xai' | 'openai';
const apiUrl = (provider: Provider): string => {
  if (provider === 'xai') return 'https://api.x.ai/v1/chat/completions';
  return 'https://api.openai.com/v1/chat/completions';
};
export const answer = (provider: Provider, prompt: string) =>
  pRetry(() => fetch(apiUrl(provider), { method: 'POST', body: prompt, signal: AbortSignal.timeout(30000) }), { retries: 3 });
const LLM_URL = process.env.GEMINI_KEY
  ? 'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions'
  : 'https://openrouter.ai/api/v1/chat/completions';
export const extract = (prompt: string) =>
  pRetry(() => fetch(LLM_URL, { method: 'POST', body: prompt, signal: AbortSignal.timeout(30000) }), { retries: 3 });
const MODEL_URLS = { xai: 'https://api.x.ai/v1/chat/completions', openai: 'https://api.openai.com/v1/chat/completions' };
export const summarize = (provider: Provider, prompt: string) =>
  pRetry(() => fetch(MODEL_URLS[provider], { method: 'POST', body: prompt, signal: AbortSignal.timeout(30000) }), { retries: 3 });
`,
  // OAuth token requests for the client credentials and password grants: a repeat is issued another token.
  `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => !error.response || (error.response.status ?? 0) >= 500 });
export async function serviceToken(clientId: string, secret: string): Promise<string> {
  const data = \`grant_type=client_credentials&client_id=\${clientId}&client_secret=\${secret}\`;
  return (await axios.post('https://onlinetools.ups.com/security/v1/oauth/token', data, { timeout: 10000 })).data.access_token;
}
export async function userToken(id: string, secret: string, username: string, password: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const body = new URLSearchParams({ grant_type: 'password', client_id: id, client_secret: secret, username, password });
      return (await axios.post('https://login.salesforce.com/services/oauth2/token', body, { timeout: 5000 })).data.access_token;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  throw new Error('no token');
}
`,
  // A job whose timer runs it and that schedules itself after a success as after a failure: periodic.
  `export function poll(url: string): void {
  setTimeout(async () => {
    try {
      const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
      console.log(res.status);
      poll(url);
    } catch (error) {
      console.error(error);
      poll(url);
    }
  }, 5000);
}
`,
  // A wrapper whose only POSTing caller sends to an upsert address.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchWithRetry(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(20000) });
    } catch (error) {
      if (attempt >= 2) throw error;
      await sleep(500 * 2 ** attempt);
    }
  }
}
export const saveContact = (contact: object) => fetchWithRetry('https://services.leadconnectorhq.com/contacts/upsert', { method: 'POST', body: JSON.stringify(contact) });
`,
  // A batch driver: it adds up what each round processed and sends the same request again after a success
  // as after a failure.
  `
import axios from 'axios';
export async function driveBatches(): Promise<void> {
  let total = 0;
  let batch = 0;
  while (total < 3277 && batch < 10) {
    batch++;
    try {
      const res = await axios.post('https://worker.example.com/api/sync/object/start', {}, { timeout: 60000 });
      total += res.data.processed || 0;
    } catch (error) {
      console.log('sync error', (error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, 30000));
  }
}
`,
  // An embedding requested through NestJS's HttpService, as through axios, computes again and stores nothing.
  `
import type { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

export class EmbeddingProvider {
  constructor(private readonly httpService: HttpService) {}
  async createEmbedding(text: string) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await firstValueFrom(this.httpService.post('https://api.openai.com/v1/embeddings', { input: text }, { timeout: 10000 }));
        return res.data;
      } catch (e) {
        if (attempt === 3) throw e;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }
}
`,
  // A status loop whose every failed status but a 429 leaves before it goes round repeats only refusals.
  `
export async function modifyThread(threadId: string, token: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: "POST", signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    if (response.status !== 429 || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
`,
  // The same with Google's rate limit told by a 403 (\`rateLimitExceeded\`), held in a \`const\`.
  `
export async function labelThread(threadId: string, token: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(\`https://gmail.googleapis.com/gmail/v1/users/me/threads/\${threadId}/modify\`, {
      method: 'POST', signal: AbortSignal.timeout(5000), headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ addLabelIds: ['X'] }),
    });
    if (response.ok) return true;
    const body = await response.text();
    const isRateLimited = response.status === 429 || (response.status === 403 && body.includes('rateLimitExceeded'));
    if (!isRateLimited || attempt === 4) return false;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return false;
}
`,
  // A method with a default that no caller of the file overrides: every call is a GET.
  `
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i === attempts) throw err;
      await delay(500 * 2 ** i);
    }
  }
}
export class ShopClient {
  static rest(path: string, opts: { method?: string; body?: string } = {}) {
    return withRetry(() => fetch(\`https://shop.example.com\${path}\`, { method: opts.method || 'GET', body: opts.body, signal: AbortSignal.timeout(5000) }));
  }
}
export const levels = () => ShopClient.rest('/inventory_levels.json');
`,
  // A helper that sends what a rest pattern leaves of its options: the caller's headers carry a key made
  // before the loop.
  `
import { randomUUID } from 'node:crypto';
async function send(url: string, init?: RequestInit & { skipQueue?: boolean }) {
  const { skipQueue, ...rest } = init ?? {};
  return fetch(url, { ...rest, signal: AbortSignal.timeout(5000) });
}
export async function charge(body: unknown) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await send('https://api.example.com/charges', { method: 'POST', headers: { 'Idempotency-Key': key }, body: JSON.stringify(body) });
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
  // A comment that says where the key is added (an interceptor out of sight) leaves the headers undecided.
  composedHeadersClient(' // The gateway interceptor adds an Idempotency-Key header to every command.'),
  // A batch driver: the answer says whether there is more to send, and the loop posts the same request
  // again after every success; a timed-out batch sent again is what the loop does by design.
  `
async function sendBatch(campaignId: string): Promise<{ sent: number; continue: boolean }> {
  const res = await fetch(\`https://mail.example.com/api/campaigns/\${campaignId}/send\`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}

export async function sendAll(campaignId: string) {
  let shouldContinue = true;
  let retryCount = 0;
  while (shouldContinue) {
    try {
      const data = await sendBatch(campaignId);
      shouldContinue = data.continue;
      retryCount = 0;
      if (shouldContinue) await new Promise((r) => setTimeout(r, 1000));
    } catch (err) {
      if (retryCount < 3 && err instanceof Error && err.message.includes('timed out')) {
        retryCount++;
        await new Promise((r) => setTimeout(r, 2000));
        continue;
      }
      throw err;
    }
  }
}
`,
  // The same wrapper called only to search: nothing it sends is created twice.
  `
async function hubspotFetch(path: string, options: { method?: string; body?: string } = {}, attempt = 1): Promise<unknown> {
  const res = await fetch(\`https://api.hubapi.com\${path}\`, { ...options, headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (res.status >= 500 && attempt <= 3) {
    await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    return hubspotFetch(path, options, attempt + 1);
  }
  return res.json();
}
export const searchCompanies = (query: string) => hubspotFetch('/crm/v3/objects/companies/search', { method: 'POST', body: JSON.stringify({ query }) });
`,
  // The client-credentials grant handed to the same wrapper: a repeat issues another token.
  cameraAuth("grant_type: 'client_credentials', client_secret: this.refreshToken"),
  // A model's answer with the API key in the query (\`\${GEMINI_URL}?key=\${key}\`), the address held in a
  // const or returned by a function of the file: computed again, nothing stored.
  `
const GEMINI_URL = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
const GEMINI_KEY = process.env.GEMINI_KEY;

export async function geminiGrounded(prompt: string, retries = 2) {
  for (let i = 0; i <= retries; i++) {
    try {
      const res = await fetch(\`\${GEMINI_URL}?key=\${GEMINI_KEY}\`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ contents: [{ parts: [{ text: prompt }] }] }),
      });
      if (!res.ok) {
        await new Promise((r) => setTimeout(r, 1500 * (i + 1)));
        continue;
      }
      return await res.json();
    } catch (e) {
      if (i === retries) throw e;
      await new Promise((r) => setTimeout(r, 1500 * (i + 1)));
    }
  }
  return null;
}
`,
  `
const GEMINI_ENDPOINT = (model: string) =>
  \`https://generativelanguage.googleapis.com/v1beta/models/\${model}:generateContent\`;

async function fetchWithRetry(url: string, init: RequestInit, { attempts = 3 } = {}): Promise<Response> {
  let lastErr: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, init);
      if (res.status >= 500 && i < attempts - 1) {
        await new Promise((r) => setTimeout(r, 600 * (i + 1)));
        continue;
      }
      return res;
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 600 * (i + 1)));
    }
  }
  throw lastErr;
}

export async function chat(apiKey: string, body: unknown) {
  return fetchWithRetry(\`\${GEMINI_ENDPOINT('gemini-2.5-flash')}?key=\${apiKey}\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
`,
  // The address in a field set once (a moderation, which stores nothing), sent again in the catch.
  `
import axios from 'axios';
// moderation stores nothing; a retry after a timeout only computes it again
class ModerationService {
  private readonly endpoint = 'https://api.openai.com/v1/moderations';
  private async request(apiKey: string, input: string) {
    const res = await axios.post(this.endpoint, { model: 'omni-moderation-latest', input }, { headers: { Authorization: \`Bearer \${apiKey}\` }, timeout: 10_000 });
    return res.data.results[0] ?? null;
  }
  async check(apiKey: string, input: string) {
    try {
      return await this.request(apiKey, input);
    } catch (error) {
      await new Promise((r) => setTimeout(r, 750));
      try {
        return await this.request(apiKey, input);
      } catch {
        return null;
      }
    }
  }
}
export const moderation = new ModerationService();
`,
  // A create-or-update endpoint is an upsert: a repeat patches the lead it already made.
  `
export async function pushLeads(leads: object[]) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://mail.example.com/api/leads/create-or-update/multiple', { method: 'POST', body: JSON.stringify({ leads }), signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
  // A retry that goes round only for a read (`isGet`, a list of repeatable methods) sends each POST once.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export class AtsClient {
  async send(method: string, path: string, payload?: string): Promise<Response> {
    const isGet = method.toUpperCase() === 'GET';
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(\`https://api.example.com\${path}\`, { method, body: payload, signal: AbortSignal.timeout(10000) });
      } catch (error) {
        // A transport failure is safe to retry only for a read.
        if (isGet && attempt < 3) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw error;
      }
    }
  }
  createCandidate(candidate: object) {
    return this.send('POST', '/candidates', JSON.stringify(candidate));
  }
}
`,
  `
const REPEATABLE = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
export async function call(method: string, url: string, body?: string, attempt = 0): Promise<Response> {
  try {
    return await fetch(url, { method, body, signal: AbortSignal.timeout(10000) });
  } catch (error) {
    if (REPEATABLE.has(method) && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
      return call(method, url, body, attempt + 1);
    }
    throw error;
  }
}
export const invite = (email: string) => call('POST', 'https://api.example.com/invites', JSON.stringify({ email }));
`,
  // A key the body carries (`idempotency_key`, made before the retry), and a Plaid read sent as a POST to `/auth/get`.
  `
import axios from 'axios';
const plaid = axios.create({ baseURL: 'https://production.plaid.com', timeout: 10000 });
async function withRetry<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
export function createTransfer(accountId: string, amount: string, transferKey: string) {
  return withRetry(() => plaid.post('/transfer/create', { account_id: accountId, amount, idempotency_key: transferKey }));
}
export function getAuth(accessToken: string) {
  return withRetry(() => plaid.post('/auth/get', { access_token: accessToken }));
}
`,
  // Only failures before the connection exists go round (a list of such codes, read from `String(err.cause?.code ?? '')`): nothing was sent.
  `
const PRECONNECT_ERRORS = new Set(['EAI_AGAIN', 'ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(\`https://api.example.com\${path}\`, { ...init, signal: AbortSignal.timeout(10000) });
      return (await res.json()) as T;
    } catch (err) {
      // Only failures before the connection exists are retried: nothing was sent.
      const code = String((err as { cause?: { code?: string } })?.cause?.code ?? '');
      if (attempt >= 3 || !PRECONNECT_ERRORS.has(code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
  }
}
export const invite = (id: string) => api('/users/invite', { method: 'POST', body: JSON.stringify({ id }) });
`,
  // Resumed from where the server says it stopped (`this.send(lastChunk + 1)` from the error callback): another request, not the one that failed.
  `
import { request } from 'node:https';
export class StreamWriter {
  private retries = 0;
  constructor(private readonly url: URL, private readonly body: () => string) {}
  private async lastChunkOnServer(): Promise<number> {
    const res = await fetch(new URL('/chunks/last', this.url), { signal: AbortSignal.timeout(5000) });
    return Number(await res.text());
  }
  send(startFromChunk = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(this.url, { method: 'POST', timeout: 60000, headers: { 'X-Resume-From-Chunk': startFromChunk.toString() } });
      req.on('error', async (error) => {
        if (this.retries++ < 5) {
          req.destroy();
          await new Promise((wait) => setTimeout(wait, 1000 * 2 ** this.retries));
          // Ask the server what it kept, and send only what follows.
          const resumeFrom = (await this.lastChunkOnServer()) + 1;
          resolve(this.send(resumeFrom));
          return;
        }
        reject(error);
      });
      req.on('response', () => resolve());
      req.end(this.body());
    });
  }
}
`,
  // The device flow's token request is polled by design until the user approves (RFC 8628).
  `
export async function pollForToken(tokenUrl: string, clientId: string, deviceCode: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((r) => setTimeout(r, 5000));
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: clientId,
        device_code: deviceCode,
      }),
    });
    if (response.ok) return await response.json();
    const error = await response.json();
    if (error.error === 'authorization_pending') continue;
    else if (error.error === 'slow_down') { await new Promise((r) => setTimeout(r, 5000)); continue; }
    else throw new Error(error.error);
  }
  throw new Error('Authorization timeout');
}
`,
  // A token helper that answers from its cache first sends its POST again only after the retry empties the cache, here on a 401.
  cachedTokenClient(''),

  // A POST sent through the inner wrapper alone (`send(…)`), while the retrying one (`withRetry`) is passed only GETs, is not retried.
  `
import axios, { AxiosRequestConfig } from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 9900 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function send(config: AxiosRequestConfig) {
  return await api(config);
}
async function withRetry(config: AxiosRequestConfig) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send(config);
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(1000 * attempt);
    }
  }
  return undefined;
}
export const listTrades = () => withRetry({ method: 'get', url: '/trades' });
export const createTrade = (body: unknown) => send({ method: 'post', url: '/trades', data: body });
`,
  // The address is the wrapper's parameter: its default (`:generateContent`) and what every caller here passes (`:batchEmbedContents`) compute and store nothing.
  `
import axios from 'axios';
const MODELS_BASE = 'https://generativelanguage.googleapis.com/v1beta/models';
const ENDPOINT = \`\${MODELS_BASE}/gemini-2.5-flash-lite:generateContent\`;
const RETRY_STATUSES = new Set([429, 503]);
async function postGemini(body: unknown, apiKey: string, endpoint: string = ENDPOINT) {
  for (let attempt = 0; attempt <= 4; attempt++) {
    try {
      return await axios.post(endpoint, body, { params: { key: apiKey }, timeout: 30000 });
    } catch (err: any) {
      const status = err?.response?.status;
      if (!RETRY_STATUSES.has(status) || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 1500 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
export const ask = (prompt: string, key: string) => postGemini({ contents: [{ parts: [{ text: prompt }] }] }, key);
export const embed = (texts: string[], key: string) =>
  postGemini({ requests: texts }, key, \`\${MODELS_BASE}/text-embedding-004:batchEmbedContents\`);
`,
  // An RPC-style read sent as a POST, named by a `getX` segment (`/api/category/getProducts/…`).
  `
export async function productsPage(categoryId: number, start: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(\`https://shop.example.com/api/category/getProducts/\${categoryId}/\${start}\`, { method: 'POST', signal: AbortSignal.timeout(10000) });
      return await res.json();
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`,
  // A completion whose address a deployment may override (legalcopilot's AI client), and a page of a listing
  // asked for by POST, \`/search/list\` (legal-debate-mvp's law crawler): neither does anything twice.
  envEndpoint('https://openrouter.ai/api/v1/chat/completions'),
  envEndpoint('https://laws.example.gov/law-search/search/list'),
  // The same wrapper whose only caller reads.
  nestLedger("  invoices() {\n    return this.requestWithRetry({ method: 'GET', path: '/invoices' });\n  }\n"),
  // The same upload that sends the key as a header, and a read through XMLHttpRequest.
  xhrUpload('POST', "    xhr.setRequestHeader('Idempotency-Key', key);\n"),
  xhrUpload('GET', ''),
  // Modrinth's lookup of versions by file hashes, a POST that reads, whose address is in the config the
  // callers hand a spreading wrapper.
  modrinthIndex('/version_files'),
  // A completion, the path a caller passes into the address template beside a base URL field (Spotify-echo's Perplexity client).
  pathClient('/chat/completions'),
  // \`@octokit/rest\` has no retry plugin (only the \`octokit\` package bundles it): nothing repeats the comment.
  `
import { Octokit } from '@octokit/rest';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

export async function fileBug(title: string) {
  await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title });
}
`,
  // Only a 429, tested inside the failure branch of `if (!res.ok)`, goes round: the POST was not applied.
  nestedStatusLoop('POST', 'res.status === 429', "\n        await new Promise((resolve) => setTimeout(resolve, 1000));"),
  // The same factory's client asked to replace the search, which PUT may repeat.
  factoryClient('put'),
  // The helper keeps every failure and answers `{ ok: false }`: the retry, which goes round on a throw, never does.
  swallowingImport('return { ok: false, error: String(error) };'),
  // The same send with its key made once before the loop.
  resendCode(', { idempotencyKey }', true),
  // A session opened on the API's own /session is a sign-in: a repeat opens another (duplistatus).
  envEndpoint('https://status.example.com/api/session'),
  // Only a 429 listed: the POST was refused, and nothing was applied.
  listedStatusRetry('429'),
  // A read through the AWS SDK v2 repeats nothing.
  sesRetry("import AWS from 'aws-sdk';\n\nconst s3 = new AWS.S3({ httpOptions: { timeout: 5000 } });", "s3.getObject({ Bucket: 'mail', Key: to }).promise()"),
  // The same wrapper whose only POST signs in.
  seedingWrapper("  await apiRequest('POST', '/api/auth/login', { email, password });\n"),
  // A sign-in through a POST wrapper whose other caller creates members: this site signs in.
  sharedPostWrapper('/api/auth/sign-in/email'),
  // A model answer whose address holds a key the caller computes: its written parts say what it is.
  geminiKeyed('generateContent'),
  // Each round answers the question the game is on, after a success as after a failure, until the game says
  // it is over: a driver, whose failed round repeats no more than a good one does.
  matchDriver('if (reply.over) done = true;'),
  matchDriver('if (reply.gameFinished) { done = true; break; }'),
  // The same helper writing the lead with PUT, which may repeat.
  racedCrmWrite('PUT'),
  // A generated image is computed again and stored nowhere, as a completion is (ticket-pulse's brand assets).
  envEndpoint('https://api.openai.com/v1/images/generations'),
  // An upsert writes by its conflict column, an update and a select repeat nothing new.
  supabaseOrder(SUPABASE_FACTORY, "upsert({ user_id: userId, total }, { onConflict: 'user_id' })"),
  supabaseOrder(SUPABASE_FACTORY, "update({ total }).eq('user_id', userId)"),
  supabaseOrder(SUPABASE_FACTORY, "select('id').eq('user_id', userId)"),
  // A row whose id was made before the retry is refused the second time.
  supabaseOrder(SUPABASE_FACTORY, 'insert({ id: orderId, user_id: userId, total })').replace('  for (let attempt', '  const orderId = crypto.randomUUID();\n  for (let attempt'),
  // `db` of a module that names no service: nothing says it is supabase-js.
  supabaseOrder("import { db } from './store';").replace('await supabase.from', 'await db.from'),
  // Client credentials may be asked for again, through the wrapper as beside the request.
  tokenThroughRetryingWrapper("grant_type: 'client_credentials'"),
  // The caller's headers are sent as they are, and may carry its key.
  configObjectWrapper(', headers: config.headers, body: JSON.stringify(config.body)'),
  // A subclass that sends with its own request, which does not retry.
  inheritedRetryingSend("\n  protected async send(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {\n    return fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });\n  }\n"),
  memoizedRetryingRequest('PUT'),
  offlineQueue('\n        console.warn(error);'),
  // The retry handles the unique key's refusal by reading the row back: a second copy of the row is refused.
  slugLoop('insert({ owner_id: ownerId, slug })', "\n    if (error.code === '23505') {\n      const { data } = await supabase.from('inbox_slugs').select('slug').eq('owner_id', ownerId).maybeSingle();\n      if (data) return data.slug;\n    }"),
  // Called with one attempt, the helper sends the POST once.
  countedBackoffHelper(', 1'),
  // An Ollama model's answer, as a completion's, is computed again and stores nothing.
  ollamaChat('/api/chat'),
  ollamaChat('/api/generate'),
  // The catch tells the model the tool failed and does what it asks next: a driver, not a retry.
  toolCallLoop("\n      next = await askModel({ tool: next?.name, error: 'tool failed' });"),
];

untypedTester.run('no-unsafe-retry', rule, { valid: validCases, invalid: invalidCases });
typedTester.run('no-unsafe-retry (typed)', rule, { valid: validCases, invalid: invalidCases });


/** With types, a retried call is followed into the other files of the program (filenames relative to test/fixtures). */
export const typedInvalidCases: InvalidTestCase<MessageIds, Options>[] = [
  // Cockatiel retry policies made in another file, by a function there or as an exported const: their
  // retry(...) is found there. The breaker made there, executed between them, retries nothing.
  {
    ...onDisk('project-retry/submit-order.ts'),
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 54, endLine: 5, endColumn: 59,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'cockatiel retry (the policy retryPolicy() makes in retry-policy.ts on line 4) on line 5',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `import { defaultRetry, ordersBreaker, retryPolicy } from './retry-policy';
import { randomUUID } from 'node:crypto';

// Retry policies made in retry-policy.ts repeat these POSTs; the breaker made there repeats nothing.
export async function submitOrder(body: string): Promise<unknown> {
  const idempotencyKey = randomUUID();
  const created = await retryPolicy(5).execute(() => fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
  await ordersBreaker.execute(() => fetch('https://api.example.com/audit', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  return created;
}

export async function cancelOrder(id: string): Promise<void> {
  await defaultRetry.execute(() => fetch(\`https://api.example.com/orders/\${id}/cancel\`, { method: 'POST', signal: AbortSignal.timeout(5000) }));
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 11, column: 36, endLine: 11, endColumn: 41,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'cockatiel retry (the policy defaultRetry in retry-policy.ts on line 9) on line 11',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `import { defaultRetry, ordersBreaker, retryPolicy } from './retry-policy';
import { randomUUID } from 'node:crypto';

// Retry policies made in retry-policy.ts repeat these POSTs; the breaker made there repeats nothing.
export async function submitOrder(body: string): Promise<unknown> {
  const created = await retryPolicy(5).execute(() => fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  await ordersBreaker.execute(() => fetch('https://api.example.com/audit', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
  return created;
}

export async function cancelOrder(id: string): Promise<void> {
  const idempotencyKey = randomUUID();
  await defaultRetry.execute(() => fetch(\`https://api.example.com/orders/\${id}/cancel\`, { method: 'POST', signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
}
` }],
      },
    ],
  },
  // CommonJS, as LaunchDarkly's event processor ships: a require()d helper of another file sends the
  // options it is given through `(secure ? https : http).request`, and an error callback retries it.
  {
    filename: 'project-cjs/events.js',
    code: `
const httpUtils = require('./http-utils');

function postEvents(events, canRetry) {
  const retryOrGiveUp = () => {
    if (canRetry) setTimeout(() => postEvents(events, false), 1000);
  };
  httpUtils.httpRequest('https://events.example.com/bulk', { method: 'POST' }, JSON.stringify(events), (err) => {
    if (err) retryOrGiveUp();
  });
}
module.exports = { postEvents };
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 8, column: 3, endLine: 8, endColumn: 24, suggestions: [],
        data: {
          operation: 'POST through httpRequest() (node:http in http-utils.js on line 7)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call scheduled from the error callback on line 6',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // A retry helper compiled by tsc (retry.js) hands a named closure over its callback to async-retry; the
  // retried callback sends a request config through the requester it is given.
  {
    filename: 'project-cjs/events.js',
    code: `
const retry_1 = require('./retry');

function upload(request, payload) {
  return (0, retry_1.retryRequest)(() => request({ method: 'POST', url: 'https://intake.example.com/v1/input', data: payload }), { retries: 3 });
}
module.exports = { upload };
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 42, endLine: 5, endColumn: 49, suggestions: [{ messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const retry_1 = require('./retry');

function upload(request, payload) {
  const idempotencyKey = randomUUID();
  return (0, retry_1.retryRequest)(() => request({ method: 'POST', url: 'https://intake.example.com/v1/input', data: payload, headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
module.exports = { upload };
` }],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'retryRequest() (async-retry in retry.js on line 11) on line 5',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // A retry helper that is a method of a class in another file (http-adapter.ts), called on an instance a
  // field holds: its loop runs the callback under a timer, so the POST handed to it is repeated.
  {
    ...onDisk('project-retry/payments-provider.ts'),
    errors: [
      {
        messageId: 'unsafeRetry', line: 8, column: 36, endLine: 8, endColumn: 41,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'execute() (the loop in http-adapter.ts on line 8) on line 8',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `import { HttpAdapter } from './http-adapter';
import { randomUUID } from 'node:crypto';

// The adapter's method retries what each call hands it: the POST is repeated, the GET may be.
export class PaymentsProvider {
  private readonly http = new HttpAdapter();

  async createOrder(body: string): Promise<unknown> {
    const idempotencyKey = randomUUID();
    return this.http.execute(() => fetch('https://pay.example.com/v3/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
  }

  async quote(id: string): Promise<unknown> {
    return this.http.execute(() => fetch(\`https://pay.example.com/v3/quotes/\${id}\`, { signal: AbortSignal.timeout(5000) }));
  }
}
` }],
      },
    ],
  },
  // A retry helper of another file (recursive-retry.ts) that calls itself from its catch: the POST handed to it is repeated.
  {
    ...onDisk('project-retry/deliveries.ts'),
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 33, endLine: 5, endColumn: 38,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'retryRecursively() (the recursive call in recursive-retry.ts on line 10) on line 5',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `import { retryRecursively } from './recursive-retry';
import { randomUUID } from 'node:crypto';

// The helper of recursive-retry.ts repeats the POST it is handed; the GET may be repeated.
export async function dispatch(body: string): Promise<unknown> {
  const idempotencyKey = randomUUID();
  return retryRecursively(() => fetch('https://couriers.example.com/deliveries', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
}

export async function track(id: string): Promise<unknown> {
  return retryRecursively(() => fetch(\`https://couriers.example.com/deliveries/\${id}\`, { signal: AbortSignal.timeout(5000) }));
}
` }],
      },
    ],
  },
  // A helper whose options come from its callers in another file (chatbot.ts): postWithRetry's caller
  // passes options with no key, so its POST is reported, with the key asked of that call; sendWithRetry's
  // caller sends one, and notifyWithRetry writes its own into the options, so both stay silent.
  {
    ...onDisk('project-retry/post-with-retry.ts'),
    errors: [
      {
        messageId: 'unsafeRetry', line: 8, column: 20, endLine: 8, endColumn: 30, suggestions: [],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the for-loop on line 6',
          advice: 'Send an idempotency key in the options the call in chatbot.ts on line 5 passes, created once before that call (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // A request helper that POSTs when given a body, retried by exported helpers that no call here makes:
  // the call in buy.ts passes a body to makeInternalRequest, so its retry repeats a POST; readInternal is
  // only called without one.
  {
    ...onDisk('project-retry/internal-request.ts'),
    errors: [{
      messageId: 'unsafeRetry', line: 14, column: 84, endLine: 14, endColumn: 95, suggestions: [],
      data: {
        operation: 'POST (sent with the body passed in buy.ts on line 5) in makeRequest() on line 11', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'withRetry() (the loop in retry.ts on line 5) on line 14', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A fetcher whose callers are all in other files (generated API clients): its method is the options'
  // own, read back through a rest pattern, a helper that spreads what it is given and a spread; one
  // caller passes POST, so the fetcher's loop repeats a POST.
  {
    ...onDisk('project-retry/fetcher.ts'),
    errors: [{
      messageId: 'unsafeRetry', line: 13, column: 30, endLine: 13, endColumn: 35, suggestions: [],
      data: {
        operation: 'POST (the method passed in generated-api.ts on line 5)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'the for-loop on line 10', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
    }],
  },
  // A helper that spreads its callers' options under its own timeout (\`{ ...init, signal }\`): the headers
  // sent are the ones the call in json-callers.ts writes, and it writes none, so the key is asked of it.
  {
    ...onDisk('project-retry/json-client.ts'),
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 30, endLine: 5, endColumn: 35, suggestions: [],
      data: {
        operation: 'POST (the method passed in json-callers.ts on line 4)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'the for-loop on line 3', advice: 'Send an idempotency key in the options the call in json-callers.ts on line 4 passes, created once before that call (an `Idempotency-Key` header).',
      },
    }],
  },
  // A got instance made in another file whose retry.methods lists POST repeats the POST made through it;
  // got's defaults leave POST out, and a retry written at the call replaces the instance's.
  {
    ...onDisk('project-retry/bins.ts'),
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 25, endLine: 5, endColumn: 34,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
        retry: 'got\'s built-in retries in got-client.ts on line 4 (it repeats network errors and 5xx, because `retry.methods` lists it)',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `import { bins, plain } from './got-client.js';
import { randomUUID } from 'node:crypto';

// Through the instance whose retries include POST; through got's defaults; with the retry turned off here.
export async function createBin(code: string) {
  const idempotencyKey = randomUUID();
  const created = await bins.post('https://bin.example.com/', { json: { code }, headers: { 'Idempotency-Key': idempotencyKey } });
  await plain.post('https://bin.example.com/', { json: { code } });
  await bins.post('https://bin.example.com/', { json: { code }, retry: { limit: 0 } });
  return created;
}
` }],
    }],
  },
  // Hand-written CommonJS helpers (retry-helpers.js): `exports.withRetry = async (fn) => retry(…)` and
  // `module.exports.retryTwice = retryTwice` are followed to the function assigned.
  {
    filename: 'project-cjs/events.js',
    code: `
const fetch = require('node-fetch');
const { withRetry, retryTwice } = require('./retry-helpers');

async function save(body) {
  await withRetry(async () => await fetch('https://api.example.com/save', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) }), 'save');
  await retryTwice(() => fetch('https://api.example.com/notify', { method: 'POST', body: '{}', signal: AbortSignal.timeout(5000) }));
}
module.exports = { save };
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 37, endLine: 6, endColumn: 42,
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const fetch = require('node-fetch');
const { withRetry, retryTwice } = require('./retry-helpers');

async function save(body) {
  const idempotencyKey = randomUUID();
  await withRetry(async () => await fetch('https://api.example.com/save', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }), 'save');
  await retryTwice(() => fetch('https://api.example.com/notify', { method: 'POST', body: '{}', signal: AbortSignal.timeout(5000) }));
}
module.exports = { save };
` }],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'withRetry() (async-retry in retry-helpers.js on line 4) on line 6',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
      {
        messageId: 'unsafeRetry', line: 7, column: 26, endLine: 7, endColumn: 31,
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
const { randomUUID } = require('node:crypto');
const fetch = require('node-fetch');
const { withRetry, retryTwice } = require('./retry-helpers');

async function save(body) {
  await withRetry(async () => await fetch('https://api.example.com/save', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) }), 'save');
  const idempotencyKey = randomUUID();
  await retryTwice(() => fetch('https://api.example.com/notify', { method: 'POST', body: '{}', signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
}
module.exports = { save };
` }],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'retryTwice() (the loop in retry-helpers.js on line 7) on line 7',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // Wrappers in another file (api.ts) that send the options they are given: the POST is the one this call
  // names, and the key goes into the options it passes.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { apiFetch, httpRequest } from './api.js';

export async function charge(amount: number) {
  await pRetry(() => apiFetch('/charges', { method: 'POST', body: String(amount) }), { retries: 3 });
}
export function report(events: string, attempt = 0): void {
  httpRequest('https://events.example.com/bulk', { method: 'POST' }, events, (error) => {
    if (error && attempt < 3) setTimeout(() => report(events, attempt + 1), 1000 * 2 ** attempt);
  });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 30,
        data: {
          operation: 'POST through apiFetch() (fetch in api.ts on line 7)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 6',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import pRetry from 'p-retry';
import { apiFetch, httpRequest } from './api.js';
import { randomUUID } from 'node:crypto';

export async function charge(amount: number) {
  const idempotencyKey = randomUUID();
  await pRetry(() => apiFetch('/charges', { method: 'POST', body: String(amount), headers: { 'Idempotency-Key': idempotencyKey } }), { retries: 3 });
}
export function report(events: string, attempt = 0): void {
  httpRequest('https://events.example.com/bulk', { method: 'POST' }, events, (error) => {
    if (error && attempt < 3) setTimeout(() => report(events, attempt + 1), 1000 * 2 ** attempt);
  });
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 9, column: 3, endLine: 9, endColumn: 14, suggestions: [],
        data: {
          operation: 'POST through httpRequest() (node:http in api.ts on line 12)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'the recursive call scheduled from the error callback on line 10',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // A retry helper imported from another file (retry.ts) retries the POST its callback sends, whether it
  // loops or hands the callback to p-retry; the key is created before the helper call.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { retrying, withRetry } from './retry.js';

export async function pay(amount: number) {
  await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body: String(amount), signal: AbortSignal.timeout(5000) }));
}
export const refund = (id: string) => retrying(() => fetch(\`https://pay.example.com/refunds/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) }));
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 25, endLine: 5, endColumn: 30,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'withRetry() (the loop in retry.ts on line 5) on line 5',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { retrying, withRetry } from './retry.js';
import { randomUUID } from 'node:crypto';

export async function pay(amount: number) {
  const idempotencyKey = randomUUID();
  await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body: String(amount), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
}
export const refund = (id: string) => retrying(() => fetch(\`https://pay.example.com/refunds/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) }));
` }],
      },
      {
        messageId: 'unsafeRetry', line: 7, column: 54, endLine: 7, endColumn: 59,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'retrying() (p-retry in retry.ts on line 16) on line 7',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [],
      },
    ],
  },
  // A retried createOrder() that POSTs (orders.ts) is a retried POST; so is one a call further down.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { createOrder, placeOrder, submitOrder } from './orders.js';

export async function checkout(item: string) {
  await pRetry(() => createOrder(item), { retries: 3 });
  await pRetry(() => placeOrder(item));
  await pRetry(() => submitOrder(item));
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 33, suggestions: [],
        data: {
          operation: 'POST in createOrder() in orders.ts on line 6', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 6',
          advice: 'Create an idempotency key once before the retry, pass it in, and send it with the request.',
        },
      },
      {
        messageId: 'unsafeRetry', line: 7, column: 22, endLine: 7, endColumn: 32, suggestions: [],
        data: {
          operation: 'POST in createOrder() in orders.ts on line 6', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 7',
          advice: 'Create an idempotency key once before the retry, pass it in, and send it with the request.',
        },
      },
      { messageId: 'unsafeRetry', line: 8, column: 22, endLine: 8, endColumn: 33, suggestions: [] },
    ],
  },
  // node-fetch (and the other clients that take the method in their options) in another file: the
  // method is read there as for the global fetch (shipping.ts).
  {
    filename: 'project-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { bookShipment, trackShipment } from './shipping.js';

export async function ship(order: string) {
  await pRetry(() => bookShipment(order), { retries: 3 });
  await pRetry(() => trackShipment(order), { retries: 3 });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 22, endLine: 6, endColumn: 34, suggestions: [],
        data: {
          operation: 'POST in bookShipment() in shipping.ts on line 5', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 6',
          advice: 'Create an idempotency key once before the retry, pass it in, and send it with the request.',
        },
      },
    ],
  },
  // Wrappers in another file (client.ts) that repeat their own request: every POST call of them is a
  // retried POST, with no retry here. One takes the method alone, so there is nowhere here to send a key;
  // the other sends the options it is given, so the key goes there, made once before the call.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { callApi, callUntilOk, sendWithRetry } from './client.js';

export async function charge(amount: number) {
  await callApi('POST', '/charges', { amount });
  await sendWithRetry('/refunds', { method: 'POST', body: String(amount) });
  await callUntilOk('PATCH', '/charges/1');
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 16, suggestions: [],
        data: {
          operation: 'POST through callApi() (fetch in client.ts on line 11)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'the loop in callApi() in client.ts on line 9 (it repeats every failed attempt it does not rethrow)',
          advice: 'callApi() repeats this request itself and has no way to send an idempotency key: make it take one, created once by its caller, and send it as an `Idempotency-Key` header on every attempt.',
        },
      },
      {
        messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 22,
        data: {
          operation: 'POST through sendWithRetry() (fetch in client.ts on line 21)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'p-retry in sendWithRetry() in client.ts on line 21 (it repeats every failed attempt it does not rethrow)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { callApi, callUntilOk, sendWithRetry } from './client.js';
import { randomUUID } from 'node:crypto';

export async function charge(amount: number) {
  await callApi('POST', '/charges', { amount });
  const idempotencyKey = randomUUID();
  await sendWithRetry('/refunds', { method: 'POST', body: String(amount), headers: { 'Idempotency-Key': idempotencyKey } });
  await callUntilOk('PATCH', '/charges/1');
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 7, column: 9, endLine: 7, endColumn: 20, suggestions: [],
        data: {
          operation: 'PATCH through callUntilOk() (fetch in client.ts on line 60)', consequence: 'the server applies the change twice', failure: 'an error response',
          retry: 'the loop in callUntilOk() in client.ts on line 59 (it repeats a request whose status says it failed)',
          advice: 'callUntilOk() repeats this request itself and has no way to send an idempotency key: make it take one, created once by its caller, and send it as an `Idempotency-Key` header on every attempt.',
        },
      },
    ],
  },
  // A key generated inside the called function is new on every attempt.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { createOrderWithFreshKey } from './orders.js';

export async function checkout(item: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await createOrderWithFreshKey(item);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return undefined;
}
`,
    errors: [{ messageId: 'unstableIdempotencyKey', line: 7, column: 20, endLine: 7, endColumn: 43, suggestions: [] }],
  },
  // An instance whose axios-retry condition (in http.ts) picks error statuses and never reads the request: a
  // POST repeats after a 5xx like a GET.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import { votes } from './http.js';

export async function vote(id: string) {
  await votes.get(\`/votes/\${id}\`);
  await votes.post('/votes', { id });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 19,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'an error response',
          retry: 'axios-retry in http.ts on line 28 (it repeats the error statuses its `retryCondition` accepts, 5xx among them, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { votes } from './http.js';
import { randomUUID } from 'node:crypto';

export async function vote(id: string) {
  await votes.get(\`/votes/\${id}\`);
  const idempotencyKey = randomUUID();
  await votes.post('/votes', { id }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
` }],
      },
    ],
  },
  // An instance that a set-up helper of http.ts hands to axios-retry (\`setupRetry(orders)\`), with a condition
  // that keeps the library's network predicate.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import { orders } from './http.js';

export async function place(item: string) {
  await orders.post('/orders', { item });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 20,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry in http.ts on line 17 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import { orders } from './http.js';
import { randomUUID } from 'node:crypto';

export async function place(item: string) {
  const idempotencyKey = randomUUID();
  await orders.post('/orders', { item }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
` }],
      },
    ],
  },
  // A request wrapper of another file (gateway.ts) that sends, through the default axios setup.ts retries,
  // the method its caller's options name (`({ method, url }) => axios({ method, url })`).
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import { callGateway } from './gateway.js';

export async function capture(id: string) {
  await callGateway({ method: 'POST', url: \`/payments/\${id}/capture\` });
  await callGateway({ method: 'GET', url: \`/payments/\${id}\` });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 5, column: 9, endLine: 5, endColumn: 20, suggestions: [],
        data: {
          operation: 'POST through callGateway() (axios in gateway.ts on line 5)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'axios-retry in setup.ts on line 5 (it repeats network errors, whatever the method)',
          advice: 'callGateway() has no way to send an idempotency key: make it take one, created once by its caller, and send it as an `Idempotency-Key` header.',
        },
      },
    ],
  },
  // A wrapper that sends its caller's method twice (a digest challenge, then the request): the message names both.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import { callSigned } from './gateway.js';

export const settle = (id: string) => callSigned({ method: 'POST', url: \`/settlements/\${id}\` });
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 4, column: 39, endLine: 4, endColumn: 49, suggestions: [],
        data: {
          operation: 'POST through callSigned() (axios in gateway.ts on line 9, axios in gateway.ts on line 11)', consequence: 'the server creates or charges it twice', failure: 'a dropped connection',
          retry: 'axios-retry in setup.ts on line 5 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // The default axios handed on by a file of the program (client.ts: `export default axios`) is the one
  // setup.ts retries.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import http from './client.js';

export const refund = (id: string) => http.post(\`https://payments.example.com/refunds/\${id}\`, {}, { timeout: 5000 });
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 4, column: 39, endLine: 4, endColumn: 48, suggestions: [],
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry in setup.ts on line 5 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
      },
    ],
  },
  // axios-retry attached where the application sets up its HTTP layer (project-axios-retry): on the
  // instance in http.ts, and on the default axios in setup.ts, which main.ts loads along with this file.
  // Calls through either, here, are retried.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import axios from 'axios';
import { payments } from './http.js';

export async function charge(amount: number) {
  await payments.post('/charges', { amount });
}
export async function notify(event: string) {
  await axios.post('https://hooks.example.com/events', { event }, { timeout: 5000 });
}
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 6, column: 9, endLine: 6, endColumn: 22,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry in http.ts on line 6 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { payments } from './http.js';
import { randomUUID } from 'node:crypto';

export async function charge(amount: number) {
  const idempotencyKey = randomUUID();
  await payments.post('/charges', { amount }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
export async function notify(event: string) {
  await axios.post('https://hooks.example.com/events', { event }, { timeout: 5000 });
}
` }],
      },
      {
        messageId: 'unsafeRetry', line: 9, column: 9, endLine: 9, endColumn: 19,
        data: {
          operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'axios-retry in setup.ts on line 5 (it repeats network errors, whatever the method)',
          advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
        },
        suggestions: [{ messageId: 'addIdempotencyKey', output: `
import axios from 'axios';
import { payments } from './http.js';
import { randomUUID } from 'node:crypto';

export async function charge(amount: number) {
  await payments.post('/charges', { amount });
}
export async function notify(event: string) {
  const idempotencyKey = randomUUID();
  await axios.post('https://hooks.example.com/events', { event }, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
}
` }],
      },
    ],
  },
  // A retry helper of another file whose catch names a 429 only to wait longer after one: every failure
  // goes round, so the POST its callback sends is repeated after a dropped connection too.
  {
    ...onDisk('project-retry/paced-payment.ts'),
    errors: [{
      messageId: 'unsafeRetry', line: 5, column: 31, endLine: 5, endColumn: 36,
      data: {
        operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'withPacedRetry() (the loop in paced-retry.ts on line 6) on line 5',
        advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).',
      },
      suggestions: [{ messageId: 'addIdempotencyKey', output: `import { withPacedRetry } from './paced-retry.js';
import { randomUUID } from 'node:crypto';

// The helper of paced-retry.ts repeats this POST after any failure, a dropped connection included.
export async function pay(body: string): Promise<Response> {
  const idempotencyKey = randomUUID();
  return withPacedRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } }));
}
` }],
    }],
  },
  // With types, a method whose type is one string literal: a string enum's member, an \`as const\` table's entry.
  // (Untyped, neither is read; a GET member stays silent either way.)
  {
    code: `
import pRetry from 'p-retry';

enum Method { Get = 'GET', Post = 'POST' }
const ROUTES = { charge: { path: '/charges', method: 'POST' } } as const;

export const charge = (amount: number) => pRetry(() => fetch('https://pay.example.com/charges', { method: Method.Post, body: String(amount), signal: AbortSignal.timeout(5000) }), { retries: 3 });
export const capture = (amount: number) => pRetry(() => fetch(\`https://pay.example.com\${ROUTES.charge.path}\`, { method: ROUTES.charge.method, body: String(amount), signal: AbortSignal.timeout(5000) }), { retries: 3 });
export const read = () => pRetry(() => fetch('https://pay.example.com/charges', { method: Method.Get, signal: AbortSignal.timeout(5000) }), { retries: 3 });
`,
    errors: [
      {
        messageId: 'unsafeRetry', line: 7, column: 56, endLine: 7, endColumn: 61, suggestions: [],
        data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 7', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      },
      {
        messageId: 'unsafeRetry', line: 8, column: 57, endLine: 8, endColumn: 62, suggestions: [],
        data: { operation: 'POST', consequence: 'the server creates or charges it twice', failure: 'a dropped connection', retry: 'p-retry on line 8', advice: 'Send an idempotency key created once before the retry (an `Idempotency-Key` header).' },
      },
    ],
  },
];

const typedValidCases: Array<ValidTestCase<Options>> = [
  // A retry helper of another file whose catch names a refused failure (it throws every other at once).
  onDisk('project-retry/rate-limited-payment.ts'),
  // A got instance of another file that repeats POST only after a 429, and on no error code.
  onDisk('project-retry/rate-limited-bins.ts'),
  // A cockatiel policy of another file whose filter names a refused status (429) is not judged here.
  onDisk('project-retry/rate-limited-order.ts'),
  // A CommonJS export that calls its callback once is no retry.
  {
    filename: 'project-cjs/events.js',
    code: `
const fetch = require('node-fetch');
const { logged } = require('./retry-helpers');

async function save(body) {
  await logged(() => fetch('https://api.example.com/save', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) }), 'save');
}
module.exports = { save };
`,
  },
  // A wrapper call that sends a key made before the retry, one that sends a GET, and a wrapper that picks
  // its own method (what it sends is read in api.ts: a POST with no key would be reported there, as a
  // call of a function of another file, not as this call's).
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { randomUUID } from 'node:crypto';
import pRetry from 'p-retry';
import { apiFetch } from './api.js';

export async function charge(amount: number) {
  const key = randomUUID();
  await pRetry(() => apiFetch('/charges', { method: 'POST', body: String(amount), headers: { 'Idempotency-Key': key } }), { retries: 3 });
  await pRetry(() => apiFetch('/charges/latest'), { retries: 3 });
}
`,
  },
  // Another file's helpers: a key made before the helper call, a GET, a helper whose catch always rethrows,
  // and one whose loop works through items (success goes on to the next item, so a failure is not repeated).
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { randomUUID } from 'node:crypto';
import { eachLogged, logged, retrying, withRetry } from './retry.js';

export async function pay(amount: number) {
  const key = randomUUID();
  await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body: String(amount), headers: { 'Idempotency-Key': key }, signal: AbortSignal.timeout(5000) }));
  await retrying(() => fetch('https://pay.example.com/charges', { signal: AbortSignal.timeout(5000) }));
  await logged(() => fetch('https://pay.example.com/charges', { method: 'POST', body: String(amount), signal: AbortSignal.timeout(5000) }));
  await eachLogged([String(amount)], (body) => fetch('https://pay.example.com/charges', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));
}
`,
  },
  // Wrappers of client.ts: a GET; a key made once per call, which the wrapper's own attempts all send; a
  // wrapper that gives up on the first failure; one that works through items; one that makes its own key
  // before its loop (judged in client.ts, not here).
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { randomUUID } from 'node:crypto';
import { callApi, callOnce, callWithKey, postEach, sendWithRetry } from './client.js';

export async function charge(amount: number) {
  await callApi('GET', '/charges');
  await sendWithRetry('/refunds', { method: 'POST', headers: { 'Idempotency-Key': randomUUID() } });
  await callOnce('POST', '/charges');
  await postEach('POST', [String(amount)]);
  await callWithKey('POST', '/charges');
}
`,
  },
  // A key made once and passed in; a GET.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { randomUUID } from 'node:crypto';
import pRetry from 'p-retry';
import { createOrderWithKey, getOrder } from './orders.js';

export async function checkout(item: string) {
  const key = randomUUID();
  await pRetry(() => createOrderWithKey(item, key));
  await pRetry(() => getOrder(item));
}
`,
  },
  // A script that no file loads together with setup.ts: the default axios it calls is not retried.
  {
    filename: 'project-axios-retry/script.ts',
    code: `
import axios from 'axios';

export const notify = async (event: string) => {
  await axios.post('https://hooks.example.com/events', { event }, { timeout: 5000 });
};
`,
  },
  // axios-retry attached elsewhere: a GET, a POST with a key, an instance whose own condition decides
  // what repeats, and an instance only a test setup attaches it to (setup.test.ts is not the service's).
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import { ledger, payments, search } from './http.js';

export async function charge(amount: number, key: string) {
  await payments.get('/charges');
  await payments.post('/charges', { amount }, { headers: { 'Idempotency-Key': key } });
  await search.post('/query', { amount });
  await ledger.post('/entries', { amount });
}
`,
  },
];

typedTester.run('no-unsafe-retry (typed, across files)', rule, { valid: typedValidCases, invalid: typedInvalidCases });
