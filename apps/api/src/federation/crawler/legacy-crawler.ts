import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { firstIssue } from '../first-issue';
import type { PeerRow } from '../peers/peers.repository';
import { CrawlAborted, type CrawlLog, type FetchReason, forEachLimited } from './crawl-log';
import {
  CATALOGUE_PAGE_LIMIT,
  CATALOGUE_PATH,
  CIRCUIT_BREAKER_FAILURES,
  CrawlSteps,
  describeFailure,
  GONE_STATUSES,
  parseJson,
  type SyncState,
} from './crawl-steps';
import { LegacyWalkState } from './legacy-walk';
import { RemoteCopiesRepository, type UnlistedCopy } from './remote-copies.repository';
import {
  CrawlProblem,
  legacyCopy,
  legacyDetailIsPrivate,
  legacyItemOfDetail,
  legacyListing,
  legacyListSchema,
  parseLegacyItem,
  type LegacyItem,
  type RemoteCopy,
} from './remote-items';

/** The reference product caps its list at 100 per page. */
const LEGACY_PAGE_LIMIT = CATALOGUE_PAGE_LIMIT;
/**
 * Walks over a legacy list per run: the first with full pages, the others only while items are still unseen. The list
 * is sorted by downloads alone, and PostgreSQL orders ties differently for each `offset + limit`, so a walk with
 * another page size lists ties an earlier one skipped. Their sizes are drawn afresh each run, so an item no size
 * has listed yet is listed by a later run.
 */
const LEGACY_WALKS = 4;
const LEGACY_RETRY_PAGE_SIZES = { min: 50, max: LEGACY_PAGE_LIMIT - 1 };

/**
 * Crawls a legacy peer (an existing LynxPrompt instance, docs/federation.md §6.1): a limit/offset walk of its list,
 * metadata only, and a content request (a download there) only for what may have changed, within budgets. Nothing it
 * still publishes is removed.
 */
@Injectable()
export class LegacyCrawler {
  constructor(
    private readonly steps: CrawlSteps,
    private readonly copies: RemoteCopiesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async crawl(peer: PeerRow, listed: boolean, log: CrawlLog): Promise<SyncState> {
    const refreshDue = await this.copies.stalest(peer.id, this.config.federation.legacyRefreshPerRun);
    const walk = new LegacyWalkState(new Set(refreshDue), peer.advertisedCount);
    // Each item may cost a content fetch on top of its page; the first page's `total` (fresher than the manifest's
    // count) narrows the budget.
    log.requestBudget = this.steps.budgetFor(peer.advertisedCount, 1);
    // The copies the walks so far did not list; read again only after another walk.
    let unlisted: UnlistedCopy[] | undefined;
    for (let pass = 0; pass < LEGACY_WALKS; pass += 1) {
      // The list has no stable order, so a walk can skip items: walks with other page sizes order ties differently.
      if (pass > 0) {
        unlisted = await this.copies.unlisted(peer.id, walk.seen);
        if (!walk.worthAnotherWalk(unlisted, Date.now())) break;
        unlisted = undefined;
      }
      const pageSize =
        pass === 0 ? LEGACY_PAGE_LIMIT : randomInt(LEGACY_RETRY_PAGE_SIZES.min, LEGACY_RETRY_PAGE_SIZES.max + 1);
      // Another walk costs its pages for the size the list claims (bounded by what we would keep of it).
      if (pass > 0) {
        const pages = Math.ceil(Math.min(walk.listTotal, this.config.federation.maxBlueprintsPerPeer) / pageSize) + 1;
        log.requestBudget = Math.min(this.config.federation.maxRequestsPerRun, log.requestBudget + pages);
      }
      if (!(await this.walkList(peer, listed, log, walk, pageSize))) {
        return { cursor: null, cursorEtag: null, more: true, notModified: false };
      }
    }
    await this.removeUnlisted(peer, listed, log, walk, unlisted ?? (await this.copies.unlisted(peer.id, walk.seen)));
    return { cursor: null, cursorEtag: null, more: false, notModified: false };
  }

  /** One limit/offset walk of a legacy peer's list. False when the page or request limit stopped it before the end. */
  private async walkList(
    peer: PeerRow,
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
    pageSize: number,
  ): Promise<boolean> {
    const seenPages = new Set<string>();
    let offset = 0;
    for (let page = 0; page < this.config.federation.maxPagesPerRun; page += 1) {
      if (log.requests >= log.requestBudget) {
        this.steps.budgetSpent(peer, log);
        return false;
      }
      const url = new URL(`${peer.baseUrl}${CATALOGUE_PATH}`);
      url.searchParams.set('limit', String(pageSize));
      url.searchParams.set('offset', String(offset));
      const response = await this.steps.fetch(url, log);
      const parsed = legacyListSchema(LEGACY_PAGE_LIMIT).safeParse(parseJson(response.body));
      if (!parsed.success) {
        throw new CrawlAborted('PAGE_INVALID', `A catalogue page is invalid: ${firstIssue(parsed.error, 'body')}`);
      }
      log.pages += 1;
      const { blueprints, total } = parsed.data;
      if (blueprints.length === 0) return true;
      if (total !== undefined && offset === 0) {
        if (walk.listTotal === Number.POSITIVE_INFINITY) log.requestBudget = this.steps.budgetFor(total, 1);
        walk.listed(total);
      }
      this.steps.refuseRepeatedPage(seenPages, blueprints, peer);
      const items: LegacyItem[] = [];
      for (const raw of blueprints) {
        try {
          items.push(parseLegacyItem(raw));
        } catch (error) {
          if (!(error instanceof CrawlProblem)) throw error;
          log.invalid(error.code, error.message);
        }
      }
      const listedFirstHere = walk.firstListings(items);
      // An item an earlier page already listed (the list has no stable order) is valid, and already decided.
      log.valid(items.length - listedFirstHere.length);
      if (!(await this.applyPage(peer, listedFirstHere, listed, log, walk))) {
        this.steps.budgetSpent(peer, log);
        return false;
      }
      offset += blueprints.length;
      if (total !== undefined && offset >= total) return true;
    }
    return false;
  }

  /**
   * One page of a legacy walk: the content of new, changed and refresh-due items is fetched (and new ones only while
   * the per-peer limit has room); everything else is refreshed from the listing alone. False when the run's budget
   * could not pay for the page's content: the walk stops there.
   */
  private async applyPage(
    peer: PeerRow,
    items: LegacyItem[],
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
  ): Promise<boolean> {
    const known = await this.copies.known(
      peer.id,
      items.map((item) => item.id),
    );
    let room = this.config.federation.maxBlueprintsPerPeer - (await this.copies.count(peer.id));
    let overLimit = 0;
    const wanted: Array<{ item: LegacyItem; reason: Exclude<FetchReason, 'confirm'> }> = [];
    for (const item of items) {
      const reason = walk.fetchReason(item, known.get(item.id));
      if (reason === 'new' && room-- <= 0) overLimit += 1;
      else if (reason) wanted.push({ item, reason });
    }
    log.valid(items.length - wanted.length);
    if (overLimit > 0) {
      log.error('LIMIT_REACHED', `${overLimit} new blueprints over the per-peer limit were not fetched`);
    }
    // The run's budget may not cover this page's content: stop here (at the cap) or as hostile (below it).
    const affordable = Math.max(0, log.requestBudget - log.requests);
    const fetched = wanted.slice(0, affordable);
    const copies: RemoteCopy[] = [];
    const unchanged: string[] = [];
    const breaker = { failures: 0 };
    await forEachLimited(fetched, this.config.federation.peerConcurrency, async ({ item, reason }) => {
      if (breaker.failures >= CIRCUIT_BREAKER_FAILURES || log.invalidBreakerOpen) return;
      const answer = await this.fetchDetail(peer, item.id, reason, log, walk, breaker);
      if (answer === undefined) return;
      if (answer.gone) {
        log.invalid('ITEM_GONE', `${item.id} was listed but is gone`, legacyDetailUrl(peer, item.id).href);
        return;
      }
      try {
        const copy = legacyCopy(item, answer.detail, peer.baseUrl, this.config.federation.maxContentBytes);
        if (reason === 'refresh' && copy.contentHash === known.get(item.id)?.contentHash) unchanged.push(item.id);
        else copies.push(copy);
        log.valid();
      } catch (error) {
        if (!(error instanceof CrawlProblem)) throw error;
        log.invalid(error.code, error.message, legacyDetailUrl(peer, item.id).href);
      }
    });
    this.openCircuitAfter(breaker, peer);
    await this.steps.store(peer, copies, listed, log, known);
    // The rest is refreshed from the listing: counters always, metadata unless the listing changed (its content is
    // then stored with it above, or tried again next run).
    const stored = new Set(copies.map((copy) => copy.remoteId));
    log.updated += await this.copies.applyListings(
      peer.id,
      items
        .filter((item) => known.has(item.id) && !stored.has(item.id))
        .map((item) => legacyListing(item, peer.baseUrl)),
    );
    await this.copies.markChecked(peer.id, unchanged);
    this.steps.stopOnInvalidStreak(peer, log);
    return fetched.length === wanted.length;
  }

  /**
   * After a walk to the end of the list: the copies it did not list are asked about directly, and removed only when
   * the peer says they are gone (404, 403, or no longer public). A walk that listed far fewer items than the peer
   * announces removes nothing: its list skipped them, they did not disappear.
   */
  private async removeUnlisted(
    peer: PeerRow,
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
    unlisted: readonly UnlistedCopy[],
  ): Promise<void> {
    const toConfirm = walk.toConfirm(unlisted, Date.now());
    if (toConfirm.length === 0) return;
    if (!walk.complete) {
      log.error(
        'WALK_INCOMPLETE',
        `The walks listed ${walk.seen.size} of the ${walk.announced} blueprints ${peer.domain} announces: nothing was removed`,
      );
      return;
    }
    // What we hold, not what the peer claims, sizes these requests.
    log.requestBudget = Math.min(
      this.config.federation.maxRequestsPerRun,
      Math.max(log.requestBudget, log.requests + toConfirm.length),
    );
    const known = await this.copies.known(
      peer.id,
      toConfirm.map((copy) => copy.remoteId),
    );
    const gone: string[] = [];
    const stillPublic: string[] = [];
    const changed: RemoteCopy[] = [];
    const breaker = { failures: 0 };
    await forEachLimited(toConfirm, this.config.federation.peerConcurrency, async (copy) => {
      if (breaker.failures >= CIRCUIT_BREAKER_FAILURES || log.requests >= log.requestBudget) return;
      const answer = await this.fetchDetail(peer, copy.remoteId, 'confirm', log, walk, breaker);
      if (answer === undefined) return;
      try {
        if (answer.gone || legacyDetailIsPrivate(copy.remoteId, answer.detail)) {
          gone.push(copy.remoteId);
          return;
        }
        const { detail } = answer;
        // Still public: the answer doubles as a refresh of the copy.
        const item = legacyItemOfDetail(copy.remoteId, detail, copy.remoteUpdatedAt);
        const fresh = legacyCopy(item, detail, peer.baseUrl, this.config.federation.maxContentBytes);
        const held = known.get(copy.remoteId);
        if (fresh.contentHash !== held?.contentHash || fresh.listingFingerprint !== held.listingFingerprint) {
          changed.push(fresh);
        }
        stillPublic.push(copy.remoteId);
      } catch (error) {
        if (!(error instanceof CrawlProblem)) throw error;
        // Unreadable is not gone: the copy stays.
        log.error(error.code, error.message, legacyDetailUrl(peer, copy.remoteId).href);
      }
    });
    await this.steps.store(peer, changed, listed, log, known);
    await this.copies.markChecked(peer.id, stillPublic);
    log.removed += await this.copies.remove(peer.id, gone);
    if (toConfirm.length > stillPublic.length + gone.length) {
      log.error(
        'CONFIRMATIONS_LEFT',
        `${toConfirm.length - stillPublic.length - gone.length} unlisted blueprints were not confirmed; they are kept`,
      );
    }
    this.openCircuitAfter(breaker, peer);
  }

  /**
   * One legacy detail request, recorded with its reason: the detail's JSON, gone (404, 403, 410), or undefined
   * when the request failed (logged, and counted by `breaker`) or this run already requested it. A 429 or 503 stops
   * the run.
   */
  private async fetchDetail(
    peer: PeerRow,
    remoteId: string,
    reason: FetchReason,
    log: CrawlLog,
    walk: LegacyWalkState,
    breaker: { failures: number },
  ): Promise<{ gone: true } | { gone: false; detail: unknown } | undefined> {
    const url = legacyDetailUrl(peer, remoteId);
    // Each request is a download on the peer: never twice in a run.
    if (walk.fetched.has(remoteId)) return undefined;
    walk.fetched.add(remoteId);
    log.fetched(reason, remoteId);
    try {
      const response = await this.steps.fetch(url, log, { gone: true });
      breaker.failures = 0;
      return GONE_STATUSES.includes(response.status)
        ? { gone: true }
        : { gone: false, detail: parseJson(response.body) };
    } catch (error) {
      if (error instanceof CrawlAborted && error.retryAfterMs > 0) throw error;
      const { code, message } = describeFailure(error);
      // A detail that is not even JSON is an invalid item as much as a failed request.
      if (code === 'INVALID_JSON') log.invalid(code, message, url.href);
      else log.error(code, message, url.href);
      breaker.failures += 1;
      return undefined;
    }
  }

  private openCircuitAfter(breaker: { failures: number }, peer: PeerRow): void {
    if (breaker.failures < CIRCUIT_BREAKER_FAILURES) return;
    throw new CrawlAborted('CIRCUIT_OPEN', `${CIRCUIT_BREAKER_FAILURES} requests in a row to ${peer.domain} failed`);
  }
}

/** A legacy peer serves content at /api/blueprints/bp_<id>: the raw id from its list, with the `bp_` prefix. */
function legacyDetailUrl(peer: PeerRow, remoteId: string): URL {
  return new URL(`${peer.baseUrl}/api/blueprints/bp_${encodeURIComponent(remoteId)}`);
}
