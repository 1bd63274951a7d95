import { clientsEndpoints } from '@latch/protocol';
import { route } from '../route.js';
import { listResponse } from '../sessions/list-response.js';
import { toBackendClientJSON } from './client-json.js';

/** `GET /clients`: newest first; a bare array, or `{data, total_count}` with `paginated=true`. */
export const listClientsRoute = route(clientsEndpoints.listClients, async ({ query }, { store, clock }) => {
  const now = clock.now();
  const [clients, total] = await Promise.all([
    store.clients.list({ limit: query.limit, offset: query.offset }),
    store.clients.count(),
  ]);
  const rendered = [];
  for (const client of clients) rendered.push(await toBackendClientJSON(store, client, now));
  return listResponse(rendered, total, query.paginated);
});
