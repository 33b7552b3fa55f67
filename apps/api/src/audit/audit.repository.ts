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

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(event: AuditEventRecord): Promise<{ id: string; occurredAt: Date }> {
    return this.prisma.auditEvent.create({ data: event, select: { id: true, occurredAt: true } });
  }

  listForActor(actorId: string, limit: number) {
    return this.prisma.auditEvent.findMany({
      where: { actorId },
      orderBy: { occurredAt: 'desc' },
      take: limit,
    });
  }
}
