import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client';
import { freePort } from '../../../test/support/processes';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { isConnectionFailure } from './outage';

/** What a call threw; fails the test if it did not throw. */
async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

// Real errors, from the app's own Prisma client and node-postgres, not hand-made look-alikes.
describe('isConnectionFailure', () => {
  let closedPortUrl: string;
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    closedPortUrl = `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`;
    database = await createTestDatabase();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await database.drop();
  });

  it('recognises an unreachable server through every Prisma API (P1001, and P2010 for raw queries)', async () => {
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: closedPortUrl }) });
    try {
      const model = await thrownBy(() => unreachable.user.findFirst());
      expect(model).toMatchObject({ code: 'P1001' });
      expect(isConnectionFailure(model)).toBe(true);
      const raw = await thrownBy(() => unreachable.$queryRaw`SELECT 1`);
      expect(raw).toMatchObject({ code: 'P2010' });
      expect(isConnectionFailure(raw)).toBe(true);
      expect(
        isConnectionFailure(await thrownBy(() => unreachable.$transaction(async (tx) => tx.user.findFirst()))),
      ).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it('recognises node-postgres refusing to connect (ECONNREFUSED)', async () => {
    const client = new pg.Client({ connectionString: closedPortUrl });
    const error = await thrownBy(() => client.connect());
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isConnectionFailure(error)).toBe(true);
  });

  it('recognises a connection the server terminated inside a transaction (57P01)', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const error = await thrownBy(() =>
        prisma.$transaction(async (tx) => {
          const [backend] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
          await admin.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
          await tx.user.findFirst();
        }),
      );
      expect(isConnectionFailure(error)).toBe(true);
    } finally {
      await admin.end();
    }
  });

  it('leaves bugs and bad queries alone: they stay 500s', async () => {
    expect(isConnectionFailure(await thrownBy(() => prisma.$queryRawUnsafe('SELEC 1')))).toBe(false);
    expect(isConnectionFailure(await thrownBy(() => prisma.$queryRawUnsafe('SELECT 1/0')))).toBe(false);
    expect(
      isConnectionFailure(await thrownBy(() => prisma.user.findUniqueOrThrow({ where: { id: 'us_missing' } }))),
    ).toBe(false);
    expect(isConnectionFailure(await thrownBy(async () => (undefined as unknown as { x: number }).x))).toBe(false);
    expect(isConnectionFailure(null)).toBe(false);
  });

  it('recognises Redis that is down: no offline queue, retries exhausted', async () => {
    const port = await freePort();
    const noQueue = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const retrying = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => 10 });
    retrying.on('error', () => undefined);
    noQueue.on('error', () => undefined);
    try {
      expect(isConnectionFailure(await thrownBy(() => noQueue.get('key')))).toBe(true);
      expect(isConnectionFailure(await thrownBy(() => retrying.get('key')))).toBe(true);
    } finally {
      noQueue.disconnect();
      retrying.disconnect();
    }
  });
});
