import type { ServerConfig } from './config.js';
import type { ClientStateCache } from './domain/clients/client-state-cache.js';
import type { Clock } from './domain/clock.js';
import type { CurrentSigner } from './domain/keys/signing-key-cache.js';
import type { RateLimiter } from './domain/protection/rate-limiter.js';
import type { TokenReuseCache } from './domain/tokens/token-reuse-cache.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import type { InstanceRecord } from './store/records.js';
import type { Store } from './store/store.js';

/** What every request handler may use; built once at startup, passed in, never global. */
export interface AppContext {
  store: Store;
  config: ServerConfig;
  clock: Clock;
  logger: Logger;
  instance: InstanceRecord;
  publishableKey: string;
  /** The signing key in force, cached briefly: token minting must not query keys every time. */
  currentSigner: CurrentSigner;
  tokenCache: TokenReuseCache;
  /** Clients with their sessions and users, for the Frontend API's read paths (invalidated on write). */
  clientStates: ClientStateCache;
  rateLimiter: RateLimiter;
  /** Sends every email; development instances also print it and keep it in the dev inbox. */
  mailer: Mailer;
}
