import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { BlueprintDetail } from './dto/blueprint-responses.dto';

/** What /raw serves for a blueprint everyone may read. */
export interface CachedRaw {
  etag: string;
  mediaType: string;
  content: string;
}

type Entry = { kind: 'detail'; detail: BlueprintDetail } | { kind: 'raw'; raw: CachedRaw };

const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Anonymous reads of published public and unlisted blueprints, kept for a few seconds. Responses already say
 * `Cache-Control: public, max-age=60`, so a copy this young is within what clients are told they may keep; writes in
 * this process evict at once, and other replicas' copies expire within the TTL. Owners and signed-in readers always
 * read through (their view differs), and private blueprints are never stored here.
 */
@Injectable()
export class PublicReadCache {
  private readonly entries: LRUCache<string, Entry> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const ttl = config.blueprints.publicReadCacheSeconds * 1000;
    this.entries =
      ttl > 0
        ? new LRUCache<string, Entry>({
            ttl,
            maxSize: MAX_BYTES,
            sizeCalculation: (entry) =>
              1024 + 2 * (entry.kind === 'raw' ? entry.raw.content.length : entry.detail.content.length),
          })
        : undefined;
  }

  detail(id: string): BlueprintDetail | undefined {
    const entry = this.entries?.get(`d:${id}`);
    return entry?.kind === 'detail' ? entry.detail : undefined;
  }

  storeDetail(detail: BlueprintDetail): void {
    this.entries?.set(`d:${detail.id}`, { kind: 'detail', detail });
  }

  raw(id: string): CachedRaw | undefined {
    const entry = this.entries?.get(`r:${id}`);
    return entry?.kind === 'raw' ? entry.raw : undefined;
  }

  storeRaw(id: string, raw: CachedRaw): void {
    this.entries?.set(`r:${id}`, { kind: 'raw', raw });
  }

  evict(id: string): void {
    this.entries?.delete(`d:${id}`);
    this.entries?.delete(`r:${id}`);
  }
}
