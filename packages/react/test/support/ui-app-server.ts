import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PROXY_PATH = '/__latch';

export interface UIAppServer {
  /** `http://127.0.0.1:<port>`: the app's origin; the Frontend API is proxied under `/__latch`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * A one-bundle single-page app: every path serves the same HTML (the app picks its screen from the
 * path, as Next's catch-all routes do), `/app.js` is the Vite bundle, and `/__latch/*` is proxied to
 * Latch so its cookies are first-party.
 */
export async function startUIApp(bundle: string, latchUrl: string, publishableKey: string): Promise<UIAppServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://app.invalid');
    if (url.pathname.startsWith(`${PROXY_PATH}/`)) return proxy(request, response, url);
    if (url.pathname === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(bundle);
      return;
    }
    if (url.pathname === '/favicon.ico') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(publishableKey));
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

function page(publishableKey: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Latch UI test app</title>
<style>body { margin: 0; font-family: system-ui, sans-serif; background: #f4f4f5; } body.dark { background: #131316; color: #fff; }
main > .latch-rootBox { padding: 48px 16px; }</style></head>
<body><div id="root"></div>
<script>window.LATCH_PUBLISHABLE_KEY = ${JSON.stringify(publishableKey)};
if (new URLSearchParams(location.search).get('theme') === 'dark') document.body.className = 'dark';</script>
<script type="module" src="/app.js"></script></body></html>`;
}
