import { identifierExists } from '../../errors.js';
import type { ClientRecord, SessionActivity, SessionSettings, SignUpRecord, UserFields } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { recordUserEvent } from '../events/event-data.js';
import { createId } from '../ids.js';
import { createSession } from '../sessions/create-session.js';
import { assertSignUpIdentifiersAvailable } from './sign-up-identifiers.js';

export interface CompleteSignUpInput {
  /** A ready sign-up (see `isSignUpReady`), with its verified email. */
  signUp: SignUpRecord;
  client: ClientRecord;
  sessionSettings: SessionSettings;
  activity: SessionActivity;
  now: number;
}

/**
 * Turns a ready sign-up into a user and signs them in: the user (email verified by `email_code`,
 * the argon2id digest hashed at create time), the session, and the sign-up marked `complete` with
 * both ids are written in one transaction, so a failure leaves no user without a session or a
 * complete sign-up without its user.
 *
 * The email and username are checked again inside the transaction — another sign-up may have
 * claimed them since, and with enumeration protection the email was never checked before — and a
 * unique-index race still answers `form_identifier_exists`, never a 500.
 *
 * @example
 * const { signUp: done, sessionId } = await completeSignUp(store, { signUp, client, sessionSettings, activity, now });
 */
export async function completeSignUp(
  store: Store,
  input: CompleteSignUpInput,
): Promise<{ signUp: SignUpRecord; userId: string; sessionId: string }> {
  const { signUp, now } = input;
  const email = signUp.emailAddress as string;
  const userId = createId('user', now);
  const emailId = createId('idn', now);
  const fields: UserFields = {
    id: userId,
    externalId: null,
    username: signUp.username,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
    locale: signUp.locale,
    imageUrl: null,
    primaryEmailAddressId: emailId,
    primaryPhoneNumberId: null,
    publicMetadata: {},
    privateMetadata: {},
    unsafeMetadata: signUp.unsafeMetadata,
    banned: false,
    locked: false,
    lockoutExpiresAt: null,
    failedVerificationAttempts: 0,
    deleteSelfEnabled: true,
    createOrganizationEnabled: true,
    createOrganizationsLimit: null,
    legalAcceptedAt: signUp.legalAcceptedAt,
    lastSignInAt: null,
    lastActiveAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await store.transaction(async (tx) => {
      await assertSignUpIdentifiersAvailable(
        tx,
        { emailAddress: email, username: signUp.username },
        { enumerationProtection: false },
      );
      await tx.users.insert({
        fields,
        emailAddresses: [
          {
            id: emailId,
            userId,
            value: email,
            verificationStatus: 'verified',
            verificationStrategy: 'email_code',
            reserved: false,
            createdAt: now,
            updatedAt: now,
          },
        ],
        phoneNumbers: [],
        password:
          signUp.passwordDigest === null ? null : { digest: signUp.passwordDigest, hasher: 'argon2id', updatedAt: now },
      });
      const created = await tx.users.findById(userId);
      if (created) await recordUserEvent(tx, 'user.created', created, now);
      const session = await createSession(tx, {
        client: input.client,
        userId,
        settings: input.sessionSettings,
        activity: input.activity,
        now,
      });
      const completed: SignUpRecord = {
        ...signUp,
        status: 'complete',
        createdUserId: userId,
        createdSessionId: session.id,
        updatedAt: now,
      };
      await tx.signUps.update(completed);
      return { signUp: completed, userId, sessionId: session.id };
    });
  } catch (error) {
    if (error instanceof UniqueViolation) {
      const param = error.column === 'username' ? 'username' : 'email_address';
      throw identifierExists(param, `That ${param.replace('_', ' ')} is taken. Please try another.`);
    }
    throw error;
  }
}
