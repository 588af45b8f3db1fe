import { Pool } from 'pg';

// When the database stops accepting connections, `pool.query` waits for a client forever.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
});

export async function orderTotal(orderId: string): Promise<number> {
  const { rows } = await pool.query('SELECT total FROM orders WHERE id = $1', [orderId]);
  return rows[0].total;
}
