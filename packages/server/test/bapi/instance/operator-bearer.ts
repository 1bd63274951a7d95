import { createOperator } from '../../../src/domain/operators/create-operator.js';
import { createSignInLink, mintAccessToken, signInWithLink } from '../../../src/domain/operators/operator-sessions.js';
import type { OperatorRole } from '../../../src/store/operator-store.js';
import type { TestServer } from '../../support/test-server.js';

/**
 * A dashboard operator's Backend API bearer (`opa_…`), minted the way the dashboard gets one:
 * one-time link → session → access token.
 */
export async function operatorBearer(t: TestServer, role: OperatorRole): Promise<{ id: string; bearer: string }> {
  const now = Date.now();
  const email = `${role}-${now}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { operator } = await createOperator(t.server.store, { email, role }, now);
  const link = await createSignInLink(t.server.store, operator.id, now);
  const session = await signInWithLink(t.server.store, link.token, now);
  const access = await mintAccessToken(t.server.store, session.token, now);
  if (!access) throw new Error('could not mint an operator access token');
  return { id: operator.id, bearer: access.token };
}

/** `t.api` as that operator. */
export const asBearer =
  (t: TestServer, bearer: string) =>
  (path: string, init: { method?: string; body?: unknown; rawBody?: string } = {}) =>
    t.api(path, { ...init, headers: { authorization: `Bearer ${bearer}` } });
