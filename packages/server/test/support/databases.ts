import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseLocation } from '../../src/store/open-database.js';

/**
 * The databases every store and API suite runs against. PostgreSQL is not optional: when it is
 * unreachable the PostgreSQL tests fail loudly instead of being skipped.
 */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type DatabaseName = (typeof DATABASES)[number];

/** Admin connection used to create a throwaway database per suite. */
export const POSTGRES_ADMIN_URL = process.env.LATCH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  location: DatabaseLocation;
  /** DATABASE_URL form of the location, for servers and CLIs started in a test. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(name: DatabaseName): Promise<TestDatabase> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'latch-test-'));
    const file = join(dir, 'latch.db');
    return {
      location: { dialect: 'sqlite', file },
      url: file,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = `latch_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return {
    location: { dialect: 'postgres', url: url.toString(), poolSize: 5 },
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await dropper.connect();
      try {
        // pg's pool.end() resolves before its connections have finished closing; dropping the database
        // `with (force)` in that window kills them mid-close, which surfaces as an unhandled FATAL 57P01
        // in whichever suite happens to be running. Wait (up to 5 s) for them to go first.
        for (let attempt = 0; attempt < 100; attempt++) {
          const { rows } = await dropper.query<{ count: string }>(
            'select count(*) from pg_stat_activity where datname = $1',
            [database],
          );
          if (rows[0]?.count === '0') break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await dropper.query(`drop database if exists ${database} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
