import { Inject, Injectable } from '@nestjs/common';
import { contentEtag, ifNoneMatchMatches } from '../../common/http/conditional-get';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { InstanceKeysService } from '../keys/instance-keys.service';
import { FEDERATION_PROTOCOL, signatureHeader } from '../signature';
import {
  FederationDisabledError,
  InvalidFederationCursorError,
  InvalidFederationLimitError,
  InvalidOffsetError,
  InvalidUpdatedSinceError,
} from './catalogue.errors';
import type { FederationCatalogueQuery, FederationItem } from './catalogue.dto';
import { FederationCatalogueRepository, type FeedPosition, type FeedRow } from './catalogue.repository';

const INCREMENTAL_LIMIT = { default: 100, max: 500 };
const OFFSET_LIMIT = { default: 50, max: 100 };
/** The largest page body (section 2.1); with content, a page ends early rather than pass it. */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** Room kept for the envelope around the entries (protocol, instance, cursor, flags). */
const ENVELOPE_BYTES = 2048;
const CURSOR_MODE = 'inc';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What the controller sends: a fresh body with its signature, or 304 for the ETag the client holds. */
export type CatalogueResponse =
  | { readonly status: 200; readonly etag: string; readonly body: Buffer; readonly signature: string }
  | { readonly status: 304; readonly etag: string };

function parseLimit(raw: string | undefined, bounds: { default: number; max: number }): number {
  if (raw === undefined) return bounds.default;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= bounds.max)) throw new InvalidFederationLimitError(bounds.max);
  return limit;
}

function parseOffset(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new InvalidOffsetError();
  return Number(raw);
}

function parseInstant(raw: string): string {
  const time = ISO_INSTANT.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(time)) throw new InvalidUpdatedSinceError();
  return new Date(time).toISOString();
}

/** Opaque to crawlers: base64url JSON naming the mode and the position, re-encoded canonically. */
export function encodeFeedCursor(position: FeedPosition | undefined): string {
  const payload = { m: CURSOR_MODE, t: position?.updatedAt ?? null, i: position?.id ?? null };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeFeedCursor(cursor: string): FeedPosition | undefined {
  try {
    if (cursor.length > 256 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { m: mode, t: updatedAt, i: id } = parsed;
    if (mode !== CURSOR_MODE || Object.keys(parsed).length !== 3) throw new Error('another mode');
    if (updatedAt === null) {
      if (id !== null) throw new Error('an id without a time');
      return undefined;
    }
    // Only times this catalogue wrote: canonical ISO strings, which round-trip exactly.
    if (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) throw new Error('bad time');
    if (new Date(updatedAt).toISOString() !== updatedAt) throw new Error('not canonical');
    if (id === null) return { updatedAt };
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new Error('bad id');
    return { updatedAt, id };
  } catch {
    throw new InvalidFederationCursorError();
  }
}

/**
 * The catalogue peers crawl (docs/federation.md, sections 2 and 3). Every page is a pure function of the data and
 * the request, with no generation time in it, so an unchanged page has the same bytes and ETag on every request and
 * a re-crawl of an idle instance is answered 304.
 */
@Injectable()
export class FederationCatalogueService {
  constructor(
    private readonly repository: FederationCatalogueRepository,
    private readonly keys: InstanceKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A page for `query` as requested at `pathAndQuery` (what the signature covers), or 304 for `ifNoneMatch`. */
  async page(
    query: FederationCatalogueQuery,
    pathAndQuery: string,
    ifNoneMatch: string | undefined,
  ): Promise<CatalogueResponse> {
    if (!this.config.instance.federationEnabled) throw new FederationDisabledError();
    const body = query.offset !== undefined ? await this.offsetPage(query) : await this.incrementalPage(query);
    const etag = contentEtag(body);
    if (ifNoneMatchMatches(ifNoneMatch, etag)) return { status: 304, etag };
    const key = await this.keys.activeKey();
    return { status: 200, etag, body, signature: signatureHeader(key.privateKey, key.id, pathAndQuery, body) };
  }

  private async incrementalPage(query: FederationCatalogueQuery): Promise<Buffer> {
    const limit = parseLimit(query.limit, INCREMENTAL_LIMIT);
    const start =
      query.cursor !== undefined
        ? decodeFeedCursor(query.cursor)
        : query.updated_since !== undefined
          ? { updatedAt: parseInstant(query.updated_since) }
          : undefined;
    const withContent = (query.include ?? '').split(',').some((part) => part.trim() === 'content');
    const rows = await this.repository.feed(start, limit + 1, withContent, MAX_PAGE_BYTES - ENVELOPE_BYTES);

    const items: string[] = [];
    const tombstones: string[] = [];
    let size = ENVELOPE_BYTES;
    let taken = 0;
    for (const row of rows.slice(0, limit)) {
      // The repository read no content past the byte budget: such an item could not fit, so the page ends here.
      if (withContent && row.listed && row.content === null && taken > 0) break;
      const entry = JSON.stringify(
        row.listed ? this.item(row, withContent) : { id: row.id, deletedAt: iso(row.updated_at) },
      );
      const entryBytes = Buffer.byteLength(entry) + 1;
      // Never an item in half, and never an empty page when there is something to send.
      if (taken > 0 && size + entryBytes > MAX_PAGE_BYTES) break;
      (row.listed ? items : tombstones).push(entry);
      size += entryBytes;
      taken += 1;
    }
    const last = rows[taken - 1];
    const cursor = encodeFeedCursor(last ? { updatedAt: iso(last.updated_at), id: last.id } : start);
    const head = `{"protocol":${JSON.stringify(FEDERATION_PROTOCOL)},"instance":${JSON.stringify(this.config.instance.domain)}`;
    return Buffer.from(
      `${head},"blueprints":[${items.join(',')}],"tombstones":[${tombstones.join(',')}],` +
        `"cursor":${JSON.stringify(cursor)},"hasMore":${rows.length > taken}}`,
      'utf8',
    );
  }

  private async offsetPage(query: FederationCatalogueQuery): Promise<Buffer> {
    const offset = parseOffset(query.offset as string);
    const limit = parseLimit(query.limit, OFFSET_LIMIT);
    const [rows, total] = await Promise.all([
      this.repository.byDownloads(offset, limit),
      this.repository.countListed(),
    ]);
    const blueprints = rows.map((row) => this.item(row, false));
    return Buffer.from(JSON.stringify({ blueprints, total, limit, offset }), 'utf8');
  }

  private item(row: FeedRow, withContent: boolean): FederationItem {
    const base = this.config.http.appUrl;
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      kind: row.kind,
      format: row.format,
      tool: row.tool,
      category: row.category,
      tags: row.tags,
      license: row.license,
      author: row.author ?? '',
      authorHandle: row.author_handle ?? '',
      version: row.published_version as number,
      contentHash: row.published_hash as string,
      sizeBytes: row.size_bytes ?? 0,
      url: `${base}/blueprints/${row.id}`,
      rawUrl: `${base}/api/v1/blueprints/${row.id}/raw`,
      downloads: row.download_count,
      favorites: row.favorite_count,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      publishedAt: iso(row.first_published_at as Date),
      ...(withContent && row.content !== null ? { content: row.content } : {}),
    };
  }
}

function iso(date: Date): string {
  return date.toISOString();
}
