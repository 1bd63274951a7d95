import { LatchAPIError } from '../../errors.js';
import type { OperatorCredentialRecord, OperatorFields, OperatorRecord } from '../../store/operator-store.js';
import type { Store } from '../../store/store.js';
import { recordEvent } from '../events/record-event.js';
import { verifyArgon2 } from '../passwords/argon2id.js';
import { toOperatorJSON } from './operator-json.js';
import { hashOperatorToken, newOperatorToken, OPERATOR_TOKEN_TTL_MS } from './operator-tokens.js';
import { verifyTotp } from './totp.js';

/** One answer for every failed sign-in, so it does not tell which part was wrong. */
const signInFailed = () =>
  LatchAPIError.single(
    401,
    'authentication_invalid',
    'Sign-in failed',
    'The link is invalid or used, or the email, password or code is wrong.',
  );

async function issue(
  store: Store,
  kind: OperatorCredentialRecord['kind'],
  operatorId: string,
  now: number,
  sessionHash: string | null = null,
  notAfter = Number.POSITIVE_INFINITY,
): Promise<{ token: string; expiresAt: number }> {
  const token = newOperatorToken(kind);
  const expiresAt = Math.min(now + OPERATOR_TOKEN_TTL_MS[kind], notAfter);
  await store.operators.insertCredential({
    tokenHash: hashOperatorToken(token),
    kind,
    operatorId,
    sessionHash,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdAt: now,
  });
  return { token, expiresAt };
}

/** A one-time sign-in link token for an operator (`latch dev` prints it; `latch operators link`). */
export function createSignInLink(store: Store, operatorId: string, now: number) {
  return issue(store, 'link', operatorId, now);
}

/** Starts a dashboard session (the cookie's token) and audits the sign-in. */
export async function startSession(
  store: Store,
  operator: OperatorRecord,
  method: string,
  now: number,
  extra: OperatorFields = {},
) {
  return store.transaction(async (tx) => {
    await tx.operators.update(operator.id, { lastSignInAt: now, ...extra }, now);
    // Sign-ins are rare: a good moment to drop credentials that died a day ago or more.
    await tx.operators.deleteExpiredCredentials(now - 24 * 3600_000);
    const session = await issue(tx, 'session', operator.id, now);
    await recordEvent(tx, {
      type: 'operator.signed_in',
      data: { ...toOperatorJSON(operator), sign_in_method: method },
      now,
      context: { actor: { type: 'operator', id: operator.id } },
    });
    return { ...session, operator };
  });
}

/** Exchanges a one-time link for a session; the link works once, within its lifetime. */
export async function signInWithLink(store: Store, linkToken: string, now: number) {
  const hash = hashOperatorToken(linkToken);
  const link = await store.operators.findCredential(hash);
  if (link?.kind !== 'link' || link.expiresAt <= now || link.revokedAt !== null) throw signInFailed();
  if (!(await store.operators.markCredentialUsed(hash, now))) throw signInFailed();
  const operator = await store.operators.findById(link.operatorId);
  if (!operator) throw signInFailed();
  return startSession(store, operator, 'link', now);
}

/**
 * Email + password, plus a TOTP code when `requireTotp` (production) or when the operator has one.
 * An operator without a password or (in production) without TOTP cannot sign in this way at all.
 */
export async function signInWithPassword(
  store: Store,
  input: { email: string; password: string; totpCode?: string | null },
  options: { requireTotp: boolean },
  now: number,
) {
  const operator = await store.operators.findByEmail(input.email.trim().toLowerCase());
  if (!operator?.passwordDigest) throw signInFailed();
  if (!(await verifyArgon2(operator.passwordDigest, input.password))) throw signInFailed();
  if (!operator.totpSecret) {
    if (options.requireTotp) throw signInFailed();
    return startSession(store, operator, 'password', now);
  }
  const step = verifyTotp(operator.totpSecret, input.totpCode ?? '', now, operator.lastTotpStep);
  if (step === null) throw signInFailed();
  return startSession(store, operator, 'password_totp', now, { lastTotpStep: step });
}

/** The operator behind a live credential of `kind`, or null. */
async function operatorFor(store: Store, token: string, kind: OperatorCredentialRecord['kind'], now: number) {
  const credential = await store.operators.findCredential(hashOperatorToken(token));
  if (!credential || credential.kind !== kind || credential.revokedAt !== null || credential.expiresAt <= now) {
    return null;
  }
  const operator = await store.operators.findById(credential.operatorId);
  return operator ? { operator, credential } : null;
}

/** The operator signed in with this session cookie, or null. */
export async function operatorForSession(store: Store, sessionToken: string, now: number) {
  return (await operatorFor(store, sessionToken, 'session', now))?.operator ?? null;
}

/** The operator a Backend API bearer `opa_…` belongs to, or null (expired, revoked, signed out). */
export async function operatorForAccessToken(store: Store, accessToken: string, now: number) {
  return (await operatorFor(store, accessToken, 'access', now))?.operator ?? null;
}

/** A short-lived Backend API bearer for the session's operator. */
export async function mintAccessToken(store: Store, sessionToken: string, now: number) {
  const found = await operatorFor(store, sessionToken, 'session', now);
  if (!found) return null;
  // Never outlives the session that minted it.
  const access = await issue(
    store,
    'access',
    found.operator.id,
    now,
    found.credential.tokenHash,
    found.credential.expiresAt,
  );
  return { ...access, operator: found.operator };
}

/** Signs out: the session and every access token it minted stop working at once. */
export async function endOperatorSession(store: Store, sessionToken: string, now: number): Promise<void> {
  await store.operators.revokeSession(hashOperatorToken(sessionToken), now);
}
