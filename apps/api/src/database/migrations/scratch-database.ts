import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  readonly name: string;
  readonly connectionString: string;
  /** Drops the database, disconnecting anyone still on it. */
  drop(): Promise<void>;
}

/** The same server as `connectionString`, another database on it. */
export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withAdmin<T>(adminConnectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty, uniquely named database (the drift check builds schemas in them; tests use them so files can
 * run in parallel). `label` must be lowercase letters, digits and underscores.
 */
export async function createScratchDatabase(adminConnectionString: string, label: string): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(label)) throw new Error(`Invalid scratch database label "${label}"`);
  // The random part comes first so that truncation to Postgres' 63-character limit never removes it.
  const name = `lp_${randomBytes(4).toString('hex')}_${process.pid}_${label}`.slice(0, 63);
  await withAdmin(adminConnectionString, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    connectionString: withDatabaseName(adminConnectionString, name),
    drop: async () => {
      await withAdmin(adminConnectionString, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}
