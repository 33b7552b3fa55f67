// `npm run db:migrate:<command>` ends up here (after building): node apps/api/dist/database/migrations/cli.js ...
import path from 'node:path';
import { migrationNameProblem } from './migration-files';
import {
  applyPendingMigrations,
  checkSchemaDrift,
  createMigration,
  getMigrationStatus,
  resolvePrismaDir,
  type MigrationStatus,
} from './migrator';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const USAGE = `Usage: node apps/api/dist/database/migrations/cli.js <command>

Commands:
  create NAME  write prisma/migrations/<UTC timestamp>_NAME/migration.sql from what changed in
               prisma/schema.prisma since the last migration (NAME: lowercase letters, digits, underscores)
  deploy       apply pending migrations to DATABASE_URL (like prisma migrate deploy)
  status       show applied, pending, failed and edited migrations of DATABASE_URL
  check        fail when prisma/schema.prisma and prisma/migrations disagree (builds scratch databases)

Environment:
  DATABASE_URL  deploy, status: the database (required).
                create, check: a server to work on (default ${DEFAULT_ADMIN_URL});
                check creates and drops scratch databases there, create only connects.
  PRISMA_DIR    the prisma folder (default: the nearest prisma/ above this file)

Exit codes: 0 ok; 1 error, drift, or (status) pending/failed/edited migrations; 2 usage.
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

/** Runs one command and returns the exit code; never throws. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = processIo,
): Promise<number> {
  try {
    return await dispatch(args, env, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(args: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  const expectArgs = (count: number) => {
    if (rest.length !== count)
      throw new UsageError(`"${command}" takes ${count || 'no'} argument${count === 1 ? '' : 's'}`);
  };
  const prismaDir = () => (env.PRISMA_DIR ? path.resolve(env.PRISMA_DIR) : resolvePrismaDir());

  switch (command) {
    case 'create': {
      expectArgs(1);
      const name = rest[0] ?? '';
      const problem = migrationNameProblem(name);
      if (problem) throw new UsageError(problem);
      const created = await createMigration({ name, prismaDir: prismaDir(), connectionString: adminUrl(env, io) });
      if (!created) {
        io.stdout('No changes in schema.prisma since the last migration: nothing to create.\n');
        return 0;
      }
      io.stdout(
        `Created ${displayPath(path.join(created.directory, 'migration.sql'))}\n` +
          'Review it (hand-written SQL such as triggers may be appended), then commit it together with ' +
          'prisma/migrations/schema.snapshot.prisma.\n',
      );
      return 0;
    }
    case 'deploy': {
      expectArgs(0);
      const connectionString = requiredUrl(env);
      io.stdout(`Deploying migrations to ${describeUrl(connectionString)}\n`);
      const { applied } = await applyPendingMigrations({
        connectionString,
        migrationsDir: path.join(prismaDir(), 'migrations'),
        logger: { info: (message) => io.stdout(`${message}\n`), warn: (message) => io.stderr(`${message}\n`) },
      });
      io.stdout(
        applied.length === 0
          ? 'No pending migrations: the database is up to date.\n'
          : `Applied ${applied.length} migration(s):\n${list(applied)}`,
      );
      return 0;
    }
    case 'status': {
      expectArgs(0);
      const connectionString = requiredUrl(env);
      const status = await getMigrationStatus({
        connectionString,
        migrationsDir: path.join(prismaDir(), 'migrations'),
      });
      io.stdout(`Migration status of ${describeUrl(connectionString)}\n${formatStatus(status)}`);
      return status.pending.length + status.failed.length + status.edited.length > 0 ? 1 : 0;
    }
    case 'check': {
      expectArgs(0);
      const report = await checkSchemaDrift({ prismaDir: prismaDir(), adminConnectionString: adminUrl(env, io) });
      if (report.ok) {
        io.stdout('OK: prisma/schema.prisma, the schema snapshot and prisma/migrations agree.\n');
        return 0;
      }
      io.stdout(`Schema drift:\n${report.problems.map((problem) => `  - ${problem}\n`).join('')}`);
      return 1;
    }
    case undefined:
      throw new UsageError('No command given');
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

function requiredUrl(env: NodeJS.ProcessEnv): string {
  if (!env.DATABASE_URL) throw new UsageError('DATABASE_URL must name the database to migrate');
  return env.DATABASE_URL;
}

function adminUrl(env: NodeJS.ProcessEnv, io: CliIo): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  io.stderr(`DATABASE_URL is not set; using ${DEFAULT_ADMIN_URL}\n`);
  return DEFAULT_ADMIN_URL;
}

/** Host, port and database, never the password. */
function describeUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the database';
  }
}

/** Relative to the working directory when inside it (the usual case: the repository root). */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function list(names: readonly string[]): string {
  return names.map((name) => `  ${name}\n`).join('');
}

function formatStatus(status: MigrationStatus): string {
  const section = (title: string, names: readonly string[]) =>
    names.length === 0 ? '' : `${title} (${names.length}):\n${list(names)}`;
  const lines = [
    section('Applied', status.applied),
    section('Pending', status.pending),
    section('FAILED (resolve before deploying again)', status.failed),
    section('EDITED after being applied (restore the original migration.sql)', status.edited),
    section('Recorded in the database but missing from the folder', status.notInFolder),
  ].join('');
  const verdict =
    status.failed.length + status.edited.length > 0
      ? 'The migration history needs attention.\n'
      : status.pending.length > 0
        ? `${status.pending.length} migration(s) pending: run deploy.\n`
        : 'The database is up to date.\n';
  return `${lines || 'No migrations in the folder.\n'}${verdict}`;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
