import { createArgon2Workers } from './argon2-workers.js';

/** OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
export const ARGON2ID_PARAMETERS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** `Algorithm.Argon2id`; the package declares it as a const enum, which isolated modules cannot import. */
const ARGON2ID = 2;

/**
 * At most this many hashes run at once, each on its own worker thread (argon2-workers.ts); the rest
 * wait in the workers' queues. Two fill a 2-core machine and leave the event loop its share.
 */
export const ARGON2_CONCURRENCY = 2;

const argon2 = createArgon2Workers(ARGON2_CONCURRENCY);

/** Hashes a password to a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return argon2<string>({ op: 'hash', password, options: { ...ARGON2ID_PARAMETERS, algorithm: ARGON2ID } });
}

/** Verifies a password against any argon2 PHC string (argon2i, argon2d or argon2id); a malformed digest is a mismatch. */
export function verifyArgon2(digest: string, password: string): Promise<boolean> {
  return argon2<boolean>({ op: 'verify', digest, password });
}

/** True when a digest is argon2id at the current parameters, i.e. needs no re-hash. */
export function isCurrentArgon2id(digest: string): boolean {
  const { memoryCost, timeCost, parallelism } = ARGON2ID_PARAMETERS;
  return digest.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
