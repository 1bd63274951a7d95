import { jwksEndpoints } from '@latch/protocol';
import { toJWKS } from '../../domain/keys/signing-keys.js';
import { route } from './route.js';

export const getJWKSRoute = route(jwksEndpoints.getJWKS, async (_input, { store, clock }) =>
  toJWKS(await store.signingKeys.listPublished(clock.now())),
);
