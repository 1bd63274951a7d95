import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { ClientJSON, listOf } from '../resources/session.js';
import { paginationQueryFields } from './sessions-endpoints.js';

const tag = 'Clients';

/** Path parameter of `/clients/{client_id}`. */
export const ClientIdParams = z.object({ client_id: z.string().min(1).max(128) });

/** Query of `GET /clients`. */
export const ListClientsQuery = z.strictObject(paginationQueryFields).meta({ id: 'ListClientsQuery' });
export type ListClientsQuery = z.infer<typeof ListClientsQuery>;

/** Body of `POST /clients/verify`: the browser's `__client` credential. */
export const VerifyClientBody = z.strictObject({ token: z.string().min(1).max(4096) }).meta({ id: 'VerifyClientBody' });
export type VerifyClientBody = z.infer<typeof VerifyClientBody>;

export const listClients = defineEndpoint({
  method: 'get',
  path: '/clients',
  operationId: 'GetClientList',
  summary: 'List clients (browsers and apps), newest first.',
  tag,
  query: ListClientsQuery,
  response: listOf(ClientJSON),
});

export const verifyClient = defineEndpoint({
  method: 'post',
  path: '/clients/verify',
  operationId: 'VerifyClient',
  summary: 'Find the live client a `__client` credential belongs to.',
  tag,
  body: VerifyClientBody,
  response: ClientJSON,
  errors: [404],
});

export const getClient = defineEndpoint({
  method: 'get',
  path: '/clients/{client_id}',
  operationId: 'GetClient',
  summary: 'Retrieve a client with all its sessions.',
  tag,
  params: ClientIdParams,
  response: ClientJSON,
  errors: [404],
});
