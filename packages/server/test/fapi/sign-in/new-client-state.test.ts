import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClient } from '../../../src/domain/clients/client-credential.js';
import { loadClientState } from '../../../src/domain/clients/client-state.js';
import { DEFAULT_INSTANCE_SETTINGS } from '../../../src/domain/instance-settings.js';
import { hashPassword } from '../../../src/domain/passwords/argon2id.js';
import { type CreateSignInInput, createSignIn } from '../../../src/domain/sign-in/create-sign-in.js';
import { newClientState } from '../../../src/domain/sign-in/new-client-state.js';
import type { SignInDeps } from '../../../src/domain/sign-in/sign-in-deps.js';
import { silentLogger } from '../../../src/logger.js';
import { createDevelopmentMailer } from '../../../src/mail/development-mailer.js';
import type { Store } from '../../../src/store/store.js';
import { instanceRecord, newUser } from '../../store/factories.js';
import { openTestStore, type TestStore } from '../../store/open-test-store.js';
import { DATABASES } from '../../support/databases.js';

const PASSWORD = 'a-long-and-unusual-password-9';
const ACTIVITY = {
  browserName: 'Firefox',
  browserVersion: '133',
  deviceType: null,
  osName: 'Linux',
  ipAddress: '192.0.2.44',
  city: null,
  country: null,
  isMobile: false,
};

/**
 * The first sign-in step of a browser without a client stores the client with the attempt, and the
 * client-state cache takes `newClientState` instead of reading the rows back. That shortcut is only
 * right if it is exactly what the store now holds: each path is compared with a fresh read.
 */
describe.each(DATABASES)('the state of a client stored by its first sign-in step [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  let email: string;
  const mails: string[] = [];
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    await store.instance.insert(instanceRecord());
    email = 'first-step@example.com';
    await store.users.insert(
      newUser({
        emails: [email],
        password: { digest: await hashPassword(PASSWORD), hasher: 'argon2id', updatedAt: Date.now() },
      }),
    );
  });
  afterAll(async () => {
    await t?.drop();
  });

  const deps = (now: number): SignInDeps => ({
    store,
    settings: DEFAULT_INSTANCE_SETTINGS,
    mailer: createDevelopmentMailer({ write: (line) => mails.push(line), applicationName: 'Latch test' }),
    logger: silentLogger,
    now,
    instanceCreatedAt: now - 60_000,
    activity: ACTIVITY,
    clientIsNew: true,
  });

  async function firstStep(input: CreateSignInInput) {
    const now = Date.now();
    const { client } = newClient(now);
    expect(await store.clients.findById(client.id)).toBeNull();
    const progress = await createSignIn(deps(now), client, input);
    const known = newClientState(client, progress, now);
    const stored = await store.clients.findById(client.id);
    expect(stored).not.toBeNull();
    const read = await loadClientState(store, stored as NonNullable<typeof stored>);
    const shortcut = await loadClientState(store, known.client, known);
    return { progress, read, shortcut };
  }

  it('a completed password sign-in: client, session and attempt as stored', async () => {
    const { progress, read, shortcut } = await firstStep({
      identifier: email,
      strategy: 'password',
      password: PASSWORD,
    });
    expect(progress.signIn.status).toBe('complete');
    expect(read.sessions).toHaveLength(1);
    expect(read.client.lastActiveSessionId).toBe(progress.session?.id);
    // The user is known as stored (read before the password check, plus the completion's write).
    expect(progress.user?.lastSignInAt).toBe(progress.session?.createdAt);
    expect(shortcut).toEqual(read);
  });

  /** A store on which another request renames the user at one moment of the sign-in. */
  function renamedDuring(moment: 'the read' | 'the password check'): Store {
    const rename = async (userId: string) =>
      store.users.update(userId, { firstName: `Renamed during ${moment}`, updatedAt: Date.now() });
    let userId: string | null = null;
    return Object.create(store, {
      users: {
        value: Object.create(store.users, {
          findByEmailAddress: {
            value: async (address: string) => {
              const found = await store.users.findByEmailAddress(address);
              userId = found?.id ?? null;
              if (found && moment === 'the read') await rename(found.id);
              return found;
            },
          },
        }),
      },
      // The completion's transaction starts after the password check.
      transaction: {
        value: async <T>(work: (tx: Store) => Promise<T>) => {
          if (moment === 'the password check' && userId) await rename(userId);
          return store.transaction(work);
        },
      },
    }) as Store;
  }

  it.each(['the read', 'the password check'] as const)(
    'a completed password sign-in whose user another request wrote during %s: the user is read back',
    async (moment) => {
      const now = Date.now();
      const { client } = newClient(now);
      const progress = await createSignIn({ ...deps(now), store: renamedDuring(moment) }, client, {
        identifier: email,
        strategy: 'password',
        password: PASSWORD,
      });
      expect(progress.signIn.status).toBe('complete');
      expect(progress.user).toBeUndefined();
      const known = newClientState(client, progress, now);
      const stored = await store.clients.findById(client.id);
      const read = await loadClientState(store, stored as NonNullable<typeof stored>);
      expect(read.users.get(progress.signIn.userId as string)?.firstName).toBe(`Renamed during ${moment}`);
      expect(await loadClientState(store, known.client, known)).toEqual(read);
    },
  );

  it('an attempt waiting for its first factor', async () => {
    const { progress, read, shortcut } = await firstStep({ identifier: email });
    expect(progress.signIn.status).toBe('needs_first_factor');
    expect(read.client.signInId).toBe(progress.signIn.id);
    expect(read.sessions).toEqual([]);
    expect(shortcut).toEqual(read);
  });

  it('an attempt waiting for its identifier', async () => {
    const { progress, read, shortcut } = await firstStep({});
    expect(progress.signIn.status).toBe('needs_identifier');
    expect(shortcut).toEqual(read);
  });

  it('an email code sent at once', async () => {
    const before = mails.length;
    const { progress, read, shortcut } = await firstStep({ identifier: email, strategy: 'email_code' });
    expect(progress.signIn.firstFactorVerification?.strategy).toBe('email_code');
    expect(mails.length).toBeGreaterThan(before);
    expect(shortcut).toEqual(read);
  });

  it('a refused step stores no client', async () => {
    const now = Date.now();
    const { client } = newClient(now);
    await expect(
      createSignIn(deps(now), client, { identifier: email, strategy: 'password', password: 'not-the-password-1' }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await store.clients.findById(client.id)).toBeNull();
  });
});
