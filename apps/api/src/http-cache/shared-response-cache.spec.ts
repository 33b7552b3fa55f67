import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { loadConfig } from '../config/config';
import { cacheTagsOf, declareCacheTags, MAX_TAGS_PER_RESPONSE } from './cache-tags';
import { SharedResponseCache } from './shared-response-cache';

const config = loadConfig({
  NODE_ENV: 'test',
  APP_URL: 'https://prompts.example.org',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});

function offer(cache: SharedResponseCache, key: string, tags: readonly string[] | undefined, since = cache.sequence) {
  return cache.offer(
    key,
    { headers: {}, method: 'GET', routePath: '/x', since },
    {
      headers: { 'cache-control': 'public, max-age=60', etag: `"${key}"` },
      rawHeaderNames: ['Cache-Control', 'ETag'],
      body: Buffer.from(key),
      tags,
    },
  );
}

const held = (cache: SharedResponseCache, key: string) => cache.lookup(key, {}) !== undefined;

describe('SharedResponseCache tags', () => {
  it('drops only the entries showing an invalidated tag, and the untagged ones with any invalidation', () => {
    const cache = new SharedResponseCache(config);
    offer(cache, 'detail-a', ['blueprint:a', 'author:alice']);
    offer(cache, 'detail-b', ['blueprint:b', 'author:bob']);
    offer(cache, 'page-ab', ['catalogue', 'blueprint:a', 'blueprint:b']);
    offer(cache, 'page-b', ['catalogue', 'blueprint:b']);
    offer(cache, 'untagged', undefined);

    cache.invalidate(['blueprint:a']);
    expect(['detail-a', 'detail-b', 'page-ab', 'page-b', 'untagged'].filter((key) => held(cache, key))).toEqual([
      'detail-b',
      'page-b',
    ]);
    cache.invalidate(['author:bob']);
    expect(held(cache, 'detail-b')).toBe(false);
    expect(held(cache, 'page-b')).toBe(true);
  });

  it('neither answers nor keeps anything while it cannot hear other replicas, and starts empty when it can', () => {
    const cache = new SharedResponseCache(config);
    offer(cache, 'detail-a', ['blueprint:a']);
    cache.stopListening();
    expect(held(cache, 'detail-a')).toBe(false);
    expect(offer(cache, 'detail-b', ['blueprint:b'])).toBe(false);
    cache.listen();
    expect(held(cache, 'detail-a')).toBe(false);
    expect(offer(cache, 'detail-b', ['blueprint:b'])).toBe(true);
    expect(held(cache, 'detail-b')).toBe(true);
  });

  it('forgets dropped entries in its index: a replaced entry answers to its new tags only', () => {
    const cache = new SharedResponseCache(config);
    offer(cache, 'detail', ['blueprint:a']);
    offer(cache, 'detail', ['blueprint:b']);
    cache.invalidate(['blueprint:a']);
    expect(held(cache, 'detail')).toBe(true);
    cache.invalidate(['blueprint:b']);
    expect(held(cache, 'detail')).toBe(false);
  });

  it('does not keep a response that an invalidation made stale while it was being produced', () => {
    const cache = new SharedResponseCache(config);
    const started = cache.sequence;
    cache.invalidate(['blueprint:a']);
    expect(offer(cache, 'shows-a', ['blueprint:a'], started)).toBe(false);
    expect(offer(cache, 'shows-b', ['blueprint:b'], started)).toBe(true);
    expect(offer(cache, 'untagged', undefined, started)).toBe(false);
    cache.clear();
    expect(offer(cache, 'shows-c', ['blueprint:c'], started)).toBe(false);
    expect(offer(cache, 'shows-c', ['blueprint:c'])).toBe(true);
  });

  it('refuses to judge a request older than the invalidations it remembers', () => {
    const cache = new SharedResponseCache(config);
    const started = cache.sequence;
    for (let index = 0; index < 300; index++) cache.invalidate([`blueprint:other-${index}`]);
    expect(offer(cache, 'shows-a', ['blueprint:a'], started)).toBe(false);
    expect(offer(cache, 'shows-a', ['blueprint:a'], cache.sequence - 10)).toBe(true);
  });
});

describe('declareCacheTags', () => {
  const response = () => ({}) as ServerResponse;

  it('adds up the tags declared, once each', () => {
    const tagged = response();
    declareCacheTags(tagged, ['catalogue', 'blueprint:a']);
    declareCacheTags(tagged, ['blueprint:a', 'author:alice']);
    expect(cacheTagsOf(tagged)).toEqual(['catalogue', 'blueprint:a', 'author:alice']);
    expect(cacheTagsOf(response())).toBeUndefined();
  });

  it('treats a response with too many or odd tags as showing everything', () => {
    const many = response();
    declareCacheTags(
      many,
      Array.from({ length: MAX_TAGS_PER_RESPONSE + 1 }, (_, index) => `blueprint:${index}`),
    );
    expect(cacheTagsOf(many)).toBeUndefined();
    declareCacheTags(many, ['catalogue']);
    expect(cacheTagsOf(many)).toBeUndefined();

    const exactly = response();
    declareCacheTags(
      exactly,
      Array.from({ length: MAX_TAGS_PER_RESPONSE }, (_, index) => `blueprint:${index}`),
    );
    expect(cacheTagsOf(exactly)).toHaveLength(MAX_TAGS_PER_RESPONSE);

    const empty = response();
    declareCacheTags(empty, ['']);
    expect(cacheTagsOf(empty)).toBeUndefined();
  });
});
