import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { CacheStore } from './cache-store';
import { KEY_VALUE_STORE, type KeyValueStore } from './key-value-store';
import { RateLimitCounters } from './rate-limit-counters';

class KeyValueStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class KeyValueModule {
  static forRoot(store: KeyValueStore): DynamicModule {
    return {
      module: KeyValueModule,
      providers: [{ provide: KEY_VALUE_STORE, useValue: store }, KeyValueStoreCloser, CacheStore, RateLimitCounters],
      exports: [KEY_VALUE_STORE, CacheStore, RateLimitCounters],
    };
  }
}
