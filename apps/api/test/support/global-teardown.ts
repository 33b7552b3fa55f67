import { Client } from 'pg';
import { testDatabaseAdminUrl } from './services';

/** Drops databases that test files left behind when a run was interrupted (older than an hour, so never a live one). */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: testDatabaseAdminUrl() });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database
        WHERE datname LIKE 'lp_test_f_%'
          AND (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification < now() - interval '1 hour'`,
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  } catch {
    // Reading file times needs superuser; without it, stale databases are simply left for a later run.
  } finally {
    await admin.end();
  }
}
