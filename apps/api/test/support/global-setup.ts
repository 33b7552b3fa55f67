import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { applyPendingMigrations } from '../../src/database/migrations/migrator';
import { databaseUrlFor, TEMPLATE_ENV, testDatabaseAdminUrl, testRedisUrl } from './services';

const migrationsDir = path.resolve(__dirname, '../../../../prisma/migrations');

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const entry of fs.readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, entry, 'migration.sql');
    if (fs.existsSync(file)) hash.update(entry).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

async function assertRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${url} (${(error as Error).message}). Run the suite with npm test, which starts it.`,
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * Migrates one template database per migration set, once; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second and lets files run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = testDatabaseAdminUrl();
  await assertRedis(testRedisUrl());
  const admin = new Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}). Run the suite with npm test, which starts it.`,
    );
  }
  try {
    const template = `lp_test_tpl_${migrationsFingerprint()}`;
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      // Build under a temporary name and rename at the end, so a concurrent run never clones a half-migrated template.
      const building = `${template}_build_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await applyPendingMigrations({ connectionString: databaseUrlFor(adminUrl, building), migrationsDir });
      await admin
        .query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)
        .catch(() => admin.query(`DROP DATABASE IF EXISTS "${building}"`));
    }
    process.env[TEMPLATE_ENV] = template;
  } finally {
    await admin.end();
  }
}
