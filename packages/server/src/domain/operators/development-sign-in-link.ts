import type { Store } from '../../store/store.js';
import { createOperator } from './create-operator.js';
import { createSignInLink } from './operator-sessions.js';

/** The owner `latch dev` creates when a development instance has no operator yet. */
export const DEVELOPMENT_OPERATOR_EMAIL = 'owner@latch.localhost';

/**
 * A one-time dashboard sign-in link for a development instance: for its first owner, created on
 * first use. The token sits in the URL fragment, which browsers never send to a server or a proxy log.
 *
 * @example
 * print(await developmentSignInLink(server.store, server.url, Date.now()));
 * // http://127.0.0.1:4000/dashboard/sign-in#token=opl_…
 */
export async function developmentSignInLink(store: Store, baseUrl: string, now: number): Promise<string> {
  const operators = await store.operators.list();
  const owner =
    operators.find((operator) => operator.role === 'owner') ??
    (await createOperator(store, { email: DEVELOPMENT_OPERATOR_EMAIL, name: 'Development owner', role: 'owner' }, now))
      .operator;
  const { token } = await createSignInLink(store, owner.id, now);
  return operatorSignInUrl(baseUrl, token);
}

export const operatorSignInUrl = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, '')}/dashboard/sign-in#token=${token}`;
