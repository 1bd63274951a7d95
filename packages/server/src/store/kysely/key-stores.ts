import type { Kysely } from 'kysely';
import type { SecretKeyRecord, SigningKeyRecord } from '../records.js';
import type { Database } from '../schema.js';
import type { SecretKeyStore, SigningKeyStore } from '../store.js';

export class KyselySigningKeyStore implements SigningKeyStore {
  constructor(private readonly db: Kysely<Database>) {}

  async listPublished(now: number): Promise<SigningKeyRecord[]> {
    const rows = await this.db
      .selectFrom('signing_key')
      .selectAll()
      .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', now)]))
      .orderBy('activates_at', 'desc')
      .orderBy('kid', 'desc')
      .execute();
    return rows.map((row) => ({
      kid: row.kid,
      privateKeyPem: row.private_key_pem,
      publicJwk: JSON.parse(row.public_jwk),
      activatesAt: row.activates_at,
      retiresAt: row.retires_at,
      createdAt: row.created_at,
    }));
  }

  async insert(key: SigningKeyRecord): Promise<void> {
    await this.db
      .insertInto('signing_key')
      .values({
        kid: key.kid,
        private_key_pem: key.privateKeyPem,
        public_jwk: JSON.stringify(key.publicJwk),
        activates_at: key.activatesAt,
        retires_at: key.retiresAt,
        created_at: key.createdAt,
      })
      .execute();
  }

  async retireAllExcept(keepKid: string, retiresAt: number): Promise<void> {
    await this.db
      .updateTable('signing_key')
      .set({ retires_at: retiresAt })
      .where('kid', '!=', keepKid)
      .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', retiresAt)]))
      .execute();
  }
}

export class KyselySecretKeyStore implements SecretKeyStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findActiveByHash(secretHash: string): Promise<SecretKeyRecord | null> {
    const row = await this.db
      .selectFrom('secret_key')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async list(): Promise<SecretKeyRecord[]> {
    const rows = await this.db.selectFrom('secret_key').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async insert(key: SecretKeyRecord): Promise<void> {
    await this.db
      .insertInto('secret_key')
      .values({
        id: key.id,
        secret_hash: key.secretHash,
        hint: key.hint,
        name: key.name,
        created_at: key.createdAt,
        revoked_at: key.revokedAt,
      })
      .execute();
  }

  async revoke(id: string, revokedAt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('secret_key')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toRecord(row: Database['secret_key']): SecretKeyRecord {
  return {
    id: row.id,
    secretHash: row.secret_hash,
    hint: row.hint,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
