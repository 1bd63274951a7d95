import { UserJSON } from '@latch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countUsers, createUser, expectError, expectOk, jsonKeys, readJSON, type UserBody, unique } from './support.js';

const PASSWORD = 'correct horse battery staple';

describe.each(DATABASES)('Backend API users: create, get, list, update, delete [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('create', () => {
    let created: UserBody;
    let createdResponse: Response;
    let before: number;
    let after: number;
    const id = unique('ada');

    beforeAll(async () => {
      before = Date.now();
      createdResponse = await t.api('/users', {
        method: 'POST',
        body: {
          email_address: [`Ada.${id}@Example.COM`, `ada.work.${id}@example.com`],
          phone_number: ['+1 (415) 555-0100'],
          password: PASSWORD,
          first_name: 'Ada',
          last_name: 'Lovelace',
          username: `Ada_${id}`,
          external_id: `ext-${id}`,
          locale: 'en-GB',
          public_metadata: { plan: 'pro', nested: { level: 1 } },
          private_metadata: { stripe_customer: 'cus_123' },
          unsafe_metadata: { theme: 'dark' },
        },
      });
      after = Date.now();
      created = await expectOk(createdResponse.clone());
    });

    it('answers with Content-Type exactly application/json', () => {
      expect(createdResponse.headers.get('content-type')).toBe('application/json');
    });

    it('renders exactly the fields of Clerk’s Backend API User, each with its type', () => {
      expect(Object.keys(created).sort()).toEqual(Object.keys(UserJSON.shape).sort());
      expect(UserJSON.strict().safeParse(created).error).toBeUndefined();
      expect(created.object).toBe('user');
      expect(created.id).toMatch(/^user_[0-9A-Za-z]{22}$/);
    });

    it('uses snake_case keys throughout (metadata contents excepted)', () => {
      const keys = jsonKeys(created);
      expect(keys.length).toBeGreaterThan(40);
      for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    });

    it('uses Unix-millisecond numbers for timestamps', () => {
      for (const key of ['created_at', 'updated_at', 'password_last_updated_at']) {
        expect(typeof created[key], key).toBe('number');
        expect(Number.isInteger(created[key])).toBe(true);
        expect(created[key]).toBeGreaterThanOrEqual(before);
        expect(created[key]).toBeLessThanOrEqual(after);
      }
      for (const email of created.email_addresses) {
        expect(email.created_at).toBeGreaterThanOrEqual(before);
        expect(email.updated_at).toBeLessThanOrEqual(after);
      }
      for (const key of ['last_sign_in_at', 'last_active_at', 'legal_accepted_at', 'mfa_enabled_at']) {
        expect(created[key], key).toBeNull();
      }
    });

    it('never puts the password or its hash in the body', async () => {
      const text = JSON.stringify(created);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('$argon2');
      const stored = await t.server.store.users.findById(created.id);
      expect(stored?.password?.digest).toMatch(/^\$argon2id\$/);
      expect(text).not.toContain(stored?.password?.digest as string);
      const keys = jsonKeys(created);
      expect(keys).not.toContain('password');
      expect(keys).not.toContain('password_digest');
      expect(keys).not.toContain('digest');
      expect(created.password_enabled).toBe(true);
    });

    it('stores the emails lower-cased, verified, in the order given, the first one primary', () => {
      expect(created.email_addresses.map((email: UserBody) => email.email_address)).toEqual([
        `ada.${id}@example.com`,
        `ada.work.${id}@example.com`,
      ]);
      for (const email of created.email_addresses) {
        expect(email.object).toBe('email_address');
        expect(email.id).toMatch(/^idn_/);
        expect(email.verification).toMatchObject({ status: 'verified', strategy: 'admin' });
        expect(email.reserved).toBe(false);
        expect(email.linked_to).toEqual([]);
      }
      expect(created.primary_email_address_id).toBe(created.email_addresses[0].id);
    });

    it('normalises phone numbers to E.164 and makes the first one primary', () => {
      expect(created.phone_numbers).toHaveLength(1);
      expect(created.phone_numbers[0]).toMatchObject({
        object: 'phone_number',
        phone_number: '+14155550100',
        verification: { status: 'verified', strategy: 'admin' },
      });
      expect(created.primary_phone_number_id).toBe(created.phone_numbers[0].id);
    });

    it('keeps names, lower-cases the username, and returns all three metadata objects', () => {
      expect(created).toMatchObject({
        first_name: 'Ada',
        last_name: 'Lovelace',
        username: `ada_${id}`.toLowerCase(),
        external_id: `ext-${id}`,
        locale: 'en-GB',
        public_metadata: { plan: 'pro', nested: { level: 1 } },
        private_metadata: { stripe_customer: 'cus_123' },
        unsafe_metadata: { theme: 'dark' },
        banned: false,
        locked: false,
        lockout_expires_in_seconds: null,
        two_factor_enabled: false,
        delete_self_enabled: true,
        create_organization_enabled: true,
        image_url: '',
        has_image: false,
      });
    });

    it('GET /users/{id} returns the same user', async () => {
      const response = await t.api(`/users/${created.id}`);
      const fetched = await expectOk(response);
      expect(fetched).toEqual(created);
    });

    it('GET /users lists it, with private metadata', async () => {
      const list = await expectOk(await t.api(`/users?user_id=${created.id}`));
      expect(list).toEqual([created]);
    });
  });

  it('creates a user with only an email address, no password', async () => {
    const email = `${unique('min')}@example.com`;
    const user = await createUser(t, { email_address: [email] });
    expect(user.password_enabled).toBe(false);
    expect(user.password_last_updated_at).toBeNull();
    expect(user.username).toBeNull();
    expect(user.first_name).toBeNull();
    expect(user.public_metadata).toEqual({});
    expect(user.private_metadata).toEqual({});
    expect(user.unsafe_metadata).toEqual({});
    expect(user.phone_numbers).toEqual([]);
    expect(user.primary_phone_number_id).toBeNull();
    expect(user.email_addresses.map((e: UserBody) => e.email_address)).toEqual([email]);
    const stored = await t.server.store.users.findById(user.id);
    expect(stored?.password).toBeNull();
  });

  it('keeps the email order for several addresses created in the same millisecond', async () => {
    const base = unique('order');
    const emails = Array.from({ length: 8 }, (_, i) => `${base}.${i}@example.com`);
    const user = await createUser(t, { email_address: emails });
    expect(user.email_addresses.map((e: UserBody) => e.email_address)).toEqual(emails);
    expect(user.primary_email_address_id).toBe(user.email_addresses[0].id);
    const fetched = await expectOk(await t.api(`/users/${user.id}`));
    expect(fetched.email_addresses.map((e: UserBody) => e.email_address)).toEqual(emails);
  });

  it('honours created_at and reserved identification statuses', async () => {
    const email = `${unique('imp')}@example.com`;
    const user = await createUser(t, {
      email_address: [email],
      email_address_identification_status: ['reserved'],
      created_at: '2020-02-03T04:05:06.789Z',
      legal_accepted_at: '2021-01-01T00:00:00Z',
    });
    expect(user.created_at).toBe(Date.parse('2020-02-03T04:05:06.789Z'));
    expect(user.legal_accepted_at).toBe(Date.parse('2021-01-01T00:00:00Z'));
    expect(user.email_addresses[0]).toMatchObject({ email_address: email, reserved: true });
    expect(user.email_addresses[0].verification.status).toBe('unverified');
  });

  describe('update', () => {
    let user: UserBody;
    beforeAll(async () => {
      const id = unique('upd');
      user = await createUser(t, {
        email_address: [`${id}@example.com`, `${id}.second@example.com`],
        first_name: 'Grace',
        last_name: 'Hopper',
        username: `grace_${id}`,
        external_id: `ext-${id}`,
        public_metadata: { keep: true },
      });
    });

    it('changes only the fields present and moves updated_at forward', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const id = unique('new');
      const response = await t.api(`/users/${user.id}`, {
        method: 'PATCH',
        body: { first_name: 'Amazing Grace', username: `New_${id}`, external_id: `ext2-${id}`, locale: 'fr' },
      });
      const updated = await expectOk(response);
      expect(updated).toMatchObject({
        id: user.id,
        first_name: 'Amazing Grace',
        last_name: 'Hopper',
        username: `new_${id}`.toLowerCase(),
        external_id: `ext2-${id}`,
        locale: 'fr',
        public_metadata: { keep: true },
        created_at: user.created_at,
        email_addresses: user.email_addresses,
        primary_email_address_id: user.primary_email_address_id,
      });
      expect(updated.updated_at).toBeGreaterThan(user.updated_at);
      expect(await expectOk(await t.api(`/users/${user.id}`))).toEqual(updated);
      user = updated;
    });

    it('clears nullable fields sent as null', async () => {
      const updated = await expectOk(
        await t.api(`/users/${user.id}`, {
          method: 'PATCH',
          body: { last_name: null, username: null, external_id: null },
        }),
      );
      expect(updated.last_name).toBeNull();
      expect(updated.username).toBeNull();
      expect(updated.external_id).toBeNull();
      expect(updated.first_name).toBe(user.first_name);
      user = updated;
    });

    it('accepts an empty update and changes nothing but updated_at', async () => {
      const updated = await expectOk(await t.api(`/users/${user.id}`, { method: 'PATCH', body: {} }));
      const { updated_at: _a, ...rest } = updated;
      const { updated_at: _b, ...expected } = user;
      expect(rest).toEqual(expected);
    });

    it('switches the primary email to another of the user’s own addresses', async () => {
      const second = user.email_addresses[1];
      const updated = await expectOk(
        await t.api(`/users/${user.id}`, { method: 'PATCH', body: { primary_email_address_id: second.id } }),
      );
      expect(updated.primary_email_address_id).toBe(second.id);
      const other = await createUser(t, { email_address: [`${unique('other')}@example.com`] });
      await expectError(
        await t.api(`/users/${user.id}`, {
          method: 'PATCH',
          body: { primary_email_address_id: other.email_addresses[0].id },
        }),
        422,
        'form_param_value_invalid',
        'primary_email_address_id',
      );
    });

    it('sets a new password: the old one stops working, the new one verifies', async () => {
      const response = await t.api(`/users/${user.id}`, { method: 'PATCH', body: { password: 'first password 1' } });
      const withPassword = await expectOk(response);
      expect(withPassword.password_enabled).toBe(true);
      const changed = await expectOk(
        await t.api(`/users/${user.id}`, { method: 'PATCH', body: { password: 'second password 2' } }),
      );
      expect(changed.password_last_updated_at).toBeGreaterThanOrEqual(withPassword.password_last_updated_at);
      const ok = await t.api(`/users/${user.id}/verify_password`, {
        method: 'POST',
        body: { password: 'second password 2' },
      });
      expect(await expectOk(ok)).toEqual({ verified: true });
      await expectError(
        await t.api(`/users/${user.id}/verify_password`, { method: 'POST', body: { password: 'first password 1' } }),
        422,
        'form_password_incorrect',
        'password',
      );
    });
  });

  describe('delete', () => {
    it('returns a deleted object, then the user is gone everywhere', async () => {
      const email = `${unique('del')}@example.com`;
      const username = unique('deluser');
      const user = await createUser(t, { email_address: [email], username, password: PASSWORD });
      const total = await countUsers(t);

      const response = await t.api(`/users/${user.id}`, { method: 'DELETE' });
      expect(await expectOk(response)).toEqual({ object: 'user', id: user.id, deleted: true });

      await expectError(await t.api(`/users/${user.id}`), 404, 'resource_not_found');
      await expectError(await t.api(`/users/${user.id}`, { method: 'DELETE' }), 404, 'resource_not_found');
      expect(await countUsers(t)).toBe(total - 1);
      expect(await expectOk(await t.api(`/users?email_address=${encodeURIComponent(email)}`))).toEqual([]);
      expect(await t.server.store.users.findById(user.id)).toBeNull();
    });

    it('frees the email, phone, username and external id for a new user', async () => {
      const id = unique('reuse');
      const identifiers = {
        email_address: [`${id}@example.com`],
        phone_number: ['+447700900123'],
        username: `reuse_${id}`,
        external_id: `ext-${id}`,
      };
      const first = await createUser(t, identifiers);
      await expectOk(await t.api(`/users/${first.id}`, { method: 'DELETE' }));
      const second = await createUser(t, identifiers);
      expect(second.id).not.toBe(first.id);
      expect(second.email_addresses[0].email_address).toBe(`${id}@example.com`);
      expect(second.phone_numbers[0].phone_number).toBe('+447700900123');
      await expectOk(await t.api(`/users/${second.id}`, { method: 'DELETE' }));
    });
  });

  it('answers GET /users with a bare JSON array', async () => {
    const response = await t.api('/users');
    const body = await readJSON(response);
    expect(response.status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
  });
});
