import { signUpAsOf } from '../../../domain/sign-up/sign-up-state.js';
import type { SignUpRecord } from '../../../store/records.js';
import type { FapiContext } from '../fapi-context.js';
import type { FapiResult } from '../fapi-route.js';
import { notFoundError } from '../fapi-route.js';
import { toSignUpJSON } from '../resources/sign-up-json.js';

/**
 * A sign-up of *this* client, as of now: another client's attempt does not exist from here (404), and
 * one past its day is marked `abandoned` (and saved, so the client JSON says so too).
 *
 * @example
 * const signUp = await requireOwnSignUp(context, params.sign_up_id);
 */
export async function requireOwnSignUp(context: FapiContext, signUpId: string | undefined): Promise<SignUpRecord> {
  const { app, client, now } = context;
  const stored = client && signUpId ? await app.store.signUps.findById(signUpId) : null;
  if (!stored || stored.clientId !== client?.id) throw notFoundError('sign-up');
  const current = signUpAsOf(stored, now);
  if (current !== stored) await app.store.signUps.update(current);
  return current;
}

/** `{ response: SignUpJSON }`; the Frontend API wrapper adds the client. */
export function signUpResponse(context: FapiContext, signUp: SignUpRecord): FapiResult {
  return { response: toSignUpJSON(signUp, context.app.instance.settings) };
}
