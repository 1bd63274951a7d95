import type { FapiRoute } from '../fapi-route.js';
import { attemptFirstFactorRoute } from '../sign-in/attempt-first-factor-route.js';
import { createSignInRoute } from '../sign-in/create-sign-in-route.js';
import { getSignInRoute } from '../sign-in/get-sign-in-route.js';
import { prepareFirstFactorRoute } from '../sign-in/prepare-first-factor-route.js';
import { resetPasswordRoute } from '../sign-in/reset-password-route.js';
import { attemptSecondFactorRoute, prepareSecondFactorRoute } from '../sign-in/second-factor-routes.js';

/** The sign-in state machine (PROTOCOL.md §2.2 "Sign-in"); one file per endpoint under `../sign-in/`. */
export const SIGN_IN_ROUTES: FapiRoute[] = [
  createSignInRoute,
  getSignInRoute,
  prepareFirstFactorRoute,
  attemptFirstFactorRoute,
  resetPasswordRoute,
  prepareSecondFactorRoute,
  attemptSecondFactorRoute,
];
