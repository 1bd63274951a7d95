import { formError, identifierExists } from '../../errors.js';
import { OPERATOR_ROLES, type OperatorRecord, type OperatorRole } from '../../store/operator-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { type EventContext, recordEvent } from '../events/record-event.js';
import { createId } from '../ids.js';
import { hashPassword } from '../passwords/argon2id.js';
import { assertPasswordAllowed, DEFAULT_PASSWORD_POLICY } from '../passwords/password-policy.js';
import { toOperatorJSON } from './operator-json.js';
import { generateTotpSecret } from './totp.js';

export interface NewOperator {
  email: string;
  name?: string | null;
  role: OperatorRole;
  /** Plaintext; hashed with argon2id. Required for production sign-in. */
  password?: string | null;
  /** Enrol a TOTP secret now (returned once, to show as a QR code / otpauth URI). */
  totp?: boolean;
}

export interface CreatedOperator {
  operator: OperatorRecord;
  /** The TOTP secret in plaintext, when one was enrolled: shown once. */
  totpSecret: string | null;
}

/** Operator passwords guard the whole instance: at least 12 characters whatever the app's policy. */
export const OPERATOR_PASSWORD_POLICY = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, maxLength: 256 };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Creates an operator (CLI bootstrap or an owner in the dashboard); records `operator.created`. */
export async function createOperator(
  store: Store,
  input: NewOperator,
  now: number,
  context: EventContext = { actor: { type: 'system', id: null } },
): Promise<CreatedOperator> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) {
    throw formError('form_param_format_invalid', 'email', 'is invalid', 'Give the operator a valid email address.');
  }
  if (!OPERATOR_ROLES.includes(input.role)) {
    throw formError('form_param_value_invalid', 'role', 'is invalid', 'The role must be owner, admin or support.');
  }
  if (input.password != null) assertPasswordAllowed(OPERATOR_PASSWORD_POLICY, input.password);
  const passwordDigest = input.password == null ? null : await hashPassword(input.password);
  const totpSecret = input.totp ? generateTotpSecret() : null;
  const operator: OperatorRecord = {
    id: createId('op', now),
    email,
    name: input.name?.trim() || null,
    role: input.role,
    passwordDigest,
    totpSecret,
    lastTotpStep: null,
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await store.transaction(async (tx) => {
      await tx.operators.insert(operator);
      await recordEvent(tx, { type: 'operator.created', data: toOperatorJSON(operator), now, context });
    });
  } catch (error) {
    if (error instanceof UniqueViolation) {
      throw identifierExists('email', 'An operator with this email address already exists.');
    }
    throw error;
  }
  return { operator, totpSecret };
}
