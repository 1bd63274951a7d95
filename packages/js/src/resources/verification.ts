import { toDate } from './convert.js';
import type { VerificationJSON } from './json.js';

/** State of one verification (a code sent to an email address, a password check…). */
export class Verification {
  readonly status: VerificationJSON['status'];
  readonly strategy: string | null;
  readonly attempts: number | null;
  readonly expireAt: Date | null;
  readonly error: { code: string; message: string; longMessage?: string } | null;
  /** Sign-up verifications: `needs_prepare`, `needs_attempt` or `''`. */
  readonly nextAction: string;
  readonly supportedStrategies: string[];

  constructor(json: VerificationJSON | null) {
    this.status = json?.status ?? null;
    this.strategy = json?.strategy ?? null;
    this.attempts = json?.attempts ?? null;
    this.expireAt = toDate(json?.expire_at);
    this.error = json?.error
      ? {
          code: json.error.code,
          message: json.error.message,
          ...(json.error.long_message ? { longMessage: json.error.long_message } : {}),
        }
      : null;
    this.nextAction = json?.next_action ?? '';
    this.supportedStrategies = json?.supported_strategies ?? [];
  }
}
