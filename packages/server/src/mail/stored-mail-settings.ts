import type { InstanceSettings } from '../store/records.js';

/**
 * Mail settings an operator saved in the dashboard. They live in the instance's settings JSON (key
 * `email`), so they travel with every other run-time setting: saved in one transaction, picked up by
 * other processes through `watchInstanceSettings`. A field left null falls back to the environment.
 */
export interface StoredMailSettings {
  /** SMTP is configured here (and overrides `LATCH_SMTP_URL`) only while a host is set. */
  smtpHost: string | null;
  /** Null: 465 when `smtpSecure`, else 587. */
  smtpPort: number | null;
  /** TLS from the first byte (smtps); otherwise STARTTLS when the server offers it. */
  smtpSecure: boolean;
  smtpUsername: string | null;
  /** Write-only through the API: never answered, only whether one is set. */
  smtpPassword: string | null;
  /** Overrides `LATCH_EMAIL_FROM`, also for the environment's SMTP server and the development mailer. */
  fromAddress: string | null;
}

export const EMPTY_STORED_MAIL_SETTINGS: StoredMailSettings = {
  smtpHost: null,
  smtpPort: null,
  smtpSecure: false,
  smtpUsername: null,
  smtpPassword: null,
  fromAddress: null,
};

type WithMail = { email?: Partial<StoredMailSettings> };

/**
 * The stored mail settings of an instance (defaults for an instance that never saved any).
 *
 * @example
 * storedMailSettingsOf(instance.settings).smtpHost // 'smtp.example.com' or null
 */
export function storedMailSettingsOf(settings: InstanceSettings): StoredMailSettings {
  return { ...EMPTY_STORED_MAIL_SETTINGS, ...(settings as InstanceSettings & WithMail).email };
}

/** A copy of `settings` carrying `email`. */
export function withStoredMailSettings(settings: InstanceSettings, email: StoredMailSettings): InstanceSettings {
  return { ...settings, email } as InstanceSettings;
}

/**
 * The nodemailer URL for stored SMTP settings, or null when none are stored. Credentials are
 * percent-encoded: a password may hold `@`, `:` or `/`.
 *
 * @example
 * storedSMTPUrl({ ...EMPTY_STORED_MAIL_SETTINGS, smtpHost: 'smtp.example.com', smtpSecure: true }) // 'smtps://smtp.example.com:465'
 */
export function storedSMTPUrl(stored: StoredMailSettings): string | null {
  if (!stored.smtpHost) return null;
  const scheme = stored.smtpSecure ? 'smtps' : 'smtp';
  const port = stored.smtpPort ?? (stored.smtpSecure ? 465 : 587);
  const user = stored.smtpUsername ? encodeURIComponent(stored.smtpUsername) : '';
  const password = stored.smtpPassword ? `:${encodeURIComponent(stored.smtpPassword)}` : '';
  const credentials = user ? `${user}${password}@` : '';
  const host = stored.smtpHost.includes(':') ? `[${stored.smtpHost}]` : stored.smtpHost;
  return `${scheme}://${credentials}${host}:${port}`;
}

/** Where mail goes right now, and who it is from. */
export interface EffectiveMailSettings {
  /** `instance`: SMTP saved in the dashboard; `environment`: `LATCH_SMTP_URL`; `none`: printed only. */
  source: 'instance' | 'environment' | 'none';
  smtpUrl: string | null;
  from: string | null;
}

/**
 * Stored settings win over the environment, field by field: an SMTP host saved in the dashboard
 * replaces `LATCH_SMTP_URL`, a saved sender replaces `LATCH_EMAIL_FROM`.
 *
 * @example
 * effectiveMailSettings({ smtpUrl: 'smtp://mail:25' }, storedMailSettingsOf(instance.settings)).source // 'environment'
 */
export function effectiveMailSettings(
  environment: { smtpUrl?: string | undefined; from?: string | undefined },
  stored: StoredMailSettings,
): EffectiveMailSettings {
  const from = stored.fromAddress || environment.from || null;
  const instanceUrl = storedSMTPUrl(stored);
  if (instanceUrl) return { source: 'instance', smtpUrl: instanceUrl, from };
  if (environment.smtpUrl) return { source: 'environment', smtpUrl: environment.smtpUrl, from };
  return { source: 'none', smtpUrl: null, from };
}

/**
 * `smtp://host:port` of an SMTP URL, without credentials: safe for logs and answers.
 *
 * @example
 * describeSMTPUrl('smtps://user:secret@smtp.example.com') // 'smtps://smtp.example.com:465'
 */
export function describeSMTPUrl(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}
