import { Global, Module } from '@nestjs/common';
import { SharedResponseCache } from './shared-response-cache';

/** Global so that every capability whose writes change public responses can clear the shared cache. */
@Global()
@Module({ providers: [SharedResponseCache], exports: [SharedResponseCache] })
export class HttpCacheModule {}
