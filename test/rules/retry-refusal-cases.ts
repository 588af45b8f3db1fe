/**
 * Valid cases both retry rules must stay silent on: each sends a request again only after the server refused
 * it (a 401 or 403 once the token is refreshed, in a catch or an interceptor; a 404), or asks another item
 * each round. Neither no-unsafe-retry nor require-retry-backoff may report them.
 */
/**
 * A message posted as the user, and after a failure posted once more as the bot, by a call that leaves the
 * user out (`again`: how the catch calls the function; matrix-appservice-discord's channel lookup).
 */
export const fallbackAsBot = (again: string): string => `
declare const tokens: { forUser(user: string): Promise<string> };
declare const botToken: string;
export async function postAs(channel: string, text: string, asUser?: string): Promise<unknown> {
  const hasUser = asUser !== null && asUser !== undefined;
  try {
    const token = hasUser ? await tokens.forUser(asUser) : botToken;
    return await fetch(\`https://chat.example.com/channels/\${channel}/messages\`, { method: 'POST', headers: { Authorization: token }, body: text, signal: AbortSignal.timeout(5000) });
  } catch (err) {
    if (hasUser) {
      return await ${again};
    }
    throw err;
  }
}
`;

/**
 * A request sent again from inside the failure branch of `if (!res.ok)`, by an inner test of the status
 * (`retried`) that continues after `wait` (mgkdante/transit's snapshot loader); any other failure throws.
 */
export const nestedStatusLoop = (method: string, retried: string, wait: string): string => `
export async function sendSnapshot(url: string, body: string, serverErrorRetries = 1): Promise<Response | undefined> {
  let left = serverErrorRetries;
  while (true) {
    const res = await fetch(url, { method: '${method}', body, signal: AbortSignal.timeout(5000) });
    if (res.status === 404) return undefined;
    if (!res.ok) {
      if (${retried} && left > 0) {
        left -= 1;${wait}
        continue;
      }
      throw new Error(\`HTTP \${res.status}\`);
    }
    return res;
  }
}
`;

/**
 * A Matrix event sent in a loop that waits and goes round only on the error code `errcode` (hydrogen-web's
 * request scheduler); every other failure leaves.
 */
export const matrixSend = (errcode: string): string => `
declare class MatrixError extends Error { errcode: string; retry_after_ms?: number }
declare function sleep(ms: number): Promise<void>;
export async function sendEvent(room: string, event: unknown): Promise<Response> {
  for (;;) {
    try {
      const res = await fetch(\`https://matrix.example.org/_matrix/client/v3/rooms/\${room}/send\`, { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw Object.assign(new MatrixError(), await res.json());
      return res;
    } catch (err) {
      if (err instanceof MatrixError && err.errcode === '${errcode}') {
        await sleep(err.retry_after_ms ?? 2000);
      } else {
        throw err;
      }
    }
  }
}
`;

/**
 * A POST sent again after the server asked for a second factor and the user gave one (Rocket.Chat's
 * \`totp-required\`); \`codes\` is the list of error types the catch asks the user about.
 */
export const secondFactorPost = (codes: string): string => `
declare const session: { code?: string };
declare function askSecondFactor(invalid: boolean): Promise<void>;
export function postWithCode(path: string, body: unknown): Promise<unknown> {
  return new Promise(async (resolve, reject) => {
    try {
      resolve(await fetch(path, { method: 'POST', headers: { 'x-2fa-code': session.code ?? '' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) }));
    } catch (e: any) {
      const kind = e?.data?.errorType;
      const totpInvalid = 'totp-invalid';
      if (${codes}.includes(kind)) {
        try {
          await askSecondFactor(kind === 'totp-invalid');
          return resolve(postWithCode(path, body));
        } catch {
          return resolve({});
        }
      }
      reject(e);
    }
  });
}
`;

/**
 * An axios interceptor that sends a request again once, after the status named \`status\` (a member of a table
 * of named codes, as nr-compliance-enforcement's \`STATUS_CODES.Unauthorized\`), with a new token.
 */
export const namedStatusInterceptor = (status: string): string => `
import axios from 'axios';

const STATUS = { Unauthorized: 401, ServiceUnavailable: 503 };
declare function refreshToken(): Promise<string>;

const http = axios.create({ baseURL: 'https://api.example.com', timeout: 10_000 });
http.interceptors.response.use(
  (response) => response,
  async (error) => {
    const original = error.config;
    if (error.response?.status === ${status} && !original._retry) {
      original._retry = true;
      original.headers.Authorization = \`Bearer \${await refreshToken()}\`;
      return http(original);
    }
    throw error;
  },
);

export const createItem = (body: unknown) => http.post('/items', body);
`;

/**
 * A vendor client that sends its POST again, after renewing its token, when the failure's message names
 * `failure` (a payment vendor's client: 'Unauthorized').
 */
export const vendorResend = (failure: string): string => `
export class Vendor {
  token = '';
  async renew(): Promise<void> {
    const res = await fetch('https://vendor.example.com/auth/token', { method: 'POST', body: '{}' });
    this.token = (await res.json()).access_token;
  }
  async call(path: string, data: unknown): Promise<unknown> {
    try {
      const res = await fetch(\`https://vendor.example.com/\${path}\`, { method: 'POST', headers: { Authorization: this.token }, body: JSON.stringify(data) });
      if (!res.ok) throw new Error(res.status === 401 ? 'Unauthorized' : \`status \${res.status}\`);
      return await res.json();
    } catch (error: any) {
      if (error.message.includes('${failure}')) {
        await this.renew();
        return await this.call(path, data);
      }
      throw error;
    }
  }
}
`;

/**
 * An offline queue that sends what was queued while offline, taking each message with `dequeue()` until none
 * is left; its catch does `onFailure` (a voice translator's, whose endpoint deducts credits).
 */
export const offlineQueue = (onFailure: string): string => `
export class OfflineQueue {
  private items: { body: string; retries: number }[] = [];

  async enqueue(body: string, retries = 0) {
    this.items.push({ body, retries });
  }

  async dequeue() {
    return this.items.shift() ?? null;
  }

  // sends again what failed (retry)
  async flush() {
    while (true) {
      const msg = await this.dequeue();
      if (!msg) break;
      try {
        const res = await fetch('https://translate.example.com/api/translate', { method: 'POST', body: msg.body, signal: AbortSignal.timeout(10_000) });
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      } catch (error) {${onFailure}
      }
    }
  }
}
`;

/**
 * A mail alias written through supabase-js in a counted loop with a fresh random slug each time (retry on
 * failure); `write` is the chain's end, `onError` what a failed answer does before the loop goes round (a
 * reading app's send-to-inbox address).
 */
export const slugLoop = (write: string, onError: string): string => `
import { createClient } from '@supabase/supabase-js';

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);

export async function ensureSlug(ownerId: string): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = Math.random().toString(36).slice(2, 10);
    const { error } = await supabase.from('inbox_slugs').${write};
    if (!error) return slug;${onError}
  }
  return null;
}
`;

export const REFUSAL_CASES: readonly string[] = [
  // Sent again only after the server refused it, once the token is refreshed: a 401 or 403 in a catch, or an
  // interceptor's 401 test held in a \`const\`. Nothing the first request did is repeated.
  `
import axios, { type AxiosRequestConfig } from 'axios';

const http = axios.create({ baseURL: 'https://pay.example.com', timeout: 5000 });

export class Gateway {
  token = '';
  async refresh() {
    this.token = (await http.post('/login', {})).data.token;
  }
  async send(config: AxiosRequestConfig, allowRetry = true): Promise<unknown> {
    try {
      return (await http.request({ ...config, headers: { Authorization: this.token } })).data;
    } catch (err) {
      const status = axios.isAxiosError(err) ? err.response?.status ?? 0 : 0;
      if (allowRetry && (status === 401 || status === 403)) {
        await this.refresh();
        return this.send(config, false);
      }
      throw err;
    }
  }
  charge(amount: number) {
    return this.send({ method: 'POST', url: '/charges', data: { amount } });
  }
}
`,
  `
import axios from 'axios';

const http = axios.create({ baseURL: 'https://pay.example.com', timeout: 5000 });

http.interceptors.response.use((response) => response, async (error) => {
  const isAuthError = error.response?.status === 401 && error.response?.data?.code === 'TOKEN_EXPIRED';
  if (isAuthError && !error.config._retry) {
    error.config._retry = true;
    await http.post('/login', {});
    return http(error.config);
  }
  return Promise.reject(error);
});

export const charge = (amount: number) => http.post('/charges', { amount });
`,
  // A 404 asked again (nothing else is), and a round per model (\`const model = MODELS[i]\` before the try):
  // a refusal and a fallback chain, neither a repeat of what the server applied.
  `
import axios from 'axios';

const MODELS = ['imagen-4', 'imagen-3'];
// The model may be rolling out: a 404 is asked again, and nothing else is.
export async function image(prompt: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await axios.post('https://ai.example.com/models/imagen:predict', { prompt }, { timeout: 5000 })).data;
    } catch (err) {
      if (axios.isAxiosError(err) && err.response?.status === 404 && attempt < 2) continue;
      throw err;
    }
  }
}
export async function caption(prompt: string) {
  for (let i = 0; i < MODELS.length; i++) {
    const model = MODELS[i];
    try {
      return (await axios.post(\`https://ai.example.com/models/\${model}:caption\`, { prompt }, { timeout: 5000 })).data;
    } catch {
      console.warn(\`\${model} failed, trying the next one\`);
    }
  }
}
`,
  // A resend after a 401 and a token refresh, under \`if (!response.ok)\`: a correction, and \`!response.ok\`
  // is a failed status, not an empty answer.
  `
declare const authService: { refreshAccessToken(): Promise<void> };
class ApiService {
  async request(endpoint: string, options: RequestInit = {}): Promise<unknown> {
    const response = await fetch(\`https://api.example.com/v1\${endpoint}\`, { ...options, signal: AbortSignal.timeout(5000) });
    if (!response.ok) {
      if (response.status === 401) {
        await authService.refreshAccessToken();
        return this.request(endpoint, options);
      }
      throw new Error(\`API Error: \${response.status}\`);
    }
    return response.json();
  }
  async post(endpoint: string, data = {}) {
    return this.request(endpoint, { method: 'POST', body: JSON.stringify(data) });
  }
}
export default new ApiService();
`,
  // A walk over a list that moves on to the next item after a failure (`next(i + 1)`, the request sending
  // \`items[i]\`), from a \`.catch()\` or on a failed answer: another request each time, not the one that failed.
  `
function send(path: string, method: string, body: unknown) {
  return fetch(path, { method, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) }).then((r) => r.json());
}
export function pushAll(items: Array<{ amount: number }>) {
  let failCount = 0;
  (function next(i: number) {
    if (i >= items.length) return;
    const item = items[i];
    send('https://api.example.com/portal-spend', 'POST', item).then((r) => {
      if (!r?.ok) { failCount++; next(i + 1); return; }
      send('https://api.example.com/portal-spend', 'PATCH', { id: r.data.id, action: 'approve' })
        .then(() => next(i + 1))
        .catch(() => { failCount++; next(i + 1); });
    }).catch(() => { failCount++; next(i + 1); });
  })(0);
}
`,
  // Sent once more without the optional user the guard tests (a fallback to the bot's own identity, once).
  fallbackAsBot('postAs(channel, text)'),
  // Matrix's rate-limit refusal, \`M_LIMIT_EXCEEDED\` (a 429 by its error code), waited out as the server asks.
  matrixSend('M_LIMIT_EXCEEDED'),
  // Sent again once the user gives the second factor the server asked for (a refused credential, corrected).
  secondFactorPost("[totpInvalid, 'totp-required']"),
  // A 401 named by its reason phrase in a table of codes, \`STATUS.Unauthorized\` (as \`HttpStatus.UNAUTHORIZED\`).
  namedStatusInterceptor('STATUS.Unauthorized'),
  // Sent again only after a refusal its message names: a token refreshed after 'Unauthorized', a duplicate
  // removed after a 409 or 'already exists' (a payment vendor's client, a dialer CRM's lead sync).
  vendorResend('Unauthorized'),
  `
async function dialer(path: string, init: { method?: string; body?: string } = {}) {
  const res = await fetch(\`https://dialer.example.com\${path}\`, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw Object.assign(new Error(\`dialer \${res.status}\`), { status: res.status });
  return res.json();
}

export async function addLead(phone: string, depth = 0): Promise<unknown> {
  if (depth > 3) throw new Error('giving up');
  try {
    return await dialer('/api/leads', { method: 'POST', body: JSON.stringify({ phone }) });
  } catch (e: any) {
    if (e.status === 409 || String(e.message).toLowerCase().includes('already exists')) {
      const stale = await dialer(\`/api/leads?phone=\${phone}\`);
      await dialer(\`/api/leads/\${stale.id}\`, { method: 'DELETE' });
      return addLead(phone, depth + 1);
    }
    throw e;
  }
}
`,
  // Goes round only when the slug was taken (Postgres 23505): a conflict, nothing applied.
  slugLoop("upsert({ owner_id: ownerId, slug }, { onConflict: 'owner_id' })", "\n    if (error.code !== '23505') return null;"),
];
