import axios from 'axios';

const gateway = axios.create({ baseURL: 'https://payments.example.com', timeout: 5000 });

export interface Charge {
  id: string;
  status: 'succeeded' | 'failed';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The seed of this project: the gateway charged the card, the response was lost on the way back,
// and the retry charged it again. Nothing tells the gateway the second POST is the same charge.
export async function chargeCard(customerId: string, amountCents: number): Promise<Charge> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { data } = await gateway.post<Charge>('/v1/charges', { customerId, amountCents });
      return data;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}
