import { formError } from '../errors.js';
import { type StoredMailSettings, storedMailSettingsOf, withStoredMailSettings } from '../mail/stored-mail-settings.js';
import type { InstanceRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { updateInstanceSettings } from './instance-settings-update.js';

/** A change to the stored mail settings: absent fields stay, null clears. */
export interface MailSettingsPatch {
  host?: string | null | undefined;
  port?: number | null | undefined;
  secure?: boolean | undefined;
  username?: string | null | undefined;
  password?: string | null | undefined;
  fromAddress?: string | null | undefined;
}

/** What the environment provides, for the rules that keep a production instance able to send. */
export interface MailEnvironment {
  smtpUrl?: string | undefined;
  from?: string | undefined;
}

/**
 * Applies `patch` to the stored settings. A new host without a new password forgets the stored one,
 * so a password typed for one server is never sent to another.
 */
export function applyMailSettingsPatch(current: StoredMailSettings, patch: MailSettingsPatch): StoredMailSettings {
  const next = { ...current };
  if (patch.host !== undefined) {
    const host = patch.host?.toLowerCase() ?? null;
    if (host !== current.smtpHost && patch.password === undefined) next.smtpPassword = null;
    next.smtpHost = host;
  }
  if (patch.port !== undefined) next.smtpPort = patch.port;
  if (patch.secure !== undefined) next.smtpSecure = patch.secure;
  if (patch.username !== undefined) next.smtpUsername = patch.username;
  if (patch.password !== undefined) next.smtpPassword = patch.password;
  if (patch.fromAddress !== undefined) next.fromAddress = patch.fromAddress;
  return next;
}

/** Rules across fields, on the merged result; a 422 names the field to fix. */
export function assertMailSettingsUsable(
  settings: StoredMailSettings,
  environment: MailEnvironment,
  instance: Pick<InstanceRecord, 'environmentType'>,
): void {
  if (settings.smtpPassword && !settings.smtpUsername) {
    throw formError('form_param_missing', 'username', 'is missing', 'An SMTP password needs a username to go with it.');
  }
  if (instance.environmentType !== 'production') return;
  if (!settings.smtpHost && !environment.smtpUrl) {
    throw formError(
      'form_param_value_invalid',
      'host',
      'is required',
      'A production instance must deliver codes by email: keep an SMTP host (LATCH_SMTP_URL is not set).',
    );
  }
  if (!settings.fromAddress && !environment.from) {
    throw formError(
      'form_param_value_invalid',
      'from_address',
      'is required',
      'A production instance needs a sender address (LATCH_EMAIL_FROM is not set).',
    );
  }
}

/**
 * Saves mail settings with the instance's other settings (one transaction, audited as
 * `instance.settings_updated`): this process uses them from the next email on, other processes
 * within a second (`watchInstanceSettings`).
 */
export async function updateMailSettings(
  store: Store,
  live: InstanceRecord,
  patch: MailSettingsPatch,
  environment: MailEnvironment,
  now: number,
): Promise<InstanceRecord> {
  return updateInstanceSettings(
    store,
    live,
    (current) => {
      const next = applyMailSettingsPatch(storedMailSettingsOf(current), patch);
      assertMailSettingsUsable(next, environment, live);
      return withStoredMailSettings(current, next);
    },
    now,
  );
}
