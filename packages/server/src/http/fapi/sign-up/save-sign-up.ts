import { completeSignUp } from '../../../domain/sign-up/complete-sign-up.js';
import { isSignUpReady } from '../../../domain/sign-up/sign-up-requirements.js';
import type { SignUpRecord } from '../../../store/records.js';
import type { FapiContext } from '../fapi-context.js';
import { activityFromRequest } from '../user-agent-activity.js';

/**
 * Saves an advanced sign-up — and, the moment it has everything (every required field, the email
 * verified), completes it: user and session are created and the sign-up turns `complete`, which is
 * how both a right code and a PATCH supplying the last missing field finish the flow.
 *
 * If completion fails (the email or username was taken meanwhile), the progress made by this request
 * (a counted, verified code) is still saved, then the error is answered. A parallel request that
 * already completed the same sign-up wins: its result is returned instead of being overwritten.
 *
 * @example
 * return signUpResponse(context, await saveSignUp(context, applySignUpChanges(signUp, changes, null, now)));
 */
export async function saveSignUp(context: FapiContext, signUp: SignUpRecord): Promise<SignUpRecord> {
  const { app, now } = context;
  const settings = app.instance.settings;
  if (signUp.status !== 'missing_requirements' || !isSignUpReady(settings, signUp)) {
    await app.store.signUps.update(signUp);
    return signUp;
  }
  const client = await context.requireClient();
  try {
    const completed = await completeSignUp(app.store, {
      signUp,
      client,
      sessionSettings: settings.sessions,
      activity: activityFromRequest(context.request),
      now,
    });
    return completed.signUp;
  } catch (error) {
    const current = await app.store.signUps.findById(signUp.id);
    if (current?.status === 'complete') return current;
    await app.store.signUps.update(signUp);
    throw error;
  }
}
