import { type ClerkClient, createClerkClient, verifyToken } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyPem } from '../../../src/domain/keys/signing-keys.js';
import { signIn, TemplateTokenBrowser } from '../../fapi/template-tokens/browser.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { decodeJWT } from '../jwt-templates/jwt-verifier.js';
import { unique } from '../support.js';

/** Runs `call`, expects a Clerk API error, returns it. */
async function clerkError(call: () => Promise<unknown>) {
  const error = await call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(isClerkAPIResponseError(error)).toBe(true);
  return error as { status: number; errors: { code: string; meta?: { paramName?: string } }[] };
}

/**
 * The official `@clerk/backend` 3.25.0 against Latch's sessions, clients and JWT templates, and its
 * `verifyToken` (networkless with the PEM key, and through the JWKS) accepting Latch's tokens.
 */
describe.each(DATABASES)('official @clerk/backend SDK: sessions, clients, JWT templates [%s]', (database) => {
  let t: TestServer;
  let clerk: ClerkClient;
  let apiUrl: string;
  let jwtKey: string;
  let userId: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestServer(database);
    apiUrl = `${t.server.url}/api`;
    clerk = createClerkClient({ apiUrl, secretKey: t.secretKey, telemetry: { disabled: true } });
    const [signingKey] = await t.server.store.signingKeys.listPublished(Date.now());
    if (!signingKey) throw new Error('no signing key');
    jwtKey = publicKeyPem(signingKey);
    email = `sdk.${unique()}@example.com`;
    userId = (await clerk.users.createUser({ emailAddress: [email], password: 'sdk sessions password 1' })).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('createSession, getSession and getSessionList map every field', async () => {
    const created = await clerk.sessions.createSession({ userId });
    expect(created.id).toMatch(/^sess_/);
    expect(created.userId).toBe(userId);
    expect(created.clientId).toMatch(/^client_/);
    expect(created.status).toBe('active');
    expect(created.lastActiveOrganizationId).toBeNull();
    expect(created.latestActivity?.isMobile).toBe(false);
    expect(created.expireAt).toBeGreaterThan(created.createdAt);

    const fetched = await clerk.sessions.getSession(created.id);
    expect(fetched).toEqual(created);

    const list = await clerk.sessions.getSessionList({ userId });
    expect(list.totalCount).toBe(1);
    expect(list.data.map((session) => session.id)).toEqual([created.id]);
    const byClient = await clerk.sessions.getSessionList({ clientId: created.clientId, status: 'active' });
    expect(byClient.data.map((session) => session.id)).toEqual([created.id]);

    const error = await clerkError(() => clerk.sessions.getSession('sess_unknown'));
    expect(error.status).toBe(404);
    expect(error.errors[0]?.code).toBe('resource_not_found');
  });

  it('getToken returns a session token that verifyToken accepts with the PEM key and through the JWKS', async () => {
    const session = await clerk.sessions.createSession({ userId });
    const token = await clerk.sessions.getToken(session.id);
    expect(typeof token.jwt).toBe('string');

    const networkless = await verifyToken(token.jwt, { jwtKey });
    expect(networkless.sub).toBe(userId);
    expect(networkless.sid).toBe(session.id);
    const viaJWKS = await verifyToken(token.jwt, { secretKey: t.secretKey, apiUrl });
    expect(viaJWKS.sid).toBe(session.id);

    const longer = await clerk.sessions.getToken(session.id, undefined, 600);
    const claims = await verifyToken(longer.jwt, { jwtKey });
    expect(claims.exp - claims.iat).toBe(600);
  });

  it('verifyToken accepts a session token the browser got from the Frontend API', async () => {
    const browser = new TemplateTokenBrowser(t.server.url);
    const session = await signIn(t, browser, userId);
    const { status, body } = await browser.call('POST', `/client/sessions/${session.id}/tokens`);
    expect(status).toBe(200);
    const claims = await verifyToken(body.jwt, {
      secretKey: t.secretKey,
      apiUrl,
      authorizedParties: ['http://localhost:3000'],
    });
    expect(claims).toMatchObject({ sub: userId, sid: session.id, azp: 'http://localhost:3000' });
    expect((await verifyToken(body.jwt, { jwtKey })).sid).toBe(session.id);
  });

  it('jwtTemplates CRUD, and getToken with a template name', async () => {
    const template = await clerk.jwtTemplates.create({
      name: 'supabase',
      claims: { sub: '{{user.id}}', email: '{{user.primary_email_address}}', role: 'authenticated' },
      lifetime: 120,
    });
    expect(template).toMatchObject({
      name: 'supabase',
      lifetime: 120,
      allowedClockSkew: 5,
      customSigningKey: false,
      signingAlgorithm: 'RS256',
    });
    expect(await clerk.jwtTemplates.get(template.id)).toEqual(template);
    const listed = await clerk.jwtTemplates.list();
    expect(listed.totalCount).toBe(1);
    expect(listed.data[0]?.id).toBe(template.id);

    const session = await clerk.sessions.createSession({ userId });
    const token = await clerk.sessions.getToken(session.id, 'supabase');
    expect(decodeJWT(token.jwt).header.cat).toBe('cl_B7d4PD222AAA');
    const claims = await verifyToken(token.jwt, { jwtKey });
    expect(claims).toMatchObject({ sub: userId, email, role: 'authenticated' });
    expect(claims.exp - claims.iat).toBe(120);

    const updated = await clerk.jwtTemplates.update({
      templateId: template.id,
      name: 'supabase',
      claims: { role: 'anon' },
    });
    expect(updated.claims).toEqual({ role: 'anon' });
    const deleted = await clerk.jwtTemplates.delete(template.id);
    expect(deleted).toMatchObject({ id: template.id, deleted: true });
    const error = await clerkError(() => clerk.sessions.getToken(session.id, 'supabase'));
    expect(error.status).toBe(404);
    expect(error.errors[0]?.meta?.paramName).toBe('template_name');
  });

  it('revokeSession ends the session; getToken is then refused', async () => {
    const session = await clerk.sessions.createSession({ userId });
    const revoked = await clerk.sessions.revokeSession(session.id);
    expect(revoked.id).toBe(session.id);
    expect(revoked.status).toBe('revoked');
    const error = await clerkError(() => clerk.sessions.getToken(session.id));
    expect(error.status).toBe(401);
    expect(error.errors[0]?.code).toBe('authentication_invalid');
    const revokedList = await clerk.sessions.getSessionList({ userId, status: 'revoked' });
    expect(revokedList.data.map((item) => item.id)).toContain(session.id);
  });

  it('verifySession (deprecated) returns the session for its own token', async () => {
    const session = await clerk.sessions.createSession({ userId });
    const { jwt } = await clerk.sessions.getToken(session.id);
    expect((await clerk.sessions.verifySession(session.id, jwt)).id).toBe(session.id);
    const error = await clerkError(() => clerk.sessions.verifySession(session.id, 'garbage'));
    expect(error.status).toBe(401);
  });

  it('clients: getClientList, getClient and verifyClient', async () => {
    const browser = new TemplateTokenBrowser(t.server.url);
    const session = await signIn(t, browser, userId);
    const client = await clerk.clients.getClient(session.clientId);
    expect(client.id).toBe(session.clientId);
    expect(client.sessionIds).toEqual([session.id]);
    expect(client.sessions[0]?.id).toBe(session.id);
    expect(client.lastActiveSessionId).toBe(session.id);
    expect(client.signInId).toBeNull();

    const list = await clerk.clients.getClientList({ limit: 100 });
    expect(list.totalCount).toBeGreaterThanOrEqual(1);
    expect(list.data.map((item) => item.id)).toContain(session.clientId);

    const verified = await clerk.clients.verifyClient(browser.cookies.get('__client') as string);
    expect(verified.id).toBe(session.clientId);
    const error = await clerkError(() => clerk.clients.verifyClient('not-a-client-token'));
    expect(error.status).toBe(404);
  });
});
