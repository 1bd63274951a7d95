import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppContext } from '../../app-context.js';
import type { AppEnv } from '../app-env.js';
import { createOperatorSessionRoutes } from './operator-session-routes.js';

/** Where `npm run build -w @latch/dashboard` writes the SPA (same depth from src/ and dist/). */
export const DASHBOARD_BUILD_DIR = fileURLToPath(new URL('../../../../dashboard/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The dashboard's page: no framing (clickjacking), scripts and connections only from this origin,
 * no referrer (the sign-in link's token lives in the URL fragment, but be safe).
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

async function fileResponse(path: string): Promise<Response | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
  } catch {
    return null;
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  // Vite names assets by content hash: they can be cached for good; index.html never.
  const cache = path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return new Response(await readFile(path), {
    headers: { 'content-type': type, 'cache-control': cache, ...SECURITY_HEADERS },
  });
}

/**
 * `/dashboard`: the operator session endpoints under `/dashboard/api`, and the SPA's files, with
 * `index.html` for every other path (client-side routing).
 */
export function createDashboard(context: AppContext, buildDir = DASHBOARD_BUILD_DIR): Hono<AppEnv> {
  const dashboard = new Hono<AppEnv>({ strict: false });
  dashboard.route('/api', createOperatorSessionRoutes(context));
  dashboard.get('/*', async (c) => {
    const relative = decodeURIComponent(c.req.path.replace(/^\/dashboard\/?/, ''));
    const target = normalize(join(buildDir, relative));
    if (relative && target.startsWith(buildDir)) {
      const file = await fileResponse(target);
      if (file) return file;
      // A missing asset is a 404, not the SPA (a stale tab would otherwise parse HTML as JS).
      if (relative.startsWith('assets/')) return c.notFound();
    }
    const index = await fileResponse(join(buildDir, 'index.html'));
    if (index) return index;
    return new Response('The dashboard is not built. Run `npm run build -w @latch/dashboard`.\n', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
  return dashboard;
}
