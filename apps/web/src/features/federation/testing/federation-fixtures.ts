// Sample federation API answers for tests, shaped like the contract.
import { sampleUser, type SessionUser } from '../../../test/http-server';
import type { CrawlRun, DomainRule, InstanceDirectoryEntry, PeerView } from '../api/federation-types';

export const adminUser: SessionUser = { ...sampleUser, role: 'admin' };

export function directoryEntry(overrides: Partial<InstanceDirectoryEntry> = {}): InstanceDirectoryEntry {
  return {
    domain: 'rules.other.test',
    name: 'Other Rules',
    version: '1.2.0',
    blueprintCount: 12,
    signed: true,
    status: 'verified',
    lastCrawlAt: '2026-01-05T10:00:00.000Z',
    lastSuccessAt: '2026-01-05T10:00:00.000Z',
    url: 'https://rules.other.test',
    ...overrides,
  };
}

export function crawlRun(overrides: Partial<CrawlRun> = {}): CrawlRun {
  return {
    id: 'run_1',
    trigger: 'schedule',
    outcome: 'succeeded',
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:00:02.000Z',
    requests: 2,
    pages: 1,
    added: 3,
    updated: 1,
    removed: 0,
    bytes: 4096,
    errors: [],
    fetches: {},
    ...overrides,
  };
}

export function peer(overrides: Partial<PeerView> = {}): PeerView {
  return {
    id: 'peer_1',
    domain: 'rules.other.test',
    baseUrl: 'https://rules.other.test',
    status: 'verified',
    source: 'admin',
    name: 'Other Rules',
    version: '1.2.0',
    protocol: 'lynxprompt-federation/1',
    signed: true,
    keyId: 'KeyOld0000000001',
    pendingKey: null,
    policy: 'federate',
    blueprintCount: 12,
    advertisedCount: 14,
    lastCrawlAt: '2026-01-05T10:00:00.000Z',
    lastSuccessAt: '2026-01-05T10:00:00.000Z',
    lastError: null,
    lastErrorDetails: null,
    verifiedAt: '2026-01-01T10:00:01.000Z',
    failingSince: null,
    nextCrawlAt: '2026-01-05T10:30:00.000Z',
    registeredAt: null,
    lastSeenAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    latestRun: crawlRun(),
    ...overrides,
  };
}

export function domainRule(overrides: Partial<DomainRule> = {}): DomainRule {
  return {
    id: 'rule_1',
    domain: 'spam.example',
    action: 'block',
    note: 'Scraped content',
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}
