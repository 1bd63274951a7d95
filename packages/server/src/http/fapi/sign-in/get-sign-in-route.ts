import { fapiRoute } from '../fapi-route.js';
import { requireOwnSignIn, signInResponse } from './own-sign-in.js';

/** `GET /v1/client/sign_ins/{id}`: the attempt as it stands (`abandoned` once expired). */
export const getSignInRoute = fapiRoute('GET', '/client/sign_ins/:sign_in_id', async (context, { sign_in_id }) =>
  signInResponse(context, await requireOwnSignIn(context, sign_in_id)),
);
