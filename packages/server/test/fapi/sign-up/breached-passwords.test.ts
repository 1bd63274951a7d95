import { describe, expect, it } from 'vitest';
import {
  assertPasswordNotBreached,
  BREACHED_PASSWORDS,
  isBreachedPassword,
} from '../../../src/domain/protection/breached-passwords.js';
import { LatchAPIError } from '../../../src/errors.js';

describe('breached passwords', () => {
  it('ships a few hundred lower-case entries, each long enough to pass the default policy', () => {
    expect(BREACHED_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const password of BREACHED_PASSWORDS) {
      expect(password).toBe(password.toLowerCase());
      expect([...password].length, password).toBeGreaterThanOrEqual(8);
      expect(password).not.toMatch(/\s/);
    }
  });

  it('matches regardless of case and lets uncommon passwords through', () => {
    expect(isBreachedPassword('password')).toBe(true);
    expect(isBreachedPassword('PassWord123')).toBe(true);
    expect(isBreachedPassword('1q2w3e4r')).toBe(true);
    expect(isBreachedPassword('violet tractor 42 harbours')).toBe(false);
    expect(isBreachedPassword('')).toBe(false);
  });

  it("throws Clerk's form_password_pwned naming the parameter", () => {
    expect(() => assertPasswordNotBreached('uncommon enough phrase')).not.toThrow();
    try {
      assertPasswordNotBreached('iloveyou1', 'new_password');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LatchAPIError);
      const { status, errors } = error as LatchAPIError;
      expect(status).toBe(422);
      expect(errors[0]).toMatchObject({ code: 'form_password_pwned', meta: { param_name: 'new_password' } });
    }
  });
});
