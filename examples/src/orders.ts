import CircuitBreaker from 'opossum';
import axios from 'axios';
import { circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';
import pRetry from 'p-retry';

const payments = axios.create({ baseURL: 'https://payments.example.com', timeout: 4000 });

async function capturePayment(orderId: string): Promise<void> {
  await payments.post(`/v1/orders/${orderId}/capture`, {}, { headers: { 'Idempotency-Key': `capture-${orderId}` } });
}

// The breaker trips when the payment service fails, so orders fail fast instead of queueing behind it.
const captureBreaker = new CircuitBreaker(capturePayment, { errorThresholdPercentage: 50, resetTimeout: 30_000 });

export async function completeOrder(orderId: string): Promise<void> {
  await captureBreaker.fire(orderId);
}

// Fraud screening fails fast after five straight errors, but nothing bounds one screening: the signal
// comes from the policy, and a policy without a `timeout` never aborts it.
const fraudBreaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });

export async function screenOrder(orderId: string): Promise<boolean> {
  const response = await fraudBreaker.execute(({ signal }) => fetch(`https://fraud.example.com/v1/orders/${orderId}/screen`, { signal }));
  return ((await response.json()) as { approved: boolean }).approved;
}

// Added later, in a hurry: the refund goes straight to the payment service, around the breaker.
export async function refundOrder(orderId: string): Promise<void> {
  await payments.post(`/v1/orders/${orderId}/refund`, {}, { headers: { 'Idempotency-Key': `refund-${orderId}` } });
}

// The status endpoint is retried with no delay between attempts and no bound on them.
export async function waitForSettlement(orderId: string): Promise<string> {
  for (;;) {
    try {
      const { data } = await payments.get<{ state: string }>(`/v1/orders/${orderId}/settlement`);
      return data.state;
    } catch {
      continue;
    }
  }
}

export async function notifyWarehouse(orderId: string): Promise<void> {
  await pRetry(() => payments.put(`/v1/orders/${orderId}/shipping-request`, {}), { retries: 3 });
}
