import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export interface AuditEventRecord {
  actorType: 'user' | 'organization-token' | 'system' | 'anonymous';
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ipPrefix: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Prisma.InputJsonObject;
  /** Shown in this organization's audit log too. */
  organizationId?: string | null;
}

/** One page of an organization's log: newest first, resuming strictly after `after` (the last event seen). */
export interface OrganizationLogQuery {
  organizationId: string;
  actionPrefix?: string;
  from?: Date;
  to?: Date;
  after?: { occurredAt: Date; id: string };
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inside `tx` when given: the entry then commits, or not, with the change it records. */
  async insert(event: AuditEventRecord, tx?: Prisma.TransactionClient): Promise<{ id: string; occurredAt: Date }> {
    return (tx ?? this.prisma).auditEvent.create({ data: event, select: { id: true, occurredAt: true } });
  }

  /** What a user did, and what the system did to their account (billing changes a webhook applied, say). */
  listForActor(actorId: string, limit: number) {
    return this.prisma.auditEvent.findMany({
      where: { OR: [{ actorId }, { targetType: 'user', targetId: actorId }] },
      orderBy: { occurredAt: 'desc' },
      take: limit,
    });
  }

  /**
   * A page of an organization's log, ordered by (occurredAt, id) descending so that paging is stable even when events
   * share a millisecond; each event carries the handle of its user actor while that account exists.
   */
  async pageForOrganization(query: OrganizationLogQuery) {
    const where: Prisma.AuditEventWhereInput = { organizationId: query.organizationId };
    const and: Prisma.AuditEventWhereInput[] = [];
    if (query.actionPrefix) and.push({ action: { startsWith: query.actionPrefix } });
    if (query.from) and.push({ occurredAt: { gte: query.from } });
    if (query.to) and.push({ occurredAt: { lt: query.to } });
    if (query.after) {
      const { occurredAt, id } = query.after;
      and.push({ OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] });
    }
    const rows = await this.prisma.auditEvent.findMany({
      where: { ...where, AND: and },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
    });
    const userIds = [
      ...new Set(rows.filter((row) => row.actorType === 'user' && row.actorId).map((row) => row.actorId as string)),
    ];
    const users =
      userIds.length === 0
        ? []
        : await this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, handle: true } });
    const handles = new Map(users.map((user) => [user.id, user.handle]));
    return rows.map((row) => ({ ...row, actorHandle: row.actorId ? (handles.get(row.actorId) ?? null) : null }));
  }
}
