import { hash, verify } from '@node-rs/argon2';
import { createConcurrencyLimit } from './concurrency-limit.js';

/** OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
export const ARGON2ID_PARAMETERS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** `Algorithm.Argon2id`; the package declares it as a const enum, which isolated modules cannot import. */
const ARGON2ID = 2;

// Libuv's pool has 4 threads; two hashes in flight leave room for file I/O and Web Crypto.
const limit = createConcurrencyLimit(2);

/** Hashes a password to a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return limit(() => hash(password, { ...ARGON2ID_PARAMETERS, algorithm: ARGON2ID as never }));
}

/** Verifies a password against any argon2 PHC string (argon2i, argon2d or argon2id). */
export function verifyArgon2(digest: string, password: string): Promise<boolean> {
  return limit(() => verify(digest, password).catch(() => false));
}

/** True when a digest is argon2id at the current parameters, i.e. needs no re-hash. */
export function isCurrentArgon2id(digest: string): boolean {
  const { memoryCost, timeCost, parallelism } = ARGON2ID_PARAMETERS;
  return digest.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
