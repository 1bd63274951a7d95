import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a test app serves the Frontend API, as `proxyUrl` in the SDK (like `@latch/nextjs`'s `/__latch`). */
export const PROXY_PATH = '/__latch';

export interface LoopbackApp {
  /** `http://127.0.0.1:<port>`: the app's origin; the Frontend API is proxied under `/__latch`. */
  origin: string;
  close(): Promise<void>;
}

/** Answers one app request; the proxy has already taken `/__latch/*`. */
export type AppHandler = (url: URL, response: ServerResponse) => Promise<void> | void;

/**
 * An app on loopback for browser tests of the SDKs: `serve` answers the app's own paths, and
 * `/__latch/*` is proxied to Latch so the Frontend API's cookies are first-party, as they are behind
 * a real app's proxy. Forwards what a proxy must (cookies, origin, content type, user agent; cookies,
 * redirects and Retry-After back).
 */
export async function startLoopbackApp(latchUrl: string, serve: AppHandler): Promise<LoopbackApp> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://app.invalid');
    if (url.pathname.startsWith(`${PROXY_PATH}/`)) return proxy(request, response, url);
    await serve(url, response);
  }

  async function proxy(request: IncomingMessage, response: ServerResponse, url: URL) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const name of ['cookie', 'content-type', 'origin', 'user-agent']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const upstream = await fetch(`${latchUrl}${url.pathname.slice(PROXY_PATH.length)}${url.search}`, {
      method: request.method ?? 'GET',
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const out: Record<string, string | string[]> = { 'set-cookie': upstream.headers.getSetCookie() };
    for (const name of ['content-type', 'location', 'retry-after']) {
      const value = upstream.headers.get(name);
      if (value) out[name] = value;
    }
    response.writeHead(upstream.status, out);
    response.end(Buffer.from(await upstream.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
