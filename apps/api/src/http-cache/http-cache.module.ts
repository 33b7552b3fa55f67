import { Global, Module } from '@nestjs/common';
import { CacheInvalidationBus } from './cache-invalidation-bus';
import { SharedResponseCache } from './shared-response-cache';

/** Global so that every capability whose writes change public responses can invalidate what they showed. */
@Global()
@Module({
  providers: [SharedResponseCache, CacheInvalidationBus],
  exports: [SharedResponseCache, CacheInvalidationBus],
})
export class HttpCacheModule {}
