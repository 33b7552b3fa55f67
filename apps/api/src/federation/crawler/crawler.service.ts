import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CacheInvalidationBus } from '../../http-cache/cache-invalidation-bus';
import { CATALOGUE_TAG, peerTag } from '../../http-cache/cache-tags';
import { JobQueue } from '../../jobs/job-queue';
import { MetricsService } from '../../metrics/metrics.service';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { OutboundError } from '../../outbound/outbound-http-client';
import { firstIssue } from '../first-issue';
import { SIGNATURE_HEADER, verifySignature } from '../signature';
import { hostOf } from '../peers/domain-name';
import { PeerVerificationError } from '../peers/peers.errors';
import { PeersRepository, type PeerRow } from '../peers/peers.repository';
import { PeersService } from '../peers/peers.service';
import { afterSuccess } from '../peers/peer-state';
import { CRAWL_PEER_JOB, SCHEDULE_CRAWLS_JOB, type CrawlPeerJob, type CrawlTrigger } from './crawl-jobs';
import { CrawlAborted, CrawlLog, Semaphore } from './crawl-log';
import {
  CATALOGUE_PAGE_LIMIT,
  CATALOGUE_PATH,
  CrawlSteps,
  describeFailure,
  parseJson,
  type SyncState,
} from './crawl-steps';
import { LegacyCrawler } from './legacy-crawler';
import { RemoteCopiesRepository } from './remote-copies.repository';
import { CrawlProblem, parseSignedItem, signedPageSchema, storableIds, type RemoteCopy } from './remote-items';

/** How often a peer's manifest is read again when nothing else asks for it. */
const MANIFEST_MAX_AGE_MS = 6 * 3600 * 1000;
/** A run that stopped at the page limit continues this soon. */
const CONTINUE_AFTER_MS = 5_000;
/** Longer than any run; a crashed worker's lock expires by itself. */
const LOCK_TTL_MS = 30 * 60_000;
/** The scheduler leases a due peer for this long, so it is not queued again while its crawl waits or runs. */
const SCHEDULE_LEASE_MS = 15 * 60_000;
const SCHEDULE_EVERY_MS = 60_000;
const SCHEDULE_BATCH = 500;

/** `rejected`: the peer answered, but nothing it sent was valid (a failure, with backoff, recorded apart). */
export type CrawlResult = 'succeeded' | 'not_modified' | 'failed' | 'rejected' | 'skipped' | 'locked' | 'gone';

/**
 * The read-only crawler. One job per peer; a per-peer lock in the shared store means two workers never crawl the
 * same peer at once, and each process crawls at most FEDERATION_CONCURRENCY peers at a time, so adding workers adds
 * throughput. Nothing a peer sends is trusted: pages are signature-checked (signed peers), items validated and their
 * content hashed, every request goes through the SSRF-safe client with a byte cap.
 */
@Injectable()
export class CrawlerService implements OnModuleInit {
  private readonly slots: Semaphore;

  constructor(
    private readonly peers: PeersService,
    private readonly peerRows: PeersRepository,
    private readonly copies: RemoteCopiesRepository,
    private readonly steps: CrawlSteps,
    private readonly legacy: LegacyCrawler,
    private readonly jobs: JobQueue,
    private readonly responseCache: CacheInvalidationBus,
    private readonly metrics: MetricsService,
    @Inject(KEY_VALUE_STORE) private readonly kv: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.slots = new Semaphore(config.federation.concurrency);
  }

  onModuleInit(): void {
    this.jobs.define(CRAWL_PEER_JOB, async (data) => {
      const { peerId, trigger } = data as CrawlPeerJob;
      await this.crawl(peerId, trigger);
    });
    this.jobs.define(SCHEDULE_CRAWLS_JOB, async () => {
      await this.enqueueDue();
    });
    this.jobs.schedule(SCHEDULE_CRAWLS_JOB, SCHEDULE_EVERY_MS);
  }

  /** Queues a crawl of every peer that is due, leasing each so the next tick does not queue it again. */
  async enqueueDue(now = new Date()): Promise<number> {
    if (!this.config.instance.federationEnabled) return 0;
    const due = await this.peerRows.listDue(now, SCHEDULE_BATCH);
    for (const { id } of due) {
      await this.peerRows.update(id, { nextCrawlAt: new Date(now.getTime() + SCHEDULE_LEASE_MS) });
      await this.peers.enqueueCrawl(id, 'schedule');
    }
    return due.length;
  }

  async crawl(peerId: string, trigger: CrawlTrigger): Promise<CrawlResult> {
    return this.slots.run(async () => {
      const lock = `federation:crawl-lock:${peerId}`;
      const token = randomUUID();
      if (!(await this.kv.setIfAbsent(lock, token, LOCK_TTL_MS))) {
        this.logger.debug({ peerId }, 'federation crawl already running elsewhere');
        return 'locked';
      }
      try {
        return await this.crawlLocked(peerId, trigger);
      } finally {
        await this.kv.deleteIfEquals(lock, token);
      }
    });
  }

  private async crawlLocked(peerId: string, trigger: CrawlTrigger): Promise<CrawlResult> {
    let peer = await this.peerRows.findById(peerId);
    if (!peer) return 'gone';
    if (!this.config.instance.federationEnabled) return 'skipped';
    const verdict = await this.peers.verdict(hostOf(peer.domain));
    if (verdict === 'block' || peer.status === 'blocked') return 'skipped';
    // Suspended peers are crawled only when an admin asks; a success then clears the suspension.
    if (peer.status === 'suspended' && trigger !== 'manual') return 'skipped';

    const run = await this.peerRows.startRun(peer.id, trigger);
    const log = new CrawlLog();
    let result: CrawlResult = 'failed';
    const startedAt = Date.now();
    try {
      if (this.manifestIsStale(peer, trigger)) peer = await this.peers.verify(peer);
      if (peer.pendingPublicKey !== null) throw keyChanged(peer);
      const listed = verdict === 'federate';
      const state = peer.signed
        ? await this.crawlSigned(peer, listed, log)
        : await this.legacy.crawl(peer, listed, log);
      if (log.nothingValid) {
        throw new CrawlAborted(
          'NOTHING_VALID',
          `${peer.domain} sent ${log.invalidItems} entries and not one was valid`,
        );
      }
      const now = new Date();
      await this.peerRows.update(peer.id, {
        ...afterSuccess(now, state.more ? CONTINUE_AFTER_MS : this.config.federation.crawlIntervalMs),
        cursor: state.cursor,
        cursorEtag: state.cursorEtag,
        blueprintCount: await this.copies.count(peer.id),
        lastCrawlAt: now,
      });
      result = state.notModified && !log.changed ? 'not_modified' : 'succeeded';
    } catch (error) {
      result = await this.recordFailure(peer, error, log, trigger);
      if (result === 'failed' && log.nothingValid) result = 'rejected';
    } finally {
      await this.peerRows.finishRun(run.id, { outcome: result, ...log.summary() });
      this.metrics.federationCrawls.inc({ outcome: result });
      this.metrics.federationRequests.inc(log.requests);
      // A crawl that changed copies is rare and batched: every listing is refreshed, so new copies show at once.
      if (log.changed) this.responseCache.invalidate([peerTag(peer.domain), CATALOGUE_TAG]);
      this.logger.info(
        {
          peer: peer.domain,
          trigger,
          outcome: result,
          ms: Date.now() - startedAt,
          ...log.summary(),
          errors: undefined,
        },
        'federation crawl finished',
      );
    }
    return result;
  }

  private manifestIsStale(peer: PeerRow, trigger: CrawlTrigger): boolean {
    if (peer.status === 'pending' || peer.manifestFetchedAt === null) return true;
    // A peer that is failing may have fixed (or moved) something; an admin's "crawl now" re-reads it too.
    if (peer.status !== 'verified' || trigger === 'manual') return true;
    return Date.now() - peer.manifestFetchedAt.getTime() > MANIFEST_MAX_AGE_MS;
  }

  private async recordFailure(peer: PeerRow, error: unknown, log: CrawlLog, trigger: CrawlTrigger) {
    const { code, message, retryAfter, addressKind } = describeFailure(error);
    log.stop(code, message);
    if (code === 'KEY_CHANGED') {
      this.logger.warn({ peer: peer.domain, reason: code, trigger }, 'federation crawl stopped: peer key changed');
      return 'skipped';
    }
    // peers.verify has already recorded its own failure (and backoff).
    if (!(error instanceof PeerVerificationError)) {
      const current = (await this.peerRows.findById(peer.id)) ?? peer;
      await this.peers.recordFailure(current, code, message, retryAfter, addressKind);
    }
    if (!(error instanceof CrawlAborted || error instanceof PeerVerificationError || error instanceof OutboundError)) {
      this.logger.error({ err: error, peer: peer.domain }, 'federation crawl failed unexpectedly');
    }
    return 'failed';
  }

  // ── Signed peers: incremental, by cursor ──────────────────────────────────────────────────────────────────────────

  private async crawlSigned(peer: PeerRow, listed: boolean, log: CrawlLog): Promise<SyncState> {
    const publicKey = peer.publicKey;
    if (!publicKey) throw new CrawlAborted('KEY_MISSING', 'A signed peer without a pinned key');
    let cursor = peer.cursor;
    let etag = peer.cursorEtag;
    const seenCursors = new Set<string>();
    const seenPages = new Set<string>();
    const maxPages = this.config.federation.maxPagesPerRun;
    // Content comes inline: a run needs about one request per page of what the peer says it holds.
    log.requestBudget = this.steps.budgetFor(peer.advertisedCount, 0);
    const pageAt = (position: string | null, ifNoneMatch?: string) => {
      const url = new URL(`${peer.baseUrl}${CATALOGUE_PATH}`);
      url.searchParams.set('limit', String(CATALOGUE_PAGE_LIMIT));
      url.searchParams.set('include', 'content');
      if (position) url.searchParams.set('cursor', position);
      const request = this.steps.fetch(url, log, { ifNoneMatch });
      // Awaited below, or abandoned when the run stops first: never an unhandled rejection.
      request.catch(() => undefined);
      return request;
    };
    let pending = pageAt(cursor, etag ?? undefined);
    for (let page = 0; page < maxPages; page += 1) {
      const response = await pending;
      if (response.status === 304) return { cursor, cursorEtag: etag, more: false, notModified: true };

      const received = new URL(response.url);
      const check = verifySignature(
        response.headers[SIGNATURE_HEADER],
        { publicKey },
        `${received.pathname}${received.search}`,
        response.body,
      );
      if (!check.ok) {
        if (check.reason === 'SIGNATURE_KEY_MISMATCH' && (await this.peers.verify(peer)).pendingPublicKey !== null) {
          throw keyChanged(peer);
        }
        throw new CrawlAborted(check.reason, `A catalogue page of ${peer.domain} failed signature verification`);
      }
      const parsed = signedPageSchema(CATALOGUE_PAGE_LIMIT).safeParse(parseJson(response.body));
      if (!parsed.success) {
        throw new CrawlAborted('PAGE_INVALID', `A catalogue page is invalid: ${firstIssue(parsed.error, 'body')}`);
      }
      log.pages += 1;
      const { blueprints, tombstones, cursor: next } = parsed.data;
      if (blueprints.length + tombstones.length === 0) {
        // The tail of the catalogue: its ETag lets the next run cost one request answered 304.
        return { cursor: next, cursorEtag: response.headers.etag ?? null, more: false, notModified: false };
      }
      if (next === cursor || seenCursors.has(next)) {
        throw new CrawlAborted('CURSOR_LOOP', `${peer.domain} returned a cursor it had already returned`);
      }
      seenCursors.add(next);
      this.steps.refuseRepeatedPage(seenPages, [...blueprints, ...tombstones], peer);
      const budgetLeft = log.requests < log.requestBudget;
      // The peer prepares the next page while this one is stored: its work and ours overlap.
      if (page + 1 < maxPages && budgetLeft) pending = pageAt(next);
      const copies: RemoteCopy[] = [];
      for (const raw of blueprints) {
        try {
          copies.push(parseSignedItem(raw, peer.baseUrl, this.config.federation.maxContentBytes));
          log.valid();
        } catch (error) {
          if (!(error instanceof CrawlProblem)) throw error;
          log.invalid(error.code, error.message);
        }
      }
      await this.steps.store(peer, copies, listed, log);
      const gone = storableIds(tombstones.map((tombstone) => tombstone.id));
      for (let refused = tombstones.length - gone.length; refused > 0; refused -= 1) {
        log.invalid('ITEM_INVALID', 'a tombstone id contains NUL characters or unpaired surrogates');
      }
      log.valid(gone.length);
      log.removed += await this.copies.remove(peer.id, gone);
      cursor = next;
      etag = null;
      // Progress is kept page by page: a run cut short resumes here.
      await this.peerRows.update(peer.id, { cursor, cursorEtag: null });
      this.steps.stopOnInvalidStreak(peer, log);
      if (!budgetLeft) {
        this.steps.budgetSpent(peer, log);
        break;
      }
    }
    return { cursor, cursorEtag: null, more: true, notModified: false };
  }
}

function keyChanged(peer: PeerRow): CrawlAborted {
  return new CrawlAborted(
    'KEY_CHANGED',
    `${peer.domain} now publishes a different key; crawling stops until an admin approves it`,
  );
}
