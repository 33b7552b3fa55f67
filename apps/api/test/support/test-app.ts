import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ModuleMetadata } from '@nestjs/common';
import { Redis } from 'ioredis';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp, type LynxPromptApp } from '../../src/bootstrap';
import { createLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testRedisUrl } from './services';

export interface TestApp {
  readonly app: LynxPromptApp;
  readonly database: TestDatabase;
  readonly http: TestAgent;
  /** What another replica of this app must share with it: database, Redis prefix and secrets. */
  readonly replicaEnv: Readonly<Record<string, string>>;
  /** Every log line the app wrote, parsed. */
  readonly logLines: Array<Record<string, unknown>>;
  /** The raw log text, to assert that something never appears in it. */
  rawLogs(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  readonly extraImports?: ModuleMetadata['imports'];
  /**
   * Starts another replica of that app: the same database, Redis prefix and secrets. The first app keeps owning them
   * (its close drops them), so close this one first.
   */
  readonly replicaOf?: TestApp;
}

export const TEST_APP_URL = 'http://lynx.test';

/** Boots the real application on its own cloned database and its own Redis key prefix (or another app's: replicaOf). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { replicaOf } = options;
  const database = replicaOf?.database ?? (await createTestDatabase());
  const replicaEnv = replicaOf?.replicaEnv ?? {
    DATABASE_URL: database.url,
    REDIS_PREFIX: `lp:test:${randomBytes(4).toString('hex')}:`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const prefix = replicaEnv.REDIS_PREFIX as string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-test-'));
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LP_MODE: 'api',
    APP_URL: TEST_APP_URL,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: testRedisUrl(),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...replicaEnv,
    ...options.env,
  });
  let app: LynxPromptApp;
  try {
    app = await createApp({ config, logger: createLogger(config.logLevel, sink), extraImports: options.extraImports });
  } catch (error) {
    if (!replicaOf) await database.drop();
    throw error;
  }
  const rawLogs = () => chunks.join('');
  return {
    app,
    database,
    http: supertest(app.nest.getHttpServer()),
    replicaEnv,
    get logLines() {
      return rawLogs()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    rawLogs,
    async close() {
      await app.close();
      if (!replicaOf) {
        await database.drop();
        await deleteRedisKeys(prefix);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes every Redis key under `prefix`: what one test app (or queue) wrote. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl());
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
