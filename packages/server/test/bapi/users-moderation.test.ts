import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createUser, expectError, expectOk, type UserBody, unique, verifyPassword } from './support.js';

const PASSWORD = 'a perfectly fine password';

describe.each(DATABASES)('Backend API users: ban, lock and verify_password [%s]', (database) => {
  let t: TestServer;
  let user: UserBody;
  beforeAll(async () => {
    t = await startTestServer(database);
    user = await createUser(t, { email_address: [`${unique('mod')}@example.com`], password: PASSWORD });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const action = (id: string, name: string) => t.api(`/users/${id}/${name}`, { method: 'POST' });

  it('ban and unban flip banned and return the user', async () => {
    const banned = await expectOk(await action(user.id, 'ban'));
    expect(banned).toMatchObject({ object: 'user', id: user.id, banned: true, locked: false });
    expect(banned.updated_at).toBeGreaterThanOrEqual(user.updated_at);
    expect((await expectOk(await t.api(`/users/${user.id}`))).banned).toBe(true);
    // Idempotent.
    expect((await expectOk(await action(user.id, 'ban'))).banned).toBe(true);
    const unbanned = await expectOk(await action(user.id, 'unban'));
    expect(unbanned).toMatchObject({ id: user.id, banned: false });
    expect((await expectOk(await t.api(`/users/${user.id}`))).banned).toBe(false);
  });

  it('a ban revokes every live session of the user (with session.revoked events); unban does not revive them', async () => {
    const target = await createUser(t, { email_address: [`${unique('banned')}@example.com`] });
    const sessions = [];
    for (let i = 0; i < 2; i++) {
      sessions.push(await expectOk(await t.api('/sessions', { method: 'POST', body: { user_id: target.id } })));
    }
    const bystander = await expectOk(await t.api('/sessions', { method: 'POST', body: { user_id: user.id } }));
    await expectOk(await action(target.id, 'ban'));
    for (const session of sessions) {
      expect((await expectOk(await t.api(`/sessions/${session.id}`))).status).toBe('revoked');
    }
    expect((await expectOk(await t.api(`/sessions/${bystander.id}`))).status).toBe('active');
    const listed = await expectOk(await t.api(`/sessions?user_id=${target.id}&status=active`));
    expect(listed).toEqual([]);
    await expectOk(await action(target.id, 'unban'));
    for (const session of sessions) {
      expect((await expectOk(await t.api(`/sessions/${session.id}`))).status).toBe('revoked');
    }
  });

  it('lock and unlock flip locked; a manual lock has no expiry', async () => {
    const locked = await expectOk(await action(user.id, 'lock'));
    expect(locked).toMatchObject({ id: user.id, locked: true, banned: false, lockout_expires_in_seconds: null });
    expect((await expectOk(await t.api(`/users/${user.id}`))).locked).toBe(true);
    const unlocked = await expectOk(await action(user.id, 'unlock'));
    expect(unlocked).toMatchObject({ id: user.id, locked: false, lockout_expires_in_seconds: null });
    expect((await expectOk(await t.api(`/users/${user.id}`))).locked).toBe(false);
  });

  it('leaves the rest of the user alone', async () => {
    const before = await expectOk(await t.api(`/users/${user.id}`));
    await expectOk(await action(user.id, 'ban'));
    await expectOk(await action(user.id, 'lock'));
    const after = await expectOk(await action(user.id, 'unban'));
    const final = await expectOk(await action(user.id, 'unlock'));
    expect(after.locked).toBe(true);
    const { updated_at: _a, ...rest } = final;
    const { updated_at: _b, ...expected } = before;
    expect(rest).toEqual(expected);
  });

  it('accepts an empty JSON object as well as no body', async () => {
    expect((await expectOk(await t.api(`/users/${user.id}/ban`, { method: 'POST', body: {} }))).banned).toBe(true);
    expect((await expectOk(await t.api(`/users/${user.id}/unban`, { method: 'POST', body: {} }))).banned).toBe(false);
  });

  it('answers 404 for an unknown user on every action', async () => {
    for (const name of ['ban', 'unban', 'lock', 'unlock']) {
      await expectError(await action('user_2unknownunknownunknown', name), 404, 'resource_not_found');
    }
  });

  describe('verify_password', () => {
    it('returns {verified: true} for the right password', async () => {
      const response = await verifyPassword(t, user.id, PASSWORD);
      expect(await expectOk(response)).toEqual({ verified: true });
    });

    it('answers 422 form_password_incorrect for a wrong one', async () => {
      for (const wrong of ['a perfectly fine passwor', `${PASSWORD} `, PASSWORD.toUpperCase(), 'x']) {
        await expectError(await verifyPassword(t, user.id, wrong), 422, 'form_password_incorrect', 'password');
      }
    });

    it('still verifies for a banned or locked user (it only checks the password)', async () => {
      await expectOk(await action(user.id, 'ban'));
      await expectOk(await action(user.id, 'lock'));
      expect(await expectOk(await verifyPassword(t, user.id, PASSWORD))).toEqual({ verified: true });
      await expectOk(await action(user.id, 'unban'));
      await expectOk(await action(user.id, 'unlock'));
    });

    it('answers 422 for a user without a password', async () => {
      const noPassword = await createUser(t, { email_address: [`${unique('nopw')}@example.com`] });
      await expectError(
        await verifyPassword(t, noPassword.id, 'anything at all'),
        422,
        'user_has_no_password',
        'password',
      );
    });

    it('validates its body', async () => {
      const url = `/users/${user.id}/verify_password`;
      await expectError(await t.api(url, { method: 'POST', body: {} }), 422, 'form_param_missing', 'password');
      await expectError(await t.api(url, { method: 'POST' }), 422, 'form_param_missing', 'password');
      await expectError(
        await t.api(url, { method: 'POST', body: { password: '' } }),
        422,
        'form_param_min_length_not_reached',
        'password',
      );
      await expectError(
        await t.api(url, { method: 'POST', body: { password: 12345678 } }),
        422,
        'form_param_format_invalid',
        'password',
      );
      await expectError(
        await t.api(url, { method: 'POST', body: { password: null } }),
        422,
        'form_param_nil',
        'password',
      );
      await expectError(
        await t.api(url, { method: 'POST', body: { password: PASSWORD, strategy: 'password' } }),
        422,
        'form_param_unknown',
        'strategy',
      );
    });

    it('answers 404 for an unknown user', async () => {
      await expectError(await verifyPassword(t, 'user_2unknownunknownunknown', PASSWORD), 404, 'resource_not_found');
    });
  });
});
