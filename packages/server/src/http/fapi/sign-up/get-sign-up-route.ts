import { fapiRoute } from '../fapi-route.js';
import { requireOwnSignUp, signUpResponse } from './own-sign-up.js';

/** `GET /v1/client/sign_ups/{id}` — the attempt as it stands (an expired one reads `abandoned`). */
export const getSignUpRoute = fapiRoute('GET', '/client/sign_ups/:sign_up_id', async (context, { sign_up_id }) =>
  signUpResponse(context, await requireOwnSignUp(context, sign_up_id)),
);
