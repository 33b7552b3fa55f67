import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobQueue } from '../../src/jobs/job-queue';
import { testRedisUrl } from '../support/services';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 17: schedules lost from Redis without a reconnect (a flush, an eviction, an operator's mistake) come back by
// the periodic check alone. The fault suite covers the reconnect path.
describe('job schedules missing from the queue store', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { JOB_SCHEDULE_CHECK_SECONDS: '1' } });
  });
  afterAll(() => testApp?.close());

  it('registers them again at the next periodic check, and logs which', async () => {
    const jobs = testApp.app.nest.get(JobQueue);
    const registered = (await jobs.scheduled()).map((entry) => entry.name).sort();
    expect(registered.length).toBeGreaterThan(0);

    // Removed behind the app's back, on a connection of the test's own: the app sees no reconnect.
    const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const queue = new Queue('default', { connection, prefix: `${testApp.app.config.redis.prefix}bull` });
    try {
      for (const name of registered) await queue.removeJobScheduler(name);
      expect(await queue.getJobSchedulers()).toEqual([]);

      const deadline = Date.now() + 5_000;
      let names: string[] = [];
      while (Date.now() < deadline) {
        names = (await jobs.scheduled()).map((entry) => entry.name).sort();
        if (names.length === registered.length) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(names).toEqual(registered);
      // A check may fall between two removals: together, the checks name every schedule they registered again.
      const checks = testApp.logLines.filter((line) => line.msg === 'job schedules were missing; registered again');
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) expect(check.reason).toBe('periodic check');
      expect([...new Set(checks.flatMap((check) => check.schedules as string[]))].sort()).toEqual(registered);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
