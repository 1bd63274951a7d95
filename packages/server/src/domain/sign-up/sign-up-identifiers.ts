import { identifierExists } from '../../errors.js';
import type { Store } from '../../store/store.js';

export interface SignUpIdentifiers {
  emailAddress?: string | null | undefined;
  username?: string | null | undefined;
}

/**
 * Refuses identifiers that already belong to a user, with `form_identifier_exists` naming the field.
 *
 * With `enumerationProtection` the email is not checked here: answering "taken" to an anonymous
 * caller would let anyone test which addresses have accounts. The sign-up then proceeds as usual
 * (the code goes to the address, whose owner is the only one who can read it) and the check happens
 * at completion, after the caller has proven they own the mailbox — telling the owner that their
 * own address has an account reveals nothing. Usernames are always checked: they are chosen, not
 * owned, and a UI cannot let someone pick one without saying it is taken.
 *
 * @example
 * await assertSignUpIdentifiersAvailable(store, { emailAddress: 'ada@example.com' }, { enumerationProtection: false })
 */
export async function assertSignUpIdentifiersAvailable(
  store: Store,
  identifiers: SignUpIdentifiers,
  options: { enumerationProtection: boolean },
): Promise<void> {
  const { emailAddress, username } = identifiers;
  if (emailAddress && !options.enumerationProtection) {
    const taken = await store.users.findTakenIdentifiers('email_address', [emailAddress]);
    if (taken.length > 0) throw identifierExists('email_address', 'That email address is taken. Please try another.');
  }
  if (username && (await store.users.findUserIdByUsername(username))) {
    throw identifierExists('username', 'That username is taken. Please try another.');
  }
}
