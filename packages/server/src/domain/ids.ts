import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ENCODED_LENGTH = 22; // ceil(128 bits / log2(62))

/**
 * Prefixed, time-sortable ids (`user_…`, `sess_…`): 48 bits of milliseconds then 80 random bits,
 * base62 at a fixed width, so lexical order is creation order — and B-tree inserts stay append-only,
 * which SQLite measures 4–7x faster than random ids (PERFORMANCE.md).
 *
 * @example
 * createId('user', Date.now()) // 'user_0QmJ6Zr3X1Yv9bTq2LwKc8'
 */
export function createId(prefix: string, now: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(now)) % 2 ** 48, 0, 6);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let encoded = '';
  while (value > 0n) {
    encoded = ALPHABET[Number(value % 62n)] + encoded;
    value /= 62n;
  }
  return `${prefix}_${encoded.padStart(ENCODED_LENGTH, '0')}`;
}
