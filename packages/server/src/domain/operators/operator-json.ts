import type { OperatorRecord } from '../../store/operator-store.js';

/** What the dashboard and the audit log see of an operator: never a digest or a TOTP secret. */
export function toOperatorJSON(operator: OperatorRecord) {
  return {
    object: 'operator' as const,
    id: operator.id,
    email: operator.email,
    name: operator.name,
    role: operator.role,
    has_password: operator.passwordDigest !== null,
    totp_enabled: operator.totpSecret !== null,
    last_sign_in_at: operator.lastSignInAt,
    created_at: operator.createdAt,
    updated_at: operator.updatedAt,
  };
}
export type OperatorJSON = ReturnType<typeof toOperatorJSON>;
