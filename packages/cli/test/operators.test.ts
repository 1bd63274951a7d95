import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { runOperators } from '../src/commands/operators.js';

/** `latch operators` against a real instance's database; what it prints is what a terminal would show. */
describe('latch operators', () => {
  let t: TestServer;
  let env: Record<string, string>;
  let output: string[];
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    env = { DATABASE_URL: t.database.url, LATCH_FRONTEND_API_URL: t.server.url };
  });
  afterAll(async () => {
    await t?.stop();
  });
  const capture = () => {
    output = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
  };
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const signInWith = (link: string) =>
    fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-latch-dashboard': '1' },
      body: JSON.stringify({ token: link.split('#token=')[1] }),
    });

  it('creates an operator and prints a one-time sign-in link that works', async () => {
    capture();
    expect(await runOperators(['create', '--email', 'Ops@Example.com', '--role', 'admin'], env)).toBe(0);
    const text = output.join('');
    expect(text).toContain('(ops@example.com, admin)');
    const link = /(http:\/\/\S+\/dashboard\/sign-in#token=opl_\S+)/.exec(text)?.[1] as string;
    expect(link).toBeDefined();
    const response = await signInWith(link);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { operator: { role: string } }).operator.role).toBe('admin');
  });

  it('lists operators and prints fresh links; TOTP enrolment prints the secret once', async () => {
    capture();
    expect(await runOperators(['create', '--email', 'totp@example.com', '--role', 'support', '--totp'], env)).toBe(0);
    expect(output.join('')).toMatch(/otpauth:\/\/totp\/Latch%3Atotp%40example\.com\?secret=[A-Z2-7]{32}/);
    capture();
    expect(await runOperators(['list'], env)).toBe(0);
    expect(output.join('')).toMatch(/ops@example\.com[\s\S]*totp@example\.com/);
    capture();
    expect(await runOperators(['link', 'ops@example.com'], env)).toBe(0);
    expect((await signInWith(output.join('').trim())).status).toBe(200);
  });

  it('refuses bad input with exit codes and messages', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    capture();
    expect(await runOperators(['create'], env)).toBe(2);
    expect(await runOperators(['create', '--email', 'x@example.com', '--role', 'root'], env)).toBe(2);
    expect(await runOperators(['link', 'nobody@example.com'], env)).toBe(1);
    await expect(runOperators(['create', '--email', 'ops@example.com'], env)).rejects.toMatchObject({
      errors: [{ code: 'form_identifier_exists' }],
    });
  });
});
