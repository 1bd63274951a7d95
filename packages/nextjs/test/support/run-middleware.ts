// `next/server` exports the event's type only; the class lives here.
import { NextFetchEvent } from 'next/dist/server/web/spec-extension/fetch-event.js';
import { type NextMiddleware, NextRequest } from 'next/server';

/** Calls a middleware the way Next does: a `NextRequest` and a fetch event; always yields a Response. */
export async function runMiddleware(
  middleware: NextMiddleware,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  const request = new NextRequest(url, init);
  const result = await middleware(request, new NextFetchEvent({ request, page: '/', context: undefined }));
  if (!result) throw new Error('the middleware returned nothing');
  return result;
}

/** The request headers the middleware asked Next to pass on (`x-middleware-request-*`). */
export function forwardedRequestHeaders(response: Response): Record<string, string> {
  const names = response.headers.get('x-middleware-override-headers')?.split(',') ?? [];
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

/** A top-level navigation, as Chromium sends it. */
export const DOCUMENT_HEADERS = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document' };
