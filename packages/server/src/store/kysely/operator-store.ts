import type { Kysely, Selectable } from 'kysely';
import type {
  OperatorCredentialKind,
  OperatorCredentialRecord,
  OperatorFields,
  OperatorRecord,
  OperatorRole,
  OperatorStore,
} from '../operator-store.js';
import { asUniqueViolation } from '../unique-violation.js';

/** Tables of migration 0006 as the database holds them. */
interface OperatorTables {
  operator: {
    id: string;
    email: string;
    name: string | null;
    role: string;
    password_digest: string | null;
    totp_secret: string | null;
    last_totp_step: number | null;
    last_sign_in_at: number | null;
    created_at: number;
    updated_at: number;
  };
  operator_credential: {
    token_hash: string;
    kind: string;
    operator_id: string;
    session_hash: string | null;
    expires_at: number;
    used_at: number | null;
    revoked_at: number | null;
    created_at: number;
  };
}

const nullableNumber = (value: number | string | null) => (value === null ? null : Number(value));

function toOperator(row: Selectable<OperatorTables['operator']>): OperatorRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as OperatorRole,
    passwordDigest: row.password_digest,
    totpSecret: row.totp_secret,
    lastTotpStep: nullableNumber(row.last_totp_step),
    lastSignInAt: nullableNumber(row.last_sign_in_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toCredential(row: Selectable<OperatorTables['operator_credential']>): OperatorCredentialRecord {
  return {
    tokenHash: row.token_hash,
    kind: row.kind as OperatorCredentialKind,
    operatorId: row.operator_id,
    sessionHash: row.session_hash,
    expiresAt: Number(row.expires_at),
    usedAt: nullableNumber(row.used_at),
    revokedAt: nullableNumber(row.revoked_at),
    createdAt: Number(row.created_at),
  };
}

/** `store.operators` over Kysely (SQLite and PostgreSQL). */
export class KyselyOperatorStore implements OperatorStore {
  private readonly db: Kysely<OperatorTables>;

  constructor(db: Kysely<unknown>) {
    this.db = db as Kysely<OperatorTables>;
  }

  async insert(operator: OperatorRecord): Promise<void> {
    try {
      await this.db
        .insertInto('operator')
        .values({
          id: operator.id,
          email: operator.email,
          name: operator.name,
          role: operator.role,
          password_digest: operator.passwordDigest,
          totp_secret: operator.totpSecret,
          last_totp_step: operator.lastTotpStep,
          last_sign_in_at: operator.lastSignInAt,
          created_at: operator.createdAt,
          updated_at: operator.updatedAt,
        })
        .execute();
    } catch (error) {
      throw asUniqueViolation(error) ?? error;
    }
  }

  async update(id: string, fields: OperatorFields, updatedAt: number): Promise<void> {
    const set: Partial<OperatorTables['operator']> = { updated_at: updatedAt };
    if (fields.name !== undefined) set.name = fields.name;
    if (fields.role !== undefined) set.role = fields.role;
    if (fields.passwordDigest !== undefined) set.password_digest = fields.passwordDigest;
    if (fields.totpSecret !== undefined) set.totp_secret = fields.totpSecret;
    if (fields.lastTotpStep !== undefined) set.last_totp_step = fields.lastTotpStep;
    if (fields.lastSignInAt !== undefined) set.last_sign_in_at = fields.lastSignInAt;
    await this.db.updateTable('operator').set(set).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<OperatorRecord | null> {
    const row = await this.db.selectFrom('operator').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOperator(row) : null;
  }

  async findByEmail(email: string): Promise<OperatorRecord | null> {
    const row = await this.db.selectFrom('operator').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toOperator(row) : null;
  }

  async list(): Promise<OperatorRecord[]> {
    const rows = await this.db.selectFrom('operator').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toOperator);
  }

  async delete(id: string): Promise<boolean> {
    await this.db.deleteFrom('operator_credential').where('operator_id', '=', id).execute();
    const result = await this.db.deleteFrom('operator').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async insertCredential(credential: OperatorCredentialRecord): Promise<void> {
    await this.db
      .insertInto('operator_credential')
      .values({
        token_hash: credential.tokenHash,
        kind: credential.kind,
        operator_id: credential.operatorId,
        session_hash: credential.sessionHash,
        expires_at: credential.expiresAt,
        used_at: credential.usedAt,
        revoked_at: credential.revokedAt,
        created_at: credential.createdAt,
      })
      .execute();
  }

  async findCredential(tokenHash: string): Promise<OperatorCredentialRecord | null> {
    const row = await this.db
      .selectFrom('operator_credential')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toCredential(row) : null;
  }

  async markCredentialUsed(tokenHash: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('operator_credential')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revokeSession(sessionHash: string, at: number): Promise<void> {
    await this.db
      .updateTable('operator_credential')
      .set({ revoked_at: at })
      .where((eb) => eb.or([eb('token_hash', '=', sessionHash), eb('session_hash', '=', sessionHash)]))
      .where('revoked_at', 'is', null)
      .execute();
  }

  async deleteExpiredCredentials(before: number): Promise<number> {
    const result = await this.db.deleteFrom('operator_credential').where('expires_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
