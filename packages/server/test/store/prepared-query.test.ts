import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedInsert, preparedQuery, preparedUpdateById } from '../../src/store/kysely/prepared-query.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.js';

interface Thing {
  id: string;
  name: string | null;
  size: number;
  kind: string;
}
interface ThingDatabase {
  thing: Thing;
}

const insertThing = preparedInsert<Thing>('thing');
const updateThing = preparedUpdateById('thing');
// `kind = 'box'` is a constant of the shape; it must stay in place between the two arguments.
const selectBoxesBetween = preparedQuery((db: Kysely<ThingDatabase>, min: number, max: number) =>
  db
    .selectFrom('thing')
    .select(['id', 'size'])
    .where('size', '>=', min)
    .where('kind', '=', 'box')
    .where('size', '<=', max)
    .orderBy('id'),
);
const selectById = preparedQuery((db: Kysely<ThingDatabase>, id: string) =>
  db.selectFrom('thing').selectAll().where('id', '=', id),
);

describe.each(DATABASES)('prepared queries [%s]', (name) => {
  let database: TestDatabase;
  let db: Kysely<ThingDatabase>;
  beforeAll(async () => {
    database = await createTestDatabase(name);
    db = openDatabase(database.location) as unknown as Kysely<ThingDatabase>;
    await sql`create table thing (id text primary key, name text, size integer not null, kind text not null)`.execute(
      db,
    );
    for (const [id, size, kind] of [
      ['a', 1, 'box'],
      ['b', 5, 'box'],
      ['c', 5, 'bag'],
      ['d', 9, 'box'],
    ] as const) {
      await insertThing(db, { id, name: `thing ${id}`, size, kind });
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('runs with new values each time, keeping the constants of the shape where they were', async () => {
    expect((await selectBoxesBetween(db, 2, 9)).rows).toEqual([
      { id: 'b', size: 5 },
      { id: 'd', size: 9 },
    ]);
    expect((await selectBoxesBetween(db, 0, 4)).rows).toEqual([{ id: 'a', size: 1 }]);
    // The same rows as the query built afresh by Kysely.
    const built = await db
      .selectFrom('thing')
      .select(['id', 'size'])
      .where('size', '>=', 0)
      .where('kind', '=', 'box')
      .where('size', '<=', 100)
      .orderBy('id')
      .execute();
    expect((await selectBoxesBetween(db, 0, 100)).rows).toEqual(built);
  });

  it('inserts every listed column, nulls included', async () => {
    await insertThing(db, { id: 'e', name: null, size: 2, kind: 'bag' });
    expect((await selectById(db, 'e')).rows).toEqual([{ id: 'e', name: null, size: 2, kind: 'bag' }]);
  });

  it('updates by id per set of columns, leaving undefined ones alone, and counts the rows', async () => {
    expect(await updateThing(db, 'b', { size: 6 })).toBe(1);
    expect(await updateThing(db, 'b', { name: 'renamed', size: undefined })).toBe(1);
    expect(await updateThing(db, 'nope', { size: 1 })).toBe(0);
    await expect(updateThing(db, 'b', { size: undefined })).rejects.toThrow(/no column to set/);
    expect((await selectById(db, 'b')).rows).toEqual([{ id: 'b', name: 'renamed', size: 6, kind: 'box' }]);
  });

  it('runs inside a transaction, which rolls back with it', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await updateThing(trx, 'a', { size: 7 });
        expect((await selectById(trx, 'a')).rows[0]?.size).toBe(7);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await selectById(db, 'a')).rows[0]?.size).toBe(1);
  });

  it('refuses a builder that does not pass an argument to the SQL as a value', async () => {
    const decidesByLooking = preparedQuery((db: Kysely<ThingDatabase>, kind: string) =>
      // Wrong: the argument picks the shape, so the first call's choice would hold for every call.
      db
        .selectFrom('thing')
        .selectAll()
        .where('kind', '=', typeof kind === 'string' ? kind : 'box'),
    );
    await expect(decidesByLooking(db, 'bag')).rejects.toThrow(/does not reach the SQL as a value/);
  });
});
