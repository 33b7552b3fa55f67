import type { ServerResponse } from 'node:http';

/**
 * Surrogate keys: a response the shared cache may keep names the resources it shows, and a write drops every kept
 * response naming what it changed. The tags travel on the response object itself (never as a header), so nothing
 * of them can reach a client.
 */
const TAGS = Symbol('sharedCacheTags');

/** More than this and a response is treated as showing everything: any invalidation drops it. */
export const MAX_TAGS_PER_RESPONSE = 512;
/** Longer tags are not ours (ids, handles and domains are far shorter): the response then shows "everything". */
const MAX_TAG_LENGTH = 300;

type Tagged = ServerResponse & { [TAGS]?: Set<string> | 'everything' };

export const blueprintTag = (id: string): string => `blueprint:${id}`;
/** Users and organizations share one handle space; handles are compared without case. */
export const authorTag = (handle: string): string => `author:${handle.toLowerCase()}`;
/** Everything copied from one federation peer. */
export const peerTag = (domain: string): string => `peer:${domain.toLowerCase()}`;
/** Every listing page: so that an empty one still names something (an untagged response depends on everything). */
export const CATALOGUE_TAG = 'catalogue';
/** Catalogue pages in trending order, which the scheduled refresh reorders. */
export const TRENDING_TAG = 'catalogue:trending';
/** The /.well-known documents (they carry the instance key). */
export const WELL_KNOWN_TAG = 'well-known';
/**
 * The signed federation catalogue pages, as a whole: every write peers would see (and a key rotation) drops them all.
 * Peers read them a few times per crawl, so their freshness matters and their hit rate does not.
 */
export const FEDERATION_CATALOGUE_TAG = 'federation-catalogue';

/** Declares what a response shows; may be called more than once, the tags add up. */
export function declareCacheTags(response: ServerResponse, tags: Iterable<string>): void {
  const tagged = response as Tagged;
  const declared = tagged[TAGS];
  if (declared === 'everything') return;
  const set = declared ?? new Set<string>();
  tagged[TAGS] = set;
  for (const tag of tags) {
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH || (!set.has(tag) && set.size >= MAX_TAGS_PER_RESPONSE)) {
      tagged[TAGS] = 'everything';
      return;
    }
    set.add(tag);
  }
}

/**
 * The tags a response declared, or undefined when it declared none or too many: such a response depends on
 * everything, and any invalidation drops it (the safe default for a route nobody tagged).
 */
export function cacheTagsOf(response: ServerResponse): readonly string[] | undefined {
  const tags = (response as Tagged)[TAGS];
  return tags === undefined || tags === 'everything' || tags.size === 0 ? undefined : [...tags];
}
