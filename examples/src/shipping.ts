import { randomUUID } from 'node:crypto';
import got from 'got';
import ky from 'ky';

const carriers = got.extend({ prefixUrl: 'https://carriers.example.com', timeout: { request: 8000 } });

export async function quote(parcelId: string): Promise<number> {
  const response = await fetch(`https://rates.example.com/parcels/${parcelId}`, { signal: AbortSignal.timeout(3000) });
  return ((await response.json()) as { cents: number }).cents;
}

export async function book(parcelId: string): Promise<string> {
  // One key for every attempt: the carrier deduplicates the booking if a retry repeats it.
  const idempotencyKey = randomUUID();
  const booking = await carriers
    .post(`bookings`, { json: { parcelId }, headers: { 'Idempotency-Key': idempotencyKey } })
    .json<{ id: string }>();
  return booking.id;
}

export async function track(trackingId: string): Promise<string> {
  // ky bounds every request at 10 s by default.
  return ky.get(`https://tracking.example.com/${trackingId}`).text();
}
