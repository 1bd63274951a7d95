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
  /**
   * Empties the append-only event log (deliveries and attempts go with it, by cascade) once it holds
   * more than `maxRows`; true when it did. Every accepted write appends to it, so without a bound each
   * fingerprint reads more than the last and a long run slows down quadratically. Call it only
   * between requests, then take a fresh "before" state.
   */
  trimEventLog(maxRows: number): Promise<boolean>;
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
    // A second, writable connection only for trimming; WAL lets it write beside the server, which is
    // idle between requests.
    const writer = new SQLite(location.file, { fileMustExist: true });
    writer.pragma('busy_timeout = 5000');
    writer.pragma('foreign_keys = ON');
    const countEvents = writer.prepare('select count(*) from event').pluck();
    const deleteEvents = writer.prepare('delete from event');
    return {
      fingerprint: async () => {
        const digests: Record<string, string> = {};
        for (const [table, select] of selects) {
          const rows = select.all().map((row) => JSON.stringify(row));
          digests[table] = createHash('sha256').update(rows.sort().join('\n')).digest('base64url');
        }
        return digests;
      },
      trimEventLog: async (maxRows) => {
        if ((countEvents.get() as number) <= maxRows) return false;
        deleteEvents.run();
        return true;
      },
      close: async () => {
        db.close();
        writer.close();
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
    trimEventLog: async (maxRows) => {
      const { rows: counted } = await client.query<{ n: string }>('select count(*) as n from event');
      if (Number(counted[0]?.n ?? 0) <= maxRows) return false;
      await client.query('delete from event');
      return true;
    },
    close: () => client.end(),
  };
}

/** Tables whose digests differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
