import { formError, LatchAPIError } from '../errors.js';
import type { RestrictionSettings } from '../store/records.js';

/** Whether `email` (lower case) is on `list`: as an address, or by its domain or a parent domain. */
export function identifierListed(list: readonly string[], email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return list.some((entry) => {
    if (entry.includes('@') && !entry.startsWith('@')) return entry === email;
    const listed = entry.replace(/^@/, '');
    return domain === listed || domain.endsWith(`.${listed}`);
  });
}

/**
 * Refuses a sign-up email the instance's restrictions exclude (Clerk's allowlist / blocklist and
 * subaddress blocking), with Clerk's codes. Sign-ups only: the Backend API creates users regardless.
 */
export function assertSignUpEmailAllowed(restrictions: RestrictionSettings, email: string | null | undefined): void {
  if (!email) return;
  const address = email.trim().toLowerCase();
  const notAllowed = () =>
    LatchAPIError.single(
      403,
      'not_allowed_access',
      'Not allowed',
      'This email address is not allowed to sign up to this application.',
      'email_address',
    );
  if (!emailPassesLists(restrictions, address)) throw notAllowed();
  if (restrictions.blockEmailSubaddresses && /\+[^@]*@/.test(address)) {
    throw formError(
      'form_param_format_invalid',
      'email_address',
      'is invalid',
      'Email addresses with a "+" part are not accepted here.',
    );
  }
}

/** Whether a lower-case address passes the allowlist and the blocklist, where they are on. */
function emailPassesLists(restrictions: RestrictionSettings, address: string): boolean {
  if (restrictions.allowlist && !identifierListed(restrictions.allowlistIdentifiers, address)) return false;
  return !(restrictions.blocklist && identifierListed(restrictions.blocklistIdentifiers, address));
}

/**
 * Refuses a sign-in with an email address the allowlist or blocklist excludes, unless the instance
 * applies them to sign-ups only (`allowlistBlocklistDisabledOnSignIn`, Clerk's
 * `allowlist_blocklist_disabled_on_sign_in`). Decided from the identifier alone, before any account
 * is looked up, so the answer says nothing about whether an account exists. A username identifier is
 * not checked (the lists hold addresses and domains).
 */
export function assertSignInIdentifierAllowed(restrictions: RestrictionSettings, identifier: string | undefined): void {
  if (!identifier || restrictions.allowlistBlocklistDisabledOnSignIn) return;
  const address = identifier.trim().toLowerCase();
  if (!address.includes('@') || emailPassesLists(restrictions, address)) return;
  throw LatchAPIError.single(
    403,
    'not_allowed_access',
    'Not allowed',
    'This email address is not allowed to sign in to this application.',
    'identifier',
  );
}
