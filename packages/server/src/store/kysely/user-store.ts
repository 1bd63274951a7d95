import { type Kysely, sql } from 'kysely';
import type { IdentifierRecord, UserFilter, UserPage, UserRecord } from '../records.js';
import type { Database } from '../schema.js';
import type { IdentifierKind, NewUser, UserStore } from '../store.js';
import type { StoreChanges } from '../store-changes.js';
import { literalLimit, preparedQuery, preparedUpdateById } from './prepared-query.js';
import { applyUserFilter } from './user-filter.js';
import {
  assembleUser,
  identifierRowToRecord,
  identifierToRow,
  passwordRowToRecord,
  userFieldsToRow,
  userRowToFields,
} from './user-rows.js';

const ORDER_COLUMNS = {
  created_at: 'user.created_at',
  updated_at: 'user.updated_at',
  username: 'user.username',
  first_name: 'user.first_name',
  last_name: 'user.last_name',
  last_sign_in_at: 'user.last_sign_in_at',
  last_active_at: 'user.last_active_at',
  email_address: 'primary_email.email_address',
  phone_number: 'primary_phone.phone_number',
} as const;

const TEXT_ORDER_FIELDS = new Set(['username', 'first_name', 'last_name', 'email_address', 'phone_number']);

/** The identifier columns both identifier tables share (the value column is named after the table). */
const IDENTIFIER_COLUMNS = [
  'id',
  'user_id',
  'verification_status',
  'verification_strategy',
  'reserved',
  'created_at',
  'updated_at',
  'verification_code_hash',
  'verification_attempts',
  'verification_expire_at',
] as const;

/** Which users a read is about: one id, several, or whoever holds an email address. */
type UserMatch = { id: string } | { ids: string[] } | { emailAddress: string };

/** `<column> = ?`, `<column> in (…)` or `<column> = (the address's owner)`, for a user-id column. */
function matchUser(db: Kysely<Database>, match: UserMatch) {
  if ('ids' in match) return ['in', match.ids] as const;
  if ('id' in match) return ['=', match.id] as const;
  const owner = db.selectFrom('email_address').select('user_id').where('email_address', '=', match.emailAddress);
  return ['=', owner] as const;
}

/** Users with their password (one row each): the first query of a user read. */
function usersWithPassword(db: Kysely<Database>, match: UserMatch) {
  const [operator, operand] = matchUser(db, match);
  return db
    .selectFrom('user')
    .leftJoin('password', 'password.user_id', 'user.id')
    .selectAll('user')
    .select([
      'password.digest as password_digest',
      'password.hasher as password_hasher',
      'password.updated_at as password_updated_at',
    ])
    .where('user.id', operator, operand);
}

/** Users' email addresses and phone numbers in one `union all`: the second query of a user read. */
function userIdentifiers(db: Kysely<Database>, match: UserMatch) {
  const [operator, operand] = matchUser(db, match);
  return db
    .selectFrom('email_address')
    .select([sql<IdentifierKind>`'email_address'`.as('kind'), 'email_address as value', ...IDENTIFIER_COLUMNS])
    .where('user_id', operator, operand)
    .unionAll(
      db
        .selectFrom('phone_number')
        .select([sql<IdentifierKind>`'phone_number'`.as('kind'), 'phone_number as value', ...IDENTIFIER_COLUMNS])
        .where('user_id', operator, operand),
    );
}

// Reading one user (a session's, `/v1/me`'s) and the holder of an email address (a sign-in) are the
// usual reads: their queries are prepared.
const selectUserWithPassword = preparedQuery((db: Kysely<Database>, id: string) => usersWithPassword(db, { id }));
const selectUserIdentifiers = preparedQuery((db: Kysely<Database>, id: string) => userIdentifiers(db, { id }));
const selectEmailOwnerWithPassword = preparedQuery((db: Kysely<Database>, emailAddress: string) =>
  usersWithPassword(db, { emailAddress }),
);
const selectEmailOwnerIdentifiers = preparedQuery((db: Kysely<Database>, emailAddress: string) =>
  userIdentifiers(db, { emailAddress }),
);

const updateUser = preparedUpdateById('user');

export class KyselyUserStore implements UserStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly changes: StoreChanges,
  ) {}

  async insert(user: NewUser): Promise<void> {
    await this.db
      .insertInto('user')
      .values(userFieldsToRow(user.fields) as never)
      .execute();
    for (const email of user.emailAddresses) {
      const { value, ...row } = identifierToRow(email);
      await this.db
        .insertInto('email_address')
        .values({ ...row, email_address: value })
        .execute();
    }
    for (const phone of user.phoneNumbers) {
      const { value, ...row } = identifierToRow(phone);
      await this.db
        .insertInto('phone_number')
        .values({ ...row, phone_number: value })
        .execute();
    }
    if (user.password) await this.setPassword(user.fields.id, user.password);
    this.changes.changed(user.fields.id);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const [user] = await this.loadUsers([id]);
    return user ?? null;
  }

  async list(filter: UserFilter, page: UserPage): Promise<UserRecord[]> {
    const column = ORDER_COLUMNS[page.orderBy];
    let query = applyUserFilter(this.db, this.db.selectFrom('user'), filter)
      .leftJoin('email_address as primary_email', 'primary_email.id', 'user.primary_email_address_id')
      .leftJoin('phone_number as primary_phone', 'primary_phone.id', 'user.primary_phone_number_id')
      .select('user.id');
    // NULLs sort last in both directions on both engines (they disagree by default), and text sorts
    // by code point on both: PostgreSQL's language-aware collations would order names differently.
    const sortKey =
      this.dialect === 'postgres' && TEXT_ORDER_FIELDS.has(page.orderBy)
        ? sql`${sql.ref(column)} collate "C"`
        : sql.ref(column);
    query = query
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(sortKey, page.direction)
      .orderBy(this.byteOrder('user.id'), page.direction)
      .limit(literalLimit(page.limit))
      .offset(page.offset);
    const ids = (await query.execute()).map((row) => row.id);
    return this.loadUsers(ids);
  }

  async count(filter: UserFilter): Promise<number> {
    const row = await applyUserFilter(this.db, this.db.selectFrom('user'), filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async update(id: string, fields: Parameters<UserStore['update']>[1]): Promise<boolean> {
    const row = userFieldsToRow(fields);
    if (Object.keys(row).length === 0) return (await this.findById(id)) !== null;
    const updated = await updateUser(this.db, id, row);
    this.changes.changed(id);
    return updated > 0;
  }

  async setPassword(userId: string, password: NewUser['password']): Promise<void> {
    await this.db.deleteFrom('password').where('user_id', '=', userId).execute();
    this.changes.changed(userId);
    if (!password) return;
    await this.db
      .insertInto('password')
      .values({ user_id: userId, digest: password.digest, hasher: password.hasher, updated_at: password.updatedAt })
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('user').where('id', '=', id).executeTakeFirst();
    this.changes.changed(id);
    return Number(result.numDeletedRows) > 0;
  }

  async findTakenIdentifiers(kind: IdentifierKind, values: string[]): Promise<string[]> {
    if (values.length === 0) return [];
    if (kind === 'email_address') {
      const rows = await this.db
        .selectFrom('email_address')
        .select('email_address as value')
        .where('email_address', 'in', values)
        .execute();
      return rows.map((row) => row.value);
    }
    const rows = await this.db
      .selectFrom('phone_number')
      .select('phone_number as value')
      .where('phone_number', 'in', values)
      .execute();
    return rows.map((row) => row.value);
  }

  async insertIdentifier(kind: IdentifierKind, identifier: IdentifierRecord): Promise<void> {
    const { value, ...row } = identifierToRow(identifier);
    this.changes.changed(identifier.userId);
    if (kind === 'email_address') {
      await this.db
        .insertInto('email_address')
        .values({ ...row, email_address: value })
        .execute();
    } else {
      await this.db
        .insertInto('phone_number')
        .values({ ...row, phone_number: value })
        .execute();
    }
  }

  async updateIdentifier(kind: IdentifierKind, identifier: IdentifierRecord): Promise<boolean> {
    // The owner and creation time never change.
    const { value, id, user_id: _userId, created_at: _createdAt, ...row } = identifierToRow(identifier);
    this.changes.changed(identifier.userId);
    const result =
      kind === 'email_address'
        ? await this.db
            .updateTable('email_address')
            .set({ ...row, email_address: value })
            .where('id', '=', id)
            .executeTakeFirst()
        : await this.db
            .updateTable('phone_number')
            .set({ ...row, phone_number: value })
            .where('id', '=', id)
            .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteIdentifier(kind: IdentifierKind, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom(kind).where('id', '=', id).executeTakeFirst();
    // Only the identifier's id is known here: every cached user counts as changed (rare).
    this.changes.changedAny();
    return Number(result.numDeletedRows) > 0;
  }

  async findUserIdByUsername(username: string): Promise<string | null> {
    const row = await this.db.selectFrom('user').select('id').where('username', '=', username).executeTakeFirst();
    return row?.id ?? null;
  }

  async findUserIdByExternalId(externalId: string): Promise<string | null> {
    const row = await this.db.selectFrom('user').select('id').where('external_id', '=', externalId).executeTakeFirst();
    return row?.id ?? null;
  }

  async findByEmailAddress(emailAddress: string): Promise<UserRecord | null> {
    const [users, identifiers] = await Promise.all([
      selectEmailOwnerWithPassword(this.db, emailAddress).then((result) => result.rows),
      selectEmailOwnerIdentifiers(this.db, emailAddress).then((result) => result.rows),
    ]);
    const [user] = users[0] ? assembleUsers([users[0].id], users, identifiers) : [];
    return user ?? null;
  }

  /** Ids are mixed-case base62: they sort in creation order only by code point, which PostgreSQL needs told. */
  private byteOrder(column: string) {
    return this.dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);
  }

  /**
   * Loads users with their password (one joined query) and their email addresses and phone numbers
   * (one `union all`), keeping the order of `ids`: every user read is two round trips, not four.
   */
  private async loadUsers(ids: string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const [users, identifiers] =
      ids.length === 1
        ? await Promise.all([
            selectUserWithPassword(this.db, ids[0] as string).then((result) => result.rows),
            selectUserIdentifiers(this.db, ids[0] as string).then((result) => result.rows),
          ])
        : await Promise.all([
            usersWithPassword(this.db, { ids }).execute(),
            userIdentifiers(this.db, { ids }).execute(),
          ]);
    return assembleUsers(ids, users, identifiers);
  }
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersWithPassword>['execute']>>[number];
type IdentifierRow = Awaited<ReturnType<ReturnType<typeof userIdentifiers>['execute']>>[number];

/** User records from a user read's two result sets, in the order of `ids` (missing users left out). */
function assembleUsers(ids: string[], users: UserRow[], identifiers: IdentifierRow[]): UserRecord[] {
  // Each user's identifiers in creation order, ties by id in byte order (ids are ASCII, so code-unit
  // order is byte order): the order the API lists them in on both engines.
  identifiers.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const emailsByUser = new Map<string, IdentifierRecord[]>();
  const phonesByUser = new Map<string, IdentifierRecord[]>();
  for (const row of identifiers) {
    const byUser = row.kind === 'email_address' ? emailsByUser : phonesByUser;
    const list = byUser.get(row.user_id);
    const record = identifierRowToRecord(row, row.value);
    if (list) list.push(record);
    else byUser.set(row.user_id, [record]);
  }
  const usersById = new Map(users.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = usersById.get(id);
    if (!row) return [];
    const password =
      row.password_digest === null
        ? null
        : passwordRowToRecord({
            user_id: id,
            digest: row.password_digest,
            hasher: row.password_hasher as string,
            updated_at: Number(row.password_updated_at),
          });
    return [assembleUser(userRowToFields(row), emailsByUser.get(id) ?? [], phonesByUser.get(id) ?? [], password)];
  });
}
