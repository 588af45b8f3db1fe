import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-retry-backoff';
import * as assert from 'node:assert/strict';
import { observeReports } from '../related-locations';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, typedTester, untypedTester } from '../rule-tester';
import { fallbackAsBot, matrixSend, nestedStatusLoop, offlineQueue, REFUSAL_CASES, secondFactorPost, slugLoop } from './retry-refusal-cases';

/** A quote fetched in a counted loop; `catchBody` is what its catch does (`error` typed `any`, or `unknown`). */
const quoteLoop = (catchBody: string, errorType: 'any' | 'unknown' = 'any'): string => `
export async function quote(amount: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://rates.example.com/quote', { signal: AbortSignal.timeout(5000) });
    } catch (error${errorType === 'any' ? ': any' : ''}) {
${catchBody}    }
  }
  return amount;
}
`;

/** An inner retry reached through a function whose catch is the caller's: it keeps the failure or throws it on. */
const rolesThroughRetry = (catchBody: string): string => `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function retryOperation<T>(op: () => Promise<T>, retryCount = 0): Promise<T> {
  try {
    return await op();
  } catch (error) {
    if (retryCount < 3) {
      await sleep(1000 * (retryCount + 1));
      return retryOperation(op, retryCount + 1);
    }
    throw error;
  }
}
async function loadRoles(userId: string) {
  try {
    return await retryOperation(() => fetch(\`https://api.example.com/roles/\${userId}\`, { signal: AbortSignal.timeout(5000) }).then((res) => res.json()));
  } catch (error) {
    ${catchBody}
  }
}
export async function init(userId: string, retryCount = 0): Promise<void> {
  try {
    console.log((await loadRoles(userId)) ?? 'default roles');
  } catch (error) {
    if (retryCount < 3) setTimeout(() => init(userId, retryCount + 1), 1000 * (retryCount + 1));
  }
}
`;

/** A thermostat read that goes round at once after an error classified as `ErrorCategory.<category>`, having signed in again. */
const classifiedLoop = (category: 'AUTHENTICATION' | 'NETWORK'): string => `
enum ErrorCategory { AUTHENTICATION = 'authentication', NETWORK = 'network' }
declare function classify(error: unknown): { category: ErrorCategory };
declare function signIn(): Promise<void>;
export async function readState(unitId: string) {
  for (let attempt = 0; attempt <= 1; attempt++) {
    try {
      return await fetch(\`https://thermo.example.com/units/\${unitId}\`, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      const classified = classify(error);
      if (classified.category === ErrorCategory.${category} && attempt < 1) {
        await signIn();
        continue;
      }
      throw error;
    }
  }
}
`;

/** A trade confirmed through an error-first callback, sent again after a wait; `exit` is how the callback gives up. */
const confirmRetry = (exit: string): string => `
import { setTimeout as sleep } from 'node:timers/promises';
declare const steam: { confirm(id: string, cb: (err: Error | null, state?: string) => void): void };
export function confirmWithRetry(id: string, tries = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    steam.confirm(id, (err, state) => {
      tries++;
      if (err) {
        if (${exit}) return reject(err);
        return void sleep(1000 * 2 ** tries).then(() => resolve(confirmWithRetry(id, tries)));
      }
      return resolve(state!);
    });
  });
}
`;

/** A scheduler that waits on its injectable clock's timer (`settle`: the method awaited on it) before going round. */
const clockWait = (settle: string): string => `
interface Clock { createTimeout(ms: number): { elapsed(): Promise<void>; abort(): void } }
export class Scheduler {
  constructor(private readonly clock: Clock) {}
  async send(path: string): Promise<Response> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await fetch(\`https://matrix.example.org\${path}\`, { signal: AbortSignal.timeout(10_000) });
      } catch (err) {
        await this.clock.createTimeout(1000 * 2 ** attempt).${settle}();
      }
    }
    throw new Error('gave up');
  }
}
`;

/** A pool that reconnects with its own retry, called by a retrying runner before its try or inside it. */
const poolRun = (where: 'before' | 'inside'): string => `
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export class Pool {
  private async reconnect(): Promise<string> {
    let attempts = 0;
    while (attempts < 3) {
      try {
        await pause(500 * (attempts + 1));
        return await (await fetch('https://db.example.com/session', { signal: AbortSignal.timeout(5000) })).text();
      } catch (err) {
        attempts++;
        if (attempts >= 3) throw err;
      }
    }
    throw new Error('reconnect failed');
  }
  async run<T>(op: (session: string) => Promise<T>, maxRetries = 3): Promise<T> {
    let attempts = 0;
    while (attempts <= maxRetries) {
      ${where === 'before' ? 'const session = await this.reconnect();\n      try {' : 'try {\n        const session = await this.reconnect();'}
        return await op(session);
      } catch (err) {
        if (attempts < maxRetries) {
          attempts++;
          await pause(200 * 2 ** attempts);
          continue;
        }
        throw err;
      }
    }
    throw new Error('run failed');
  }
}
`;

/**
 * An outbox that publishes the head of its queue (plugNmeet's NATS queue): \`giveUp\` is the test that drops the
 * item, \`dropped\` what that branch does before draining on.
 */
const outbox = (giveUp: string, dropped: string): string => `
interface Item { subject: string; payload: string; retries?: number }
declare const nats: { publish(subject: string, payload: string): Promise<void> };
export class Outbox {
  private readonly queue: Item[] = [];
  async drain(): Promise<void> {
    if (this.queue.length === 0) return;
    const item = this.queue[0];
    try {
      await nats.publish(item.subject, item.payload);
      this.queue.shift();
      void this.drain();
    } catch (e) {
      item.retries = (item.retries || 0) + 1;
      if (${giveUp}) {
        ${dropped}
        void this.drain();
      } else {
        setTimeout(() => void this.drain(), 500 * item.retries);
      }
    }
  }
}
`;

/** A loop that asks for a room's members until it has them; \`onEmpty\` is what the try does with an empty answer. */
const untilMembers = (onEmpty: string): string => `
declare function sleep(ms: number): Promise<void>;
export async function roomMembers(roomId: string): Promise<string[]> {
  let members: string[] | undefined;
  while (!members) {
    try {
      members = await (await fetch(\`https://matrix.example.org/rooms/\${roomId}/members\`, { signal: AbortSignal.timeout(10_000) })).json();
      ${onEmpty}
    } catch (err) {
      await sleep(3000);
    }
  }
  return members;
}
`;

/** A client that pauses through a limiter object of its own file; \`pause\` is the limiter's method body. */
const limiterPause = (pause: string): string => `
class Limiter {
  async addDelay(ms: number): Promise<void> {
    ${pause}
  }
}
export class Features {
  private readonly limiter = new Limiter();
  async get(id: string, attempt = 0): Promise<unknown> {
    try {
      return await (await fetch(\`https://api.example.com/features/\${id}\`, { signal: AbortSignal.timeout(10_000) })).json();
    } catch (error) {
      if (attempt >= 3) throw error;
      await this.limiter.addDelay(1000 * 2 ** attempt);
      return this.get(id, attempt + 1);
    }
  }
}
`;

/** A loop that waits out a 429; \`otherwise\` is what its catch does after any other failure. */
const enrichLoop = (otherwise: string): string => `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function enrich(ids: string[]): Promise<unknown> {
  let tries = 0;
  let ok = false;
  let out: unknown;
  while (!ok && tries < 3) {
    try {
      const res = await fetch(\`https://api.example.com/tracks?ids=\${ids.join(',')}\`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw Object.assign(new Error('http'), { status: res.status });
      out = await res.json();
      ok = true;
    } catch (e: any) {
      tries++;
      if (e.status === 429) {
        await sleep(1000 * 2 ** tries);
      } else {
        ${otherwise}
      }
    }
  }
  return out;
}
`;

/** A save that creates its table and sends the statement again when Postgres answers \`code\` (nonprofit-manager). */
const missingTable = (code: string): string => `
import { Pool } from 'pg';
const pool = new Pool({ connectionTimeoutMillis: 5000, query_timeout: 5000 });
export const saveSettings = async (id: string, body: object): Promise<unknown> => {
  try {
    return (await pool.query('INSERT INTO settings (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body', [id, body])).rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === '${code}') {
      await pool.query('CREATE TABLE IF NOT EXISTS settings (id uuid PRIMARY KEY, body jsonb)');
      return saveSettings(id, body);
    }
    throw error;
  }
};
`;

/** A gift recorded with a fresh receipt number while a predicate of the class says the error is \`code\`. */
const receiptLoop = (code: string): string => `
import { Pool } from 'pg';
export class GiftService {
  constructor(private readonly pool: Pool) {}
  private isReceiptNumberTaken(error: unknown): boolean {
    if (!error || typeof error !== 'object') return false;
    const dbError = error as { code?: string; constraint?: string };
    return dbError.code === '${code}' && dbError.constraint === 'gifts_receipt_number_key';
  }
  async recordGift(amount: number) {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const receipt = \`R-\${Math.floor(Math.random() * 1e8)}\`;
      try {
        return (await this.pool.query('INSERT INTO gifts (receipt, amount) VALUES ($1, $2) RETURNING *', [receipt, amount])).rows[0];
      } catch (error) {
        if (!this.isReceiptNumberTaken(error) || attempt === 6) throw error;
      }
    }
    throw new Error('no free receipt number');
  }
}
`;

/** A ledger kept in a Map the constructor makes; \`lookup\` is what a retried read does. */
const mapLedger = (lookup: string): string => `
export class FakeLedger {
  private wallets;
  constructor() {
    this.wallets = new Map();
  }
  async withRetry<T>(operation: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await operation();
      } catch (error) {
        lastError = error;
        if (attempt === 3) throw error;
      }
    }
    throw lastError;
  }
  async balance(key: string) {
    return this.withRetry(async () => ${lookup});
  }
}
`;

/** A feed read that, after a failed redirect, calls itself again; \`rewrite\` is what it does to the address first. */
const feedUpgrade = (rewrite: string): string => `
import axios from 'axios';
export function loadFeed(url: string): Promise<string | null> {
  return axios
    .get(url, { timeout: 5000 })
    .then((res) => String(res.data))
    .catch((error) => {
      if (error.code === 'ERR_FR_REDIRECTION_FAILURE') {
        ${rewrite}
        return loadFeed(url);
      }
      return null;
    });
}
`;

/** An invalid case reported at one place (line, first and last column) by each message, with no suggestion. */
const reported = (code: string, [line, column, endColumn]: [number, number, number], ...messageIds: MessageIds[]): InvalidTestCase<MessageIds, Options> => ({
  code, errors: messageIds.map((messageId) => ({ messageId, line, column, endLine: line, endColumn, suggestions: [] })),
});

/**
 * A counted loop whose attempt leaves when the answer holds text, written to a `let` declared before the
 * loop, and waits before it asks again after an empty answer; `onFailure` is what its catch does
 * (Podcasto's transcript fetcher).
 */
const transcriptLoop = (onFailure: string): string => `
export async function transcript(id: string, maxRetries = 3): Promise<string> {
  let text: string | null = null;
  for (let attempt = 0; attempt < maxRetries; attempt++) {
    try {
      const res = await fetch(\`https://storage.example.com/transcripts/\${id}.txt\`, { signal: AbortSignal.timeout(5000) });
      text = res.ok ? await res.text() : null;
      if (text) break;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    } catch (err) {
      console.error('transcript fetch failed', err);${onFailure}
    }
  }
  return text ?? '';
}
`;

/**
 * A listing asked again in the catch after the server refused its filter as too complex; `correction` is
 * what the catch does to the query first (emailengine's Outlook client drops `$orderBy`).
 */
const refusedFilter = (correction: string): string => `
import axios from 'axios';
export async function listItems(url: string, query: Record<string, string>) {
  let listing;
  try {
    listing = await axios.get(url, { params: query, timeout: 5000 });
  } catch (err: any) {
    if (query.$orderBy && /inefficientfilter/i.test(err?.response?.data?.error?.code || '')) {${correction}
      listing = await axios.get(url, { params: query, timeout: 5000 });
    } else {
      throw err;
    }
  }
  return listing.data;
}
`;

/**
 * A mailbox range pulled until it answers, the catch waiting and then handing the count to a function of
 * the file that does `onSpent` once it is spent (emailengine's IMAP sync).
 */
const rangePull = (onSpent: string): string => `
const MIN_TRIES = 20;
const MAX_TIME = 24 * 60 * 60 * 1000;

function giveUpAfterDeadline(tries: number, startedAt: number) {
  if (tries >= MIN_TRIES && Date.now() - startedAt > MAX_TIME) {
    ${onSpent}
  }
}

export async function pullRange(range: string) {
  let done = false;
  let tries = 0;
  const startedAt = Date.now();
  while (!done) {
    try {
      const res = await fetch(\`https://mail.example.com/range/\${range}\`, { signal: AbortSignal.timeout(5000) });
      await res.json();
      done = true;
    } catch (err) {
      const wait = Math.min(1000 * 2 ** ++tries, 60000);
      await new Promise((resolve) => setTimeout(resolve, wait));
      giveUpAfterDeadline(tries, startedAt);
    }
  }
}
`;

/** A note saved again from the catch when `test` holds (Mailspring asks the user first). */
const saveAgainIf = (test: string, before = ''): string => `
export async function save(body: string): Promise<void> {
  try {
    await fetch('/api/notes', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
  } catch (err) {${before}
    if (${test}) {
      return save(body);
    }
    throw err;
  }
}
`;

/**
 * SSH credentials tried on a printer, the `'error'` listener running the function again, which takes
 * `pick` from the list (3dprintforge's provisioner takes the next pair each time).
 */
const credentialChain = (pick: string): string => `
import { Client as SshClient } from 'ssh2';

const CREDENTIALS = [{ username: 'root', password: 'a' }, { username: 'pi', password: 'b' }];

export function findCredentials(host: string): Promise<{ username: string; password: string } | null> {
  return new Promise((resolve) => {
    let idx = 0;
    function tryNext() {
      if (idx >= CREDENTIALS.length) return resolve(null);
      const creds = ${pick};
      const conn = new SshClient();
      conn.on('ready', () => { conn.end(); resolve(creds); });
      // An error retries the connection.
      conn.on('error', () => { tryNext(); });
      conn.connect({ host, port: 22, username: creds.username, password: creds.password, readyTimeout: 4000 });
    }
    tryNext();
  });
}
`;

/**
 * A pull started again from its `.catch()` after a delay the count picks; `giveUp` runs first in the catch
 * (emailengine's Pub/Sub worker has none).
 */
const countedDelayPull = (giveUp: string): string => `
function startPull(attempt: number) {
  fetch('https://pubsub.example.com/v1/subscriptions/s:pull', { signal: AbortSignal.timeout(10000) })
    .then(() => console.log('pulling'))
    .catch((err) => {${giveUp}
      let delay;
      if (attempt < 20) {
        delay = Math.min(5000 * 2 ** Math.min(attempt, 10), 60000);
      } else {
        delay = 5 * 60 * 1000;
      }
      console.warn('failed, will retry', err, attempt + 1);
      setTimeout(() => startPull(attempt + 1), delay);
    });
}

startPull(0);
`;

/** A settings save sent through `receiver`, tried again at once in a counted loop (quizlab's bridge). */
const channelSave = (receiver: string): string => `
declare const ${receiver}: { invoke(channel: string, data: unknown): Promise<void> };
// retry the save
export async function save(data: unknown) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ${receiver}.invoke('settings:save', data);
    } catch (err) {
      console.warn('save failed', err);
    }
  }
  return undefined;
}
`;

/**
 * A test helper that retries its fetch six times, run by two loops of one function: a seeding loop bounded by
 * `seedTries`, then a sign-in loop of five (SveltyCMS's integration server helpers, whose seeding bound is
 * read from the database in use).
 */
const twoLoopsOverHelper = (seedTries: string): string => `
export async function retryingFetch(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  throw new Error('unreachable');
}

export async function logIn(base: string, isMongo: boolean) {
  const maxSeedTries = ${seedTries};
  for (let attempt = 0; attempt < maxSeedTries; attempt++) {
    try {
      await retryingFetch(\`\${base}/api/testing/reset\`, { method: 'PUT' });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
  for (let i = 0; i < 5; i++) {
    try {
      return await retryingFetch(\`\${base}/api/user/me\`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
  throw new Error('failed');
}
`;

/**
 * A loader that asks again from inside itself when `test` holds of the answer, after `pause`
 * (lovable-customer-support-hub's load-all, which pages on with hasNextPage).
 */
const pageLoader = (test: string, pause = ''): string => `
// Reads pages until done (retry on an empty one).
declare function fetchPage(): Promise<{ hasNextPage: boolean; isFetchingNextPage: boolean; items?: string[] }>;
export async function loadAll(): Promise<void> {
  const loadNextBatch = async (): Promise<void> => {
    const result = await fetchPage();${pause}
    if (${test}) {
      return loadNextBatch();
    }
  };
  await loadNextBatch();
}
`;

/**
 * Items rendered one by one through a remote service; `onReset` is what the catch does after `failure`, a
 * reset connection (football-quizball's image script takes the index back, `i--`, and sends the same item again).
 */
const renderEach = (onReset: string, failure = "String(e).includes('ECONNRESET')"): string => `
export async function renderAll(items: string[]): Promise<Response[]> {
  const out: Response[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      out.push(await fetch(\`https://render.example.test/v1/render/\${items[i]}\`, { signal: AbortSignal.timeout(60_000) }));
    } catch (e: any) {
      if (${failure}) {
        await new Promise((resolve) => setTimeout(resolve, 10_000));${onReset}
      }
      console.log('failed', items[i], e);
    }
  }
  return out;
}
`;

/**
 * A coupon created in a counted loop that waits after a 5xx, with Stripe's own retries inside it; `check`
 * is what the attempt runs after the create, `onFailure` what the loop's catch runs first (a promotion
 * helper's).
 */
const stripeCouponLoop = (check: string, onFailure = ''): string => `
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function makeCoupon(name: string): Promise<string | null> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const coupon = await stripe.coupons.create({ percent_off: 10, name }, { idempotencyKey: \`coupon-\${name}\` });${check}
      return coupon.id;
    } catch (error: any) {${onFailure}
      if (!(error.statusCode >= 500)) return null;
      await sleep(1000 * attempt);
    }
  }
  return null;
}
`;

/**
 * A retry helper that awaits the `onRetry` hook its caller hands it, after a failure, with `handed` (a subtitle
 * translator's helper, whose caller's hook sleeps or throws).
 */
const awaitedRetryHook = (handed: string): string => `
export async function runWithRetries<T>(task: () => Promise<T>, maxTries: number, onRetry: (info: unknown) => Promise<void>) {
  const ctx = { tryNo: 1, error: undefined as unknown };
  while (ctx.tryNo <= maxTries) {
    try {
      return await task();
    } catch (error) {${handed}
    }
    ctx.tryNo++;
  }
  return undefined;
}

export const translate = (text: string, hook: (info: unknown) => Promise<void>) =>
  runWithRetries(() => fetch('https://mt.example.com/translate?q=' + encodeURIComponent(text), { signal: AbortSignal.timeout(10_000) }), 3, hook);
`;

/**
 * A counted poll for a server to come up: it waits after an answer that is not yet `running`, and its catch
 * does `onFailure` (a provisioning service's readiness check).
 */
const countedReadinessPoll = (onFailure: string): string => `
export async function waitForReady(name: string, maxAttempts = 60, delayMs = 10_000) {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const res = await fetch(\`https://api.example.com/v6/vps/\${name}\`, { signal: AbortSignal.timeout(10_000) });
      const vps = await res.json();
      if (vps.status === 'running') return vps;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    } catch (error) {
      if (attempt === maxAttempts) throw error;${onFailure}
    }
  }
  throw new Error('timeout');
}
`;

/**
 * A loader that caches what `fn` answers, and whose inner attempt reschedules itself from `.catch()` on
 * Node's timer until `fn` succeeds (a job board's cache of metadata); `again` is how the catch goes round.
 */
const cachedLoader = (again: string): string => `
import timers from 'node:timers';

export function cachedLoad<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  let backoff = 1;
  let tries = 0;
  const attempt = (resolve: (value: T) => void) => {
    fn()
      .then((value) => resolve(value))
      .catch(() => {${again}
      });
  };
  return () => (promise ??= new Promise(attempt));
}

export const loadMeta = cachedLoad(async () => (await fetch('https://db.example.com/meta', { signal: AbortSignal.timeout(5000) })).json());
`;

/**
 * A throttle that drains its queue of requests and, in its catch, does `onFailure` with the failed job (a CRM
 * front end's API cache).
 */
const throttleQueue = (onFailure: string): string => `
type Job = { url: string; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class Throttle {
  private queue: Job[] = [];
  private sleep(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }

  async drain() {
    while (this.queue.length > 0) {
      const job = this.queue.shift()!;
      try {
        job.resolve(await fetch(job.url, { signal: AbortSignal.timeout(10_000) }));
      } catch (error: any) {${onFailure}
      }
      await this.sleep(100);
    }
  }

  list(entity: string) {
    return new Promise((resolve, reject) => {
      this.queue.push({ url: \`https://crm.example.com/api/\${entity}\`, resolve, reject });
      void this.drain();
    });
  }
}
`;

/**
 * A notes store that sends a note again from `.catch()`, after the reset time the error names, when the
 * failure is an instance of `ErrorClass` (a manga reader's gist sync, whose throttling class is its own).
 */
const resendAfterReset = (ErrorClass: string): string => `
import { ${ErrorClass} } from './errors';

export class NotesStore {
  save(id: string, note: string): void {
    fetch(\`https://api.example.com/notes/\${id}\`, { method: 'PUT', body: note, signal: AbortSignal.timeout(10_000) }).catch((e) => {
      if (e instanceof ${ErrorClass}) {
        setTimeout(() => this.save(id, note), e.resetAt - Date.now());
        return;
      }
      throw e;
    });
  }
}
`;

/**
 * An OpenAI call (its client retries twice by itself) inside a recursion from the catch that goes round when
 * the message, held in `errorMsg`, names `failure` (a recipe app's formatting script).
 */
const formatWithRetry = (failure: string): string => `
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

async function format(text: string, retryCount = 0): Promise<string | null> {
  try {
    if (retryCount > 0) await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** retryCount));
    const answer = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
    return answer.choices[0]?.message?.content ?? null;
  } catch (error) {
    const errorMsg = error instanceof Error ? error.message : String(error);
    if (errorMsg.includes('${failure}') && retryCount < 3) return format(text, retryCount + 1);
    return null;
  }
}

export const formatAll = async (texts: string[]) => { for (const text of texts) await format(text); };
`;

/**
 * A loop whose catch hands the failure to `report`, a function of the file declared as `helper` (the
 * lokalise adapter's `mapApiError`, which always throws).
 */
const catchHandsToHelper = (helper: string): string => `
${helper}

export async function listKeys(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return await res.json();
    } catch (error) {
      report(error);
    }
  }
  throw new Error('no answer');
}
`;

/**
 * A payment marked paid through supabase-js, sent once more when the client answers `{ error }` (a webhook
 * handler's); `pause` is what runs between the two.
 */
const supabaseMarkPaid = (pause = ''): string => `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);

export async function markPaid(id: string) {
  let { error } = await supabase.from('payments').update({ status: 'paid' }).eq('id', id);
  if (error) {${pause}
    ({ error } = await supabase.from('payments').update({ status: 'paid' }).eq('id', id));
  }
  if (error) throw new Error(error.message);
}
`;

/** Files uploaded to supabase Storage in a counted loop (retry on failure); `pause` runs after a failure. */
const supabaseUpload = (pause = ''): string => `
import { supabase } from '../lib/supabase';

export async function uploadPacket(path: string, file: Blob) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { error } = await supabase.storage.from('packets').upload(path, file);
    if (!error) return;${pause}
  }
  throw new Error('upload failed');
}
`;

/**
 * Invalid cases, exported so the suggestion property test can run over them (the only suggestion is axios-retry's
 * own growing delay; bounding or spacing a hand-written retry is a design decision). Each runs untyped and typed.
 */
export const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  // A library told to wait 0 ms between attempts: reported once at the setting, here a class field that
  // two retries read and nothing rewrites, and p-retry's minimum wait.
  {
    code: `
import retry from 'async-retry';
import pRetry from 'p-retry';
export class Quotes {
  retryOptions = { retries: 1000, minTimeout: 0, maxTimeout: 0 };
  async ticker(symbol: string) {
    return retry(() => fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), this.retryOptions);
  }
  async candles(symbol: string) {
    return retry(() => fetch(\`https://quotes.example.com/\${symbol}/candles\`, { signal: AbortSignal.timeout(5000) }), this.retryOptions);
  }
}
export const quote = (symbol: string) => pRetry(() => fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), { retries: 3, minTimeout: 0 });
// A hook p-retry awaits between attempts that only logs adds no wait.
export const logged = (symbol: string) => pRetry(() => fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), { retries: 3, minTimeout: 0, onFailedAttempt: (failure) => console.warn(failure) });
`,
    errors: [
      { messageId: 'libraryWithoutWait', line: 5, column: 50, endLine: 5, endColumn: 63, suggestions: [], data: { setting: 'maxTimeout: 0', library: 'async-retry' } },
      { messageId: 'libraryWithoutWait', line: 13, column: 155, endLine: 13, endColumn: 168, suggestions: [], data: { setting: 'minTimeout: 0', library: 'p-retry' } },
      { messageId: 'libraryWithoutWait', line: 15, column: 156, endLine: 15, endColumn: 169, suggestions: [], data: { setting: 'minTimeout: 0', library: 'p-retry' } },
    ],
  },
  // axios-retry's default delay is none: its retries follow each failure back to back. The suggestion
  // adds the library's own growing delay, in the options object or as a new one.
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
axiosRetry(axios, { retries: 5 });
axiosRetry(payments);
`,
    errors: [
      {
        messageId: 'attachedWithoutDelay', line: 5, column: 1, endLine: 5, endColumn: 11,
        data: { library: 'axios-retry', waitKey: 'retryDelay', retries: '5', delay: 'axiosRetry.exponentialDelay' },
        suggestions: [{ messageId: 'addGrowingDelay', output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
axiosRetry(axios, { retries: 5, retryDelay: axiosRetry.exponentialDelay });
axiosRetry(payments);
` }],
      },
      {
        messageId: 'attachedWithoutDelay', line: 6, column: 1, endLine: 6, endColumn: 11,
        data: { library: 'axios-retry', waitKey: 'retryDelay', retries: '3', delay: 'axiosRetry.exponentialDelay' },
        suggestions: [{ messageId: 'addGrowingDelay', output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
axiosRetry(axios, { retries: 5 });
axiosRetry(payments, { retryDelay: axiosRetry.exponentialDelay });
` }],
      },
    ],
  },
  // CommonJS with axios-retry 4, whose require() gives the module object: the delay is read from the
  // same function the code calls.
  {
    code: `
const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry.default(axios, {
  retries: 2, // the gateway's own limit
});
`,
    errors: [
      {
        messageId: 'attachedWithoutDelay', line: 4, column: 1, endLine: 4, endColumn: 19,
        data: { library: 'axios-retry', waitKey: 'retryDelay', retries: '2', delay: 'axiosRetry.default.exponentialDelay' },
        suggestions: [{ messageId: 'addGrowingDelay', output: `
const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry.default(axios, {
  retries: 2, // the gateway's own limit
  retryDelay: axiosRetry.default.exponentialDelay,
});
` }],
      },
    ],
  },
  // A timer that aborts the request is no wait: the helper goes on at once, and so does the loop.
  {
    code: `
async function send(body: string): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch('https://hooks.example.com/events', { method: 'PUT', body, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
export async function deliver(body: string): Promise<Response | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await send(body);
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  return undefined;
}
`,
    errors: [{ messageId: 'noBackoff', line: 12, column: 3, endLine: 12, endColumn: 6, suggestions: [] }],
  },
  // A wait after a rate limit only: every other failure falls out of the catch and goes round at once.
  {
    code: `
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function answer(url: string, retries = 3): Promise<Response | null> {
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      return await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 429) {
        await delay(1000 * attempt);
        continue;
      }
      console.error(error);
      if (attempt === retries) throw error;
    }
  }
  return null;
}
`,
    errors: [{ messageId: 'noBackoffOnSomeFailures', data: { retry: 'the for-loop on line 4', way: 'catch', line: '15' }, line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] }],
  },
  // The other way round: a wait that every failure falls through to, and a \`continue\` before it.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function publish(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ECONNRESET') continue;
      await sleep(200 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}
`,
    errors: [{ messageId: 'noBackoffOnSomeFailures', data: { retry: 'the for-loop on line 4', way: 'catch', line: '8' }, line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] }],
  },
  // A \`continue\` before the wait whose test is not the wait's time: the first way round goes again at once.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function connect(url: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (attempt >= 3) throw error;
      const waitMs = 100 * 2 ** attempt;
      if (attempt <= 0) continue;
      await sleep(waitMs);
    }
  }
}
`,
    errors: [{ messageId: 'noBackoffOnSomeFailures', data: { retry: 'the for-loop on line 4', way: 'catch', line: '10' }, line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] }],
  },
  // Success leaves under a good status; a failed status falls out of the try and goes round at once,
  // though the catch waits after a dropped connection.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function verify(body: string): Promise<Response | undefined> {
  let res: Response | undefined;
  let retryCount = 0;
  while (retryCount < 3) {
    try {
      res = await fetch('https://api.example.com/verify', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        break;
      } else {
        console.warn(\`failed with status \${res.status}\`);
      }
    } catch {
      retryCount++;
      await sleep(2 ** retryCount * 1000);
    }
  }
  return res;
}
`,
    errors: [{ messageId: 'noBackoffOnSomeFailures', data: { retry: 'the while-loop on line 6', way: 'try after a failed status', line: '14' }, line: 6, column: 3, endLine: 6, endColumn: 8, suggestions: [] }],
  },
  // An attempt count moved before the request (\`const n = attempt++\`) is not another item: the \`.catch()\`
  // sends the same request again, at once and without end.
  {
    code: `
let attempt = 0;
export function ping(url: string): void {
  const n = attempt++;
  fetch(url, { headers: { 'x-attempt': String(n) }, signal: AbortSignal.timeout(5000) })
    .then((res) => res.text())
    .catch(() => ping(url));
}
`,
    errors: [
      { messageId: 'unboundedRetry', data: { retry: 'the recursive call in .catch() on line 7', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' }, line: 7, column: 18, endLine: 7, endColumn: 22, suggestions: [] },
      { messageId: 'noBackoff', data: { retry: 'the recursive call in .catch() on line 7' }, line: 7, column: 18, endLine: 7, endColumn: 22, suggestions: [] },
    ],
  },
  // A page loop whose catch goes round, waiting, only on a 503 and breaks out on the rest: a 503 that lasts
  // keeps it asking forever.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function load(url: string) {
  let cursor = '';
  let more = true;
  while (more) {
    try {
      const res = await fetch(url + cursor, { signal: AbortSignal.timeout(5000) });
      const body = await res.json();
      more = body.more;
      cursor = body.cursor;
    } catch (e) {
      if ((e as { status?: number }).status === 503) { await sleep(1000); continue; }
      break;
    }
  }
}
`,
    errors: [{ messageId: 'unboundedRetry', data: { retry: 'the while-loop on line 6', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' }, line: 6, column: 3, endLine: 6, endColumn: 8, suggestions: [] }],
  },
  // A catch that hands the reconnect to another method of the class, whose timer connects again: the
  // reconnect runs forever (the timer field only keeps one pending).
  {
    code: `
import * as amqp from 'amqplib';
export class RabbitMQService {
  private connection: unknown = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private async connect(): Promise<void> {
    try {
      this.connection = await amqp.connect(process.env.RABBITMQ_URL!);
    } catch (error) {
      console.error('Failed to connect to RabbitMQ', error);
      this.scheduleReconnect();
    }
  }
  private scheduleReconnect(): void {
    if (this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, 5000);
  }
}
`,
    errors: [{ messageId: 'unboundedRetry', data: { retry: 'the recursive call scheduled from the catch on line 11', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' }, line: 11, column: 7, endLine: 11, endColumn: 29, suggestions: [] }],
  },
  // A Playwright locator's \`waitFor({ … })\` in the attempt waits for an element, not a time: no way round waits.
  {
    code: `
declare const page: { getByRole(role: string, options: object): { waitFor(options: object): Promise<void> } };
async function signIn(email: string): Promise<void> {
  const res = await fetch('https://app.example.com/api/session', { headers: { 'x-email': email }, signal: AbortSignal.timeout(10000) });
  if (!res.ok) throw new Error('sign-in failed');
}
export async function ensureSession(email: string) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await signIn(email);
      await page.getByRole('heading', { name: /Start/ }).waitFor({ timeout: 120_000 });
      return;
    } catch (error) {
      if (attempt < 2 && String(error).includes('closed')) continue;
      throw error;
    }
  }
}
`,
    errors: [{ messageId: 'noBackoff', data: { retry: 'the for-loop on line 8' }, line: 8, column: 3, endLine: 8, endColumn: 6, suggestions: [] }],
  },
  // A list of codes that names a dropped connection beside a conflict: the loop goes round after a failure.
  {
    code: `
import { Pool } from 'pg';

const pool = new Pool({ connectionTimeoutMillis: 5000 });

export async function record(key: string) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await pool.query('UPDATE fixtures SET seen = now() WHERE k = $1', [key]);
    } catch (error) {
      if (!['23505', 'ECONNRESET'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  throw new Error('unreachable');
}
`,
    errors: [{ messageId: 'noBackoff', data: { retry: 'the for-loop on line 7' }, line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [] }],
  },
  // A timer made once before the loop has settled after the first round: awaiting it again waits for nothing.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(url: string): Promise<Response | undefined> {
  const pause = sleep(1000);
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await pause;
    }
  }
  return undefined;
}
`,
    errors: [{ messageId: 'noBackoff', line: 5, column: 3, endLine: 5, endColumn: 6, suggestions: [] }],
  },
  // The catch makes the same call again at once.
  {
    code: `
import axios from 'axios';
export async function publish(event: object): Promise<void> {
  try {
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  } catch {
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  }
}
`,
    errors: [{ messageId: 'noBackoffOnce', line: 7, column: 11, endLine: 7, endColumn: 20, suggestions: [] }],
  },
  // A counter declared before the loop and counted down in it (\`while (retries > 0) { … retries-- }\`) counts
  // the loop's attempts: 4 around OpenAI's 3 is 12, over the default of 10.
  {
    code: `
import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function shrink(post: string) {
  let retries = 4;
  while (retries > 0) {
    try {
      return (await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: post }] })).choices[0].message.content;
    } catch (e) {
      retries--;
      await sleep(1000);
    }
  }
  return post;
}
`,
    errors: [{ messageId: 'nestedRetry', line: 9, column: 21, endLine: 9, endColumn: 51, data: { total: '12', breakdown: "3 (OpenAI's built-in retries on line 3) × 4 (the while-loop on line 7)" }, suggestions: [] }],
  },
  // A recursion whose count is moved before it is passed on (\`retry += 1; … getPage(url, retry)\`) is counted
  // as \`retry + 1\` would be: 11 attempts around axios-retry's 11.
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 10, retryDelay: axiosRetry.exponentialDelay });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function getPage(url: string, retry = 0): Promise<unknown> {
  try {
    return (await axios.request({ method: 'GET', url, timeout: 10000 })).data;
  } catch (error) {
    if (retry < 10) {
      retry += 1;
      await delay(1000 * retry * retry);
      return getPage(url, retry);
    }
    throw error;
  }
}
`,
    errors: [{ messageId: 'nestedRetry', line: 8, column: 19, endLine: 8, endColumn: 32, data: { total: '121', breakdown: '11 (axios-retry on line 4) × 11 (the recursive call in the catch on line 13)' }, suggestions: [] }],
  },
  // A method that calls itself through \`const that = this\` from a timer in its error callback reconnects
  // forever, as one that names itself does.
  {
    code: `
const amqp = require('amqplib/callback_api');
class QueueManager {
  url: string;
  amqpConn: unknown;
  constructor(url: string) { this.url = url; this.amqpConn = null; }
  connect(callback?: () => void) {
    var that = this;
    amqp.connect(this.url, function (err: unknown, conn: unknown) {
      if (err) {
        console.error('[JobWorker] AMQP error', err);
        return setTimeout(function () {
          that.connect(callback);
        }, 1000);
      }
      that.amqpConn = conn;
      if (callback) callback();
    });
  }
}
module.exports = QueueManager;
`,
    errors: [{ messageId: 'unboundedRetry', line: 13, column: 11, endLine: 13, endColumn: 23, suggestions: [] }],
  },
  // A run asked for while one was busy, started again while the flag stays set: it does not run out.
  {
    code: `
const Imap = require('imap');
let inProgress = false;
let pending = false;
function fetchUnseen(imap) {
  if (inProgress) { pending = true; return; }
  inProgress = true;
  imap.search(['UNSEEN'], (err, uids) => {
    inProgress = false;
    if (err) {
      if (pending) fetchUnseen(imap);
      return;
    }
    console.log(uids);
  });
}
module.exports = { fetchUnseen };
`,
    errors: [
      { messageId: 'unboundedRetry', line: 11, column: 20, endLine: 11, endColumn: 31, suggestions: [] },
      { messageId: 'noBackoff', line: 11, column: 20, endLine: 11, endColumn: 31, suggestions: [] },
    ],
  },
  // Every failure but a 5xx is rejected first: what gets past is a server error, resent at once.
  {
    code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
api.interceptors.response.use(
  (response) => response,
  async (error) => {
    if (!error.response || error.response.status < 500) throw error;
    return api(error.config);
  },
);
`,
    errors: [
      { messageId: 'unboundedRetry', line: 4, column: 1, endLine: 4, endColumn: 30, suggestions: [] },
      { messageId: 'noBackoff', line: 4, column: 1, endLine: 4, endColumn: 30, suggestions: [] },
    ],
  },
  // A throttled request sent again at once and without end: a throttle is no client error to correct.
  {
    code: `
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({ requestHandler: { requestTimeout: 3000, throwOnRequestTimeout: true } });
export async function increment(code: string, day: string): Promise<void> {
  try {
    await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: { S: code } }, UpdateExpression: 'ADD #d :one', ExpressionAttributeNames: { '#d': day }, ExpressionAttributeValues: { ':one': { N: '1' } } }));
  } catch (err: any) {
    if (err.name === 'ThrottlingException') {
      return increment(code, day);
    }
    throw err;
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 9, column: 14, endLine: 9, endColumn: 23, suggestions: [] },
      { messageId: 'noBackoff', line: 9, column: 14, endLine: 9, endColumn: 23, suggestions: [] },
    ],
  },
  // A status loop whose success test also lets a 403 go round (\`status !== 403 && status < 500\`) goes round
  // after a 5xx at once.
  {
    code: `
export async function getObject(url: string): Promise<Response> {
  let response: Response | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 403 && response.status < 500) {
      return response;
    }
    await response.body?.cancel();
  }
  return response!;
}
`,
    errors: [{ messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] }],
  },
  // A correction in one branch of the catch (a token refreshed) leaves the other branch's repeat blind.
  {
    code: `
declare function getJwt(options: { force: boolean }): Promise<string>;
async function queryOnce(q: string): Promise<unknown> {
  const res = await fetch(\`https://api.example.com/graphql?q=\${encodeURIComponent(q)}\`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
export async function query(q: string): Promise<unknown> {
  try {
    return await queryOnce(q);
  } catch (err) {
    const msg = err instanceof Error ? err.message : '';
    if (msg.includes('Signature has expired')) {
      await getJwt({ force: true });
      return await queryOnce(q);
    }
    if (msg.includes('Must provide document.')) {
      return await queryOnce(q);
    }
    throw err;
  }
}
`,
    errors: [{ messageId: 'noBackoffOnce', line: 18, column: 20, endLine: 18, endColumn: 29, suggestions: [] }],
  },
  // A guard around the timer that counts nothing: the timer's callback reschedules the upload forever.
  {
    code: `
import axios from 'axios';
export class Uploader {
  enabled = true;
  upload(id: string): void {
    if (this.enabled) {
      setTimeout(async () => {
        try {
          await axios.put(\`https://api.example.com/files/\${id}\`, {}, { timeout: 5000 });
        } catch {
          this.upload(id);
        }
      }, 1000);
    }
  }
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 11, column: 11, endLine: 11, endColumn: 22, suggestions: [] }],
  },
  // A count checked at the top that the failure never moves: it does not run out.
  {
    code: `
import axios from 'axios';
interface Job { attempts: number; url: string }
export function check(job: Job): void {
  if (job.attempts >= 3) return;
  axios.get(job.url, { timeout: 5000 }).catch(() => {
    setTimeout(() => check(job), 1000);
  });
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 7, column: 22, endLine: 7, endColumn: 27, suggestions: [] }],
  },
  // A recursion that passes a literal its own guard fails (\`retryCount === 0\` with \`1\`) makes one more
  // attempt: bounded, but at once.
  {
    code: `
import axios from 'axios';
export async function rate(body: object, retryCount = 0): Promise<unknown> {
  try {
    return (await axios.get('https://ups.example.com/rating', { params: body, timeout: 5000 })).data;
  } catch (error) {
    if (retryCount === 0) return rate(body, 1);
    throw error;
  }
}
`,
    errors: [{ messageId: 'noBackoffOnce', line: 7, column: 34, endLine: 7, endColumn: 38, suggestions: [] }],
  },
  // The same, through a function of the file with a name that says nothing: what repeats is that one
  // call, so its body is read, and it POSTs.
  {
    code: `
export async function sendSummary(apiKey: string, payload: object): Promise<void> {
  async function attemptSend() {
    const res = await fetch('https://api.mail.example.com/emails', { method: 'POST', headers: { Authorization: apiKey }, body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(String(res.status));
  }
  try {
    await attemptSend();
  } catch {
    await attemptSend();
  }
}
`,
    errors: [{ messageId: 'noBackoffOnce', line: 10, column: 11, endLine: 10, endColumn: 22, suggestions: [] }],
  },
  // A private method that calls itself from its catch.
  {
    code: `
export class Hooks {
  async #send(body: string): Promise<Response> {
    try {
      return await fetch('https://hooks.example.com/events', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
    } catch {
      return this.#send(body);
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 7, column: 14, endLine: 7, endColumn: 24, suggestions: [] },
    { messageId: 'noBackoff', line: 7, column: 14, endLine: 7, endColumn: 24, suggestions: [] },
    ],
  },
  // A queue worker that puts the failed item back before it calls itself again retries that item, at once.
  {
    code: `
const pending: string[] = [];
export async function flush(attempt = 0): Promise<void> {
  if (attempt > 5) return;
  const body = pending.shift();
  if (body === undefined) return;
  try {
    await fetch('https://hooks.example.com/events', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
  } catch {
    pending.unshift(body);
    return flush(attempt + 1);
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 11, column: 12, endLine: 11, endColumn: 17, suggestions: [] }],
  },
  // Recursion scheduled with setTimeout and no delay, from a catch, with no counter.
  {
    code: `
export async function poll(url: string): Promise<void> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch {
    setTimeout(() => poll(url));
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 6, column: 22, endLine: 6, endColumn: 26, suggestions: [] },
    { messageId: 'noBackoff', line: 6, column: 22, endLine: 6, endColumn: 26, suggestions: [] },
    ],
  },
  // A retry helper's loop is remote when a caller hands it a remote callback; reported once, at the loop.
  {
    code: `
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
    errors: [
    { messageId: 'noBackoff', line: 5, column: 3, endLine: 5, endColumn: 6, suggestions: [] },
    ],
  },
  // A counter in the condition that leads to \`continue\` bounds the retry; nothing waits before it.
  {
    code: `
export async function send(url: string, maxRetries: number) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (attempt < maxRetries && isRetryable(error)) {
        attempt++;
        continue;
      }
      throw error;
    }
  }
}
function isRetryable(error: unknown) {
  return error instanceof TypeError;
}
`,
    errors: [
    { messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [] },
    ],
  },
  // A catch that continues on one error and rethrows the rest retries that error, here at once.
  {
    code: `
export async function publish(body: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://events.example.com/publish', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ETIMEDOUT') continue;
      throw error;
    }
  }
}
`,
    errors: [
    { messageId: 'noBackoff', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [] },
    ],
  },
  // The example service's waitForSettlement: no bound and no wait.
  {
    code: `
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

export async function waitForSettlement(orderId: string): Promise<string> {
  for (;;) {
    try {
      const { data } = await payments.get<{ state: string }>(\`/v1/orders/\${orderId}/settlement\`);
      return data.state;
    } catch {
      continue;
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [] },
    { messageId: 'noBackoff', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [] },
    ],
  },
  // A request's own promise with a timer that ends it on timeout (\`reject\`, \`destroy\`) settles when the
  // request does: the loop that calls it again after a failure has not waited.
  {
    code: `
import http from 'node:http';
function send(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET' }, (res) => resolve(String(res.statusCode)));
    const timer = setTimeout(() => { req.destroy(); reject(new Error('timed out')); }, 5000);
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await send(url);
    } catch (err) {
      console.log(err);
    }
  }
  return null;
}
`,
    errors: [
    { messageId: 'noBackoff', line: 12, column: 3, endLine: 12, endColumn: 6, data: { retry: 'the for-loop on line 12' }, suggestions: [] },
    ],
  },
  // A loop on the value a helper of the file returns from the catch around its request (\`undefined\`, tested
  // with \`!==\`): each failure goes round at once.
  {
    code: `
import axios from 'axios';
async function fetchRates(base: string) {
  try {
    return await axios.get(\`https://rates.example.com/\${base}\`, { timeout: 5000 });
  } catch {
    return undefined;
  }
}
export async function rates(base: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetchRates(base);
    if (response !== undefined) return response.data;
  }
  return null;
}
`,
    errors: [
    { messageId: 'noBackoff', line: 11, column: 3, endLine: 11, endColumn: 6, data: { retry: 'the for-loop on line 11' }, suggestions: [] },
    ],
  },
  // A counter that success sets to the bound to leave (\`retry = 3\`) and failure moves on (\`retry++\`) still
  // bounds the loop: only the missing wait is reported.
  {
    code: `
import got from 'got';
export async function loadTransfers(url: string, query: string) {
  let retry = 0;
  let data: unknown;
  while (retry < 3) {
    try {
      data = await got.post(url, { json: { query }, timeout: { request: 5000 } }).json();
      retry = 3;
    } catch (error) {
      console.error(error);
      retry++;
    }
  }
  return data;
}
`,
    errors: [
    { messageId: 'noBackoff', line: 6, column: 3, endLine: 6, endColumn: 8, data: { retry: 'the while-loop on line 6' }, suggestions: [] },
    ],
  },
  // A function that calls itself through the object or class that holds it (\`FetchUtilities.fetchRetry = …\`,
  // a static method, an object literal's method) recurses as one called by its name does.
  {
    code: `
const FetchUtilities = {};
FetchUtilities.fetchRetry = (url, options, n) =>
  fetch(url, { ...options, signal: AbortSignal.timeout(5000) }).catch((error) => {
    if (n === 1) throw error;
    return FetchUtilities.fetchRetry(url, options, n - 1);
  });

export class Api {
  static load(url, n) {
    return fetch(url, { signal: AbortSignal.timeout(5000) }).catch((error) => {
      if (n === 1) throw error;
      return Api.load(url, n - 1);
    });
  }
}

export const Orders = {
  create(body, n) {
    return fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch((error) => {
      if (n === 1) throw error;
      return Orders.create(body, n - 1);
    });
  },
};
export default FetchUtilities;
`,
    errors: [
    { messageId: 'noBackoff', line: 6, column: 12, endLine: 6, endColumn: 37, data: { retry: 'the recursive call in .catch() on line 6' }, suggestions: [] },
    { messageId: 'noBackoff', line: 13, column: 14, endLine: 13, endColumn: 22, data: { retry: 'the recursive call in .catch() on line 13' }, suggestions: [] },
    { messageId: 'noBackoff', line: 22, column: 14, endLine: 22, endColumn: 27, data: { retry: 'the recursive call in .catch() on line 22' }, suggestions: [] },
    ],
  },
  // A wait at the top of the try opens every attempt: the loop is paced, but nothing ends it. The delay the
  // catch grows changes the pace, not the request, so it is no correction.
  {
    code: `
import axios from 'axios';
export async function reconnect() {
  let delay = 1000;
  while (true) {
    try {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await axios.get('https://api.example.com/session', { timeout: 5000 });
      break;
    } catch (error) {
      console.warn(error);
      delay *= 2;
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 5, column: 3, endLine: 5, endColumn: 8, data: { retry: 'the while-loop on line 5', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' }, suggestions: [] },
    ],
  },
  // A while(!done) flag loop whose only exit is success, with a wait.
  {
    code: `
export async function publish(body: string) {
  let done = false;
  while (!done) {
    try {
      await fetch('https://api.example.com/events', { method: 'PUT', body });
      done = true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`,
    errors: [
    {
      messageId: 'unboundedRetry', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [],
      data: { retry: 'the while-loop on line 4', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' },
    },
    ],
  },
  // A loop that stops only when the caller cancels (`while (!signal.aborted)`) has no attempt limit.
  {
    code: `
export async function pay(body: string, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      return await fetch('https://pay.example.com/charges', { method: 'PUT', body, signal });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return undefined;
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] },
    ],
  },
  // A long poll goes round on success too; its catch retries transient failures (and rethrows the rest): that
  // failure path is a retry, here with no bound and, in the second, no wait.
  {
    code: `
import { setTimeout as delay } from 'node:timers/promises';

export async function* updates(signal: AbortSignal) {
  let offset = 0;
  while (!signal.aborted) {
    let batch: { id: number }[];
    try {
      batch = await (await fetch(\`https://bot.example.com/getUpdates?offset=\${offset}\`, { signal })).json();
    } catch (err) {
      if (signal.aborted) return;
      if (!isTransientError(err)) throw err;
      await delay(1000);
      continue;
    }
    for (const update of batch) {
      yield update;
      offset = update.id + 1;
    }
  }
}

export async function* events(signal: AbortSignal) {
  for (;;) {
    let next: Response;
    try {
      next = await fetch('https://events.example.com/next', { signal: AbortSignal.any([signal, AbortSignal.timeout(30000)]) });
    } catch (error) {
      if (!(error instanceof TypeError) && (error as Error).name !== 'TimeoutError') throw error;
      continue;
    }
    yield next;
  }
}

declare function isTransientError(error: unknown): boolean;
`,
    errors: [
    { messageId: 'unboundedRetry', line: 6, column: 3, endLine: 6, endColumn: 8, suggestions: [] },
    { messageId: 'unboundedRetry', line: 24, column: 3, endLine: 24, endColumn: 6, suggestions: [] },
    { messageId: 'noBackoff', line: 24, column: 3, endLine: 24, endColumn: 6, suggestions: [] },
    ],
  },
  // A method of something named as a remote API's client (\`pricingApi\`, \`shopifyClient\`, \`client\`) is remote,
  // whatever the method is called. A bound that nothing in the loop moves (\`job.retries\`) bounds nothing.
  {
    code: `
export class Quotes {
  constructor(private readonly pricingApi: { lookup(id: string): Promise<number> }, private readonly cache: { lookup(id: string): Promise<number> }) {}
  async price(id: string) {
    while (true) {
      try {
        return await this.pricingApi.lookup(id);
      } catch {
        continue;
      }
    }
  }
  async cached(id: string) {
    while (true) {
      try {
        return await this.cache.lookup(id);
      } catch {
        continue;
      }
    }
  }
}
export class PsiRunner {
  async run(url: string, client: { run(url: string): Promise<unknown> }) {
    const attempts: unknown[] = [];
    while (attempts.length < 3) {
      try {
        return await client.run(url);
      } catch (error) {
        attempts.push(error);
      }
    }
    throw attempts[0];
  }
}
export class Importer {
  constructor(private readonly shopifyClient: { getProducts(page?: string): Promise<{ next?: string }> }) {}
  async importProducts(job: { retries: number; maxRetries: number }) {
    let page: string | undefined;
    let more = true;
    while (more) {
      try {
        const { next } = await this.shopifyClient.getProducts(page);
        page = next;
        more = next !== undefined;
      } catch (error) {
        if (job.retries >= job.maxRetries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [] },
    { messageId: 'noBackoff', line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [] },
    { messageId: 'noBackoff', line: 26, column: 5, endLine: 26, endColumn: 10, suggestions: [] },
    { messageId: 'unboundedRetry', line: 41, column: 5, endLine: 41, endColumn: 10, suggestions: [] },
    ],
  },
  // Recursion from .catch() with no bound and no wait.
  {
    code: `
import axios from 'axios';
export function load(): Promise<unknown> {
  return axios.get('https://api.example.com/items').catch(() => load());
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 4, column: 65, endLine: 4, endColumn: 69, suggestions: [] },
    { messageId: 'noBackoff', line: 4, column: 65, endLine: 4, endColumn: 69, suggestions: [] },
    ],
  },
  // A loop that goes round on the false a \`.then\` gives for a failure, at once.
  {
    code: `
export async function ping(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const reached = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(() => true, () => false);
    if (reached) return;
  }
}
`,
    errors: [
    { messageId: 'noBackoff', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [] },
    ],
  },
  // A status test that makes the same call again at once.
  {
    code: `
export async function load(url: string): Promise<Response> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) return await fetch(url, { signal: AbortSignal.timeout(5000) });
  return response;
}
`,
    errors: [
    { messageId: 'noBackoffOnce', line: 4, column: 34, endLine: 4, endColumn: 39, suggestions: [] },
    ],
  },
  // The rejection handler of \`.then\` that calls the function again at once.
  {
    code: `
import axios from 'axios';
export function load(attempt = 0): Promise<unknown> {
  return axios.get('https://api.example.com/items', { timeout: 5000 }).then((response) => response.data, (error) => {
    if (attempt >= 3) throw error;
    return load(attempt + 1);
  });
}
`,
    errors: [
    { messageId: 'noBackoff', line: 6, column: 12, endLine: 6, endColumn: 16, suggestions: [] },
    ],
  },
  // Inside a \`new Promise\` executor, which runs as part of \`load\`: a timer that resolves with the next
  // attempt waits, but nothing counts the attempts.
  {
    code: `
export function load(url: string, attempt = 0): Promise<Response> {
  return new Promise((resolve) => {
    fetch(url, { signal: AbortSignal.timeout(5000) })
      .then(resolve)
      .catch(() => setTimeout(() => resolve(load(url, attempt + 1)), 1000 * 2 ** attempt));
  });
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 6, column: 45, endLine: 6, endColumn: 49, suggestions: [] },
    ],
  },
  // A bounded recursion that waits is fine; an unbounded method recursion through this.
  {
    code: `
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
export async function load(attempt = 1): Promise<unknown> {
  try {
    return await axios.get('https://api.example.com/items');
  } catch (error) {
    if (attempt >= 3) throw error;
    await sleep(attempt * 500);
    return load(attempt + 1);
  }
}
class Poller {
  async poll(): Promise<unknown> {
    try {
      return await axios.get('https://api.example.com/status');
    } catch {
      await sleep(1000);
      return this.poll();
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 19, column: 14, endLine: 19, endColumn: 23, suggestions: [] },
    ],
  },
  // Nested: axios-retry (default 3 retries) inside p-retry (10 retries by default).
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import pRetry from 'p-retry';

const api = axios.create({ baseURL: 'https://api.example.com' });
axiosRetry(api, { retryDelay: axiosRetry.exponentialDelay });

export async function load() {
  return pRetry(() => api.get('/items'));
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 10, column: 23, endLine: 10, endColumn: 30, suggestions: [] },
    ],
  },
  // Nested three layers: an OpenAI client (2 retries) in backOff (3 attempts) in a loop of 4.
  {
    code: `
import OpenAI from 'openai';
import { backOff } from 'exponential-backoff';
import { setTimeout as sleep } from 'node:timers/promises';

const openai = new OpenAI();

async function summarise(text: string) {
  return backOff(() => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] }), { numOfAttempts: 3 });
}

export async function run(text: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await summarise(text);
    } catch {
      await sleep(1000);
    }
  }
  return undefined;
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 9, column: 24, endLine: 9, endColumn: 54, suggestions: [] },
    ],
  },
  // The file's own retry helper around a client that retries: the helper's loop counts its attempts from the
  // exit in its catch (\`attempt++; if (attempt > maxRetries) throw\`, at the parameter's default), and each
  // call that hands it the client's request multiplies them.
  {
    code: `
import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
async function callWithRetry<T>(fn: () => Promise<T>, maxRetries = 3, baseDelay = 1000): Promise<T> {
  let attempt = 0;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      attempt++;
      if (attempt > maxRetries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * baseDelay));
    }
  }
}
export const ask = (prompt: string) =>
  callWithRetry(() => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }));
`,
    errors: [
    { messageId: 'nestedRetry', line: 17, column: 23, endLine: 17, endColumn: 53, suggestions: [],
      data: { total: '12', breakdown: "3 (OpenAI's built-in retries on line 3) × 4 (callWithRetry() (the while-loop on line 6) on line 17)" } },
    ],
  },
  // got's default retries (2) inside async-retry (3 retries): 12 attempts.
  {
    code: `
import got from 'got';
import retry from 'async-retry';
export async function load() {
  return retry(() => got('https://api.example.com/items').json(), { retries: 3 });
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 5, column: 22, endLine: 5, endColumn: 25, suggestions: [] },
    ],
  },
  // The strict setting reports every nesting, even a small one.
  {
    code: `
import got from 'got';
import { setTimeout as sleep } from 'node:timers/promises';
export async function load() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await got('https://api.example.com/items').json();
    } catch {
      await sleep(100);
    }
  }
  return undefined;
}
`,
    options: [{"maxNestedAttempts":1}],
    errors: [
    { messageId: 'nestedRetry', line: 7, column: 20, endLine: 7, endColumn: 23, suggestions: [] },
    ],
  },
  // @lifeomic/attempt nested inside a cockatiel policy with a backoff and bounded attempts.
  {
    code: `
import { retry as attempt } from '@lifeomic/attempt';
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 4, backoff: new ExponentialBackoff() });
export async function load() {
  return policy.execute(() => attempt(() => fetch('https://api.example.com/items'), { maxAttempts: 5 }));
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 6, column: 31, endLine: 6, endColumn: 38, suggestions: [] },
    ],
  },
  // for(;;) with continue in the catch: no bound and no wait.
  {
    code: `
import axios from 'axios';
export async function poll(id: string) {
  for (;;) {
    try {
      const { data } = await axios.get(\`https://api.example.com/\${id}\`);
      return data;
    } catch {
      continue;
    }
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] },
    { messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] },
    ],
  },
  // while(true) with sleep, unbounded
  {
    code: `
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll() {
  while (true) {
    try {
      return await axios.get('https://api.example.com/status');
    } catch (error) {
      if (!isRetryable(error)) throw error;
      await sleep(1000);
    }
  }
}
declare function isRetryable(e: unknown): boolean;
`,
    errors: [
    { messageId: 'unboundedRetry', line: 5, column: 3, endLine: 5, endColumn: 8, suggestions: [] },
    ],
  },
  // bounded no wait
  {
    code: `
import axios from 'axios';
export async function get() {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.get('https://api.example.com/status');
    } catch {}
  }
}
`,
    errors: [
    { messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] },
    ],
  },
  // recursion unbounded no wait
  {
    code: `
import axios from 'axios';
export async function get(): Promise<unknown> {
  try {
    return await axios.get('https://api.example.com/status');
  } catch {
    return get();
  }
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 7, column: 12, endLine: 7, endColumn: 15, suggestions: [] },
    { messageId: 'noBackoff', line: 7, column: 12, endLine: 7, endColumn: 15, suggestions: [] },
    ],
  },
  // A count that falls back to Infinity: unless the caller sets one, the retry never ends (metro-cache's
  // HttpStore). The message quotes the setting as written.
  {
    code: `
import { backOff } from 'exponential-backoff';
export function withRetries<T>(fn: () => Promise<T>, endpoint: { maxAttempts?: number }) {
  return backOff(fn, { jitter: 'full', maxDelay: 30000, numOfAttempts: endpoint.maxAttempts || Number.POSITIVE_INFINITY });
}
`,
    errors: [
    { messageId: 'foreverUnlessSet', line: 4, column: 57, endLine: 4, endColumn: 120, data: { setting: 'numOfAttempts: endpoint.maxAttempts || Number.POSITIVE_INFINITY', library: 'exponential-backoff' }, suggestions: [] },
    ],
  },
  // p-retry forever and Infinity
  {
    code: `
import pRetry from 'p-retry';
import retry from 'async-retry';
export async function a() {
  await pRetry(() => fetch('https://a.example.com'), { forever: true });
  await retry(() => fetch('https://a.example.com'), { retries: Infinity });
}
`,
    errors: [
    { messageId: 'foreverRetry', line: 5, column: 56, endLine: 5, endColumn: 69, suggestions: [] },
    { messageId: 'foreverRetry', line: 6, column: 55, endLine: 6, endColumn: 72, suggestions: [] },
    ],
  },
  // cockatiel handleAll no maxAttempts; maxAttempts no backoff
  {
    code: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
export const forever = retry(handleAll, {});
export const fast = retry(handleAll, { maxAttempts: 3 });
export const good = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
`,
    errors: [
    { messageId: 'unboundedPolicy', line: 3, column: 24, endLine: 3, endColumn: 29, suggestions: [] },
    { messageId: 'policyWithoutBackoff', line: 4, column: 21, endLine: 4, endColumn: 26, suggestions: [] },
    ],
  },
  // nested axios-retry in p-retry
  {
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import pRetry from 'p-retry';
const api = axios.create({ baseURL: 'https://api.example.com' });
axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
export async function load() {
  return pRetry(() => api.get('/items'), { retries: 10 });
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 8, column: 23, endLine: 8, endColumn: 30, suggestions: [] },
    ],
  },
  // nested via function: loop around p-retry, reported where the loop runs it (the function is defined first)
  {
    code: `
import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
async function fetchItems() {
  return pRetry(() => fetch('https://api.example.com/items'), { retries: 4 });
}
export async function load() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetchItems();
    } catch {
      await sleep(attempt * 1000);
    }
  }
}
`,
    errors: [
    { messageId: 'nestedRetry', line: 10, column: 20, endLine: 10, endColumn: 30, suggestions: [] },
    ],
  },
  // retry.operation forever
  {
    code: `
import retry from 'retry';
const operation = retry.operation({ forever: true });
operation.attempt(() => fetch('https://a.example.com'));
`,
    errors: [
    { messageId: 'foreverRetry', line: 3, column: 37, endLine: 3, endColumn: 50, suggestions: [] },
    ],
  },
  // promise-retry with forever: true (options first).
  {
    code: `
import promiseRetry from 'promise-retry';
export const load = () => promiseRetry({ forever: true }, (retry) => fetch('https://api.example.com/items').catch(retry));
export async function charge(body: string) {
  return promiseRetry(async (retry) => {
    try {
      return await fetch('https://api.example.com/charges', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (body) retry(error);
      throw error;
    }
  }, { forever: true });
}
`,
    errors: [
    { messageId: 'foreverRetry', line: 3, column: 42, endLine: 3, endColumn: 55, suggestions: [] },
    { messageId: 'foreverRetry', line: 12, column: 8, endLine: 12, endColumn: 21, suggestions: [] },
    ],
  },
  // Recursion on a helper's failure value (@discordjs/rest): the helper returns null after a network error
  // or for a 5xx, and the caller recurses at once. Counted, so bounded; no wait.
  {
    code: `
async function callOnce(url: string, retries: number): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch (error) {
    if (retries < 3) return null;
    throw error;
  }
}
async function checkStatus(res: Response, retries: number): Promise<Response | null> {
  const status = res.status;
  if (status >= 500 && status < 600) {
    if (retries < 3) return null;
    throw new Error(res.statusText);
  }
  return res;
}
export class Handler {
  async runRequest(url: string, retries = 0): Promise<Response> {
    const res = await callOnce(url, retries);
    if (res === null) return this.runRequest(url, ++retries);
    const handled = await checkStatus(res, retries);
    if (handled === null) return this.runRequest(url, ++retries);
    return handled;
  }
}
`,
    errors: [
    { messageId: 'noBackoff', line: 21, column: 30, endLine: 21, endColumn: 45, suggestions: [], data: { retry: 'the recursive call when callOnce() returns null on line 21' } },
    { messageId: 'noBackoff', line: 23, column: 34, endLine: 23, endColumn: 49, suggestions: [], data: { retry: 'the recursive call when checkStatus() returns null on line 23' } },
    ],
  },
  // The same with `!res` and a helper that returns nothing from its catch; no counter, so also unbounded.
  {
    code: `
const fetchStatus = async (url: string) => {
  try {
    return await fetch(url);
  } catch {
    return;
  }
};
export async function poll(url: string): Promise<Response> {
  const res = await fetchStatus(url);
  if (!res) return poll(url);
  return res;
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 11, column: 20, endLine: 11, endColumn: 24, suggestions: [] },
    { messageId: 'noBackoff', line: 11, column: 20, endLine: 11, endColumn: 24, suggestions: [] },
    ],
  },

  // Callback style: an error-first callback that calls its function again at once, with no counter.
  {
    code: `
import superagent from 'superagent';
export function load(url: string, done: (err: Error | null, body?: unknown) => void): void {
  superagent.get(url).timeout(5000).end((err, res) => {
    if (err) return load(url, done);
    done(null, res.body);
  });
}
`,
    errors: [
    { messageId: 'unboundedRetry', line: 5, column: 21, endLine: 5, endColumn: 25, suggestions: [] },
    { messageId: 'noBackoff', line: 5, column: 21, endLine: 5, endColumn: 25, suggestions: [] },
    ],
  },

  // A count that is passed down but never compared bounds nothing, and a delay that is not awaited, or
  // the awaited recursive call itself, is no wait.
  {
    code: `
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const fetchRetry = async (retryCount: number, url: string): Promise<Response> => {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch {
    delay(5000);
    return await fetchRetry(retryCount - 1, url);
  }
};
`,
    errors: [
      { messageId: 'unboundedRetry', line: 8, column: 18, endLine: 8, endColumn: 28, suggestions: [] },
      { messageId: 'noBackoff', line: 8, column: 18, endLine: 8, endColumn: 28, suggestions: [] },
    ],
  },
  // A try whose success leaves only when the status is good (tangerine's DNS-over-HTTPS tries), through a
  // private method: a retry, and it waits for nothing between tries.
  {
    code: `
export class Resolver {
  async #request(url: string): Promise<Response> {
    return fetch(url, { signal: AbortSignal.timeout(5000) });
  }
  async resolve(url: string, tries = 4): Promise<ArrayBuffer | undefined> {
    let body: ArrayBuffer | undefined;
    for (let i = 0; i < tries; i++) {
      try {
        const response = await this.#request(url);
        const status = response.status;
        if (response.body && status >= 200 && status < 300) {
          body = await response.arrayBuffer();
          break;
        }
        throw new Error(String(status));
      } catch (error) {
        if (!(error instanceof Error)) break;
      }
    }
    return body;
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 8, column: 5, endLine: 8, endColumn: 8, suggestions: [] }],
  },
  // An interceptor that sends every failed request again at once, forever.
  {
    code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
api.interceptors.response.use(undefined, (error) => api(error.config));
export const list = () => api.get('/items');
`,
    errors: [
      { messageId: 'unboundedRetry', line: 4, column: 1, endLine: 4, endColumn: 30, suggestions: [] },
      { messageId: 'noBackoff', line: 4, column: 1, endLine: 4, endColumn: 30, suggestions: [] },
    ],
  },
  // Status loops that hammer: a loop that sends again at once on a failed status, and one with no count.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function load(id: string) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch(\`https://api.example.com/orders/\${id}\`, { signal: AbortSignal.timeout(5000) });
    attempt++;
  } while (!res.ok && attempt < 3);
  return res;
}
export async function status() {
  while (true) {
    const res = await fetch('https://api.example.com/status', { signal: AbortSignal.timeout(5000) });
    if (res.status < 500) return res;
    await sleep(1000);
  }
}
`,
    errors: [
      { messageId: 'noBackoff', line: 6, column: 3, endLine: 6, endColumn: 5, suggestions: [] },
      { messageId: 'unboundedRetry', line: 13, column: 3, endLine: 13, endColumn: 8, suggestions: [] },
    ],
  },
  // retryWhen: a notifier with no take() never ends; one with no delay resubscribes at once.
  {
    code: `
import { HttpClient } from '@angular/common/http';
import { delay, retryWhen, take } from 'rxjs';

export class Catalog {
  constructor(private readonly http: HttpClient) {}

  items() {
    return this.http.get('/api/items').pipe(retryWhen((errors) => errors.pipe(delay(1000))));
  }
  prices() {
    return this.http.get('/api/prices').pipe(retryWhen((errors) => errors.pipe(take(2))));
  }
  stock() {
    return this.http.get('/api/stock').pipe(retryWhen((errors) => errors.pipe(delay(1000), take(3))));
  }
}
`,
    errors: [
      { messageId: 'foreverRetry', line: 9, column: 45, endLine: 9, endColumn: 92, data: { setting: 'retryWhen(…)', library: 'RxJS' } },
      { messageId: 'operatorWithoutDelay', line: 12, column: 46, endLine: 12, endColumn: 89, data: { setting: 'retryWhen(…)', count: '2' } },
    ],
  },
  // RxJS retry() over an HTTP call: without a delay it resubscribes, and sends again, at once; with no
  // count it never stops; inside p-retry the attempts multiply.
  {
    code: `
import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { HttpService } from '@nestjs/axios';
import pRetry from 'p-retry';
import { firstValueFrom, retry } from 'rxjs';

@Injectable()
export class Catalog {
  private readonly http = inject(HttpClient);
  constructor(private readonly httpService: HttpService) {}

  items() {
    return this.http.get('/api/items').pipe(retry(3));
  }
  stock() {
    return this.httpService.get('https://stock.example.com/levels', { timeout: 5000 }).pipe(retry({ delay: 1000 }));
  }
  prices() {
    return pRetry(() => firstValueFrom(this.httpService.get('https://prices.example.com', { timeout: 5000 }).pipe(retry({ count: 5, delay: 100 }))), { retries: 3 });
  }
}
`,
    errors: [
      { messageId: 'operatorWithoutDelay', line: 14, column: 45, endLine: 14, endColumn: 53, data: { setting: 'retry(3)', count: '3' } },
      { messageId: 'foreverRetry', line: 17, column: 93, endLine: 17, endColumn: 115 },
      { messageId: 'nestedRetry', line: 20, column: 40, endLine: 20, endColumn: 60, data: { total: '24', breakdown: '6 (RxJS retry() on line 20) × 4 (p-retry on line 20)' } },
    ],
  },
  // An Angular interceptor's \`next.handle(request)\` sends the request on each subscription: \`retry(2)\` piped
  // onto it resends every request at once; one with a growing delay is paced.
  {
    code: `
import { Injectable } from '@angular/core';
import { HttpEvent, HttpHandler, HttpInterceptor, HttpRequest } from '@angular/common/http';
import { Observable, timer } from 'rxjs';
import { retry } from 'rxjs/operators';

@Injectable()
export class RetryInterceptor implements HttpInterceptor {
  intercept(request: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return next.handle(request).pipe(retry(2));
  }
}

@Injectable()
export class PacedRetryInterceptor implements HttpInterceptor {
  intercept(request: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return next.handle(request).pipe(retry({ count: 2, delay: (_error, attempt) => timer(2 ** attempt * 200) }));
  }
}
`,
    errors: [
      { messageId: 'operatorWithoutDelay', line: 10, column: 38, endLine: 10, endColumn: 46, data: { setting: 'retry(2)', count: '2' } },
    ],
  },
  // A functional interceptor's \`next(request)\` is the same chain as a function: the holder type
  // \`HttpInterceptorFn\` or the annotation \`HttpHandlerFn\` says so. A \`next\` of any other type is not read.
  {
    code: `
import { HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { retry, timer } from 'rxjs';

export const retryInterceptor: HttpInterceptorFn = (request, next) => next(request).pipe(retry(2));

export function bareInterceptor(request: HttpRequest<unknown>, next: HttpHandlerFn) {
  return next(request).pipe(retry(3));
}

export function pacedInterceptor(request: HttpRequest<unknown>, next: HttpHandlerFn) {
  return next(request).pipe(retry({ count: 2, delay: (_error, attempt) => timer(2 ** attempt * 200) }));
}

export const notAnInterceptor = (request: unknown, next: (value: unknown) => any) => next(request).pipe(retry(3));
`,
    errors: [
      { messageId: 'operatorWithoutDelay', line: 5, column: 90, endLine: 5, endColumn: 98, data: { setting: 'retry(2)', count: '2' } },
      { messageId: 'operatorWithoutDelay', line: 8, column: 29, endLine: 8, endColumn: 37, data: { setting: 'retry(3)', count: '3' } },
    ],
  },
  // Retries on an empty answer: a login that calls itself again whenever no token came back (it waits, but
  // never gives up), and a loop that re-reads at once until every document it expects is there.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export class Session {
  token = '';
  async login(username: string, password: string): Promise<string> {
    const res = await axios.get('https://auth.example.com/token', { params: { username, password }, timeout: 5000 });
    if (!res.data.token) {
      await sleep(5000);
      return this.login(username, password);
    }
    this.token = res.data.token;
    return this.token;
  }
}
export async function findOrders(collection: any, ids: string[]) {
  let fetchAttempts = 5;
  let orders: unknown[] = [];
  while (fetchAttempts > 0 && orders.length !== ids.length) {
    fetchAttempts--;
    for (const id of ids) orders = await collection.find({ _id: { $in: ids }, after: id }).toArray();
  }
  return orders;
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 10, column: 14, endLine: 10, endColumn: 24, suggestions: [], data: { retry: 'the recursive call on an empty answer on line 10', endless: 'while the dependency keeps answering with nothing it is asked again forever, adding load for an answer that may never come' } },
      { messageId: 'noBackoff', line: 19, column: 3, endLine: 19, endColumn: 8, suggestions: [], data: { retry: 'the while-loop on line 19' } },
    ],
  },
  // Counted recursions nest: a page lookup retried 4 times (\`tries > 3\` leaves) whose every attempt checks a URL
  // that is itself retried 7 times makes up to 28 requests.
  {
    code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function exists(url: string, tries = 0): Promise<boolean> {
  if (tries > 6) return false;
  try {
    return (await axios.head(url, { timeout: 2000 })).status === 200;
  } catch {
    await sleep(100 * 2 ** tries);
    return exists(url, tries + 1);
  }
}

export async function pages(id: string, tries = 0): Promise<unknown> {
  if (!id || tries > 3) return false;
  try {
    if (!(await exists(\`https://img.example.com/\${id}.jpg\`))) return [];
    return (await axios.get(\`https://api.example.com/illust/\${id}/pages\`, { timeout: 5000 })).data;
  } catch {
    await sleep(500 * 2 ** tries);
    return pages(id, tries + 1);
  }
}
`,
    errors: [{
      messageId: 'nestedRetry', line: 18, column: 17, endLine: 18, endColumn: 23, suggestions: [],
      data: { total: '28', breakdown: '7 (the recursive call in the catch on line 11) × 4 (the recursive call in the catch on line 22)' },
    }],
  },
  // Promise code: a failed status sends the request again from a \`.then\`, after a timer promise, with no limit.
  {
    code: `
const fetchAndRetry = (url: string): Promise<Response> =>
  fetch(url, { signal: AbortSignal.timeout(5000) }).then((response) => {
    if (response.status > 500 || response.status === 429) {
      return new Promise((resolve) => setTimeout(resolve, 1000)).then(() => fetchAndRetry(url));
    }
    return response;
  });
export default fetchAndRetry;
`,
    errors: [{ messageId: 'unboundedRetry', line: 5, column: 77, endLine: 5, endColumn: 90, suggestions: [], data: { retry: 'the recursive call scheduled on a failed status on line 5', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } }],
  },
  // A retry helper written for callers in other files: its name says it retries, so what it is handed
  // counts as remote. The recursion runs inside a promise's executor, which runs at once; the timer waits,
  // but nothing counts the tries.
  {
    code: `
const backoff = (delegate) => (...args) => {
  const runWithBackoff = (tries = 0) => delegate(...args).catch(() => new Promise((resolve) => {
    setTimeout(() => resolve(runWithBackoff(tries + 1)), Math.min(1000 * 2 ** tries, 60_000));
  }));
  return runWithBackoff();
};
module.exports = backoff;
`,
    errors: [{
      messageId: 'unboundedRetry', line: 4, column: 30, endLine: 4, endColumn: 44,
      data: { retry: 'the recursive call scheduled from .catch() on line 4', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' },
    }],
  },
  // A method of a class named for retrying, handed its attempt by callers in other files (a decorator):
  // the class's name says what it is handed fails transiently, and the loop goes round at once.
  {
    code: `
export class RetryManager {
  constructor(private readonly count: number) {}

  async runAsync<T>(fn: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    let count = 0;
    while (count < this.count) {
      try {
        return await fn();
      } catch (e) {
        lastError = e;
        count++;
      }
    }
    throw lastError;
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 8, column: 5, endLine: 8, endColumn: 10, data: { retry: 'the while-loop on line 8' } }],
  },
  // A work list whose failed items go back on it: the loop runs until every item has succeeded, so a
  // failure that lasts keeps it going, with nothing between the rounds.
  {
    code: `
interface Job { id: string; url: string }
export async function deliver(queue: Job[]) {
  while (queue.length > 0) {
    const job = queue.shift()!;
    try {
      await fetch(job.url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch {
      queue.push(job);
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 4, column: 3, endLine: 4, endColumn: 8, data: { retry: 'the while-loop that sends what failed in `queue` again on line 4', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 8, data: { retry: 'the while-loop that sends what failed in `queue` again on line 4' } },
    ],
  },
  // The same, where the list is a class's and a method two calls away fills it.
  {
    code: `
export class Downloader {
  failed: string[] = [];

  async fetchDay(day: string) {
    try {
      const response = await fetch(\`https://data.example.com/\${day}.zip\`, { signal: AbortSignal.timeout(10_000) });
      return await response.arrayBuffer();
    } catch (error) {
      console.error(day, error);
      this.failed.push(day);
      return undefined;
    }
  }

  process = (day: string) => this.fetchDay(day);

  async run(days: string[]) {
    await Promise.all(days.map((day) => this.process(day)));
    while (this.failed.length > 0) {
      const again = this.failed;
      this.failed = [];
      await Promise.all(again.map((day) => this.process(day)));
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 20, column: 5, endLine: 20, endColumn: 10, data: { retry: 'the while-loop that sends what failed in `this.failed` again on line 20', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 20, column: 5, endLine: 20, endColumn: 10, data: { retry: 'the while-loop that sends what failed in `this.failed` again on line 20' } },
    ],
  },
  // The same executor, resolved at once with the next attempt: bounded, and no wait.
  {
    code: `
import axios from 'axios';
export function postWithRetry(url: string, body: unknown, left = 3): Promise<unknown> {
  return axios.put(url, body, { timeout: 5000 }).catch((error) => (left > 0 ? new Promise((resolve) => resolve(postWithRetry(url, body, left - 1))) : Promise.reject(error)));
}
`,
    errors: [{ messageId: 'noBackoff', line: 4, column: 112, endLine: 4, endColumn: 125, data: { retry: 'the recursive call in .catch() on line 4' } }],
  },
  // A helper that returns false from its catch, and a caller that schedules itself again when it sees it
  // (the else of \`if (success)\`): nothing counts the rounds.
  {
    code: `
class RankingScheduler {
  async fetchRanking() {
    try {
      const res = await fetch('https://api.example.com/ranking', { signal: AbortSignal.timeout(5000) });
      await res.json();
      return true;
    } catch (error) {
      console.error(error);
      return false;
    }
  }
  async executeTask() {
    const success = await this.fetchRanking();
    if (success) {
      this.scheduleNext();
    } else {
      this.retryTimer = setTimeout(() => {
        this.executeTask();
      }, 600000);
    }
  }
  scheduleNext() {}
}
module.exports = RankingScheduler;
`,
    errors: [{
      messageId: 'unboundedRetry', line: 19, column: 9, endLine: 19, endColumn: 25,
      data: { retry: 'the recursive call scheduled when this.fetchRanking() returns false on line 19', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' },
    }],
  },
  // A catch that reconnects before going round changes what the try uses, but by awaiting a new
  // connection: that is a retry, and it has no bound and no wait.
  {
    code: `
import { connect } from './db';
export async function poll(url: string) {
  let conn = await connect(url);
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000), headers: { session: conn.id } });
    } catch {
      conn = await connect(url);
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 5, column: 3, endLine: 5, endColumn: 8, data: { retry: 'the while-loop on line 5', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 5, column: 3, endLine: 5, endColumn: 8, data: { retry: 'the while-loop on line 5' } },
    ],
  },
  // A recursion from a catch runs its whole function again, so a retry before its try (convert(), itself
  // a catch recursion of 4 attempts) nests inside it: 4 × 4.
  {
    code: `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function convert(id: string, retry = 0): Promise<string> {
  if (retry > 3) throw new Error('conversion failed');
  try {
    const res = await fetch(\`https://convert.example.com/\${id}\`, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    return await res.text();
  } catch {
    await sleep(2000);
    return convert(id, retry + 1);
  }
}
export async function toGif(id: string, retry = 0): Promise<string> {
  if (retry > 3) throw new Error('gif failed');
  const video = await convert(id);
  try {
    const res = await fetch(\`https://gif.example.com/\${video}\`, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    return await res.text();
  } catch {
    await sleep(500);
    return toGif(id, retry + 1);
  }
}
`,
    errors: [{
      messageId: 'nestedRetry', line: 15, column: 23, endLine: 15, endColumn: 30, suggestions: [],
      data: { total: '16', breakdown: '4 (the recursive call in the catch on line 10) × 4 (the recursive call in the catch on line 21)' },
    }],
  },
  // Timers that run the function again by reference: a named function (localtunnel's getUrl), and a
  // CommonJS export through the module's \`this\`. Both wait; neither counts.
  {
    code: `
const axios = require('axios');
function getUrl(uri, cb) {
  axios.get(uri, { timeout: 5000 })
    .then((res) => cb(null, res.data))
    .catch(() => setTimeout(getUrl, 1000, uri, cb));
}
exports.saveAll = async (bucket, data) => {
  try {
    await axios.put(\`https://storage.example.com/\${bucket}\`, data, { timeout: 5000 });
  } catch (e) {
    setTimeout(this.saveAll, 2000, bucket, data);
  }
};
module.exports.getUrl = getUrl;
`,
    errors: [
      { messageId: 'unboundedRetry', line: 6, column: 18, endLine: 6, endColumn: 28, data: { retry: 'the recursive call scheduled from .catch() on line 6', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'unboundedRetry', line: 12, column: 5, endLine: 12, endColumn: 15, data: { retry: 'the recursive call scheduled from the catch on line 12', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
    ],
  },
  // A recursion bounded only by what failed, a loop around a function of the file that calls axios (judged
  // by its body, not its name), and loops that go round at once around functions that wait in their own
  // catch or while they poll.
  {
    code: `
import axios from 'axios';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Recursion that asks only what failed: the same timeout recurses for as long as it lasts.
export async function quote(symbol: string): Promise<unknown> {
  try {
    return (await axios.get(\`https://quotes.example.com/\${symbol}\`, { timeout: 5000 })).data;
  } catch (error) {
    if (!axios.isAxiosError(error) || error.code !== 'ECONNABORTED') throw error;
    await sleep(1000);
    return quote(symbol);
  }
}

// A function of the file is judged by its body: loadItem() calls axios.
async function loadItem(id: string) {
  return (await axios.get(\`https://items.example.com/\${id}\`, { timeout: 5000 })).data;
}
export async function item(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await loadItem(id);
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

// loadPrice() waits in its own catch; the loop around it does not.
async function loadPrice(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await axios.get(\`https://prices.example.com/\${id}\`, { timeout: 5000 })).data;
    } catch (error) {
      if (attempt === 2) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}
export async function price(id: string) {
  for (let round = 0; round < 6; round++) {
    try {
      return await loadPrice(id);
    } catch (error) {
      if (round === 5) throw error;
    }
  }
}

// createOrder() waits while it polls the order; when it fails, the loop around it goes round at once.
async function createOrder(body: unknown) {
  let order = (await axios.post('https://orders.example.com/orders', body, { timeout: 5000 })).data;
  for (let poll = 0; poll < 10 && order.status === 'pending'; poll++) {
    await sleep(500);
    order = (await axios.get(\`https://orders.example.com/orders/\${order.id}\`, { timeout: 5000 })).data;
  }
  return order;
}
export async function placeOrder(body: unknown) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await createOrder(body);
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 13, column: 12, endLine: 13, endColumn: 17, data: { retry: 'the recursive call in the catch on line 13', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 22, column: 3, endLine: 22, endColumn: 6, data: { retry: 'the for-loop on line 22' } },
      { messageId: 'noBackoff', line: 43, column: 3, endLine: 43, endColumn: 6, data: { retry: 'the for-loop on line 43' } },
      { messageId: 'nestedRetry', line: 45, column: 20, endLine: 45, endColumn: 29, data: { total: '18', breakdown: '3 (the for-loop on line 33) × 6 (the for-loop on line 43)' } },
      { messageId: 'noBackoff', line: 62, column: 3, endLine: 62, endColumn: 6, data: { retry: 'the for-loop on line 62' } },
    ],
  },
  // Attempts of a while-loop counted against a const, nested in a loop bounded by a setting's default.
  {
    code: `
import axios from 'axios';

// A while-loop counted by a const bound inside a for-loop whose bound is a caller's setting with a default.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function inner(url: string) {
  const maxRetries = 2;
  let attempt = 0;
  while (attempt <= maxRetries) {
    try {
      return (await axios.get(url, { timeout: 5000 })).data;
    } catch (err) {
      attempt++;
      if (attempt > maxRetries) throw err;
      await sleep(200 * 2 ** attempt);
    }
  }
}
export async function outer(url: string, opts?: { max?: number }) {
  const max = opts?.max ?? 5;
  for (let i = 0; i <= max; i++) {
    try {
      return await inner(url);
    } catch (e) {
      if (i === max) throw e;
      await sleep(1000);
    }
  }
}
`,
    errors: [{ messageId: 'nestedRetry', line: 23, column: 20, endLine: 23, endColumn: 25, data: { total: '18', breakdown: '3 (the while-loop on line 9) × 6 (the for-loop on line 21)' } }],
  },
  // A hand-written retry around an SDK client of the table (OpenAI): its methods are remote calls.
  {
    code: `
import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 20_000 });

// A hand-written retry around an SDK client of the table: its methods are remote calls.
export async function complete(prompt: string) {
  while (true) {
    try {
      return await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
    } catch (error) {
      console.warn('retrying', error);
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 8, column: 3, endLine: 8, endColumn: 8, data: { retry: 'the while-loop on line 8', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 8, column: 3, endLine: 8, endColumn: 8, data: { retry: 'the while-loop on line 8' } },
    ],
  },
  // A \`.catch()\` recursion inside the success callback of a timer's promise: the function's own chain, which waits.
  {
    code: `
// The attempt runs in a timer promise's \`.then()\`, and its \`.catch()\` runs the function again with a longer
// delay: it waits, but nothing ends it while the 502s last.
export async function complete(url: string, delayMs = 0): Promise<unknown> {
  return new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
    fetch(url, { signal: AbortSignal.timeout(5000) }).catch((error: { status?: number }) => {
      if (error.status === 502) return complete(url, (delayMs || 2000) * 2);
      throw error;
    }),
  );
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 7, column: 40, endLine: 7, endColumn: 48, data: { retry: 'the recursive call in .catch() on line 7', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } }],
  },
  // A catch that keeps the last failure's message changes nothing the next round sends: the try reads it
  // only in what the loop leaves with, so the loop goes round at once after a 408 or a dropped connection.
  {
    code: `
export async function extractDocument(documentUrl: string): Promise<string> {
  let lastError = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await fetch('https://parser.example.com/v1/parse?url=' + encodeURIComponent(documentUrl), { signal: AbortSignal.timeout(90_000) });
      if (!response.ok) {
        lastError = \`parser answered \${response.status}\`;
        if (response.status === 408 && attempt < 2) continue;
        return \`[failed: \${lastError}]\`;
      }
      return (await response.json()).markdown;
    } catch (error) {
      lastError = error instanceof Error ? error.message : 'unknown error';
      if (attempt === 2) throw new Error(lastError);
    }
  }
  return \`[failed: \${lastError}]\`;
}
`,
    errors: [{ messageId: 'noBackoffOnce', line: 4, column: 3, endLine: 4, endColumn: 6, data: { retry: 'the for-loop on line 4' } }],
  },
  // An attempt that leaves only when the answer holds something: an empty answer falls out of the try and,
  // like the failures the catch logs, goes round at once.
  {
    code: `
export async function complete(prompt: string, maxRetries = 3): Promise<string | null> {
  for (let i = 0; i < maxRetries; i++) {
    try {
      const response = await fetch('https://llm.example.com/v1/complete', { method: 'POST', body: JSON.stringify({ prompt }), signal: AbortSignal.timeout(30_000) });
      const data = await response.json();
      const content = data?.choices?.[0]?.message?.content;
      if (typeof content === 'string' && content.length > 0) return content;
    } catch (error) {
      console.warn(\`attempt \${i + 1} failed\`, error);
    }
  }
  return null;
}
`,
    errors: [{ messageId: 'noBackoff', line: 3, column: 3, endLine: 3, endColumn: 6, data: { retry: 'the for-loop on line 3' } }],
  },
  // A bound kept in a field the constructor sets once counts as the literal it holds: the failed-status
  // recursion, awaited inside the try, runs under the catch's, and the attempts multiply.
  {
    code: `
export class CrmClient {
  private readonly maxRetries: number;
  constructor(private readonly baseUrl: string) {
    this.maxRetries = 3;
  }
  private sleep(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }
  async send(path: string, init: RequestInit, retryCount = 0): Promise<Response> {
    try {
      const response = await fetch(this.baseUrl + path, { ...init, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) {
        if (retryCount < this.maxRetries) {
          await this.sleep(1000 * (retryCount + 1));
          return await this.send(path, init, retryCount + 1);
        }
        throw new Error(\`HTTP \${response.status}\`);
      }
      return response;
    } catch (error) {
      if (retryCount < this.maxRetries) {
        await this.sleep(1000 * (retryCount + 1));
        return this.send(path, init, retryCount + 1);
      }
      throw error;
    }
  }
}
`,
    errors: [{ messageId: 'nestedRetry', line: 14, column: 24, endLine: 14, endColumn: 33, data: { total: '16', breakdown: '4 (the recursive call on a failed status on line 14) × 4 (the recursive call in the catch on line 22)' }, suggestions: [] }],
  },
  // Device clouds answer 200 with an error code in the body, 0 for success: a loop that leaves on it, also
  // read as a number or beside a presence check, goes round on every other answer and failure.
  {
    code: `
import axios from 'axios';
export async function listAppliances(url: string) {
  for (let retryCount = 0; retryCount < 3; retryCount++) {
    try {
      const response = await axios.get(url, { timeout: 10_000 });
      if (response.data.code !== undefined) {
        if (Number.parseInt(response.data.code) === 0) return response.data.data;
      }
    } catch (error) {
      if (retryCount === 2) throw error;
    }
  }
  throw new Error('no answer');
}
export async function deviceStatus(url: string) {
  for (let retryCount = 0; retryCount < 3; retryCount++) {
    try {
      const response = await axios.get(url, { timeout: 10_000 });
      if (response.data.errorCode !== undefined && Number.parseInt(response.data.errorCode) === 0 && response.data.result !== undefined) return response.data.result;
    } catch (error) {
      if (retryCount === 2) throw error;
    }
  }
  throw new Error('no answer');
}
`,
    errors: [
      { messageId: 'noBackoff', line: 4, column: 3, endLine: 4, endColumn: 6, data: { retry: 'the for-loop on line 4' } },
      { messageId: 'noBackoff', line: 17, column: 3, endLine: 17, endColumn: 6, data: { retry: 'the for-loop on line 17' } },
    ],
  },
  // A catch that reconnects and hands the new connection to the request as an argument still sends the
  // same request again at once.
  {
    code: `
import { MongoClient, type Db } from 'mongodb';
declare function insertEvent(db: Db, event: object): Promise<void>;
export async function record(event: object, uri: string) {
  let db = (await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 })).db('events');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await insertEvent(db, event);
    } catch (error) {
      db = (await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 })).db('events');
    }
  }
  return undefined;
}
`,
    errors: [{ messageId: 'noBackoff', line: 6, column: 3, endLine: 6, endColumn: 6, data: { retry: 'the for-loop on line 6' } }],
  },
  // The same inner retry through a function that logs and throws the failure on: the outer retry runs it
  // again, and the attempts multiply.
  {
    code: rolesThroughRetry("console.warn('roles failed', error);\n    throw error;"),
    errors: [{ messageId: 'nestedRetry', line: 24, column: 24, endLine: 24, endColumn: 33, data: { total: '16', breakdown: '4 (retryOperation() (the recursive call in the catch on line 9) on line 16) × 4 (the recursive call scheduled from the catch on line 26)' }, suggestions: [] }],
  },
  // A client held under a snake_case name, called through one of its resources: a remote call the catch
  // schedules again forever.
  {
    code: `
import { getHubspotClient } from './hubspot';
export async function markSynced(id: string): Promise<void> {
  try {
    const hs_client = getHubspotClient();
    await hs_client.contacts.updateContact(id, { sync_completed: true });
  } catch (error) {
    setTimeout(() => markSynced(id), 5000);
  }
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 8, column: 22, endLine: 8, endColumn: 32, data: { retry: 'the recursive call scheduled from the catch on line 8', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } }],
  },
  // A count passed to a function that takes no parameter is never received: the bound tests a value that
  // stays 1, so a failing webhook is processed again every 5 s forever.
  {
    code: `
import axios from 'axios';
export function handleWebhook(objectId: string): void {
  const MAX_RETRIES = 3;
  let attempt = 1;
  async function processWebhook() {
    try {
      await axios.get(\`https://api.hubapi.com/crm/v3/objects/contacts/\${objectId}\`, { timeout: 10_000 });
    } catch (error) {
      if (attempt < MAX_RETRIES) setTimeout(() => processWebhook(attempt + 1), 5000 * attempt);
    }
  }
  void processWebhook();
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 10, column: 51, endLine: 10, endColumn: 65, data: { retry: 'the recursive call scheduled from the catch on line 10', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } }],
  },
  // Two readings of one recursion (success returns first, then a 5xx test guards the call) are one retry,
  // reported once.
  {
    code: `
export async function getWithRetry(retries: number, url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (response.ok) return response;
  if (retries < 2 && response.status >= 500) {
    return getWithRetry(retries + 1, url);
  }
  throw new Error(String(response.status));
}
`,
    errors: [{ messageId: 'noBackoff', line: 6, column: 12, endLine: 6, endColumn: 24, data: { retry: 'the recursive call on a failed status on line 6' } }],
  },
  // A flag set when something came back (an id) marks success, not a poll: an empty answer or a failure
  // goes round, here forever and at once.
  {
    code: `
import axios from 'axios';
export async function createOrder(order: object) {
  let created = false;
  let id: string | undefined;
  while (!created) {
    try {
      const { data } = await axios.put('https://shop.example.com/orders/next', order, { timeout: 5000 });
      if (data.id) {
        id = data.id;
        created = true;
      }
    } catch (error) {
      console.error(error);
    }
  }
  return id;
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 6, column: 3, endLine: 6, endColumn: 8, data: { retry: 'the while-loop on line 6', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 6, column: 3, endLine: 6, endColumn: 8, data: { retry: 'the while-loop on line 6' } },
    ],
  },
  // Success told by a good status (\`else { success = true }\` under \`!response.ok\`) is success leaving, not a
  // poll's "not yet": the loop retries the failures at once.
  {
    code: `
export async function deliver(url: string, payload: object, maxRetries = 3) {
  let attempt = 0;
  let success = false;
  while (attempt < maxRetries && !success) {
    try {
      const response = await fetch(url, { method: 'PUT', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
      if (!response.ok) {
        console.error(\`webhook failed with \${response.status}\`);
      } else {
        success = true;
      }
    } catch (error) {
      console.error(error);
    }
    attempt++;
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 5, column: 3, endLine: 5, endColumn: 8, data: { retry: 'the while-loop on line 5' } }],
  },
  // A generation counter (raised to tell stale runs apart) bounds nothing: the reconnect goes on while started.
  {
    code: `
export class Realtime {
  private isStarted = true;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  restart() {
    this.generation++;
    void this.start();
  }
  private async start(): Promise<void> {
    const generation = this.generation;
    try {
      await fetch('https://realtime.example.com/subscribe', { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (this.isStarted && generation === this.generation) this.scheduleRetry();
    }
  }
  private scheduleRetry(): void {
    if (!this.isStarted || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, 5000);
  }
}
`,
    errors: [{ messageId: 'unboundedRetry', line: 15, column: 61, endLine: 15, endColumn: 79, data: { retry: 'the recursive call scheduled from the catch on line 15', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } }],
  },
  // Parameters passed back in another order, with the count moved on, send nothing new; and a flag set on
  // a 404 or a good status marks the answer, not a job's state: both stay retries.
  {
    code: `
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const fetchRetry = async (retryCount: number, url: string, options: RequestInit): Promise<unknown> => {
  try {
    return await fetch(url, { ...options, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    await delay(5000);
    return fetchRetry(url as never, options as never, (retryCount - 1) as never);
  }
};
export async function hasAsset(url: string): Promise<boolean> {
  let result: boolean | null = null;
  for (let attempt = 0; attempt < 3 && result === null; attempt++) {
    try {
      const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
      if (res.status === 404) result = false;
      else if (res.ok) result = true;
    } catch {
      result = null;
    }
  }
  return result === true;
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 8, column: 12, endLine: 8, endColumn: 22, data: { retry: 'the recursive call in the catch on line 8', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 13, column: 3, endLine: 13, endColumn: 6, data: { retry: 'the for-loop on line 13' } },
    ],
  },
  // The way round is every failure but a timeout: a reset connection goes round at once.
  {
    code: quoteLoop("      if (error.code !== 'ETIMEDOUT') continue;\n      throw error;\n"),
    errors: [{ messageId: 'noBackoff', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [] }],
  },
  // A recursion on any failed status that splits the batch sends both halves at once after a 5xx: a burst,
  // though each half is another request (set N's outboundhero postChunk).
  {
    code: `
export async function postChunk(chunk: string[], depth: number): Promise<void> {
  if (chunk.length === 0) return;
  const res = await fetch('https://api.example.com/leads/create-or-update/multiple', {
    method: 'POST', body: JSON.stringify({ leads: chunk }), signal: AbortSignal.timeout(30000),
  });
  if (!res.ok) {
    if (chunk.length === 1 || depth > 10) throw new Error(\`HTTP \${res.status}\`);
    // Split to isolate a malformed lead, on any failure: a 5xx sends both halves at once.
    const mid = Math.floor(chunk.length / 2);
    await postChunk(chunk.slice(0, mid), depth + 1);
    await postChunk(chunk.slice(mid), depth + 1);
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 11, column: 11, endLine: 11, endColumn: 20, suggestions: [] }],
  },
  // A retry that goes round only after its attempt timed out is reported: the timeout is no pause, and a
  // dependency that stopped answering in time is the one a burst of new attempts holds down.
  {
    code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 9900 });
export async function send(config: object, attempt = 1): Promise<unknown> {
  try {
    return await api(config);
  } catch (error: any) {
    if (error.code === 'ECONNABORTED' && attempt < 3) return send(config, attempt + 1);
    throw error;
  }
}
`,
    errors: [{ messageId: 'noBackoff', line: 8, column: 62, endLine: 8, endColumn: 66, suggestions: [] }],
  },
  {
    code: quoteLoop("      const timedOut = error instanceof Error && error.name === 'TimeoutError';\n      if (!timedOut || attempt === 2) throw error;\n", 'unknown'),
    errors: [{ messageId: 'noBackoff', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [] }],
  },
  // A \`continue\` on every failure but a timeout goes round at once; only a timeout's own way round has waited.
  {
    code: quoteLoop("      if (error.code !== 'ETIMEDOUT') continue;\n      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));\n"),
    errors: [{ messageId: 'noBackoffOnSomeFailures', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [] }],
  },
  // A failure classified by the application's enum as the network's goes round at once (its twin, an
  // authentication failure after a new sign-in, is a correction: see the valid cases).
  reported(classifiedLoop('NETWORK'), [6, 3, 6], 'noBackoffOnce'),
  // A count raised in the error-first callback that the way out never tests bounds nothing.
  reported(confirmRetry("err.message === 'fatal'"), [10, 65, 81], 'unboundedRetry'),
  // The same call that passes the user again goes round for as long as the failures last (its fallback twin,
  // which leaves the user out once, is a refusal case).
  reported(fallbackAsBot('postAs(channel, text, asUser)'), [11, 20, 26], 'unboundedRetry', 'noBackoff'),
  // Another Matrix error code than the rate limit's goes round for as long as it lasts (M_LIMIT_EXCEEDED is a refusal case).
  reported(matrixSend('M_UNKNOWN'), [5, 3, 6], 'unboundedRetry'),
  // Calling another method of the clock's timer than the one that settles when it is up waits for nothing.
  reported(clockWait('abort'), [6, 5, 8], 'noBackoff'),
  // A reconnect inside the runner's try is retried by it: each failure of the connection is tried 3 × 4 times.
  reported(poolRun('inside'), [21, 31, 45], 'nestedRetry'),
  // Draining on without dropping the head sends the same item again at once; an else under a test of
  // something else than the item's count goes round for as long as that lasts.
  reported(outbox('item.retries > 2', 'console.warn(\'dropping\', item.subject);'), [17, 14, 24], 'noBackoff'),
  reported(outbox('e instanceof TypeError', 'this.queue.shift();'), [19, 31, 41], 'unboundedRetry'),
  // A list that names another failure beside the second factor's sends again, at once, on that failure too.
  reported(secondFactorPost("['totp-required', 'rate-limited']"), [14, 26, 38], 'unboundedRetry', 'noBackoff'),
  // Waiting only after a failure, it would spin on an empty answer: it expects members or a failure, and
  // retries failures for as long as they last (matrix-appservice-irc's member list syncer).
  reported(untilMembers(''), [5, 3, 8], 'unboundedRetry'),
  // A limiter method that only counts waits for nothing.
  reported(limiterPause('console.log(\'delaying\', ms);'), [15, 14, 22], 'noBackoff'),
  // Logging any other failure and going round sends it again at once.
  reported(enrichLoop("console.error('failed', e);"), [7, 3, 8], 'noBackoffOnSomeFailures'),
  // A server shut down (57P01) is a failure, not a refusal the code corrects; a serialization failure
  // (40001) tested by the same predicate is no conflict the code picks a new value for.
  reported(missingTable('57P01'), [10, 14, 26], 'unboundedRetry', 'noBackoff'),
  reported(receiptLoop('40001'), [11, 5, 8], 'noBackoff'),
  // The same address again, only logged, goes round for as long as the redirect fails.
  reported(feedUpgrade("console.warn('redirect failed', url);"), [10, 16, 24], 'unboundedRetry', 'noBackoff'),
  // A rewrite before the attempt, at the top of the function or in the try, is made on every round: the
  // same request goes again (Pixiv_bot's head_url, 1940s-scraper's downloadImage).
  reported(`
export async function headUrl(url: string, tries = 0): Promise<boolean> {
  url = url.replace('i-cf.example.net', 'i.example.net');
  try {
    return (await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return headUrl(url, tries);
  }
}
`, [7, 12, 19], 'unboundedRetry', 'noBackoff'),
  // The same helper around a request to the ledger's server goes round at once.
  reported(mapLedger("(await fetch(\`https://ledger.example.com/wallets/\${key}\`, { signal: AbortSignal.timeout(5000) })).json()"), [9, 5, 8], 'noBackoff'),
  // A 5xx tested inside the failure branch of `if (!res.ok)` goes round at once (mgkdante/transit's snapshot loader).
  reported(nestedStatusLoop('GET', 'res.status >= 500', ''), [4, 3, 8], 'noBackoff'),
  // An empty answer waits before the next attempt; a failure only logged goes round at once.
  reported(transcriptLoop(''), [4, 3, 6], 'noBackoffOnSomeFailures'),
  // The listing asked again as it was: one more attempt at once.
  reported(refusedFilter(''), [9, 23, 32], 'noBackoffOnce'),
  // A function handed the count that only logs it bounds nothing.
  reported(rangePull("console.warn('still failing', tries);"), [15, 3, 8], 'unboundedRetry'),
  // Saved again whenever the browser says it is online: at once, and for as long as it fails.
  reported(saveAgainIf('navigator.onLine'), [7, 14, 18], 'unboundedRetry', 'noBackoff'),
  // The same pair taken each time: the same connection, at once, for as long as it fails.
  reported(credentialChain('CREDENTIALS[idx]'), [15, 32, 39], 'unboundedRetry', 'noBackoff'),
  // A method of an AWS SDK v2 client is remote, whatever it is called (LambStatus' SES mailer).
  reported(`
import AWS from 'aws-sdk';
const ses = new AWS.SES({ region: 'eu-west-1' });
export async function deliver(params: AWS.SES.SendEmailRequest) {
  let last: unknown;
  for (let i = 0; i < 3; i++) {
    try {
      return await ses.sendEmail(params).promise();
    } catch (err) {
      last = err;
    }
  }
  throw last;
}
`, [6, 3, 6], 'noBackoff'),
  // The count only picks the delay: nothing stops the pull.
  reported(countedDelayPull(''), [13, 24, 33], 'unboundedRetry'),
  // A private field named for an API client is one, as a public one is (OctoFarm's printer link).
  reported(`
// retry the ping
export class PrinterLink {
  #api: { ping(url: string): Promise<unknown> };
  constructor(private url: string, api: any) { this.#api = api; }
  async enable(): Promise<unknown> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.#api.ping(this.url);
      } catch (err) {
        console.warn('ping failed', err);
      }
    }
    return undefined;
  }
}
`, [7, 5, 8], 'noBackoff'),
  // A string flag whose value names the retry (TF2Autobot's catalog download): one more attempt at once after a timeout.
  reported(`
import axios from 'axios';
export function loadCatalog(attempt: 'first' | 'retry' = 'first'): Promise<string> {
  return axios
    .get<string>('https://cdn.example.com/catalog.txt', { timeout: 60000 })
    .then((res) => res.data)
    .catch((err) => {
      if (axios.isCancel(err) && attempt !== 'retry') return loadCatalog('retry');
      throw err;
    });
}
`, [8, 62, 73], 'noBackoffOnce'),
  // The same save through an RPC client goes to a remote service.
  reported(channelSave('rpc'), [5, 3, 6], 'noBackoff'),
  // A helper run by a loop whose count is unread and by a counted one nests in the counted one, reported there.
  {
    code: twoLoopsOverHelper('Number(process.env.SEED_TRIES)'),
    errors: [{ messageId: 'nestedRetry', line: 26, column: 20, endLine: 26, endColumn: 33, data: { total: '30', breakdown: '6 (the for-loop on line 3) × 5 (the for-loop on line 24)' }, suggestions: [] }],
  },
  // An empty answer asked again at once, for as long as it comes back empty.
  reported(pageLoader('!result.items'), [8, 14, 27], 'unboundedRetry', 'noBackoff'),
  // A pause between the answer and the test paces each round; nothing bounds them.
  reported(pageLoader('!result.items', '\n    await new Promise((resolve) => setTimeout(resolve, 150));'), [9, 14, 27], 'unboundedRetry'),
  // A loop of at most two attempts, by a conditional bound, goes round once at once (nexus_helpdesk's API client).
  reported(`
const SAFE = new Set(['GET', 'HEAD']);
export async function getJson<T>(url: string, method = 'GET'): Promise<T> {
  const safe = SAFE.has(method);
  let lastError: unknown;
  for (let attempt = 0; attempt < (safe ? 2 : 1); attempt += 1) {
    try {
      const response = await fetch(url, { method, signal: AbortSignal.timeout(8000) });
      if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
      return (await response.json()) as T;
    } catch (error) {
      lastError = error;
      if (!safe || attempt > 0) break;
    }
  }
  throw lastError;
}
`, [6, 3, 6], 'noBackoffOnce'),
  // Taking the index back sends the same item again, for as long as the connection keeps resetting.
  reported(renderEach('\n        i--;\n        continue;'), [4, 3, 6], 'unboundedRetry'),
  // supabase-js answers a failure as `{ error }`, a dropped connection included: the same update sent again
  // at once, and uploads retried with no pause, reach a service that has just failed.
  reported(supabaseMarkPaid(), [8, 24, 79], 'noBackoffOnce'),
  reported(supabaseUpload(), [5, 3, 6], 'noBackoff'),
  // A helper that may return lets the loop go round at once.
  reported(catchHandsToHelper('function report(error: unknown) {\n  if (error instanceof TypeError) return;\n  throw error;\n}'), [8, 3, 6], 'noBackoff'),
  reported(catchHandsToHelper('function report(error: unknown) {\n  console.warn(error);\n}'), [7, 3, 6], 'noBackoff'),
  // The create is retried by Stripe inside the loop: 3 × 5. A check in a try of its own, or a lookup in the
  // loop's catch, adds no layer (they are below); one whose failure reaches the loop's catch does.
  reported(stripeCouponLoop(''), [10, 28, 49], 'nestedRetry'),
  {
    ...reported(stripeCouponLoop('\n      await stripe.coupons.retrieve(coupon.id);'), [10, 28, 49], 'nestedRetry'),
    errors: [10, 11].map((line) => ({ messageId: 'nestedRetry' as const, line, column: line === 10 ? 28 : 13, endLine: line, endColumn: line === 10 ? 49 : 36, suggestions: [] })),
  },
  reported(stripeCouponLoop("\n      try {\n        await stripe.coupons.retrieve(coupon.id);\n      } catch (checkError) {\n        console.error('check failed', checkError);\n      }"), [10, 28, 49], 'nestedRetry'),
  reported(stripeCouponLoop('', "\n      if (error.code === 'resource_already_exists') {\n        try {\n          const found = await stripe.coupons.list({ limit: 1 });\n          if (found.data.length > 0) return found.data[0].id;\n        } catch (listError) {\n          console.warn('lookup failed', listError);\n        }\n      }"), [10, 28, 49], 'nestedRetry'),
  // A hook handed only the count has nothing to decide a wait from.
  reported(awaitedRetryHook('\n      await onRetry(ctx.tryNo);'), [4, 3, 8], 'noBackoff'),
  // A poll that waits only after a not-ready answer sends the next call at once after a failure.
  reported(countedReadinessPoll("\n      console.warn('status check failed', error);"), [3, 3, 6], 'noBackoffOnSomeFailures'),
  // Only success ends it: the callback the file passes is asked for ever.
  reported(cachedLoader('\n        timers.setTimeout(() => attempt(resolve), backoff * 60_000);\n        backoff *= 2;'), [12, 33, 40], 'unboundedRetry'),
  // Every failure goes back on the queue: a failure that lasts keeps it going.
  reported(throttleQueue('\n        await this.sleep(2000);\n        this.queue.unshift(job);'), [9, 5, 10], 'unboundedRetry'),
  // A message put back on the queue through the queue's own method is sent again at once.
  reported(offlineQueue('\n        if (msg.retries < 3) await this.enqueue(msg.body, msg.retries + 1);'), [15, 5, 10], 'noBackoff'),
  // Any failure of the app's own class comes back: a server that keeps failing is called for ever.
  reported(resendAfterReset('SyncError'), [8, 26, 35], 'unboundedRetry'),
  // A failed answer other than a conflict goes round at once.
  reported(slugLoop("upsert({ owner_id: ownerId, slug }, { onConflict: 'owner_id' })", ''), [7, 3, 6], 'noBackoff'),
  // A timeout goes round the recursion, and the client's own retries with it: 3 × 4.
  reported(formatWithRetry('timeout'), [9, 26, 56], 'nestedRetry'),
];

/** Must stay silent. */
const validCases: Array<ValidTestCase<Options> | string> = [
  // A try that logs and makes a WebSocket: its catch sees a malformed URL, not a failed connection.
  `
export class SocketClient {
  private ws: WebSocket | null = null;
  constructor(private url: string) {}
  connect(): void {
    try {
      console.log(\`Connecting to \${this.url}\`);
      this.ws = new WebSocket(this.url);
    } catch (error) {
      console.error(error);
      setTimeout(() => this.connect(), 1000);
    }
  }
}
`,
  // A drain loop that stops as soon as a round did not shrink the queue: a batch put back after a failure
  // waits for the next flush, it is not sent again here.
  `
export class EventQueue {
  private queue: unknown[] = [];
  async flush(): Promise<void> {
    const batch = this.queue.splice(0, 20);
    try {
      await fetch('https://collector.example.com/batch', { method: 'PUT', body: JSON.stringify(batch), signal: AbortSignal.timeout(5000) });
    } catch {
      this.queue.unshift(...batch);
    }
  }
  async flushAll(): Promise<void> {
    while (this.queue.length > 0) {
      const sizeBefore = this.queue.length;
      await this.flush();
      if (this.queue.length >= sizeBefore) break;
    }
  }
}
`,
  // The wait is an injected \`sleep\` or, by default, a timer promise: every repeat waits.
  `
export function createClient({ sleep }: { sleep?: (ms: number) => Promise<void> } = {}) {
  const doSleep = sleep || ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  async function get(url: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(url, { signal: AbortSignal.timeout(5000) });
      } catch (err) {
        if (attempt > 2) throw err;
        await doSleep(250 * 2 ** (attempt - 1));
      }
    }
  }
  return { get };
}
`,
  // A catch that goes round at once only after a 401 it has corrected by signing in again, and waits after
  // every other failure: the corrected resend is no retry of a failure.
  `
class ApiError extends Error {
  constructor(message: string, readonly httpStatus: number) { super(message); }
}
const DELAYS = [1000, 3000, 9000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function withRetry<T>(fn: () => Promise<T>, onUnauthorized: () => Promise<void>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= 3; attempt++) {
    try {
      return await fn();
    } catch (err: unknown) {
      lastError = err;
      if (err instanceof ApiError && err.httpStatus === 401 && attempt < 3) {
        await onUnauthorized();
        continue;
      }
      if (attempt < 3) await sleep(DELAYS[attempt]!);
    }
  }
  throw lastError;
}
export const load = () => withRetry(async () => (await fetch('https://api.example.com/track', { signal: AbortSignal.timeout(5000) })).json(), async () => {
  await fetch('https://api.example.com/auth', { method: 'POST', signal: AbortSignal.timeout(5000) });
});
`,
  // A catch around \`new EventSource(…)\` sees only a malformed URL: the stream reports a failed connection
  // through \`onerror\`, so the catch's reconnect retries no failed call.
  `
export function subscribe(isAuthenticated: () => boolean) {
  const delays = [1000, 2000, 5000, 10000, 30000];
  let attempt = 0;
  const connect = (): void => {
    try {
      const source = new EventSource('/api/notifications/stream', { withCredentials: true });
      source.addEventListener('message', () => { attempt = 0; });
    } catch {
      const delay = delays[Math.min(attempt, delays.length - 1)];
      attempt++;
      setTimeout(() => {
        if (isAuthenticated()) connect();
      }, delay);
    }
  };
  connect();
}
`,
  // The same reconnect, counted and capped in the method that schedules it.
  `
import * as amqp from 'amqplib';
export class RabbitMQService {
  private connection: unknown = null;
  private attempts = 0;
  private async connect(): Promise<void> {
    try {
      this.connection = await amqp.connect(process.env.RABBITMQ_URL!);
      this.attempts = 0;
    } catch (error) {
      console.error('Failed to connect to RabbitMQ', error);
      this.scheduleReconnect();
    }
  }
  private scheduleReconnect(): void {
    if (this.attempts >= 5) return;
    this.attempts++;
    setTimeout(() => void this.connect(), 1000 * 2 ** this.attempts);
  }
}
`,
  // A poll that leaves when the job's status says it is done is no retry: \`status\` is not the answer's
  // word for a call that succeeded.
  `
export async function waitForJob(url: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const job = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json();
      if (job.status === 'succeeded') return job;
    } catch {
      continue;
    }
  }
  return undefined;
}
`,
  // A page loop whose catch goes round only on a rate limit, after a wait, and breaks out on every other
  // failure: a refusal paced by the wait needs no count (a 429, or a message that names the rate limit).
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function load(url: string) {
  let cursor = '';
  let more = true;
  while (more) {
    try {
      const res = await fetch(url + cursor, { signal: AbortSignal.timeout(5000) });
      const body = await res.json();
      more = body.more;
      cursor = body.cursor;
    } catch (e) {
      if ((e as { status?: number }).status === 429) { await sleep(1000); continue; }
      break;
    }
  }
}
async function fetchOrdersPage(cursor?: string) {
  const res = await fetch(\`https://shop.example.com/admin/api/orders.json?cursor=\${cursor ?? ''}\`, { signal: AbortSignal.timeout(5000) });
  return res.json();
}
export async function syncOrders() {
  let cursor: string | undefined;
  let hasNextPage = true;
  while (hasNextPage) {
    try {
      const result = await fetchOrdersPage(cursor);
      hasNextPage = result.hasNextPage;
      cursor = result.endCursor;
    } catch (error: unknown) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      if (errorMessage.includes('rate limit') || (error as { status?: number }).status === 429) {
        await sleep(2000);
        continue;
      }
      break;
    }
  }
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
  // A failed status falls out of the try and waits after it, as the catch's failures do.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function verify(body: string): Promise<Response | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/verify', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
      if (res.ok) return res;
      console.warn(res.status);
    } catch (error) {
      console.warn(error);
    }
    await sleep(2 ** attempt * 1000);
  }
  return undefined;
}
`,
  // A failed status throws into the catch, which waits: no way round skips the wait.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function verify(body: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/verify', { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
      if (res.ok) return await res.json();
      throw new Error(String(res.status));
    } catch {
      await sleep(2 ** attempt * 1000);
    }
  }
  return undefined;
}
`,
  // A poll for a job's 200 (it answers 202 while running): what falls out of the try is not a failure.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function result(url: string): Promise<Response | undefined> {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return res;
    } catch {
      await sleep(2 ** attempt * 100);
    }
  }
  return undefined;
}
`,
  // From a fifth held-out review: a deadline read from \`new Date().getTime()\`, Function.prototype.call on a
  // local file read, and a stream consumer restarted after it fails. Each was reported by f3d2834.
  `
import axios from 'axios';
import * as fs from 'node:fs';
import Redis from 'ioredis';
import { WebSocket } from 'ws';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A deadline read from \`new Date().getTime()\` in the catch.
export async function untilDeadline(url: string, timeoutMs = 30_000) {
  const startTime = new Date().getTime();
  for (;;) {
    try {
      return (await axios.get(url, { timeout: 5000 })).data;
    } catch (err) {
      if (new Date().getTime() + 1000 > startTime + timeoutMs) throw err;
      await sleep(1000);
    }
  }
}

// Function.prototype.call on a local file read is no RPC \`call\`.
const readSync = fs.readSync;
export function patchedReadSync(fd: number, buffer: Buffer) {
  for (let attempts = 0; ;) {
    try {
      return readSync.call(fs, fd, buffer);
    } catch (er) {
      if ((er as NodeJS.ErrnoException).code === 'EAGAIN' && attempts < 10) {
        attempts++;
        continue;
      }
      throw er;
    }
  }
}

// A stream consumer whose try never ends but by failing: the catch restarts it.
const redis = new Redis({ connectTimeout: 5000, commandTimeout: 60_000 });
export async function readStream(clients: WebSocket[], lastId = '$'): Promise<void> {
  try {
    while (true) {
      const streams = await redis.xread('BLOCK', 0, 'STREAMS', 'deliveries', lastId);
      for (const [id, fields] of streams?.[0]?.[1] ?? []) {
        for (const client of clients) client.send(JSON.stringify(fields));
        lastId = id;
      }
    }
  } catch (err) {
    console.error('stream failed', err);
    setTimeout(() => readStream(clients, lastId), 1000);
  }
}
`,
  // From a second held-out review: a count the call is made under, a wait at the top of the try, a deadline at
  // the top of each round, an imported sleep named \`timeout\`, one switch to a proxy, and a name that asks
  // about a request (\`isSkipRequested\`) without making one. Each was reported by b984c17.
  `
import axios from 'axios';
import { isSkipRequested } from './hub';
import { timeout } from './time';

// A count the catch raises and the call is made under (\`if (attempts < max)\`), kept in a closure or on \`this\`.
export const retryFetch = (url: string, maxAttempts = 5) => {
  let attempts = 0;
  const tryFetch = async () => {
    try {
      await axios.get(url, { timeout: 5000 });
    } catch {
      attempts++;
      if (attempts < maxAttempts) setTimeout(tryFetch, 3000);
    }
  };
  return tryFetch();
};
export class Loader {
  retries = 0;
  async run(url: string): Promise<void> {
    try {
      await axios.get(url, { timeout: 5000 });
    } catch {
      this.retries++;
      if (this.retries < 5) setTimeout(() => this.run(url), 3000);
    }
  }
}

// A wait at the top of the try, before the request, that every repeat passes through.
export async function load(url: string) {
  let attempts = 0;
  async function attempt(): Promise<unknown> {
    try {
      if (attempts) await new Promise((resolve) => setTimeout(resolve, 500));
      attempts++;
      return (await axios.get(url, { timeout: 5000 })).data;
    } catch (error) {
      if (attempts < 3) return attempt();
      throw error;
    }
  }
  return attempt();
}

// A deadline checked at the top of each round, and an imported sleep named \`timeout\`.
export async function pollUntil(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const isLastAttempt = Date.now() >= deadline;
    if (isLastAttempt) return (await axios.get(url, { timeout: 5000 })).data;
    try {
      return (await axios.get(url, { timeout: 5000 })).data;
    } catch {
      await timeout(1000);
    }
  }
}

// One switch to a proxy, passed only once there is one (\`if (proxyUrl)\`): no retry.
declare function getProxyUrl(): string | undefined;
export async function simpleFetch(url: string, proxy?: string): Promise<string> {
  const response = await axios.get(url, { timeout: 5000, proxy: proxy ? { host: proxy, port: 8080 } : false, validateStatus: () => true });
  if (response.status === 403 || response.status === 503) {
    if (!proxy) {
      const proxyUrl = getProxyUrl();
      if (proxyUrl) return simpleFetch(url, proxyUrl);
    }
    throw new Error(\`blocked \${response.status}\`);
  }
  return response.data;
}

// \`isSkipRequested()\` asks about a request; it makes none, and nothing else here is remote.
export async function runFile(file: string, run: (file: string) => Promise<void>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if (isSkipRequested(file)) return;
      return await run(file);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
}
`,
  `
import axios from 'axios';

const MAX_RETRIES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A count passed on inside the options object: \`{ ...options, retryCount: retryCount + 1 }\`.
export async function makeRequest(options: { url: string; retryCount?: number }): Promise<unknown> {
  const { url, retryCount = 0 } = options;
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (error) {
    if (retryCount < MAX_RETRIES) {
      await sleep(1000);
      return makeRequest({ ...options, retryCount: retryCount + 1 });
    }
    throw error;
  }
}
`,
  // A policy of another module that decides (and may wait), a repeat of refused connections only with a wait,
  // a deadline made before the loop that each attempt races, and a stream reader whose catch cancels it.
  `
import axios from 'axios';
import * as net from 'node:net';
import { getRetryConfig } from './retry-config';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A decision taken by a policy of another module, handed the failure and awaited: it may count the
// attempts and wait out the delay itself.
export async function request(config: { url: string }): Promise<unknown> {
  try {
    return (await axios.get(config.url, { timeout: 5000 })).data;
  } catch (error) {
    const { shouldRetry } = await getRetryConfig(error);
    if (shouldRetry) return request(config);
    throw error;
  }
}

// Only a refused connection goes round, after a wait: nothing was sent, and the server paces it.
export function connectLocal(port: number, onReady: (socket: net.Socket) => void): void {
  const socket = net.connect({ host: 'app.internal', port, timeout: 5000 });
  socket.once('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNREFUSED') return socket.destroy();
    setTimeout(() => connectLocal(port, onReady), 1000);
  });
  socket.once('connect', () => onReady(socket));
}

// A deadline made before the loop and raced by each attempt ends the loop when it passes.
async function isReady(url: string): Promise<void> {
  await axios.get(url, { timeout: 2000 });
}
export async function waitUntilReady(url: string) {
  const deadline = new Promise((_, reject) => setTimeout(() => reject(new Error('not ready')), 30_000));
  while (true) {
    try {
      await Promise.race([isReady(url), deadline]);
      break;
    } catch (err) {
      if (axios.isAxiosError(err) && err.code === 'ECONNREFUSED') {
        await sleep(100);
        continue;
      }
      throw err;
    }
  }
}

// A stream reader whose catch cancels the upload (cancel() sets what the loop tests): a failure ends it.
export function upload(reader: ReadableStreamDefaultReader<Uint8Array>, url: string) {
  let rejected = false;
  const cancel = (error: unknown) => {
    console.error(error);
    rejected = true;
  };
  const sendPart = (part: Uint8Array) => axios.put(url, part, { timeout: 5000 });
  return (async () => {
    while (!rejected) {
      try {
        const { value, done } = await reader.read();
        if (done) return;
        await sendPart(value);
      } catch (error) {
        cancel(error);
      }
    }
  })();
}
`,
  // Recursions bounded by what runs out (a property the class counts, the clock, a count checked at the top (or
  // moved before it is passed on, or kept on an object passed on),
  // a delay computed from the attempt passed on, a flag option turned off), a periodic job that schedules
  // itself after a success too, and a readiness poll that reads what its check answers.
  `
import axios from 'axios';
import * as https from 'node:https';
import WebSocket from 'ws';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_RETRIES = 5;
const nextDelay = (attempt: number) => (attempt < 4 ? 100 * 2 ** attempt : undefined);

// Recursions bounded by what runs out: a property the class counts, the clock, a count the function keeps
// and checks before each attempt, a delay computed from the attempt passed on, a flag option turned off.
export class Feed {
  retries = 0;
  async read(url: string): Promise<unknown> {
    try {
      return (await axios.get(url, { timeout: 5000 })).data;
    } catch (error) {
      if (this.retries >= 3) throw error;
      this.retries++;
      await sleep(1000);
      return this.read(url);
    }
  }
}
export async function untilDeadline(url: string, deadline = Date.now() + 30_000): Promise<unknown> {
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (error) {
    if (Date.now() > deadline) throw error;
    await sleep(1000);
    return untilDeadline(url, deadline);
  }
}
export async function check(url: string) {
  let retryCount = 0;
  const attemptCheck = async (): Promise<void> => {
    if (retryCount >= MAX_RETRIES) return;
    try {
      await axios.get(url, { timeout: 5000 });
    } catch {
      retryCount++;
      setTimeout(attemptCheck, 2000);
    }
  };
  await attemptCheck();
}
export const fetchHtml = async (url: string, retry = 5, tries = 1): Promise<string | false> => {
  try {
    if (tries >= retry) return false;
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (error: any) {
    if (error.response?.status === 404) throw error;
    await sleep(1000 * tries);
    tries++;
    return fetchHtml(url, retry, tries);
  }
};
interface Connection { attempts: number; url: string }
export function reconnect(state: Connection): void {
  if (state.attempts >= MAX_RETRIES) return;
  const socket = new WebSocket(state.url, { handshakeTimeout: 5000 });
  socket.on('open', () => { state.attempts = 0; });
  socket.on('error', () => {
    state.attempts++;
    setTimeout(() => reconnect(state), 1000 * 2 ** state.attempts);
  });
}
export async function withDelays(url: string, attempt = 0): Promise<unknown> {
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (error) {
    const delay = nextDelay(attempt);
    if (delay) {
      await sleep(delay);
      return withDelays(url, attempt + 1);
    }
    throw error;
  }
}
export async function complete({ url, isRetrying = false }: { url: string; isRetrying?: boolean }): Promise<unknown> {
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (error) {
    if (axios.isAxiosError(error) && error.response?.status === 503 && !isRetrying) {
      await sleep(3000);
      return complete({ url, isRetrying: true });
    }
    throw error;
  }
}
export function upload(url: string, body: string): Promise<void> {
  let retryCount = 0;
  const send = (): Promise<void> => new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'PUT', timeout: 5000 });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', async (error) => {
      if (retryCount < 3) {
        retryCount++;
        await sleep(1000 * retryCount);
        resolve(send());
        return;
      }
      reject(error);
    });
    req.end(body);
  });
  return send();
}

// A periodic job: it schedules itself after a success too, and the catch keeps it running.
export class TokenRefresher {
  private timer?: NodeJS.Timeout;
  private schedule(delay: number): void {
    this.timer = setTimeout(() => this.refresh(), delay);
  }
  async refresh(): Promise<void> {
    try {
      const { data } = await axios.post('https://auth.example.com/token', {}, { timeout: 5000 });
      this.schedule(data.expiresIn * 500);
    } catch {
      this.timer = setTimeout(() => this.refresh(), 10_000);
    }
  }
}

// A readiness poll: the loop reads what the check answers, going round on "not yet" as on a failure.
async function isHealthy(url: string): Promise<boolean> {
  return (await axios.get(url, { timeout: 2000 })).status === 200;
}
export async function waitForEndpoint(url: string) {
  let healthy = false;
  while (!healthy) {
    try {
      healthy = await isHealthy(url);
      if (!healthy) await sleep(1000);
    } catch {
      await sleep(1000);
    }
  }
}
`,
  ...REFUSAL_CASES,
  // The same call made again after a failed status, once, after a wait.
  `
import { setTimeout as sleep } from 'node:timers/promises';
export async function load(url: string): Promise<Response> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (response.status >= 500) {
    await sleep(1000);
    return await fetch(url, { signal: AbortSignal.timeout(5000) });
  }
  return response;
}
`,
  // A rejection handler that only logs, and a success callback that calls again (a next page), retry nothing.
  `
import axios from 'axios';
export function load(page = 0): Promise<unknown> {
  return axios.get(\`https://api.example.com/items?page=\${page}\`, { timeout: 5000 }).then(
    (response) => (response.data.more ? load(page + 1) : response.data),
    (error) => console.error(error),
  );
}
`,
  // p-retry awaits onFailedAttempt after each failure: a wait there spaces the attempts that minTimeout: 0 does not.
  `
import pRetry from 'p-retry';
import delay from 'delay';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function quote(symbol: string) {
  await pRetry(() => fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), {
    retries: 3,
    minTimeout: 0,
    onFailedAttempt: async ({ attemptNumber }) => {
      await sleep(2 ** attemptNumber * 100);
    },
  });
  await pRetry(() => fetch(\`https://quotes.example.com/\${symbol}/candles\`, { signal: AbortSignal.timeout(5000) }), { retries: 3, minTimeout: 0, onFailedAttempt: () => delay(500) });
}
`,
  // The catch waits and \`continue\`s while attempts remain; the branch that falls out is the last attempt,
  // after which the loop ends, so no way round skips the wait.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function fetchWithRetry(url: string, maxRetries = 3): Promise<Response> {
  let lastError: Error | null = null;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10000) });
      if (response.ok) return response;
      throw new Error('request failed');
    } catch (error) {
      lastError = error as Error;
      if (attempt < maxRetries) {
        await sleep(1000 * 2 ** attempt);
        continue;
      }
    }
  }
  throw lastError ?? new Error('All retry attempts failed');
}
`,
  // A wait kept in a variable made afresh each round: awaited in a loop, or resent in its \`.then\` by an
  // interceptor written with \`var\`.
  `
import axios from 'axios';
export async function send(url: string): Promise<Response | undefined> {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      const pause = new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** i));
      await pause;
    }
  }
  return undefined;
}
axios.interceptors.response.use(undefined, function retryInterceptor(err) {
  var config = err.config;
  if (!config || !config.retry) return Promise.reject(err);
  config.__retryCount = config.__retryCount || 0;
  if (config.__retryCount >= config.retry) return Promise.reject(err);
  config.__retryCount += 1;
  var backoff = new Promise(function (resolve) {
    setTimeout(function () { resolve(undefined); }, config.retryDelay || 1000);
  });
  return backoff.then(function () { return axios(config); });
});
`,
  // A run asked for while one was busy (\`pending\`, set on the busy path and cleared before the call) starts
  // once the busy one ends, after a failure as after a success: it runs what was asked again.
  `
const Imap = require('imap');
let inProgress = false;
let pending = false;
function fetchUnseen(imap) {
  if (inProgress) { pending = true; return; }
  inProgress = true;
  imap.search(['UNSEEN'], (err, uids) => {
    inProgress = false;
    if (err) {
      if (pending) { pending = false; fetchUnseen(imap); }
      return;
    }
    console.log(uids);
    if (pending) { pending = false; fetchUnseen(imap); }
  });
}
module.exports = { fetchUnseen };
`,
  // A resend after correcting a 401, with every other failure rejected first: a correction, not a retry.
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
declare function refreshToken(): Promise<string>;
api.interceptors.response.use(
  (response) => response,
  async (error) => {
    const original = error.config;
    if (error.response?.status !== 401 || original._retry) {
      return Promise.reject(error);
    }
    original._retry = true;
    original.headers.Authorization = \`Bearer \${await refreshToken()}\`;
    return api(original);
  },
);
`,
  // The wait skipped on the last attempt only, the bound held in a \`const\`.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function scrape(url: string, maxRetries = 3): Promise<string | null> {
  for (let attempt = 1; attempt <= maxRetries; attempt++) {
    try {
      return await (await fetch(url, { signal: AbortSignal.timeout(10000) })).text();
    } catch (error) {
      const isLastAttempt = attempt === maxRetries;
      if (!isLastAttempt) {
        await sleep(1000 * 2 ** (attempt - 1));
      } else {
        console.warn('failed', url);
      }
    }
  }
  return null;
}
`,
  // A resend after the server answered a \`ValidationException\` (a 400) and the catch wrote the missing parent:
  // a correction, not a retry.
  `
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({ requestHandler: { requestTimeout: 3000, throwOnRequestTimeout: true } });
export async function increment(code: string, day: string): Promise<void> {
  try {
    await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: { S: code } }, UpdateExpression: 'SET byDay.#d = if_not_exists(byDay.#d, :z) + :one', ExpressionAttributeNames: { '#d': day }, ExpressionAttributeValues: { ':z': { N: '0' }, ':one': { N: '1' } } }));
  } catch (err: any) {
    if (err.name === 'ValidationException') {
      await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: { S: code } }, UpdateExpression: 'SET byDay = if_not_exists(byDay, :empty)', ExpressionAttributeValues: { ':empty': { M: {} } } }));
      return increment(code, day);
    }
    throw err;
  }
}
`,
  // A function whose timer runs the attempt waits that timer before every repeat.
  `
const MAX_RECONNECT_ATTEMPTS = 5;
let reconnectAttempts = 0;
export function scheduleReconnect(): void {
  if (reconnectAttempts >= MAX_RECONNECT_ATTEMPTS) return;
  reconnectAttempts++;
  setTimeout(async () => {
    try {
      const response = await fetch('https://game.example.com/api/join', { body: '{}', signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(\`join failed: \${response.status}\`);
      reconnectAttempts = 0;
    } catch (err) {
      scheduleReconnect();
    }
  }, 2000 * 2 ** reconnectAttempts);
}
`,
  // A page loop whose catch clears the flag the loop tests in every branch: a failure ends it.
  `
export async function crawl(baseUrl: string): Promise<unknown[]> {
  let page = 1;
  let hasMorePages = true;
  const out: unknown[] = [];
  while (hasMorePages && page <= 50) {
    try {
      const posts = await (await fetch(\`\${baseUrl}/wp-json/wp/v2/posts?page=\${page}\`, { signal: AbortSignal.timeout(10000) })).json();
      if (!Array.isArray(posts) || posts.length === 0) {
        hasMorePages = false;
        continue;
      }
      out.push(...posts);
      page++;
    } catch (error) {
      if ((error as Error).message.includes('400')) {
        hasMorePages = false;
      } else {
        console.error('failed', error);
        hasMorePages = false;
      }
    }
  }
  return out;
}
`,
  // A fallback chain whose item reaches the request through a second \`const\` (\`const prompt = \`…\${style}\`\`).
  `
import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 60000 });
export async function cover(prompt: string, styles: string[]): Promise<string> {
  let currentStyleIndex = 0;
  while (currentStyleIndex < styles.length) {
    const currentStyle = styles[currentStyleIndex];
    const finalPrompt = \`\${prompt}. Style: \${currentStyle}\`;
    try {
      const res = await openai.images.generate({ model: 'gpt-image-1', prompt: finalPrompt, n: 1 });
      return res.data?.[0]?.url ?? '';
    } catch (error: any) {
      if (currentStyleIndex < styles.length - 1) {
        currentStyleIndex++;
        continue;
      }
      throw error;
    }
  }
  return '';
}
`,
  // A guard on a count a helper keeps, around the timer that runs the attempt: bounded.
  `
export class ParsingRetryService {
  private readonly retryCounts = new Map<string, number>();
  async handleError(error: Error, id: string, retryCallback: (id: string) => Promise<void>): Promise<void> {
    const retryCount = this.getRetryCount(id);
    if (retryCount < 3) {
      setTimeout(async () => {
        try {
          this.incrementRetryCount(id);
          await retryCallback(id);
        } catch (retryError) {
          await this.handleError(retryError as Error, id, retryCallback);
        }
      }, 1000 * 2 ** retryCount);
    }
  }
  getRetryCount(id: string): number {
    return this.retryCounts.get(id) || 0;
  }
  incrementRetryCount(id: string): void {
    this.retryCounts.set(id, this.getRetryCount(id) + 1);
  }
}
`,
  // Both branches of an if/else in the catch change what the repeated call reads: a correction on every way.
  `
declare const client: { connect(transport: unknown): Promise<void> };
declare function transportFor(url: string, kind: 'http' | 'sse', headers?: object): unknown;
export async function connect(url: string, headers?: object): Promise<void> {
  let transport = transportFor(url, 'http', headers);
  try {
    await client.connect(transport);
  } catch (error) {
    if (headers) {
      transport = transportFor(url, 'sse', headers);
    } else {
      transport = transportFor(url, 'sse');
    }
    await client.connect(transport);
  }
}
`,
  // A server named when to come back and that time has passed: the way round without a wait waited it.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
declare function resetTimeOf(error: unknown): Date | null;
export async function login(url: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      const resetAt = resetTimeOf(error);
      if (!resetAt || attempt >= 3) throw error;
      const waitMs = resetAt.getTime() - Date.now();
      if (waitMs <= 0) {
        continue;
      }
      await sleep(waitMs + 1000);
    }
  }
}
`,
  // Every way round waits: the last attempt skips the wait and ends the loop; a zero delay has nothing to
  // wait; an attempt that timed out has waited its timeout; the wait is in the if's test; a wait after the try.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function a(url: string, attempts = 3): Promise<Response | null> {
  let res: Response | null = null;
  for (let i = 0; i <= attempts; i++) {
    try {
      res = await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
      break;
    } catch (error) {
      if (i < attempts) await sleep(50 * 2 ** i);
    }
  }
  return res;
}
export async function b(url: string, baseDelayMs = 250): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (attempt >= 2) throw error;
      const delayMs = baseDelayMs * 2 ** attempt;
      if (delayMs > 0) await sleep(delayMs);
    }
  }
}
export async function c(url: string, end: number): Promise<Response | null> {
  let retries = 0;
  while (Date.now() < end) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(30000) });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') continue;
      await sleep(100 * 2 ** retries++);
    }
  }
  return null;
}
async function failed(attempt: number): Promise<boolean> {
  await sleep(100 * attempt);
  return true;
}
export async function d(url: string): Promise<Response> {
  let attempt = 0;
  for (let retries = 0; retries <= 3; ) {
    attempt++;
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (await failed(attempt)) retries++;
    }
  }
  throw new Error('exhausted');
}
export async function e(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if ((error as { status?: number }).status === 400) throw error;
    }
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('exhausted');
}
`,
  // Helpers that retry a callback: one whose name says nothing of retrying, and one named for it whose only
  // caller in the file hands it a file read. Neither is known to call anything remote.
  `
const fs = require('node:fs/promises');
async function repeatUntilDone(task) {
  for (;;) {
    try {
      return await task();
    } catch {
      // try again
    }
  }
}
async function withRetry(task) {
  for (;;) {
    try {
      return await task();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
const readConfig = () => withRetry(() => fs.readFile('config.json', 'utf8'));
module.exports = { repeatUntilDone, readConfig };
`,
  // A deadline that ends the program (process.exit) bounds the loop; a try around closing a stream whose
  // catch falls through into a return leaves the loop on failure, so it retries nothing.
  `
export async function waitForApi(url: string): Promise<void> {
  const start = Date.now();
  while (true) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(3000) });
      return;
    } catch {
      if (Date.now() - start > 60_000) {
        console.error('the API never answered');
        process.exit(1);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
export async function pump(url: string, sink: { close(): void; push(value: unknown): void }): Promise<void> {
  while (true) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (res.status === 204) {
      try {
        sink.close();
      } catch {
        // already closed
      }
      return;
    }
    sink.push(await res.json());
  }
}
`,
  // A catch that corrects the cause first (a refresh, creating the session) and then makes the call again,
  // and a try that saves its state before the call: no blind repeat of a failed attempt.
  `
import axios from 'axios';
export async function deliver(event: object, refresh: () => Promise<void>): Promise<void> {
  try {
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  } catch {
    await refresh();
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  }
}
export async function run(job: { status: string }, save: (job: object) => Promise<void>): Promise<void> {
  try {
    await save(job);
    await axios.put('https://jobs.example.com/run', job, { timeout: 5000 });
  } catch {
    job.status = 'failed';
    await save(job);
  }
}
`,
  // Catches that make the try's call again after changing what it reads (a protocol downgrade), or whose
  // call, read through its body, does local work only.
  `
import { writeFile } from 'node:fs/promises';
export async function handshake(socket: { send(commands: string[], protocol: number): Promise<void> }, self: { protocol: number }): Promise<void> {
  try {
    await socket.send(['HELLO'], self.protocol);
  } catch {
    self.protocol = 2;
    await socket.send(['HELLO'], self.protocol);
  }
}
export async function saveReport(path: string, report: string): Promise<void> {
  async function attemptWrite() {
    await writeFile(path, report);
  }
  try {
    await attemptWrite();
  } catch {
    await attemptWrite();
  }
}
`,
  // A timer that runs the function again by reference, passing a counter the function checks.
  `
const axios = require('axios');
function getUrl(uri, cb, attempt = 0) {
  if (attempt > 3) return cb(new Error('tunnel server unreachable'));
  axios.get(uri, { timeout: 5000 })
    .then((res) => cb(null, res.data))
    .catch(() => setTimeout(getUrl, 1000 * 2 ** attempt, uri, cb, attempt + 1));
}
module.exports = { getUrl };
`,
  // The catch waits before it makes the same call again.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function publish(event: object): Promise<void> {
  try {
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  } catch {
    await sleep(2000);
    await axios.put('https://events.example.com/current', event, { timeout: 5000 });
  }
}
`,
  // A catch that calls the function again once in another mode: the argument it passes (undefined) fails
  // one term of the guard's &&, so the guard cannot hold twice.
  `
import axios from 'axios';
export class Sync {
  async #upload(path: string, existing: { id: string } | undefined): Promise<string | undefined> {
    try {
      const item = existing
        ? await axios.put(\`https://files.example.com/\${existing.id}\`, { path }, { timeout: 5000 })
        : await axios.post('https://files.example.com', { path }, { timeout: 5000 });
      return item.data.id;
    } catch (e) {
      if (existing && axios.isAxiosError(e) && e.response?.status === 404) return await this.#upload(path, undefined);
      throw e;
    }
  }
}
`,
  // Counted recursions that multiply to no more than 10: 3 page attempts (recursing only while \`tries < 2\`) × 3 checks.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function exists(url: string, tries = 0): Promise<boolean> {
  if (tries >= 3) return false;
  try {
    return (await axios.head(url, { timeout: 2000 })).status === 200;
  } catch {
    await sleep(100 * 2 ** tries);
    return exists(url, tries + 1);
  }
}

export async function pages(id: string, tries = 0): Promise<unknown> {
  try {
    if (!(await exists(\`https://img.example.com/\${id}.jpg\`))) return [];
    return (await axios.get(\`https://api.example.com/illust/\${id}/pages\`, { timeout: 5000 })).data;
  } catch (error) {
    if (tries < 2) {
      await sleep(500 * 2 ** tries);
      return pages(id, tries + 1);
    }
    throw error;
  }
}
`,
  // The same \`.then\` recursion, counted and waiting; and a poll that asks again while the job is accepted (202),
  // which is no failure.
  `
const fetchAndRetry = (url: string, attempt = 0): Promise<Response> =>
  fetch(url, { signal: AbortSignal.timeout(5000) }).then((response) => {
    if (response.status >= 500 && attempt < 3) {
      return new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt)).then(() => fetchAndRetry(url, attempt + 1));
    }
    return response;
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const poll = (url: string): Promise<Response> =>
  fetch(url, { signal: AbortSignal.timeout(5000) }).then((response) => (response.status === 202 ? sleep(1000).then(() => poll(url)) : response));
export { fetchAndRetry, poll };
`,
  // Polls that are not retries: the catch logs and goes round on any failure (a worker keeping itself alive),
  // the loop's test is a lifecycle flag, or the transient retry counts its attempts and waits.
  `
export async function consume(queue: { running: boolean }, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      await handle(await fetch('https://queue.example.com/next', { signal }));
    } catch (error) {
      console.error(error);
      continue;
    }
  }
  while (queue.running) {
    try {
      await handle(await fetch('https://queue.example.com/next', { signal }));
    } catch (error) {
      if (!isTransientError(error)) throw error;
      continue;
    }
  }
  let failures = 0;
  for (;;) {
    try {
      await handle(await fetch('https://queue.example.com/next', { signal }));
      failures = 0;
    } catch (error) {
      if (!isTransientError(error)) throw error;
      if (++failures > 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** failures * 100));
      continue;
    }
  }
}
declare function handle(response: Response): Promise<void>;
declare function isTransientError(error: unknown): boolean;
`,
  // Failover: each round takes another server out of the list the loop's test measures, so no request is
  // sent twice to the same place (a fallback chain, as \`fetch(urls[i])\` is).
  `
declare class OracleClient { constructor(options: object); notarize(request: unknown, options: object): Promise<unknown[]>; }
export async function attest(notarizers: string[], request: unknown) {
  const shuffled = [...notarizers];
  let success = false;
  let result: unknown;
  while (shuffled.length > 0 && !success) {
    try {
      const index = Math.floor(Math.random() * shuffled.length);
      const notarizer = shuffled[index];
      shuffled.splice(index, 1);
      const oracleClient = new OracleClient({ notarizer });
      result = (await oracleClient.notarize(request, { timeout: 20000 }))[0];
      success = true;
      break;
    } catch (error) {
      console.error('trying the next notarizer', error);
    }
  }
  return result;
}
export async function send(urls: string[], body: string) {
  while (urls.length > 0) {
    try {
      return await fetch(urls.shift()!, { method: 'PUT', body, signal: AbortSignal.timeout(5000) });
    } catch {
      // the next one
    }
  }
  throw new Error('every endpoint failed');
}
`,
  // A loop that repeats only the SDK's rate-limit error around Stripe's built-in retries: the failures Stripe
  // gives up on (a 5xx, a dropped connection) are rethrown, so the attempts do not multiply.
  `
import Stripe from 'stripe';
const stripe = new Stripe('sk_test', { timeout: 20000 });
export async function charge(amount: number, idempotencyKey: string) {
  for (let attempt = 0; attempt <= 5; attempt++) {
    try {
      return await stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey });
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
`,
  // A sleep helper memoized with React's \`useCallback\` is the function it wraps: the loop waits.
  `
import { useCallback } from 'react';
export function useBlacklist() {
  const abortableSleep = useCallback((ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); }), []);
  return useCallback(async (items: string[]) => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await fetch('https://api.example.com/blacklist', { method: 'PUT', body: JSON.stringify({ items }), signal: AbortSignal.timeout(10000) });
        if (res.ok) return res.json();
        if (res.status !== 429 && res.status < 500) return null;
      } catch {
        // a dropped connection goes round too
      }
      if (attempt < 3) await abortableSleep(1000 * 2 ** (attempt - 1));
    }
    return null;
  }, [abortableSleep]);
}
`,
  // A tail poll: the success callback schedules the next check too, so the \`.catch()\` that does the same keeps
  // a periodic job running; it retries nothing that failed.
  `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017', { serverSelectionTimeoutMS: 5000 });
export function tail(onLog: (doc: unknown) => void) {
  let last = new Date(0);
  (function check() {
    client.db('logs').collection('log').find({ timestamp: { $gte: last } }).toArray().then((docs) => {
      for (const doc of docs) onLog(doc);
      if (docs.length) last = new Date();
      next();
    }).catch((error) => {
      console.error(error);
      next();
    });
    function next() {
      setTimeout(check, 2000);
    }
  })();
}
`,
  // A client's own teardown in the catch (\`client.destroy()\` before the next round) calls no one: what the loop
  // retries is the file's \`start()\`, which reaches nothing remote here.
  `
declare const client: { destroy(): void; run(url: string): Promise<unknown> };
declare function start(): Promise<void>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function bootWithRetry() {
  while (true) {
    try {
      await start();
      return;
    } catch (error) {
      console.error('startup failed', error);
      client.destroy();
      await sleep(15000);
    }
  }
}
`,
  // A loop whose attempt only touches built-in collections (\`cache.delete(key)\`, a field \`Map\`'s \`get\`) calls
  // no one, whatever the methods are named.
  `
const cache = new Map<string, number>();
function evict(key: string) {
  cache.delete(key);
  return key.length;
}
export async function run(keys: string[]) {
  let done = false;
  while (!done) {
    try {
      evict(keys[0]!);
      done = true;
    } catch (error) {
      console.log('again', error);
    }
  }
}
export class Registry {
  private pending: Map<string, () => number> = new Map();
  settle(id: string) {
    for (;;) {
      try {
        return this.pending.get(id)!();
      } catch {
        continue;
      }
    }
  }
}
`,
  // promise-retry that calls \`retry\` only on an answer (the balance is still too low) polls: a failing
  // request rejects at once, so \`forever\` repeats no failure.
  `
import promiseRetry from 'promise-retry';
declare const rpc: { getBalance(address: string): Promise<string> };
export function waitForFunds(address: string, minimum: bigint, interval: number) {
  return promiseRetry(async (retry) => {
    const balance = BigInt(await rpc.getBalance(address));
    if (balance < minimum) retry(new Error('Not enough balance'));
  }, { forever: true, factor: 1, minTimeout: interval, maxTimeout: interval });
}
`,
  // A recursion that goes again only on a 429 held in a \`const\` (\`err?.statusCode ?? err?.code\`), after a
  // wait, goes at the server's pace and needs no count.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function archiveTicket(id: string): Promise<{ ok: boolean }> {
  try {
    await axios.delete(\`https://api.hubapi.com/crm/v3/objects/tickets/\${id}\`, { timeout: 30000 });
    return { ok: true };
  } catch (err: any) {
    const status = err?.statusCode ?? err?.code;
    if (status === 404) return { ok: true };
    if (status === 429) {
      await sleep(10_000);
      return archiveTicket(id);
    }
    return { ok: false };
  }
}
`,
  // A resend after a 401 that a predicate of the file tests (\`this.isAuthError(error)\`) follows a token
  // refresh: no retry of a failure, so neither its bound nor its wait is judged.
  `
import axios from 'axios';
export class UpsClient {
  constructor(private readonly auth: { refresh(): Promise<void> }) {}
  async rate(body: object): Promise<unknown> {
    try {
      return (await axios.get('https://ups.example.com/rating', { params: body, timeout: 5000 })).data;
    } catch (error) {
      if (this.isAuthError(error)) {
        await this.auth.refresh();
        return this.rate(body);
      }
      throw error;
    }
  }
  private isAuthError(error: unknown): boolean {
    return axios.isAxiosError(error) && error.response?.status === 401;
  }
}
`,
  // Interceptors that count and wait (an awaited sleep, a timer promise's .then), and one that refreshes a
  // token on a 401 once: none hammers.
  `
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
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
let retries = 0;
api.interceptors.response.use(undefined, (error) => {
  if (++retries > 3) return Promise.reject(error);
  return new Promise((resolve) => setTimeout(resolve, 1000)).then(() => api(error.config));
});
declare function refresh(): Promise<string>;
const authed = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
authed.interceptors.response.use(undefined, async (error) => {
  if ([401, 403].includes(error.response?.status) && !error.config._retry) {
    error.config._retry = true;
    error.config.headers.Authorization = await refresh();
    return authed(error.config);
  }
  throw error;
});
export const list = () => Promise.all([api.get('/items'), authed.get('/me')]);
`,
  // The wait is a method of the class (typesense's \`await this.timer(seconds)\`).
  `
export class Client {
  async timer(seconds: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  async get(url: string): Promise<Response | undefined> {
    for (let tries = 1; tries <= 3; tries++) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (response.status < 500) return response;
        throw new Error(String(response.status));
      } catch {
        await this.timer(2 ** tries);
      }
    }
    return undefined;
  }
}
`,
  // Status loops that are fine: bounded with a wait, a repeat of 429s only at the server's pace, and a
  // loop waiting for a 200, which may be a poll whose pace is its own.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function waitForExport(id: string) {
  for (;;) {
    const res = await fetch(\`https://api.example.com/exports/\${id}\`, { signal: AbortSignal.timeout(5000) });
    if (res.status === 200) return res.json();
    await sleep(1000);
  }
}
export async function load(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(\`https://api.example.com/orders/\${id}\`, { signal: AbortSignal.timeout(5000) });
    if (res.ok) return res;
    await sleep(2 ** attempt * 100);
  }
  return undefined;
}
export async function paced(id: string) {
  for (;;) {
    const res = await fetch(\`https://api.example.com/orders/\${id}\`, { signal: AbortSignal.timeout(5000) });
    if (res.status !== 429) return res;
    await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
  }
}
`,
  // A repeat of 429s only at the server's pace, with the status read as a number (\`+status\`, \`Number(status)\`):
  // every other failure is thrown.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function paced(url: string): Promise<unknown> {
  try {
    return await axios.get(url, { timeout: 5000 });
  } catch (err: any) {
    if (+err.response.status === 429) {
      await sleep(Number(err.response.headers['retry-after']) * 1000);
      return paced(url);
    }
    throw err;
  }
}
export async function pacedToo(url: string): Promise<unknown> {
  try {
    return await axios.get(url, { timeout: 5000 });
  } catch (err: any) {
    if (Number(err.response?.status) !== 429) throw err;
    await sleep(Number(err.response.headers['retry-after']) * 1000);
    return pacedToo(url);
  }
}
`,
  // An axios interceptor that sends the request again only on a 429, after the server's Retry-After: by a
  // timer that resolves with the resend, or after awaiting a sleep.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const api = axios.create({ timeout: 5000 });
api.interceptors.response.use(undefined, (error) => {
  if (error.response?.status === 429) {
    return new Promise((resolve) => {
      const retryAfter = Number(error.response.headers['retry-after']) + 2;
      setTimeout(() => resolve(api.request(error.config)), retryAfter * 1000);
    });
  }
  return Promise.reject(error);
});
const paced = axios.create({ timeout: 5000 });
paced.interceptors.response.use(undefined, async (error) => {
  if (error.response?.status === 429) {
    await sleep(Number(error.response.headers['retry-after']) * 1000);
    return paced.request(error.config);
  }
  return Promise.reject(error);
});
`,
  // A sleep that an abort signal may end early still waits: its timer resolves the promise, named or inline.
  `
import axios from 'axios';
const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); });
});
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.get(url, { timeout: 5000 });
    } catch (err) {
      await sleep(1000 * 2 ** attempt);
    }
  }
  return null;
}
`,
  `
import axios from 'axios';
export async function load(url: string, signal?: AbortSignal) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.get(url, { timeout: 5000 });
    } catch (err) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000 * 2 ** attempt);
        signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); });
      });
    }
  }
  return null;
}
`,
  // A count that falls back to a finite number, or a caller's count used only when the other is unset.
  `
import { backOff } from 'exponential-backoff';
export function withRetries<T>(fn: () => Promise<T>, endpoint: { maxAttempts?: number }, fallback: number) {
  return Promise.all([
    backOff(fn, { numOfAttempts: endpoint.maxAttempts ?? 5 }),
    backOff(fn, { numOfAttempts: endpoint.maxAttempts || fallback }),
  ]);
}
`,
  // Callback style: the error branch of \`if (!err) … else\` retries with a counter and a growing delay; a
  // one-time switch to a fallback mode, and an error branch that only reports, are no retries.
  `
import superagent from 'superagent';
export function load(url: string, attempt: number, done: (err: Error | null, body?: unknown) => void): void {
  superagent.get(url).timeout(5000).end((err, res) => {
    if (!err) done(null, res.body);
    else if (attempt < 3) setTimeout(() => load(url, attempt + 1, done), 500 * 2 ** attempt);
    else done(err);
  });
}
export function status(url: string, useMirror: boolean, done: (err: Error | null) => void): void {
  superagent.get(useMirror ? url.replace('api.', 'mirror.') : url).timeout(5000).end((err) => {
    if (err) {
      if (useMirror) return status(url, false, done);
      return done(err);
    }
    done(null);
  });
}
export function ping(url: string, done: (err: Error | null) => void): void {
  superagent.get(url).timeout(5000).end((err) => {
    if (err) console.warn('ping failed', err);
    done(err);
  });
}
`,
  // Recursion scheduled with a growing setTimeout delay and a counter: bounded, and it waits.
  `
export function send(body: string, attempt = 0): void {
  fetch('https://events.example.com/ingest', { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch(() => {
    if (attempt < 3) setTimeout(() => send(body, attempt + 1), 1000 * 2 ** attempt);
  });
}
`,
  // A class's retry helper, bounded by a delay computed from the counter (undefined after the last attempt)
  // after the catch, waiting that delay (posthog-node's emails client).
  `
declare function retryDelayMs(error: unknown, attempt: number, maxRetries: number): number | undefined;
export class Emails {
  async withRetries<T>(maxRetries: number, attemptOnce: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let error: unknown;
      try {
        return await attemptOnce();
      } catch (caught) {
        error = caught;
      }
      const delayMs = retryDelayMs(error, attempt, maxRetries);
      if (delayMs === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  send(body: string) {
    return this.withRetries(3, () => fetch('https://mail.example.com/preferences', { method: 'PUT', body, signal: AbortSignal.timeout(5000) }));
  }
}
`,
  // A retry helper only ever handed a file read hammers nothing remote.
  `
import { readFile } from 'node:fs/promises';
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
`,
  // Look-alikes: a restart on a rebalance signal (no failure named, no counter), a catch that calls a
  // \`rethrow…\` helper, and tsc's generator state machine (\`op = [6, e]\`) under any name.
  `
declare class RebalanceError extends Error {}
declare function rethrowGrpcError(error: unknown, message: string): never;
declare const service: { request(token?: string): Promise<{ items: string[]; next?: string }>; start(): Promise<void> };
export async function consume(createFetchers: () => Array<{ start(): Promise<void> }>) {
  while (true) {
    const fetchers = createFetchers();
    try {
      await Promise.all(fetchers.map((fetcher) => fetcher.start()));
    } catch (error) {
      if (error instanceof RebalanceError) continue;
      throw error;
    }
    break;
  }
}
export async function listAll() {
  const items: string[] = [];
  let next: string | undefined;
  do {
    try {
      const page = await service.request(next);
      items.push(...page.items);
      next = page.next;
    } catch (error) {
      rethrowGrpcError(error, 'Failed to list');
    }
  } while (next);
  return items;
}
export function step(op: number[], call: (state: unknown) => number[]) {
  let state: unknown;
  for (; op[0] !== 2;) try { op = call(state); } catch (e) { op = [6, e as number]; state = undefined; }
  return op;
}
`,
  // A private wait helper (\`this._waitAfterFailure()\`) is a wait; polling a process on this machine is not a remote retry.
  `
export class Retrying {
  async call(method: () => Promise<unknown>) {
    for (let index = 1; index <= 3; index++) {
      try {
        return await method();
      } catch (error) {
        if ((error as { status?: number }).status === 503) {
          await this._waitAfterFailure(index);
          continue;
        }
        break;
      }
    }
  }
  async _waitAfterFailure(index: number) {
    await new Promise((resolve) => setTimeout(resolve, 500 * index));
  }
  async poll(port: number) {
    const url = \`http://127.0.0.1:\${port}/ready\`;
    for (;;) {
      try {
        return await fetch(url, { signal: AbortSignal.timeout(1000) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ECONNREFUSED') continue;
        throw error;
      }
    }
  }
  async get(url: string) {
    for (let index = 1; index <= 3; index++) {
      try {
        return await fetch(url, { signal: AbortSignal.timeout(1000) });
      } catch (error) {
        if ((error as { status?: number }).status === 503) {
          await this._waitAfterFailure(index);
          continue;
        }
        break;
      }
    }
  }
}
`,
  // bench/accuracy false positives: retries of local work are no hazard to a remote service.
  // Walking up to the parent directory until a file is found (@anthropic-ai/sdk fs-util).
  `
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
export async function findUp(start: string, name: string): Promise<string | undefined> {
  let dir = start;
  for (;;) {
    try {
      await fs.access(path.join(dir, name));
      return path.join(dir, name);
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
`,
  // A deadline computed from the clock bounds the loop, and a jittered sleep spaces it (@anthropic-ai/sdk SessionToolRunner).
  `
declare function sleep(ms: number): Promise<void>;
export async function sendEvent(body: unknown, windowMs: number) {
  const started = Date.now();
  let delay = 250;
  while (true) {
    try {
      return await fetch('https://api.example.com/events', { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    } catch {
      const elapsed = Date.now() - started;
      const remainingMs = windowMs - elapsed;
      if (remainingMs <= 0) break;
      await sleep(Math.min(delay *= 2, remainingMs));
    }
  }
  return undefined;
}
`,
  // Asking the user again until the answer parses (firebase-tools init).
  `
declare function prompt(question: string): Promise<string>;
export async function askPort(): Promise<number> {
  while (true) {
    try {
      const answer = Number.parseInt(await prompt('Port?'), 10);
      if (Number.isNaN(answer)) throw new Error('not a number');
      return answer;
    } catch {
      console.error('Please enter a number.');
    }
  }
}
`,
  // Compiled TypeScript calls an imported sleep as \`(0, utils_1.sleep)(ms)\` (firebase-tools rollout).
  `
const utils_1 = require('./utils');
export async function rollout(send: () => Promise<void>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fetch('https://deploy.example.com/rollouts', { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      await (0, utils_1.sleep)(1000);
    }
  }
}
`,
  // A user-declared wait function counts as a wait.
  { code: `
import axios from 'axios';
declare function napFor(ms: number): Promise<void>;
export async function load() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.get('/x');
    } catch {
      await napFor(100);
    }
  }
  return undefined;
}
`, options: [{"waitFunctions":["napFor"]}] },
  // Library retries with finite counts and their default backoff are fine.
  `
import pRetry from 'p-retry';
import retry from 'async-retry';
import { backOff } from 'exponential-backoff';
export async function load() {
  await pRetry(() => fetch('https://api.example.com/a'), { retries: 3 });
  await retry(() => fetch('https://api.example.com/b'), { retries: 2, minTimeout: 500 });
  await backOff(() => fetch('https://api.example.com/c'));
}
`,
  // axios-retry that waits (its growing delay, or a delay of the caller's), that does not retry, or whose
  // options can't be read.
  `
import axios from 'axios';
import axiosRetry, { linearDelay } from 'axios-retry';
import { retryOptions } from './http-options';
const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });
const search = axios.create({ baseURL: 'https://search.example.com', timeout: 5000 });
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 5000 });
const audit = axios.create({ baseURL: 'https://audit.example.com', timeout: 5000 });
axiosRetry(payments, { retries: 3, retryDelay: linearDelay(500) });
axiosRetry(search, { retries: 0 });
axiosRetry(ledger, retryOptions);
axiosRetry(audit, { ...retryOptions, retries: 2 });
`,
  // A page script that submits a form once its input appears, trying again every 100 ms until it does:
  // requestSubmit() and requestAnimationFrame() are the browser's own, and reach no remote service.
  `
export const sendPrompt = (prompt: string): void => {
  try {
    const input = document.querySelector<HTMLTextAreaElement>('form textarea');
    if (!input) throw new Error('no input yet');
    input.value = prompt;
    input.closest('form')?.requestSubmit();
  } catch {
    setTimeout(() => sendPrompt(prompt), 100);
  }
};
export function focusWhenReady(): void {
  try {
    document.querySelector<HTMLElement>('#composer')!.focus();
  } catch {
    requestAnimationFrame(() => focusWhenReady());
  }
}
`,
  // Waits that are not 0: node-retry raises \`minTimeout: 0\` to 1 ms and grows it; p-retry with its own
  // bounds; options in a field that a method replaces, which can't be read.
  `
import retry from 'async-retry';
import pRetry from 'p-retry';
declare function loadRetryOptions(): { retries: number; maxTimeout: number };
export class Prices {
  retryOptions = { retries: 5, maxTimeout: 0 };
  configure() {
    this.retryOptions = loadRetryOptions();
  }
  latest(symbol: string) {
    return retry(() => fetch(\`https://prices.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), this.retryOptions);
  }
}
export const history = (symbol: string) => retry(() => fetch(\`https://prices.example.com/\${symbol}/history\`, { signal: AbortSignal.timeout(5000) }), { retries: 5, minTimeout: 0 });
export const spot = (symbol: string) => pRetry(() => fetch(\`https://prices.example.com/\${symbol}/spot\`, { signal: AbortSignal.timeout(5000) }), { minTimeout: 500, maxTimeout: 5000 });
`,
  // A single layer of built-in retries is not nesting; a got call outside any retry stays silent.
  `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import got from 'got';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
export async function load() {
  await axios.get('https://api.example.com/a');
  await got('https://api.example.com/b');
}
`,
  // A polling loop bounded by a deadline and waiting between polls.
  `
import { setTimeout as sleep } from 'node:timers/promises';
export async function waitFor(url: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      return await fetch(url);
    } catch {
      await sleep(1000);
    }
  }
  throw new Error('timed out');
}
`,
  // valid: bounded with wait, rethrow loop, loop over items
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function charge() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await axios.get('/x');
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
  while (true) {
    try { return await axios.get('/x'); } catch (e) { throw e; }
  }
}
export async function each(items: string[]) {
  for (let i = 0; i < items.length; i++) {
    try { await axios.post('/x', items[i]); } catch (e) { console.error(e); }
  }
}
`,
  // do-while bounded by tries with new Promise wait
  `
export async function pay() {
  let done = false;
  let tries = 0;
  do {
    try {
      await fetch('https://api.example.com/pay');
      done = true;
    } catch (error) {
      if (++tries > 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * tries));
    }
  } while (!done);
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

  // The TypeScript __generator helper's state machine is not a retry.
  `
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { return t[1]; }, trys: [], ops: [] }, f, y, t, g;
    return g = { next: verb(0) };
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        while (_) try {
            if (f = 1, y && (t = y["next"]) && !(t = t.call(y, op[1])).done) return t;
            switch (op[0]) {
                case 0: case 1: t = op; break;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1])) { _ = 0; continue; }
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        return { value: op[0] ? op[1] : void 0, done: true };
    }
};
`,
  // Recursion on a helper's failure value that waits before the next attempt.
  `
import { setTimeout as sleep } from 'node:timers/promises';
async function callOnce(url: string, retries: number): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch (error) {
    if (retries < 3) return null;
    throw error;
  }
}
export class Handler {
  async runRequest(url: string, retries = 0): Promise<Response> {
    const res = await callOnce(url, retries);
    if (res === null) {
      await sleep(1000 * 2 ** retries);
      return this.runRequest(url, ++retries);
    }
    return res;
  }
}
`,
  // A helper that returns null for a 404 signals "not here", not a failed attempt: the recursion is a fallback.
  `
async function getOnce(url: string): Promise<Response | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  return res;
}
export async function get(url: string, attempt = 0): Promise<Response> {
  const res = await getOnce(url);
  if (res === null) return get(url.replace('/v2/', '/v1/'), attempt + 1);
  return res;
}
`,
  // A helper of another file: what it returns null for is not known here.
  `
import { makeNetworkRequest } from './network';
export async function run(url: string, retries = 0): Promise<Response> {
  const res = await makeNetworkRequest(url, retries);
  if (res === null) return run(url, ++retries);
  return res;
}
`,
  // A literal mode switch: the recursive call turns the cache off, so it happens once.
  `
async function fromCache(url: string): Promise<Response | null> {
  try {
    return await fetch(url, { cache: 'force-cache' });
  } catch {
    return null;
  }
}
export async function load(url: string, useCache = true): Promise<Response> {
  if (useCache) {
    const res = await fromCache(url);
    if (res === null) return load(url, false);
    return res;
  }
  return fetch(url);
}
`,
  // The recursion is on the success branch (the next page), not on the failure value.
  `
async function page(url: string): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch {
    return null;
  }
}
export async function crawl(url: string, depth = 0): Promise<Response | void> {
  const res = await page(url);
  if (res === null) {
    console.warn('unreachable', url);
  } else if (depth < 3) {
    return crawl(res.headers.get('link') ?? url, depth + 1);
  }
}
`,

  // Catches that change what the next round sends: one fixes the request from the error (firebase-tools'
  // IAM bindings), one drops the property the server refused, and one moves on to the previous day's file.
  `
export async function updateTicket(api: { update(id: string, body: { properties: Record<string, unknown> }): Promise<unknown> }, id: string, body: { properties: Record<string, unknown> }) {
  const current = structuredClone(body);
  for (let i = 0; i < 5; i++) {
    try {
      return await api.update(id, current);
    } catch (err) {
      const missing = /Property "(\\w+)" does not exist/.exec(String(err))?.[1];
      if (!missing) throw err;
      delete current.properties[missing];
    }
  }
  throw new Error('too many missing properties');
}
export async function grantAccess(api: { setIamPolicy(members: string[]): Promise<void> }, emails: string[]) {
  const typeGuesses: Record<string, string> = Object.fromEntries(emails.map((email) => [email, 'user']));
  do {
    try {
      await api.setIamPolicy(Object.entries(typeGuesses).map(([email, type]) => \`\${type}:\${email}\`));
      break;
    } catch (err) {
      const match = /Principal (.*) is of type "([^"]+)"/.exec(String(err));
      if (!match) throw err;
      typeGuesses[match[1]!] = match[2]!;
    }
  } while (true);
}
export async function lastEntries(count: number, start: Date) {
  let entries: unknown[] = [];
  let left = count;
  let date = start;
  while (left > 0) {
    try {
      const res = await fetch(\`https://files.example.com/day/\${date.toISOString().slice(0, 10)}.json\`, { signal: AbortSignal.timeout(5000) });
      const day: unknown[] = await res.json();
      entries = entries.concat(day);
      left -= day.length;
      date = new Date(date.getTime() - 86_400_000);
    } catch {
      date = new Date(date.getTime() - 86_400_000);
    }
  }
  return entries;
}
`,
  // Work lists that do not retry: a queue drained with its failures logged moves on to the next item; a
  // failed item put back at most three times, after a wait, is bounded and paced; one put back as the loop
  // stops is left for later.
  `
export async function drain(queue: string[]) {
  while (queue.length > 0) {
    const url = queue.shift()!;
    try {
      await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch (error) {
      console.error(url, error);
    }
  }
}
`,
  `
import { setTimeout as sleep } from 'node:timers/promises';
interface Job { url: string; tries: number }
export async function deliver(queue: Job[]) {
  while (queue.length > 0) {
    const job = queue.shift()!;
    try {
      await fetch(job.url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch {
      if (job.tries++ < 3) {
        await sleep(1000 * 2 ** job.tries);
        queue.push(job);
      }
    }
  }
}
`,
  `
export async function deliverUntilFailure(queue: string[]) {
  while (queue.length > 0) {
    const url = queue.shift()!;
    try {
      await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) });
    } catch {
      queue.unshift(url);
      break;
    }
  }
}
`,
  // The synchronous twin of RetryManager's runAsync: its catch sees only what \`fn()\` throws at once, and a
  // remote call fails later, in its promise.
  `
export class RetryManager {
  constructor(private readonly count: number) {}

  runSync<T>(fn: () => T): T {
    let lastError: unknown;
    let count = 0;
    while (count < this.count) {
      try {
        return fn();
      } catch (e) {
        lastError = e;
        count++;
      }
    }
    throw lastError;
  }
}
`,
  // A retry helper named for retrying, called from other files, that goes round only after a unique
  // constraint violation: the other failures leave it through the first term of an \`||\`.
  `
import { UniqueConstraintError } from 'sequelize';
export async function retryOnUniqueConstraintError<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof UniqueConstraintError) || attempt >= attempts) throw err;
    }
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
  // Not retries of a failing dependency: a local function named fetch-something that reads the database
  // (judged by its body, not its name); a compare-and-swap loop that tries again only after losing a
  // unique-constraint race; recursion that picks a new slug after a P2002 conflict; and a bounded loop
  // whose wait is a durable \`wait.until({ date })\`.
  `
import { randomUUID } from 'node:crypto';
import { prisma } from './db';
import { wait } from './jobs';

async function fetchSettings(id: string) {
  return prisma.settings.findUnique({ where: { id } });
}
export async function loadSettings(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetchSettings(id);
    } catch {
      continue;
    }
  }
  return undefined;
}

export async function subscribe(key: string, service: { call(key: string): Promise<unknown> }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await prisma.channel.findFirst({ where: { key } });
    if (!existing) {
      try {
        return await service.call(key);
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
        continue;
      }
    }
    const { count } = await prisma.channel.updateMany({ where: { id: existing.id }, data: { subscribers: { increment: 1 } } });
    if (count > 0) return existing;
  }
  throw new Error('lost the race three times');
}

export async function publish(title: string, retryCount = 0): Promise<unknown> {
  try {
    return await fetch('https://docs.example.com/api/published', { method: 'PUT', body: JSON.stringify({ title, slug: randomUUID() }), signal: AbortSignal.timeout(5000) });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002' && retryCount < 2) return publish(title, retryCount + 1);
    throw error;
  }
}

export async function deliver(url: string) {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await wait.until({ date: new Date(Date.now() + 2 ** attempt * 1000) });
    }
  }
  throw new Error('not delivered');
}
`,
  // Not retries, from service code: a listing whose catch clears the page token (the loop ends on a
  // failure); a queue drain that moves on to the next job after one fails; a download that switches to a
  // cache-busting request once (\`cache !== 'reload'\`, then 'reload' is passed).
  `
export async function listAll() {
  const all: string[] = [];
  let next: string | undefined;
  do {
    try {
      const response = await fetch(\`https://api.example.com/items?page=\${next ?? ''}\`, { signal: AbortSignal.timeout(5000) });
      const page: { items: string[]; next?: string } = await response.json();
      all.push(...page.items);
      next = page.next;
    } catch (error) {
      console.error('listing stopped', error);
      next = undefined;
    }
  } while (next);
  return all;
}

const queue: Array<{ id: string; body: string; resolve: (ok: boolean) => void }> = [];
export function dispatch(): void {
  if (queue.length === 0) return;
  const job = queue.shift();
  if (!job) return;
  try {
    void fetch('https://workers.example.com/jobs', { method: 'PUT', body: job.body, signal: AbortSignal.timeout(5000) });
  } catch {
    job.resolve(false);
    dispatch();
  }
}

export async function download(src: string, cache?: RequestCache): Promise<Blob | undefined> {
  try {
    const response = await fetch(src, { cache, signal: AbortSignal.timeout(5000) });
    return await response.blob();
  } catch {
    if (cache !== 'reload') return download(src, 'reload');
    return undefined;
  }
}
`,
  // RxJS: \`retry(0)\` is the identity; a config held in a const or imported is read or left alone; a delay
  // function ends the retries by throwing.
  `
import { HttpClient } from '@angular/common/http';
import { retry, timer, type RetryConfig } from 'rxjs';
import { retryConfig } from './retry-config';

const backoff: RetryConfig = { count: 5, delay: 500 };

export class Api {
  constructor(private readonly http: HttpClient) {}

  once() {
    return this.http.get('/api/once').pipe(retry(0));
  }
  held() {
    return this.http.get('/api/held').pipe(retry(backoff));
  }
  imported() {
    return this.http.get('/api/imported').pipe(retry(retryConfig));
  }
  strategy(maxRetries: number) {
    return this.http.get('/api/strategy').pipe(retry({
      delay: (error, count) => {
        if (count > maxRetries) throw error;
        return timer(2 ** count * 100);
      },
    }));
  }
}
`,
  // RxJS: a bounded retry with a delay; a retry over a hot stream (it re-attaches, it sends nothing);
  // a switchMap over that hot stream is not re-run either.
  `
import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { retry, switchMap, timer, type Observable } from 'rxjs';

@Injectable()
export class Catalog {
  private readonly http = inject(HttpClient);

  items() {
    return this.http.get('/api/items').pipe(retry({ count: 3, delay: (_error, attempt) => timer(2 ** attempt * 200) }));
  }
  follow(events$: Observable<string>) {
    return events$.pipe(retry());
  }
  onSearch(terms$: Observable<string>) {
    return terms$.pipe(switchMap((term) => this.http.get('/api/search', { params: { term } })), retry());
  }
}
`,
  // Not a retry on an empty answer: a recursion that moves on to the next page, a blocking pop that answers
  // null after its own wait, a recursion bounded beside its test, a loop that pages on with its counter,
  // and a queue drained until a batch arrives (its counter does not count attempts).
  `
import axios from 'axios';
import Redis from 'ioredis';
const redis = new Redis({ commandTimeout: 10000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function collect(cursor: string, out: unknown[]): Promise<unknown[]> {
  const res = await axios.get('https://api.example.com/items', { params: { cursor }, timeout: 5000 });
  out.push(...res.data.items);
  if (!res.data.done) return collect(res.data.next, out);
  return out;
}
export async function nextJob(): Promise<string> {
  const job = await redis.brpop('jobs', 5);
  if (!job) return nextJob();
  return job[1];
}
export class Session {
  attempts = 0;
  async login(username: string, password: string): Promise<string> {
    const res = await axios.get('https://auth.example.com/token', { params: { username, password }, timeout: 5000 });
    if (!res.data.token && this.attempts++ < 3) {
      await sleep(1000);
      return this.login(username, password);
    }
    return res.data.token;
  }
}
export async function firstPage() {
  let items: unknown[] = [];
  let page = 0;
  for (let attempt = 0; attempt < 10 && items.length === 0; attempt++) {
    items = (await axios.get(\`https://api.example.com/items?page=\${page}\`, { timeout: 5000 })).data;
    page += 1;
  }
  return items;
}
export async function drain() {
  let polled = 0;
  let batch: unknown[] = [];
  while (polled < 10 && batch.length === 0) {
    polled++;
    batch = (await axios.get('https://queue.example.com/messages', { timeout: 20000 })).data;
  }
  return batch;
}
`,
  // A loop that leaves on what the answer says (a job done, a ready flag) polls, and one that leaves on a
  // value it already had is no attempt's answer: none leaves on an answer that merely arrived.
  `
export async function waitForJob(id: string, maxAttempts = 5) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      const job = await (await fetch(\`https://jobs.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) })).json();
      if (job.state === 'done') return job;
    } catch (error) {
      console.warn(error);
    }
  }
  return undefined;
}
export async function waitUntilReady(id: string, maxAttempts = 5) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      const ready = (await (await fetch(\`https://jobs.example.com/\${id}/ready\`, { signal: AbortSignal.timeout(5000) })).json()).ready;
      if (ready) return true;
    } catch (error) {
      console.warn(error);
    }
  }
  return false;
}
export async function cachedOrFetched(id: string, cache: Map<string, unknown>, maxAttempts = 5) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const cached = cache.get(id);
    try {
      await fetch(\`https://items.example.com/\${id}/touch\`, { signal: AbortSignal.timeout(5000) });
      if (cached !== undefined) return cached;
    } catch (error) {
      console.warn(error);
    }
  }
  return undefined;
}
`,
  // A bound kept in a field that another method may change has no count to multiply.
  `
export class CrmClient {
  private maxRetries: number;
  constructor(private readonly baseUrl: string) {
    this.maxRetries = 3;
  }
  configure(maxRetries: number) {
    this.maxRetries = maxRetries;
  }
  private sleep(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }
  async send(path: string, init: RequestInit, retryCount = 0): Promise<Response> {
    try {
      const response = await fetch(this.baseUrl + path, { ...init, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) {
        if (retryCount < this.maxRetries) {
          await this.sleep(1000 * (retryCount + 1));
          return this.send(path, init, retryCount + 1);
        }
        throw new Error(\`HTTP \${response.status}\`);
      }
      return response;
    } catch (error) {
      if (retryCount < this.maxRetries) {
        await this.sleep(1000 * (retryCount + 1));
        return this.send(path, init, retryCount + 1);
      }
      throw error;
    }
  }
}
`,
  // An Express handler that answers its client in the try and again in the catch sends nothing remote.
  `
import express from 'express';
export const router = express.Router();
router.post('/v1/log', async (req, res) => {
  try {
    for (const entry of req.body?.logs ?? []) console.info(entry);
    return res.status(200).send('');
  } catch (error) {
    console.error(error);
    return res.status(200).send('');
  }
});
`,
  // A work list that splits a batch after a conflict (HubSpot's 409: nothing was written) and moves on
  // after any other failure sends no failed request again.
  `
import axios from 'axios';
const BATCH_FAILURE = { CONFLICT: 'conflict', OTHER: 'other' } as const;
const classify = (error: unknown) => ((error as { response?: { status?: number } }).response?.status === 409 ? BATCH_FAILURE.CONFLICT : BATCH_FAILURE.OTHER);
export async function createContacts(entries: object[]) {
  const failed: Array<{ entries: object[]; error: unknown }> = [];
  const pending = [entries];
  while (pending.length > 0) {
    const chunk = pending.shift()!;
    try {
      await axios.post('https://api.hubapi.com/crm/v3/objects/contacts/batch/create', { inputs: chunk }, { timeout: 10_000 });
    } catch (error) {
      if (classify(error) !== BATCH_FAILURE.CONFLICT) {
        failed.push({ entries: chunk, error });
        continue;
      }
      if (chunk.length === 1) continue;
      const middle = Math.floor(chunk.length / 2);
      pending.push(chunk.slice(0, middle), chunk.slice(middle));
    }
  }
  return failed;
}
`,
  // Sending again at once after a refused credential the code corrects, named by the error's kind or class
  // rather than by a 401, is no retry of a failure.
  `
declare function sleep(ms: number): Promise<void>;
declare const tokens: { get(): Promise<string>; forceRefresh(token: string): Promise<void> };
class ZoomError extends Error {
  constructor(message: string, readonly kind: 'auth' | 'retryable' | 'fatal') { super(message); }
}
export async function zoomRequest(path: string, maxAttempts = 3): Promise<unknown> {
  let refreshed = false;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const token = await tokens.get();
    try {
      const res = await fetch(\`https://api.zoom.us/v2\${path}\`, { headers: { Authorization: \`Bearer \${token}\` }, signal: AbortSignal.timeout(10_000) });
      if (res.status === 401) throw new ZoomError('auth', 'auth');
      if (!res.ok) throw new ZoomError('failed', 'retryable');
      return await res.json();
    } catch (caught) {
      if (!(caught instanceof ZoomError)) throw caught;
      if (caught.kind === 'auth') {
        if (refreshed) throw caught;
        refreshed = true;
        attempt -= 1;
        await tokens.forceRefresh(token);
        continue;
      }
      if (caught.kind === 'fatal' || attempt >= maxAttempts) throw caught;
      await sleep(200 * 2 ** attempt);
    }
  }
}
import axios from 'axios';
class TokenExpiredError extends Error {}
const http = axios.create({ timeout: 60_000 });
export class ThinqApi {
  constructor(private readonly auth: { refreshToken(): Promise<void> }) {}
  async request(url: string, retry = false): Promise<unknown> {
    return http.get(url).then((res) => res.data).catch(async (err) => {
      if (err instanceof TokenExpiredError) {
        await this.auth.refreshToken();
        if (!retry) return this.request(url, true);
      }
      return {};
    });
  }
}
`,
  // A count one method raises (the connect) and another checks (the one that schedules the next try)
  // bounds the reconnects all the same.
  `
import WebSocket from 'ws';
const MAX_RECONNECT_ATTEMPTS = 50;
export class DeviceSocket {
  private ws: WebSocket | null = null;
  private reconnectDelay = 1000;
  private connectionAttempts = 0;
  constructor(private readonly oauth: { getAccessToken(): Promise<string> }) {}
  private async connect(): Promise<void> {
    this.connectionAttempts++;
    try {
      const token = await this.oauth.getAccessToken();
      this.ws = new WebSocket('wss://ws.devices.example.com', { headers: { Authorization: \`Bearer \${token}\` }, handshakeTimeout: 10_000 });
      this.ws.on('open', () => { this.connectionAttempts = 0; });
    } catch (error) {
      this.scheduleReconnect();
    }
  }
  private scheduleReconnect(): void {
    if (this.connectionAttempts >= MAX_RECONNECT_ATTEMPTS) return;
    setTimeout(async () => {
      try {
        await this.connect();
      } catch (error) {
        this.scheduleReconnect();
      }
    }, this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 300_000);
  }
}
`,
  // A count kept on the instance (in a Map per device, or a field raised with ++) and read into a const the
  // exit tests bounds the reconnects.
  `
declare const SMB2: new (options: { share: string }) => { readdir(path: string): Promise<string[]> };
export class ShareClient {
  private readonly reconnectAttempts = new Map<string, number>();
  private attemptCount = 0;
  private readonly maxAttempts = 5;
  async connect(device: { id: string; share: string }) {
    const client = new SMB2({ share: device.share });
    await client.readdir('');
    return client;
  }
  async reconnect(device: { id: string; share: string }, cause: Error): Promise<unknown> {
    const attempts = (this.reconnectAttempts.get(device.id) || 0) + 1;
    this.reconnectAttempts.set(device.id, attempts);
    if (attempts > this.maxAttempts) throw new Error(\`gave up after \${attempts} attempts: \${cause.message}\`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempts));
    try {
      return await this.connect(device);
    } catch (error) {
      return this.reconnect(device, error as Error);
    }
  }
  async reconnectAny(device: { id: string; share: string }, cause: Error): Promise<unknown> {
    const attempts = ++this.attemptCount;
    if (attempts > this.maxAttempts) throw new Error(\`gave up after \${attempts} attempts: \${cause.message}\`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempts));
    try {
      return await this.connect(device);
    } catch (error) {
      return this.reconnectAny(device, error as Error);
    }
  }
}
`,
  // A catch that awaits a rewrite of the request from the refusal (an LLM fixing the SQL the warehouse
  // rejected) sends another request next round: a correction, not a retry.
  `
declare function executeQuery(sql: string): Promise<unknown[]>;
async function fixQuery(failedSql: string, errorMessage: string): Promise<string> {
  const res = await fetch('https://llm.example.com/fix-sql', { method: 'POST', body: JSON.stringify({ failedSql, errorMessage }), signal: AbortSignal.timeout(30_000) });
  return (await res.json()).sql;
}
export async function queryWithRepair(sql: string, maxRetries = 2) {
  let currentSql = sql;
  let retryCount = 0;
  while (retryCount <= maxRetries) {
    try {
      return await executeQuery(currentSql);
    } catch (err) {
      if (retryCount >= maxRetries) throw err;
      currentSql = await fixQuery(currentSql, (err as Error).message);
      retryCount++;
    }
  }
  throw new Error('query could not be repaired');
}
`,
  // An inner retry whose last failure a function on the way keeps (it answers null) never fails the
  // outer one: the attempts do not multiply.
  rolesThroughRetry('return null;'),
  // A scan that runs itself again after every answer, a success as well as a failure: the next id, not
  // a retry of what failed.
  `
let deviceId = 0;
export function scan(): void {
  if (deviceId++ < 18) {
    fetch(\`https://gateway.example.com/devices/\${deviceId}/inputs\`, { signal: AbortSignal.timeout(2000) })
      .then(() => scan())
      .catch((error) => {
        console.log('no device at', deviceId, error);
        scan();
      });
  }
}
`,
  // A method of the client's own state (its configuration) calls nothing remote.
  `
import { getHubspotClient } from './hubspot';
export function configure(token: string): void {
  try {
    const hs_client = getHubspotClient();
    hs_client.config.setAccessToken(token);
  } catch (error) {
    setTimeout(() => configure(token), 5000);
  }
}
`,
  // The failed-status recursion returned without await: when its chain fails, the rejection goes to the
  // caller, not to the catch beside it, so the two recursions share one count and do not multiply.
  `
export class QuantClient {
  async request(method: string, url: string, body: unknown = null, retryCount = 0): Promise<unknown> {
    const maxRetries = 3;
    try {
      const resp = await fetch(url, { method, body: body === null ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      if (!resp.ok) {
        if (retryCount < maxRetries && resp.status >= 500) {
          await new Promise((resolve) => setTimeout(resolve, 2 ** retryCount * 1000));
          return this.request(method, url, body, retryCount + 1);
        }
        throw new Error(\`HTTP \${resp.status}\`);
      }
      return await resp.json();
    } catch (error) {
      if ((error as Error).name === 'AbortError' && retryCount < maxRetries) {
        await new Promise((resolve) => setTimeout(resolve, 2 ** retryCount * 500));
        return this.request(method, url, body, retryCount + 1);
      }
      throw error;
    }
  }
  items() { return this.request('GET', 'https://api.example.com/items'); }
}
`,
  // A wait skipped only when the configured delay (a field) is 0: the branch without it had no time to wait.
  `
import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// retry with a configurable delay; the wait is skipped only when the delay is 0
export class Api {
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  constructor(opts?: { maxAttempts?: number; retryDelayMs?: number }) {
    this.maxAttempts = opts?.maxAttempts ?? 2;
    this.retryDelayMs = Math.max(0, opts?.retryDelayMs ?? 750);
  }
  async getJson(url: string) {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        const res = await axios.get(url, { timeout: 5000 });
        return res.data;
      } catch (error) {
        if (attempt >= this.maxAttempts) throw error;
        if (this.retryDelayMs > 0) {
          await sleep(this.retryDelayMs);
        }
      }
    }
  }
}
`,
  // A catch that adds a correction to the messages the next attempt sends (answer with JSON only) corrects
  // the request, as an assignment would.
  `
type Message = { role: 'user' | 'assistant' | 'system'; content: string };
export async function askForJson(messages: Message[], maxRetries = 3): Promise<unknown> {
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    try {
      const res = await fetch('https://llm.example.com/v1/chat', { method: 'POST', body: JSON.stringify({ messages }), signal: AbortSignal.timeout(30_000) });
      return JSON.parse((await res.json()).content);
    } catch (error) {
      if (attempt < maxRetries) messages.push({ role: 'user', content: 'Answer with a JSON object only.' });
    }
  }
  return null;
}
`,
  // A loop that goes round, waiting, only while the platform refuses for capacity: told by a predicate of
  // the file, by one named for a rate limit, or inline on the message made a string.
  `
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
declare const client: { runBacktest(id: string, code: string): Promise<unknown> };
declare function isThrottled(error: unknown): boolean;
function isCapacityRefusal(error: unknown) {
  return String((error as Error)?.message || '').includes('rate limit');
}
export async function submit(id: string, code: string) {
  while (true) {
    try {
      return await client.runBacktest(id, code);
    } catch (error) {
      if (!isCapacityRefusal(error)) throw error;
      await sleep(60_000);
    }
  }
}
export async function submitNamed(id: string, code: string) {
  while (true) {
    try {
      return await client.runBacktest(id, code);
    } catch (error) {
      if (!isThrottled(error)) throw error;
      await sleep(60_000);
    }
  }
}
export async function submitInline(id: string, code: string) {
  while (true) {
    try {
      return await client.runBacktest(id, code);
    } catch (error) {
      if (!String((error as Error)?.message || '').includes('rate limit')) throw error;
      await sleep(60_000);
    }
  }
}
`,
  // A loop that goes round only after a refused session (a predicate matching 401, 403 or "expired" in the
  // message) and refreshes the session first: a correction, not a retry.
  `
declare function ensureSession(options: { forceRefresh: boolean }): Promise<void>;
declare const client: { runNotebook(id: string): Promise<unknown> };
function isSessionError(error: unknown) {
  const message = String((error as Error)?.stack || (error as Error)?.message || error || '');
  return /401|403|Unauthorized|Forbidden|session.*expired|cookie.*invalid|authentication/i.test(message);
}
export async function runNotebook(id: string) {
  let attemptCount = 0;
  const maxAttempts = 2;
  while (attemptCount < maxAttempts) {
    attemptCount++;
    try {
      await ensureSession({ forceRefresh: attemptCount > 1 });
      return await client.runNotebook(id);
    } catch (error) {
      if (isSessionError(error) && attemptCount < maxAttempts) continue;
      throw error;
    }
  }
  return undefined;
}
`,
  // A poll whose flag is set when the answer says the work is done: a good answer that says "still
  // processing" goes round too, at the poll's own pace.
  `
// A status poll: the loop goes round on success too ("still processing"), and its catch logs and carries on.
export const pollSyncStatus = async (setLoading: (loading: boolean) => void) => {
  let isComplete = false;
  while (!isComplete) {
    try {
      const res = await fetch("https://shop.example.com/api/getSyncStatus", { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error("Failed to fetch Sync Status");
      const data = await res.json();
      setLoading(data.processing);
      if (!data.processing) {
        isComplete = true;
      }
    } catch (pollingError) {
      console.error("Polling error:", pollingError);
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
};
`,
  // A loop whose try awaits nothing catches only what its calls throw at once (opening a local SQLite
  // file), never a remote call's failure.
  `
import { Database } from 'node-sqlite3-wasm';
declare function isSqliteLockedError(e: unknown): boolean;
declare function cleanupDatabaseLockArtifacts(p: string): void;
const MAX_ATTEMPTS = 3;
// retry: opening a local SQLite file; the catch relocates lock files before going round
export function initialize(dbPath: string): Database {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const db = new Database(dbPath);
      db.run('PRAGMA busy_timeout = 5000');
      db.get('PRAGMA journal_mode = WAL');
      return db;
    } catch (error) {
      if (isSqliteLockedError(error) && attempt < MAX_ATTEMPTS) {
        cleanupDatabaseLockArtifacts(dbPath);
      } else {
        throw error;
      }
    }
  }
  throw new Error('Database initialization failed after lock recovery attempts.');
}
`,
  `
import axios from 'axios';
export async function ping(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return axios.get(url, { timeout: 5000 });
    } catch (error) {
      console.warn('request could not be built', error);
    }
  }
  return undefined;
}
`,
  // A catch that splits the batch the server refused as too large and sends the halves: another request,
  // smaller each time, not the one that failed.
  `
export async function classify(batch: string[], label: string): Promise<unknown[]> {
  try {
    const res = await fetch('https://llm.example.com/v1/classify', { method: 'POST', body: JSON.stringify({ items: batch.join(', ') }), signal: AbortSignal.timeout(30_000) });
    return await res.json();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.includes('413') || message.includes('too large')) {
      if (batch.length <= 1) return [];
      const mid = Math.ceil(batch.length / 2);
      const left = await classify(batch.slice(0, mid), \`\${label}a\`);
      const right = await classify(batch.slice(mid), \`\${label}b\`);
      return [...left, ...right];
    }
    return [];
  }
}
`,
  // The same poll with the state taken out of the answer first (`const { isProcessing } = data.sync[0]`).
  `
export async function pollSync(): Promise<void> {
  let isComplete = false;
  while (!isComplete) {
    try {
      const res = await fetch('https://shop.example.com/api/sync-status', { signal: AbortSignal.timeout(5000) });
      const data = await res.json();
      const { isOrderProcessing, isProductProcessing } = data.sync[0];
      if (!isOrderProcessing && !isProductProcessing) {
        isComplete = true;
      }
    } catch (error) {
      console.error('poll failed', error);
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
`,
  // A worker that schedules itself after a full answer too polls its queue for as long as it lives: an empty answer only sets the pace.
  `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://queue.example.com', timeout: 10000 });
export class Supervisor {
  constructor(private readonly idleMs: number, private readonly busyMs: number) {}
  async dequeueRuns(): Promise<void> {
    try {
      const result = await api.get<{ messages: string[] }>('/runs/next');
      // Nothing queued: look again later.
      if (result.data.messages.length === 0) {
        setTimeout(() => this.dequeueRuns(), this.idleMs);
        return;
      }
      for (const message of result.data.messages) console.log('start', message);
      setTimeout(() => this.dequeueRuns(), this.busyMs);
    } catch (error) {
      setTimeout(() => this.dequeueRuns(), this.idleMs);
    }
  }
}
`,
  // A loop around a test double (`mockHttpClient.get`) in a test calls no one.
  `
declare const jest: { fn(): any };
declare function it(name: string, body: () => Promise<void>): void;
declare function expect(value: unknown): { toBeDefined(): void };
const mockHttpClient = { get: jest.fn() };
it('retries on transient errors', async () => {
  mockHttpClient.get.mockImplementation(() => Promise.reject(new Error('ECONNRESET')));
  let result;
  let retries = 3;
  while (retries > 0) {
    try {
      result = await mockHttpClient.get('/endpoint');
      break;
    } catch {
      retries--;
      if (retries === 0) throw new Error('Max retries exceeded');
    }
  }
  expect(result).toBeDefined();
});
`,
  // A refused credential named by a member of the application's enum, corrected by a new sign-in (melcloud-optimizer).
  classifiedLoop('AUTHENTICATION'),
  // A count raised on the way to each attempt, in a callback between the function and its call of itself:
  // an error-first callback's (TF2Autobot), or a timer's, tested at the function's top (SAP's charging-station simulator).
  confirmRetry('tries > 5'),
  // A wait on an injectable clock: the timer it makes for the time, awaited until it is up (hydrogen-web).
  clockWait('elapsed'),
  // The same reconnect before the runner's try throws out of the loop when it gives up: no multiplication
  // (legal-debate-mvp's connection manager).
  poolRun('before'),
  // The address rewritten to https before the call: another request, once (audiobookshelf's podcast feeds).
  feedUpgrade("url = url.replace('http://', 'https://');"),
  // A read of a Map the constructor puts in an untyped field calls no one (Stellar Micro-Donation's mock ledger).
  mapLedger('this.wallets.get(key)'),
  // Sent again once the code has created the table Postgres said was missing (42P01), and a new receipt
  // number after a unique violation a predicate of the class names (nonprofit-manager).
  missingTable('42P01'),
  receiptLoop('23505'),
  // A catch that ends the loop on every failure but a 429 by setting what its test reads (spotify-to-plex).
  enrichLoop("console.error('giving up', e);\n        ok = true;"),
  // A wait through a method of an object of a class of this file, \`this.limiter.addDelay(ms)\` (Spotify-echo).
  limiterPause('await new Promise((resolve) => setTimeout(resolve, ms));'),
  // A poll: an empty answer waits too, so the loop asks until the members are there.
  untilMembers('if (!members) await sleep(1000);'),
  // A queue's head dropped before draining on moves to the next item; the kept one goes round after a wait,
  // bounded by the count on the item, \`item.retries = (item.retries || 0) + 1\` (plugNmeet's NATS outbox).
  outbox('item.retries > 2', 'this.queue.shift();'),
  // A download that tries its mirror once, by a call that leaves the mirror out (MCSManager's download manager).
  `
export async function download(url: string, target: string, mirrorUrl?: string): Promise<ArrayBuffer> {
  try {
    return await (await fetch(url, { signal: AbortSignal.timeout(60_000) })).arrayBuffer();
  } catch (err) {
    if (mirrorUrl && !(err instanceof DOMException)) {
      return await download(mirrorUrl, target);
    }
    throw err;
  }
}
`,
  `
declare const csms: { requestSignature(kind?: string): Promise<unknown> };
export class SignatureResender {
  private attempts = 0;
  resendLater(kind?: string): void {
    if (this.attempts >= 5) {
      this.attempts = 0;
      return;
    }
    setTimeout(() => {
      this.attempts++;
      csms.requestSignature(kind).catch(() => this.resendLater(kind));
    }, 1000 * 2 ** this.attempts);
  }
}
`,
  // The same loop waiting before it goes round.
  nestedStatusLoop('GET', 'res.status >= 500', "\n        await new Promise((resolve) => setTimeout(resolve, 1000));"),
  // The same loop waiting in its catch too.
  transcriptLoop('\n      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));'),
  // The same listing asked again without the option the server refused: a correction.
  refusedFilter('\n      delete query.$orderBy;'),
  // The same function throwing once the count and the deadline are spent.
  rangePull("throw new Error('retry time limit exceeded');"),
  // Saved again only when the user says so: at their pace, until they stop.
  saveAgainIf("window.confirm('Saving failed. Try again?')"),
  saveAgainIf("choice === 'Retry'", "\n    const choice = await vscode.window.showErrorMessage('Saving failed', 'Retry');"),
  // Each run takes the next pair of the list: a fallback chain, not a retry.
  credentialChain('CREDENTIALS[idx++]'),
  // The same pull giving up after 20 attempts.
  countedDelayPull('\n      if (attempt >= 20) return;'),
  // Electron's IPC to the app's own main process reaches no remote service.
  channelSave('ipcRenderer'),
  // The answer says there is a next page: the loader pages on, it does not retry.
  pageLoader('result.hasNextPage && !result.isFetchingNextPage'),
  // The same loop moving on to the next item after a failure: a loop over items, not a retry.
  renderEach(''),
  // Taken back only after a refusal, once the wait is over: nothing the server acted on is sent again, and
  // it goes at the server's pace (Spotify-echo's audio features on a 429).
  renderEach('\n        i--;\n        continue;', 'e.response?.status === 429'),
  supabaseMarkPaid('\n    await new Promise((resolve) => setTimeout(resolve, 1000));'),
  supabaseUpload('\n    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));'),
  // The catch hands every failure to a function that never returns: nothing goes round.
  catchHandsToHelper('function report(error: unknown): never {\n  throw new Error(String(error));\n}'),
  catchHandsToHelper("function report(error: unknown) {\n  if (error instanceof TypeError) throw new Error('offline');\n  throw error;\n}"),
  // The hook is handed the failure, in the context the catch wrote it to or in an object: it may wait.
  awaitedRetryHook('\n      ctx.error = error;\n      await onRetry(ctx);'),
  awaitedRetryHook('\n      await onRetry({ tryNo: ctx.tryNo, error });'),
  // The same poll waiting after a failure too, and one whose catch gives up.
  countedReadinessPoll('\n      await new Promise((resolve) => setTimeout(resolve, delayMs));'),
  countedReadinessPoll('\n      throw error;'),
  cachedLoader('\n        if (++tries < 5) timers.setTimeout(() => attempt(resolve), backoff * 60_000);\n        backoff *= 2;'),
  // Only a refused request (a 429) goes back, after a wait: it goes at the server's pace.
  throttleQueue('\n        if (error.response?.status === 429) {\n          await this.sleep(2000);\n          this.queue.unshift(job);\n        } else {\n          job.reject(error);\n        }'),
  // A queue whose catch only logs moves on to the next message.
  offlineQueue('\n        console.warn(error);'),
  // A throttling class named as such is a refusal: sent again at the server's pace.
  resendAfterReset('ThrottleError'),
  resendAfterReset('ThrottlingException'),
  // Only a rate limit goes round, which the client's retries give up on: nothing multiplies.
  formatWithRetry('rate limit'),
];

untypedTester.run('require-retry-backoff', rule, { valid: validCases, invalid: invalidCases });
typedTester.run('require-retry-backoff (typed)', rule, { valid: validCases, invalid: invalidCases });

/** What the editor shows besides the squiggle (`data.relatedLocations`, turned into LSP related information by the server). */
describe('require-retry-backoff: related locations', () => {
  it('points a shared setting at each retry that reads it, and an inline one at none (it carries none)', () => {
    const reports = observeReports(rule, invalidCases[0]!.code);
    assert.deepEqual(reports, [
      {
        line: 5, messageId: 'libraryWithoutWait',
        related: [{ message: 'async-retry retries with this setting here', line: 7 }, { message: 'async-retry retries with this setting here', line: 10 }],
      },
    ]);
  });

  it('points a shared endless setting at each retry that reads it', () => {
    const code = `
import pRetry from 'p-retry';
const endless = { forever: true, minTimeout: 500 };
export const price = (id: string) => pRetry(() => fetch(\`https://prices.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) }), endless);
export const stock = (id: string) => pRetry(() => fetch(\`https://stock.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) }), endless);
`;
    const related = [{ message: 'p-retry retries with this setting here', line: 4 }, { message: 'p-retry retries with this setting here', line: 5 }];
    assert.deepEqual(observeReports(rule, code), [{ line: 3, messageId: 'foreverRetry', related }]);
  });

  it('points a nested retry at its own retry and at the retries around it, with their attempts', () => {
    const code = `
import retry from 'async-retry';
import pRetry from 'p-retry';

async function quote(symbol: string) {
  return pRetry(() => fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) }), { retries: 3 });
}

export const board = (symbol: string) => retry(() => quote(symbol), { retries: 5 });
`;
    const related = [{ message: 'inner retry: 4 attempts', line: 6 }, { message: 'outer retry: 6 attempts', line: 9 }];
    assert.deepEqual(observeReports(rule, code), [{ line: 9, messageId: 'nestedRetry', related }]);
  });
  it('points at an inner loop by its keyword', () => {
    const code = `
import retry from 'async-retry';

async function quote(symbol: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
    }
  }
  throw new Error('no quote');
}

export const board = (symbol: string) => retry(() => quote(symbol), { retries: 5 });
`;
    const related = [{ message: 'inner retry: 4 attempts', line: 5 }, { message: 'outer retry: 6 attempts', line: 15 }];
    assert.deepEqual(observeReports(rule, code), [{ line: 15, messageId: 'nestedRetry', related }]);
  });
});

/** With types, a retry in a function of another file counts as an inner layer (filenames relative to test/fixtures). */
export const typedInvalidCases: InvalidTestCase<MessageIds, Options>[] = [
  {
    filename: 'project-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { listOrders } from './orders.js';

export async function orders() {
  return pRetry(() => listOrders(), { retries: 2 });
}
`,
    errors: [{
      messageId: 'nestedRetry', line: 6, column: 23, endLine: 6, endColumn: 33, suggestions: [],
      data: { total: '15', breakdown: '5 (p-retry in listOrders() in orders.ts on line 31) × 3 (p-retry on line 6)' },
    }],
  },
  // A wrapper of another file that repeats its own POST, inside a retry here: the attempts multiply.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { sendWithRetry } from './client.js';

export async function refund(id: string) {
  return pRetry(() => sendWithRetry(\`/refunds/\${id}\`, { method: 'POST' }), { retries: 2 });
}
`,
    errors: [{
      messageId: 'nestedRetry', line: 6, column: 23, endLine: 6, endColumn: 36, suggestions: [],
      data: { total: '15', breakdown: '5 (p-retry in sendWithRetry() in client.ts on line 21) × 3 (p-retry on line 6)' },
    }],
  },
  // A function of another file with a neutral name (postForm in api.ts) that calls fetch: with types, the
  // loop's attempt is remote, so its missing bound and wait are reported.
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { postForm } from './api.js';

export async function submit(body: string) {
  for (;;) {
    try {
      return await postForm('/forms', { body });
    } catch {
      console.warn('submitting again');
    }
  }
}
`,
    errors: [
      { messageId: 'unboundedRetry', line: 5, column: 3, endLine: 5, endColumn: 6, data: { retry: 'the for-loop on line 5', endless: 'while the dependency is down it calls it forever, adding load to a service that is already failing' } },
      { messageId: 'noBackoff', line: 5, column: 3, endLine: 5, endColumn: 6, data: { retry: 'the for-loop on line 5' } },
    ],
  },
  // An instance that axios-retry retries in another file (project-axios-retry/http.ts), inside p-retry here.
  {
    filename: 'project-axios-retry/checkout.ts',
    code: `
import pRetry from 'p-retry';
import { payments } from './http.js';

export const balance = () => pRetry(() => payments.get('/balance'), { retries: 4 });
`,
    errors: [{
      messageId: 'nestedRetry', line: 5, column: 43, endLine: 5, endColumn: 55, suggestions: [],
      data: { total: '15', breakdown: '3 (axios-retry in http.ts on line 6) × 5 (p-retry on line 5)' },
    }],
  },
];

/** Another file's retry helper is judged in its own file: its calls here add no finding of their own. */
const typedValidCases: Array<ValidTestCase<Options>> = [
  {
    filename: 'project-retry/checkout.ts',
    code: `
import { retrying, withRetry } from './retry.js';

export async function pay(amount: number) {
  await withRetry(() => fetch('https://pay.example.com/charges', { method: 'POST', body: String(amount), signal: AbortSignal.timeout(5000) }));
  await retrying(() => fetch('https://pay.example.com/health', { signal: AbortSignal.timeout(5000) }));
}
`,
  },
  // A cockatiel policy made in another file (retry-policy.ts, which waits) is judged there: executing it here adds nothing.
  { filename: 'project-retry/submit-order.ts', code: fs.readFileSync(path.join(FIXTURES, 'project-retry/submit-order.ts'), 'utf8') },
];

typedTester.run('require-retry-backoff (typed, across files)', rule, { valid: typedValidCases, invalid: typedInvalidCases });
