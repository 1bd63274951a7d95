import { jwtTemplatesEndpoints } from '@latch/protocol';
import { formError } from '../../errors.js';

/**
 * Claims Latch sets on every template token itself (they carry its validity and audience); a
 * template may not override them. `sub` is allowed: integrations such as Supabase set it to
 * `{{user.id}}` or to an external id.
 */
export const RESERVED_TEMPLATE_CLAIMS = ['azp', 'exp', 'iat', 'iss', 'jti', 'nbf'] as const;

/**
 * Checks a template's claims: no reserved claim at the top level, and small enough (8 KiB of JSON)
 * that the token still fits in a header or cookie.
 *
 * @example
 * assertTemplateClaims({ sub: '{{user.id}}', role: 'authenticated' }) // ok
 * assertTemplateClaims({ exp: 1 }) // throws 422 naming `claims`
 */
export function assertTemplateClaims(claims: Record<string, unknown>): void {
  const reserved = RESERVED_TEMPLATE_CLAIMS.filter((claim) => Object.hasOwn(claims, claim));
  if (reserved.length > 0) {
    throw formError(
      'form_param_value_invalid',
      'claims',
      'contains reserved claims',
      `claims must not set ${reserved.join(', ')}: Latch sets ${RESERVED_TEMPLATE_CLAIMS.join(', ')} on every token itself.`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(claims)) > jwtTemplatesEndpoints.JWT_TEMPLATE_LIMITS.claimsMaxBytes) {
    throw formError(
      'form_param_max_length_exceeded',
      'claims',
      'is too large',
      `claims must be at most ${jwtTemplatesEndpoints.JWT_TEMPLATE_LIMITS.claimsMaxBytes} bytes of JSON.`,
    );
  }
}
