import type { SignInDeps } from '../../../domain/sign-in/sign-in-deps.js';
import type { SignInRecord, UserRecord } from '../../../store/records.js';
import type { FapiContext } from '../fapi-context.js';
import { type FapiResult, notFoundError } from '../fapi-route.js';
import { toSignInJSON } from '../resources/sign-in-json.js';
import { activityFromRequest } from '../user-agent-activity.js';

/**
 * The sign-in state machine's dependencies for this request.
 *
 * @example
 * await createSignIn(signInDeps(context), client, body);
 */
export function signInDeps(context: FapiContext): SignInDeps {
  const { app, now, request } = context;
  return {
    store: app.store,
    settings: app.instance.settings,
    mailer: app.mailer,
    logger: app.logger,
    now,
    instanceCreatedAt: app.instance.createdAt,
    activity: activityFromRequest(request),
    clientIsNew: context.clientIsNew,
  };
}

/**
 * A sign-in attempt of *this* client; another client's attempts do not exist from here (404), so an
 * attempt id seen in a log or a URL cannot be advanced from another browser.
 *
 * @example
 * const signIn = await requireOwnSignIn(context, params.sign_in_id);
 */
export async function requireOwnSignIn(context: FapiContext, signInId: string | undefined): Promise<SignInRecord> {
  const signIn = context.client && signInId ? await context.app.store.signIns.findById(signInId) : null;
  if (!signIn || signIn.clientId !== context.client?.id) throw notFoundError('sign-in');
  return signIn;
}

/**
 * `{ response: SignIn }`; the envelope adds the up-to-date client. The attempt's user is taken from
 * the client's state — which the envelope is built from right after, so a completed sign-in loads
 * the user once for both — and from the store when the state does not hold it.
 */
export async function signInResponse(context: FapiContext, signIn: SignInRecord): Promise<FapiResult> {
  const { app } = context;
  let user: UserRecord | null = null;
  if (signIn.userId) {
    const state = await app.clientStates.byId(app.store, signIn.clientId);
    user = state?.users.get(signIn.userId) ?? (await app.store.users.findById(signIn.userId));
  }
  return { response: toSignInJSON(signIn, user, app.instance.settings, context.now) };
}
