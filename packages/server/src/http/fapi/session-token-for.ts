import type { AppContext } from '../../app-context.js';
import { organizationClaims } from '../../domain/tokens/organization-claim.js';
import { mintSessionToken } from '../../domain/tokens/session-token.js';
import type { SessionRecord, UserRecord } from '../../store/records.js';

/**
 * A session token for `session` as seen from `origin`, reusing one minted for the same session,
 * origin and active organization in the last few seconds (the reuse cache) — the same token the
 * `/tokens` endpoint and the client's `last_active_token` hand out, so a page load and the refresh
 * right after it sign once. `skipCache` (`?debug=skip_cache`) always mints.
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
  const cacheKey = `${session.id}|${origin ?? ''}|${activeOrganizationId ?? ''}`;
  const cached = options.skipCache ? null : app.tokenCache.get(cacheKey, now);
  if (cached) return cached;
  const settings = app.instance.settings.sessions;
  const jwt = mintSessionToken({
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
  app.tokenCache.set(cacheKey, jwt, now);
  return jwt;
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
