import { encodePublishableKey } from '@latch/protocol';
import { authenticateSecretKey, pickSigningKey } from '@latch/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JWTTemplateRecord } from '../../server/src/store/records.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { runKeys } from '../src/commands/keys.js';

/**
 * `latch keys` against a real instance's database (SQLite and PostgreSQL); what it prints is what a
 * terminal would show. The tests share one instance and run in order: each leaves the keys as the next
 * one expects them.
 */
describe.each(DATABASES)('latch keys [%s]', (database) => {
  let t: TestServer;
  let env: Record<string, string>;
  let output: string[];
  let errors: string[];
  beforeAll(async () => {
    t = await startTestServer(database);
    env = { DATABASE_URL: t.database.url, LATCH_FRONTEND_API_URL: t.server.url };
  });
  afterAll(async () => {
    await t?.stop();
  });
  const capture = () => {
    output = [];
    errors = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
  };
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs `latch keys …argv`; stdout and stderr as a terminal would show them. */
  const keys = async (argv: string[], extraEnv: Record<string, string> = {}) => {
    capture();
    const code = await runKeys(argv, { ...env, ...extraEnv });
    vi.restoreAllMocks();
    return { code, stdout: output.join(''), stderr: errors.join('') };
  };
  const secretKeyRecords = () => t.server.store.secretKeys.list();
  const defaultKey = async () => {
    const found = (await secretKeyRecords()).find((key) => key.name === 'Default secret key');
    if (!found) throw new Error('the instance has no default secret key');
    return found;
  };
  const eventsOf = (type: string, targetId: string) =>
    t.server.store.webhooks.events.list({ types: [type], targetId }, { limit: 10, offset: 0 });
  const backendAPIStatus = async (secret: string) =>
    (await fetch(`${t.server.url}/api/v1/users`, { headers: { authorization: `Bearer ${secret}` } })).status;
  const publishedKeys = () => t.server.store.signingKeys.listPublished(Date.now());
  const signingKid = async () => pickSigningKey(await publishedKeys(), Date.now())?.kid;

  /** Rotates with `argv`; returns the new key, the key that signed before it and the event. */
  const rotate = async (argv: string[], extraEnv: Record<string, string> = {}) => {
    const previousKid = await signingKid();
    const startedAt = Date.now();
    const before = new Set((await publishedKeys()).map((key) => key.kid));
    const result = await keys(['rotate', ...argv], extraEnv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    // As published just before the rotation: a key retired by it (`--now`) is still in this view.
    const published = await t.server.store.signingKeys.listPublished(startedAt - 1);
    const added = published.filter((key) => !before.has(key.kid));
    expect(added).toHaveLength(1);
    const key = added[0] as (typeof added)[number];
    const previous = published.find((candidate) => candidate.kid === previousKid);
    if (!previous) throw new Error(`the previous signing key ${previousKid} is not in the store`);
    const events = await eventsOf('signing_key.rotated', key.kid);
    expect(events).toHaveLength(1);
    return { result, key, previous, event: events[0] as (typeof events)[number] };
  };

  it('lists the publishable key, the secret keys and the signing key, with or without `list`', async () => {
    const bare = await keys([]);
    expect(bare).toMatchObject({ code: 0, stderr: '' });
    const secret = await defaultKey();
    expect(bare.stdout).toContain(encodePublishableKey(new URL(t.server.url).host, 'development'));
    expect(bare.stdout).toContain(t.server.url);
    expect(bare.stdout).toMatch(new RegExp(`${secret.id}\\s+…${secret.hint}\\s+Default secret key\\s+created `));
    // Only the hint: never the secret itself.
    expect(bare.stdout).not.toContain(t.secretKey);
    expect(bare.stdout).toMatch(new RegExp(`${await signingKid()}\\s+signing`));
    expect(await keys(['list'])).toEqual(bare);
  });

  it('`create --name` prints a new sk_test_ secret once, and that secret authenticates', async () => {
    const created = await keys(['create', '--name', 'CI deploys']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const secret = /^\s+(sk_test_\S+)$/m.exec(created.stdout)?.[1];
    if (!secret) throw new Error(`no secret key in: ${created.stdout}`);
    const id = /Created (sak_\S+) \(CI deploys\)/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    expect(await authenticateSecretKey(t.server.store, secret)).toMatchObject({
      id,
      name: 'CI deploys',
      hint: secret.slice(-4),
      revokedAt: null,
    });
    expect(await secretKeyRecords()).toContainEqual(
      expect.objectContaining({ id, name: 'CI deploys', hint: secret.slice(-4), revokedAt: null }),
    );
    expect(await backendAPIStatus(secret)).toBe(200);
    const listed = await keys(['list']);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+…${secret.slice(-4)}\\s+CI deploys`));
    expect(listed.stdout).not.toContain(secret);
  });

  it('`revoke <id>` revokes an active key, audits it, and the key stops working', async () => {
    const created = await keys(['create', '--name', 'Short-lived']);
    const secret = /^\s+(sk_test_\S+)$/m.exec(created.stdout)?.[1] as string;
    const record = await authenticateSecretKey(t.server.store, secret);
    if (!record) throw new Error('the created key does not authenticate');
    const before = Date.now();
    const revoked = await keys(['revoke', record.id]);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toContain(`Revoked ${record.id}`);
    const stored = (await secretKeyRecords()).find((key) => key.id === record.id);
    expect(stored?.revokedAt).toBeGreaterThanOrEqual(before);
    expect(stored?.revokedAt).toBeLessThanOrEqual(Date.now());
    expect(await authenticateSecretKey(t.server.store, secret)).toBeNull();
    expect(await backendAPIStatus(secret)).toBe(401);
    const events = await eventsOf('secret_key.revoked', record.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'secret_key.revoked',
      data: { object: 'secret_key', id: record.id, name: 'Short-lived', hint: record.hint },
      targetType: 'secret_key',
      targetId: record.id,
      createdAt: stored?.revokedAt,
    });
    expect((await keys(['list'])).stdout).toMatch(
      new RegExp(`${record.id}\\s+…${record.hint}\\s+Short-lived.*revoked`),
    );

    // Revoking it again is refused, and records nothing more.
    const again = await keys(['revoke', record.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${record.id} is already revoked`);
    expect((await secretKeyRecords()).find((key) => key.id === record.id)?.revokedAt).toBe(stored?.revokedAt);
    expect(await eventsOf('secret_key.revoked', record.id)).toHaveLength(1);
  });

  it('`revoke` refuses an unknown id, and no id at all with a usage hint', async () => {
    const unknown = await keys(['revoke', 'sak_doesnotexist']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('No secret key with id sak_doesnotexist.');
    const missing = await keys(['revoke']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('latch keys revoke <sak_id>');
  });

  it('`revoke` refuses the last active secret key, which keeps working', async () => {
    // Leave only the default key active.
    for (const key of await secretKeyRecords()) {
      if (key.revokedAt === null && key.name !== 'Default secret key') {
        expect((await keys(['revoke', key.id])).code).toBe(0);
      }
    }
    const last = await defaultKey();
    expect((await secretKeyRecords()).filter((key) => key.revokedAt === null)).toEqual([last]);
    const refused = await keys(['revoke', last.id]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('last active secret key');
    expect((await defaultKey()).revokedAt).toBeNull();
    expect(await authenticateSecretKey(t.server.store, t.secretKey)).toMatchObject({ id: last.id });
    expect(await backendAPIStatus(t.secretKey)).toBe(200);
    expect(await eventsOf('secret_key.revoked', last.id)).toEqual([]);
  });

  it('`rotate --now` (a compromised key) signs with a new key at once and drops the old one from the JWKS', async () => {
    const { result, key, previous, event } = await rotate(['--now']);
    expect(key.activatesAt).toBe(key.createdAt);
    expect(key.retiresAt).toBeNull();
    expect(await signingKid()).toBe(key.kid);
    // Gone at once: tokens forged with the old key stop verifying once verifiers refetch the JWKS.
    expect(previous.retiresAt).toBe(key.createdAt);
    expect((await t.server.store.signingKeys.listPublished(Date.now())).map((published) => published.kid)).toEqual([
      key.kid,
    ]);
    expect(event).toMatchObject({
      type: 'signing_key.rotated',
      data: { object: 'signing_key', kid: key.kid, id: key.kid, status: 'signing', activates_at: key.activatesAt },
      targetId: key.kid,
    });
    expect(result.stdout).toContain(`New signing key ${key.kid}`);
    expect(result.stdout).toContain('the previous key has left the JWKS');
    expect((await keys(['list'])).stdout).not.toContain(previous.kid);
  });

  it('`rotate` keeps the old key published as long as the longest-lived token it signed (JWT templates too)', async () => {
    const now = Date.now();
    const template = (name: string, lifetimeSeconds: number, customSigningKey = false): JWTTemplateRecord => ({
      id: `jtmp_keys_test_${name}`,
      name,
      claims: { role: 'authenticated' },
      lifetimeSeconds,
      allowedClockSkewSeconds: 5,
      customSigningKey,
      signingAlgorithm: customSigningKey ? 'HS256' : 'RS256',
      signingKey: customSigningKey ? 'a-shared-secret-of-at-least-32-characters' : null,
      createdAt: now,
      updatedAt: now,
    });
    // A template shorter than the session token does not shorten the overlap; the longest one sets it.
    await t.server.store.jwtTemplates.insert(template('short', 30));
    await t.server.store.jwtTemplates.insert(template('long', 3600));
    // Signed with its own key, never the instance's: its lifetime is not the instance key's business.
    await t.server.store.jwtTemplates.insert(template('own_key', 86_400, true));
    try {
      const { key, previous, event } = await rotate([]);
      expect(previous.retiresAt).toBe(key.activatesAt + 3600 * 1000 + 60_000);
      expect(event.data).toMatchObject({ kid: key.kid, status: 'scheduled' });
    } finally {
      await t.server.store.jwtTemplates.delete('jtmp_keys_test_short');
      await t.server.store.jwtTemplates.delete('jtmp_keys_test_long');
      await t.server.store.jwtTemplates.delete('jtmp_keys_test_own_key');
    }
  });

  it('`rotate` without --now publishes the new key at once but signs only after the publish delay', async () => {
    const { key, previous, event } = await rotate([]);
    // The default LATCH_SIGNING_KEY_PUBLISH_DELAY_SECONDS is 300.
    expect(key.activatesAt).toBe(key.createdAt + 300_000);
    expect(await signingKid()).toBe(previous.kid);
    expect(previous.retiresAt).toBe(key.activatesAt + 60 * 1000 + 60_000);
    expect(event.data).toMatchObject({ kid: key.kid, status: 'scheduled', activates_at: key.activatesAt });
    expect((await keys(['list'])).stdout).toMatch(
      new RegExp(`${key.kid}\\s+published, signs from ${new Date(key.activatesAt).toISOString()}`),
    );

    const configured = await rotate([], { LATCH_SIGNING_KEY_PUBLISH_DELAY_SECONDS: '30' });
    expect(configured.key.activatesAt).toBe(configured.key.createdAt + 30_000);
    expect(configured.event.data).toMatchObject({ kid: configured.key.kid, status: 'scheduled' });
  });
});
