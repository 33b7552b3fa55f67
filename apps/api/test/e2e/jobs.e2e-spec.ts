import { JobQueue } from '../../src/jobs/job-queue';
import { startTestApp, type TestApp } from '../support/test-app';

describe('job queue on Redis', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { LP_MODE: 'all', METRICS_TOKEN: 'metrics-token-for-tests-0123456789' } });
  });
  afterAll(() => testApp.close());

  it('runs an enqueued job in the worker, retries a failure, and counts both', async () => {
    const queue = testApp.app.nest.get(JobQueue);
    const seen: unknown[] = [];
    let failuresLeft = 1;
    const done = new Promise<void>((resolve) => {
      queue.define('test.flaky', async (data) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('first attempt fails');
        }
        seen.push(data);
        resolve();
      });
    });
    await queue.enqueue('test.flaky', { hello: 'world' }, { backoff: { type: 'fixed', delay: 10 } });
    await done;
    expect(seen).toEqual([{ hello: 'world' }]);

    await expect(queue.enqueue('test.undefined', {})).rejects.toThrow('No handler is defined for job "test.undefined"');

    // The completed event fires just after the handler resolves.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const metrics = await testApp.http
      .get('/metrics')
      .set('Authorization', 'Bearer metrics-token-for-tests-0123456789')
      .expect(200);
    expect(metrics.text).toMatch(/jobs_processed_total\{name="test.flaky",outcome="failed"\} 1/);
    expect(metrics.text).toMatch(/jobs_processed_total\{name="test.flaky",outcome="completed"\} 1/);
  });
});
