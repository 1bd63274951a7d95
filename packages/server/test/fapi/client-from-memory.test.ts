import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { Browser, createUser, type JSONBody, setSettings, signInWithPassword } from './sign-in/support.js';
import type { FapiRequestOptions } from './support/fapi-client.js';

/** One page load's answer as a browser sees it. */
interface PageLoad {
  status: number;
  text: string;
  cookies: string[];
}

/**
 * `GET /v1/client` is answered from memory when the client state, the active session's reusable
 * token and the client's JSON are all there (client-from-memory.ts), and by the full handler
 * otherwise. A browser must not be able to tell which: at the same instant both give the same bytes
 * and the same cookies. The clock stands still, so the only difference between two page loads in a
 * row is which path answered: the first after any change runs the full handler (the change dropped
 * the cached state), the second is served from memory.
 */
describe.each(DATABASES)('GET /v1/client from memory [%s]', (database) => {
  let t: TestServer;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestServer(database, {}, { clock: { now: () => now } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const pageLoad = async (browser: Browser, options: FapiRequestOptions = {}): Promise<PageLoad> => {
    const result = await browser.get('/client', options);
    return { status: result.status, text: result.text, cookies: result.headers.getSetCookie() };
  };

  /** Two page loads in a row: the full handler's answer, then memory's; they must be identical. */
  const twoPageLoads = async (browser: Browser, options: FapiRequestOptions = {}): Promise<JSONBody> => {
    const full = await pageLoad(browser, options);
    const fromMemory = await pageLoad(browser, options);
    expect(full.status, full.text).toBe(200);
    expect(fromMemory).toEqual(full);
    return JSON.parse(full.text);
  };

  const uatOf = (load: PageLoad) => load.cookies.find((cookie) => cookie.startsWith('__client_uat='));

  it('answers a signed-in tab with the bytes and cookies the full handler sends', async () => {
    const user = await createUser(t);
    const browser = new Browser(t.server.url);
    const signedIn = await signInWithPassword(browser, user.email);
    const body = await twoPageLoads(browser);
    expect(body.client).toBeNull();
    const client = body.response;
    expect(client.id).toBe(signedIn.client.id);
    expect(client.last_active_session_id).toBe(signedIn.response.created_session_id);
    // The token the sign-in minted is the one reused: memory never signs, and never invents one.
    expect(client.sessions[0].last_active_token.jwt).toBe(signedIn.client.sessions[0].last_active_token.jwt);
    const load = await pageLoad(browser);
    expect(uatOf(load)).toBe(
      `__client_uat=${Math.floor(client.updated_at / 1000)}; Path=/; Max-Age=31536000; SameSite=Lax`,
    );
    expect(load.cookies).toHaveLength(2);
  });

  it('follows every change: another account, a new token once the old one may not be reused, signing out', async () => {
    setSettings(t, (settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'multi' } }));
    const [ada, grace] = [await createUser(t), await createUser(t)];
    const browser = new Browser(t.server.url);
    await signInWithPassword(browser, ada.email);
    const first = await twoPageLoads(browser);
    await signInWithPassword(browser, grace.email);
    const both = await twoPageLoads(browser);
    expect(both.response.sessions).toHaveLength(2);
    expect(both.response.last_active_session_id).not.toBe(first.response.last_active_session_id);

    // Past the reuse window (5 s) memory has no token to give: the full handler mints one, then memory reuses it.
    const activeToken = (body: JSONBody) =>
      body.response.sessions.find((session: JSONBody) => session.id === body.response.last_active_session_id)
        .last_active_token.jwt;
    now += 6_000;
    const later = await twoPageLoads(browser);
    expect(activeToken(later)).not.toBe(activeToken(both));
    expect(activeToken(later)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // Signing out of everything: the same signed-out client either way, with `__client_uat=0`.
    expect((await browser.delete('/client/sessions')).status).toBe(200);
    const signedOut = await twoPageLoads(browser);
    expect(signedOut.response.sessions).toEqual([]);
    expect(signedOut.response.last_active_session_id).toBeNull();
    expect(uatOf(await pageLoad(browser))).toMatch(/^__client_uat=0;/);
  });

  it('keeps tokens apart per calling origin and per active organization', async () => {
    const user = await createUser(t);
    const created = await t.api('/organizations', { method: 'POST', body: { name: 'Memory Co', created_by: user.id } });
    const organization = (await created.json()) as JSONBody;
    expect(created.status, JSON.stringify(organization)).toBe(200);
    const browser = new Browser(t.server.url);
    const sessionId = (await signInWithPassword(browser, user.email)).response.created_session_id;
    const tokenOf = (body: JSONBody): string => body.response.sessions[0].last_active_token.jwt;
    const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

    const here = await twoPageLoads(browser);
    expect(claimsOf(tokenOf(here)).azp).toBe('http://localhost:3000');
    // Another allowed origin (a development instance allows loopback ones): its own token and `azp`.
    const elsewhere = await twoPageLoads(browser, { origin: 'http://127.0.0.1:5173' });
    expect(claimsOf(tokenOf(elsewhere)).azp).toBe('http://127.0.0.1:5173');
    expect(tokenOf(elsewhere)).not.toBe(tokenOf(here));
    // And back: the first origin's token is still the one reused.
    expect(tokenOf(await twoPageLoads(browser))).toBe(tokenOf(here));

    const touched = await browser.post(`/client/sessions/${sessionId}/touch`, {
      active_organization_id: organization.id,
    });
    expect(touched.status, touched.text).toBe(200);
    const inOrganization = await twoPageLoads(browser);
    expect(claimsOf(tokenOf(inOrganization)).o).toMatchObject({ id: organization.id, rol: 'admin' });
    expect(inOrganization.response.sessions[0].last_active_organization_id).toBe(organization.id);
  });

  it('a browser without a client, or with a forged one, gets a new client as before (never from memory)', async () => {
    const fresh = new Browser(t.server.url);
    const created = await pageLoad(fresh);
    expect(created.status).toBe(200);
    expect(created.cookies.some((cookie) => cookie.startsWith('__client=') && /HttpOnly/.test(cookie))).toBe(true);
    const forged = new Browser(t.server.url);
    forged.cookies.set('__client', fresh.cookies.get('__client')?.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) ?? '');
    const answer = await pageLoad(forged);
    expect(JSON.parse(answer.text).response.id).not.toBe(JSON.parse(created.text).response.id);
    expect(answer.cookies.some((cookie) => cookie.startsWith('__client='))).toBe(true);

    // A native app's token (`_is_native=1`, `Authorization`) wins over a cookie whose client is in memory.
    await twoPageLoads(forged);
    const native = await forged.get('/client', {
      query: { _is_native: '1' },
      headers: { authorization: fresh.cookies.get('__client') as string },
    });
    expect(native.status, native.text).toBe(200);
    expect(native.body.response.id).toBe(JSON.parse(created.text).response.id);
  });
});
