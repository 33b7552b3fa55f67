import { z } from 'zod';
import {
  BLUEPRINT_KINDS,
  isStorableText,
  knownCategory,
  sha256Hex,
  usableTags,
} from '../../blueprints/blueprint-rules';
import { listFormats } from '@lynxprompt/formats';
import { firstIssue } from '../first-issue';
import { legacyCategory, legacyFormat } from './legacy-vocabulary';

/** Everything the crawler stores about one remote blueprint, validated and bounded. */
export interface RemoteCopy {
  remoteId: string;
  name: string;
  /** Null when the peer publishes none. */
  description: string | null;
  /** The kind as the API and the database's enum labels spell it (`mcp-config`). */
  kind: (typeof BLUEPRINT_KINDS)[number];
  format: string;
  tool: string;
  category: string | null;
  tags: string[];
  license: string;
  authorHandle: string | null;
  authorName: string;
  remoteVersion: number | null;
  content: string;
  contentHash: string;
  sizeBytes: number;
  canonicalUrl: string;
  rawUrl: string | null;
  favoriteCount: number;
  downloadCount: number;
  remoteCreatedAt: Date;
  remoteUpdatedAt: Date;
  /** Legacy peers: what their list said of it (legacyFingerprint); null for signed peers. */
  listingFingerprint: string | null;
}

/** A problem with one item or page, with a stable reason code for the crawl log. */
export class CrawlProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CrawlProblem';
  }
}

const bounded = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });
const counter = z.number().int().min(0).max(2_147_483_647).catch(0);

/** One item of a signed catalogue page (docs/federation.md §2.1). Unknown fields are ignored. */
const signedItemSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  description: bounded(5000).catch(''),
  kind: bounded(50),
  format: bounded(100).optional(),
  category: bounded(100).nullish(),
  tags: z.array(bounded(100)).max(100).catch([]),
  license: bounded(200).catch('NOASSERTION'),
  author: bounded(200).catch(''),
  authorHandle: bounded(100).nullish(),
  version: z.number().int().min(0).max(2_147_483_647).nullish(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256'),
  url: bounded(2000).optional(),
  rawUrl: bounded(2000).nullish(),
  downloads: counter.optional(),
  favorites: counter.optional(),
  createdAt: instant,
  updatedAt: instant,
  content: z.string(),
});

/** The page envelope; items are validated one by one so one bad item does not sink its page. */
export const signedPageSchema = (maxEntries: number) =>
  z.object({
    blueprints: z.array(z.unknown()).max(maxEntries),
    tombstones: z
      .array(z.object({ id: z.string().min(1).max(100) }))
      .max(maxEntries)
      .default([]),
    cursor: z.string().min(1).max(2000),
    hasMore: z.boolean(),
  });

/** The reference product's federation list (docs: shared notes on interop). */
export const legacyListSchema = (maxEntries: number) =>
  z.object({
    blueprints: z.array(z.unknown()).max(maxEntries),
    total: z.number().int().min(0).optional(),
  });

const legacyItemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a plain id'),
  name: z.string().trim().min(1).max(200),
  description: bounded(5000).nullish(),
  type: bounded(100).nullish(),
  category: bounded(100).nullish(),
  // Free-form there (1–30 characters each, at most 10); normalised to our spelling by usableTags.
  tags: z.array(bounded(100)).max(100).catch([]),
  downloads: counter.optional(),
  favorites: counter.optional(),
  author: bounded(200).nullish(),
  createdAt: instant,
  updatedAt: instant,
});
export type LegacyItem = z.infer<typeof legacyItemSchema>;

/**
 * A legacy blueprint's detail. Its metadata is the list's (same columns there), which is what a confirmation request
 * needs when the list skipped the item; `isPublic: false` means it is no longer shared.
 */
const legacyDetailSchema = z.object({
  content: z.string(),
  isPublic: z.boolean().optional(),
  name: z.unknown().optional(),
  description: z.unknown().optional(),
  type: z.unknown().optional(),
  category: z.unknown().optional(),
  tags: z.unknown().optional(),
  downloads: z.unknown().optional(),
  likes: z.unknown().optional(),
  author: z.unknown().optional(),
  createdAt: z.unknown().optional(),
});

/** The generic format of each kind, for items whose format we do not know. */
const GENERIC_FORMAT: Record<(typeof BLUEPRINT_KINDS)[number], string> = {
  rules: 'agents-md',
  command: 'claude-command',
  skill: 'claude-skill',
  agent: 'claude-agent',
  'mcp-config': 'vscode-mcp',
  settings: 'claude-settings',
};

function formatAndKind(format: string | undefined, kind: string | undefined) {
  const known = listFormats().find((candidate) => candidate.id === format);
  const kindName = (BLUEPRINT_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as (typeof BLUEPRINT_KINDS)[number])
    : (known?.kinds[0] ?? 'rules');
  const target =
    known && (known.kinds as readonly string[]).includes(kindName)
      ? known
      : listFormats().find((candidate) => candidate.id === GENERIC_FORMAT[kindName])!;
  return { format: target.id, tool: target.tool, kind: kindName };
}

/** A link shown to users must stay on the peer's own origin, over http(s): anything else is replaced. */
function sameOriginUrl(candidate: string | null | undefined, baseUrl: string, fallback: string): string {
  if (!candidate) return fallback;
  try {
    const url = new URL(candidate);
    return url.origin === new URL(baseUrl).origin && !url.username && !url.password ? url.href : fallback;
  } catch {
    return fallback;
  }
}

function checkedContent(content: string, maxBytes: number): { content: string; sizeBytes: number } {
  const sizeBytes = Buffer.byteLength(content, 'utf8');
  if (sizeBytes > maxBytes) throw new CrawlProblem('CONTENT_TOO_LARGE', `content is ${sizeBytes} bytes`);
  // PostgreSQL text cannot hold NUL; no instruction file needs it (nor an unpaired surrogate).
  if (!isStorableText(content)) {
    throw new CrawlProblem('CONTENT_INVALID', 'content contains NUL characters or unpaired surrogates');
  }
  return { content, sizeBytes };
}

/**
 * Every text field of a validated item (content aside, checked on its own) must be storable: one NUL in a name would
 * otherwise fail the statement that stores the whole page. Such an item is skipped like any other invalid one.
 */
function requireStorableFields(item: Record<string, unknown>, id: string): void {
  for (const [field, value] of Object.entries(item)) {
    if (field === 'content') continue;
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (texts.some((text) => typeof text === 'string' && !isStorableText(text))) {
      throw new CrawlProblem(
        'ITEM_INVALID',
        `${field} of ${JSON.stringify(id.slice(0, 100))} contains NUL characters or unpaired surrogates`,
      );
    }
  }
}

/** Tombstones name ids to delete; one that could not be stored could not match a copy either, so it is dropped. */
export function storableIds(ids: readonly string[]): string[] {
  return ids.filter(isStorableText);
}

/** Validates one signed item and checks its content against the announced hash. */
export function parseSignedItem(raw: unknown, baseUrl: string, maxContentBytes: number): RemoteCopy {
  const parsed = signedItemSchema.safeParse(raw);
  if (!parsed.success) throw new CrawlProblem('ITEM_INVALID', firstIssue(parsed.error, 'item'));
  const item = parsed.data;
  requireStorableFields(item, item.id);
  const { content, sizeBytes } = checkedContent(item.content, maxContentBytes);
  const contentHash = sha256Hex(content);
  if (contentHash !== item.contentHash) {
    throw new CrawlProblem('HASH_MISMATCH', `content of ${item.id} does not match its announced hash`);
  }
  const canonicalUrl = `${baseUrl}/blueprints/${encodeURIComponent(item.id)}`;
  return {
    remoteId: item.id,
    name: item.name,
    description: item.description,
    ...formatAndKind(item.format, item.kind),
    category: knownCategory(item.category ?? null),
    tags: usableTags(item.tags),
    license: item.license.trim() || 'NOASSERTION',
    authorHandle: item.authorHandle ?? null,
    authorName: item.author || item.authorHandle || 'unknown',
    remoteVersion: item.version ?? null,
    content,
    contentHash,
    sizeBytes,
    canonicalUrl: sameOriginUrl(item.url, baseUrl, canonicalUrl),
    rawUrl: item.rawUrl ? sameOriginUrl(item.rawUrl, baseUrl, `${canonicalUrl}/raw`) : null,
    favoriteCount: item.favorites ?? 0,
    downloadCount: item.downloads ?? 0,
    remoteCreatedAt: new Date(item.createdAt),
    remoteUpdatedAt: new Date(item.updatedAt),
    listingFingerprint: null,
  };
}

export function parseLegacyItem(raw: unknown): LegacyItem {
  const parsed = legacyItemSchema.safeParse(raw);
  if (!parsed.success) throw new CrawlProblem('ITEM_INVALID', firstIssue(parsed.error, 'item'));
  requireStorableFields(parsed.data, parsed.data.id);
  return parsed.data;
}

/**
 * What a legacy peer's list says of an item that can hint at an edit: a change here means its content may have
 * changed too. Counters and `updatedAt` are left out: the peer bumps both on every read of the detail.
 */
export function legacyFingerprint(item: LegacyItem): string {
  return sha256Hex(
    JSON.stringify([item.name, item.description ?? null, item.type ?? null, item.tags, item.category ?? null]),
  );
}

/** Everything we keep of a legacy item that its list carries: enough to refresh a copy without fetching it. */
export type LegacyListing = Omit<
  RemoteCopy,
  'content' | 'contentHash' | 'sizeBytes' | 'license' | 'authorHandle' | 'remoteVersion' | 'rawUrl'
> & { listingFingerprint: string };

export function legacyListing(item: LegacyItem, baseUrl: string): LegacyListing {
  return {
    remoteId: item.id,
    name: item.name,
    description: item.description ?? null,
    ...formatAndKind(legacyFormat(item.type), undefined),
    category: legacyCategory(item.category),
    tags: usableTags(item.tags),
    authorName: item.author || 'unknown',
    canonicalUrl: `${baseUrl}/blueprints/bp_${item.id}`,
    favoriteCount: item.favorites ?? 0,
    downloadCount: item.downloads ?? 0,
    remoteCreatedAt: new Date(item.createdAt),
    remoteUpdatedAt: new Date(item.updatedAt),
    listingFingerprint: legacyFingerprint(item),
  };
}

function parseLegacyDetail(remoteId: string, detail: unknown) {
  const parsed = legacyDetailSchema.safeParse(detail);
  if (!parsed.success) {
    throw new CrawlProblem('ITEM_INVALID', `detail of ${remoteId}: ${firstIssue(parsed.error, 'item')}`);
  }
  return parsed.data;
}

/** A legacy item and its separately fetched content. Legacy peers publish no hash: ours is computed here. */
export function legacyCopy(item: LegacyItem, detail: unknown, baseUrl: string, maxContentBytes: number): RemoteCopy {
  const { content, sizeBytes } = checkedContent(parseLegacyDetail(item.id, detail).content, maxContentBytes);
  return {
    ...legacyListing(item, baseUrl),
    // The reference product publishes no licence: nothing is assumed, so forks are refused.
    license: 'NOASSERTION',
    authorHandle: null,
    remoteVersion: null,
    content,
    contentHash: sha256Hex(content),
    sizeBytes,
    rawUrl: null,
  };
}

/** Whether a legacy detail says the blueprint is no longer shared (it answers private ones to their owner only). */
export function legacyDetailIsPrivate(remoteId: string, detail: unknown): boolean {
  return parseLegacyDetail(remoteId, detail).isPublic === false;
}

/**
 * The item a legacy detail describes, for a copy its list skipped: the detail carries the list's columns but no
 * `updatedAt` (the copy's own is kept) and names the favourite counter `likes`.
 */
export function legacyItemOfDetail(remoteId: string, detail: unknown, updatedAt: Date): LegacyItem {
  const fields = parseLegacyDetail(remoteId, detail);
  return parseLegacyItem({
    id: remoteId,
    name: fields.name,
    description: fields.description,
    type: fields.type,
    category: fields.category,
    tags: fields.tags,
    downloads: fields.downloads,
    favorites: fields.likes,
    author: fields.author,
    createdAt: fields.createdAt,
    updatedAt: updatedAt.toISOString(),
  });
}
