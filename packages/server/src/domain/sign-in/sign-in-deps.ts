import type { Logger } from '../../logger.js';
import type { Mailer } from '../../mail/mailer.js';
import type { InstanceSettings, SessionActivity } from '../../store/records.js';
import type { Store } from '../../store/store.js';

/** What the sign-in state machine works with; the Frontend API builds one per request. */
export interface SignInDeps {
  store: Store;
  settings: InstanceSettings;
  mailer: Mailer;
  logger: Logger;
  now: number;
  /** When the instance was created: fabricated identifier ids are dated within its lifetime. */
  instanceCreatedAt: number;
  /** Device data for the session a completed sign-in creates. */
  activity: SessionActivity;
  /**
   * The client was created by this request and is not stored yet: it has no session and no attempt,
   * no other request can reach it (its token has not left this response) — the checks against its
   * sessions are moot — and the attempt's first write stores it. Every successful step that starts
   * from a new client writes it; one refused before its first write leaves nothing behind (and sets no cookie).
   */
  clientIsNew: boolean;
}
