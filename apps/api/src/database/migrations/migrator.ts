// Prisma Migrate without the Prisma CLI: the same prisma/migrations folders and the same _prisma_migrations table
// (so `prisma migrate` keeps working wherever its native engine is available), driven through the WASM engine.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm' with {
  'resolution-mode': 'import',
};
import {
  LOCKFILE,
  LOCKFILE_CONTENT,
  MIGRATION_SCRIPT,
  SCHEMA_FILE,
  SNAPSHOT_FILE,
  listMigrationNames,
  migrationNameProblem,
  nextMigrationTimestamp,
  readMigrationList,
} from './migration-files';
import { compareSchemas, describeDatabaseSchema, listExtensions } from './schema-compare';
import { describeEngineError, withSchemaEngine, type SchemaEngine } from './schema-engine';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

/** Compatible with a pino logger. */
export interface MigrationLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface MigrationStatus {
  /** In the folder and recorded as applied, in folder order. */
  applied: string[];
  /** In the folder, not applied yet. */
  pending: string[];
  /** Recorded as failed (and not rolled back): deployments refuse to continue until this is resolved. */
  failed: string[];
  /** Applied, but the migration.sql in the folder no longer matches the recorded checksum. */
  edited: string[];
  /** Recorded as applied, but missing from the folder (e.g. this build is older than the database). */
  notInFolder: string[];
}

export interface DriftReport {
  ok: boolean;
  problems: string[];
}

/** A migration could not be applied, or the recorded history forbids applying anything. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    readonly migrations: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
// Any constant works as long as nothing else uses it. Not Prisma's own 72707369: the engine takes that one on its
// pool, and we must not block it while holding ours.
export const MIGRATION_LOCK_KEY = 1_280_921_176;

/**
 * Applies the migrations that are not yet recorded in `_prisma_migrations`, like `prisma migrate deploy`, while
 * holding an advisory lock on a connection of its own: replicas starting together take turns, and the later ones
 * find nothing pending. Refuses to run when an applied migration was edited or an earlier one failed.
 */
export async function applyPendingMigrations(options: {
  connectionString: string;
  migrationsDir: string;
  logger?: MigrationLogger;
}): Promise<{ applied: string[] }> {
  const { connectionString, logger } = options;
  const migrationsList = await readMigrationList(options.migrationsDir);
  return withMigrationLock(connectionString, logger, () =>
    withSchemaEngine({ connectionString, onLog: engineWarningsTo(logger) }, async (engine) => {
      const history = await diagnose(engine, migrationsList);
      assertHistoryAllowsApplying(history);
      const unknown = notInFolderOf(history);
      if (unknown.length > 0) {
        // Normal for a moment during a rolling deployment; otherwise this build is older than the database.
        logger?.warn(`The database has migrations this build does not know: ${unknown.join(', ')}`);
      }
      const pending = pendingOf(history);
      if (pending.length === 0) return { applied: [] };
      logger?.info(`Applying ${pending.length} migration(s): ${pending.join(', ')}`);
      try {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
        return { applied: appliedMigrationNames };
      } catch (error) {
        throw await explainFailedApply(engine, migrationsList, pending, error);
      }
    }),
  );
}

export async function getMigrationStatus(options: {
  connectionString: string;
  migrationsDir: string;
}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationList(options.migrationsDir);
  const history = await withSchemaEngine({ connectionString: options.connectionString }, (engine) =>
    diagnose(engine, migrationsList),
  );
  const pending = pendingOf(history);
  const notApplied = new Set([...pending, ...history.failedMigrationNames]);
  return {
    applied: migrationsList.migrationDirectories.map((entry) => entry.path).filter((name) => !notApplied.has(name)),
    pending,
    failed: history.failedMigrationNames,
    edited: history.editedMigrationNames,
    notInFolder: notInFolderOf(history),
  };
}

/**
 * Writes `migrations/<UTC timestamp>_<name>/migration.sql` with the SQL that turns the committed snapshot (or an
 * empty database, for the first migration) into the current schema.prisma, then moves the snapshot forward.
 * Returns null and writes nothing when the schema has not changed. `connectionString` is only needed because the
 * engine insists on a database connection; nothing is read from or written to that database.
 */
export async function createMigration(options: {
  name: string;
  prismaDir: string;
  connectionString: string;
}): Promise<{ directory: string } | null> {
  const problem = migrationNameProblem(options.name);
  if (problem) throw new Error(problem);
  const files = await readPrismaDir(options.prismaDir);
  if (files.snapshot === null && files.migrationNames.length > 0) {
    throw new Error(`${files.snapshotPath} is missing although migrations exist; restore it from version control`);
  }
  const script = await withSchemaEngine(
    { connectionString: options.connectionString, schemaFiles: [{ path: files.schemaPath, content: files.schema }] },
    (engine) => diffScript(engine, files.snapshot, files.schema),
  );
  if (script === null) return null;

  const directory = path.join(
    files.migrationsDir,
    `${nextMigrationTimestamp(new Date(), files.migrationNames)}_${options.name}`,
  );
  await mkdir(files.migrationsDir, { recursive: true });
  await mkdir(directory);
  await writeFile(path.join(directory, MIGRATION_SCRIPT), script);
  const lockfile = path.join(files.migrationsDir, LOCKFILE);
  if (!existsSync(lockfile)) await writeFile(lockfile, LOCKFILE_CONTENT);
  await writeFile(files.snapshotPath, snapshotOf(files.schema));
  return { directory };
}

/**
 * Fails when schema.prisma changed without a migration, or when the migrations folder does not build the schema
 * the snapshot describes (someone edited a migration or the snapshot by hand). The second check builds one
 * scratch database from the migrations and one from the snapshot, then compares tables, columns, indexes,
 * constraints and enums; functions, triggers and views that migrations add by hand do not count.
 */
export async function checkSchemaDrift(options: {
  prismaDir: string;
  adminConnectionString: string;
}): Promise<DriftReport> {
  const files = await readPrismaDir(options.prismaDir);
  if (files.snapshot === null) {
    const problem =
      files.migrationNames.length === 0
        ? 'There are no migrations yet: create the first one with `npm run db:migrate:create -- init`'
        : `${files.snapshotPath} is missing although migrations exist; restore it from version control`;
    return { ok: false, problems: [problem] };
  }
  const snapshot = files.snapshot;

  const problems: string[] = [];
  const { unmigrated, snapshotScript } = await withSchemaEngine(
    {
      connectionString: options.adminConnectionString,
      schemaFiles: [{ path: files.schemaPath, content: files.schema }],
    },
    async (engine) => ({
      unmigrated: await diffScript(engine, snapshot, files.schema),
      snapshotScript: await diffScript(engine, null, snapshot),
    }),
  );
  if (unmigrated !== null) {
    problems.push(
      `${SCHEMA_FILE} has changes that no migration contains; run \`npm run db:migrate:create -- <name>\`. ` +
        `The missing SQL:\n${indent(unmigrated)}`,
    );
  }
  problems.push(...(await compareMigrationsWithSnapshot(files.migrationsDir, snapshotScript ?? '', options)));
  return { ok: problems.length === 0, problems };
}

/**
 * The folder holding `prisma/schema.prisma`: $PRISMA_DIR, else the nearest `prisma` folder above this file, which
 * finds the repository's from both src/ (tests) and dist/ (the built CLI).
 */
export function resolvePrismaDir(startDir: string = __dirname): string {
  const fromEnv = process.env.PRISMA_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma');
    if (existsSync(path.join(candidate, SCHEMA_FILE))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(`No prisma/${SCHEMA_FILE} found above ${startDir}; set PRISMA_DIR to the prisma folder`);
    }
  }
}

async function withMigrationLock<T>(
  connectionString: string,
  logger: MigrationLogger | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: 'lynxprompt-migrations-lock' });
  // A dropped connection also rejects the pending query, which is where it gets reported.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      logger?.info('Another instance is migrating this database; waiting for it to finish');
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      // Closing the connection would release the lock too, except on embedded Postgres where all connections share
      // one session.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function diagnose(engine: SchemaEngine, migrationsList: MigrationList): Promise<DiagnoseMigrationHistoryOutput> {
  return engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS });
}

function pendingOf(history: DiagnoseMigrationHistoryOutput): string[] {
  return history.history && 'unappliedMigrationNames' in history.history ? history.history.unappliedMigrationNames : [];
}

function notInFolderOf(history: DiagnoseMigrationHistoryOutput): string[] {
  return history.history && 'unpersistedMigrationNames' in history.history
    ? history.history.unpersistedMigrationNames
    : [];
}

function assertHistoryAllowsApplying(history: DiagnoseMigrationHistoryOutput): void {
  const failed = history.failedMigrationNames;
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed.join(', ')} failed in an earlier run, so no further migrations are applied. Fix the ` +
        `cause, then mark it rolled back (UPDATE _prisma_migrations SET rolled_back_at = now() WHERE ` +
        `migration_name = '${failed[0]}' AND finished_at IS NULL) to have it retried.`,
      failed,
    );
  }
  const edited = history.editedMigrationNames;
  if (edited.length > 0) {
    throw new MigrationError(
      `Migration ${edited.join(', ')} was changed after it was applied to this database. Applied migrations must ` +
        `not be edited: restore the original migration.sql and put the change in a new migration.`,
      edited,
    );
  }
}

async function explainFailedApply(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  pending: string[],
  error: unknown,
): Promise<MigrationError> {
  const recorded = await diagnose(engine, migrationsList).then(
    (history) => history.failedMigrationNames,
    () => [],
  );
  const named = /migration_name="([^"]+)"/.exec(error instanceof Error ? error.message : '')?.[1];
  const failed = recorded.length > 0 ? recorded : named ? [named] : [];
  const which = failed.length > 0 ? `Migration ${failed.join(', ')} failed` : `Applying ${pending.join(', ')} failed`;
  return new MigrationError(`${which}: ${describeEngineError(error)}`, failed, { cause: error });
}

/** The engine logs every script at INFO; only its warnings are worth passing on. */
function engineWarningsTo(logger: MigrationLogger | undefined): ((line: string) => void) | undefined {
  if (!logger) return undefined;
  return (line) => {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if (typeof entry !== 'object' || entry === null) return;
    const { level, fields } = entry as { level?: unknown; fields?: { message?: unknown } };
    if ((level === 'WARN' || level === 'ERROR') && typeof fields?.message === 'string') {
      logger.warn(`Schema engine: ${fields.message}`);
    }
  };
}

/** SQL turning `from` (null: an empty database) into `to`, or null when they describe the same schema. */
async function diffScript(engine: SchemaEngine, from: string | null, to: string): Promise<string | null> {
  const result = await engine.diff({
    from:
      from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SNAPSHOT_FILE, content: from }] },
    to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: to }] },
    script: true,
    // Makes the engine report whether the diff is empty (exit code 2 when it is not).
    exitCode: true,
    filters: NO_FILTERS,
  });
  return result.exitCode === 0 ? null : (result.stdout ?? '');
}

interface PrismaDirFiles {
  schemaPath: string;
  schema: string;
  migrationsDir: string;
  migrationNames: string[];
  snapshotPath: string;
  snapshot: string | null;
}

async function readPrismaDir(prismaDir: string): Promise<PrismaDirFiles> {
  const schemaPath = path.join(prismaDir, SCHEMA_FILE);
  const migrationsDir = path.join(prismaDir, 'migrations');
  const snapshotPath = path.join(migrationsDir, SNAPSHOT_FILE);
  return {
    schemaPath,
    schema: await readFile(schemaPath, 'utf8'),
    migrationsDir,
    migrationNames: await listMigrationNames(migrationsDir),
    snapshotPath,
    snapshot: existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : null,
  };
}

const SNAPSHOT_HEADER =
  '// Written by `npm run db:migrate:create`: prisma/schema.prisma as of the newest migration. Do not edit.\n' +
  '// The next migration is the difference between this file and schema.prisma.\n\n';

function snapshotOf(schema: string): string {
  return SNAPSHOT_HEADER + schema;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function compareMigrationsWithSnapshot(
  migrationsDir: string,
  snapshotScript: string,
  options: { adminConnectionString: string },
): Promise<string[]> {
  const scratch: ScratchDatabase[] = [];
  try {
    const fromMigrations = await createScratchDatabase(options.adminConnectionString, 'drift_migrations');
    scratch.push(fromMigrations);
    const fromSnapshot = await createScratchDatabase(options.adminConnectionString, 'drift_snapshot');
    scratch.push(fromSnapshot);
    try {
      await applyPendingMigrations({ connectionString: fromMigrations.connectionString, migrationsDir });
    } catch (error) {
      return [`The migrations do not apply to an empty database: ${describeEngineError(error)}`];
    }
    // Columns of extension types (citext, ...) need the extensions the migrations created by hand.
    const extensions = await listExtensions(fromMigrations.connectionString);
    const script = extensions.map((name) => `CREATE EXTENSION IF NOT EXISTS "${name}";\n`).join('') + snapshotScript;
    try {
      await runScript(fromSnapshot.connectionString, script);
    } catch (error) {
      return [`The SQL for the schema snapshot does not run on an empty database: ${describeEngineError(error)}`];
    }
    return compareSchemas(
      await describeDatabaseSchema(fromMigrations.connectionString),
      await describeDatabaseSchema(fromSnapshot.connectionString),
      { left: 'the migrations', right: SNAPSHOT_FILE },
    );
  } finally {
    await Promise.all(scratch.map((database) => database.drop()));
  }
}

async function runScript(connectionString: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}
