import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, sep } from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The official browser bundles a page on Clerk's SDKs hot-loads from its Frontend API host
 * (PROTOCOL.md §1.4): `clerk-js` (the client) and, since Core 3, `@clerk/ui` (the components).
 */
export const CLERK_BUNDLE_PACKAGES = ['@clerk/clerk-js', '@clerk/ui'] as const;
export type ClerkBundlePackageName = (typeof CLERK_BUNDLE_PACKAGES)[number];

/** An installed bundle package: only files under `distDir` are ever served. */
export interface ClerkBundlePackage {
  name: ClerkBundlePackageName;
  version: string;
  /** Real path (symlinks resolved) of the package's `dist/` folder. */
  distDir: string;
}

/**
 * Finds the installed bundle packages the way Node would resolve them from this file. They are
 * devDependencies of the repository (MIT licensed): a production install may lack them, and then
 * they are simply absent from the map.
 *
 * @example
 * findClerkBundlePackages().get('@clerk/clerk-js')?.version // '6.40.0'
 */
export function findClerkBundlePackages(
  from: string = import.meta.url,
): Map<ClerkBundlePackageName, ClerkBundlePackage> {
  const require = createRequire(from);
  const found = new Map<ClerkBundlePackageName, ClerkBundlePackage>();
  for (const name of CLERK_BUNDLE_PACKAGES) {
    // Neither package exports `./package.json`, so walk Node's lookup folders instead of resolving.
    for (const folder of require.resolve.paths(name) ?? []) {
      const manifestPath = join(folder, name, 'package.json');
      const distPath = join(folder, name, 'dist');
      if (!existsSync(manifestPath) || !existsSync(distPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name !== name || typeof manifest.version !== 'string') continue;
      found.set(name, { name, version: manifest.version, distDir: realpathSync(distPath) });
      break;
    }
  }
  return found;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// `@<version>` is whatever the page asked for: `@6`, `@6.40.0`, `@latest` all get the installed build
// (clerk-js rewrites its own chunk URLs to the exact version it was built as).
const BUNDLE_PATH = /^\/npm\/(@clerk\/(?:clerk-js|ui))@([A-Za-z0-9._+-]+)\/dist\/(.+)$/;

/**
 * `GET /npm/@clerk/<clerk-js|ui>@<any>/dist/<file>`: serves the file from the installed package's
 * `dist/`, so apps on the official SDKs load clerk-js and the UI from Latch instead of Clerk's CDN.
 * Anything else — another package, a path leaving `dist/`, a missing file or package — is the app's
 * ordinary 404.
 *
 * @example
 * app.get('/npm/*', serveClerkBundles());
 * // GET /npm/@clerk/clerk-js@6/dist/clerk.browser.js → 200 text/javascript
 */
export function serveClerkBundles(
  packages: Map<ClerkBundlePackageName, ClerkBundlePackage> = findClerkBundlePackages(),
) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const match = BUNDLE_PATH.exec(new URL(c.req.url).pathname);
    const bundle = match ? packages.get(match[1] as ClerkBundlePackageName) : undefined;
    const file = bundle && match ? fileInside(bundle.distDir, match[3] as string) : null;
    if (!bundle || !match || !file) return c.notFound();
    let body: Buffer;
    try {
      // The real path must still be inside dist/: a symlink must not lead out of it.
      const real = await realpath(file);
      if (!isInside(bundle.distDir, real) || !(await stat(real)).isFile()) return c.notFound();
      body = await readFile(real);
    } catch {
      return c.notFound();
    }
    const exact = match[2] === bundle.version;
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': String(body.byteLength),
        // A versioned URL names one build forever; `@6` moves when Latch upgrades the package.
        'cache-control': exact ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        // Public files, loaded by `<script crossorigin="anonymous">` from the app's origin.
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

/** The file `relative` names under `root`, or null when any segment could step outside it. */
function fileInside(root: string, relative: string): string | null {
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = join(root, ...segments);
  return isInside(root, file) ? file : null;
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root + sep);
}
