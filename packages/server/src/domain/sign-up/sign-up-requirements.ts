import type { InstanceSettings, SignUpRecord } from '../../store/records.js';

export type SignUpField = 'email_address' | 'password' | 'username' | 'first_name' | 'last_name' | 'legal_accepted';

export interface SignUpRequirements {
  required: SignUpField[];
  optional: SignUpField[];
  missing: SignUpField[];
  unverified: 'email_address'[];
}

/**
 * What a sign-up still needs, from the instance's settings and what it has so far — the
 * `required_fields` / `missing_fields` / `unverified_fields` of Clerk's sign-up resource.
 */
export function signUpRequirements(settings: InstanceSettings, signUp: SignUpRecord): SignUpRequirements {
  const { signUp: fields } = settings;
  const required: SignUpField[] = ['email_address'];
  const optional: SignUpField[] = [];
  const place = (field: SignUpField, requirement: 'off' | 'optional' | 'required') => {
    if (requirement === 'required') required.push(field);
    else if (requirement === 'optional') optional.push(field);
  };
  place('password', fields.password);
  place('username', fields.username);
  place('first_name', fields.firstName);
  place('last_name', fields.lastName);
  if (fields.legalConsent) required.push('legal_accepted');
  const present: Record<SignUpField, boolean> = {
    email_address: signUp.emailAddress !== null,
    password: signUp.passwordDigest !== null,
    username: signUp.username !== null,
    first_name: signUp.firstName !== null,
    last_name: signUp.lastName !== null,
    legal_accepted: signUp.legalAcceptedAt !== null,
  };
  return {
    required,
    optional,
    missing: required.filter((field) => !present[field]),
    unverified:
      signUp.emailAddress !== null && signUp.emailVerification?.status !== 'verified' ? ['email_address'] : [],
  };
}

/**
 * Whether a sign-up has everything it needs to become a user: every required field given and the
 * email address proven. The email is always required, so "nothing unverified" implies it is verified.
 *
 * @example
 * if (signUp.status === 'missing_requirements' && isSignUpReady(settings, signUp)) await completeSignUp(…)
 */
export function isSignUpReady(settings: InstanceSettings, signUp: SignUpRecord): boolean {
  const { missing, unverified } = signUpRequirements(settings, signUp);
  return missing.length === 0 && unverified.length === 0 && signUp.emailVerification?.status === 'verified';
}
