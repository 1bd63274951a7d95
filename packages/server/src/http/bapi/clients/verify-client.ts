import { clientsEndpoints } from '@latch/protocol';
import { findClientByToken } from '../../../domain/clients/client-credential.js';
import { resourceNotFound } from '../../../errors.js';
import { route } from '../route.js';
import { toBackendClientJSON } from './client-json.js';

/**
 * `POST /clients/verify`: the live client a `__client` credential belongs to. An unknown token, or
 * the token of a client that signed out for good, is a 404 — nothing tells the two apart.
 */
export const verifyClientRoute = route(clientsEndpoints.verifyClient, async ({ body }, { store, clock }) => {
  const client = await findClientByToken(store, body.token);
  if (!client) throw resourceNotFound('client');
  return toBackendClientJSON(store, client, clock.now());
});
