import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyPendingMigrations, checkSchemaDrift, createMigration, resolvePrismaDir } from './migrator';
import { createScratchDatabase } from './scratch-database';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REAL_PRISMA_DIR = resolvePrismaDir();

const WIDGET_MODEL = `
model Widget {
  id        Int      @id @default(autoincrement())
  name      String   @unique
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@map("widgets")
}
`;

/** A throwaway copy of the repository's prisma folder: tests never touch the real one. */
function copyPrismaDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lp-prisma-'));
  cpSync(REAL_PRISMA_DIR, dir, { recursive: true });
  return dir;
}

const migrationFolders = (prismaDir: string) =>
  readdirSync(path.join(prismaDir, 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Scratch databases this process created and did not drop. */
async function leftoverScratchDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `lp\\_%\\_${process.pid}\\_drift%`,
    ]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('createMigration', () => {
  let prismaDir: string;
  beforeEach(() => {
    prismaDir = copyPrismaDir();
  });
  afterEach(() => rmSync(prismaDir, { recursive: true, force: true }));

  it('writes nothing when schema.prisma has not changed since the last migration', async () => {
    const before = migrationFolders(prismaDir);
    const snapshot = readFileSync(path.join(prismaDir, 'migrations/schema.snapshot.prisma'), 'utf8');

    expect(await createMigration({ name: 'nothing', prismaDir, connectionString: ADMIN_URL })).toBeNull();

    expect(migrationFolders(prismaDir)).toEqual(before);
    expect(readFileSync(path.join(prismaDir, 'migrations/schema.snapshot.prisma'), 'utf8')).toBe(snapshot);
  });

  it('writes a migration for a new model and moves the snapshot forward', async () => {
    const schemaPath = path.join(prismaDir, 'schema.prisma');
    writeFileSync(schemaPath, readFileSync(schemaPath, 'utf8') + WIDGET_MODEL);
    const before = migrationFolders(prismaDir);

    const created = await createMigration({ name: 'add_widgets', prismaDir, connectionString: ADMIN_URL });

    expect(created).not.toBeNull();
    const folder = path.basename(created!.directory);
    expect(folder).toMatch(/^\d{14}_add_widgets$/);
    expect(migrationFolders(prismaDir)).toEqual([...before, folder]);
    const sql = readFileSync(path.join(created!.directory, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "widgets"');
    expect(sql).toContain('"created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP');
    expect(sql).toContain('CREATE UNIQUE INDEX "widgets_name_key"');
    expect(sql).not.toContain('"users"');
    expect(readFileSync(path.join(prismaDir, 'migrations/schema.snapshot.prisma'), 'utf8')).toContain('model Widget');

    // Nothing left to migrate, and the new folder applies and agrees with the snapshot.
    expect(await createMigration({ name: 'again', prismaDir, connectionString: ADMIN_URL })).toBeNull();
    const database = await createScratchDatabase(ADMIN_URL, 'create');
    try {
      const { applied } = await applyPendingMigrations({
        connectionString: database.connectionString,
        migrationsDir: path.join(prismaDir, 'migrations'),
      });
      expect(applied).toEqual([...before, folder]);
    } finally {
      await database.drop();
    }
    expect(await checkSchemaDrift({ prismaDir, adminConnectionString: ADMIN_URL })).toEqual({ ok: true, problems: [] });
  });

  it('starts from an empty database when there are no migrations yet', async () => {
    rmSync(path.join(prismaDir, 'migrations'), { recursive: true });

    const created = await createMigration({ name: 'init', prismaDir, connectionString: ADMIN_URL });

    const sql = readFileSync(path.join(created!.directory, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "users"');
    expect(sql).toContain(`CREATE TYPE "UserRole" AS ENUM ('user', 'admin')`);
    expect(readFileSync(path.join(prismaDir, 'migrations/migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
  });

  it('rejects names that are not lowercase snake case', async () => {
    for (const name of ['AddUsers', 'add-users', 'add users', '', '../escape']) {
      await expect(createMigration({ name, prismaDir, connectionString: ADMIN_URL })).rejects.toThrow(
        'Invalid migration name',
      );
    }
    expect(existsSync(path.join(prismaDir, 'migrations'))).toBe(true);
  });
});

describe('checkSchemaDrift', () => {
  let prismaDir: string;
  beforeEach(() => {
    prismaDir = copyPrismaDir();
  });
  afterEach(() => rmSync(prismaDir, { recursive: true, force: true }));

  const addNicknameColumn = (file: string) => {
    const content = readFileSync(file, 'utf8');
    const changed = content.replace('  avatarUrl ', '  nickname        String?\n  avatarUrl ');
    expect(changed).not.toBe(content);
    writeFileSync(file, changed);
  };

  it('passes for the repository, whose hand-written audit triggers are not drift', async () => {
    expect(await checkSchemaDrift({ prismaDir: REAL_PRISMA_DIR, adminConnectionString: ADMIN_URL })).toEqual({
      ok: true,
      problems: [],
    });
    expect(await leftoverScratchDatabases()).toEqual([]);
  });

  it('fails when schema.prisma gained a column without a migration', async () => {
    addNicknameColumn(path.join(prismaDir, 'schema.prisma'));

    const report = await checkSchemaDrift({ prismaDir, adminConnectionString: ADMIN_URL });

    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('schema.prisma has changes that no migration contains');
    expect(report.problems[0]).toContain('ADD COLUMN     "nickname" TEXT');
  });

  it('fails when the snapshot describes something the migrations do not build', async () => {
    addNicknameColumn(path.join(prismaDir, 'schema.prisma'));
    addNicknameColumn(path.join(prismaDir, 'migrations/schema.snapshot.prisma'));

    const report = await checkSchemaDrift({ prismaDir, adminConnectionString: ADMIN_URL });

    expect(report).toEqual({
      ok: false,
      problems: [
        'column public.users.nickname (text NULL) is in schema.snapshot.prisma but not created by the migrations',
      ],
    });
    expect(await leftoverScratchDatabases()).toEqual([]);
  });

  it('reports a migration that does not apply, and still drops its scratch databases', async () => {
    const broken = path.join(prismaDir, 'migrations/29990101000000_broken');
    cpSync(path.join(prismaDir, 'migrations', migrationFolders(prismaDir)[0]!), broken, { recursive: true });

    const report = await checkSchemaDrift({ prismaDir, adminConnectionString: ADMIN_URL });

    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(
      /^The migrations do not apply to an empty database: Migration 29990101000000_broken failed/,
    );
    expect(await leftoverScratchDatabases()).toEqual([]);
  });
});
