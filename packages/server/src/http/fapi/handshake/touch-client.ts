import { z } from 'zod';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { browserClient, clientCookie } from './browser-client.js';
import { redirectResponse } from './handshake-transport.js';
import { queryFields } from './query-fields.js';
import { requireRedirectURL } from './redirect-url.js';

const TouchQuery = z.object({ redirect_url: z.string().min(1).max(4096) });

/**
 * `GET /v1/client/touch?redirect_url=`: clerk-js navigates here when the `__client` cookie is close to
 * expiring; the cookie is set again for another year and the browser goes back to the app. Without a
 * client there is nothing to refresh, and the redirect happens all the same.
 */
export const touchClient = fapiRoute('GET', '/client/touch', async (context) => {
  const query = parseFields(TouchQuery, queryFields(context.url));
  const redirectURL = requireRedirectURL(context.app, query.redirect_url);
  const browser = await browserClient(context, { create: false });
  if (browser) context.setCookie(clientCookie(context, browser.token));
  return { response: null, raw: redirectResponse(redirectURL) };
});
