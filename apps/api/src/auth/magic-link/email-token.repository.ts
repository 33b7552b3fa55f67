import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { EmailTokenPurpose } from '../../generated/prisma/client';

@Injectable()
export class EmailTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(token: {
    tokenHash: string;
    purpose: EmailTokenPurpose;
    email: string;
    userId: string | null;
    expiresAt: Date;
  }) {
    return this.prisma.emailToken.create({ data: token });
  }

  findByHash(tokenHash: string) {
    return this.prisma.emailToken.findUnique({ where: { tokenHash } });
  }

  /** Marks the token used only if it is still unused and unexpired: of two concurrent uses, exactly one wins. */
  async consume(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.emailToken.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return count === 1;
  }

  /** Makes every outstanding token of this address or user unusable (it changed hands, or is gone). */
  async revokeOutstanding(where: { purpose: EmailTokenPurpose; email?: string; userId?: string }, now: Date) {
    const { count } = await this.prisma.emailToken.updateMany({
      where: {
        purpose: where.purpose,
        usedAt: null,
        expiresAt: { gt: now },
        ...(where.email === undefined ? {} : { email: where.email }),
        ...(where.userId === undefined ? {} : { userId: where.userId }),
      },
      data: { usedAt: now },
    });
    return count;
  }

  deleteExpiredBefore(cutoff: Date) {
    return this.prisma.emailToken.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  }
}
