import { createHmac, createPrivateKey, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { JWTTemplateRecord, SessionRecord, UserRecord } from '../../store/records.js';
import { sessionStatusAt } from '../sessions/session-state.js';
import { renderClaims } from './claim-shortcodes.js';
import type { RS256Signer } from './rs256-signer.js';
import { userShortcodeData } from './shortcode-data.js';

/** Clerk Core 3's token category for JWT-template tokens (PROTOCOL.md §4.1). */
export const TEMPLATE_TOKEN_CATEGORY = 'cl_B7d4PD222AAA';

/** Set by Latch on every template token; a template's own values for them are ignored. */
const STANDARD_CLAIMS = new Set(['azp', 'exp', 'iat', 'iss', 'jti', 'nbf']);

export interface TemplateTokenInput {
  template: JWTTemplateRecord;
  session: SessionRecord;
  user: UserRecord;
  /** The instance key; signs unless the template has a custom key. */
  signer: RS256Signer;
  /** `https://<frontend api host>`. */
  issuer: string;
  /** The Origin of the browser tab asking; omitted when unknown (Backend API calls). */
  authorizedParty: string | null;
  now: number;
  /** Overrides the template's lifetime (the Backend API's `expires_in_seconds`). */
  lifetimeSeconds?: number;
}

/**
 * Mints a token from a JWT template: the template's claims rendered with shortcodes over the user
 * and session, then Clerk's standard claims — `azp`, `exp` (iat + lifetime), `iat`, `iss`, a random
 * `jti`, `nbf` (iat − allowed clock skew) and `sub` (the user id, unless the template sets a
 * non-empty string of its own). Signed with the instance key (`kid` in the header) or with the
 * template's custom key, synchronously with node:crypto (docs/decisions/0007).
 *
 * @example
 * mintTemplateToken({ template, session, user, signer, issuer: 'https://clerk.example.com',
 *   authorizedParty: 'https://app.example.com', now: Date.now() })
 */
export function mintTemplateToken(input: TemplateTokenInput): string {
  const { template, session, user, now } = input;
  const iat = Math.floor(now / 1000);
  const rendered = renderClaims(template.claims, {
    user: userShortcodeData(user),
    session: {
      id: session.id,
      status: sessionStatusAt(session, now),
      actor: null,
      last_active_organization_id: session.lastActiveOrganizationId,
      created_at: Math.floor(session.createdAt / 1000),
    },
    org: null,
  });
  const claims: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rendered)) {
    // Defined, not assigned: a claim named `__proto__` must stay a claim.
    if (!STANDARD_CLAIMS.has(key)) Object.defineProperty(claims, key, { value, enumerable: true, writable: true });
  }
  Object.assign(claims, {
    ...(input.authorizedParty ? { azp: input.authorizedParty } : {}),
    exp: iat + (input.lifetimeSeconds ?? template.lifetimeSeconds),
    iat,
    iss: input.issuer,
    jti: randomBytes(10).toString('hex'),
    nbf: iat - template.allowedClockSkewSeconds,
    sub: typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : user.id,
  });
  const header = { cat: TEMPLATE_TOKEN_CATEGORY };
  if (!template.customSigningKey || template.signingKey === null) return input.signer.sign(claims, header);
  return signWithCustomKey(template, claims, header);
}

const HASHES: Record<string, string> = {
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
};

function signWithCustomKey(
  template: JWTTemplateRecord,
  claims: Record<string, unknown>,
  header: Record<string, unknown>,
) {
  const algorithm = template.signingAlgorithm;
  const hash = HASHES[algorithm];
  if (!hash || template.signingKey === null) throw new Error(`Unsupported template signing algorithm ${algorithm}`);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: algorithm, typ: 'JWT', ...header })}.${encode(claims)}`;
  let signature: Buffer;
  if (algorithm.startsWith('HS')) {
    signature = createHmac(hash, template.signingKey).update(signingInput).digest();
  } else {
    const key = templateKey(template);
    // JWS wants ECDSA signatures as raw r||s (RFC 7518 §3.4), not node's default DER.
    signature = sign(hash, Buffer.from(signingInput), algorithm === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
  }
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Parsed private keys, by PEM text: parsing a PEM costs more than the signature it makes. */
const keyCache = new Map<string, KeyObject>();

function templateKey(template: JWTTemplateRecord): KeyObject {
  const pem = template.signingKey as string;
  let key = keyCache.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    if (keyCache.size >= 256) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(pem, key);
  }
  return key;
}
