import { type LoopbackApp, PROXY_PATH, startLoopbackApp } from '../../../js/test/browser/support/loopback-app.js';

export { PROXY_PATH };
export type UIAppServer = LoopbackApp;

/**
 * A one-bundle single-page app: every path serves the same HTML (the app picks its screen from the
 * path, as Next's catch-all routes do), `/app.js` is the Vite bundle, and `/__latch/*` is proxied to
 * Latch so its cookies are first-party.
 */
export function startUIApp(bundle: string, latchUrl: string, publishableKey: string): Promise<UIAppServer> {
  return startLoopbackApp(latchUrl, (url, response) => {
    if (url.pathname === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(bundle);
      return;
    }
    if (url.pathname === '/favicon.ico') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(publishableKey));
  });
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
