import { clientsEndpoints } from '@latch/protocol';
import { resourceNotFound } from '../../../errors.js';
import { route } from '../route.js';
import { toBackendClientJSON } from './client-json.js';

export const getClientRoute = route(clientsEndpoints.getClient, async ({ params }, { store, clock }) => {
  const client = await store.clients.findById(params.client_id);
  if (!client) throw resourceNotFound('client');
  return toBackendClientJSON(store, client, clock.now());
});
