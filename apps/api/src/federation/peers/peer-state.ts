import type { PeerStatus } from '../../generated/prisma/client';

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MS = 6 * 60 * MINUTE_MS;

/** 1 minute doubling per consecutive failure up to 6 hours, with jitter (half to all of it) so peers spread out. */
export function backoffMs(consecutiveFailures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, MINUTE_MS * 2 ** Math.max(0, Math.min(consecutiveFailures - 1, 20)));
  return Math.round(base / 2 + (random() * base) / 2);
}

export interface FailureInput {
  readonly status: PeerStatus;
  readonly failingSince: Date | null;
  readonly consecutiveFailures: number;
}

/**
 * A failed verification or crawl: `failing` with backoff, or `suspended` once it has failed continuously for
 * `suspendAfterMs`. A `Retry-After` from the peer is honoured when it asks for longer than the backoff.
 */
export function afterFailure(
  peer: FailureInput,
  now: Date,
  suspendAfterMs: number,
  retryAfterMs = 0,
  random: () => number = Math.random,
) {
  const consecutiveFailures = peer.consecutiveFailures + 1;
  const failingSince = peer.failingSince ?? now;
  const status: PeerStatus =
    now.getTime() - failingSince.getTime() >= suspendAfterMs || peer.status === 'suspended' ? 'suspended' : 'failing';
  const delay = Math.max(backoffMs(consecutiveFailures, random), retryAfterMs);
  return { status, consecutiveFailures, failingSince, nextCrawlAt: new Date(now.getTime() + delay) };
}

/** Any success clears failure and suspension. */
export function afterSuccess(now: Date, nextInMs: number) {
  return {
    status: 'verified' as const,
    consecutiveFailures: 0,
    failingSince: null,
    lastError: null,
    lastSuccessAt: now,
    nextCrawlAt: new Date(now.getTime() + nextInMs),
  };
}
