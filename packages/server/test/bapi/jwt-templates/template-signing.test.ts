import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { createUser, expectError, expectOk, unique } from '../support.js';
import { decodeJWT, instanceKeys, verifyInstanceJWT, verifyJWT } from './jwt-verifier.js';

const SECRETS = {
  HS256: 'supabase-jwt-secret-with-at-least-32-bytes',
  HS384: 'an-hs384-secret-that-is-at-least-forty-eight-bytes-long!!',
  HS512: 'an-hs512-secret-that-is-at-least-sixty-four-bytes-long-so-it-fits-sha512',
} as const;

function keyPair(type: 'rsa' | 'ec'): { pem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey };
}

/**
 * Template tokens minted through the Backend API (`POST /sessions/{id}/tokens/{template}`), each
 * verified by an independent node:crypto verifier with the key a relying party would hold.
 */
describe.each(DATABASES)('JWT template tokens: signing and claims [%s]', (database) => {
  let t: TestServer;
  let userId: string;
  let sessionId: string;
  let email: string;

  const createTemplate = async (body: Record<string, unknown>) =>
    expectOk(await t.api('/jwt_templates', { method: 'POST', body }));
  const mint = async (template: string, body?: Record<string, unknown>) => {
    const token = await expectOk(await t.api(`/sessions/${sessionId}/tokens/${template}`, { method: 'POST', body }));
    expect(Object.keys(token).sort()).toEqual(['jwt', 'object']);
    expect(token.object).toBe('token');
    return token.jwt as string;
  };

  beforeAll(async () => {
    t = await startTestServer(database);
    email = `grace.${unique()}@example.com`;
    const user = await createUser(t, {
      email_address: [email],
      first_name: 'Grace',
      last_name: 'Hopper',
      external_id: 'ext-grace',
      public_metadata: { role: 'admin', tier: { level: 2 } },
      private_metadata: { secret: 'never in a token' },
    });
    userId = user.id;
    sessionId = (await expectOk(await t.api('/sessions', { method: 'POST', body: { user_id: userId } }))).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the Supabase template yields exactly its claims plus the standard ones, signed with the instance key', async () => {
    await createTemplate({
      name: 'supabase',
      claims: { sub: '{{user.id}}', email: '{{user.primary_email_address}}', role: 'authenticated' },
    });
    const before = Math.floor(Date.now() / 1000);
    const jwt = await mint('supabase');
    const { header } = decodeJWT(jwt);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^ins_/), cat: 'cl_B7d4PD222AAA' });
    expect((await instanceKeys(t)).has(header.kid)).toBe(true);
    const claims = await verifyInstanceJWT(t, jwt);
    expect(Object.keys(claims).sort()).toEqual(['email', 'exp', 'iat', 'iss', 'jti', 'nbf', 'role', 'sub']);
    expect(claims.sub).toBe(userId);
    expect(claims.email).toBe(email);
    expect(claims.role).toBe('authenticated');
    expect(claims.iss).toBe('https://127.0.0.1:4000');
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(claims.exp - claims.iat).toBe(60);
    expect(claims.nbf).toBe(claims.iat - 5);
    expect(claims.jti).toMatch(/^[0-9a-f]{20}$/);
    // No browser asked, so there is no authorized party.
    expect(claims.azp).toBeUndefined();
    expect(decodeJWT(await mint('supabase')).payload.jti).not.toBe(claims.jti);
  });

  it('renders shortcodes: typed values, interpolation, fallbacks, nesting, session and org', async () => {
    await createTemplate({
      name: 'shortcodes',
      claims: {
        name: '{{user.first_name}} {{user.last_name}}',
        role: "{{user.public_metadata.role || 'member'}}",
        plan: "{{user.public_metadata.plan || 'free'}}",
        tier: '{{user.public_metadata.tier}}',
        verified: '{{user.email_verified}}',
        session: '{{session.id}}',
        org: '{{org.id}}',
        private: '{{user.private_metadata}}',
        nested: { ids: ['{{user.id}}', '{{user.external_id}}'], fixed: 42, flag: true },
      },
      lifetime: 600,
      allowed_clock_skew: 30,
    });
    const claims = await verifyInstanceJWT(t, await mint('shortcodes'));
    expect(claims).toMatchObject({
      name: 'Grace Hopper',
      role: 'admin',
      plan: 'free',
      tier: { level: 2 },
      verified: true,
      session: sessionId,
      org: null,
      private: null,
      nested: { ids: [userId, 'ext-grace'], fixed: 42, flag: true },
      sub: userId,
    });
    expect(JSON.stringify(claims)).not.toContain('never in a token');
    expect(claims.exp - claims.iat).toBe(600);
    expect(claims.nbf).toBe(claims.iat - 30);
  });

  it('lets a template set sub; an empty rendering falls back to the user id', async () => {
    await createTemplate({ name: 'external-sub', claims: { sub: '{{user.external_id}}' } });
    expect((await verifyInstanceJWT(t, await mint('external-sub'))).sub).toBe('ext-grace');
    await createTemplate({ name: 'empty-sub', claims: { sub: '{{user.username}}' } });
    expect((await verifyInstanceJWT(t, await mint('empty-sub'))).sub).toBe(userId);
  });

  it('keeps a claim named __proto__ as a claim', async () => {
    await expectOk(
      await t.api('/jwt_templates', {
        method: 'POST',
        rawBody: '{"name":"proto","claims":{"__proto__":{"polluted":"{{user.id}}"},"ok":1}}',
      }),
    );
    const jwt = await mint('proto');
    await verifyInstanceJWT(t, jwt);
    const payloadText = Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8');
    expect(payloadText).toContain(`"__proto__":{"polluted":"${userId}"}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('expires_in_seconds overrides the template lifetime', async () => {
    const claims = await verifyInstanceJWT(t, await mint('supabase', { expires_in_seconds: 3600 }));
    expect(claims.exp - claims.iat).toBe(3600);
    await expectError(
      await t.api(`/sessions/${sessionId}/tokens/supabase`, { method: 'POST', body: { expires_in_seconds: 29 } }),
      422,
      'form_param_min_length_not_reached',
      'expires_in_seconds',
    );
  });

  for (const algorithm of ['HS256', 'HS384', 'HS512'] as const) {
    it(`signs with a custom ${algorithm} secret that verifies with that secret`, async () => {
      const name = `hmac-${algorithm.toLowerCase()}`;
      await createTemplate({
        name,
        claims: { sub: '{{user.id}}', role: 'authenticated' },
        custom_signing_key: true,
        signing_algorithm: algorithm,
        signing_key: SECRETS[algorithm],
      });
      const jwt = await mint(name);
      const { header } = decodeJWT(jwt);
      expect(header).toEqual({ alg: algorithm, typ: 'JWT', cat: 'cl_B7d4PD222AAA' });
      const claims = verifyJWT(jwt, SECRETS[algorithm], algorithm);
      expect(claims).toMatchObject({ sub: userId, role: 'authenticated', iss: 'https://127.0.0.1:4000' });
      // The instance key did not sign it, and a wrong secret does not verify it.
      expect(() => verifyJWT(jwt, `${SECRETS[algorithm]}x`, algorithm)).toThrow();
    });
  }

  for (const [algorithm, type] of [
    ['RS256', 'rsa'],
    ['RS384', 'rsa'],
    ['RS512', 'rsa'],
    ['ES256', 'ec'],
  ] as const) {
    it(`signs with a custom ${algorithm} PEM key that verifies with its public key`, async () => {
      const { pem, publicKey } = keyPair(type);
      const name = `pem-${algorithm.toLowerCase()}`;
      await createTemplate({
        name,
        claims: { email: '{{user.primary_email_address}}' },
        custom_signing_key: true,
        signing_algorithm: algorithm,
        signing_key: pem,
      });
      const jwt = await mint(name);
      expect(decodeJWT(jwt).header).toEqual({ alg: algorithm, typ: 'JWT', cat: 'cl_B7d4PD222AAA' });
      const claims = verifyJWT(jwt, publicKey, algorithm);
      expect(claims).toMatchObject({ sub: userId, email });
      expect(() => verifyJWT(jwt, keyPair(type).publicKey, algorithm)).toThrow();
    });
  }

  it('an updated key signs from the next token on', async () => {
    const first = keyPair('ec');
    const template = await createTemplate({
      name: 'rotating',
      claims: {},
      custom_signing_key: true,
      signing_algorithm: 'ES256',
      signing_key: first.pem,
    });
    verifyJWT(await mint('rotating'), first.publicKey, 'ES256');
    const second = keyPair('ec');
    await expectOk(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { signing_key: second.pem } }),
    );
    const jwt = await mint('rotating');
    verifyJWT(jwt, second.publicKey, 'ES256');
    expect(() => verifyJWT(jwt, first.publicKey, 'ES256')).toThrow();
  });

  it('an unknown template is a 404 naming template_name', async () => {
    await expectError(
      await t.api(`/sessions/${sessionId}/tokens/nope`, { method: 'POST' }),
      404,
      'resource_not_found',
      'template_name',
    );
  });
});
