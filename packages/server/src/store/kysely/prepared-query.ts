import { type Compilable, type CompiledQuery, type Kysely, type QueryResult, sql } from 'kysely';

/**
 * Stands for the argument at `index` while a prepared query is built. Kysely keeps any value it is
 * given as an opaque parameter, so the placeholder comes out of `compile()` in `parameters`, at the
 * position where the argument will go.
 */
class Placeholder {
  constructor(readonly index: number) {}
}

/** Where each compiled parameter comes from: an argument (its index) or a constant of the shape. */
type ParameterSource = { argument: number } | { constant: unknown };

interface Compiled {
  readonly query: CompiledQuery;
  readonly sources: readonly ParameterSource[];
}

export type PreparedQuery<Args extends unknown[], Row> = (
  // biome-ignore lint/suspicious/noExplicitAny: any database schema; the builder fixes the row type
  db: Kysely<any>,
  ...args: Args
) => Promise<QueryResult<Row>>;

/**
 * A statement whose shape is fixed and whose values are not: built and compiled to SQL once per
 * dialect, then run with new values. Kysely otherwise rebuilds a frozen operation tree and compiles
 * it on every call, which on a password sign-in was ~a fifth of the event loop's CPU and ~100 KB of
 * garbage (docs/decisions/0016-prepared-statements.md); the hot statements are prepared instead.
 *
 * `build` receives placeholders in place of its arguments. It must only pass them to Kysely as
 * values (comparisons, inserted or updated values, limits): it runs once, so anything it decided by
 * looking at an argument would be decided for every later call. A placeholder that does not reach
 * the compiled parameters is a programming error and throws on first use.
 */
export function preparedQuery<Args extends unknown[], Row>(
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  build: (db: Kysely<any>, ...args: Args) => Compilable<Row>,
): PreparedQuery<Args, Row> {
  // Keyed by the dialect's adapter, which a Kysely instance shares with its transactions.
  const byAdapter = new WeakMap<object, Compiled>();
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      try {
        compiled = compile(db, build, args.length);
      } catch (error) {
        return Promise.reject(error);
      }
      byAdapter.set(adapter, compiled);
    }
    const { query, sources } = compiled;
    const parameters = new Array<unknown>(sources.length);
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i] as ParameterSource;
      parameters[i] = 'argument' in source ? args[source.argument] : source.constant;
    }
    return db.executeQuery<Row>({ ...query, parameters } as CompiledQuery<Row>);
  };
}

function compile<Args extends unknown[], Row>(
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  db: Kysely<any>,
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  build: (db: Kysely<any>, ...args: Args) => Compilable<Row>,
  arity: number,
): Compiled {
  const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index));
  const query = build(db, ...(placeholders as Args)).compile();
  const used = new Set<number>();
  const sources = query.parameters.map((parameter): ParameterSource => {
    if (!(parameter instanceof Placeholder)) return { constant: parameter };
    used.add(parameter.index);
    return { argument: parameter.index };
  });
  if (used.size !== arity) {
    throw new Error(`prepared query: an argument does not reach the SQL as a value (${query.sql})`);
  }
  return { query, sources };
}

/** How many shapes a family of prepared statements keeps (per table or collection). */
export const MAX_SHAPES = 256;

/**
 * One prepared statement per set of columns a row has (columns whose value is undefined are left
 * out, as Kysely's `values` and `set` leave them out). `build` gets those columns and the
 * statement's arguments: the row's values in column order, then `extra` (an update's id).
 */
function byColumnSet(
  describe: string,
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  build: (db: Kysely<any>, columns: string[], args: unknown[]) => Compilable<unknown>,
) {
  const byColumns = new Map<string, PreparedQuery<unknown[], unknown>>();
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  return (db: Kysely<any>, row: Record<string, unknown>, extra: unknown[] = []) => {
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    if (columns.length === 0) return Promise.reject(new Error(`${describe}: no column to set`));
    const key = columns.join(',');
    let statement = byColumns.get(key);
    if (!statement) {
      // Column sets come from code paths, not from input; the bound only guards against a surprise.
      if (byColumns.size >= MAX_SHAPES) byColumns.clear();
      statement = preparedQuery((db, ...args: unknown[]) => build(db, columns, args));
      byColumns.set(key, statement);
    }
    return statement(db, ...columns.map((column) => row[column]), ...extra);
  };
}

/** `insert into <table> (<the row's columns>) values (…)`, prepared once per set of columns. */
export function preparedInsert<Row extends object>(table: string) {
  const insert = byColumnSet(`insert into ${table}`, (db, columns, values) =>
    db.insertInto(table).values(Object.fromEntries(columns.map((column, i) => [column, values[i]]))),
  );
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  return (db: Kysely<any>, row: Row) => insert(db, row as Record<string, unknown>);
}

/**
 * `update <table> set <columns> where id = ?`, prepared once per set of columns (a sign-in, a touch
 * and a profile edit each update their own few). Resolves to the number of rows updated.
 */
export function preparedUpdateById(table: string) {
  const update = byColumnSet(`update ${table}`, (db, columns, args) =>
    db
      .updateTable(table)
      .set(Object.fromEntries(columns.map((column, i) => [column, args[i]])))
      .where('id', '=', args[columns.length]),
  );
  // biome-ignore lint/suspicious/noExplicitAny: see PreparedQuery
  return async (db: Kysely<any>, id: string, row: Record<string, unknown>): Promise<number> =>
    Number((await update(db, row, [id])).numAffectedRows ?? 0);
}

/**
 * A LIMIT written into the SQL instead of bound. A bound LIMIT doubles what SQLite spends on a small
 * indexed read (measured: 2.7 → 5.2 µs; it plans with the bound value); a literal one costs nothing
 * extra, and limits are page sizes, so the statement cache holds one statement per size in use.
 */
export function literalLimit(limit: number) {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`not a row limit: ${limit}`);
  return sql.lit(limit);
}
