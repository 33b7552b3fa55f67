import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { cleanEnvironment, exitOf, freePort, mainJs, startServer, waitForOutput } from '../support/processes';
import { testRedisUrl } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import fs from 'node:fs';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('worker mode', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npm test builds it)`);
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('runs the job worker without opening the HTTP port, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const worker = startServer({
      ...cleanEnvironment(),
      LP_MODE: 'worker',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: `lp:test:${randomBytes(4).toString('hex')}:`,
      APP_URL: 'http://worker.test',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    });
    try {
      await waitForOutput(worker, 'LynxPrompt worker is running');
      expect(worker.output()).toContain('"mode":"worker"');
      expect(await accepts(port)).toBe(false);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await exitOf(worker.child)).toBe(0);
  });
});
