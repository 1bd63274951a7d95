import type { AppContext } from '../../app-context.js';
import { organizationClaims } from '../../domain/tokens/organization-claim.js';
import { mintSessionTokenOffThread } from '../../domain/tokens/session-token.js';
import type { SessionRecord, UserRecord } from '../../store/records.js';

/**
 * A session token for `session` as seen from `origin`, reusing one minted for the same session,
 * origin and active organization in the last few seconds (the reuse cache) — the same token the
 * `/tokens` endpoint and the client's `last_active_token` hand out, so a page load and the refresh
 * right after it sign once. Requests arriving while that token is being signed share its signature.
 * `skipCache` (`?debug=skip_cache`) always mints. Signing runs on the signing thread
 * (docs/decisions/0013), so the event loop serves other requests meanwhile.
 */
export async function sessionTokenFor(
  app: AppContext,
  session: SessionRecord,
  user: UserRecord,
  origin: string | null,
  now: number,
  options: { skipCache?: boolean } = {},
): Promise<string> {
  const activeOrganizationId = session.lastActiveOrganizationId;
  const cacheKey = sessionTokenCacheKey(session, origin);
  const mint = async () => {
    const settings = app.instance.settings.sessions;
    return mintSessionTokenOffThread({
      session,
      user,
      signer: await app.currentSigner(now),
      issuer: issuerOf(app.config.frontendApiUrl),
      authorizedParty: origin,
      now,
      lifetimeSeconds: settings.tokenLifetimeSeconds,
      customClaims: settings.customClaims,
      // The active organization's `o`/`fea` claims (PROTOCOL.md §4.2), read at every mint so a removed
      // member's next token has none; the personal account costs no query.
      organization: activeOrganizationId ? await organizationClaims(app.store, session) : null,
    });
  };
  if (!options.skipCache) return app.tokenCache.reuseOrMint(cacheKey, now, mint);
  const jwt = await mint();
  app.tokenCache.set(cacheKey, jwt, now);
  return jwt;
}

/**
 * The token `sessionTokenFor` would hand out right now without minting or waiting: a reusable one
 * for the same session, origin and organization; null when it would have to sign (or wait for a
 * signature in flight).
 */
export function reusableSessionToken(
  app: Pick<AppContext, 'tokenCache'>,
  session: SessionRecord,
  origin: string | null,
  now: number,
): string | null {
  return app.tokenCache.get(sessionTokenCacheKey(session, origin), now);
}

/** Tokens are reused per session, calling origin (the `azp` claim) and active organization (`o`). */
function sessionTokenCacheKey(session: SessionRecord, origin: string | null): string {
  return `${session.id}|${origin ?? ''}|${session.lastActiveOrganizationId ?? ''}`;
}

const issuers = new Map<string, string>();

/** `https://<Frontend API host>`, parsed once per configured URL (every minted token carries it). */
function issuerOf(frontendApiUrl: string): string {
  let issuer = issuers.get(frontendApiUrl);
  if (issuer === undefined) {
    issuer = `https://${new URL(frontendApiUrl).host}`;
    issuers.set(frontendApiUrl, issuer);
  }
  return issuer;
}
