import { verifyToken } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyPem } from '../../../src/domain/keys/signing-keys.js';
import { decodeJWT, verifyInstanceJWT, verifyJWT } from '../../bapi/jwt-templates/jwt-verifier.js';
import { assertNoStackTrace, createUser, expectOk, unique } from '../../bapi/support.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { APP_ORIGIN, signIn, TemplateTokenBrowser } from './browser.js';

const SUPABASE_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** `POST /v1/client/sessions/{id}/tokens/{template}`: clerk-js's `session.getToken({ template })`. */
describe.each(DATABASES)('Frontend API template tokens [%s]', (database) => {
  let t: TestServer;
  let userId: string;
  let email: string;
  let browser: TemplateTokenBrowser;
  let sessionId: string;

  const templateToken = (who: TemplateTokenBrowser, session: string, template: string, form?: Record<string, string>) =>
    who.call('POST', `/client/sessions/${session}/tokens/${template}`, form);

  /** A Clerk-shaped error with the expected status, code and parameter. */
  const expectFapiError = (
    result: { status: number; text: string; body: { errors?: { code: string; meta?: { param_name?: string } }[] } },
    status: number,
    code: string,
    param?: string,
  ) => {
    expect(result.status, result.text).toBe(status);
    assertNoStackTrace(result.text);
    expect(result.body.errors?.[0]?.code).toBe(code);
    if (param) expect(result.body.errors?.[0]?.meta?.param_name).toBe(param);
  };

  beforeAll(async () => {
    t = await startTestServer(database);
    email = `supabase.${unique()}@example.com`;
    userId = (await createUser(t, { email_address: [email], first_name: 'Linus', password: 'template tokens 123' })).id;
    await expectOk(
      await t.api('/jwt_templates', {
        method: 'POST',
        body: {
          name: 'supabase',
          claims: { sub: '{{user.id}}', email: '{{user.primary_email_address}}', role: 'authenticated' },
        },
      }),
    );
    await expectOk(
      await t.api('/jwt_templates', {
        method: 'POST',
        body: {
          name: 'supabase-hs256',
          claims: { sub: '{{user.id}}', email: '{{user.primary_email_address}}', role: 'authenticated' },
          lifetime: 3600,
          custom_signing_key: true,
          signing_algorithm: 'HS256',
          signing_key: SUPABASE_SECRET,
        },
      }),
    );
    browser = new TemplateTokenBrowser(t.server.url);
    sessionId = (await signIn(t, browser, userId)).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('returns a bare {object, jwt} whose claims are exactly the template’s plus the standard ones', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await templateToken(browser, sessionId, 'supabase');
    expect(result.status, result.text).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(Object.keys(result.body).sort()).toEqual(['jwt', 'object']);
    expect(result.body.object).toBe('token');

    const { header } = decodeJWT(result.body.jwt);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^ins_/), cat: 'cl_B7d4PD222AAA' });
    const claims = await verifyInstanceJWT(t, result.body.jwt);
    expect(claims).toEqual({
      sub: userId,
      email,
      role: 'authenticated',
      azp: APP_ORIGIN,
      iss: 'https://127.0.0.1:4000',
      iat: expect.any(Number),
      exp: claims.iat + 60,
      nbf: claims.iat - 5,
      jti: expect.stringMatching(/^[0-9a-f]{20}$/),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
  });

  it('verifies with the official @clerk/backend verifyToken, networkless and through the JWKS', async () => {
    const { body } = await templateToken(browser, sessionId, 'supabase');
    const [signingKey] = await t.server.store.signingKeys.listPublished(Date.now());
    const networkless = await verifyToken(body.jwt, {
      jwtKey: publicKeyPem(signingKey as NonNullable<typeof signingKey>),
    });
    expect(networkless).toMatchObject({ sub: userId, email, role: 'authenticated' });
    const viaJWKS = await verifyToken(body.jwt, {
      secretKey: t.secretKey,
      apiUrl: `${t.server.url}/api`,
      authorizedParties: [APP_ORIGIN],
    });
    expect(viaJWKS.sub).toBe(userId);
  });

  it('signs with the template’s own HS256 secret, as Supabase expects', async () => {
    const { status, body, text } = await templateToken(browser, sessionId, 'supabase-hs256');
    expect(status, text).toBe(200);
    expect(decodeJWT(body.jwt).header).toEqual({ alg: 'HS256', typ: 'JWT', cat: 'cl_B7d4PD222AAA' });
    const claims = verifyJWT(body.jwt, SUPABASE_SECRET, 'HS256');
    expect(claims).toMatchObject({ sub: userId, email, role: 'authenticated', azp: APP_ORIGIN });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('mints fresh claims each time: a new jti, and the user’s current email', async () => {
    const first = decodeJWT((await templateToken(browser, sessionId, 'supabase')).body.jwt).payload;
    const second = decodeJWT((await templateToken(browser, sessionId, 'supabase')).body.jwt).payload;
    expect(second.jti).not.toBe(first.jti);
    const other = await createUser(t, { email_address: [`second.${unique()}@example.com`] });
    const otherBrowser = new TemplateTokenBrowser(t.server.url);
    const otherSession = await signIn(t, otherBrowser, other.id);
    const otherClaims = decodeJWT((await templateToken(otherBrowser, otherSession.id, 'supabase')).body.jwt).payload;
    expect(otherClaims.sub).toBe(other.id);
    expect(otherClaims.email).toBe(other.email_addresses[0].email_address);
  });

  it('an unknown template is a 404 naming template_name', async () => {
    expectFapiError(await templateToken(browser, sessionId, 'firebase'), 404, 'resource_not_found', 'template_name');
  });

  it('another client’s session, or no client at all, is a 404', async () => {
    const stranger = new TemplateTokenBrowser(t.server.url);
    await stranger.clientId();
    expectFapiError(await templateToken(stranger, sessionId, 'supabase'), 404, 'resource_not_found');
    const anonymous = new TemplateTokenBrowser(t.server.url);
    expectFapiError(await templateToken(anonymous, sessionId, 'supabase'), 404, 'resource_not_found');
    expectFapiError(await templateToken(browser, 'sess_unknown', 'supabase'), 404, 'resource_not_found');
  });

  it('refuses an organization the session cannot have', async () => {
    expectFapiError(
      await templateToken(browser, sessionId, 'supabase', { organization_id: 'org_1' }),
      404,
      'resource_not_found',
      'organization_id',
    );
  });

  it('an ended session answers 401 authentication_invalid', async () => {
    const tab = new TemplateTokenBrowser(t.server.url);
    const session = await signIn(t, tab, userId);
    expect((await templateToken(tab, session.id, 'supabase')).status).toBe(200);
    const ended = await tab.call('POST', `/client/sessions/${session.id}/end`);
    expect(ended.status, ended.text).toBe(200);
    expectFapiError(await templateToken(tab, session.id, 'supabase'), 401, 'authentication_invalid');
    // The template is checked only for a live session: nothing about templates leaks to a signed-out tab.
    expectFapiError(await templateToken(tab, session.id, 'firebase'), 401, 'authentication_invalid');
  });

  it('a foreign Origin is refused before anything is minted', async () => {
    const response = await fetch(`${t.server.url}/v1/client/sessions/${sessionId}/tokens/supabase`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: `__client=${browser.cookies.get('__client')}` },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('origin_invalid');
  });
});
