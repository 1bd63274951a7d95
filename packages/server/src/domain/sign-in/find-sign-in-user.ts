import type { SignInSettings, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';

export interface SignInIdentifier {
  kind: 'email_address' | 'username';
  /** Lower-cased and trimmed, as identifiers are stored. */
  value: string;
}

// Usernames cannot contain "@" (see user-identifiers.ts), so "@" decides the kind without a lookup.
const USERNAME_PATTERN = /^[a-z0-9_.-]{1,256}$/;

/**
 * Reads what the user typed as an email address or a username, whichever the instance accepts for
 * sign-in; null when it can be neither (so it can belong to nobody).
 *
 * @example
 * parseSignInIdentifier(' Ada@Example.com ', settings.signIn) // { kind: 'email_address', value: 'ada@example.com' }
 */
export function parseSignInIdentifier(input: string, settings: SignInSettings): SignInIdentifier | null {
  const value = input.trim().toLowerCase();
  if (value.includes('@')) return settings.emailAddress ? { kind: 'email_address', value } : null;
  return settings.username && USERNAME_PATTERN.test(value) ? { kind: 'username', value } : null;
}

/**
 * The user an identifier belongs to. An email address counts only once verified: an unverified
 * address proves nothing about who holds it.
 */
export async function findSignInUser(store: Store, identifier: SignInIdentifier): Promise<UserRecord | null> {
  if (identifier.kind === 'username') {
    const userId = await store.users.findUserIdByUsername(identifier.value);
    return userId ? store.users.findById(userId) : null;
  }
  // Addresses are unique across users: the holder is read with the address looked up inside.
  const user = await store.users.findByEmailAddress(identifier.value);
  const email = user?.emailAddresses.find((address) => address.value === identifier.value);
  return user && email?.verificationStatus === 'verified' ? user : null;
}
