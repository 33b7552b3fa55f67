// Row → response mappings for peers, shared by the admin, directory and registry routes.
import type { CrawlRun, DomainRule } from '../../generated/prisma/client';
import { keyIdOf } from '../signature';
import type {
  CrawlRunView,
  DomainRuleView,
  InstanceDirectoryEntry,
  PeerErrorDetails,
  PeerView,
  RegistryInstance,
} from './dto/peer.dto';
import type { DomainVerdict } from './domain-policy';
import type { PeerRow } from './peers.repository';
import { NO_KEY } from './peers.service';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const keyId = (key: string | null) => (key ? keyIdOf(Buffer.from(key, 'base64url')) : null);

function lastErrorDetailsOf(stored: unknown): PeerErrorDetails | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { reason, addressKind } = stored as { reason?: unknown; addressKind?: unknown };
  if (typeof reason !== 'string') return null;
  return { reason, ...(typeof addressKind === 'string' ? { addressKind } : {}) };
}

export function crawlRunView(run: CrawlRun): CrawlRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    outcome: run.outcome,
    startedAt: run.startedAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    requests: run.requests,
    pages: run.pages,
    added: run.added,
    updated: run.updated,
    removed: run.removed,
    bytes: run.bytes,
    errors: Array.isArray(run.errors) ? (run.errors as CrawlRunView['errors']) : [],
    fetches: isObject(run.fetches) ? (run.fetches as CrawlRunView['fetches']) : {},
  };
}

export function peerView(peer: PeerRow, verdict: DomainVerdict, latestRun?: CrawlRun | null): PeerView {
  return {
    id: peer.id,
    domain: peer.domain,
    baseUrl: peer.baseUrl,
    status: peer.status,
    source: peer.source,
    name: peer.name,
    version: peer.version,
    protocol: peer.protocol,
    signed: peer.signed,
    keyId: keyId(peer.publicKey),
    pendingKey:
      peer.pendingPublicKey !== null
        ? {
            keyId: peer.pendingPublicKey === NO_KEY ? null : keyId(peer.pendingPublicKey),
            changedAt: (peer.keyChangedAt ?? peer.updatedAt).toISOString(),
          }
        : null,
    policy: verdict,
    blueprintCount: peer.blueprintCount,
    advertisedCount: peer.advertisedCount,
    lastCrawlAt: iso(peer.lastCrawlAt),
    lastSuccessAt: iso(peer.lastSuccessAt),
    lastError: peer.lastError,
    lastErrorDetails: lastErrorDetailsOf(peer.lastErrorDetails),
    verifiedAt: iso(peer.manifestFetchedAt),
    failingSince: iso(peer.failingSince),
    nextCrawlAt: iso(peer.nextCrawlAt),
    registeredAt: iso(peer.registeredAt),
    lastSeenAt: iso(peer.lastSeenAt),
    createdAt: peer.createdAt.toISOString(),
    ...(latestRun !== undefined ? { latestRun: latestRun ? crawlRunView(latestRun) : null } : {}),
  };
}

export function directoryEntryOf(peer: PeerRow): InstanceDirectoryEntry {
  return {
    domain: peer.domain,
    name: peer.name ?? peer.domain,
    version: peer.version,
    blueprintCount: peer.blueprintCount,
    signed: peer.signed,
    status: peer.status,
    lastCrawlAt: iso(peer.lastCrawlAt),
    lastSuccessAt: iso(peer.lastSuccessAt),
    url: peer.baseUrl,
  };
}

/**
 * A peer's logo is shown by whoever reads the directory, so it must not point anywhere the peer does not own, nor
 * over plain http: only an https URL on the peer's own host (and port), without credentials, is kept.
 */
export function peerLogoUrl(candidate: unknown, peerBaseUrl: string): string | null {
  if (typeof candidate !== 'string' || !URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  const peerHost = new URL(peerBaseUrl).host;
  const ok = url.protocol === 'https:' && url.host === peerHost && !url.username && !url.password;
  return ok ? url.href : null;
}

export function registryInstanceOf(peer: PeerRow): RegistryInstance {
  const manifest = (peer.manifest ?? {}) as { logoUrl?: unknown };
  return {
    id: peer.id,
    domain: peer.domain,
    name: peer.name ?? peer.domain,
    version: peer.version ?? '',
    logoUrl: peerLogoUrl(manifest.logoUrl, peer.baseUrl),
    publicBlueprintCount: peer.advertisedCount ?? peer.blueprintCount,
    lastSeenAt: iso(peer.lastSeenAt),
    registeredAt: iso(peer.registeredAt ?? peer.createdAt),
  };
}

export function domainRuleView(rule: DomainRule): DomainRuleView {
  return {
    id: rule.id,
    domain: rule.domain,
    action: rule.action,
    note: rule.note,
    createdAt: rule.createdAt.toISOString(),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
