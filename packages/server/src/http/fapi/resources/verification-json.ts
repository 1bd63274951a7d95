import type { VerificationRecord } from '../../../store/records.js';

/** A verification for the browser: status and budget, never the code or its hash. */
export function toVerificationJSON(verification: VerificationRecord | null, supportedStrategies?: string[]) {
  if (!verification) return null;
  return {
    object: 'verification',
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expireAt,
    ...(supportedStrategies
      ? {
          next_action: verification.status === 'unverified' ? 'needs_attempt' : '',
          supported_strategies: supportedStrategies,
        }
      : {}),
  };
}
