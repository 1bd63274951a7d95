import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientState } from '../../src/domain/clients/client-state.js';
import { DEFAULT_INSTANCE_SETTINGS } from '../../src/domain/instance-settings.js';
import {
  type ClientJSONOptions,
  clientStateToJSON,
  clientStateToText,
  clientTextChangesAt,
} from '../../src/http/fapi/resources/client-json.js';
import type { ClientRecord, SessionRecord, SignInRecord, UserRecord } from '../../src/store/records.js';
import { newUser } from '../store/factories.js';
import { openTestStore, type TestStore } from '../store/open-test-store.js';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const MINUTE = 60_000;

const session = (id: string, userId: string, overrides: Partial<SessionRecord>): SessionRecord => ({
  id,
  clientId: 'client_text',
  userId,
  status: 'active',
  lastActiveOrganizationId: null,
  expireAt: T0 + 10 * MINUTE,
  abandonAt: T0 + 10 * MINUTE,
  lastActiveAt: T0,
  firstFactorVerifiedAt: T0,
  secondFactorVerifiedAt: null,
  activity: {
    browserName: 'Firefox',
    browserVersion: '133',
    deviceType: null,
    osName: 'Linux',
    ipAddress: '192.0.2.9',
    city: null,
    country: null,
    isMobile: false,
  },
  lastToken: null,
  lastTokenExpiresAt: null,
  createdAt: T0,
  updatedAt: T0,
  endedAt: null,
  ...overrides,
});

/**
 * `GET /v1/client` serves a cached text of the client while nothing it depends on changed. The text
 * must be exactly what serializing afresh gives at every moment: across sessions expiring or being
 * abandoned, `factor_verification_age` minutes ticking over and a sign-in attempt being abandoned.
 */
describe('the cached client text', () => {
  let t: TestStore;
  let user: UserRecord;
  let other: UserRecord;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    const spec = newUser({ emails: ['text-cache@example.com'], firstName: 'Ada' });
    const otherSpec = newUser({ emails: ['text-cache-2@example.com'] });
    await t.store.users.insert(spec);
    await t.store.users.insert(otherSpec);
    user = (await t.store.users.findById(spec.fields.id)) as UserRecord;
    other = (await t.store.users.findById(otherSpec.fields.id)) as UserRecord;
  });
  afterAll(async () => {
    await t?.drop();
  });

  function stateAt(): ClientState {
    const active = session('sess_active', user.id, {
      // Verified 30 s and 75 s before T0: the minute counts tick over at T0 + 30 s and T0 + 45 s.
      firstFactorVerifiedAt: T0 - 30_000,
      secondFactorVerifiedAt: T0 - 75_000,
      abandonAt: T0 + 3 * MINUTE + 7,
      expireAt: T0 + 5 * MINUTE + 11,
    });
    const second = session('sess_other', other.id, {
      firstFactorVerifiedAt: T0 - 12_345,
      expireAt: T0 + 4 * MINUTE + 3,
      abandonAt: T0 + 4 * MINUTE + 3,
    });
    const ended = session('sess_ended', user.id, { status: 'ended', endedAt: T0 - MINUTE });
    const client: ClientRecord = {
      id: 'client_text',
      tokenHash: 'x',
      lastActiveSessionId: active.id,
      signInId: 'sia_text',
      signUpId: null,
      createdAt: T0 - MINUTE,
      updatedAt: T0,
      endedAt: null,
    };
    const signIn: SignInRecord = {
      id: 'sia_text',
      clientId: client.id,
      status: 'needs_first_factor',
      identifier: 'text-cache-2@example.com',
      userId: other.id,
      supportedFirstFactors: [{ strategy: 'password' }],
      firstFactorVerification: null,
      secondFactorVerification: null,
      createdSessionId: null,
      abandonAt: T0 + 2 * MINUTE + 500,
      createdAt: T0,
      updatedAt: T0,
    };
    return {
      client,
      sessions: [active, second, ended],
      users: new Map([
        [user.id, user],
        [other.id, other],
      ]),
      memberships: new Map(),
      signIn,
      signUp: null,
    };
  }

  const tokens: ClientJSONOptions = { tokenFor: async (s) => `token-for-${s.id}` };
  const fresh = async (state: ClientState, now: number, options = tokens, settings = DEFAULT_INSTANCE_SETTINGS) =>
    JSON.stringify(await clientStateToJSON(state, settings, now, options));

  it('matches a fresh serialization at every moment the client reads differently, and around it', async () => {
    const state = stateAt();
    const moments = new Set<number>();
    for (let now = T0 - MINUTE; now < T0 + 6 * MINUTE; now = clientTextChangesAt(state, now)) {
      for (const delta of [-1, 0, 1, 499]) moments.add(now + delta);
      if (clientTextChangesAt(state, now) === Number.POSITIVE_INFINITY) break;
    }
    // Expiries, abandonment and minute ticks are all among the change moments.
    for (const boundary of [T0 + 3 * MINUTE + 7, T0 + 5 * MINUTE + 11, T0 + 4 * MINUTE + 3, T0 + 2 * MINUTE + 500]) {
      expect(moments.has(boundary)).toBe(true);
    }
    expect(moments.has(T0 + 30_000) && moments.has(T0 + 45_000)).toBe(true);
    // And moments that do not come from the function under test: every 7 s.
    for (let now = T0 - MINUTE; now < T0 + 6 * MINUTE; now += 7_000) moments.add(now);
    const sorted = [...moments].sort((a, b) => a - b);
    let texts = 0;
    for (const now of sorted) {
      const { text, lastActiveSessionId } = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, now, tokens);
      const expected = await fresh(state, now);
      expect(text, `at T0 ${now - T0 >= 0 ? '+' : ''}${now - T0} ms`).toBe(expected);
      expect(lastActiveSessionId).toBe(JSON.parse(expected).last_active_session_id);
      texts++;
    }
    expect(texts).toBeGreaterThan(40);
    // The walk crossed the active session's abandonment: it is signed out by the end.
    expect(JSON.parse(await fresh(state, T0 + 6 * MINUTE)).last_active_session_id).toBeNull();
  });

  it('reuses the text within a window, and builds it again when the time goes backwards', async () => {
    const state = stateAt();
    const first = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, T0 + 1_000, tokens);
    const again = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, T0 + 29_999, tokens);
    expect(again).toBe(first);
    const earlier = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, T0 + 999, tokens);
    expect(earlier).not.toBe(first);
    expect(earlier.text).toBe(await fresh(state, T0 + 999));
  });

  it('builds the text again for another token or other settings', async () => {
    const state = stateAt();
    const now = T0 + 5_000;
    const first = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, now, tokens);
    const rotated: ClientJSONOptions = { tokenFor: async (s) => `rotated-${s.id}` };
    const withNewToken = await clientStateToText(state, DEFAULT_INSTANCE_SETTINGS, now + 1, rotated);
    expect(withNewToken.text).toContain('rotated-sess_active');
    expect(withNewToken.text).toBe(await fresh(state, now + 1, rotated));
    // Settings are replaced, never modified, when an operator changes them.
    const settings = { ...DEFAULT_INSTANCE_SETTINGS };
    const withNewSettings = await clientStateToText(state, settings, now + 2, rotated);
    expect(withNewSettings).not.toBe(withNewToken);
    expect(withNewSettings.text).toBe(await fresh(state, now + 2, rotated, settings));
    expect(first.text).not.toBe(withNewToken.text);
  });
});
