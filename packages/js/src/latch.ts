import { AppCookies, cookieSuffix } from './app-cookies.js';
import { isLatchAPIResponseError, LatchRuntimeError } from './errors.js';
import { type NavigationOptions, navigateTo, withRedirectUrl } from './navigation.js';
import { frontendApiBase, type InstanceType, parsePublishableKey } from './publishable-key.js';
import { Client } from './resources/client.js';
import { Environment } from './resources/environment.js';
import type { ClientJSON, EnvironmentJSON } from './resources/json.js';
import { type Organization, toOrganization } from './resources/organization.js';

export type { Organization };

import type { ResourceCore } from './resources/resource-core.js';
import type { Session } from './resources/session.js';
import type { User } from './resources/user.js';
import { browserRuntime } from './runtime/browser-runtime.js';
import type { LatchRuntime } from './runtime/runtime.js';
import type { TabMessage } from './tab-sync.js';
import { SessionTokens } from './tokens/session-tokens.js';
import type { FapiAnswer, FapiRequest } from './transport/fapi-transport.js';
import { FapiTransport } from './transport/fapi-transport.js';
import { LATCH_JS_VERSION } from './version.js';

export interface LatchOptions {
  /**
   * Where the Frontend API is reached instead of the key's host: a same-origin path such as
   * `/__latch` (first-party cookies, no CORS) or an absolute URL.
   */
  proxyUrl?: string;
  /** Replaces parts of the browser environment (fetch, cookies, tab channel, focus events, clock). */
  runtime?: Partial<LatchRuntime>;
  /**
   * Touch the active session when the tab regains focus, so an instance with an inactivity timeout
   * keeps sessions that are in use alive (clerk-js's `touchSession`; default true).
   */
  touchSession?: boolean;
}

/** What listeners receive: the state after a change. */
export interface LatchResources {
  client: Client | null;
  session: Session | null;
  user: User | null;
  organization: Organization | null;
}

export type LatchListener = (resources: LatchResources) => void;

export interface SetActiveParams {
  /** A session (or its id) of this client; `null` signs the tab out locally without ending sessions. */
  session?: Session | string | null;
  /** Organization to make active: an organization (or its id), or `null` for the personal account. */
  organization?: { id: string } | string | null;
  /** Where to go once the session is active (through the router given to `load()`). */
  redirectUrl?: string;
  /** Called once the session is active, instead of `redirectUrl` (clerk-js's `navigate`). */
  navigate?: (params: { session: Session; decorateUrl: (url: string) => string }) => unknown;
}

export interface SignOutOptions {
  /** Sign out of this session only; by default every session of the client ends. */
  sessionId?: string;
  /**
   * Where to go afterwards. Unlike clerk-js, which always navigates (to `afterSignOutUrl`), the SDK
   * stays on the page unless asked: listeners already see the signed-out state.
   */
  redirectUrl?: string;
}

export type LoadOptions = NavigationOptions;

/**
 * Latch in the browser: the Frontend API client, the sign-in state and session tokens. The
 * counterpart of clerk-js's `Clerk` class, with the same names.
 *
 * @example
 * const latch = new Latch(publishableKey, { proxyUrl: '/__latch' });
 * await latch.load();
 * latch.addListener(({ user }) => render(user));
 * const signIn = await latch.client?.signIn.create({ identifier, strategy: 'password', password });
 * await latch.setActive({ session: signIn?.createdSessionId });
 */
export class Latch {
  readonly publishableKey: string;
  readonly proxyUrl: string | undefined;
  readonly instanceType: InstanceType;
  readonly version = LATCH_JS_VERSION;
  /** Base URL of the Frontend API (without `/v1`). */
  readonly frontendApi: string;

  loaded = false;
  environment: Environment | null = null;
  client: Client | null = null;

  readonly #runtime: LatchRuntime;
  readonly #transport: FapiTransport;
  readonly #tokens: SessionTokens;
  readonly #listeners = new Set<LatchListener>();
  readonly #core: ResourceCore;
  readonly #teardown: (() => void)[] = [];
  #cookies: AppCookies | null = null;
  #activeSessionId: string | null = null;
  #loading: Promise<void> | null = null;
  #navigation: NavigationOptions = {};
  readonly #touchSession: boolean;

  constructor(publishableKey: string, options: LatchOptions = {}) {
    this.instanceType = parsePublishableKey(publishableKey).instanceType;
    this.publishableKey = publishableKey;
    this.proxyUrl = options.proxyUrl;
    this.#touchSession = options.touchSession ?? true;
    // The browser defaults are built here, not at import: importing the SDK stays side-effect free.
    this.#runtime = browserRuntime(`latch:${publishableKey}`, options.runtime ?? {});
    if (options.proxyUrl?.startsWith('/') && !this.#runtime.pageUrl) {
      throw new LatchRuntimeError('invalid_proxy_url', 'A relative proxyUrl needs a page URL to resolve against.');
    }
    this.frontendApi = frontendApiBase(publishableKey, options.proxyUrl, this.#runtime.pageUrl ?? undefined);
    this.#transport = new FapiTransport(this.frontendApi, this.#runtime, LATCH_JS_VERSION);
    this.#tokens = new SessionTokens({
      request: (request) => this.#request(request),
      now: () => this.#runtime.now(),
      channel: this.#runtime.channel,
      findSession: (sessionId) => this.client?.sessions.find((session) => session.id === sessionId),
      activeSessionId: () => this.#activeSessionId,
      onActiveToken: (jwt) => this.#cookies?.setSessionToken(jwt),
    });
    this.#core = {
      request: (request) => this.#request(request),
      getToken: (session, tokenOptions) => this.#tokens.get(session.id, tokenOptions),
      activeSessionId: () => this.#activeSessionId,
    };
  }

  /** The active session, or null when signed out. */
  get session(): Session | null {
    if (!this.#activeSessionId || !this.client) return null;
    return this.client.sessions.find((session) => session.id === this.#activeSessionId) ?? null;
  }

  get user(): User | null {
    return this.session?.user ?? null;
  }

  /** The session's active organization (from the user's memberships), or null for the personal account. */
  get organization(): Organization | null {
    const organizationId = this.session?.lastActiveOrganizationId;
    if (!organizationId) return null;
    for (const membership of this.user?.organizationMemberships ?? []) {
      const organization = (membership as { organization?: { id?: unknown } }).organization;
      if (organization?.id === organizationId)
        return toOrganization(this.#core, organization, this.session?.id ?? null);
    }
    return null;
  }

  get isSignedIn(): boolean {
    return this.session !== null;
  }

  /**
   * Fetches the instance's environment and this browser's client, picks the client's last active
   * session and starts keeping its token (and the `__session` cookie) fresh. Safe to call twice.
   */
  load(options: LoadOptions = {}): Promise<void> {
    if (Object.keys(options).length > 0) this.#navigation = { ...this.#navigation, ...options };
    // A failed load (offline) may be retried; a successful or running one is shared.
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = null;
      throw error;
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    const runtime = this.#runtime;
    if (runtime.cookies) {
      const page = runtime.pageUrl ? new URL(runtime.pageUrl) : null;
      this.#cookies = new AppCookies(runtime.cookies, {
        suffix: await cookieSuffix(this.publishableKey),
        secure: page?.protocol === 'https:',
        writeClientUat: page !== null && page.hostname !== new URL(this.frontendApi).hostname,
      });
    }
    const [environment] = await Promise.all([
      this.#transport.request({ method: 'GET', path: '/environment' }),
      this.#request({ method: 'GET', path: '/client' }),
    ]);
    this.environment = new Environment(environment.response as EnvironmentJSON);
    this.#activeSessionId = this.client?.lastActiveSessionId ?? null;
    // A token failure must not fail the load: the next getToken() or refresh tries again.
    if (this.session) await this.#tokens.get(this.session.id, {}).catch(() => null);
    else this.#cookies?.setSessionToken(null);
    this.#syncClientUat();
    // Subscribed only after a successful load, so a retried load does not subscribe twice.
    if (runtime.channel) this.#teardown.push(runtime.channel.subscribe((message) => this.#onTabMessage(message)));
    if (runtime.lifecycle) this.#teardown.push(runtime.lifecycle.onResume(() => this.#onResume()));
    this.loaded = true;
    this.#emit();
  }

  /**
   * Calls `listener` with `{ client, session, user }` now (once loaded) and after every change.
   * Returns the function that removes it.
   */
  addListener(listener: LatchListener, options: { skipInitialEmit?: boolean } = {}): () => void {
    this.#listeners.add(listener);
    if (this.loaded && !options.skipInitialEmit) listener(this.#resources());
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Makes a session (and organization) the active one: touches it on the server, fetches its
   * token, writes `__session` and tells the other tabs.
   */
  async setActive(params: SetActiveParams): Promise<void> {
    await this.load();
    const sessionId =
      params.session === undefined
        ? this.#activeSessionId
        : typeof params.session === 'string' || params.session === null
          ? params.session
          : params.session.id;
    if (sessionId === null) {
      this.#becomeSignedOut(null, true);
      return;
    }
    const organizationId =
      params.organization === undefined || params.organization === null || typeof params.organization === 'string'
        ? params.organization
        : params.organization.id;
    const body: Record<string, unknown> =
      organizationId === undefined
        ? { intent: 'select_session' }
        : { activeOrganizationId: organizationId ?? '', intent: 'select_org' };
    // The session's organization may change: its previous token must not be handed out. (Forgotten
    // before the touch, whose piggy-backed client brings the token for the new organization.)
    if (params.organization !== undefined) this.#tokens.forget(sessionId);
    await this.#request({ method: 'POST', path: `/client/sessions/${sessionId}/touch`, body });
    const switched = this.#activeSessionId !== sessionId;
    this.#activeSessionId = sessionId;
    await this.#tokens.get(sessionId, {});
    this.#syncClientUat();
    this.#emit();
    if (switched || params.organization !== undefined) {
      this.#runtime.channel?.post({ type: 'active_session', sessionId });
    }
    const session = this.session;
    if (params.navigate && session) await params.navigate({ session, decorateUrl: (url) => url });
    else if (params.redirectUrl) await this.navigate(params.redirectUrl);
  }

  /**
   * Signs out: every session of this client by default, or the one named by `sessionId`. Other
   * tabs follow. Also accepts clerk-js's `signOut(callback, options)` form.
   */
  async signOut(options?: SignOutOptions): Promise<void>;
  async signOut(callback: () => unknown, options?: SignOutOptions): Promise<void>;
  async signOut(first?: SignOutOptions | (() => unknown), second?: SignOutOptions): Promise<void> {
    const callback = typeof first === 'function' ? first : undefined;
    const options = (typeof first === 'function' ? second : first) ?? {};
    await this.load();
    const onlyOne =
      options.sessionId !== undefined &&
      (this.client?.sessions.some((session) => session.id !== options.sessionId) ?? false);
    if (onlyOne && options.sessionId) {
      await this.#request({ method: 'POST', path: `/client/sessions/${options.sessionId}/remove` });
      this.#tokens.forget(options.sessionId);
      if (options.sessionId === this.#activeSessionId) this.#becomeSignedOut(options.sessionId, true);
    } else {
      const ended = this.#activeSessionId;
      await this.#request({ method: 'DELETE', path: '/client/sessions' });
      this.#tokens.forget();
      this.#becomeSignedOut(ended, true);
    }
    await callback?.();
    if (options.redirectUrl) await this.navigate(options.redirectUrl);
  }

  /** Goes to `to` through the router given to `load()`, else with a page load. */
  navigate(to: string, options: { replace?: boolean } = {}): Promise<void> {
    return navigateTo(to, this.#navigation, options.replace ? 'replace' : 'push');
  }

  /** The sign-in page's URL (`load({ signInUrl })` or the instance's), with `redirect_url` back. */
  buildSignInUrl(options: { redirectUrl?: string } = {}): string {
    const base = this.#navigation.signInUrl ?? this.environment?.displayConfig.signInUrl ?? '/sign-in';
    return withRedirectUrl(base, options.redirectUrl ?? this.#runtime.pageUrl ?? undefined);
  }

  buildSignUpUrl(options: { redirectUrl?: string } = {}): string {
    const base = this.#navigation.signUpUrl ?? this.environment?.displayConfig.signUpUrl ?? '/sign-up';
    return withRedirectUrl(base, options.redirectUrl ?? this.#runtime.pageUrl ?? undefined);
  }

  buildAfterSignOutUrl(): string {
    return this.#navigation.afterSignOutUrl ?? this.environment?.displayConfig.afterSignOutOneUrl ?? '/';
  }

  redirectToSignIn(options: { redirectUrl?: string } = {}): Promise<void> {
    return this.navigate(this.buildSignInUrl(options));
  }

  redirectToSignUp(options: { redirectUrl?: string } = {}): Promise<void> {
    return this.navigate(this.buildSignUpUrl(options));
  }

  /**
   * Creates an organization with the signed-in user as its admin (`POST /v1/organizations`); make it
   * active with `setActive({ organization })`.
   */
  async createOrganization(params: { name: string; slug?: string }): Promise<Organization> {
    const { response } = await this.#request({
      method: 'POST',
      path: '/organizations',
      body: { ...params },
      sessionId: this.#activeSessionId,
    });
    return toOrganization(this.#core, response, this.#activeSessionId);
  }

  /** An organization the signed-in user belongs to. */
  async getOrganization(organizationId: string): Promise<Organization> {
    const { response } = await this.#request({
      method: 'GET',
      path: `/organizations/${encodeURIComponent(organizationId)}`,
      sessionId: this.#activeSessionId,
    });
    return toOrganization(this.#core, response, this.#activeSessionId);
  }

  /** What clerk-js does on a 401: re-reads the client; a session that ended is dropped. */
  async handleUnauthenticated(): Promise<void> {
    try {
      await this.#request({ method: 'GET', path: '/client' });
    } catch {
      // Offline or the server is down: keep the current state rather than sign out on a guess.
    }
  }

  /** Stops timers and listeners (tests, hot module reload). */
  destroy(): void {
    this.#tokens.stopRefreshing();
    for (const stop of this.#teardown.splice(0)) stop();
    this.#runtime.channel?.close();
    this.#listeners.clear();
  }

  // ── internals ────────────────────────────────────────────────────────────

  async #request(request: FapiRequest): Promise<FapiAnswer> {
    let answer: FapiAnswer;
    try {
      answer = await this.#transport.request(request);
    } catch (error) {
      // A 401 on a session's own endpoints means the session ended elsewhere (another device,
      // the Backend API): find out and stop pretending to be signed in.
      if (
        isLatchAPIResponseError(error) &&
        error.status === 401 &&
        (request.path.startsWith('/me') || request.path.startsWith('/client/sessions/'))
      ) {
        await this.handleUnauthenticated();
      }
      throw error;
    }
    if (answer.client !== undefined) this.#applyClient(answer.client);
    return answer;
  }

  /** A piggy-backed client becomes the state; a vanished active session means signed out. */
  #applyClient(json: ClientJSON | null): void {
    this.client = new Client(this.#core, json);
    for (const session of this.client.sessions) {
      if (session.lastActiveToken) {
        this.#tokens.prime(session.id, session.lastActiveOrganizationId, session.lastActiveToken.jwt);
      }
    }
    if (this.#activeSessionId && !this.session) {
      this.#becomeSignedOut(this.#activeSessionId, true);
      return;
    }
    this.#syncClientUat();
    if (this.loaded) this.#emit();
  }

  #becomeSignedOut(sessionId: string | null, tellOtherTabs: boolean): void {
    const wasSignedIn = this.#activeSessionId !== null;
    this.#activeSessionId = null;
    if (sessionId) this.#tokens.forget(sessionId);
    this.#tokens.stopRefreshing();
    this.#cookies?.setSessionToken(null);
    this.#syncClientUat();
    if (this.loaded && wasSignedIn) this.#emit();
    if (tellOtherTabs && wasSignedIn) this.#runtime.channel?.post({ type: 'signed_out', sessionId });
  }

  /** Back to the tab (focus, visible): timers may have been throttled while it was hidden. */
  #onResume(): void {
    const session = this.loaded ? this.session : null;
    if (!session) return;
    void this.#tokens.refreshActive();
    if (this.#touchSession) {
      // No active_organization_id: the session's organization stays as it is.
      const body = { intent: 'focus' };
      this.#request({ method: 'POST', path: `/client/sessions/${session.id}/touch`, body }).catch(() => {
        // Best effort: a failed touch changes nothing the user would notice now.
      });
    }
  }

  #onTabMessage(message: TabMessage): void {
    if (message.type === 'token') {
      this.#tokens.acceptFromTab(message);
      return;
    }
    if (message.type === 'signed_out') {
      if (message.sessionId === null || message.sessionId === this.#activeSessionId) {
        this.#tokens.forget(message.sessionId ?? undefined);
        this.#becomeSignedOut(this.#activeSessionId, false);
      }
      void this.handleUnauthenticated();
      return;
    }
    void this.#followActiveSession(message.sessionId);
  }

  /** Another tab switched sessions (or signed in): re-read the client and follow. */
  async #followActiveSession(sessionId: string | null): Promise<void> {
    if (!this.loaded) return;
    if (sessionId === null) {
      this.#becomeSignedOut(this.#activeSessionId, false);
      return;
    }
    try {
      await this.#request({ method: 'GET', path: '/client' });
    } catch {
      return;
    }
    if (!this.client?.sessions.some((session) => session.id === sessionId)) return;
    this.#activeSessionId = sessionId;
    await this.#tokens.get(sessionId, {}).catch(() => null);
    this.#syncClientUat();
    this.#emit();
  }

  #syncClientUat(): void {
    const updatedAt = this.client?.updatedAt;
    this.#cookies?.setClientUat(this.session && updatedAt ? Math.floor(updatedAt.getTime() / 1000) : 0);
  }

  #resources(): LatchResources {
    return { client: this.client, session: this.session, user: this.user, organization: this.organization };
  }

  #emit(): void {
    const resources = this.#resources();
    for (const listener of [...this.#listeners]) listener(resources);
  }
}
