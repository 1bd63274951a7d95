import { clearJWKSCache, createLatchClient, type LatchClient, organizationClaims } from '@latch/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  apiUrlOf,
  appRequest,
  instanceSigningKey,
  type SignedInBrowser,
  sessionClaims,
  signedInBrowser,
  signToken,
  startLatch,
  stopLatch,
  type TestServer,
} from './support/latch.js';

/**
 * toAuth() and has() on tokens carrying organization, feature, plan and reverification claims. The
 * tokens are signed with the instance's real key (what the server will mint once organizations land)
 * and go through authenticateRequest against the real JWKS.
 */
describe('toAuth() claims and has() (SQLite)', () => {
  let t: TestServer;
  let latch: LatchClient;
  let session: SignedInBrowser;

  beforeAll(async () => {
    t = await startLatch('sqlite');
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
    session = await signedInBrowser(t);
  });
  afterAll(async () => {
    await stopLatch(t);
  });
  beforeEach(() => {
    clearJWKSCache();
  });

  async function stateFor(extraClaims: Record<string, unknown>) {
    const { kid, privateKeyPem } = await instanceSigningKey(t);
    const token = await signToken(privateKeyPem, { ...sessionClaims(t, session), ...extraClaims }, { kid });
    const state = await latch.authenticateRequest(
      appRequest('/api', { kind: 'fetch', headers: { authorization: `Bearer ${token}` } }),
      { authorizedParties: [APP_ORIGIN] },
    );
    expect(state.status).toBe('signed-in');
    return state;
  }

  async function authFor(extraClaims: Record<string, unknown>) {
    const auth = (await stateFor(extraClaims)).toAuth({ treatPendingAsSignedOut: false });
    if (!auth?.isAuthenticated) throw new Error('expected a signed-in auth object');
    return auth;
  }

  it('decodes the v2 o claim: orgId, orgSlug, orgRole with the org: prefix, permissions from fea/fpm', async () => {
    const auth = await authFor({
      v: 2,
      fea: 'o:members,o:invoices,u:export',
      o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'manage,read', fpm: '3,2' },
    });
    expect(auth).toMatchObject({ orgId: 'org_1', orgSlug: 'acme', orgRole: 'org:admin' });
    expect(auth.orgPermissions).toEqual(['org:members:manage', 'org:members:read', 'org:invoices:read']);
    expect(auth.has({ role: 'org:admin' })).toBe(true);
    expect(auth.has({ role: 'admin' })).toBe(true);
    expect(auth.has({ role: 'org:member' })).toBe(false);
    expect(auth.has({ permission: 'org:members:manage' })).toBe(true);
    expect(auth.has({ permission: 'members:read' })).toBe(true);
    expect(auth.has({ permission: 'org:invoices:manage' })).toBe(false);
    // Both given: both must hold.
    expect(auth.has({ role: 'org:admin', permission: 'org:invoices:read' })).toBe(true);
    expect(auth.has({ role: 'org:admin', permission: 'org:invoices:manage' })).toBe(false);
    // Features: scoped or not.
    expect(auth.has({ feature: 'members' })).toBe(true);
    expect(auth.has({ feature: 'o:invoices' })).toBe(true);
    expect(auth.has({ feature: 'u:export' })).toBe(true);
    expect(auth.has({ feature: 'o:export' })).toBe(false);
    expect(auth.has({ plan: 'pro' })).toBe(false);
    // Nothing asked is not a permission.
    expect(auth.has({})).toBe(false);
  });

  it('decodes v1 org claims as they are', async () => {
    const auth = await authFor({
      v: undefined,
      org_id: 'org_2',
      org_slug: 'beta',
      org_role: 'org:member',
      org_permissions: ['org:posts:read'],
    });
    expect(auth).toMatchObject({
      orgId: 'org_2',
      orgSlug: 'beta',
      orgRole: 'org:member',
      orgPermissions: ['org:posts:read'],
    });
    expect(auth.has({ permission: 'org:posts:read' })).toBe(true);
  });

  it('no active organization: role and permission checks are false, plans from pla work', async () => {
    const auth = await authFor({ v: 2, pla: 'u:pro', fea: 'u:export' });
    expect(auth.orgId).toBeUndefined();
    expect(auth.has({ role: 'org:admin' })).toBe(false);
    expect(auth.has({ plan: 'pro' })).toBe(true);
    expect(auth.has({ plan: 'user:pro', feature: 'export' })).toBe(true);
  });

  it('factorVerificationAge and has({ reverification })', async () => {
    const fresh = await authFor({ fva: [2, -1] });
    expect(fresh.factorVerificationAge).toEqual([2, -1]);
    expect(fresh.has({ reverification: 'strict' })).toBe(true);
    expect(fresh.has({ reverification: { level: 'multi_factor', afterMinutes: 10 } })).toBe(true);
    const stale = await authFor({ fva: [90, 90] });
    expect(stale.has({ reverification: 'moderate' })).toBe(false);
    expect(stale.has({ reverification: 'lax' })).toBe(true);
    const none = await authFor({ fva: undefined });
    expect(none.has({ reverification: 'lax' })).toBe(false);
  });

  it('actor (impersonation); a pending session is signed out unless asked otherwise (Clerk semantics)', async () => {
    const auth = await authFor({ act: { sub: 'user_admin' }, sts: 'pending' });
    expect(auth.actor).toEqual({ sub: 'user_admin' });
    expect(auth.sessionStatus).toBe('pending');
    const state = await stateFor({ sts: 'pending' });
    expect(state.toAuth()).toMatchObject({ isAuthenticated: false, userId: null, sessionStatus: 'pending' });
    expect((await stateFor({ sts: 'active' })).toAuth()).toMatchObject({
      userId: session.userId,
      sessionStatus: 'active',
    });
  });

  it('a malformed fea claim does not throw: the malformed element is ignored', () => {
    const claims = organizationClaims({
      sub: 'user_1',
      exp: 1,
      iat: 1,
      v: 2,
      fea: 'nocolon,o:members',
      o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '1' },
    });
    expect(claims.orgPermissions).toEqual(['org:members:read']);
  });
});
