const INVENTORY_URL = process.env.INVENTORY_URL ?? 'http://inventory.internal';

// Created once when the module loads: ten seconds later every request using it aborts at once.
const inventorySignal = AbortSignal.timeout(10_000);

export async function stockLevel(sku: string): Promise<number> {
  const response = await fetch(`${INVENTORY_URL}/stock/${sku}`);
  const body = (await response.json()) as { level: number };
  return body.level;
}

export async function reserve(sku: string, quantity: number): Promise<void> {
  // fetch has no `timeout` option; this line only looks safe.
  await fetch(`${INVENTORY_URL}/reservations`, {
    method: 'POST',
    body: JSON.stringify({ sku, quantity }),
    timeout: 5000,
  } as RequestInit);
}

export async function release(reservationId: string): Promise<void> {
  await fetch(`${INVENTORY_URL}/reservations/${reservationId}`, { method: 'DELETE', signal: inventorySignal });
}
