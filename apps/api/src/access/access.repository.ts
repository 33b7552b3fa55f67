import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { PersonRecord } from './actor';
import type { OrganizationRole } from './permissions';

@Injectable()
export class AccessRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A user's instance role and organization roles, in one query; null when the account is gone. */
  async person(userId: string): Promise<PersonRecord | null> {
    const row = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { role: true, memberships: { select: { organizationId: true, role: true } } },
    });
    if (!row) return null;
    return {
      instanceAdmin: row.role === 'admin',
      roles: new Map<string, OrganizationRole>(row.memberships.map((m) => [m.organizationId, m.role])),
    };
  }
}
