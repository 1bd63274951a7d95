import type { LatchResources } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { claimsOf } from './support/jwt.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';

describe.each(DATABASES)('@latch/js session tokens, sign-out and tabs against a real Latch (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  /** A browser with one tab signed in as a new user. */
  async function signedIn(email: string) {
    const userId = await latch.createUser(email);
    const opened = await latch.openBrowser();
    const signIn = await opened.latch.client!.signIn.create({
      identifier: email,
      strategy: 'password',
      password: PASSWORD,
    });
    await opened.latch.setActive({ session: signIn.createdSessionId });
    return { ...opened, userId, sessionId: signIn.createdSessionId as string };
  }

  it('caches the session token, refetches with skipCache, and keeps __session equal to it', async () => {
    const { latch: sdk, browser, userId, sessionId } = await signedIn('cache@example.com');
    const token = await sdk.session!.getToken();
    expect(claimsOf(token)).toMatchObject({ sub: userId, sid: sessionId, azp: 'http://localhost:3000' });
    const calls = browser.requestsTo(/\/tokens$/).length;
    expect(await sdk.session!.getToken()).toBe(token);
    expect(browser.requestsTo(/\/tokens$/)).toHaveLength(calls);

    const fresh = await sdk.session!.getToken({ skipCache: true });
    const skipped = browser.requestsTo(/\/tokens$/);
    expect(skipped).toHaveLength(calls + 1);
    expect(skipped.at(-1)?.url.searchParams.get('debug')).toBe('skip_cache');
    expect(claimsOf(fresh).sid).toBe(sessionId);
    expect(browser.appCookies.get('__session')).toBe(fresh);
    expect(browser.appCookies.get(`__session_${await suffix(sdk.publishableKey)}`)).toBe(fresh);
  });

  it('asks for a personal-account token with an empty organization_id', async () => {
    const { latch: sdk, browser } = await signedIn('personal@example.com');
    // No active organization: the personal-account token is the session's default one.
    expect(await sdk.session!.getToken({ organizationId: null })).toBe(await sdk.session!.getToken());
    const token = await sdk.session!.getToken({ organizationId: null, skipCache: true });
    const request = browser.requestsTo(/\/tokens$/).at(-1);
    expect(new URLSearchParams(request?.body).get('organization_id')).toBe('');
    expect(claimsOf(token).o).toBeUndefined();
  });

  it('concurrent getToken calls share one request', async () => {
    const { latch: sdk, browser } = await signedIn('concurrent@example.com');
    const before = browser.requestsTo(/\/tokens$/).length;
    browser.clockOffsetMs = 55_000; // the cached token now looks nearly expired
    const tokens = await Promise.all([sdk.session!.getToken(), sdk.session!.getToken(), sdk.session!.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(browser.requestsTo(/\/tokens$/)).toHaveLength(before + 1);
  });

  it('mints JWT-template tokens created through the Backend API, cached per template', async () => {
    const created = await latch.t.api('/jwt_templates', {
      method: 'POST',
      body: { name: 'hasura', claims: { hasura: { 'x-hasura-user-id': '{{user.id}}', role: 'user' } } },
    });
    expect(created.status).toBe(200);
    const { latch: sdk, browser, userId } = await signedIn('template@example.com');
    const sessionCookie = browser.appCookies.get('__session');

    const token = await sdk.session!.getToken({ template: 'hasura' });
    expect(claimsOf(token)).toMatchObject({ sub: userId, hasura: { 'x-hasura-user-id': userId, role: 'user' } });
    expect(browser.requestsTo(/\/tokens\/hasura$/)).toHaveLength(1);
    expect(await sdk.session!.getToken({ template: 'hasura' })).toBe(token);
    expect(browser.requestsTo(/\/tokens\/hasura$/)).toHaveLength(1);
    // A template token never replaces the session cookie.
    expect(browser.appCookies.get('__session')).toBe(sessionCookie);

    const missing = await sdk.session!.getToken({ template: 'no-such-template' }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 404, code: 'resource_not_found' });
  });

  it('refreshes on focus when the cached token is about to expire', async () => {
    const { latch: sdk, browser, resume } = await signedIn('focus@example.com');
    const before = browser.requestsTo(/\/tokens$/).length;
    resume();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Fresh token: focus costs nothing.
    expect(browser.requestsTo(/\/tokens$/)).toHaveLength(before);

    // The tab was in the background for 55 s: timers were throttled, the token is near its end.
    browser.clockOffsetMs = 55_000;
    resume();
    await vi.waitFor(() => expect(browser.requestsTo(/\/tokens$/)).toHaveLength(before + 1));
    await vi.waitFor(async () => expect(browser.appCookies.get('__session')).toBe(await sdk.session!.getToken()));
    // Each return to the tab also touches the session (keeps it alive under an inactivity timeout).
    const focusTouches = () =>
      browser.requestsTo(/\/touch$/).filter((request) => new URLSearchParams(request.body).get('intent') === 'focus');
    await vi.waitFor(() => expect(focusTouches()).toHaveLength(2));
    expect(new URLSearchParams(focusTouches()[0]?.body).has('active_organization_id')).toBe(false);
  });

  it('signs out: the session ends on the server, __session is cleared, listeners hear it', async () => {
    const { latch: sdk, browser, sessionId } = await signedIn('signout@example.com');
    const seen: LatchResources[] = [];
    sdk.addListener((resources) => seen.push(resources), { skipInitialEmit: true });
    await sdk.signOut();
    expect(sdk.session).toBeNull();
    expect(sdk.user).toBeNull();
    expect(browser.appCookies.get('__session')).toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ session: null, user: null });
    const session = (await (await latch.t.api(`/sessions/${sessionId}`)).json()) as { status: string };
    expect(session.status).toBe('ended');
    expect(browser.fapiCookies.get('__client_uat')).toBe('0');
  });

  it('signOut({ sessionId }) ends one session of a multi-session client and keeps the others', async () => {
    latch.setSettings((settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'multi' } }));
    try {
      await latch.createUser('multi-one@example.com');
      await latch.createUser('multi-two@example.com');
      const { latch: sdk, browser } = await latch.openBrowser();
      const one = await sdk.client!.signIn.create({
        identifier: 'multi-one@example.com',
        strategy: 'password',
        password: PASSWORD,
      });
      await sdk.setActive({ session: one.createdSessionId });
      const two = await sdk.client!.signIn.create({
        identifier: 'multi-two@example.com',
        strategy: 'password',
        password: PASSWORD,
      });
      await sdk.setActive({ session: two.createdSessionId });
      expect(sdk.client?.sessions.map((session) => session.id).sort()).toEqual(
        [one.createdSessionId, two.createdSessionId].sort(),
      );
      expect(claimsOf(browser.appCookies.get('__session')).sid).toBe(two.createdSessionId);

      await sdk.signOut({ sessionId: one.createdSessionId! });
      expect(sdk.client?.sessions.map((session) => session.id)).toEqual([two.createdSessionId]);
      expect(sdk.session?.id).toBe(two.createdSessionId);
      expect(claimsOf(browser.appCookies.get('__session')).sid).toBe(two.createdSessionId);

      // The last session: signing it out signs the whole client out.
      await sdk.signOut({ sessionId: two.createdSessionId! });
      expect(sdk.session).toBeNull();
      expect(browser.appCookies.get('__session')).toBeUndefined();
    } finally {
      latch.setSettings((settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'single' } }));
    }
  });

  it('a session revoked elsewhere signs the tab out at its next token request', async () => {
    const { latch: sdk, browser, sessionId } = await signedIn('revoked@example.com');
    const revoked = await latch.t.api(`/sessions/${sessionId}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(await sdk.session!.getToken({ skipCache: true })).toBeNull();
    expect(sdk.session).toBeNull();
    expect(browser.appCookies.get('__session')).toBeUndefined();
  });

  it('tabs share sign-in, tokens and sign-out', async () => {
    await latch.createUser('tabs@example.com');
    const { latch: first, browser } = await latch.openBrowser();
    const { latch: second } = await latch.openTab(browser);
    const secondSaw: LatchResources[] = [];
    second.addListener((resources) => secondSaw.push(resources), { skipInitialEmit: true });

    const signIn = await first.client!.signIn.create({
      identifier: 'tabs@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await first.setActive({ session: signIn.createdSessionId });
    await vi.waitFor(() => expect(second.session?.id).toBe(signIn.createdSessionId));
    expect(secondSaw.at(-1)?.user?.primaryEmailAddress?.emailAddress).toBe('tabs@example.com');

    // A token one tab fetched is reused by the other without a request of its own.
    const token = await first.session!.getToken({ skipCache: true });
    await vi.waitFor(async () => {
      const before = browser.requestsTo(/\/tokens$/).length;
      expect(await second.session!.getToken()).toBe(token);
      expect(browser.requestsTo(/\/tokens$/)).toHaveLength(before);
    });

    await first.signOut();
    await vi.waitFor(() => expect(second.session).toBeNull());
    expect(secondSaw.at(-1)).toMatchObject({ session: null, user: null });
    expect(browser.appCookies.get('__session')).toBeUndefined();
  });
});

describe('@latch/js refreshes the session token before it expires (sqlite)', () => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest('sqlite');
    // 12-second tokens: refreshed 6 s before expiry, i.e. beyond the server's 5-second reuse window.
    latch.setSettings((settings) => ({ ...settings, sessions: { ...settings.sessions, tokenLifetimeSeconds: 12 } }));
  });
  afterAll(async () => {
    await latch?.stop();
  });

  it('replaces __session with a newer token without being asked', async () => {
    await latch.createUser('refresh@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'refresh@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });
    const first = browser.appCookies.get('__session');
    const firstClaims = claimsOf(first);
    expect(Number(firstClaims.exp) - Number(firstClaims.iat)).toBe(12);

    await vi.waitFor(() => expect(browser.appCookies.get('__session')).not.toBe(first), {
      timeout: 12_000,
      interval: 200,
    });
    const second = claimsOf(browser.appCookies.get('__session'));
    expect(second.sid).toBe(signIn.createdSessionId);
    expect(Number(second.iat)).toBeGreaterThan(Number(firstClaims.iat));
    // Refreshed while the old one was still valid, so the app never saw an expired cookie.
    expect(Number(second.iat)).toBeLessThan(Number(firstClaims.exp));
  }, 20_000);
});

async function suffix(publishableKey: string): Promise<string> {
  const { cookieSuffix } = await import('@latch/js');
  return (await cookieSuffix(publishableKey)) as string;
}
