import type { InstanceSettings, SignInRecord, UserRecord } from '../../../store/records.js';
import { toVerificationJSON } from './verification-json.js';

/** Clerk's `SignIn`; `user_data` only once the identifier matched someone. */
export function toSignInJSON(signIn: SignInRecord, user: UserRecord | null, settings: InstanceSettings) {
  const identifiers = [
    ...(settings.signIn.emailAddress ? ['email_address'] : []),
    ...(settings.signIn.username ? ['username'] : []),
  ];
  return {
    object: 'sign_in_attempt',
    id: signIn.id,
    status: signIn.status,
    supported_identifiers: identifiers,
    identifier: signIn.identifier,
    user_data: user
      ? {
          first_name: user.firstName,
          last_name: user.lastName,
          image_url: user.imageUrl ?? '',
          has_image: user.imageUrl !== null,
        }
      : null,
    supported_first_factors: signIn.supportedFirstFactors.map((factor) => ({
      strategy: factor.strategy,
      ...(factor.emailAddressId ? { email_address_id: factor.emailAddressId } : {}),
      ...(factor.safeIdentifier ? { safe_identifier: factor.safeIdentifier } : {}),
      ...(factor.primary !== undefined ? { primary: factor.primary } : {}),
    })),
    supported_second_factors: null,
    first_factor_verification: toVerificationJSON(signIn.firstFactorVerification),
    second_factor_verification: toVerificationJSON(signIn.secondFactorVerification),
    created_session_id: signIn.createdSessionId,
    abandon_at: signIn.abandonAt,
  };
}
