import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditService, type AuditActor, type AuditRequestContext } from '../../audit/audit.service';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { DomainRuleAction } from '../../generated/prisma/client';
import { JobQueue } from '../../jobs/job-queue';
import { CacheInvalidationBus } from '../../http-cache/cache-invalidation-bus';
import { CATALOGUE_TAG, peerTag } from '../../http-cache/cache-tags';
import { CRAWL_PEER_JOB, type CrawlPeerJob, type CrawlTrigger } from '../crawler/crawl-jobs';
import { keyIdOf } from '../signature';
import { hostOf, parsePeerAddress, parseRuleDomain, type PeerAddress } from './domain-name';
import { verdictFor, type DomainVerdict } from './domain-policy';
import { afterFailure } from './peer-state';
import { PeerVerifier, type VerifiedManifest } from './peer-verifier';
import {
  DomainBlockedError,
  DomainRuleNotFoundError,
  FederationDisabledError,
  NoPendingKeyError,
  PeerExistsError,
  PeerNotFoundError,
  PeerNotRegisteredError,
  PeerVerificationError,
  RegistrationsClosedError,
} from './peers.errors';
import { PeersRepository, type PeerRow } from './peers.repository';

/** A heartbeat within this long of the last verification is accepted without fetching the manifest again. */
const HEARTBEAT_REVERIFY_MS = 10 * 60_000;

/** Marks a key the peer stopped publishing: approving it turns the peer into a legacy (unsigned) one. */
export const NO_KEY = '';

/**
 * Peers and the policy around them: how they arrive (admin or registration), verification with trust on first use,
 * state after each attempt, domain rules and the allowlist switch. Every change an admin makes is audited.
 */
@Injectable()
export class PeersService {
  constructor(
    private readonly peers: PeersRepository,
    private readonly verifier: PeerVerifier,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly responseCache: CacheInvalidationBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // ── Arrival ──────────────────────────────────────────────────────────────────────────────────────────────────────

  /** An admin adds a peer: verified at once, so the admin sees the outcome; crawled right after when it verifies. */
  async add(actor: AuditActor, input: unknown, context: AuditRequestContext): Promise<PeerRow> {
    this.requireFederation();
    const address = parsePeerAddress(input);
    this.refuseOwnDomain(address);
    if (await this.peers.findByDomain(address.domain)) throw new PeerExistsError(address.domain);
    if ((await this.verdict(address.host)) === 'block') throw new DomainBlockedError(address.domain);
    const created = await this.peers.create({
      domain: address.domain,
      baseUrl: address.scheme ? `${address.scheme}://${address.domain}` : `https://${address.domain}`,
      source: 'admin',
    });
    await this.audit.record(actor, 'federation.peer_added', { type: 'peer', id: created.id }, context, {
      domain: created.domain,
    });
    const peer = await this.verifyQuietly(created, address);
    if (peer.status === 'verified') await this.enqueueCrawl(peer.id, 'manual');
    return peer;
  }

  /**
   * The reference registry's `register`: never trusted, always verified before anything is kept. Failures carry
   * their detail only for an admin (`detailed`); anyone else gets the generic reason (forAnonymous).
   */
  async register(input: unknown, detailed = false): Promise<{ ok: true; domain: string; status: string }> {
    this.requireFederation();
    const settings = await this.peers.settings();
    if (!settings.acceptRegistrations) throw new RegistrationsClosedError();
    const address = parsePeerAddress(
      typeof input === 'object' && input ? (input as { domain?: unknown }).domain : input,
    );
    this.refuseOwnDomain(address);
    if ((await this.verdict(address.host)) === 'block') throw new DomainBlockedError(address.domain);
    const existing = await this.peers.findByDomain(address.domain);
    // Verification first: a claim that does not verify leaves no trace.
    const verified = await this.verifyForCaller(address, existing, detailed);
    const now = new Date();
    const peer =
      existing ??
      (await this.peers.create({ domain: address.domain, baseUrl: verified.baseUrl, source: 'registration' }));
    const updated = await this.applyVerified(peer, verified, { registeredAt: peer.registeredAt ?? now });
    if (!existing) {
      await this.audit.record(
        { type: 'anonymous' },
        'federation.peer_registered',
        { type: 'peer', id: peer.id },
        {},
        {
          domain: peer.domain,
        },
      );
      await this.enqueueCrawl(updated.id, 'registration');
    }
    return { ok: true, domain: updated.domain, status: updated.status };
  }

  async heartbeat(input: unknown, detailed = false): Promise<{ ok: true; domain: string; status: string }> {
    this.requireFederation();
    const address = parsePeerAddress(
      typeof input === 'object' && input ? (input as { domain?: unknown }).domain : input,
    );
    const peer = await this.peers.findByDomain(address.domain);
    if (!peer || peer.status === 'blocked') throw new PeerNotRegisteredError(address.domain);
    const fresh = peer.manifestFetchedAt && Date.now() - peer.manifestFetchedAt.getTime() < HEARTBEAT_REVERIFY_MS;
    if (fresh) {
      const updated = await this.peers.update(peer.id, { lastSeenAt: new Date() });
      return { ok: true, domain: updated.domain, status: updated.status };
    }
    const verified = await this.verifyForCaller(address, peer, detailed);
    const updated = await this.applyVerified(peer, verified);
    return { ok: true, domain: updated.domain, status: updated.status };
  }

  /** Verification on behalf of a registry caller: the detail is logged, and shown only when `detailed`. */
  private async verifyForCaller(address: PeerAddress, known: PeerRow | null, detailed: boolean) {
    try {
      return await this.verifier.verify(address, known?.manifestFetchedAt ? known.baseUrl : undefined);
    } catch (error) {
      if (!(error instanceof PeerVerificationError) || detailed) throw error;
      this.logger.info(
        { peer: address.domain, reason: error.reason, err: error.message },
        'federation registration not verified',
      );
      throw error.forAnonymous(address.domain);
    }
  }

  // ── Verification ─────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Fetches and checks the peer's manifest and records the outcome. Throws PeerVerificationError (after recording it)
   * when the manifest does not verify.
   */
  async verify(peer: PeerRow): Promise<PeerRow> {
    const address = parsePeerAddress(peer.domain);
    try {
      const verified = await this.verifier.verify(address, peer.manifestFetchedAt ? peer.baseUrl : undefined);
      return await this.applyVerified(peer, verified);
    } catch (error) {
      if (error instanceof PeerVerificationError) {
        await this.recordFailure(peer, error.reason, error.message, 0, error.addressKind);
      }
      throw error;
    }
  }

  private async verifyQuietly(peer: PeerRow, address: PeerAddress): Promise<PeerRow> {
    try {
      return await this.applyVerified(peer, await this.verifier.verify(address));
    } catch (error) {
      if (!(error instanceof PeerVerificationError)) throw error;
      return this.recordFailure(peer, error.reason, error.message, 0, error.addressKind);
    }
  }

  /**
   * Trust on first use: the first verified key is pinned. A different key later (or none, from a peer that had one)
   * is held for an admin's approval and stops crawling meanwhile. A legacy peer that starts publishing a key is
   * upgraded to signed: that only adds protection.
   */
  private async applyVerified(
    peer: PeerRow,
    verified: VerifiedManifest,
    extra: { registeredAt?: Date } = {},
  ): Promise<PeerRow> {
    const now = new Date();
    const { manifest, publicKey } = verified;
    const firstVerification = peer.manifestFetchedAt === null;
    let keyFields: { publicKey?: string | null; signed?: boolean; pendingPublicKey?: string | null } = {};
    if (firstVerification || (!peer.signed && publicKey)) {
      keyFields = { publicKey: publicKey ?? null, signed: publicKey !== undefined, pendingPublicKey: null };
      if (!firstVerification) this.logger.info({ peer: peer.domain }, 'federation peer now signs its catalogue');
    } else if ((publicKey ?? NO_KEY) !== (peer.publicKey ?? NO_KEY)) {
      if (peer.pendingPublicKey !== (publicKey ?? NO_KEY)) {
        keyFields = { pendingPublicKey: publicKey ?? NO_KEY };
        this.logger.warn(
          { peer: peer.domain, pinned: peer.publicKey, published: publicKey ?? null, reason: 'KEY_CHANGED' },
          'federation peer key changed: crawling stops until an admin approves the new key',
        );
        await this.audit.record(
          { type: 'system' },
          'federation.peer_key_changed',
          { type: 'peer', id: peer.id },
          {},
          {
            domain: peer.domain,
          },
        );
      }
    } else if (peer.pendingPublicKey !== null) {
      // The peer went back to the key we pinned: nothing to approve any more.
      keyFields = { pendingPublicKey: null };
    }
    const keyChanged = keyFields.pendingPublicKey !== undefined && keyFields.pendingPublicKey !== null;
    return this.peers.update(peer.id, {
      ...keyFields,
      ...(keyChanged ? { keyChangedAt: now } : {}),
      ...extra,
      baseUrl: verified.baseUrl,
      name: manifest.name,
      version: manifest.version,
      softwareName: manifest.software?.name ?? null,
      protocol: manifest.protocol ?? null,
      manifest: JSON.parse(JSON.stringify(manifest)) as object,
      manifestFetchedAt: now,
      advertisedCount: manifest.publicBlueprints ?? null,
      lastSeenAt: now,
      // Blocked stays blocked; anything else that verifies is verified (suspension is cleared by a success).
      ...(peer.status === 'blocked'
        ? {}
        : { status: 'verified', failingSince: null, consecutiveFailures: 0, lastError: null }),
    });
  }

  /** A failed attempt: `failing` with backoff, `suspended` after long enough; Retry-After honoured. */
  async recordFailure(
    peer: PeerRow,
    reason: string,
    message: string,
    retryAfterMs = 0,
    addressKind?: string,
  ): Promise<PeerRow> {
    if (peer.status === 'blocked') return peer;
    const now = new Date();
    const next = afterFailure(peer, now, this.config.federation.suspendAfterMs, retryAfterMs);
    this.logger.warn({ peer: peer.domain, reason, err: message, status: next.status }, 'federation peer failed');
    return this.peers.update(peer.id, {
      ...next,
      lastError: `${reason}: ${message}`.slice(0, 1000),
      lastErrorDetails: { reason, ...(addressKind ? { addressKind } : {}) },
      lastCrawlAt: now,
    });
  }

  // ── Admin actions ────────────────────────────────────────────────────────────────────────────────────────────────

  async approveKey(actor: AuditActor, peerId: string, context: AuditRequestContext): Promise<PeerRow> {
    const peer = await this.require(peerId);
    if (peer.pendingPublicKey === null) throw new NoPendingKeyError();
    const newKey = peer.pendingPublicKey === NO_KEY ? null : peer.pendingPublicKey;
    const updated = await this.peers.update(peer.id, {
      publicKey: newKey,
      signed: newKey !== null,
      pendingPublicKey: null,
      nextCrawlAt: null,
    });
    await this.audit.record(actor, 'federation.peer_key_approved', { type: 'peer', id: peer.id }, context, {
      domain: peer.domain,
      keyId: newKey ? keyIdOf(Buffer.from(newKey, 'base64url')) : null,
    });
    await this.enqueueCrawl(peer.id, 'manual');
    return updated;
  }

  async crawlNow(actor: AuditActor, peerId: string, context: AuditRequestContext): Promise<PeerRow> {
    const peer = await this.require(peerId);
    if (peer.status === 'blocked') throw new DomainBlockedError(peer.domain);
    await this.audit.record(actor, 'federation.crawl_requested', { type: 'peer', id: peer.id }, context);
    await this.enqueueCrawl(peer.id, 'manual');
    return peer;
  }

  async remove(actor: AuditActor, peerId: string, context: AuditRequestContext): Promise<void> {
    const peer = await this.require(peerId);
    await this.peers.purgeCopies(peer.id);
    await this.peers.delete(peer.id);
    this.responseCache.invalidate([peerTag(peer.domain)]);
    await this.audit.record(actor, 'federation.peer_removed', { type: 'peer', id: peer.id }, context, {
      domain: peer.domain,
    });
  }

  listRules() {
    return this.peers.listRules();
  }

  async addRule(
    actor: AuditActor & { id: string },
    input: { domain: unknown; action: DomainRuleAction; note?: string },
    context: AuditRequestContext,
  ) {
    const domain = parseRuleDomain(input.domain);
    const rule = await this.peers.upsertRule(domain, input.action, (input.note ?? '').slice(0, 500), actor.id);
    await this.audit.record(actor, 'federation.domain_rule_set', { type: 'domain_rule', id: rule.id }, context, {
      domain,
      action: input.action,
    });
    await this.enforcePolicy();
    return rule;
  }

  async removeRule(actor: AuditActor, ruleId: string, context: AuditRequestContext): Promise<void> {
    const rule = await this.peers.findRule(ruleId);
    if (!rule) throw new DomainRuleNotFoundError();
    await this.peers.deleteRule(rule.id);
    await this.audit.record(actor, 'federation.domain_rule_removed', { type: 'domain_rule', id: rule.id }, context, {
      domain: rule.domain,
      action: rule.action,
    });
    await this.enforcePolicy();
  }

  settings() {
    return this.peers.settings();
  }

  async updateSettings(
    actor: AuditActor,
    changes: { allowlistMode?: boolean; acceptRegistrations?: boolean },
    context: AuditRequestContext,
  ) {
    const settings = await this.peers.updateSettings(changes);
    await this.audit.record(actor, 'federation.settings_changed', null, context, { ...changes });
    await this.enforcePolicy();
    return settings;
  }

  /**
   * Brings every peer in line with the rules: newly blocked peers are purged, unblocked ones verified again, and each
   * peer's copies are listed or not according to silence.
   */
  async enforcePolicy(): Promise<void> {
    const [rules, settings, peers] = await Promise.all([
      this.peers.listRules(),
      this.peers.settings(),
      this.peers.list(),
    ]);
    for (const peer of peers) {
      const verdict = verdictFor(rules, hostOf(peer.domain), settings.allowlistMode);
      if (verdict === 'block' && peer.status !== 'blocked') {
        await this.peers.update(peer.id, { status: 'blocked' });
        const purged = await this.peers.purgeCopies(peer.id);
        this.logger.info({ peer: peer.domain, purged }, 'federation peer blocked; its blueprints were purged');
      } else if (verdict !== 'block' && peer.status === 'blocked') {
        // Verified again before its next crawl; the pinned key stays pinned.
        await this.peers.update(peer.id, { status: 'pending', nextCrawlAt: null });
      }
      await this.peers.setCopiesListed(peer.id, verdict === 'federate');
    }
    // Pages showing copies no longer listed go; a rare admin decision also refreshes every listing (newly listed ones).
    this.responseCache.invalidate([CATALOGUE_TAG, ...peers.map((peer) => peerTag(peer.domain))]);
  }

  // ── Reads ────────────────────────────────────────────────────────────────────────────────────────────────────────

  async require(peerId: string): Promise<PeerRow> {
    const peer = /^[0-9a-f-]{36}$/.test(peerId) ? await this.peers.findById(peerId) : null;
    if (!peer) throw new PeerNotFoundError();
    return peer;
  }

  async overview() {
    const [peers, runs, rules, settings] = await Promise.all([
      this.peers.list(),
      this.peers.latestRuns(),
      this.peers.listRules(),
      this.peers.settings(),
    ]);
    return peers.map((peer) => ({
      peer,
      latestRun: runs.get(peer.id) ?? null,
      verdict: verdictFor(rules, hostOf(peer.domain), settings.allowlistMode),
    }));
  }

  async detail(peerId: string) {
    const peer = await this.require(peerId);
    const [runs, rules, settings] = await Promise.all([
      this.peers.recentRuns(peer.id),
      this.peers.listRules(),
      this.peers.settings(),
    ]);
    return { peer, runs, verdict: verdictFor(rules, hostOf(peer.domain), settings.allowlistMode) };
  }

  /** Verified (or temporarily failing) peers that are neither blocked nor silenced: the public directory. */
  async directory(activeOnly = false) {
    const [peers, rules, settings] = await Promise.all([
      this.peers.listWithStatus(['verified', 'failing', 'suspended']),
      this.peers.listRules(),
      this.peers.settings(),
    ]);
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    return peers.filter(
      (peer) =>
        verdictFor(rules, hostOf(peer.domain), settings.allowlistMode) === 'federate' &&
        (!activeOnly || (peer.lastSeenAt?.getTime() ?? 0) >= dayAgo),
    );
  }

  /** The policy verdict for a host right now (rules and allowlist mode). */
  async verdict(host: string): Promise<DomainVerdict> {
    const [rules, settings] = await Promise.all([this.peers.listRules(), this.peers.settings()]);
    return verdictFor(rules, host, settings.allowlistMode);
  }

  async enqueueCrawl(peerId: string, trigger: CrawlTrigger): Promise<void> {
    const job: CrawlPeerJob = { peerId, trigger };
    // One attempt: the crawler records its own failures and the scheduler retries with backoff.
    await this.jobs.enqueue(CRAWL_PEER_JOB, job, { attempts: 1 });
  }

  private requireFederation(): void {
    if (!this.config.instance.federationEnabled) throw new FederationDisabledError();
  }

  private refuseOwnDomain(address: PeerAddress): void {
    if (address.domain === this.config.instance.domain) {
      throw new PeerVerificationError('MANIFEST_DOMAIN_MISMATCH', 'An instance cannot federate with itself');
    }
  }
}
