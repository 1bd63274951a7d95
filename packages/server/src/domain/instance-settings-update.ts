import { formError } from '../errors.js';
import type { InstanceRecord, InstanceSettings } from '../store/records.js';
import type { Store } from '../store/store.js';
import { type EventContext, recordEvent } from './events/record-event.js';
import { withDefaultSettings } from './instance-settings.js';
import { toInstanceSettingsJSON } from './instance-settings-json.js';

/** The audit-log action of a settings change (not a Clerk webhook type, so unfiltered endpoints never get it). */
export const INSTANCE_SETTINGS_UPDATED_EVENT = 'instance.settings_updated';

/**
 * Rules that span fields, checked on the merged result so a PATCH can never leave the instance in a
 * state where nobody can sign in. Throws a 422 naming the offending parameter.
 */
export function assertSettingsUsable(settings: InstanceSettings): void {
  const { signIn, signUp, passwordPolicy, sessions } = settings;
  if (!signIn.emailAddress && !signIn.username) {
    throw formError(
      'form_param_value_invalid',
      'sign_in',
      'is invalid',
      'Keep at least one sign-in identifier (email address or username) enabled.',
    );
  }
  if (!signIn.password && !signIn.emailCode) {
    throw formError(
      'form_param_value_invalid',
      'sign_in',
      'is invalid',
      'Keep at least one way to prove identity (password or email code) enabled.',
    );
  }
  if (signIn.username && !signIn.emailAddress && signUp.username === 'off') {
    throw formError(
      'form_param_value_invalid',
      'sign_up.username',
      'is invalid',
      'Username is the only sign-in identifier, so sign-up must collect it (optional or required).',
    );
  }
  if (!signIn.emailCode && signIn.password && signUp.password === 'off') {
    throw formError(
      'form_param_value_invalid',
      'sign_up.password',
      'is invalid',
      'Password is the only sign-in factor, so sign-up must collect it.',
    );
  }
  if (passwordPolicy.minLength > passwordPolicy.maxLength) {
    throw formError(
      'form_param_value_invalid',
      'password_policy.min_length',
      'is invalid',
      'The minimum password length must not exceed the maximum.',
    );
  }
  if (sessions.inactivityTimeoutSeconds !== null && sessions.inactivityTimeoutSeconds > sessions.lifetimeSeconds) {
    throw formError(
      'form_param_value_invalid',
      'sessions.inactivity_timeout_seconds',
      'is invalid',
      'The inactivity timeout must not exceed the session lifetime.',
    );
  }
}

/**
 * Changes the instance's settings: reads the stored row (another process may have changed it),
 * applies `change`, checks the result, saves it with its audit event in one transaction, then puts
 * it into `live` — the AppContext's instance object, which every request reads — so this process
 * uses it from the next request on. Other processes pick it up through `watchInstanceSettings`.
 */
export async function updateInstanceSettings(
  store: Store,
  live: InstanceRecord,
  change: (current: InstanceSettings) => InstanceSettings,
  now: number,
  context?: EventContext,
): Promise<InstanceRecord> {
  const saved = await store.transaction(async (tx) => {
    const stored = await tx.instance.get();
    if (!stored) throw new Error('The instance row is missing.');
    const settings = change(withDefaultSettings(stored.settings));
    assertSettingsUsable(settings);
    // Strictly increasing, so watchers always see a change even within one millisecond.
    const updatedAt = Math.max(now, stored.updatedAt + 1);
    await tx.instance.updateSettings(settings, updatedAt);
    const record: InstanceRecord = { ...stored, settings, updatedAt };
    await recordEvent(tx, {
      type: INSTANCE_SETTINGS_UPDATED_EVENT,
      data: { ...toInstanceSettingsJSON(record), id: record.id },
      now,
      context,
    });
    return record;
  });
  applyLiveSettings(live, saved);
  return saved;
}

/** Puts newer settings into the shared instance object; older ones (a slow watcher) are ignored. */
export function applyLiveSettings(live: InstanceRecord, stored: InstanceRecord): boolean {
  if (stored.updatedAt <= live.updatedAt) return false;
  live.settings = withDefaultSettings(stored.settings);
  live.updatedAt = stored.updatedAt;
  return true;
}
