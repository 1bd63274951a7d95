import type { SigningKeyRecord } from '../../store/records.js';
import type { SigningKeyStatus } from './signing-key-status.js';

/** A signing key as the Backend API (and the audit log) shows it: never the private key. */
export const toSigningKeyJSON = ({ key, status }: { key: SigningKeyRecord; status: SigningKeyStatus }) => ({
  object: 'signing_key' as const,
  kid: key.kid,
  status,
  created_at: key.createdAt,
  activates_at: key.activatesAt,
  retires_at: key.retiresAt,
});
