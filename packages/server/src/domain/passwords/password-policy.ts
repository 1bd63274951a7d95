import { formError } from '../../errors.js';
import type { PasswordPolicy } from '../../store/records.js';

/** Clerk's defaults: 8 to 72 characters (bcrypt's limit, kept for portable exports), no classes required. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 72,
  requireLowercase: false,
  requireUppercase: false,
  requireNumbers: false,
  requireSpecialCharacter: false,
};

/** Throws a Clerk-shaped 422 naming `paramName` when `password` breaks the instance's policy. */
export function assertPasswordAllowed(policy: PasswordPolicy, password: string, paramName = 'password'): void {
  const length = [...password].length;
  if (length < policy.minLength) {
    throw formError(
      'form_password_length_too_short',
      paramName,
      `Passwords must be at least ${policy.minLength} characters long.`,
      `Your password must contain ${policy.minLength} or more characters.`,
    );
  }
  if (length > policy.maxLength) {
    throw formError(
      'form_password_length_too_long',
      paramName,
      `Passwords must be at most ${policy.maxLength} characters long.`,
      `Your password must contain fewer than ${policy.maxLength + 1} characters.`,
    );
  }
  const missing: string[] = [];
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) missing.push('a lowercase letter');
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) missing.push('an uppercase letter');
  if (policy.requireNumbers && !/\p{Nd}/u.test(password)) missing.push('a number');
  if (policy.requireSpecialCharacter && !/[^\p{L}\p{Nd}\s]/u.test(password)) missing.push('a special character');
  if (missing.length > 0) {
    throw formError(
      'form_password_validation_failed',
      paramName,
      'Password does not meet the requirements.',
      `Your password must contain ${missing.join(', ')}.`,
    );
  }
}
