import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latchMiddleware } from '../src/server/index.js';
import { runMiddleware } from './support/run-middleware.js';
import { createTokenIssuer } from './support/signed-tokens.js';

/**
 * The `/__latch` same-origin proxy against a real HTTP upstream on loopback that records what it
 * received and answers like the Frontend API does: JSON, several cookies, a redirect into itself.
 */
describe('the /__latch Frontend API proxy', () => {
  let upstream: Server;
  let upstreamUrl: string;
  const received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let middleware: ReturnType<typeof latchMiddleware>;

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        if (request.url?.startsWith('/v1/client/handshake')) {
          response.writeHead(307, { location: `${upstreamUrl}/v1/client?from=handshake` });
          response.end();
          return;
        }
        response.writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': ['__client=abc; Path=/; HttpOnly; SameSite=Lax', '__client_uat=123; Path=/; SameSite=Lax'],
        });
        response.end(JSON.stringify({ object: 'client', path: request.url }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const issuer = await createTokenIssuer();
    middleware = latchMiddleware({
      publishableKey: issuer.publishableKey,
      secretKey: 'sk_live_proxy_test',
      apiUrl: `${upstreamUrl}/api`,
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards path, query, body and cookies, with forwarding headers and the proxy URL', async () => {
    const response = await runMiddleware(
      middleware,
      'https://app.test/__latch/v1/client/sign_ins?_clerk_js_version=6',
      {
        method: 'POST',
        headers: {
          cookie: '__client=abc',
          origin: 'https://app.test',
          'content-type': 'application/x-www-form-urlencoded',
          'x-latch-auth-status': 'signed-in',
        },
        body: 'identifier=ada%40example.test',
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ object: 'client', path: '/v1/client/sign_ins?_clerk_js_version=6' });
    const seen = received.at(-1);
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('identifier=ada%40example.test');
    expect(seen?.headers.cookie).toBe('__client=abc');
    expect(seen?.headers.origin).toBe('https://app.test');
    expect(seen?.headers['x-forwarded-host']).toBe('app.test');
    expect(seen?.headers['x-forwarded-proto']).toBe('https');
    expect(seen?.headers['clerk-proxy-url']).toBe('https://app.test/__latch');
    expect(seen?.headers['clerk-secret-key']).toBe('sk_live_proxy_test');
    expect(seen?.headers['x-latch-auth-status']).toBeUndefined();
  });

  it('passes every Set-Cookie through, so __client becomes a first-party cookie of the app', async () => {
    const response = await runMiddleware(middleware, 'https://app.test/__latch/v1/client');
    expect(response.headers.getSetCookie()).toEqual([
      '__client=abc; Path=/; HttpOnly; SameSite=Lax',
      '__client_uat=123; Path=/; SameSite=Lax',
    ]);
  });

  it('rewrites redirects into the upstream so they come back through the proxy', async () => {
    const response = await runMiddleware(middleware, 'https://app.test/__latch/v1/client/handshake?redirect_url=x');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('https://app.test/__latch/v1/client?from=handshake');
  });

  it('answers 502 with a Clerk-shaped error when Latch is unreachable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = latchMiddleware({
      publishableKey: (await createTokenIssuer()).publishableKey,
      secretKey: 'sk_live_proxy_test',
      frontendApiUrl: `http://127.0.0.1:${port}`,
    });
    const response = await runMiddleware(down, 'https://app.test/__latch/v1/environment');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'frontend_api_unreachable',
    );
  });
});
