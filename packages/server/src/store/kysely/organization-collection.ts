import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { OrganizationCollection, OrganizationPage } from '../organization-store.js';
import { literalLimit, MAX_SHAPES, type PreparedQuery, preparedQuery } from './prepared-query.js';

/** A filter condition on a copied-out column, or a case-insensitive substring search over several. */
export type Condition =
  | { column: string; equals: string }
  | { column: string; oneOf: string[] }
  | { search: string; columns: string[]; orIdEquals?: boolean };

/** How one organization collection maps onto its table. */
export interface CollectionSpec<T, F> {
  table: string;
  /** Columns copied out of the record for constraints and filters (besides `id`, `created_at`, `data`). */
  columns(record: T): Record<string, string | number>;
  conditions(filter: F): Condition[];
  /** Called after every write to the table (insert, update, delete), e.g. to record a store change. */
  afterWrite?(): void;
}

// Table names are dynamic here; the specs are the typed boundary.
// biome-ignore lint/suspicious/noExplicitAny: one generic implementation serves eight tables.
type AnyDB = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: see above.
type AnyEB = ExpressionBuilder<any, any>;

/** Prepared equality-filtered lists, by table, columns, order and page size (`listByEquality`). */
const PREPARED_LISTS = new Map<string, PreparedQuery<[number, ...string[]], { data: unknown }>>();

/** A page of `data`, in the requested order, ties broken by id. */
function orderedPage(
  // biome-ignore lint/suspicious/noExplicitAny: any collection's table
  query: SelectQueryBuilder<any, any, object>,
  field: 'created_at' | 'name',
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const ordered =
    field === 'name'
      ? query.orderBy(sql`lower(name)`, direction).orderBy('created_at', direction)
      : query.orderBy('created_at', direction);
  return ordered.orderBy('id', direction).select('data').limit(literalLimit(limit)).offset(offset);
}

/** `%` and `_` in a search term are literal characters, not wildcards. */
function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One collection over one table: the record whole as JSON in `data`, a few columns beside it.
 *
 * @example
 * new KyselyOrganizationCollection(db, { table: 'organization', columns: (o) => ({ slug: o.slug }), conditions: () => [] })
 */
export class KyselyOrganizationCollection<T extends { id: string; createdAt: number }, F>
  implements OrganizationCollection<T, F>
{
  private readonly db: AnyDB;

  constructor(
    db: Kysely<unknown>,
    private readonly spec: CollectionSpec<T, F>,
  ) {
    this.db = db as AnyDB;
  }

  async insert(record: T): Promise<void> {
    await this.db.insertInto(this.spec.table).values(this.row(record)).execute();
    this.spec.afterWrite?.();
  }

  async findById(id: string): Promise<T | null> {
    const row = await this.db.selectFrom(this.spec.table).select('data').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.data as string) as T) : null;
  }

  async update(record: T): Promise<boolean> {
    const { id, ...row } = this.row(record);
    const result = await this.db.updateTable(this.spec.table).set(row).where('id', '=', id).executeTakeFirst();
    this.spec.afterWrite?.();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom(this.spec.table).where('id', '=', id).executeTakeFirst();
    this.spec.afterWrite?.();
    return Number(result.numDeletedRows) > 0;
  }

  async list(filter: F, page: OrganizationPage = { limit: 500, offset: 0 }): Promise<T[]> {
    const field = page.orderBy?.field ?? 'created_at';
    const direction = page.orderBy?.direction ?? 'desc';
    const conditions = this.spec.conditions(filter);
    const rows = conditions.every((condition) => 'equals' in condition)
      ? await this.listByEquality(conditions as { column: string; equals: string }[], field, direction, page)
      : await orderedPage(this.filtered(filter), field, direction, page.limit, page.offset).execute();
    return rows.map((row) => JSON.parse(row.data as string) as T);
  }

  /**
   * A list filtered by column equality only (a user's memberships, which every sign-in and client
   * read embeds; an organization's members): prepared once per table, columns, order and page size.
   */
  private async listByEquality(
    conditions: { column: string; equals: string }[],
    field: 'created_at' | 'name',
    direction: 'asc' | 'desc',
    page: OrganizationPage,
  ) {
    const columns = conditions.map((condition) => condition.column);
    const { limit } = page;
    const key = `${this.spec.table} ${columns.join(',')} ${field} ${direction} ${limit}`;
    let prepared = PREPARED_LISTS.get(key);
    if (!prepared) {
      if (PREPARED_LISTS.size >= MAX_SHAPES) PREPARED_LISTS.clear();
      const table = this.spec.table;
      prepared = preparedQuery((db: AnyDB, offset: number, ...values: string[]) => {
        let query = db.selectFrom(table);
        columns.forEach((column, i) => {
          query = query.where(column, '=', values[i]);
        });
        return orderedPage(query, field, direction, limit, offset);
      });
      PREPARED_LISTS.set(key, prepared);
    }
    const { rows } = await prepared(this.db, page.offset, ...conditions.map((condition) => condition.equals));
    return rows;
  }

  async count(filter: F): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private filtered(filter: F) {
    let query = this.db.selectFrom(this.spec.table);
    for (const condition of this.spec.conditions(filter)) {
      if ('equals' in condition) query = query.where(condition.column, '=', condition.equals);
      else if ('oneOf' in condition) {
        // `in ()` is a syntax error; an empty set matches nothing.
        query = query.where(condition.column, 'in', condition.oneOf.length > 0 ? condition.oneOf : ['']);
      } else {
        const pattern = likePattern(condition.search);
        query = query.where((eb: AnyEB) =>
          eb.or([
            ...condition.columns.map((column) =>
              eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
            ),
            ...(condition.orIdEquals ? [eb('id', '=', condition.search)] : []),
          ]),
        );
      }
    }
    return query;
  }

  private row(record: T): Record<string, string | number> {
    return { id: record.id, created_at: record.createdAt, ...this.spec.columns(record), data: JSON.stringify(record) };
  }
}
