import {
  frontendApiBase,
  isLatchAPIResponseError,
  LatchAPIResponseError,
  LatchRuntimeError,
  parsePublishableKey,
} from '@latch/js';
import { describe, expect, it } from 'vitest';
import { encodeFormBody } from '../../src/transport/form-body.js';

describe('publishable keys', () => {
  it('decodes the Frontend API host and the instance type', () => {
    expect(parsePublishableKey('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ')).toEqual({
      instanceType: 'production',
      frontendApiHost: 'clerk.selfhost.test',
    });
    expect(parsePublishableKey(`pk_test_${btoa('127.0.0.1:4000$')}`).instanceType).toBe('development');
  });

  it.each([
    ['not a key', 'sk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ'],
    ['no dollar', `pk_live_${btoa('clerk.example.com')}`],
    ['host without a dot', `pk_test_${btoa('localhost:4000$')}`],
    ['two dollars', `pk_live_${btoa('a.b$c.d$')}`],
    ['not base64', 'pk_live_%%%'],
  ])('rejects %s with a typed error', (_, key) => {
    expect(() => parsePublishableKey(key)).toThrow(LatchRuntimeError);
    try {
      parsePublishableKey(key);
    } catch (error) {
      expect((error as LatchRuntimeError).code).toBe('invalid_publishable_key');
    }
  });

  it('derives the Frontend API URL: https for real hosts, http on loopback, or the proxy', () => {
    expect(frontendApiBase('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ', undefined, undefined)).toBe(
      'https://clerk.selfhost.test',
    );
    expect(frontendApiBase(`pk_test_${btoa('127.0.0.1:4000$')}`, undefined, undefined)).toBe('http://127.0.0.1:4000');
    expect(
      frontendApiBase('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ', '/__latch/', 'https://app.example.com/dashboard'),
    ).toBe('https://app.example.com/__latch');
    expect(frontendApiBase('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ', 'https://auth.example.com/fapi', undefined)).toBe(
      'https://auth.example.com/fapi',
    );
  });
});

describe('form bodies (PROTOCOL.md §2.1)', () => {
  it('snake_cases keys, drops undefined, sends null as empty, repeats arrays, JSON-encodes objects', () => {
    const body = new URLSearchParams(
      encodeFormBody({
        emailAddressId: 'idn_1',
        skipped: undefined,
        organizationId: null,
        strategy: 'email_code',
        emailAddress: ['a@example.com', 'b@example.com'],
        unsafeMetadata: { plan: 'pro' },
        signOutOfOtherSessions: true,
      }),
    );
    expect([...body]).toEqual([
      ['email_address_id', 'idn_1'],
      ['organization_id', ''],
      ['strategy', 'email_code'],
      ['email_address', 'a@example.com'],
      ['email_address', 'b@example.com'],
      ['unsafe_metadata', '{"plan":"pro"}'],
      ['sign_out_of_other_sessions', 'true'],
    ]);
  });
});

describe('LatchAPIResponseError', () => {
  it('rebuilds Clerk-shaped errors with camelCased meta', () => {
    const error = LatchAPIResponseError.fromJSON(
      422,
      {
        errors: [
          {
            code: 'form_password_incorrect',
            message: 'Password is incorrect.',
            long_message: 'Password is incorrect. Try again.',
            meta: { param_name: 'password' },
          },
        ],
        clerk_trace_id: 'trace_1',
      },
      undefined,
    );
    expect(error.code).toBe('form_password_incorrect');
    expect(error.status).toBe(422);
    expect(error.clerkTraceId).toBe('trace_1');
    expect(error.errors[0]).toEqual({
      code: 'form_password_incorrect',
      message: 'Password is incorrect.',
      longMessage: 'Password is incorrect. Try again.',
      meta: { paramName: 'password' },
    });
    expect(error.message).toBe('form_password_incorrect: Password is incorrect. Try again.');
  });

  it('is recognised by its guard, other errors are not', () => {
    expect(isLatchAPIResponseError(LatchAPIResponseError.fromJSON(401, { errors: [] }))).toBe(true);
    expect(isLatchAPIResponseError(new Error('x'))).toBe(false);
    expect(isLatchAPIResponseError(new LatchRuntimeError('network_error', 'offline'))).toBe(false);
    expect(isLatchAPIResponseError(null)).toBe(false);
  });

  it('tolerates bodies that are not Clerk-shaped', () => {
    const error = LatchAPIResponseError.fromJSON(502, null, 3);
    expect(error.code).toBe('unknown');
    expect(error.errors).toEqual([]);
    expect(error.retryAfter).toBe(3);
  });
});
