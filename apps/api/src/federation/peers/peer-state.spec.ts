import { afterFailure, afterSuccess, backoffMs } from './peer-state';

const DAY = 24 * 3600 * 1000;

describe('peer state', () => {
  it('backs off exponentially with jitter, capped at six hours', () => {
    expect(backoffMs(1, () => 0)).toBe(30_000);
    expect(backoffMs(1, () => 1)).toBe(60_000);
    expect(backoffMs(3, () => 1)).toBe(240_000);
    expect(backoffMs(40, () => 1)).toBe(6 * 3600 * 1000);
  });

  it('marks a first failure failing, and suspends after the configured days of continuous failure', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const first = afterFailure({ status: 'verified', failingSince: null, consecutiveFailures: 0 }, now, 7 * DAY);
    expect(first).toMatchObject({ status: 'failing', consecutiveFailures: 1, failingSince: now });
    const later = new Date(now.getTime() + 7 * DAY);
    const week = afterFailure({ status: 'failing', failingSince: now, consecutiveFailures: 9 }, later, 7 * DAY);
    expect(week.status).toBe('suspended');
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const next = afterFailure({ status: 'verified', failingSince: null, consecutiveFailures: 0 }, now, DAY, 3_600_000);
    expect(next.nextCrawlAt.getTime() - now.getTime()).toBe(3_600_000);
  });

  it('clears failure and suspension on success', () => {
    const now = new Date();
    expect(afterSuccess(now, 1000)).toMatchObject({ status: 'verified', failingSince: null, consecutiveFailures: 0 });
  });
});
