import { defineEndpoint } from '../endpoint.js';
import { JWKSJSON } from '../resources/common.js';

export const getJWKS = defineEndpoint({
  method: 'get',
  path: '/jwks',
  operationId: 'GetJWKS',
  summary: 'The public keys session tokens are signed with.',
  tag: 'JWKS',
  response: JWKSJSON,
});
