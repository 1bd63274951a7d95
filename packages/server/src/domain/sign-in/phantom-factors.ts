import { createHash, createHmac } from 'node:crypto';
import type { FactorRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { SignInIdentifier } from './find-sign-in-user.js';
import { firstFactorsFor } from './first-factors.js';
import type { SignInDeps } from './sign-in-deps.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MIN_SPAN_MS = 60_000;
const MAX_SPAN_MS = MIN_SPAN_MS * 2 ** 15;
const COMMON_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me'];

/**
 * Factors for an identifier that belongs to nobody, under enumeration protection: the shape a real
 * account with a password and one verified email would show. Every value is derived from a keyed
 * hash of the identifier, so asking twice gives the same answer (a random answer would give the
 * fake away), and the fabricated email id carries a timestamp inside the instance's lifetime (ids
 * are time-sortable; a "created just now" id would give it away too). What cannot be hidden: an
 * account whose factors differ from this common shape (no password, several addresses) looks unlike
 * any fabricated one.
 *
 * @example
 * await phantomFactorsFor(deps, { kind: 'email_address', value: 'nobody@example.com' });
 * // [{ strategy: 'password' }, { strategy: 'email_code', emailAddressId: 'idn_…', safeIdentifier: 'nobody@example.com', primary: true }, …]
 */
export async function phantomFactorsFor(deps: SignInDeps, identifier: SignInIdentifier): Promise<FactorRecord[]> {
  const digest = createHmac('sha256', await phantomKey(deps.store))
    .update(`${identifier.kind}:${identifier.value}`)
    .digest();
  const emailId = fabricatedId('idn', digest, deps.instanceCreatedAt, deps.now);
  const email = identifier.kind === 'email_address' ? identifier.value : fabricatedEmail(identifier.value, digest);
  return firstFactorsFor(
    {
      password: { digest: '', hasher: 'argon2id', updatedAt: 0 },
      primaryEmailAddressId: emailId,
      emailAddresses: [{ id: emailId, value: email, verificationStatus: 'verified' }],
    },
    deps.settings,
    identifier,
  );
}

const KEYS = new WeakMap<Store, Promise<Buffer>>();

/**
 * A key only this deployment knows and every process of it shares: derived from the first secret
 * key's stored hash (never sent anywhere, kept after revocation), so it survives restarts and is the
 * same behind a load balancer.
 */
function phantomKey(store: Store): Promise<Buffer> {
  let key = KEYS.get(store);
  if (!key) {
    key = store.secretKeys.list().then(([first]) =>
      createHash('sha256')
        .update(`latch:phantom-factors:${first?.secretHash ?? ''}`)
        .digest(),
    );
    KEYS.set(store, key);
  }
  return key;
}

/** An id in `createId`'s layout (48-bit ms timestamp + 80 bits, base62) from hash bytes. */
function fabricatedId(prefix: string, digest: Buffer, instanceCreatedAt: number, now: number): string {
  // The date falls in a window after the instance's creation whose length doubles (1 min, 2 min, …
  // ~23 days) as the instance ages: never in the future, and the same answer between doublings —
  // which, after the first weeks, is forever.
  let span = 0;
  for (let length = MIN_SPAN_MS; length <= now - instanceCreatedAt && length <= MAX_SPAN_MS; length *= 2) span = length;
  const at = instanceCreatedAt + (span > 0 ? digest.readUIntBE(16, 6) % span : 0);
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes.writeUIntBE(Math.max(0, Math.floor(at)) % 2 ** 48, 0, 6);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let encoded = '';
  while (value > 0n) {
    encoded = ALPHABET[Number(value % 62n)] + encoded;
    value /= 62n;
  }
  return `${prefix}_${encoded.padStart(22, '0')}`;
}

/** An address for a username that only ever appears masked (`j***@g***.com`). */
function fabricatedEmail(username: string, digest: Buffer): string {
  const first = /^[a-z0-9]/.test(username)
    ? username.slice(0, 1)
    : ALPHABET[10 + ((digest[22] ?? 0) % 26)]!.toLowerCase();
  return `${first}@${COMMON_DOMAINS[(digest[23] ?? 0) % COMMON_DOMAINS.length]}`;
}
