import { Inject, Injectable } from '@nestjs/common';
import { AppError, CommonErrorCode } from '../common/errors/app-error';
import { DatabaseHealth } from '../database/database-health';
import { KEY_VALUE_STORE, type KeyValueStore } from '../kv/key-value-store';
import type { DependencyCheck, ReadyResponse } from './health.controller';

const CHECK_TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: 'down', latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHealth,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
  ) {}

  async ready(): Promise<ReadyResponse> {
    const [database, redis] = await Promise.all([check(() => this.database.ping()), check(() => this.store.ping())]);
    const checks = { database, redis };
    if (database.status === 'down' || redis.status === 'down') {
      throw new AppError(CommonErrorCode.NotReady, 'A dependency is unavailable', 503, { checks });
    }
    return { status: 'ok', checks };
  }
}
