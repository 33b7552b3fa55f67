import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { SessionState } from '../../generated/prisma/client';

export interface NewSession {
  tokenHash: string;
  userId: string;
  state: SessionState;
  authMethod: string;
  csrfToken: string;
  authenticatedAt: Date;
  secondFactorAt: Date | null;
  expiresAt: Date;
  userAgent: string | null;
  ipPrefix: string | null;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(session: NewSession) {
    return this.prisma.session.create({ data: session });
  }

  findByTokenHash(tokenHash: string) {
    return this.prisma.session.findUnique({ where: { tokenHash } });
  }

  listForUser(userId: string) {
    return this.prisma.session.findMany({
      where: { userId, expiresAt: { gt: new Date() } },
      orderBy: { lastSeenAt: 'desc' },
    });
  }

  touch(id: string, lastSeenAt: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt } });
  }

  /** Deletes and returns the token hashes, so cached copies can be dropped too. */
  async deleteWhere(where: { id?: string; userId?: string; notId?: string }): Promise<string[]> {
    const filter = {
      ...(where.id ? { id: where.id } : {}),
      ...(where.userId ? { userId: where.userId } : {}),
      ...(where.notId ? { NOT: { id: where.notId } } : {}),
    };
    return this.prisma.$transaction(async (tx) => {
      const doomed = await tx.session.findMany({ where: filter, select: { tokenHash: true } });
      await tx.session.deleteMany({ where: filter });
      return doomed.map((session) => session.tokenHash);
    });
  }

  deleteExpired(now: Date) {
    return this.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
