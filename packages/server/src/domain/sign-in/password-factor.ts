import { formError } from '../../errors.js';
import type { UserRecord } from '../../store/records.js';
import { isCurrentArgon2id, verifyArgon2 } from '../passwords/argon2id.js';
import { checkUserPassword } from '../users/verify-user-password.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * An argon2id digest (current parameters) of a random password nobody knows. Verifying against it
 * costs what verifying a real password costs, so "no such account" and "wrong password" take the
 * same time. A test holds it to the current parameters.
 */
export const DUMMY_PASSWORD_DIGEST =
  '$argon2id$v=19$m=19456,t=2,p=1$3Atd+hOFbNE3ldogFF/w3g$agx3VoCwjRa+0SyYyRFCM7ucTCp9gWETmRA9dtExFiQ';

/**
 * Whether `password` is the user's. `user` was loaded by this request just before (the sign-in's
 * subject), so a current argon2id digest is verified as it is: one hash, no further query. Without a
 * user (a fabricated attempt) or a password, one verification against the dummy digest runs instead,
 * the same cost. Imported or older digests go through `checkUserPassword`, which upgrades them on success.
 *
 * @example
 * if (!(await passwordMatches(deps, user, password))) throw passwordIncorrectError();
 */
export async function passwordMatches(deps: SignInDeps, user: UserRecord | null, password: string): Promise<boolean> {
  if (!user?.password) {
    await verifyArgon2(DUMMY_PASSWORD_DIGEST, password);
    return false;
  }
  const { digest, hasher } = user.password;
  if (hasher === 'argon2id' && isCurrentArgon2id(digest)) return verifyArgon2(digest, password);
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
