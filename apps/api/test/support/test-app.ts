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
  /** Every log line the app wrote, parsed. */
  readonly logLines: Array<Record<string, unknown>>;
  /** The raw log text, to assert that something never appears in it. */
  rawLogs(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  readonly extraImports?: ModuleMetadata['imports'];
}

export const TEST_APP_URL = 'http://lynx.test';

/** Boots the real application on its own cloned database and its own Redis key prefix. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const prefix = `lp:test:${randomBytes(4).toString('hex')}:`;
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
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  let app: LynxPromptApp;
  try {
    app = await createApp({ config, logger: createLogger(config.logLevel, sink), extraImports: options.extraImports });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const rawLogs = () => chunks.join('');
  return {
    app,
    database,
    http: supertest(app.nest.getHttpServer()),
    get logLines() {
      return rawLogs()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    rawLogs,
    async close() {
      await app.close();
      await database.drop();
      await deleteRedisKeys(prefix);
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
