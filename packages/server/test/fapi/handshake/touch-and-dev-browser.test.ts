import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../bapi/support.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { APP_ORIGIN, Browser, clientIdOf, setCookies } from './browser.js';

describe.each(DATABASES)('GET /v1/client/touch and POST /v1/dev_browser [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const touchPath = (redirectURL: string) => `/v1/client/touch?${new URLSearchParams({ redirect_url: redirectURL })}`;

  it('touch sets the same __client cookie again for a year and goes back to the app', async () => {
    const browser = new Browser(t.server.url);
    const clientId = await clientIdOf(browser);
    const token = browser.cookies.get('__client');
    const response = await browser.get(touchPath(`${APP_ORIGIN}/signed-out?x=1`));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/signed-out?x=1`);
    const cookie = setCookies(response).get('__client');
    expect(cookie?.value).toBe(token);
    expect(cookie?.attributes.get('max-age')).toBe(String(365 * 24 * 3600));
    expect(cookie?.attributes.has('httponly')).toBe(true);
    expect(await clientIdOf(browser)).toBe(clientId);
  });

  it('touch without a client only redirects', async () => {
    const browser = new Browser(t.server.url);
    const response = await browser.get(touchPath(`${APP_ORIGIN}/`));
    expect(response.status).toBe(307);
    expect(setCookies(response).has('__client')).toBe(false);
  });

  it('touch refuses redirect URLs that are missing or not allowed', async () => {
    const browser = new Browser(t.server.url);
    await expectError(await browser.get('/v1/client/touch'), 422, 'form_param_missing', 'redirect_url');
    await expectError(
      await browser.get(touchPath('https://evil.example/')),
      422,
      'redirect_url_invalid',
      'redirect_url',
    );
    await expectError(await browser.get(touchPath('ftp://localhost/')), 422, 'redirect_url_invalid', 'redirect_url');
  });

  it('dev_browser returns the browser’s own client token, bare', async () => {
    const browser = new Browser(t.server.url);
    const clientId = await clientIdOf(browser);
    const response = await browser.post('/v1/dev_browser');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ id: browser.cookies.get('__client') });
    expect(await clientIdOf(browser)).toBe(clientId);
  });

  it('dev_browser without a client creates one whose token it returns', async () => {
    const browser = new Browser(t.server.url);
    const response = await browser.post('/v1/dev_browser');
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(id).toBe(browser.cookies.get('__client'));
    const hash = createHash('sha256').update(id).digest('base64url');
    expect((await t.server.store.clients.findByTokenHash(hash))?.id).toBe(await clientIdOf(browser));
  });

  it('dev_browser refuses a page from a foreign origin', async () => {
    const browser = new Browser(t.server.url);
    await clientIdOf(browser);
    await expectError(await browser.post('/v1/dev_browser', {}, 'https://evil.example'), 403, 'origin_invalid');
  });
});
