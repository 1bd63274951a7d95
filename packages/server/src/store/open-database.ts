import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseLocation =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; poolSize?: number };

/**
 * Parses `DATABASE_URL`: `postgres://…` / `postgresql://…` for PostgreSQL; `sqlite:<path>`,
 * `file:<path>` or a bare path for SQLite. Returns null for anything else.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation | null {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file.length === 0 || /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return null;
  return { dialect: 'sqlite', file };
}

/** PostgreSQL returns int8 as strings; our integers are Unix-ms timestamps, well inside 2^53. */
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

/** Opens a Kysely handle on SQLite (WAL, busy timeout, foreign keys) or PostgreSQL. */
export function openDatabase(location: DatabaseLocation): Kysely<Database> {
  if (location.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: location.poolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (location.file !== ':memory:') mkdirSync(dirname(resolve(location.file)), { recursive: true });
  const sqlite = new SQLite(location.file);
  // WAL lets readers proceed during a write; NORMAL is durable across process crashes in WAL mode
  // and ~3x faster on writes than FULL (PERFORMANCE.md).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // SQLite's lower() folds ASCII only; PostgreSQL's folds all of Unicode. Case-insensitive search
  // ('josé' finding 'JOSÉ') must mean the same on both, so lower() gets JavaScript's case mapping.
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    value === null ? null : String(value).toLowerCase(),
  );
  cachePreparedStatements(sqlite);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more than running a point
 * lookup. Our queries are built from a few hundred fixed shapes, so prepared statements are kept by
 * SQL text (bounded). Safe because better-sqlite3 is synchronous and Kysely runs each statement to
 * completion (`all`/`run`) before the next; SQLite re-prepares a cached statement itself after a
 * schema change.
 */
function cachePreparedStatements(sqlite: SQLite.Database, maxStatements = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value as string);
      statements.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
