import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SDK_SOURCE = fileURLToPath(new URL('../../../src/', import.meta.url));
export const PROXY_PATH = '/__latch';

export interface AppServer {
  /** `http://127.0.0.1:<port>`: the app's origin, which also serves the Frontend API under `/__latch`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The smallest app that uses `@latch/js` the way a real one does: a page that loads the SDK as ES
 * modules (`/sdk/*.js`, transpiled on the fly from the package's TypeScript sources, so the test
 * runs what the repository holds) and a same-origin proxy `/__latch/*` → Latch, so the Frontend
 * API's cookies are first-party.
 */
export async function startAppServer(latchUrl: string, publishableKey: string): Promise<AppServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://app.invalid');
    if (url.pathname.startsWith(`${PROXY_PATH}/`)) return proxy(request, response, url);
    if (url.pathname.startsWith('/sdk/')) return serveModule(response, url.pathname.slice('/sdk/'.length));
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(publishableKey));
      return;
    }
    response.writeHead(404).end();
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

async function serveModule(response: ServerResponse, path: string) {
  if (!/^[a-z0-9/-]+\.js$/.test(path) || path.includes('..')) {
    response.writeHead(404).end();
    return;
  }
  const source = await readFile(`${SDK_SOURCE}${path.replace(/\.js$/, '.ts')}`, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
  response.end(outputText);
}

/**
 * The app page: one Latch instance on `window.latch`, and every listener call kept in
 * `window.latchEvents`.
 */
function page(publishableKey: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>@latch/js app</title></head>
<body><p id="state">loading</p>
<script type="module">
  import { Latch } from '/sdk/index.js';
  // ?fapi=<url> talks to the Frontend API directly (cross-origin, CORS) instead of through the proxy.
  const proxyUrl = new URL(location.href).searchParams.get('fapi') ?? ${JSON.stringify(PROXY_PATH)};
  const latch = new Latch(${JSON.stringify(publishableKey)}, { proxyUrl });
  window.latch = latch;
  window.latchEvents = [];
  await latch.load();
  latch.addListener(({ session, user }) => {
    window.latchEvents.push({ sessionId: session ? session.id : null, userId: user ? user.id : null });
    document.getElementById('state').textContent = session ? 'signed-in' : 'signed-out';
  });
  window.latchReady = true;
</script></body></html>`;
}
