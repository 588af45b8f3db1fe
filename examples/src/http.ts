import axios from 'axios';

// Shared by every outbound call to the catalogue service. No timeout: when the catalogue stalls,
// every request that touches it stalls too, until the process runs out of sockets.
export const catalogue = axios.create({
  baseURL: process.env.CATALOGUE_URL,
  headers: { 'User-Agent': 'checkout/1.4' },
});

export async function productName(id: string): Promise<string> {
  const { data } = await catalogue.get<{ name: string }>(`/products/${id}`);
  return data.name;
}
