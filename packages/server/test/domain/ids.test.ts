import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createId, encodeBase62 } from '../../src/domain/ids.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The straightforward definition: the number in base 62, left-padded to 22 digits. */
function referenceBase62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let encoded = '';
  while (value > 0n) {
    encoded = ALPHABET[Number(value % 62n)] + encoded;
    value /= 62n;
  }
  return encoded.padStart(22, '0');
}

describe('ids', () => {
  it('encodes 128 bits in base 62 exactly as the definition does', () => {
    const edges = [Buffer.alloc(16, 0), Buffer.alloc(16, 0xff), Buffer.from('00000000000000000000000000000001', 'hex')];
    for (const bytes of [...edges, ...Array.from({ length: 2000 }, () => randomBytes(16))]) {
      expect(encodeBase62(bytes)).toBe(referenceBase62(bytes));
    }
    expect(encodeBase62(Buffer.alloc(16, 0xff))).toBe('7n42DGM5Tflk9n8mt7Fhc7');
  });

  it('keeps creation order lexical: the time prefix decides, the random part never overflows it', () => {
    const ids = [0, 1, 999, Date.now(), Date.now() + 1, 2 ** 48 - 1].map((ms) => createId('user', ms));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^user_[0-9A-Za-z]{22}$/);
  });

  it('never repeats the random part, across many pool refills', () => {
    const now = Date.now();
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(createId('sess', now));
    expect(seen.size).toBe(20_000);
  });

  it('carries the creation time in its first 48 bits', () => {
    const now = 1_767_225_600_123;
    const id = createId('client', now);
    let value = 0n;
    for (const digit of id.slice('client_'.length)) value = value * 62n + BigInt(ALPHABET.indexOf(digit));
    expect(Number(value >> 80n)).toBe(now);
  });
});
