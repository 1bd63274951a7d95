import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type LoopbackApp, PROXY_PATH, startLoopbackApp } from './loopback-app.js';

const SDK_SOURCE = fileURLToPath(new URL('../../../src/', import.meta.url));

export { PROXY_PATH };
export type AppServer = LoopbackApp;

/**
 * The smallest app that uses `@latch/js` the way a real one does: a page that loads the SDK as ES
 * modules (`/sdk/*.js`, transpiled on the fly from the package's TypeScript sources, so the test
 * runs what the repository holds) and a same-origin proxy `/__latch/*` → Latch, so the Frontend
 * API's cookies are first-party.
 */
export function startAppServer(latchUrl: string, publishableKey: string): Promise<AppServer> {
  return startLoopbackApp(latchUrl, async (url, response) => {
    if (url.pathname.startsWith('/sdk/')) return serveModule(response, url.pathname.slice('/sdk/'.length));
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(publishableKey));
      return;
    }
    response.writeHead(404).end();
  });
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
