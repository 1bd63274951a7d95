import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/http/app-env.js';
import { applyStagedHeaders, stagedResponse, stageHeaderList, startStagedHeaders } from '../src/http/staged-headers.js';

/**
 * Staged headers reach every response: built into the Frontend API's responses (as a node:http header
 * record), set afterwards on any other. Each cookie stays its own `Set-Cookie` header wherever the
 * record becomes a web `Headers`.
 */
describe('staged response headers', () => {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    startStagedHeaders(c, [['x-request-id', 'req-1']]);
    await next();
    applyStagedHeaders(c);
  });
  app.use(async (c, next) => {
    stageHeaderList(c, [
      ['access-control-allow-origin', 'https://app.example'],
      ['vary', 'Origin'],
    ]);
    await next();
  });
  app.get('/built', (c) =>
    stagedResponse(c, '{"ok":true}', 201, [
      ['content-type', 'application/json'],
      ['set-cookie', '__client_uat=1; Path=/'],
      ['set-cookie', '__client_uat_abc=1; Path=/'],
    ]),
  );
  app.get('/plain', (c) => c.json({ ok: true }));

  it('builds them into a staged response, with one Set-Cookie per cookie', async () => {
    const response = await app.request('/built');
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['__client_uat=1; Path=/', '__client_uat_abc=1; Path=/']);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('sets them on any other response, and on errors', async () => {
    const plain = await app.request('/plain');
    expect(plain.headers.get('x-request-id')).toBe('req-1');
    expect(plain.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const missing = await app.request('/missing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('req-1');
  });
});
