import { isLatchAPIResponseError } from '../errors.js';
import type { TokenJSON } from '../resources/json.js';
import type { TabChannel } from '../runtime/runtime.js';
import type { TabMessage } from '../tab-sync.js';
import type { FapiAnswer, FapiRequest } from '../transport/fapi-transport.js';
import type { GetTokenOptions } from './get-token-options.js';
import { isFresh, refreshLeadMs, TokenCache } from './token-cache.js';

export const DEFAULT_LEEWAY_MS = 10_000;
/**
 * Refreshes are never closer together than this: a server that keeps handing back a token this
 * tab's clock already considers old (clocks a few seconds apart) must not cause a request loop.
 */
const MIN_REFRESH_DELAY_MS = 2_000;
const RETRY_AFTER_FAILURE_MS = 5_000;

/** What the token machinery needs from the `Latch` instance. */
export interface SessionTokensHost {
  request(request: FapiRequest): Promise<FapiAnswer>;
  now(): number;
  channel: TabChannel | null;
  /** A live session of the current client. */
  findSession(sessionId: string): { id: string; lastActiveOrganizationId: string | null } | undefined;
  activeSessionId(): string | null;
  /** The active session's current token (fresh or confirmed from cache): mirror it into `__session`. */
  onActiveToken(jwt: string): void;
}

/**
 * Session and template tokens: cached, fetched once per key at a time, shared with other tabs, and —
 * for the active session's own token — refreshed shortly before expiry so `__session` never goes stale
 * while the tab is open.
 */
export class SessionTokens {
  readonly #cache = new TokenCache();
  readonly #inflight = new Map<string, Promise<string | null>>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: SessionTokensHost) {}

  /** `session.getToken(options)`: null when the session is not (or no longer) live. */
  async get(sessionId: string, options: GetTokenOptions): Promise<string | null> {
    const session = this.host.findSession(sessionId);
    if (!session) return null;
    const organizationId =
      options.organizationId === undefined ? session.lastActiveOrganizationId : options.organizationId;
    const key = TokenCache.key(sessionId, options.template, organizationId);
    const leewayMs = options.leewayInSeconds === undefined ? DEFAULT_LEEWAY_MS : options.leewayInSeconds * 1000;
    const isCookieToken = () =>
      sessionId === this.host.activeSessionId() &&
      options.template === undefined &&
      organizationId === session.lastActiveOrganizationId;

    const cached = this.#cache.get(key);
    if (!options.skipCache && cached && isFresh(cached, this.host.now(), leewayMs)) {
      if (isCookieToken()) this.#onActiveToken(cached.jwt);
      return cached.jwt;
    }
    const pending = this.#inflight.get(key);
    if (pending && !options.skipCache) return pending;

    const fetching = this.#fetch(sessionId, key, options, organizationId).finally(() => {
      if (this.#inflight.get(key) === fetching) this.#inflight.delete(key);
    });
    this.#inflight.set(key, fetching);
    const jwt = await fetching;
    if (jwt && isCookieToken()) this.#onActiveToken(jwt);
    return jwt;
  }

  /** A token that arrived with the client (`last_active_token`): saves the first `/tokens` call. */
  prime(sessionId: string, organizationId: string | null, jwt: string): void {
    this.#cache.put(TokenCache.key(sessionId, undefined, organizationId), sessionId, jwt, this.host.now());
  }

  /** Another tab fetched a token: reuse it, and push this tab's refresh back accordingly. */
  acceptFromTab(message: Extract<TabMessage, { type: 'token' }>): void {
    const token = this.#cache.put(message.cacheKey, message.sessionId, message.jwt, message.receivedAt);
    if (token && message.sessionId === this.host.activeSessionId()) this.#scheduleRefresh();
  }

  /** Drops a session's tokens (it ended, or its organization changed); without an id, all of them. */
  forget(sessionId?: string): void {
    this.#cache.clear(sessionId);
  }

  stopRefreshing(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Makes sure the active session's token has more than `leewayMs` left (focus, timers). */
  async refreshActive(leewayMs = DEFAULT_LEEWAY_MS): Promise<void> {
    const sessionId = this.host.activeSessionId();
    if (!sessionId) return;
    try {
      await this.get(sessionId, { leewayInSeconds: leewayMs / 1000 });
    } catch {
      // Offline or the server is down: try again shortly rather than give up on the session.
      this.#setTimer(() => void this.refreshActive(leewayMs), RETRY_AFTER_FAILURE_MS);
    }
  }

  async #fetch(
    sessionId: string,
    key: string,
    options: GetTokenOptions,
    organizationId: string | null,
  ): Promise<string | null> {
    const path = options.template
      ? `/client/sessions/${sessionId}/tokens/${encodeURIComponent(options.template)}`
      : `/client/sessions/${sessionId}/tokens`;
    let answer: FapiAnswer;
    try {
      answer = await this.host.request({
        method: 'POST',
        path,
        body: options.organizationId === undefined ? {} : { organizationId: organizationId ?? '' },
        ...(options.skipCache ? { search: { debug: 'skip_cache' } } : {}),
      });
    } catch (error) {
      // The session ended (the host re-reads the client on a 401): no token, like clerk-js.
      if (isLatchAPIResponseError(error) && error.status === 401) return null;
      throw error;
    }
    const jwt = (answer.response as TokenJSON | null)?.jwt;
    if (typeof jwt !== 'string') return null;
    const receivedAt = this.host.now();
    this.#cache.put(key, sessionId, jwt, receivedAt);
    this.host.channel?.post({ type: 'token', sessionId, cacheKey: key, jwt, receivedAt });
    return jwt;
  }

  #onActiveToken(jwt: string): void {
    this.host.onActiveToken(jwt);
    this.#scheduleRefresh();
  }

  #scheduleRefresh(): void {
    this.stopRefreshing();
    const sessionId = this.host.activeSessionId();
    const session = sessionId ? this.host.findSession(sessionId) : undefined;
    if (!session) return;
    const token = this.#cache.get(TokenCache.key(session.id, undefined, session.lastActiveOrganizationId));
    if (!token) return;
    const lead = refreshLeadMs(token.lifetimeMs);
    const delay = Math.max(MIN_REFRESH_DELAY_MS, token.expiresAt - lead - this.host.now());
    // A leeway equal to the lead: if another tab refreshed in the meantime, its token is reused.
    this.#setTimer(() => void this.refreshActive(lead), delay);
  }

  #setTimer(run: () => void, delay: number): void {
    this.stopRefreshing();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      run();
    }, delay);
    // In Node (tests, SSR) a pending refresh must not keep the process alive.
    (this.#timer as { unref?: () => void }).unref?.();
  }
}
