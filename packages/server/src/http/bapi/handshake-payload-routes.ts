import { handshakeEndpoints } from '@latch/protocol';
import { findHandshakeDirectives } from '../../domain/handshake/handshake-nonce.js';
import { LatchAPIError } from '../../errors.js';
import type { Route } from './route.js';
import { route } from './route.js';

/**
 * `GET /clients/handshake_payload?nonce=`: the app server redeems the nonce from a `format=nonce`
 * handshake for its cookie directives — a bare `{ directives }`, no `object` field (PROTOCOL.md §3.4).
 * Repeatable until the nonce expires: Next.js middleware may run twice for one navigation.
 */
const getHandshakePayloadRoute = route(handshakeEndpoints.getHandshakePayload, async ({ query }, { store, clock }) => {
  const directives = await findHandshakeDirectives(store, query.nonce, clock.now());
  if (!directives) {
    throw LatchAPIError.single(
      404,
      'handshake_nonce_invalid',
      'is invalid',
      'This handshake nonce is unknown or has expired; start the handshake again.',
      'nonce',
    );
  }
  return { directives };
});

export const HANDSHAKE_PAYLOAD_ROUTES: Route[] = [getHandshakePayloadRoute];
