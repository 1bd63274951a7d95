import { identifierVerificationState } from '../../../domain/me/email-verification-state.js';
import type { IdentifierRecord } from '../../../store/records.js';

/**
 * Clerk's FAPI `EmailAddress` for the `/v1/me/email_addresses` endpoints: the verification shows the
 * pending code's status, attempts and expiry (never the code), and is `null` before a code was asked for.
 *
 * @example
 * toMeEmailAddressJSON(emailAddress, now).verification // { status: 'unverified', strategy: 'email_code', attempts: 0, expire_at: … }
 */
export function toMeEmailAddressJSON(emailAddress: IdentifierRecord, now: number) {
  const state = identifierVerificationState(emailAddress, now);
  return {
    object: 'email_address',
    id: emailAddress.id,
    email_address: emailAddress.value,
    reserved: emailAddress.reserved,
    verification: state
      ? {
          object: 'verification',
          status: state.status,
          strategy: state.strategy,
          attempts: state.status === 'verified' ? null : state.attempts,
          expire_at: state.expireAt,
        }
      : null,
    linked_to: [],
    matches_sso_connection: false,
    created_at: emailAddress.createdAt,
    updated_at: emailAddress.updatedAt,
  };
}
