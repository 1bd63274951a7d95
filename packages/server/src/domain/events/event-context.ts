import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '../../store/store.js';
import { hashSecretKey } from '../keys/secret-keys.js';
import type { EventContext } from './record-event.js';

/**
 * What the HTTP edge knows about the request being served, for events recorded while serving it.
 * Carried in AsyncLocalStorage so that every domain function that records an event (dozens, deep in
 * sign-up, `/v1/me`, the mailer's hooks) gets the caller's address without threading a parameter
 * through each signature; an explicit `context` passed to `recordEvent` always wins.
 *
 * On Node 20 an active AsyncLocalStorage runs promise hooks for every promise in the process (a
 * pure-await loop runs ~2x slower), so the storage is switched on only while a request that may
 * record an event is in flight, and off again when the last one ends: the hot read paths (token
 * refreshes, `GET /v1/client`) pay nothing unless a write is running beside them.
 */
export interface RequestOrigin {
  surface: 'backend_api' | 'frontend_api' | 'other';
  clientIp: string | null;
  userAgent: string | null;
  /** The bearer secret key of a Backend API call, to name the key as the actor. */
  secretKey: string | null;
  /** Resolved once per request: several events in one request look the key up once. */
  apiKeyId?: Promise<string | null>;
  /** Set when a dashboard operator's `opa_…` bearer authenticated the Backend API call. */
  operatorId?: string;
}

const origins = new AsyncLocalStorage<RequestOrigin>();

let inFlight = 0;

/** Runs `work` with `origin` as the ambient request for any event recorded inside it. */
export async function runWithRequestOrigin<T>(origin: RequestOrigin, work: () => Promise<T> | T): Promise<T> {
  inFlight++;
  try {
    return await origins.run(origin, work);
  } finally {
    inFlight--;
    // The last one out turns the promise hooks off; the next `run` turns them on again.
    if (inFlight === 0) origins.disable();
  }
}

/** Names the operator behind the request being served, so its events have the operator as actor. */
export function setRequestOperator(operatorId: string): void {
  const origin = origins.getStore();
  if (origin) origin.operatorId = operatorId;
}

/**
 * The context of an event recorded now: the caller's own, or one derived from the ambient request.
 * Backend API calls are made by a secret key; Frontend API calls by the signed-in user the event is
 * about (its `user_id`, or the user itself); anything else (workers) by the system.
 */
export async function resolveEventContext(
  store: Store,
  data: Record<string, unknown>,
  given: EventContext | undefined,
): Promise<EventContext> {
  const origin = origins.getStore();
  const httpRequest =
    given?.httpRequest ?? (origin ? { clientIp: origin.clientIp, userAgent: origin.userAgent } : undefined);
  if (given?.actor) return { actor: given.actor, httpRequest };
  if (origin?.operatorId) return { actor: { type: 'operator', id: origin.operatorId }, httpRequest };
  if (origin?.surface === 'backend_api') {
    origin.apiKeyId ??= apiKeyIdOf(store, origin.secretKey);
    return { actor: { type: 'api_key', id: await origin.apiKeyId }, httpRequest };
  }
  if (origin?.surface === 'frontend_api') {
    const userId = typeof data.user_id === 'string' ? data.user_id : data.object === 'user' ? data.id : null;
    return { actor: { type: 'user', id: typeof userId === 'string' ? userId : null }, httpRequest };
  }
  return { actor: { type: 'system', id: null }, httpRequest };
}

/**
 * Secret-key hash → key id, so a Backend API write does not look its key up a second time (the
 * request was authenticated already). Ids never change; bounded because keys are few.
 */
const apiKeyIds = new Map<string, string>();

async function apiKeyIdOf(store: Store, secretKey: string | null): Promise<string | null> {
  if (!secretKey) return null;
  const hash = hashSecretKey(secretKey);
  const known = apiKeyIds.get(hash);
  if (known) return known;
  const id = (await store.secretKeys.findActiveByHash(hash))?.id ?? null;
  if (id) {
    if (apiKeyIds.size >= 256) apiKeyIds.clear();
    apiKeyIds.set(hash, id);
  }
  return id;
}
