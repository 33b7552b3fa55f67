import supertest from 'supertest';
import { SCHEDULE_CRAWLS_JOB } from '../../src/federation/crawler/crawl-jobs';
import { JobQueue } from '../../src/jobs/job-queue';
import { MetricsService } from '../../src/metrics/metrics.service';
import { createBlueprint } from '../support/blueprints';
import { PrivateRedis } from '../support/redis-server';
import { signInAs, TestSignInModule } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// The outage and the wait for Redis to return take most of a minute.
jest.setTimeout(120_000);

/** Issue 17 asks each request to answer within about 1–2 s while Redis is down, where it used to hang for 15 s. */
const MAX_REQUEST_MS = 2_000;
const OUTAGE_MS = 20_000;
const PACE_MS = 250;

async function timed<T>(request: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await request();
  return { result, ms: Date.now() - started };
}

async function fallbacksCounted(testApp: TestApp): Promise<number> {
  const metric = await testApp.app.nest.get(MetricsService).rateLimitFallbacks.get();
  return metric.values.reduce((sum, value) => sum + value.value, 0);
}

describe('Redis outage', () => {
  let redis: PrivateRedis;
  let testApp: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    testApp = await startTestApp({ env: { REDIS_URL: redis.url }, extraImports: [TestSignInModule] });
  });

  afterAll(async () => {
    await testApp?.close();
    await redis?.kill();
  });

  it('keeps reads, sessions, writes and rate limits working, and restores the schedules', async () => {
    const owner = await signInAs(testApp, 'redis-outage@example.com');
    const before = await createBlueprint(owner, { visibility: 'public', publish: true });
    const anonymous = supertest(testApp.app.nest.getHttpServer());
    expect((await testApp.app.nest.get(JobQueue).scheduled()).map((entry) => entry.name)).toContain(
      SCHEDULE_CRAWLS_JOB,
    );
    const fallbacksBefore = await fallbacksCounted(testApp);

    await redis.kill();
    const outageEnds = Date.now() + OUTAGE_MS;
    const slowest: Record<string, number> = {};
    const remainingSeen: number[] = [];
    let writes = 0;
    while (Date.now() < outageEnds) {
      // Bounded, so a regression fails here rather than at the suite's timeout.
      const session = await timed(() => owner.agent.get('/api/v1/auth/session').timeout(5_000));
      expect(session.result.status).toBe(200);
      expect(session.result.body.user.id).toBe(owner.userId);
      // With a cookie: never answered from the shared response cache.
      const read = await timed(() => owner.agent.get(`/api/v1/blueprints/${before.id}`).timeout(5_000));
      expect(read.result.status).toBe(200);
      const anonymousRead = await timed(() => anonymous.get(`/api/v1/blueprints?q=outage${writes}`).timeout(5_000));
      expect(anonymousRead.result.status).toBe(200);
      remainingSeen.push(Number(anonymousRead.result.headers['x-ratelimit-remaining']));
      const write = await timed(() => createBlueprint(owner, { name: `Written during the outage ${writes}` }));
      expect(write.result.id).toEqual(expect.any(String));
      writes += 1;
      for (const [name, { ms }] of Object.entries({ session, read, anonymousRead, write })) {
        slowest[name] = Math.max(slowest[name] ?? 0, ms);
      }
      // Paced like a client, not a load test: the writes stay within one page of the owner's list below.
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    }
    for (const ms of Object.values(slowest)) expect(ms).toBeLessThan(MAX_REQUEST_MS);
    // Enqueueing (a peer's crawl, a billing webhook) fails fast rather than holding its request.
    const queue = testApp.app.nest.get(JobQueue);
    const enqueue = await timed(() =>
      queue.enqueue(SCHEDULE_CRAWLS_JOB, {}).then(
        () => 'queued',
        () => 'refused',
      ),
    );
    expect(enqueue).toEqual({ result: 'refused', ms: expect.any(Number) });
    expect(enqueue.ms).toBeLessThan(MAX_REQUEST_MS);
    expect(writes).toBeGreaterThan(3);
    const mine = await owner.agent.get('/api/v1/me/blueprints?limit=100').expect(200);
    expect(mine.body.items).toHaveLength(writes + 1);

    // Limits still held, counted in this process: the client's remaining allowance went down request by request.
    expect(await fallbacksCounted(testApp)).toBeGreaterThan(fallbacksBefore);
    expect(remainingSeen.slice(-3)).toEqual([...remainingSeen.slice(-3)].sort((a, b) => b - a));
    expect(remainingSeen.at(-1)).toBeLessThan(remainingSeen[0]!);
    const warnings = testApp.logLines.filter(
      (line) => line.msg === 'rate-limit store unavailable; counting in this process',
    );
    expect(warnings.length).toBeGreaterThan(0);
    // Connection errors reach the JSON log, throttled: not one line per reconnect attempt or per request.
    const connectionErrors = testApp.logLines.filter((line) => line.msg === 'redis connection error');
    expect(connectionErrors.length).toBeGreaterThan(0);
    expect(connectionErrors.length).toBeLessThanOrEqual(3 * Math.ceil(OUTAGE_MS / 10_000 + 1));

    // Redis comes back empty: the schedules are registered again without a restart of the app.
    await redis.restart();
    const deadline = Date.now() + 10_000;
    let names: string[] = [];
    while (Date.now() < deadline) {
      names = (await queue.scheduled().catch(() => [])).map((entry) => entry.name);
      if (names.includes(SCHEDULE_CRAWLS_JOB)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(names).toContain(SCHEDULE_CRAWLS_JOB);
    expect(testApp.logLines.find((line) => line.msg === 'job schedules were missing; registered again')).toMatchObject({
      reason: 'reconnect',
    });
    await owner.agent.get('/api/v1/auth/session').expect(200);
  });
});
