import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  applyPendingMigrations,
  getMigrationStatus,
  MIGRATION_LOCK_KEY,
  MigrationError,
  resolvePrismaDir,
} from './migrator';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const FIRST = '20240101000000_first';
const SECOND = '20240102000000_second';
const BROKEN = '20240103000000_broken';

// The function body holds semicolons inside dollar quotes: Prisma's stock pg adapter would split it apart.
const FIRST_SQL = `CREATE TABLE "widgets" ("id" INTEGER PRIMARY KEY);
CREATE FUNCTION "widget_count"() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE total bigint;
BEGIN
  SELECT count(*) INTO total FROM "widgets";
  RETURN total;
END;
$$;
`;
const SECOND_SQL = 'ALTER TABLE "widgets" ADD COLUMN "name" TEXT;\n';

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyPendingMigrations and getMigrationStatus', () => {
  let migrationsDir: string;
  let database: ScratchDatabase;

  beforeEach(async () => {
    migrationsDir = mkdtempSync(path.join(os.tmpdir(), 'lp-migrations-'));
    writeMigration(migrationsDir, FIRST, FIRST_SQL);
    writeMigration(migrationsDir, SECOND, SECOND_SQL);
    database = await createScratchDatabase(ADMIN_URL, 'migrator');
  });

  afterEach(async () => {
    await database.drop();
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  const options = () => ({ connectionString: database.connectionString, migrationsDir });

  it('reports pending migrations, applies them once, and is idempotent', async () => {
    expect(await getMigrationStatus(options())).toEqual({
      applied: [],
      pending: [FIRST, SECOND],
      failed: [],
      edited: [],
      notInFolder: [],
    });

    const messages: string[] = [];
    const logger = {
      info: (message: string) => messages.push(message),
      warn: (message: string) => messages.push(message),
    };
    expect(await applyPendingMigrations({ ...options(), logger })).toEqual({ applied: [FIRST, SECOND] });
    expect(messages).toContain(`Applying 2 migration(s): ${FIRST}, ${SECOND}`);
    expect(await applyPendingMigrations(options())).toEqual({ applied: [] });

    expect(await getMigrationStatus(options())).toEqual({
      applied: [FIRST, SECOND],
      pending: [],
      failed: [],
      edited: [],
      notInFolder: [],
    });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      database.connectionString,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual([FIRST, SECOND]);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.finished_at !== null)).toBe(true);
    // The dollar-quoted body arrived in one piece.
    expect(await query(database.connectionString, 'SELECT widget_count() AS total')).toEqual([{ total: '0' }]);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    await applyPendingMigrations(options());
    writeFileSync(path.join(migrationsDir, FIRST, 'migration.sql'), `${FIRST_SQL}-- an innocent-looking edit\n`);
    writeMigration(migrationsDir, BROKEN, 'CREATE TABLE "gadgets" ("id" INTEGER);\n');

    const status = await getMigrationStatus(options());
    expect(status.edited).toEqual([FIRST]);
    expect(status.pending).toEqual([BROKEN]);

    const attempt = applyPendingMigrations(options());
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(`Migration ${FIRST} was changed after it was applied`);
    expect(await query(database.connectionString, `SELECT to_regclass('gadgets') AS gadgets`)).toEqual([
      { gadgets: null },
    ]);
  });

  it('names a failing migration, leaves nothing half-applied, and blocks later deployments', async () => {
    writeMigration(migrationsDir, BROKEN, 'CREATE TABLE "gadgets" ("id" INTEGER);\nSELECT no_such_function();\n');

    const attempt = applyPendingMigrations(options());
    await expect(attempt).rejects.toMatchObject({ name: 'MigrationError', migrations: [BROKEN] });
    await expect(attempt).rejects.toThrow(
      new RegExp(`^Migration ${BROKEN} failed: .*no_such_function\\(\\) does not exist`),
    );

    const status = await getMigrationStatus(options());
    expect(status).toMatchObject({ applied: [FIRST, SECOND], pending: [], failed: [BROKEN], edited: [] });
    // The script ran as one implicit transaction, so its first statement was rolled back with the second.
    expect(await query(database.connectionString, `SELECT to_regclass('gadgets') AS gadgets`)).toEqual([
      { gadgets: null },
    ]);

    await expect(applyPendingMigrations(options())).rejects.toThrow(
      `Migration ${BROKEN} failed in an earlier run, so no further migrations are applied`,
    );
  });

  it('lets concurrent deployments take turns so each migration is applied exactly once', async () => {
    const messages: string[] = [];
    const logger = {
      info: (message: string) => messages.push(message),
      warn: (message: string) => messages.push(message),
    };
    const waiting = 'Another instance is migrating this database; waiting for it to finish';
    // Another deployment holds the lock while ours start, so every one of them has to wait (racing three calls alone
    // let the first finish before the others asked, on a busy machine).
    const holder = new pg.Client({ connectionString: database.connectionString });
    await holder.connect();
    let runs: Promise<Awaited<ReturnType<typeof applyPendingMigrations>>[]>;
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      runs = Promise.all([
        applyPendingMigrations({ ...options(), logger }),
        applyPendingMigrations({ ...options(), logger }),
        applyPendingMigrations({ ...options(), logger }),
      ]);
      while (messages.filter((message) => message === waiting).length < 3) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    } finally {
      await holder.end();
    }
    const results = await runs;

    expect(results.map((result) => result.applied).sort((a, b) => b.length - a.length)).toEqual([
      [FIRST, SECOND],
      [],
      [],
    ]);
    const counts = await query<{ migration_name: string; count: string }>(
      database.connectionString,
      'SELECT migration_name, count(*) AS count FROM _prisma_migrations GROUP BY migration_name ORDER BY 1',
    );
    expect(counts).toEqual([
      { migration_name: FIRST, count: '1' },
      { migration_name: SECOND, count: '1' },
    ]);
  });

  it('reports, and tolerates, migrations recorded in the database but missing from the folder', async () => {
    await applyPendingMigrations(options());
    rmSync(path.join(migrationsDir, SECOND), { recursive: true });

    expect(await getMigrationStatus(options())).toMatchObject({ applied: [FIRST], notInFolder: [SECOND] });
    // An older build starting against a newer database (as during a rolling deployment) warns but carries on.
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (message: string) => warnings.push(message) };
    expect(await applyPendingMigrations({ ...options(), logger })).toEqual({ applied: [] });
    expect(warnings).toEqual([`The database has migrations this build does not know: ${SECOND}`]);
  });

  it('fails clearly when the migrations folder does not exist', async () => {
    await expect(
      applyPendingMigrations({ ...options(), migrationsDir: path.join(migrationsDir, 'missing') }),
    ).rejects.toThrow('Migrations folder not found');
  });
});

describe('resolvePrismaDir', () => {
  const saved = process.env.PRISMA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.PRISMA_DIR;
    else process.env.PRISMA_DIR = saved;
  });

  it('finds the repository prisma folder from src and from dist', () => {
    delete process.env.PRISMA_DIR;
    const repositoryPrisma = path.resolve(__dirname, '../../../../../prisma');
    expect(resolvePrismaDir()).toBe(repositoryPrisma);
    expect(resolvePrismaDir(path.resolve(__dirname, '../../../dist/database/migrations'))).toBe(repositoryPrisma);
  });

  it('prefers PRISMA_DIR', () => {
    process.env.PRISMA_DIR = 'some/where';
    expect(resolvePrismaDir()).toBe(path.resolve('some/where'));
  });
});
