import type { InstanceSettings } from '../store/records.js';
import { DEFAULT_PASSWORD_POLICY } from './passwords/password-policy.js';

/** What a new instance starts with: Clerk's defaults for an email + password application. */
export const DEFAULT_INSTANCE_SETTINGS: InstanceSettings = {
  applicationName: 'Latch',
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  signUp: {
    mode: 'public',
    username: 'off',
    firstName: 'optional',
    lastName: 'optional',
    password: 'required',
    legalConsent: false,
  },
  signIn: { emailAddress: true, username: true, emailCode: true, password: true },
  sessions: {
    mode: 'single',
    lifetimeSeconds: 7 * 24 * 3600,
    inactivityTimeoutSeconds: null,
    tokenLifetimeSeconds: 60,
    customClaims: {},
  },
  protection: {
    maxFailedAttempts: 100,
    lockoutSeconds: 3600,
    enumerationProtection: false,
    rejectBreachedPasswords: true,
  },
  restrictions: {
    allowlist: false,
    blocklist: false,
    allowlistBlocklistDisabledOnSignIn: true,
    blockEmailSubaddresses: false,
    allowlistIdentifiers: [],
    blocklistIdentifiers: [],
  },
  allowedOrigins: [],
  urls: { home: null, signIn: null, signUp: null, afterSignIn: null, afterSignUp: null, afterSignOut: null },
};

/**
 * Fills settings stored by an older version with today's defaults, section by section, so a new
 * setting never reads as `undefined`.
 */
export function withDefaultSettings(stored: Partial<InstanceSettings>): InstanceSettings {
  const merged = { ...DEFAULT_INSTANCE_SETTINGS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(stored)) {
    const fallback = (DEFAULT_INSTANCE_SETTINGS as unknown as Record<string, unknown>)[key];
    merged[key] =
      fallback && typeof fallback === 'object' && !Array.isArray(fallback) && value && typeof value === 'object'
        ? { ...fallback, ...value }
        : value;
  }
  return merged as unknown as InstanceSettings;
}
