import { formError } from '../../errors.js';
import type { UserRecord } from '../../store/records.js';
import { verifyArgon2 } from '../passwords/argon2id.js';
import { checkUserPassword } from '../users/verify-user-password.js';
import type { SignInDeps } from './sign-in-deps.js';
import { lookUpDecoyUser } from './sign-in-subject.js';

/**
 * An argon2id digest (current parameters) of a random password nobody knows. Verifying against it
 * costs what verifying a real password costs, so "no such account" and "wrong password" take the
 * same time. A test holds it to the current parameters.
 */
export const DUMMY_PASSWORD_DIGEST =
  '$argon2id$v=19$m=19456,t=2,p=1$3Atd+hOFbNE3ldogFF/w3g$agx3VoCwjRa+0SyYyRFCM7ucTCp9gWETmRA9dtExFiQ';

/**
 * Whether `password` is the user's. Without a user (a fabricated attempt) or a password, the same
 * user lookup and one argon2 verification against the dummy digest still run. Imported digests are upgraded on success
 * (see `checkUserPassword`).
 *
 * @example
 * if (!(await passwordMatches(deps, user, password))) throw passwordIncorrectError();
 */
export async function passwordMatches(deps: SignInDeps, user: UserRecord | null, password: string): Promise<boolean> {
  if (!user?.password) {
    // What `checkUserPassword` costs a real account: loading the user, then one verification.
    await lookUpDecoyUser(deps.store);
    await verifyArgon2(DUMMY_PASSWORD_DIGEST, password);
    return false;
  }
  return checkUserPassword(deps.store, user.id, password, deps.now);
}

export function passwordIncorrectError() {
  return formError(
    'form_password_incorrect',
    'password',
    'is incorrect',
    'Password is incorrect. Try again, or use another method.',
  );
}
