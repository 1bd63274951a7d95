import { toDate } from './convert.js';
import type { ClientJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';
import { Session } from './session.js';
import { SignIn } from './sign-in.js';
import { SignUp } from './sign-up.js';

/**
 * This browser's client: its sessions and its current sign-in and sign-up attempts. `signIn` and
 * `signUp` are always objects (empty until `create()`), as in clerk-js.
 */
export class Client {
  readonly id: string;
  readonly sessions: Session[];
  readonly signIn: SignIn;
  readonly signUp: SignUp;
  readonly lastActiveSessionId: string | null;
  readonly cookieExpiresAt: Date | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;

  constructor(
    private readonly core: ResourceCore,
    json: ClientJSON | null,
  ) {
    this.id = json?.id ?? '';
    this.sessions = (json?.sessions ?? []).map((session) => new Session(core, session));
    this.signIn = new SignIn(core, json?.sign_in ?? null);
    this.signUp = new SignUp(core, json?.sign_up ?? null);
    this.lastActiveSessionId = json?.last_active_session_id ?? null;
    this.cookieExpiresAt = toDate(json?.cookie_expires_at);
    this.createdAt = toDate(json?.created_at);
    this.updatedAt = toDate(json?.updated_at);
  }

  /** Sessions that are signed in (not pending a task). */
  get activeSessions(): Session[] {
    return this.sessions.filter((session) => session.status === 'active');
  }

  /** Signs every session of this client out (`DELETE /v1/client/sessions`); prefer `latch.signOut()`. */
  async removeSessions(): Promise<void> {
    await this.core.request({ method: 'DELETE', path: '/client/sessions' });
  }

  /** Forgets the client altogether (`DELETE /v1/client`). */
  async destroy(): Promise<void> {
    await this.core.request({ method: 'DELETE', path: '/client' });
  }

  async reload(): Promise<void> {
    await this.core.request({ method: 'GET', path: '/client' });
  }
}
