import { hash, randomBytes } from 'node:crypto';
import type { ClientRecord } from '../../store/records.js';
import type { ClientPatch, Store } from '../../store/store.js';
import { createId } from '../ids.js';

/**
 * The `__client` credential: 256 random bits, opaque to the browser, stored only as SHA-256.
 * A stolen database cannot be replayed as cookies, and no signature scheme needs rotating.
 */
export function hashClientToken(token: string): string {
  // One-shot `hash` (no Hash object): every Frontend API request with a cookie hashes its token.
  return hash('sha256', token, 'base64url');
}

export async function createClient(store: Store, now: number): Promise<{ client: ClientRecord; token: string }> {
  const created = newClient(now);
  await store.clients.insert(created.client);
  return created;
}

/**
 * A new client and its token, not stored yet: the caller stores it with its first write (see
 * `saveClientPointers`), so a request that creates a client and signs in commits once.
 */
export function newClient(now: number): { client: ClientRecord; token: string } {
  const token = randomBytes(32).toString('base64url');
  const client: ClientRecord = {
    id: createId('client', now),
    tokenHash: hashClientToken(token),
    lastActiveSessionId: null,
    signInId: null,
    signUpId: null,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
  };
  return { client, token };
}

/**
 * Moves a client's pointers (active session, attempt in progress). A client created by this request
 * and not stored yet (`isNew`) is inserted with them instead: one write, in the caller's transaction.
 */
export async function saveClientPointers(
  store: Store,
  client: ClientRecord,
  isNew: boolean,
  fields: ClientPatch,
): Promise<void> {
  if (isNew) await store.clients.insert({ ...client, ...fields });
  else await store.clients.patch(client.id, fields);
}

/** Whether a string could be a `__client` token at all (anything else is not looked up). */
export function isWellFormedClientToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,128}$/.test(token);
}

/** The live client a token belongs to, or null (unknown token, or a client that was ended). */
export async function findClientByToken(store: Store, token: string): Promise<ClientRecord | null> {
  if (!isWellFormedClientToken(token)) return null;
  const client = await store.clients.findByTokenHash(hashClientToken(token));
  return client && client.endedAt === null ? client : null;
}
