import { signUpRequirements } from '../../../domain/sign-up/sign-up-requirements.js';
import type { InstanceSettings, SignUpRecord } from '../../../store/records.js';
import { toVerificationJSON } from './verification-json.js';

/**
 * Clerk's `SignUp`. The email verification stays `null` until a code is prepared: `<SignUp/>` skips its
 * own prepare call when it already sees an unverified email_code verification (PROTOCOL.md §2.2).
 */
export function toSignUpJSON(signUp: SignUpRecord, settings: InstanceSettings) {
  const requirements = signUpRequirements(settings, signUp);
  return {
    object: 'sign_up_attempt',
    id: signUp.id,
    status: signUp.status,
    required_fields: requirements.required,
    optional_fields: requirements.optional,
    missing_fields: signUp.status === 'complete' ? [] : requirements.missing,
    unverified_fields: signUp.status === 'complete' ? [] : requirements.unverified,
    verifications: {
      email_address: toVerificationJSON(signUp.emailVerification, ['email_code']),
      phone_number: null,
      web3_wallet: null,
      external_account: null,
    },
    username: signUp.username,
    first_name: signUp.firstName,
    last_name: signUp.lastName,
    email_address: signUp.emailAddress,
    phone_number: null,
    web3_wallet: null,
    external_account_strategy: null,
    external_account: null,
    has_password: signUp.passwordDigest !== null,
    unsafe_metadata: signUp.unsafeMetadata,
    created_session_id: signUp.createdSessionId,
    created_user_id: signUp.createdUserId,
    abandon_at: signUp.abandonAt,
    legal_accepted_at: signUp.legalAcceptedAt,
    locale: signUp.locale,
  };
}
