import { clearJWKSCache, TokenVerificationErrorReason, verifyToken } from '@latch/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rotateSigningKey } from '../../server/src/domain/keys/signing-keys.js';
import { DATABASES } from '../../server/test/support/databases.js';
import {
  APP_ORIGIN,
  apiUrlOf,
  closedPortURL,
  instancePublicKeyPem,
  instanceSigningKey,
  type SignedInBrowser,
  sessionClaims,
  signedInBrowser,
  signToken,
  startLatch,
  stopLatch,
  strangerKey,
  type TestServer,
} from './support/latch.js';

/** fetch that counts the requests it makes, so tests can see when the JWKS is (not) fetched. */
function countingFetch(): { fetch: typeof fetch; count: () => number } {
  let calls = 0;
  return {
    fetch: (input, init) => {
      calls += 1;
      return fetch(input, init);
    },
    count: () => calls,
  };
}

describe.each(DATABASES)('verifyToken against a real Latch [%s]', (database) => {
  let t: TestServer;
  let other: TestServer;
  let session: SignedInBrowser;
  const bapi = () => ({ secretKey: t.secretKey, apiUrl: apiUrlOf(t) });

  beforeAll(async () => {
    [t, other] = await Promise.all([startLatch(database), startLatch(database)]);
    session = await signedInBrowser(t);
  });
  afterAll(async () => {
    await Promise.all([stopLatch(t), stopLatch(other)]);
  });
  beforeEach(() => {
    clearJWKSCache();
  });

  it('verifies a Frontend API session token with the Backend API JWKS (secret key)', async () => {
    const { data, errors } = await verifyToken(session.token, { ...bapi(), authorizedParties: [APP_ORIGIN] });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ sub: session.userId, sid: session.sessionId, azp: APP_ORIGIN });
  });

  it('verifies with the public Frontend API JWKS (jwksUrl) and networkless with the PEM key', async () => {
    const viaFapi = await verifyToken(session.token, { jwksUrl: `${t.server.url}/.well-known/jwks.json` });
    expect(viaFapi.data?.sub).toBe(session.userId);

    const jwtKey = await instancePublicKeyPem(t);
    const unreachable = await closedPortURL();
    const counter = countingFetch();
    // The API URL points nowhere: the PEM path must not touch the network at all.
    const networkless = await verifyToken(session.token, { jwtKey, apiUrl: unreachable, fetch: counter.fetch });
    expect(networkless.data?.sid).toBe(session.sessionId);
    expect(counter.count()).toBe(0);
    // Env files often carry the PEM with escaped newlines.
    const escaped = await verifyToken(session.token, { jwtKey: jwtKey.replace(/\n/g, '\\n') });
    expect(escaped.data?.sub).toBe(session.userId);
  });

  it('verifies Backend API tokens from POST /sessions + /sessions/{id}/tokens', async () => {
    const created = await t.api('/sessions', { method: 'POST', body: { user_id: session.userId } });
    const sessionId = ((await created.json()) as { id: string }).id;
    const minted = await t.api(`/sessions/${sessionId}/tokens`, { method: 'POST', body: {} });
    const { jwt } = (await minted.json()) as { jwt: string };
    const { data } = await verifyToken(jwt, bapi());
    expect(data).toMatchObject({ sub: session.userId, sid: sessionId });
  });

  it('caches the JWKS: a second verification makes no request', async () => {
    const counter = countingFetch();
    await verifyToken(session.token, { ...bapi(), fetch: counter.fetch });
    await verifyToken(session.token, { ...bapi(), fetch: counter.fetch });
    expect(counter.count()).toBe(1);
  });

  it('a cold cache hit by many requests at once makes one JWKS request; so does a down endpoint', async () => {
    const counter = countingFetch();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyToken(session.token, { ...bapi(), fetch: counter.fetch })),
    );
    expect(results.every((result) => result.data?.sub === session.userId)).toBe(true);
    expect(counter.count()).toBe(1);

    const down = countingFetch();
    const apiUrl = `${await closedPortURL()}/api`;
    const failures = await Promise.all(
      Array.from({ length: 20 }, () => verifyToken(session.token, { ...bapi(), apiUrl, fetch: down.fetch })),
    );
    expect(failures.every((result) => result.errors?.[0].reason === 'jwk-remote-failed-to-load')).toBe(true);
    expect(down.count()).toBe(1);
  });

  describe('bad tokens come back as errors with a reason, never as exceptions', () => {
    const expectReason = async (token: string, reason: string, extra: Record<string, unknown> = {}) => {
      const result = await verifyToken(token, { ...bapi(), ...extra });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].reason).toBe(reason);
      expect(result.errors?.[0].message.length).toBeGreaterThan(0);
    };

    it('forged: signed by a stranger key under the instance kid', async () => {
      const { kid } = await instanceSigningKey(t);
      const forged = await signToken(strangerKey().privateKeyPem, sessionClaims(t, session), { kid });
      await expectReason(forged, TokenVerificationErrorReason.TokenInvalidSignature);
    });

    it('forged: a real token whose payload was edited (another user)', async () => {
      const [header, , signature] = session.token.split('.');
      const payload = JSON.parse(Buffer.from(session.token.split('.')[1] as string, 'base64url').toString());
      const edited = Buffer.from(JSON.stringify({ ...payload, sub: 'user_someone_else' })).toString('base64url');
      await expectReason(`${header}.${edited}.${signature}`, TokenVerificationErrorReason.TokenInvalidSignature);
    });

    it('expired, not yet valid, issued in the future (instance key, so only the times are wrong)', async () => {
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const sign = (shift: { iat?: number; nbf?: number; exp?: number }) =>
        signToken(privateKeyPem, sessionClaims(t, session, shift), { kid });
      await expectReason(await sign({ iat: -120, nbf: -120, exp: -60 }), TokenVerificationErrorReason.TokenExpired);
      await expectReason(await sign({ nbf: 60, exp: 120 }), TokenVerificationErrorReason.TokenNotActiveYet);
      await expectReason(await sign({ iat: 60, nbf: -10, exp: 120 }), TokenVerificationErrorReason.TokenIatInTheFuture);
      // Within the default 5 s skew an expiry is tolerated; a larger skew tolerates more.
      const justExpired = await sign({ iat: -62, exp: -2 });
      expect((await verifyToken(justExpired, bapi())).data?.sub).toBe(session.userId);
      const longExpired = await sign({ iat: -120, exp: -60 });
      expect((await verifyToken(longExpired, { ...bapi(), clockSkewInMs: 120_000 })).data?.sub).toBe(session.userId);
    });

    it('wrong kid: unknown to the instance JWKS', async () => {
      const forged = await signToken(strangerKey().privateKeyPem, sessionClaims(t, session), { kid: 'ins_unknown' });
      await expectReason(forged, TokenVerificationErrorReason.JWKKidMismatch);
      const noKid = await signToken(strangerKey().privateKeyPem, sessionClaims(t, session));
      await expectReason(noKid, TokenVerificationErrorReason.TokenInvalid);
    });

    it('wrong alg: HS256 keyed with the public key, alg none, RS512', async () => {
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const pem = await instancePublicKeyPem(t);
      const { SignJWT } = await import('jose');
      // The classic confusion attack: HMAC with the (public) PEM as the shared secret.
      const confused = await new SignJWT(sessionClaims(t, session))
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(new TextEncoder().encode(pem));
      await expectReason(confused, TokenVerificationErrorReason.TokenInvalidAlgorithm);
      await expectReason(confused, TokenVerificationErrorReason.TokenInvalidAlgorithm, {
        jwtKey: pem,
        secretKey: undefined,
      });
      const header = Buffer.from(JSON.stringify({ alg: 'none', kid, typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(JSON.stringify(sessionClaims(t, session))).toString('base64url');
      await expectReason(`${header}.${body}.`, TokenVerificationErrorReason.TokenInvalidAlgorithm);
      const rs512 = await signToken(privateKeyPem, sessionClaims(t, session), { kid, alg: 'RS512' });
      await expectReason(rs512, TokenVerificationErrorReason.TokenInvalidAlgorithm);
    });

    it('audience: checked only when configured, one match is enough', async () => {
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const token = await signToken(
        privateKeyPem,
        { ...sessionClaims(t, session), aud: ['api://a', 'api://b'] },
        { kid },
      );
      expect((await verifyToken(token, { ...bapi(), audience: 'api://b' })).data?.sub).toBe(session.userId);
      expect((await verifyToken(token, bapi())).data?.sub).toBe(session.userId);
      await expectReason(token, TokenVerificationErrorReason.TokenVerificationFailed, { audience: ['api://c'] });
      await expectReason(session.token, TokenVerificationErrorReason.TokenVerificationFailed, { audience: 'api://a' });
    });

    it('wrong azp: the token was minted for another origin', async () => {
      await expectReason(session.token, TokenVerificationErrorReason.TokenInvalidAuthorizedParties, {
        authorizedParties: ['https://evil.example'],
      });
    });

    it('other instance: a real token of another Latch, with JWKS and with the PEM key', async () => {
      const stranger = await signedInBrowser(other);
      await expectReason(stranger.token, TokenVerificationErrorReason.JWKKidMismatch);
      await expectReason(stranger.token, TokenVerificationErrorReason.TokenInvalidSignature, {
        jwtKey: await instancePublicKeyPem(t),
      });
      // Same issuer host on both test servers: the key is what tells them apart.
      await expectReason(stranger.token, TokenVerificationErrorReason.TokenInvalidIssuer, {
        issuer: 'https://clerk.elsewhere.test',
        jwtKey: await instancePublicKeyPem(other),
      });
    });

    it('garbage: not a JWT, bad base64, bad JSON, template tokens keep verifying but machine tokens do not', async () => {
      await expectReason('not-a-jwt', TokenVerificationErrorReason.TokenInvalid);
      await expectReason('a.b.c', TokenVerificationErrorReason.TokenInvalid);
      await expectReason(`${Buffer.from('{').toString('base64url')}.e30.x`, TokenVerificationErrorReason.TokenInvalid);
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const machine = await signToken(privateKeyPem, sessionClaims(t, session), { kid, cat: 'cl_B7d4PD333AAA' });
      await expectReason(machine, TokenVerificationErrorReason.TokenInvalid);
      const noSub = await signToken(privateKeyPem, { ...sessionClaims(t, session), sub: undefined }, { kid });
      await expectReason(noSub, TokenVerificationErrorReason.TokenVerificationFailed);
    });

    it('JWKS endpoint down (closed port): jwk-remote-failed-to-load, no exception', async () => {
      await expectReason(session.token, TokenVerificationErrorReason.RemoteJWKFailedToLoad, {
        apiUrl: `${await closedPortURL()}/api`,
      });
    });

    it('wrong secret key: the Backend API refuses the JWKS', async () => {
      await expectReason(session.token, TokenVerificationErrorReason.InvalidSecretKey, { secretKey: 'sk_test_wrong' });
    });
  });

  it('key rotation: an unknown kid refetches the JWKS once; forged kids right after cost no request', async () => {
    const counter = countingFetch();
    const options = { ...bapi(), fetch: counter.fetch };
    expect((await verifyToken(session.token, options)).data).toBeDefined();
    expect(counter.count()).toBe(1);

    // Rotate: the new key is published at once; a token signed with it is unknown to the cache.
    const { key } = await rotateSigningKey(t.server.store, Date.now(), { publishDelayMs: 0, tokenLifetimeMs: 60_000 });
    const rotated = await signToken(key.privateKeyPem, sessionClaims(t, session), { kid: key.kid });
    const fresh = await verifyToken(rotated, options);
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data?.sub).toBe(session.userId);
    expect(counter.count()).toBe(2);

    // An attacker sprays random kids: each is refused without another JWKS request.
    for (let index = 0; index < 5; index++) {
      const spray = await signToken(strangerKey().privateKeyPem, sessionClaims(t, session), {
        kid: `ins_forged_${index}`,
      });
      expect((await verifyToken(spray, options)).errors?.[0].reason).toBe(TokenVerificationErrorReason.JWKKidMismatch);
    }
    expect(counter.count()).toBe(2);
    // The old key's tokens still verify from the cache (it stays published until its tokens expire).
    expect((await verifyToken(session.token, options)).data?.sub).toBe(session.userId);
    expect(counter.count()).toBe(2);
  });
});
