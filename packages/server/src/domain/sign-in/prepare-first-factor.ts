import { randomBytes } from 'node:crypto';
import { formError } from '../../errors.js';
import type { FactorRecord, SignInRecord } from '../../store/records.js';
import { CODE_LIFETIME_MS, issueCode } from '../verification/verification-code.js';
import type { SignInDeps } from './sign-in-deps.js';
import { sendSignInEmail } from './sign-in-email.js';
import { assertSignInAwaits } from './sign-in-state.js';
import { assertSubjectMaySignIn, loadSignInUser } from './sign-in-subject.js';

export type CodeStrategy = 'email_code' | 'reset_password_email_code';

const TEMPLATES: Record<CodeStrategy, string> = {
  email_code: 'sign_in_code',
  reset_password_email_code: 'reset_password_code',
};

/**
 * The offered factor a prepare/attempt call names: by strategy and, for email strategies, by
 * `email_address_id` (the first such factor when it is left out). 422 naming the parameter otherwise.
 */
export function findOfferedFactor(signIn: SignInRecord, strategy: string, emailAddressId?: string): FactorRecord {
  const candidates = signIn.supportedFirstFactors.filter((factor) => factor.strategy === strategy);
  if (candidates.length === 0) {
    throw formError(
      'strategy_for_user_invalid',
      'strategy',
      'is invalid',
      `The ${strategy} strategy is not available for this sign-in.`,
    );
  }
  const factor = emailAddressId
    ? candidates.find((candidate) => candidate.emailAddressId === emailAddressId)
    : candidates[0];
  if (!factor) {
    throw formError(
      'form_param_value_invalid',
      'email_address_id',
      'is invalid',
      'email_address_id is not one of the addresses this sign-in offers.',
    );
  }
  return factor;
}

/**
 * Issues a one-time code for an email first factor and mails it: `sign_in_code` for `email_code`,
 * `reset_password_code` for `reset_password_email_code`. A new code replaces the previous one. A
 * fabricated attempt stores a code too (nobody receives it), so both look and behave alike.
 *
 * @example
 * await prepareEmailCode(deps, signIn, 'email_code', factor.emailAddressId);
 */
export async function prepareEmailCode(
  deps: SignInDeps,
  signIn: SignInRecord,
  strategy: CodeStrategy,
  emailAddressId?: string,
): Promise<SignInRecord> {
  assertSignInAwaits(signIn, ['needs_first_factor'], deps.now);
  const factor = findOfferedFactor(signIn, strategy, emailAddressId);
  const user = await loadSignInUser(deps.store, signIn);
  assertSubjectMaySignIn(deps, signIn.identifier ?? '', user);
  const email = user?.emailAddresses.find((address) => address.id === factor.emailAddressId);
  if (user && email?.verificationStatus !== 'verified') {
    // The address was removed or changed since the attempt began.
    throw formError(
      'form_param_value_invalid',
      'email_address_id',
      'is invalid',
      'That email address can no longer be used.',
    );
  }
  const { code, verification } = issueCode(signIn.id, strategy, deps.now);
  // A fabricated attempt keeps a random "hash" of the same form that no code can ever match.
  const codeHash = user ? verification.codeHash : randomBytes(32).toString('base64url');
  const prepared: SignInRecord = {
    ...signIn,
    firstFactorVerification: { ...verification, codeHash, emailAddressId: factor.emailAddressId ?? null },
    updatedAt: deps.now,
  };
  await deps.store.signIns.update(prepared);
  if (user && email) {
    sendSignInEmail(deps, {
      to: email.value,
      template: TEMPLATES[strategy],
      locale: user.locale,
      variables: { code, expiresInMinutes: String(CODE_LIFETIME_MS / 60_000) },
    });
  }
  return prepared;
}
