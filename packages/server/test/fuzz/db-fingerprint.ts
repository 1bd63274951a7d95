import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { TestDatabase } from '../support/databases.js';

/**
 * A digest of every row of every table, per table, read over a connection of our own in one round
 * trip: cheap enough to take after each fuzzed request, and it covers tables the Store has no
 * listing for (and tables that later migrations add). Row order does not matter; contents do.
 */
export interface Fingerprinter {
  /** Table name → digest of its rows. */
  fingerprint(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function openFingerprinter(database: TestDatabase): Promise<Fingerprinter> {
  const { location } = database;
  if (location.dialect === 'sqlite') {
    // WAL mode: this reader sees what the server committed, without blocking it.
    const db = new SQLite(location.file, { readonly: true, fileMustExist: true });
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const selects = tables.map((table) => [table, db.prepare(`select * from "${table.replace(/"/g, '""')}"`)] as const);
    return {
      fingerprint: async () => {
        const digests: Record<string, string> = {};
        for (const [table, select] of selects) {
          const rows = select.all().map((row) => JSON.stringify(row));
          digests[table] = createHash('sha256').update(rows.sort().join('\n')).digest('base64url');
        }
        return digests;
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>(
    'select tablename from pg_tables where schemaname = current_schema() order by tablename',
  );
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const query = rows
    .map(
      ({ tablename }) =>
        `select ${literal(tablename)} as name, md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as digest from ${ident(tablename)} r`,
    )
    .join(' union all ');
  return {
    fingerprint: async () => {
      const result = await client.query<{ name: string; digest: string }>(query);
      return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
    },
    close: () => client.end(),
  };
}

/** Tables whose digests differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
