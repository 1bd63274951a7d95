import type { FapiRoute } from '../fapi-route.js';
import { attemptSignUpVerificationRoute } from '../sign-up/attempt-verification-route.js';
import { createSignUpRoute } from '../sign-up/create-sign-up-route.js';
import { getSignUpRoute } from '../sign-up/get-sign-up-route.js';
import { prepareSignUpVerificationRoute } from '../sign-up/prepare-verification-route.js';
import { updateSignUpRoute } from '../sign-up/update-sign-up-route.js';

/** Sign-up with email, password and an email code (PROTOCOL.md §2.2); one file per endpoint in `../sign-up/`. */
export const SIGN_UP_ROUTES: FapiRoute[] = [
  createSignUpRoute,
  getSignUpRoute,
  updateSignUpRoute,
  prepareSignUpVerificationRoute,
  attemptSignUpVerificationRoute,
];
