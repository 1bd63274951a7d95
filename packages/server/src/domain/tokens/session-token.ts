import type { SessionRecord, UserRecord } from '../../store/records.js';
import { renderClaims } from './claim-shortcodes.js';
import type { OrganizationClaims } from './organization-claim.js';
import type { RS256Signer } from './rs256-signer.js';
import { userShortcodeData } from './shortcode-data.js';

/** Clerk Core 3's token category for session tokens (PROTOCOL.md §4.1). */
export const SESSION_TOKEN_CATEGORY = 'cl_B7d4PD111AAA';

/** Claims a customisation may not override: they carry the session's identity and validity. */
const RESERVED_CLAIMS = new Set([
  'sub',
  'sid',
  'iss',
  'azp',
  'iat',
  'nbf',
  'exp',
  'v',
  'sts',
  'fva',
  'o',
  'fea',
  'jti',
  'act',
]);

export interface SessionTokenInput {
  session: SessionRecord;
  user: UserRecord;
  signer: RS256Signer;
  /** `https://<frontend api host>`: clerk's SDKs pick cookie names by it. */
  issuer: string;
  /** The Origin of the browser tab asking; omitted when unknown. */
  authorizedParty: string | null;
  now: number;
  lifetimeSeconds: number;
  customClaims: Record<string, unknown>;
  /** The v2 `o` (and `fea`) claims of the session's active organization; null for the personal account. */
  organization?: OrganizationClaims | null;
}

/**
 * Mints a v2 session token: RS256, `kid` and `cat` in the header, Clerk's claims in the body.
 *
 * @example
 * mintSessionToken({ session, user, signer, issuer: 'https://clerk.example.com', authorizedParty: 'https://app.example.com',
 *   now: Date.now(), lifetimeSeconds: 60, customClaims: {} })
 */
export function mintSessionToken(input: SessionTokenInput): string {
  return input.signer.sign(sessionTokenClaims(input), SESSION_TOKEN_HEADER);
}

/**
 * The same token as `mintSessionToken`, signed on the server's signing thread so the event loop
 * serves other requests meanwhile (docs/decisions/0013): the Frontend API's token refresh.
 */
export function mintSessionTokenOffThread(input: SessionTokenInput): Promise<string> {
  return input.signer.signOffThread(sessionTokenClaims(input), SESSION_TOKEN_HEADER);
}

function sessionTokenClaims(input: SessionTokenInput): Record<string, unknown> {
  const iat = Math.floor(input.now / 1000);
  const minutesSince = (at: number | null) => (at === null ? -1 : Math.max(0, Math.floor((input.now - at) / 60_000)));
  const claims: Record<string, unknown> = {};
  // Most instances customise nothing: then there is no user data to gather for shortcodes.
  if (hasKeys(input.customClaims)) {
    const custom = renderClaims(input.customClaims, { user: userShortcodeData(input.user) });
    for (const [key, value] of Object.entries(custom)) if (!RESERVED_CLAIMS.has(key)) claims[key] = value;
  }
  // Assigned one by one, in Clerk's order (after any custom claims, none of which may use these names):
  // the same JSON as an Object.assign of a literal with conditional spreads, which cost ~15 µs a token.
  if (input.authorizedParty) claims.azp = input.authorizedParty;
  claims.exp = iat + input.lifetimeSeconds;
  claims.fva = [minutesSince(input.session.firstFactorVerifiedAt), minutesSince(input.session.secondFactorVerifiedAt)];
  claims.iat = iat;
  claims.iss = input.issuer;
  // Clerk back-dates nbf a little so a verifier whose clock runs behind still accepts a fresh token.
  claims.nbf = iat - 10;
  if (input.organization) {
    claims.o = input.organization.o;
    if (input.organization.fea) claims.fea = input.organization.fea;
  }
  claims.sid = input.session.id;
  claims.sts = input.session.status === 'pending' ? 'pending' : 'active';
  claims.sub = input.user.id;
  claims.v = 2;
  return claims;
}

const SESSION_TOKEN_HEADER = { cat: SESSION_TOKEN_CATEGORY };

function hasKeys(object: Record<string, unknown>): boolean {
  for (const _key in object) return true;
  return false;
}
