import type { PasswordHasher } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { PasswordPolicy, PasswordRecord } from '../../store/records.js';
import { hashPassword } from '../passwords/argon2id.js';
import { isValidDigest } from '../passwords/imported-digest.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';

export interface PasswordInput {
  password?: string | null;
  password_digest?: string | null;
  password_hasher?: PasswordHasher | null;
  skip_password_checks?: boolean | null;
}

/**
 * Turns the password fields of a create/update request into a stored record — hashing a plaintext
 * password with argon2id, or keeping an imported digest to verify (and upgrade) at the next check.
 * Returns `undefined` when the request does not touch the password. Call before any transaction:
 * hashing takes ~25 ms and must not hold SQLite's write lock.
 */
export async function preparePassword(
  input: PasswordInput,
  policy: PasswordPolicy,
  now: number,
): Promise<PasswordRecord | undefined> {
  const hasPassword = typeof input.password === 'string';
  const hasDigest = typeof input.password_digest === 'string';
  if (hasPassword && hasDigest) {
    throw formError(
      'form_param_value_invalid',
      'password_digest',
      'cannot be combined with password',
      'Provide either a password or a password digest, not both.',
    );
  }
  if (hasDigest) {
    const hasher = input.password_hasher;
    if (!hasher) {
      throw formError(
        'form_conditional_param_missing',
        'password_hasher',
        'is missing',
        'password_hasher is required when password_digest is given.',
      );
    }
    const digest = input.password_digest as string;
    if (!isValidDigest(hasher, digest)) {
      throw formError(
        'form_password_digest_invalid',
        'password_digest',
        'is invalid',
        `The password digest is not a valid ${hasher} digest.`,
      );
    }
    return { digest, hasher, updatedAt: now };
  }
  if (hasPassword) {
    const password = input.password as string;
    if (!input.skip_password_checks) assertPasswordAllowed(policy, password);
    else if (password.length === 0) {
      throw formError('form_param_value_invalid', 'password', 'is empty', 'The password cannot be empty.');
    }
    return { digest: await hashPassword(password), hasher: 'argon2id', updatedAt: now };
  }
  if (input.password_hasher) {
    throw formError(
      'form_conditional_param_missing',
      'password_digest',
      'is missing',
      'password_digest is required when password_hasher is given.',
    );
  }
  return undefined;
}
