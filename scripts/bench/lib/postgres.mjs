// The benchmarks' own PostgreSQL database: created on demand, migrated with the app's migration CLI (from the build),
// and recognised by a marker kept in the database's comment, so that no table outside the schema is needed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const DEFAULT_CATALOG_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_catalog';
/** The catalogue size the default database holds; other sizes get a database of their own. */
export const DEFAULT_CATALOG_COUNT = 100_000;

/** The local catalogue database for `count` blueprints: lynxprompt_bench_catalog at 100,000, else ..._<count>. */
export function catalogDatabaseUrl(count) {
  if (count === DEFAULT_CATALOG_COUNT) return DEFAULT_CATALOG_DATABASE_URL;
  const url = new URL(DEFAULT_CATALOG_DATABASE_URL);
  url.pathname = `/lynxprompt_bench_catalog_${count}`;
  return url.toString();
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** URL without the password, for messages. */
export function redactUrl(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdmin(url, work) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when it does not exist; returns whether it did. */
export async function ensureDatabase(url) {
  const name = databaseName(url);
  return withAdmin(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount > 0) return false;
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  });
}

export async function dropDatabase(url) {
  const name = databaseName(url);
  await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

/** Runs `cli.js deploy` from the API build, exactly as `npm run db:migrate:deploy` does after building. */
export function deployMigrations(root, url) {
  const cli = path.join(root, 'apps/api/dist/database/migrations/cli.js');
  if (!fs.existsSync(cli)) {
    throw new Error(
      'Build the API first (NX_DAEMON=false npx nx run @lynxprompt/api:build): its migration CLI is needed',
    );
  }
  const run = spawnSync(process.execPath, [cli, 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() };
}

export async function readDatabaseComment(client) {
  const { rows } = await client.query(
    'SELECT shobj_description(oid, $1) AS comment FROM pg_database WHERE datname = current_database()',
    ['pg_database'],
  );
  return rows[0]?.comment ?? null;
}

export async function writeDatabaseComment(client, comment) {
  const { rows } = await client.query('SELECT current_database() AS name');
  const literal = comment === null ? 'NULL' : `'${comment.replace(/'/g, "''")}'`;
  await client.query(`COMMENT ON DATABASE ${quoteIdentifier(rows[0].name)} IS ${literal}`);
}
