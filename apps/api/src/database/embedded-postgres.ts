import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock';
import { EmbeddedSocketServer, type EmbeddedSocketServerOptions } from './embedded-socket-server';

// The contrib extensions ship CommonJS builds, but their type declarations are ESM-only; load the CommonJS build
// so PGlite and its extensions come from the same module format.
/* eslint-disable @typescript-eslint/no-require-imports */
const { citext } = require('@electric-sql/pglite/contrib/citext') as typeof import(
  '@electric-sql/pglite/contrib/citext',
  { with: { 'resolution-mode': 'import' } }
);
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as typeof import(
  '@electric-sql/pglite/contrib/pg_trgm',
  { with: { 'resolution-mode': 'import' } }
);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * PostgreSQL compiled to WebAssembly, run in this process and exposed on a loopback port, so the unchanged
 * pg adapter, migrations and job queue talk to it exactly as they talk to a real server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: EmbeddedSocketServer,
    private readonly releaseLock: () => Promise<void>,
    readonly connectionString: string,
    readonly directory: string,
  ) {}

  /** `options` tune the socket server's bounds (tests shorten them); the defaults are what production runs. */
  static async start(
    dataDir: string,
    maxConnections: number,
    logger: Logger,
    options: Omit<EmbeddedSocketServerOptions, 'logger'> = {},
  ): Promise<EmbeddedPostgres> {
    const releaseLock = await lockDataDir(dataDir, (error) => {
      logger.fatal({ err: error }, 'lost the lock on the data folder; stopping to protect the data');
      process.exit(1);
    });
    const directory = path.join(dataDir, 'pgdata');
    try {
      // Extensions must be loaded when PGlite opens; later migrations may CREATE EXTENSION them.
      const db = await PGlite.create(directory, { extensions: { citext, pg_trgm } });
      const server = new EmbeddedSocketServer(db, maxConnections, { ...options, logger });
      const address = await server.start();
      const connectionString = `postgres://postgres:${server.password}@${address}/postgres?sslmode=disable`;
      return new EmbeddedPostgres(db, server, releaseLock, connectionString, directory);
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      await this.releaseLock();
    }
  }
}
