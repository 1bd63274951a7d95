import { describe, expect, it } from 'vitest';
import { isCurrentArgon2id, verifyArgon2 } from '../../../src/domain/passwords/argon2id.js';
import { isLockedOut, phantomLockoutsFor, userLockedError } from '../../../src/domain/protection/lockout.js';
import { parseSignInIdentifier } from '../../../src/domain/sign-in/find-sign-in-user.js';
import { maskEmail } from '../../../src/domain/sign-in/first-factors.js';
import { DUMMY_PASSWORD_DIGEST } from '../../../src/domain/sign-in/password-factor.js';
import { signInStatusAt } from '../../../src/domain/sign-in/sign-in-state.js';
import type { SignInRecord } from '../../../src/store/records.js';

describe('sign-in building blocks', () => {
  it('the dummy digest uses the current argon2id parameters, so it costs what a real check costs', async () => {
    expect(isCurrentArgon2id(DUMMY_PASSWORD_DIGEST)).toBe(true);
    expect(await verifyArgon2(DUMMY_PASSWORD_DIGEST, '')).toBe(false);
  });

  it('masks addresses', () => {
    expect(maskEmail('ada.lovelace@example.com')).toBe('a***@e***.com');
    expect(maskEmail('x@mail.example.co.uk')).toBe('x***@m***.uk');
    expect(maskEmail('root@localhost')).toBe('r***@l***');
  });

  it('reads identifiers as the settings allow', () => {
    const both = { emailAddress: true, username: true, emailCode: true, password: true };
    expect(parseSignInIdentifier(' Ada@Example.COM ', both)).toEqual({
      kind: 'email_address',
      value: 'ada@example.com',
    });
    expect(parseSignInIdentifier('Ada_L', both)).toEqual({ kind: 'username', value: 'ada_l' });
    expect(parseSignInIdentifier('not a username!', both)).toBeNull();
    expect(parseSignInIdentifier('ada@example.com', { ...both, emailAddress: false })).toBeNull();
    expect(parseSignInIdentifier('ada', { ...both, username: false })).toBeNull();
  });

  it('automatic lockouts lapse; administrator locks do not', () => {
    const now = 1_700_000_000_000;
    expect(isLockedOut({ locked: true, lockoutExpiresAt: now + 1 }, now)).toBe(true);
    expect(isLockedOut({ locked: true, lockoutExpiresAt: now }, now)).toBe(false);
    expect(isLockedOut({ locked: true, lockoutExpiresAt: null }, now)).toBe(true);
    expect(isLockedOut({ locked: false, lockoutExpiresAt: null }, now)).toBe(false);
    expect(userLockedError(now + 90_500, now).errors[0]?.meta).toEqual({ lockout_expires_in_seconds: 91 });
    expect(userLockedError(now + 90_500, now).status).toBe(403);
  });

  it('phantom lockouts count per identifier, lock at the limit and lapse', () => {
    const table = phantomLockoutsFor({});
    const policy = { maxFailedAttempts: 2, lockoutSeconds: 60 };
    const now = 1_700_000_000_000;
    expect(table.recordFailure('a@example.com', policy, now)).toBeNull();
    expect(table.lockedUntil('a@example.com', now)).toBeNull();
    expect(table.recordFailure('a@example.com', policy, now)).toBe(now + 60_000);
    expect(table.lockedUntil('a@example.com', now + 59_999)).toBe(now + 60_000);
    expect(table.lockedUntil('b@example.com', now)).toBeNull();
    expect(table.lockedUntil('a@example.com', now + 60_000)).toBeNull();
    // After the lapse, counting starts over.
    expect(table.recordFailure('a@example.com', policy, now + 60_000)).toBeNull();
    expect(table.recordFailure('a@example.com', { ...policy, maxFailedAttempts: null }, now + 60_001)).toBeNull();
  });

  it('reads an expired attempt as abandoned, but never a completed one', () => {
    const signIn = { status: 'needs_first_factor', abandonAt: 1000 } as SignInRecord;
    expect(signInStatusAt(signIn, 999)).toBe('needs_first_factor');
    expect(signInStatusAt(signIn, 1000)).toBe('abandoned');
    expect(signInStatusAt({ ...signIn, status: 'complete' }, 5000)).toBe('complete');
  });
});
