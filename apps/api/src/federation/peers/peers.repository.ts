import { Injectable } from '@nestjs/common';
import { Prisma, type DomainRuleAction, type Peer, type PeerStatus } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';

export type PeerRow = Peer;

/** What one crawl run fetched and changed, and the problems it met: the counters of `crawl_runs`. */
export interface CrawlTotals {
  requests: number;
  pages: number;
  added: number;
  updated: number;
  removed: number;
  bytes: number;
  errors: Array<{ code: string; message: string; url?: string }>;
  /** Legacy peers' detail requests by reason. */
  fetches: Partial<Record<FetchReason, { count: number; ids: string[] }>>;
}

/**
 * Why a legacy peer's detail was requested (each request counts as a download there): `new` to the copy, `changed`
 * (its listing changed), `refresh` (unchanged, within the per-run refresh budget, oldest first) or `confirm` (a
 * complete walk did not list it: is it still public?).
 */
export type FetchReason = 'new' | 'changed' | 'refresh' | 'confirm';

const RECENT_RUNS = 20;

/** Peers, domain rules, federation settings and crawl runs. The only place federation state touches Prisma. */
@Injectable()
export class PeersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.peer.findUnique({ where: { id } });
  }

  findByDomain(domain: string) {
    return this.prisma.peer.findUnique({ where: { domain } });
  }

  create(data: Prisma.PeerUncheckedCreateInput) {
    return this.prisma.peer.create({ data });
  }

  /** `lastErrorDetails` describe `lastError`: clearing the one clears the other. */
  update(id: string, data: Prisma.PeerUncheckedUpdateInput) {
    const details = data.lastError === null ? { lastErrorDetails: Prisma.DbNull } : {};
    return this.prisma.peer.update({ where: { id }, data: { ...data, ...details } });
  }

  async delete(id: string): Promise<void> {
    await this.prisma.peer.delete({ where: { id } });
  }

  list() {
    return this.prisma.peer.findMany({ orderBy: { domain: 'asc' } });
  }

  listWithStatus(statuses: PeerStatus[]) {
    return this.prisma.peer.findMany({ where: { status: { in: statuses } }, orderBy: { domain: 'asc' } });
  }

  /** Peers whose next crawl is due: verified, pending or failing; no key change waiting for approval. */
  listDue(now: Date, limit: number) {
    return this.prisma.peer.findMany({
      where: {
        status: { in: ['pending', 'verified', 'failing'] },
        pendingPublicKey: null,
        OR: [{ nextCrawlAt: null }, { nextCrawlAt: { lte: now } }],
      },
      orderBy: { nextCrawlAt: { sort: 'asc', nulls: 'first' } },
      take: limit,
      select: { id: true },
    });
  }

  /** Everything we hold from a blocked peer goes; forks made from it keep their attribution URL. */
  async purgeCopies(peerId: string): Promise<number> {
    const { count } = await this.prisma.remoteBlueprint.deleteMany({ where: { peerId } });
    await this.prisma.peer.update({
      where: { id: peerId },
      data: { blueprintCount: 0, cursor: null, cursorEtag: null },
    });
    return count;
  }

  /** `listed` of a peer's copies: shown unless hidden by an admin or the peer is silenced. */
  async setCopiesListed(peerId: string, peerListed: boolean): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE remote_blueprints SET listed = (hidden_at IS NULL AND ${peerListed})
       WHERE peer_id = ${peerId}::uuid AND listed IS DISTINCT FROM (hidden_at IS NULL AND ${peerListed})`;
  }

  listRules() {
    return this.prisma.domainRule.findMany({ orderBy: { domain: 'asc' } });
  }

  upsertRule(domain: string, action: DomainRuleAction, note: string, createdBy: string) {
    return this.prisma.domainRule.upsert({
      where: { domain },
      create: { domain, action, note, createdBy },
      update: { action, note },
    });
  }

  findRule(id: string) {
    return this.prisma.domainRule.findUnique({ where: { id } });
  }

  async deleteRule(id: string): Promise<void> {
    await this.prisma.domainRule.delete({ where: { id } });
  }

  settings() {
    return this.prisma.federationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  }

  updateSettings(data: { allowlistMode?: boolean; acceptRegistrations?: boolean }) {
    return this.prisma.federationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  }

  startRun(peerId: string, trigger: string) {
    return this.prisma.crawlRun.create({ data: { peerId, trigger } });
  }

  finishRun(id: string, data: CrawlTotals & { outcome: string }) {
    return this.prisma.crawlRun.update({
      where: { id },
      data: {
        ...data,
        errors: data.errors as Prisma.InputJsonArray,
        fetches: data.fetches as Prisma.InputJsonObject,
        finishedAt: new Date(),
      },
    });
  }

  recentRuns(peerId: string, limit = RECENT_RUNS) {
    return this.prisma.crawlRun.findMany({ where: { peerId }, orderBy: { startedAt: 'desc' }, take: limit });
  }

  /** The latest run of each peer, for the admin overview. */
  async latestRuns(): Promise<Map<string, Prisma.CrawlRunGetPayload<object>>> {
    const rows = await this.prisma.crawlRun.findMany({
      distinct: ['peerId'],
      orderBy: [{ peerId: 'asc' }, { startedAt: 'desc' }],
    });
    return new Map(rows.map((row) => [row.peerId, row]));
  }

  countCopies(peerId: string) {
    return this.prisma.remoteBlueprint.count({ where: { peerId } });
  }
}
