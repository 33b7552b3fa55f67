import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { AuditRepository, type OrganizationLogQuery } from './audit.repository';
import { ipPrefix } from '../common/request-context/ip-prefix';

export interface AuditActor {
  type: 'user' | 'organization-token' | 'system' | 'anonymous';
  id?: string;
}

export interface AuditRequestContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

const MAX_USER_AGENT = 512;

/** Writes the append-only security trail. Entries cannot be changed or removed: the database refuses it. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * One event of the trail. `organizationId` also puts it in that organization's audit log (membership, roles,
   * invitations, tokens, and the visibility, publishing and deletion of its content).
   */
  record(
    actor: AuditActor,
    action: string,
    target: { type: string; id: string } | null,
    context: AuditRequestContext = {},
    metadata: Prisma.InputJsonObject = {},
    organizationId: string | null = null,
    tx?: Prisma.TransactionClient,
  ) {
    return this.repository.insert(
      {
        actorType: actor.type,
        actorId: actor.id ?? null,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        ipPrefix: ipPrefix(context.ip),
        userAgent: context.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
        requestId: context.requestId ?? null,
        metadata,
        organizationId,
      },
      tx,
    );
  }

  recentForActor(actorId: string, limit = 50) {
    return this.repository.listForActor(actorId, limit);
  }

  /** Reading an organization's log (the caller has checked `organization.audit`). */
  organizationLog(query: OrganizationLogQuery) {
    return this.repository.pageForOrganization(query);
  }
}
