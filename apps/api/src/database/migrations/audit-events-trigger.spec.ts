import path from 'node:path';
import pg from 'pg';
import { applyPendingMigrations, resolvePrismaDir } from './migrator';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('audit_events (from the real migrations)', () => {
  let database: ScratchDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createScratchDatabase(ADMIN_URL, 'audit');
    await applyPendingMigrations({
      connectionString: database.connectionString,
      migrationsDir: path.join(resolvePrismaDir(), 'migrations'),
    });
    client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    await client.query(
      `INSERT INTO audit_events (id, actor_type, action) VALUES (gen_random_uuid(), 'system', 'test.seeded')`,
    );
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('accepts inserts', async () => {
    const { rows } = await client.query<{ action: string; metadata: unknown }>(
      `INSERT INTO audit_events (id, actor_type, action) VALUES (gen_random_uuid(), 'user', 'test.inserted')
       RETURNING action, metadata`,
    );
    expect(rows).toEqual([{ action: 'test.inserted', metadata: {} }]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'rewritten'`],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('refuses %s with SQLSTATE LP001', async (operation, sql) => {
    await expect(client.query(sql)).rejects.toMatchObject({
      code: 'LP001',
      message: `audit_events is append-only: ${operation} is not allowed`,
    });
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM audit_events WHERE action = 'test.seeded'`,
    );
    expect(rows).toEqual([{ count: '1' }]);
  });
});
