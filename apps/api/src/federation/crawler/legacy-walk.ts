// The decisions of a legacy crawl, apart from its I/O: which items' content to request (each request counts as a
// download on the peer) and which copies a walk may remove.
import type { FetchReason } from './crawl-log';
import type { KnownCopy, UnlistedCopy } from './remote-copies.repository';
import { legacyFingerprint, type LegacyItem } from './remote-items';

/** A walk that lists fewer than this share of what the peer announces is incomplete, and removes nothing. */
export const COMPLETE_WALK_SHARE = 0.9;
/**
 * A copy the walks keep missing (the peer's list has no stable order) is looked for again, by another walk and then a
 * direct request, once no walk has listed it and no request has found it for this long.
 */
export const RECONFIRM_AFTER_MS = 24 * 3600 * 1000;

/** What one run has decided so far: each listed id once, each detail at most once. */
export class LegacyWalkState {
  /** Ids listed by this walk (the list may repeat an item on two pages: only its first listing counts). */
  readonly seen = new Set<string>();
  /** Ids whose detail this run requested. */
  readonly fetched = new Set<string>();
  /** The most items the peer announced, by its manifest or its list's `total`. */
  announced: number;
  /** What its list says it holds (`total`, as of the latest walk); unknown until a page says. */
  listTotal = Number.POSITIVE_INFINITY;

  constructor(
    /** The stalest copies, whose unchanged listing may still hide an edit: refreshed when listed. */
    readonly refreshDue: ReadonlySet<string>,
    announced: number | null,
  ) {
    this.announced = announced ?? 0;
  }

  /** A page's `total`. */
  listed(total: number): void {
    this.listTotal = total;
    this.announced = Math.max(this.announced, total);
  }

  /** Items of a page not listed earlier in this walk, now marked as seen. */
  firstListings(items: readonly LegacyItem[]): LegacyItem[] {
    return items.filter((item) => {
      if (this.seen.has(item.id)) return false;
      this.seen.add(item.id);
      return true;
    });
  }

  /** Why this listed item's content is wanted, if it is: new, changed (by its listing), or due for a refresh. */
  fetchReason(item: LegacyItem, copy: KnownCopy | undefined): Exclude<FetchReason, 'confirm'> | null {
    if (this.fetched.has(item.id)) return null;
    if (!copy) return 'new';
    // A copy stored before listings were fingerprinted adopts its listing without a request.
    if (copy.listingFingerprint !== null && copy.listingFingerprint !== legacyFingerprint(item)) return 'changed';
    return this.refreshDue.has(item.id) ? 'refresh' : null;
  }

  /** Whether the walks so far listed fewer items than the list says it holds. */
  get skippedSome(): boolean {
    return Number.isFinite(this.listTotal) && this.seen.size < this.listTotal;
  }

  /** Whether the walk listed enough of what the peer announces to tell what disappeared. */
  get complete(): boolean {
    return this.seen.size >= Math.ceil(this.announced * COMPLETE_WALK_SHARE);
  }

  /**
   * Whether another walk of the list (with another page size) is worth its pages: the walks skipped items we do not
   * hold (new ones), or we hold more unlisted copies than they skipped (some are gone: another walk narrows which), or
   * an unlisted copy is not known to exist lately. Otherwise every skipped item is a copy listed or checked within
   * RECONFIRM_AFTER_MS, and the list pages would tell nothing new.
   */
  worthAnotherWalk(unlisted: readonly UnlistedCopy[], now: number): boolean {
    if (!this.skippedSome) return false;
    const skipped = this.listTotal - this.seen.size;
    return unlisted.length !== skipped || unlisted.some((copy) => !knownLately(copy, now));
  }

  /**
   * The copies the walks did not list that the peer should be asked about. When we hold more unlisted copies than
   * the list skipped (its `total` less what the walks saw), some are gone: all are asked about. Otherwise they may all
   * be skipped ties, and each is asked about only when no walk listed it and no request found it for
   * RECONFIRM_AFTER_MS.
   */
  toConfirm(unlisted: readonly UnlistedCopy[], now: number): UnlistedCopy[] {
    const skipped = Number.isFinite(this.listTotal) ? Math.max(0, this.listTotal - this.seen.size) : 0;
    const someGone = unlisted.length > skipped;
    return unlisted.filter((copy) => !this.fetched.has(copy.remoteId) && (someGone || !knownLately(copy, now)));
  }
}

/** Listed by a walk, or found public by a request, within RECONFIRM_AFTER_MS. */
function knownLately(copy: UnlistedCopy, now: number): boolean {
  const latest = Math.max(copy.listedAt?.getTime() ?? 0, copy.checkedAt?.getTime() ?? 0);
  return now - latest < RECONFIRM_AFTER_MS;
}
