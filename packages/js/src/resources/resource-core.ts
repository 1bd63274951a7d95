import type { GetTokenOptions } from '../tokens/get-token-options.js';
import type { FapiAnswer, FapiRequest } from '../transport/fapi-transport.js';
import type { Session } from './session.js';

/**
 * What resources need from the `Latch` instance that made them: a way to call the Frontend API
 * (whose piggy-backed client then becomes the instance's state) and the token machinery. Keeping it
 * to an interface lets resources stay plain data classes.
 */
export interface ResourceCore {
  request(request: FapiRequest): Promise<FapiAnswer>;
  getToken(session: Session, options: GetTokenOptions): Promise<string | null>;
  /** The instance's active session id, for `_clerk_session_id` when a resource has none of its own. */
  activeSessionId(): string | null;
}
