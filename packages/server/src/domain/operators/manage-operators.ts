import { LatchAPIError, resourceNotFound } from '../../errors.js';
import type { OperatorRecord, OperatorRole } from '../../store/operator-store.js';
import type { Store } from '../../store/store.js';
import { recordEvent } from '../events/record-event.js';
import { toOperatorJSON } from './operator-json.js';
import { createSignInLink } from './operator-sessions.js';

/**
 * What an owner does to other operators from the dashboard: change a role, remove, hand out a new
 * sign-in link. Every change records an `operator.*` event (the audit log's entry); its actor comes
 * from the request (the operator, or the secret key).
 */

/** Refuses a change that would leave the instance with nobody who can manage operators. */
const lastOwnerError = () =>
  LatchAPIError.single(
    422,
    'form_param_value_invalid',
    'last owner',
    'An instance needs at least one owner. Make another operator an owner first.',
    'role',
  );

const selfError = (what: string) =>
  LatchAPIError.single(
    422,
    'form_param_value_invalid',
    'not yourself',
    `You cannot ${what} yourself. Ask another owner.`,
    'operator_id',
  );

async function requireOperator(store: Store, id: string): Promise<OperatorRecord> {
  const operator = await store.operators.findById(id);
  if (!operator) throw resourceNotFound('operator');
  return operator;
}

/** Held while an operator's role or existence changes: two demotions at once cannot both pass the last-owner check. */
const OWNERS_LOCK = 'operators:owners';

/** Whether `operator` is the only owner left (take OWNERS_LOCK first). */
async function isLastOwner(store: Store, operator: OperatorRecord): Promise<boolean> {
  if (operator.role !== 'owner') return false;
  const owners = (await store.operators.list()).filter((other) => other.role === 'owner');
  return owners.length <= 1;
}

/**
 * Changes an operator's role and/or name. `callerId` is the operator making the call (null for a
 * secret key): nobody changes their own role, so an owner cannot lock themselves out by mistake.
 */
export async function updateOperator(
  store: Store,
  id: string,
  fields: { role?: OperatorRole; name?: string | null },
  callerId: string | null,
  now: number,
): Promise<OperatorRecord> {
  return store.transaction(async (tx) => {
    await tx.lock(OWNERS_LOCK);
    const operator = await requireOperator(tx, id);
    const roleChanges = fields.role !== undefined && fields.role !== operator.role;
    if (roleChanges && callerId === id) throw selfError('change the role of');
    if (roleChanges && (await isLastOwner(tx, operator))) throw lastOwnerError();
    const name = fields.name === undefined ? undefined : fields.name?.trim() || null;
    await tx.operators.update(id, { role: fields.role, name }, now);
    const updated: OperatorRecord = {
      ...operator,
      role: fields.role ?? operator.role,
      name: name === undefined ? operator.name : name,
      updatedAt: now,
    };
    await recordEvent(tx, { type: 'operator.updated', data: toOperatorJSON(updated), now, context: {} });
    return updated;
  });
}

/** Removes an operator with every credential they hold (their sessions end at once). */
export async function removeOperator(store: Store, id: string, callerId: string | null, now: number): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.lock(OWNERS_LOCK);
    const operator = await requireOperator(tx, id);
    if (callerId === id) throw selfError('remove');
    if (await isLastOwner(tx, operator)) throw lastOwnerError();
    await tx.operators.delete(id);
    await recordEvent(tx, {
      type: 'operator.deleted',
      data: { object: 'operator', id, email: operator.email, deleted: true },
      now,
      context: {},
    });
  });
}

/** A new one-time sign-in link for an operator (a lost link, a new device); audited, never logged. */
export async function issueSignInLink(store: Store, id: string, now: number) {
  return store.transaction(async (tx) => {
    const operator = await requireOperator(tx, id);
    const link = await createSignInLink(tx, operator.id, now);
    await recordEvent(tx, {
      type: 'operator.sign_in_link_created',
      data: { ...toOperatorJSON(operator), link_expires_at: link.expiresAt },
      now,
      context: {},
    });
    return { operator, ...link };
  });
}
