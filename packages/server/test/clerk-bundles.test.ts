import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/http/app-env.js';
import {
  type ClerkBundlePackage,
  type ClerkBundlePackageName,
  findClerkBundlePackages,
  serveClerkBundles,
} from '../src/http/clerk-bundles.js';
import { DATABASES } from './support/databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A raw GET over loopback: node:http sends the path byte for byte, no URL normalisation on our side. */
function rawGet(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The handler on a bare app with a recognisable 404, served on a random loopback port. */
async function serveOnLoopback(packages?: Map<ClerkBundlePackageName, ClerkBundlePackage>) {
  const app = new Hono<AppEnv>();
  app.get('/npm/*', serveClerkBundles(packages));
  app.notFound(() => new Response('no such route', { status: 404 }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const created = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(created));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('Clerk browser bundles', () => {
  const installed = findClerkBundlePackages();
  const clerkJS = installed.get('@clerk/clerk-js');
  const clerkUI = installed.get('@clerk/ui');
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;

  beforeAll(async () => {
    server = await serveOnLoopback();
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the pinned devDependencies', () => {
    expect(clerkJS?.version).toBe('6.40.0');
    expect(clerkUI?.version).toBe('1.36.0');
  });

  it('serves clerk.browser.js for any version in the URL, byte for byte', async () => {
    const expected = readFileSync(join(clerkJS!.distDir, 'clerk.browser.js'), 'utf8');
    for (const version of ['6', '6.40.0', 'latest']) {
      const res = await rawGet(server.port, `/npm/@clerk/clerk-js@${version}/dist/clerk.browser.js`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cache-control']).toBe(
        version === '6.40.0' ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
      expect(res.body).toBe(expected);
    }
  });

  it('serves @clerk/ui files, nested ones included, with their content type', async () => {
    const ui = await rawGet(server.port, '/npm/@clerk/ui@1/dist/ui.browser.js');
    expect(ui.status).toBe(200);
    expect(ui.body).toBe(readFileSync(join(clerkUI!.distDir, 'ui.browser.js'), 'utf8'));
    const css = await rawGet(server.port, '/npm/@clerk/ui@1.36.0/dist/themes/shadcn.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('rejects every way of stepping out of dist/', async () => {
    const attempts = [
      '/npm/@clerk/clerk-js@6/dist/../package.json',
      '/npm/@clerk/clerk-js@6/dist/%2e%2e/package.json',
      '/npm/@clerk/clerk-js@6/dist/..%2fpackage.json',
      '/npm/@clerk/clerk-js@6/dist/..%2Fpackage.json',
      '/npm/@clerk/clerk-js@6/dist/..%5cpackage.json',
      '/npm/@clerk/clerk-js@6/dist/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/npm/@clerk/clerk-js@6/dist//clerk.browser.js',
      '/npm/@clerk/clerk-js@6/dist/clerk.browser.js%00.css',
      '/npm/@clerk/clerk-js@6/dist/%E0%A4%A',
      '/npm/@clerk/clerk-js@6/dist/',
      '/npm/@clerk/clerk-js@6/package.json',
      '/npm/@clerk/clerk-js@6%2F..%2F..%2Fui@1/dist/../../../package.json',
    ];
    for (const path of attempts) {
      const res = await rawGet(server.port, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('"name"');
    }
  });

  it('answers 404 for other packages and for missing files', async () => {
    for (const path of [
      '/npm/@clerk/backend@3/dist/index.js',
      '/npm/@clerk/shared@4/dist/index.js',
      '/npm/react@19/dist/react.js',
      '/npm/@clerk/clerk-js@6/dist/no-such-file.js',
      '/npm/@clerk/clerk-js/dist/clerk.browser.js',
    ]) {
      const res = await rawGet(server.port, path);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 404, body: 'no such route' });
    }
  });

  it('answers 404 when the packages are not installed', async () => {
    const bare = await serveOnLoopback(new Map());
    try {
      const res = await rawGet(bare.port, '/npm/@clerk/clerk-js@6/dist/clerk.browser.js');
      expect(res.status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('does not follow a symlink out of dist/', async () => {
    const root = mkdtempSync(join(tmpdir(), 'latch-bundles-'));
    try {
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'secret.txt'), 'top secret');
      writeFileSync(join(root, 'dist', 'ok.js'), 'ok()');
      symlinkSync(join(root, 'secret.txt'), join(root, 'dist', 'evil.js'));
      const fake = await serveOnLoopback(
        new Map([['@clerk/ui', { name: '@clerk/ui', version: '1.0.0', distDir: join(root, 'dist') }]]),
      );
      try {
        expect((await rawGet(fake.port, '/npm/@clerk/ui@1/dist/ok.js')).body).toBe('ok()');
        const evil = await rawGet(fake.port, '/npm/@clerk/ui@1/dist/evil.js');
        expect(evil.status).toBe(404);
        expect(evil.body).not.toContain('top secret');
      } finally {
        await fake.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.each(DATABASES)('Clerk browser bundles on the Latch server [%s]', (database) => {
  let latch: TestServer;
  beforeAll(async () => {
    latch = await startTestServer(database);
  });
  afterAll(async () => {
    await latch.stop();
  });

  it('are mounted at /npm, beside the Clerk-shaped 404 for anything else', async () => {
    const bundle = await fetch(`${latch.server.url}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    const missing = await fetch(`${latch.server.url}/npm/@clerk/backend@3/dist/index.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('route_not_found');
  });
});
