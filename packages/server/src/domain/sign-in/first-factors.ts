import type { FactorRecord, IdentifierRecord, InstanceSettings, UserRecord } from '../../store/records.js';
import type { SignInIdentifier } from './find-sign-in-user.js';

/** The parts of a user that decide its factors (a fabricated user for unknown identifiers has only these). */
export interface FactorSource {
  password: UserRecord['password'];
  primaryEmailAddressId: string | null;
  emailAddresses: Pick<IdentifierRecord, 'id' | 'value' | 'verificationStatus'>[];
}

/**
 * The first factors a user can sign in with, in the order the UI offers them: the password, an
 * email code for each verified address, and a password reset by email code to the primary address.
 *
 * @example
 * firstFactorsFor(user, settings, { kind: 'email_address', value: 'ada@example.com' });
 * // [{ strategy: 'password' }, { strategy: 'email_code', emailAddressId: 'idn_…', safeIdentifier: 'ada@example.com', primary: true }, …]
 */
export function firstFactorsFor(
  user: FactorSource,
  settings: InstanceSettings,
  identifier: SignInIdentifier,
): FactorRecord[] {
  const factors: FactorRecord[] = [];
  if (settings.signIn.password && user.password) factors.push({ strategy: 'password' });
  const verified = user.emailAddresses.filter((email) => email.verificationStatus === 'verified');
  const shown = (value: string) =>
    identifier.kind === 'email_address' && identifier.value === value ? value : maskEmail(value);
  if (settings.signIn.emailCode) {
    for (const email of verified) {
      factors.push({
        strategy: 'email_code',
        emailAddressId: email.id,
        safeIdentifier: shown(email.value),
        primary: email.id === user.primaryEmailAddressId,
      });
    }
  }
  const primary = verified.find((email) => email.id === user.primaryEmailAddressId);
  // Only an account with a password can forget it; the reset code goes to the primary address.
  if (settings.signIn.password && user.password && primary) {
    factors.push({
      strategy: 'reset_password_email_code',
      emailAddressId: primary.id,
      safeIdentifier: shown(primary.value),
      primary: true,
    });
  }
  return factors;
}

/**
 * Second factors (TOTP, backup codes, SMS) a user has set up. None exist yet in Latch, so this is
 * always empty; the state machine already routes a non-empty list to `needs_second_factor`, so adding
 * a factor type means filling this in and the second-factor endpoints, not reshaping the flow.
 */
export function secondFactorsFor(_user: UserRecord): FactorRecord[] {
  return [];
}

/**
 * An address shown to someone who has not proven they own it: enough to recognise, not to harvest.
 *
 * @example
 * maskEmail('ada.lovelace@example.com') // 'a***@e***.com'
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot + 1) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld ? `.${tld}` : ''}`;
}
