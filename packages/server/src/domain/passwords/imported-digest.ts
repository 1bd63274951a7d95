import { pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { PasswordHasher } from '@latch/protocol';
import { verify as verifyBcrypt } from '@node-rs/bcrypt';
import { verifyArgon2 } from './argon2id.js';

const pbkdf2Async = promisify(pbkdf2);

/**
 * How each importable digest looks. Checked when the digest is imported, so a typo fails the
 * import with a clear error instead of locking the user out at their first sign-in.
 */
const DIGEST_FORMATS: Record<PasswordHasher, RegExp> = {
  argon2id: /^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  argon2i: /^\$argon2i\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  bcrypt: /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/,
  // werkzeug: scrypt:N:r:p$salt$hexhash
  scrypt_werkzeug: /^scrypt:\d+:\d+:\d+\$[^$]+\$[0-9a-f]+$/,
  // pbkdf2_sha256$iterations$salt$base64hash (Django's layout; Clerk accepts both names)
  pbkdf2_sha256: /^pbkdf2_sha256\$\d+\$[^$]+\$[A-Za-z0-9+/=]+$/,
  pbkdf2_sha256_django: /^pbkdf2_sha256\$\d+\$[^$]+\$[A-Za-z0-9+/=]+$/,
};

/** Whether `digest` is well-formed for `hasher`. */
export function isValidDigest(hasher: PasswordHasher, digest: string): boolean {
  return DIGEST_FORMATS[hasher].test(digest);
}

/** Work factors above these would let an import tie up the server for seconds per check. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;

/** Verifies `password` against an imported digest; malformed or absurd digests never verify. */
export async function verifyImportedDigest(hasher: PasswordHasher, digest: string, password: string): Promise<boolean> {
  if (!isValidDigest(hasher, digest)) return false;
  switch (hasher) {
    case 'argon2id':
    case 'argon2i':
      return verifyArgon2(digest, password);
    case 'bcrypt':
      return verifyBcrypt(password, digest).catch(() => false);
    case 'scrypt_werkzeug':
      return verifyScryptWerkzeug(digest, password);
    case 'pbkdf2_sha256':
    case 'pbkdf2_sha256_django':
      return verifyPbkdf2Sha256(digest, password);
  }
}

async function verifyScryptWerkzeug(digest: string, password: string): Promise<boolean> {
  const [method, salt, expectedHex] = digest.split('$') as [string, string, string];
  const [, n, r, p] = method.split(':').map(Number) as [number, number, number, number];
  if (128 * n * r > MAX_SCRYPT_MEMORY_BYTES) return false;
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password,
      salt,
      expected.length,
      { N: n, r, p, maxmem: MAX_SCRYPT_MEMORY_BYTES + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  ).catch(() => null);
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

async function verifyPbkdf2Sha256(digest: string, password: string): Promise<boolean> {
  const [, iterationsText, salt, expectedBase64] = digest.split('$') as [string, string, string, string];
  const iterations = Number(iterationsText);
  if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) return false;
  const expected = Buffer.from(expectedBase64, 'base64');
  if (expected.length === 0) return false;
  const actual = await pbkdf2Async(password, salt, iterations, expected.length, 'sha256');
  return timingSafeEqual(actual, expected);
}
