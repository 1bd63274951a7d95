import { createClient, hashClientToken } from '../../../domain/clients/client-credential.js';
import type { ClientRecord } from '../../../store/records.js';
import { ONE_YEAR_SECONDS, parseCookies, serializeCookie } from '../cookies.js';
import { CLIENT_COOKIE, type FapiContext, secureCookies } from '../fapi-context.js';

/** The browser's client together with its raw `__client` token (the database only has its hash). */
export interface BrowserClient {
  client: ClientRecord;
  token: string;
}

/**
 * The `__client` Set-Cookie: HttpOnly, a year long, Secure when the Frontend API is https.
 *
 * @example
 * context.setCookie(clientCookie(context, token));
 */
export function clientCookie(context: FapiContext, token: string): string {
  return serializeCookie(CLIENT_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(context.app),
    sameSite: 'Lax',
    maxAgeSeconds: ONE_YEAR_SECONDS,
  });
}

/**
 * The client the request's `__client` cookie names, with that cookie's token; with `create`, a new
 * client (and its cookie) when there is none. Only the cookie counts: a token in the URL
 * (`__clerk_db_jwt`) is never taken as identity here, so a crafted link cannot sign a browser into
 * someone else's client.
 *
 * @example
 * const found = await browserClient(context, { create: true }); // { client, token }
 */
export async function browserClient(context: FapiContext, options: { create: true }): Promise<BrowserClient>;
export async function browserClient(context: FapiContext, options: { create: boolean }): Promise<BrowserClient | null>;
export async function browserClient(context: FapiContext, options: { create: boolean }): Promise<BrowserClient | null> {
  const token = parseCookies(context.request.headers.get('cookie')).get(CLIENT_COOKIE);
  if (context.client && token && hashClientToken(token) === context.client.tokenHash) {
    return { client: context.client, token };
  }
  if (!options.create) return null;
  const created = await createClient(context.app.store, context.now);
  context.client = created.client;
  context.setCookie(clientCookie(context, created.token));
  return created;
}
