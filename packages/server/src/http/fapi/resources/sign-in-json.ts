import { secondFactorsFor } from '../../../domain/sign-in/first-factors.js';
import { signInStatusAt } from '../../../domain/sign-in/sign-in-state.js';
import type { FactorRecord, InstanceSettings, SignInRecord, UserRecord } from '../../../store/records.js';
import { toVerificationJSON } from './verification-json.js';

/**
 * Clerk's `SignIn`. Never carries code hashes (verifications are rendered by `toVerificationJSON`).
 * `user_data` appears once the identifier matched someone — except under enumeration protection,
 * where every attempt shows the same blank `user_data` until its first factor is proven, so names and
 * avatars cannot tell real accounts from fabricated ones. With `now`, an expired attempt reads `abandoned`.
 *
 * @example
 * toSignInJSON(signIn, user, app.instance.settings, now).status // 'needs_first_factor'
 */
export function toSignInJSON(signIn: SignInRecord, user: UserRecord | null, settings: InstanceSettings, now?: number) {
  const identifiers = [
    ...(settings.signIn.emailAddress ? ['email_address'] : []),
    ...(settings.signIn.username ? ['username'] : []),
  ];
  const status = now === undefined ? signIn.status : signInStatusAt(signIn, now);
  const unproven = signIn.status === 'needs_identifier' || signIn.status === 'needs_first_factor';
  const blank = settings.protection.enumerationProtection && unproven && signIn.identifier !== null;
  return {
    object: 'sign_in_attempt',
    id: signIn.id,
    status,
    supported_identifiers: identifiers,
    identifier: signIn.identifier,
    user_data: blank
      ? { first_name: null, last_name: null, image_url: '', has_image: false }
      : user
        ? {
            first_name: user.firstName,
            last_name: user.lastName,
            image_url: user.imageUrl ?? '',
            has_image: user.imageUrl !== null,
          }
        : null,
    supported_first_factors: signIn.supportedFirstFactors.map(toFactorJSON),
    supported_second_factors:
      signIn.status === 'needs_second_factor' && user ? secondFactorsFor(user).map(toFactorJSON) : null,
    first_factor_verification: toVerificationJSON(signIn.firstFactorVerification),
    second_factor_verification: toVerificationJSON(signIn.secondFactorVerification),
    created_session_id: signIn.createdSessionId,
    abandon_at: signIn.abandonAt,
  };
}

function toFactorJSON(factor: FactorRecord) {
  return {
    strategy: factor.strategy,
    ...(factor.emailAddressId ? { email_address_id: factor.emailAddressId } : {}),
    ...(factor.safeIdentifier ? { safe_identifier: factor.safeIdentifier } : {}),
    ...(factor.primary !== undefined ? { primary: factor.primary } : {}),
  };
}
