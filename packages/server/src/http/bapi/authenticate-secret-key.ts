import { authenticateSecretKey } from '../../domain/keys/secret-keys.js';
import { LatchAPIError } from '../../errors.js';
import type { Store } from '../../store/store.js';

/**
 * Checks `Authorization: Bearer sk_…`. Clerk's own codes, so SDKs and scripts that switch on them
 * keep working; the messages say what to fix.
 */
export async function requireSecretKey(request: Request, store: Store): Promise<void> {
  const header = request.headers.get('authorization');
  if (!header) {
    throw LatchAPIError.single(
      401,
      'authorization_header_missing',
      'Authorization header missing',
      'Send your secret key as `Authorization: Bearer sk_…`.',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw LatchAPIError.single(
      401,
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      'The Authorization header must be `Bearer <secret key>`.',
    );
  }
  if (!(await authenticateSecretKey(store, match[1]))) {
    throw LatchAPIError.single(
      401,
      'clerk_key_invalid',
      'The provided secret key is invalid.',
      'The secret key is unknown or revoked. Create one with `latch keys create`.',
    );
  }
}
