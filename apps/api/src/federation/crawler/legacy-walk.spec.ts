import { LegacyWalkState, RECONFIRM_AFTER_MS } from './legacy-walk';
import { legacyFingerprint, parseLegacyItem, type LegacyItem } from './remote-items';
import type { KnownCopy, UnlistedCopy } from './remote-copies.repository';

function item(id: string, overrides: Partial<LegacyItem> = {}): LegacyItem {
  return parseLegacyItem({
    id,
    name: `Blueprint ${id}`,
    description: null,
    type: 'AGENTS_MD',
    category: 'web',
    tags: ['unit testing'],
    downloads: 5,
    favorites: 1,
    author: 'Liam',
    createdAt: '2025-06-04T10:00:00.000Z',
    updatedAt: '2025-06-04T10:00:00.000Z',
    ...overrides,
  });
}

function copyOf(listed: LegacyItem): KnownCopy {
  return {
    remoteId: listed.id,
    contentHash: 'c'.repeat(64),
    remoteUpdatedAt: new Date(listed.updatedAt),
    listingFingerprint: legacyFingerprint(listed),
  };
}

describe('a legacy walk', () => {
  it('fetches new items, items whose listing changed and refresh-due ones, and nothing else', () => {
    const walk = new LegacyWalkState(new Set(['due']), 10);
    const unchanged = item('same');
    expect(walk.fetchReason(item('fresh'), undefined)).toBe('new');
    expect(walk.fetchReason(unchanged, copyOf(unchanged))).toBeNull();
    expect(walk.fetchReason(item('same', { description: 'Edited' }), copyOf(unchanged))).toBe('changed');
    expect(walk.fetchReason(item('due'), copyOf(item('due')))).toBe('refresh');
    // What the peer bumps on every read says nothing about an edit.
    const read = item('same', { downloads: 6, updatedAt: '2026-12-05T10:00:00.000Z' });
    expect(walk.fetchReason(read, copyOf(unchanged))).toBeNull();
    // A copy stored before fingerprints adopts its listing without a request.
    expect(walk.fetchReason(unchanged, { ...copyOf(unchanged), listingFingerprint: null })).toBeNull();
  });

  it('never decides an item twice, nor requests a detail twice', () => {
    const walk = new LegacyWalkState(new Set(), 3);
    expect(walk.firstListings([item('a'), item('b')]).map((listed) => listed.id)).toEqual(['a', 'b']);
    expect(walk.firstListings([item('b'), item('c')]).map((listed) => listed.id)).toEqual(['c']);
    walk.fetched.add('d');
    expect(walk.fetchReason(item('d'), undefined)).toBeNull();
  });

  it('is complete only when it listed nearly all the peer announces, by its manifest or its list', () => {
    const walk = new LegacyWalkState(new Set(), 100);
    walk.firstListings(Array.from({ length: 89 }, (_unused, index) => item(`i${index}`)));
    expect(walk.complete).toBe(false);
    walk.firstListings([item('i89')]);
    expect(walk.complete).toBe(true);
    walk.listed(120);
    expect({ complete: walk.complete, skippedSome: walk.skippedSome }).toEqual({ complete: false, skippedSome: true });
  });

  describe('unlisted copies', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    const hourAgo = new Date(now - 3600_000);
    const dayAgo = new Date(now - RECONFIRM_AFTER_MS);
    const unlisted = (remoteId: string, checkedAt: Date | null, listedAt: Date | null = null): UnlistedCopy => ({
      remoteId,
      checkedAt,
      listedAt,
      remoteUpdatedAt: new Date(0),
    });
    const copies = [
      unlisted('checked-an-hour-ago', hourAgo, dayAgo),
      unlisted('listed-an-hour-ago', dayAgo, hourAgo),
      unlisted('checked-a-day-ago', dayAgo),
      unlisted('never-checked', null),
    ];
    const walkThatSaw = (seen: number, total: number) => {
      const walk = new LegacyWalkState(new Set(), total);
      walk.listed(total);
      walk.firstListings(Array.from({ length: seen }, (_unused, index) => item(`i${index}`)));
      return walk;
    };
    const ids = (list: UnlistedCopy[]) => list.map((copy) => copy.remoteId);

    it('are all asked about when we hold more than the list skipped: some are gone', () => {
      expect(ids(walkThatSaw(97, 100).toConfirm(copies, now))).toEqual(ids(copies));
    });

    it('are asked about only when not listed or found for a day, when the list skipped as many', () => {
      const asked = walkThatSaw(96, 100).toConfirm(copies, now);
      expect(ids(asked)).toEqual(['checked-a-day-ago', 'never-checked']);
    });

    it('are never asked about twice in a run', () => {
      const walk = walkThatSaw(97, 100);
      walk.fetched.add('never-checked');
      expect(ids(walk.toConfirm(copies, now))).not.toContain('never-checked');
    });

    it('are worth another walk only while it may list something new: an unknown item, a gone one, a stale one', () => {
      const fresh = copies.slice(0, 2);
      // Everything skipped is a copy known lately: more pages would tell nothing.
      expect(walkThatSaw(98, 100).worthAnotherWalk(fresh, now)).toBe(false);
      // The list skipped an item we do not hold.
      expect(walkThatSaw(97, 100).worthAnotherWalk(fresh, now)).toBe(true);
      // We hold more unlisted copies than it skipped.
      expect(walkThatSaw(99, 100).worthAnotherWalk(fresh, now)).toBe(true);
      // A skipped copy nobody has seen for a day.
      expect(walkThatSaw(96, 100).worthAnotherWalk(copies, now)).toBe(true);
      // Nothing skipped.
      expect(walkThatSaw(100, 100).worthAnotherWalk([], now)).toBe(false);
    });
  });
});
