import type { AppContext } from '../../app-context.js';
import { mintSessionToken } from '../../domain/tokens/session-token.js';
import type { SessionRecord, UserRecord } from '../../store/records.js';

/**
 * A session token for `session` as seen from `origin`, reusing one minted for the same session and
 * origin in the last few seconds (the reuse cache) — the same token the `/tokens` endpoint and the
 * client's `last_active_token` hand out, so a page load and the refresh right after it sign once.
 */
export async function sessionTokenFor(
  app: AppContext,
  session: SessionRecord,
  user: UserRecord,
  origin: string | null,
  now: number,
  options: { skipCache?: boolean } = {},
): Promise<string> {
  const cacheKey = `${session.id}|${origin ?? ''}|`;
  const cached = options.skipCache ? null : app.tokenCache.get(cacheKey, now);
  if (cached) return cached;
  const settings = app.instance.settings.sessions;
  const jwt = mintSessionToken({
    session,
    user,
    signer: await app.currentSigner(now),
    issuer: `https://${new URL(app.config.frontendApiUrl).host}`,
    authorizedParty: origin,
    now,
    lifetimeSeconds: settings.tokenLifetimeSeconds,
    customClaims: settings.customClaims,
  });
  app.tokenCache.set(cacheKey, jwt, now);
  return jwt;
}
