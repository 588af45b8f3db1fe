import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unguarded-dependency';
import { typedTester, untypedTester } from '../rule-tester';

/**
 * Invalid cases, exported for test/properties/suggestions.test.ts (every suggestion parses and silences its
 * report). They run with and without types here too: types only sharpen the verdict, never change it.
 */
export const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  // opossum: the example service. `refund` goes to the same instance around the breaker.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function capture(orderId: string): Promise<void> {
  await payments.post(\`/v1/orders/\${orderId}/capture\`, {});
}

const captureBreaker = new CircuitBreaker(capture, { resetTimeout: 30_000 });

export async function complete(orderId: string): Promise<void> {
  await captureBreaker.fire(orderId);
}

export async function refund(orderId: string): Promise<void> {
  await payments.post(\`/v1/orders/\${orderId}/refund\`, {});
}
`,
    errors: [{ messageId: 'bypassedGuard', line: 18, column: 9, endColumn: 22, suggestions: [] }],
  },
  // opossum: calling the breaker's action directly bypasses it; the suggestion fires the breaker instead.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function capture(orderId: string): Promise<void> {
  await payments.post(\`/v1/orders/\${orderId}/capture\`, {});
}

const captureBreaker = new CircuitBreaker(capture);

export async function complete(orderId: string): Promise<void> {
  await captureBreaker.fire(orderId);
}

export async function retryCapture(orderId: string): Promise<void> {
  await capture(orderId);
}
`,
    errors: [{
      messageId: 'bypassedGuard', line: 18, column: 9, endColumn: 16,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function capture(orderId: string): Promise<void> {
  await payments.post(\`/v1/orders/\${orderId}/capture\`, {});
}

const captureBreaker = new CircuitBreaker(capture);

export async function complete(orderId: string): Promise<void> {
  await captureBreaker.fire(orderId);
}

export async function retryCapture(orderId: string): Promise<void> {
  await captureBreaker.fire(orderId);
}
`,
      }],
    }],
  },
  // cockatiel: a call to the same origin outside `policy.execute`; the suggestion wraps it.
  {
    code: `
import { circuitBreaker, ConsecutiveBreaker, handleAll, timeout, TimeoutStrategy, wrap } from 'cockatiel';

const fraudPolicy = wrap(
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
  timeout(2000, TimeoutStrategy.Aggressive),
);

export async function screen(orderId: string): Promise<Response> {
  return fraudPolicy.execute(({ signal }) => fetch(\`https://fraud.example.com/v1/screen/\${orderId}\`, { signal }));
}

export async function report(orderId: string): Promise<Response> {
  return fetch(\`https://fraud.example.com/v1/report/\${orderId}\`, { signal: AbortSignal.timeout(2000) });
}
`,
    errors: [{
      messageId: 'bypassedGuard', line: 14, column: 10, endColumn: 15,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import { circuitBreaker, ConsecutiveBreaker, handleAll, timeout, TimeoutStrategy, wrap } from 'cockatiel';

const fraudPolicy = wrap(
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
  timeout(2000, TimeoutStrategy.Aggressive),
);

export async function screen(orderId: string): Promise<Response> {
  return fraudPolicy.execute(({ signal }) => fetch(\`https://fraud.example.com/v1/screen/\${orderId}\`, { signal }));
}

export async function report(orderId: string): Promise<Response> {
  return fraudPolicy.execute(() => fetch(\`https://fraud.example.com/v1/report/\${orderId}\`, { signal: AbortSignal.timeout(2000) }));
}
`,
      }],
    }],
  },
  // cockatiel `@usePolicy`: the decorated method is guarded, the other method is not.
  {
    code: `
import { bulkhead, usePolicy } from 'cockatiel';
import axios from 'axios';

const pool = bulkhead(8);
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 3000 });

export class Ledger {
  @usePolicy(pool)
  async balance(account: string) {
    return ledger.get(\`/accounts/\${account}\`);
  }

  async history(account: string) {
    return ledger.get(\`/accounts/\${account}/history\`);
  }
}
`,
    errors: [{
      messageId: 'bypassedGuard', line: 15, column: 12, endColumn: 22,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import { bulkhead, usePolicy } from 'cockatiel';
import axios from 'axios';

const pool = bulkhead(8);
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 3000 });

export class Ledger {
  @usePolicy(pool)
  async balance(account: string) {
    return ledger.get(\`/accounts/\${account}\`);
  }

  async history(account: string) {
    return pool.execute(() => ledger.get(\`/accounts/\${account}/history\`));
  }
}
`,
      }],
    }],
  },
  // p-limit: one request skips the pool the others share.
  {
    code: `
import pLimit from 'p-limit';

const limit = pLimit(4);
const INVENTORY = 'https://inventory.example.com';

export const stock = (sku: string) => limit(() => fetch(\`\${INVENTORY}/stock/\${sku}\`, { signal: AbortSignal.timeout(3000) }));

export async function reserve(sku: string) {
  const response = await fetch(\`\${INVENTORY}/reservations/\${sku}\`, { method: 'POST', signal: AbortSignal.timeout(3000) });
  return response.ok;
}
`,
    errors: [{
      messageId: 'bypassedGuard', line: 10, column: 26, endColumn: 31,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import pLimit from 'p-limit';

const limit = pLimit(4);
const INVENTORY = 'https://inventory.example.com';

export const stock = (sku: string) => limit(() => fetch(\`\${INVENTORY}/stock/\${sku}\`, { signal: AbortSignal.timeout(3000) }));

export async function reserve(sku: string) {
  const response = await limit(() => fetch(\`\${INVENTORY}/reservations/\${sku}\`, { method: 'POST', signal: AbortSignal.timeout(3000) }));
  return response.ok;
}
`,
      }],
    }],
  },
  // p-queue: same instance, one call outside `queue.add`.
  {
    code: `
import PQueue from 'p-queue';
import got from 'got';

const queue = new PQueue({ concurrency: 2 });
const carriers = got.extend({ prefixUrl: 'https://carriers.example.com', timeout: { request: 8000 } });

export const quote = (id: string) => queue.add(() => carriers.get(\`quotes/\${id}\`));
export const cancel = (id: string) => carriers.delete(\`bookings/\${id}\`);
`,
    errors: [{
      messageId: 'bypassedGuard', line: 9, column: 39, endColumn: 54,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import PQueue from 'p-queue';
import got from 'got';

const queue = new PQueue({ concurrency: 2 });
const carriers = got.extend({ prefixUrl: 'https://carriers.example.com', timeout: { request: 8000 } });

export const quote = (id: string) => queue.add(() => carriers.get(\`quotes/\${id}\`));
export const cancel = (id: string) => queue.add(() => carriers.delete(\`bookings/\${id}\`));
`,
      }],
    }],
  },
  // The suggestion copies the call's text as is, `$&` and `$'` included.
  {
    code: `
import pLimit from 'p-limit';

const limit = pLimit(2);

export const a = () => limit(() => fetch('https://prices.example.com/a?q=$&', { signal: AbortSignal.timeout(1000) }));
export const b = () => fetch("https://prices.example.com/b?q=$'", { signal: AbortSignal.timeout(1000) });
`,
    errors: [{
      messageId: 'bypassedGuard', line: 7, column: 24, endColumn: 29,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import pLimit from 'p-limit';

const limit = pLimit(2);

export const a = () => limit(() => fetch('https://prices.example.com/a?q=$&', { signal: AbortSignal.timeout(1000) }));
export const b = () => limit(() => fetch("https://prices.example.com/b?q=$'", { signal: AbortSignal.timeout(1000) }));
`,
      }],
    }],
  },
  // Bottleneck `schedule`, with options first.
  {
    code: `
import Bottleneck from 'bottleneck';
import axios from 'axios';

const limiter = new Bottleneck({ maxConcurrent: 5 });
const maps = axios.create({ baseURL: 'https://maps.example.com', timeout: 2000 });

export const geocode = (q: string) => limiter.schedule({ priority: 1 }, () => maps.get('/geocode', { params: { q } }));
export const route = (from: string, to: string) => maps.get('/route', { params: { from, to } });
`,
    errors: [{
      messageId: 'bypassedGuard', line: 9, column: 52, endColumn: 60,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import Bottleneck from 'bottleneck';
import axios from 'axios';

const limiter = new Bottleneck({ maxConcurrent: 5 });
const maps = axios.create({ baseURL: 'https://maps.example.com', timeout: 2000 });

export const geocode = (q: string) => limiter.schedule({ priority: 1 }, () => maps.get('/geocode', { params: { q } }));
export const route = (from: string, to: string) => limiter.schedule(() => maps.get('/route', { params: { from, to } }));
`,
      }],
    }],
  },
  // Bottleneck `wrap`: the wrapped function is guarded; calling the original bypasses the limiter.
  {
    code: `
import Bottleneck from 'bottleneck';

const limiter = new Bottleneck({ maxConcurrent: 2 });

async function lookup(sku: string) {
  return fetch(\`https://pricing.example.com/prices/\${sku}\`, { signal: AbortSignal.timeout(1500) });
}

const limitedLookup = limiter.wrap(lookup);

export const price = (sku: string) => limitedLookup(sku);
export const priceNow = (sku: string) => lookup(sku);
`,
    errors: [{
      messageId: 'bypassedGuard', line: 13, column: 42, endColumn: 48,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import Bottleneck from 'bottleneck';

const limiter = new Bottleneck({ maxConcurrent: 2 });

async function lookup(sku: string) {
  return fetch(\`https://pricing.example.com/prices/\${sku}\`, { signal: AbortSignal.timeout(1500) });
}

const limitedLookup = limiter.wrap(lookup);

export const price = (sku: string) => limitedLookup(sku);
export const priceNow = (sku: string) => limitedLookup(sku);
`,
      }],
    }],
  },
  // opossum with a client method as its action: a direct call of that method is routed through `fire`.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });
const getCharge = new CircuitBreaker(payments.get.bind(payments));

export const charge = (id: string) => getCharge.fire(\`/v1/charges/\${id}\`);
export const chargeNow = (id: string) => payments.get(\`/v1/charges/\${id}\`);
`,
    errors: [{
      messageId: 'bypassedGuard', line: 9, column: 42, endColumn: 54,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });
const getCharge = new CircuitBreaker(payments.get.bind(payments));

export const charge = (id: string) => getCharge.fire(\`/v1/charges/\${id}\`);
export const chargeNow = (id: string) => getCharge.fire(\`/v1/charges/\${id}\`);
`,
      }],
    }],
  },
  // The same origin through an instance's baseURL and through a plain call.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });
const breaker = new CircuitBreaker((id: string) => payments.get(\`/v1/charges/\${id}\`));

export const charge = (id: string) => breaker.fire(id);
export const receipt = (id: string) => axios.get(\`https://payments.example.com/v1/receipts/\${id}\`, { timeout: 4000 });
`,
    errors: [{ messageId: 'bypassedGuard', line: 9, column: 40, endColumn: 49, suggestions: [] }],
  },
  // The same base URL read from one environment variable.
  {
    code: `
import pLimit from 'p-limit';

const limit = pLimit(3);

export const search = (q: string) => limit(() => fetch(\`\${process.env.SEARCH_URL}/search?q=\${q}\`, { signal: AbortSignal.timeout(1000) }));
export const suggest = (q: string) => fetch(\`\${process.env.SEARCH_URL}/suggest?q=\${q}\`, { signal: AbortSignal.timeout(1000) });
`,
    errors: [{ messageId: 'bypassedGuard', line: 7, column: 39, endColumn: 44, suggestions: [{ messageId: 'routeThroughGuard', output: `
import pLimit from 'p-limit';

const limit = pLimit(3);

export const search = (q: string) => limit(() => fetch(\`\${process.env.SEARCH_URL}/search?q=\${q}\`, { signal: AbortSignal.timeout(1000) }));
export const suggest = (q: string) => limit(() => fetch(\`\${process.env.SEARCH_URL}/suggest?q=\${q}\`, { signal: AbortSignal.timeout(1000) }));
` }] }],
  },
  // A helper called from inside the guard and from outside it: the outside call is the bypass.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function send(path: string) {
  return payments.post(path, {});
}

const breaker = new CircuitBreaker((id: string) => send(\`/v1/orders/\${id}/capture\`));

export const capture = (id: string) => breaker.fire(id);
export const refund = (id: string) => send(\`/v1/orders/\${id}/refund\`);
`,
    errors: [{ messageId: 'bypassedGuard', line: 14, column: 39, endColumn: 43, suggestions: [] }],
  },
  // A class whose breaker wraps a private method; another method calls the client directly.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

export class PaymentsClient {
  private readonly http = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });
  private readonly breaker = new CircuitBreaker(this.doCapture.bind(this));

  capture(id: string) {
    return this.breaker.fire(id);
  }

  refund(id: string) {
    return this.http.post(\`/v1/orders/\${id}/refund\`, {});
  }

  private async doCapture(id: string) {
    return this.http.post(\`/v1/orders/\${id}/capture\`, {});
  }
}
`,
    errors: [{ messageId: 'bypassedGuard', line: 14, column: 12, endColumn: 26, suggestions: [] }],
  },
  // A breaker made in an initialiser method and kept on the instance lasts: it guards its dependency.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const staff = axios.create({ baseURL: 'https://staff.example.com', timeout: 2000 });

export class Notifier {
  private breaker!: CircuitBreaker;

  constructor() {
    this.init();
  }

  private init() {
    this.breaker = new CircuitBreaker((id: string) => staff.post(\`/notify/\${id}\`, {}));
  }

  notify(id: string) {
    return this.breaker.fire(id);
  }

  page(id: string) {
    return staff.post(\`/page/\${id}\`, {});
  }
}
`,
    errors: [{ messageId: 'bypassedGuard', line: 23, column: 12, endColumn: 22, suggestions: [] }],
  },
  // User-declared guards: a function, a decorator, a module export.
  {
    code: `
import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });

export const contact = (id: string) => withBreaker('crm', () => crm.get(\`/contacts/\${id}\`));
export const notes = (id: string) => crm.get(\`/contacts/\${id}/notes\`);
`,
    options: [{ guards: [{ function: 'withBreaker' }] }],
    errors: [{ messageId: 'bypassedGuard', line: 7, column: 38, endColumn: 45, suggestions: [] }],
  },
  {
    code: `
import axios from 'axios';
import { Guarded } from './resilience';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });

export class Contacts {
  @Guarded('crm')
  async get(id: string) {
    return crm.get(\`/contacts/\${id}\`);
  }

  async notes(id: string) {
    return crm.get(\`/contacts/\${id}/notes\`);
  }
}
`,
    options: [{ guards: [{ decorator: 'Guarded' }] }],
    errors: [{ messageId: 'bypassedGuard', line: 14, column: 12, endColumn: 19, suggestions: [] }],
  },
  {
    code: `
import axios from 'axios';
import { protect } from '@acme/resilience';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });

export const contact = (id: string) => protect(() => crm.get(\`/contacts/\${id}\`));
export const notes = (id: string) => crm.get(\`/contacts/\${id}/notes\`);
`,
    options: [{ guards: [{ module: '@acme/resilience', export: 'protect' }] }],
    errors: [{ messageId: 'bypassedGuard', line: 8, column: 38, endColumn: 45, suggestions: [] }],
  },
  // mode all: every remote call outside a guard, including one reached through a helper.
  {
    code: `
import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });

async function load(id: string) {
  return crm.get(\`/contacts/\${id}\`);
}

export const contact = (id: string) => load(id);
export const ping = () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(500) });
`,
    options: [{ mode: 'all' }],
    errors: [
      { messageId: 'unguardedCall', line: 7, column: 10, endColumn: 17 },
      { messageId: 'unguardedCall', line: 11, column: 27, endColumn: 32 },
    ],
  },
  // mode all: a retry policy contains nothing, so a call inside it is still unguarded.
  {
    code: `
import { handleAll, retry } from 'cockatiel';

const retryPolicy = retry(handleAll, { maxAttempts: 3 });

export const ping = () => retryPolicy.execute(() => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(500) }));
`,
    options: [{ mode: 'all' }],
    errors: [{ messageId: 'unguardedCall', line: 6, column: 53, endColumn: 58 }],
  },
  // breakerWithoutTimeout: a cockatiel breaker alone, over a fetch whose signal is the policy's own.
  {
    code: `
import { circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';

const fraudBreaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });

export const screen = (id: string) => fraudBreaker.execute(({ signal }) => fetch(\`https://fraud.example.com/screen/\${id}\`, { signal }));
`,
    errors: [{ messageId: 'breakerWithoutTimeout', line: 4, column: 22, endLine: 4, endColumn: 110 }],
  },
  // breakerWithoutTimeout: wrapped with a bulkhead, still no timeout policy, over an instance without one.
  {
    code: `
import { bulkhead, circuitBreaker, ConsecutiveBreaker, handleAll, wrap } from 'cockatiel';
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.example.com' });
const breaker = circuitBreaker(handleAll, { halfOpenAfter: 5_000, breaker: new ConsecutiveBreaker(3) });
const policy = wrap(bulkhead(4), breaker);

export const balance = (account: string) => policy.execute(() => ledger.get(\`/accounts/\${account}\`));
`,
    errors: [{ messageId: 'breakerWithoutTimeout', line: 6, column: 17, endLine: 6, endColumn: 104 }],
  },
  // breakerWithoutTimeout: opossum with its timeout off, over a client method of an instance without one.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.example.com' });
const getAccount = new CircuitBreaker(ledger.get.bind(ledger), { timeout: false });

export const account = (id: string) => getAccount.fire(\`/accounts/\${id}\`);
`,
    errors: [{ messageId: 'breakerWithoutTimeout', line: 6, column: 20, endLine: 6, endColumn: 83 }],
  },
  // breakerWithoutTimeout: opossum with its timeout turned off, over an axios instance without one.
  {
    code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.example.com' });
const breaker = new CircuitBreaker((account: string) => ledger.get(\`/accounts/\${account}\`), { timeout: false });

export const balance = (account: string) => breaker.fire(account);
`,
    errors: [{ messageId: 'breakerWithoutTimeout', line: 6, column: 17, endLine: 6, endColumn: 112 }],
  },
];

export const validCases: (ValidTestCase<Options> | string)[] = [
    // Every call to the dependency goes through the breaker, including through a helper of its action.
    `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function post(path: string) {
  return payments.post(path, {});
}

async function capture(orderId: string) {
  await post(\`/v1/orders/\${orderId}/capture\`);
}

const breaker = new CircuitBreaker(capture);

export const complete = (orderId: string) => breaker.fire(orderId);
`,
    // Different dependencies: the catalogue has no guard, and none is expected.
    `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });
const catalogue = axios.create({ baseURL: 'https://catalogue.example.com', timeout: 2000 });
const breaker = new CircuitBreaker((id: string) => payments.post(\`/v1/orders/\${id}/capture\`, {}));

export const capture = (id: string) => breaker.fire(id);
export const product = (id: string) => catalogue.get(\`/products/\${id}\`);
export const price = (id: string) => fetch(\`https://pricing.example.com/\${id}\`, { signal: AbortSignal.timeout(1000) });
`,
    // A bulkhead via p-limit around every call.
    `
import pLimit from 'p-limit';

const limit = pLimit(5);

export const stock = (sku: string) => limit(() => fetch(\`https://inventory.example.com/stock/\${sku}\`, { signal: AbortSignal.timeout(3000) }));
export const reserve = (skus: string[]) => Promise.all(skus.map((sku) => limit(() => fetch(\`https://inventory.example.com/reserve/\${sku}\`, { method: 'POST', signal: AbortSignal.timeout(3000) }))));
`,
    // cockatiel: bulkhead + breaker + timeout in one wrap, used everywhere; the timeout lets the breaker see hangs.
    `
import { bulkhead, circuitBreaker, ConsecutiveBreaker, handleAll, timeout, TimeoutStrategy, wrap } from 'cockatiel';

const policy = wrap(bulkhead(10), circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }), timeout(2000, TimeoutStrategy.Cooperative));

export const screen = (id: string) => policy.execute(({ signal }) => fetch(\`https://fraud.example.com/screen/\${id}\`, { signal }));
export const report = (id: string) => policy.execute(({ signal }) => fetch(\`https://fraud.example.com/report/\${id}\`, { signal }));
`,
    // cockatiel decorator on every method that calls the dependency.
    `
import { bulkhead, usePolicy } from 'cockatiel';
import axios from 'axios';

const pool = bulkhead(8);
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 3000 });

export class Ledger {
  @usePolicy(pool)
  async balance(account: string) {
    return ledger.get(\`/accounts/\${account}\`);
  }

  @usePolicy(pool)
  async history(account: string) {
    return ledger.get(\`/accounts/\${account}/history\`);
  }
}
`,
    // p-queue and Bottleneck around every call.
    `
import PQueue from 'p-queue';
import Bottleneck from 'bottleneck';
import got from 'got';

const queue = new PQueue({ concurrency: 2 });
const limiter = new Bottleneck({ maxConcurrent: 2 });
const carriers = got.extend({ prefixUrl: 'https://carriers.example.com', timeout: { request: 8000 } });

export const quote = (id: string) => queue.add(() => carriers.get(\`quotes/\${id}\`));
export const quotes = (ids: string[]) => queue.addAll(ids.map((id) => () => carriers.get(\`quotes/\${id}\`)));
export const book = (id: string) => limiter.schedule(() => carriers.post('bookings', { json: { id } }));
`,
    // opossum's default timeout is 10 s: a breaker without a timeout option over an unbounded call is fine.
    `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.example.com' });
const breaker = new CircuitBreaker((account: string) => ledger.get(\`/accounts/\${account}\`), { resetTimeout: 30_000 });

export const balance = (account: string) => breaker.fire(account);
`,
    // A cockatiel breaker without a timeout policy, over a call that has its own timeout.
    `
import { circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';

const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });

export const screen = (id: string) => breaker.execute(() => fetch(\`https://fraud.example.com/screen/\${id}\`, { signal: AbortSignal.timeout(2000) }));
`,
    // opossum with its timeout off, but the instance bounds every call.
    `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 3000 });
const breaker = new CircuitBreaker((account: string) => ledger.get(\`/accounts/\${account}\`), { timeout: false });

export const balance = (account: string) => breaker.fire(account);
`,
    // A call whose dependency can't be named (the URL is a parameter) is not measured against a guard.
    `
import pLimit from 'p-limit';

const limit = pLimit(5);

export const stock = (sku: string) => limit(() => fetch(\`https://inventory.example.com/stock/\${sku}\`, { signal: AbortSignal.timeout(3000) }));
export const anything = (url: string) => fetch(url, { signal: AbortSignal.timeout(3000) });
`,
    // A relative path constant is not a service: two instances using it stay two dependencies.
    `
import pLimit from 'p-limit';
import axios from 'axios';

const limit = pLimit(5);
const VERSION = '/v2';
const a = axios.create({ baseURL: 'https://a.example.com', timeout: 1000 });
const b = axios.create({ baseURL: 'https://b.example.com', timeout: 1000 });

export const fromA = () => limit(() => a.get(\`\${VERSION}/items\`));
export const fromB = () => b.get(\`\${VERSION}/items\`);
`,
    // mode all: everything inside a guard, including an inline breaker action and a user guard.
    {
      code: `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });
const breaker = new CircuitBreaker((id: string) => crm.get(\`/contacts/\${id}\`));

export const contact = (id: string) => breaker.fire(id);
export const notes = (id: string) => withBreaker('crm', () => crm.get(\`/contacts/\${id}/notes\`));
`,
      options: [{ mode: 'all', guards: [{ function: 'withBreaker' }] }],
    },
    // A retry policy is not a guard: calls inside it do not make the others bypasses.
    `
import { handleAll, retry } from 'cockatiel';

const retryPolicy = retry(handleAll, { maxAttempts: 3 });

export const ping = () => retryPolicy.execute(() => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(500) }));
export const health = () => fetch('https://status.example.com/health', { signal: AbortSignal.timeout(500) });
`,
    // A pool made for one batch caps nothing across callers: a single call outside it bypasses nothing.
    `
import pLimit from 'p-limit';
import axios from 'axios';

const catalogue = axios.create({ baseURL: 'https://catalogue.example.com', timeout: 2000 });

export async function products(ids: string[]) {
  const limit = pLimit(4);
  return Promise.all(ids.map((id) => limit(() => catalogue.get(\`/products/\${id}\`))));
}

export const product = (id: string) => catalogue.get(\`/products/\${id}\`);
`,
    // A breaker made on every call never opens, so it says nothing about which calls should go through one.
    `
import CircuitBreaker from 'opossum';
import axios from 'axios';

const catalogue = axios.create({ baseURL: 'https://catalogue.example.com', timeout: 2000 });

export const guarded = (id: string) => new CircuitBreaker((key: string) => catalogue.get(\`/products/\${key}\`)).fire(id);
export const product = (id: string) => catalogue.get(\`/products/\${id}\`);
`,
    // An exported function that this file only runs inside the guard (exported for its tests).
    `
import { bulkhead } from 'cockatiel';
import axios from 'axios';

const pool = bulkhead(8);
const ledger = axios.create({ baseURL: 'https://ledger.example.com', timeout: 3000 });

export async function fetchBalance(account: string) {
  return ledger.get(\`/accounts/\${account}\`);
}

export const balance = (account: string) => pool.execute(() => fetchBalance(account));
`,
    // A health check that deliberately skips the breaker, to a URL built from configuration: nothing names
    // it as the breaker's dependency, so it is not measured against the breaker.
    `
import CircuitBreaker from 'opossum';
import axios, { type AxiosInstance } from 'axios';

export class TrackingClient {
  private readonly http: AxiosInstance;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly config: { baseUrl: string; timeout: number }) {
    this.http = this.createClient();
    this.breaker = new CircuitBreaker(this.track.bind(this), { timeout: config.timeout });
  }

  fetchTracking(code: string) {
    return this.breaker.fire(code);
  }

  async healthy() {
    const response = await axios.get(\`\${this.config.baseUrl}/health\`, { timeout: 5000 });
    return response.status === 200;
  }

  private async track(code: string) {
    return (await this.http.get(\`/tracking/\${code}\`)).data;
  }

  private createClient(): AxiosInstance {
    return axios.create({ baseURL: this.config.baseUrl, timeout: this.config.timeout });
  }
}
`,
    // A user function named like a guard library's method is not a guard.
    `
import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 3000 });
const jobs = { execute: (fn: () => unknown) => fn() };

export const contact = (id: string) => jobs.execute(() => crm.get(\`/contacts/\${id}\`));
export const notes = (id: string) => crm.get(\`/contacts/\${id}/notes\`);
`,
];

/** With types, instances and policies are followed into the other files of the program (filenames relative to test/fixtures). */
export const typedValidCases: ValidTestCase<Options>[] = [
  {
    // The instance and the policy are imported; every call to payments goes through the policy.
    filename: 'project-guard/orders.ts',
    code: `
import { catalogue, payments } from './clients';
import { paymentsPolicy } from './resilience';

export const capture = (id: string) => paymentsPolicy.execute(() => payments.post(\`/v1/orders/\${id}/capture\`, {}));
export const product = (id: string) => catalogue.get(\`/products/\${id}\`);
`,
  },
];

export const typedInvalidCases: InvalidTestCase<MessageIds, Options>[] = [
  {
    // Cross-file: the same exported instance, guarded by an exported cockatiel wrap, bypassed once.
    filename: 'project-guard/refunds.ts',
    code: `
import { payments } from './clients';
import { paymentsPolicy } from './resilience';

export const capture = (id: string) => paymentsPolicy.execute(() => payments.post(\`/v1/orders/\${id}/capture\`, {}));
export const refund = (id: string) => payments.post(\`/v1/orders/\${id}/refund\`, {});
`,
    errors: [{
      messageId: 'bypassedGuard', line: 6, column: 39, endColumn: 52,
      suggestions: [{
        messageId: 'routeThroughGuard',
        output: `
import { payments } from './clients';
import { paymentsPolicy } from './resilience';

export const capture = (id: string) => paymentsPolicy.execute(() => payments.post(\`/v1/orders/\${id}/capture\`, {}));
export const refund = (id: string) => paymentsPolicy.execute(() => payments.post(\`/v1/orders/\${id}/refund\`, {}));
`,
      }],
    }],
  },
  {
    // Typed, one file: the example's shape gives the same verdict as without types.
    filename: 'project-guard/orders.ts',
    code: `
import CircuitBreaker from 'opossum';
import { payments } from './clients';

async function capture(orderId: string): Promise<void> {
await payments.post(\`/v1/orders/\${orderId}/capture\`, {});
}

const captureBreaker = new CircuitBreaker(capture);

export const complete = (orderId: string) => captureBreaker.fire(orderId);
export const refund = (orderId: string) => payments.post(\`/v1/orders/\${orderId}/refund\`, {});
`,
    errors: [{ messageId: 'bypassedGuard', line: 12, column: 44, endColumn: 57, suggestions: [] }],
  },
  {
    // strict mode with types: a call on an imported instance outside any guard.
    filename: 'project-guard/orders.ts',
    code: `
import { catalogue } from './clients';

export const product = (id: string) => catalogue.get(\`/products/\${id}\`);
`,
    options: [{ mode: 'all' }],
    errors: [{ messageId: 'unguardedCall', line: 4, column: 40, endColumn: 53 }],
  },
];

untypedTester.run('no-unguarded-dependency', rule, { valid: validCases, invalid: invalidCases });
typedTester.run('no-unguarded-dependency (typed, same cases)', rule, { valid: validCases, invalid: invalidCases });
typedTester.run('no-unguarded-dependency (typed, across files)', rule, { valid: typedValidCases, invalid: typedInvalidCases });
