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
  const iat = Math.floor(input.now / 1000);
  const minutesSince = (at: number | null) => (at === null ? -1 : Math.max(0, Math.floor((input.now - at) / 60_000)));
  const claims: Record<string, unknown> = {};
  // Most instances customise nothing: then there is no user data to gather for shortcodes.
  if (hasKeys(input.customClaims)) {
    const custom = renderClaims(input.customClaims, { user: userShortcodeData(input.user) });
    for (const [key, value] of Object.entries(custom)) if (!RESERVED_CLAIMS.has(key)) claims[key] = value;
  }
  Object.assign(claims, {
    ...(input.authorizedParty ? { azp: input.authorizedParty } : {}),
    exp: iat + input.lifetimeSeconds,
    fva: [minutesSince(input.session.firstFactorVerifiedAt), minutesSince(input.session.secondFactorVerifiedAt)],
    iat,
    iss: input.issuer,
    // Clerk back-dates nbf a little so a verifier whose clock runs behind still accepts a fresh token.
    nbf: iat - 10,
    ...(input.organization
      ? { o: input.organization.o, ...(input.organization.fea ? { fea: input.organization.fea } : {}) }
      : {}),
    sid: input.session.id,
    sts: input.session.status === 'pending' ? 'pending' : 'active',
    sub: input.user.id,
    v: 2,
  });
  return input.signer.sign(claims, SESSION_TOKEN_HEADER);
}

const SESSION_TOKEN_HEADER = { cat: SESSION_TOKEN_CATEGORY };

function hasKeys(object: Record<string, unknown>): boolean {
  for (const _key in object) return true;
  return false;
}
