import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboundError, OutboundHttpClient, type OutboundResponse } from '../../outbound/outbound-http-client';
import { addressKindOf } from '../peers/peer-verifier';
import { PeerVerificationError } from '../peers/peers.errors';
import type { PeerRow } from '../peers/peers.repository';
import { CrawlAborted, type CrawlLog, INVALID_ITEMS_BREAKER, requestBudget, retryAfterMs } from './crawl-log';
import { RemoteCopiesRepository, type KnownCopy } from './remote-copies.repository';
import { RemoteScans, type ScannedCopy } from './remote-scans';
import type { RemoteCopy } from './remote-items';

export const CATALOGUE_PATH = '/api/v1/federation/blueprints';
/** Entries asked per page, and the most a page may carry before it is refused as hostile (both protocols). */
export const CATALOGUE_PAGE_LIMIT = 100;
/** A page is at most 4 MB by the protocol; twice that is refused without reading further. */
const PAGE_MAX_BYTES = 8 * 1024 * 1024;
/** What a legacy peer answers for a blueprint that is deleted or no longer public. */
export const GONE_STATUSES: readonly number[] = [403, 404, 410];
/** Consecutive failed requests within one run that open the circuit: the run stops and backs off. */
export const CIRCUIT_BREAKER_FAILURES = 5;

/** Where a run leaves a peer. */
export interface SyncState {
  cursor: string | null;
  cursorEtag: string | null;
  /** More is waiting (the page limit stopped the run): continue soon. */
  more: boolean;
  notModified: boolean;
}

/**
 * What crawling a signed peer and a legacy one have in common: requests to the peer (counted, byte-capped, refused
 * when they fail), the request budget, loop and garbage breakers, and storing validated copies within the per-peer
 * limit.
 */
@Injectable()
export class CrawlSteps {
  constructor(
    private readonly copies: RemoteCopiesRepository,
    private readonly scans: RemoteScans,
    private readonly outbound: OutboundHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The request budget of a run against a peer announcing `announced` entries, each costing `perItem` requests. */
  budgetFor(announced: number | null | undefined, perItem: number): number {
    const { maxBlueprintsPerPeer, maxRequestsPerRun } = this.config.federation;
    return requestBudget(announced, {
      pageSize: CATALOGUE_PAGE_LIMIT,
      perItem,
      maxItems: maxBlueprintsPerPeer,
      cap: maxRequestsPerRun,
    });
  }

  /**
   * The run spent its budget. At the configured cap that is a big peer: the run stops and the next one continues.
   * Below it, the peer sent more than the size it announced can need: the run stops as hostile.
   */
  budgetSpent(peer: PeerRow, log: CrawlLog): void {
    if (log.requestBudget >= this.config.federation.maxRequestsPerRun) {
      log.error('REQUEST_BUDGET_SPENT', `The run's ${log.requestBudget} requests are spent; the next run continues`);
      return;
    }
    throw new CrawlAborted(
      'REQUEST_BUDGET_EXCEEDED',
      `${peer.domain} needs more than the ${log.requestBudget} requests its announced size allows`,
    );
  }

  /** The same entries as an earlier page of this run (whatever the cursor or offset says) are a loop. */
  refuseRepeatedPage(seen: Set<string>, entries: readonly unknown[], peer: PeerRow): void {
    const ids = entries.map((entry) => {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? id : '';
    });
    const fingerprint = createHash('sha256').update(JSON.stringify(ids.sort())).digest('hex');
    if (seen.has(fingerprint)) {
      throw new CrawlAborted('PAGE_LOOP', `${peer.domain} sent the same entries as an earlier page of this run`);
    }
    seen.add(fingerprint);
  }

  stopOnInvalidStreak(peer: PeerRow, log: CrawlLog): void {
    if (!log.invalidBreakerOpen) return;
    throw new CrawlAborted(
      'TOO_MANY_INVALID_ITEMS',
      `${INVALID_ITEMS_BREAKER} entries in a row from ${peer.domain} were invalid`,
    );
  }

  /**
   * Upserts a page's copies, within FEDERATION_MAX_BLUEPRINTS_PER_PEER: new items past the limit are left out.
   * `known` is what the caller already read of these ids, if it did.
   */
  async store(
    peer: PeerRow,
    copies: RemoteCopy[],
    listed: boolean,
    log: CrawlLog,
    known?: ReadonlyMap<string, KnownCopy>,
  ): Promise<void> {
    const unique = [...new Map(copies.map((copy) => [copy.remoteId, copy])).values()];
    if (unique.length === 0) return;
    known ??= await this.copies.known(
      peer.id,
      unique.map((copy) => copy.remoteId),
    );
    const room = this.config.federation.maxBlueprintsPerPeer - (await this.copies.count(peer.id));
    let newAllowed = Math.max(0, room);
    const kept = unique.filter((copy) => known.has(copy.remoteId) || newAllowed-- > 0);
    if (kept.length < unique.length) {
      log.error('LIMIT_REACHED', `${unique.length - kept.length} new blueprints over the per-peer limit were skipped`);
    }
    const scanned = await this.scans.scan(kept, known, (code, message) => log.error(code, message));
    const { added, updated } = await this.upsertEach(peer, scanned, listed, log);
    log.added += added;
    log.updated += updated;
  }

  /**
   * One statement for the page; if the database refuses it, one per copy, so a value validation missed costs that
   * item (logged, STORE_FAILED) and not the page. Nothing runs in a shared transaction, so a failed statement
   * poisons nothing. (Were the database itself down, the run's next write fails it anyway.)
   */
  private async upsertEach(peer: PeerRow, copies: ScannedCopy[], listed: boolean, log: CrawlLog) {
    try {
      return await this.copies.upsert(peer.id, copies, listed);
    } catch (pageError) {
      if (copies.length === 1) {
        this.logStoreFailure(peer, copies[0] as ScannedCopy, pageError, log);
        return { added: 0, updated: 0 };
      }
      const totals = { added: 0, updated: 0 };
      for (const copy of copies) {
        try {
          const one = await this.copies.upsert(peer.id, [copy], listed);
          totals.added += one.added;
          totals.updated += one.updated;
        } catch (error) {
          this.logStoreFailure(peer, copy, error, log);
        }
      }
      return totals;
    }
  }

  private logStoreFailure(peer: PeerRow, copy: RemoteCopy, error: unknown, log: CrawlLog): void {
    const message = error instanceof Error ? error.message.split('\n').slice(-1)[0] : String(error);
    this.logger.warn({ peer: peer.domain, remoteId: copy.remoteId, err: message }, 'federation item not stored');
    log.validItems -= 1;
    log.invalid('STORE_FAILED', `${copy.remoteId} could not be stored: ${message}`);
  }

  /** One request to the peer: counted, byte-capped, and turned into a CrawlAborted for anything but success. */
  async fetch(
    url: URL,
    log: CrawlLog,
    /** `gone`: 404, 403 and 410 are answers (a legacy detail that is gone or private), not failures. */
    options: { ifNoneMatch?: string; gone?: boolean } = {},
  ): Promise<OutboundResponse> {
    log.requests += 1;
    let response: OutboundResponse;
    try {
      response = await this.outbound.request({
        url,
        accept: ['application/json'],
        maxBytes: PAGE_MAX_BYTES,
        sameHostRedirectsOnly: true,
        ...(options.ifNoneMatch ? { headers: { 'if-none-match': options.ifNoneMatch } } : {}),
      });
    } catch (error) {
      if (error instanceof OutboundError) {
        throw new CrawlAborted(error.code, error.message, 0, addressKindOf(error));
      }
      throw error;
    }
    log.bytes += response.body.length;
    const { status } = response;
    if (status === 429 || status === 503) {
      throw new CrawlAborted(
        status === 429 ? 'RATE_LIMITED' : 'PEER_UNAVAILABLE',
        `${url.host} answered ${status}`,
        retryAfterMs(response.headers['retry-after']) || 60_000,
      );
    }
    if (status === 304 || (status >= 200 && status < 300) || (options.gone && GONE_STATUSES.includes(status))) {
      return response;
    }
    throw new CrawlAborted('HTTP_STATUS', `${url.host}${url.pathname} answered ${status}`);
  }
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new CrawlAborted('INVALID_JSON', 'The peer answered with invalid JSON');
  }
}

export function describeFailure(error: unknown): {
  code: string;
  message: string;
  retryAfter: number;
  addressKind?: string;
} {
  if (error instanceof CrawlAborted) {
    return { code: error.code, message: error.message, retryAfter: error.retryAfterMs, addressKind: error.addressKind };
  }
  if (error instanceof PeerVerificationError) return { code: error.reason, message: error.message, retryAfter: 0 };
  if (error instanceof OutboundError) {
    return { code: error.code, message: error.message, retryAfter: 0, addressKind: addressKindOf(error) };
  }
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error), retryAfter: 0 };
}
