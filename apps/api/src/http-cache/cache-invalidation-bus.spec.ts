import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../common/logging/logger';
import { loadConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { CacheInvalidationBus } from './cache-invalidation-bus';
import { SharedResponseCache } from './shared-response-cache';

/** A loopback port with nothing listening on it: Redis "down". */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('CacheInvalidationBus with Redis unreachable', () => {
  it('keeps nothing in the cache, never fails a write, and logs the failed publish', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      APP_URL: 'https://prompts.example.org',
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    const chunks: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const cache = new SharedResponseCache(config);
    const bus = new CacheInvalidationBus(cache, new MetricsService(), config, logger);
    // Not awaited: start-up would wait for a subscription that cannot come.
    void bus.onModuleInit();
    try {
      // It cannot hear other replicas, so it keeps nothing they could make stale.
      const kept = cache.offer(
        'detail',
        { headers: {}, method: 'GET', routePath: '/x', since: cache.sequence },
        {
          headers: { 'cache-control': 'public, max-age=60' },
          rawHeaderNames: ['Cache-Control'],
          body: Buffer.from('x'),
          tags: ['blueprint:a'],
        },
      );
      expect(kept).toBe(false);
      expect(cache.lookup('detail', {})).toBeUndefined();

      expect(() => bus.invalidate(['blueprint:a'])).not.toThrow();

      const deadline = Date.now() + 2_000;
      const logged = () => chunks.join('').includes('could not publish a shared-cache invalidation');
      while (!logged() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logged()).toBe(true);
    } finally {
      // ioredis gives a connection that never opened 2 s to close before it destroys it; Jest may say it waited.
      await bus.onApplicationShutdown();
    }
  });
});
