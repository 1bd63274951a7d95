import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';

/** Query of `GET /clients/handshake_payload`: the nonce the handshake redirect carried. */
export const HandshakePayloadQuery = z
  .object({ nonce: z.string().min(1).max(256) })
  .meta({ id: 'HandshakePayloadQuery' });

/** The cookie directives of one handshake: `Set-Cookie` values the app server emits as they are. */
export const HandshakePayloadJSON = z.object({ directives: z.array(z.string()) }).meta({ id: 'HandshakePayload' });
export type HandshakePayloadJSON = z.infer<typeof HandshakePayloadJSON>;

export const getHandshakePayload = defineEndpoint({
  method: 'get',
  path: '/clients/handshake_payload',
  operationId: 'GetHandshakePayload',
  summary:
    'Redeem a handshake nonce for its cookie directives; a nonce stays readable until it expires (about a minute).',
  tag: 'Clients',
  query: HandshakePayloadQuery,
  response: HandshakePayloadJSON,
  errors: [404],
});
