import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { UserFilter } from '../records.js';
import type { Database } from '../schema.js';

type UserQuery = SelectQueryBuilder<Database, 'user', object>;

/** `%value%` with LIKE's wildcards escaped, lower-cased: substring search that means what it says. */
function containsPattern(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function identifierMatches(
  eb: ExpressionBuilder<Database, 'user'>,
  table: 'email_address' | 'phone_number',
  pattern: string,
) {
  return eb.exists(
    eb
      .selectFrom(table)
      .select(sql.lit(1).as('one'))
      .whereRef(`${table}.user_id`, '=', 'user.id')
      .where(sql<boolean>`lower(${sql.ref(`${table}.${table}`)}) like ${pattern} escape '\\'`),
  );
}

function likeColumn(column: string, pattern: string) {
  return sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
}

/** Applies every filter of `GET /users` and `GET /users/count`; all given filters must hold. */
export function applyUserFilter(_db: Kysely<Database>, query: UserQuery, filter: UserFilter): UserQuery {
  let q = query;
  if (filter.userIds) q = q.where('user.id', 'in', nonEmpty(filter.userIds));
  if (filter.externalIds) q = q.where('user.external_id', 'in', nonEmpty(filter.externalIds));
  if (filter.usernames) q = q.where('user.username', 'in', nonEmpty(filter.usernames.map((u) => u.toLowerCase())));
  if (filter.emailAddresses) {
    const emails = nonEmpty(filter.emailAddresses.map((e) => e.toLowerCase()));
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('email_address')
          .select(sql.lit(1).as('one'))
          .whereRef('email_address.user_id', '=', 'user.id')
          .where('email_address.email_address', 'in', emails),
      ),
    );
  }
  if (filter.phoneNumbers) {
    const phones = nonEmpty(filter.phoneNumbers);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('phone_number')
          .select(sql.lit(1).as('one'))
          .whereRef('phone_number.user_id', '=', 'user.id')
          .where('phone_number.phone_number', 'in', phones),
      ),
    );
  }
  if (filter.query) {
    const pattern = containsPattern(filter.query);
    q = q.where((eb) =>
      eb.or([
        likeColumn('user.id', pattern),
        likeColumn('user.external_id', pattern),
        likeColumn('user.username', pattern),
        likeColumn('user.first_name', pattern),
        likeColumn('user.last_name', pattern),
        sql<boolean>`lower(coalesce(${sql.ref('user.first_name')}, '') || ' ' || coalesce(${sql.ref('user.last_name')}, '')) like ${pattern} escape '\\'`,
        identifierMatches(eb, 'email_address', pattern),
        identifierMatches(eb, 'phone_number', pattern),
      ]),
    );
  }
  if (filter.emailAddressQuery) {
    const pattern = containsPattern(filter.emailAddressQuery);
    q = q.where((eb) => identifierMatches(eb, 'email_address', pattern));
  }
  if (filter.phoneNumberQuery) {
    const pattern = containsPattern(filter.phoneNumberQuery);
    q = q.where((eb) => identifierMatches(eb, 'phone_number', pattern));
  }
  if (filter.usernameQuery) q = q.where(likeColumn('user.username', containsPattern(filter.usernameQuery)));
  if (filter.nameQuery) {
    const pattern = containsPattern(filter.nameQuery);
    q = q.where((eb) => eb.or([likeColumn('user.first_name', pattern), likeColumn('user.last_name', pattern)]));
  }
  if (filter.banned !== undefined) q = q.where('user.banned', '=', filter.banned ? 1 : 0);
  if (filter.locked !== undefined) q = q.where('user.locked', '=', filter.locked ? 1 : 0);
  if (filter.createdAtBefore !== undefined) q = q.where('user.created_at', '<', filter.createdAtBefore);
  if (filter.createdAtAfter !== undefined) q = q.where('user.created_at', '>', filter.createdAtAfter);
  if (filter.lastActiveAtBefore !== undefined) q = q.where('user.last_active_at', '<', filter.lastActiveAtBefore);
  if (filter.lastActiveAtAfter !== undefined) q = q.where('user.last_active_at', '>', filter.lastActiveAtAfter);
  if (filter.lastSignInAtBefore !== undefined) q = q.where('user.last_sign_in_at', '<', filter.lastSignInAtBefore);
  if (filter.lastSignInAtAfter !== undefined) q = q.where('user.last_sign_in_at', '>', filter.lastSignInAtAfter);
  return q;
}

/** `IN ()` is a syntax error; an empty list means "matches nothing", which a NULL list gives. */
function nonEmpty(values: string[]): (string | null)[] {
  return values.length > 0 ? values : [null];
}
