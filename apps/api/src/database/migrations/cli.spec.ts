import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from './cli';
import { resolvePrismaDir } from './migrator';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('migrations CLI', () => {
  it.each([[[]], [['bogus']], [['create']], [['create', 'Add-Users']], [['create', 'a', 'b']], [['deploy', 'extra']]])(
    'exits 2 with usage for %j',
    async (args) => {
      const io = capture();
      expect(await runCli(args, {}, io)).toBe(2);
      expect(io.err).toContain('Usage: node apps/api/dist/database/migrations/cli.js <command>');
    },
  );

  it('requires DATABASE_URL for deploy and status', async () => {
    const io = capture();
    expect(await runCli(['status'], {}, io)).toBe(2);
    expect(io.err).toContain('DATABASE_URL must name the database to migrate');
  });

  it('prints help on --help', async () => {
    const io = capture();
    expect(await runCli(['--help'], {}, io)).toBe(0);
    expect(io.out).toContain('Exit codes:');
  });

  it('creates nothing when the schema is already migrated, saying which server it used', async () => {
    // A copy: were the schema ever ahead of its migrations, the real folder must not gain one from a test.
    const prismaDir = mkdtempSync(path.join(os.tmpdir(), 'lp-prisma-cli-'));
    try {
      cpSync(resolvePrismaDir(), prismaDir, { recursive: true });
      const before = readdirSync(path.join(prismaDir, 'migrations'));
      const io = capture();
      expect(await runCli(['create', 'nothing_new'], { PRISMA_DIR: prismaDir }, io)).toBe(0);
      expect(io.out).toContain('nothing to create');
      expect(io.err).toContain('DATABASE_URL is not set; using postgres://postgres@127.0.0.1:5432/postgres');
      expect(readdirSync(path.join(prismaDir, 'migrations'))).toEqual(before);
    } finally {
      rmSync(prismaDir, { recursive: true, force: true });
    }
  });

  describe('against a database', () => {
    let database: ScratchDatabase;
    beforeAll(async () => {
      database = await createScratchDatabase(ADMIN_URL, 'cli');
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('reports pending (exit 1), deploys (exit 0), then reports up to date (exit 0)', async () => {
      const env = { DATABASE_URL: database.connectionString, PRISMA_DIR: resolvePrismaDir() };

      const before = capture();
      expect(await runCli(['status'], env, before)).toBe(1);
      expect(before.out).toMatch(/Pending \(\d+\):\n {2}\d{14}_init\n/);

      const deploy = capture();
      expect(await runCli(['deploy'], env, deploy)).toBe(0);
      expect(deploy.out).toMatch(/Applied \d+ migration\(s\):\n {2}\d{14}_init\n/);
      expect(deploy.out).not.toContain(database.connectionString);

      const after = capture();
      expect(await runCli(['status'], env, after)).toBe(0);
      expect(after.out).toContain('The database is up to date.');
    });
  });
});
