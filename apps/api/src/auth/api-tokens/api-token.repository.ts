import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { TokenEnvironment } from '../../generated/prisma/client';

export interface NewApiToken {
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  scopes: string[];
  environment: TokenEnvironment;
  expiresAt: Date | null;
}

@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(token: NewApiToken) {
    return this.prisma.apiToken.create({ data: token });
  }

  findByHash(tokenHash: string) {
    return this.prisma.apiToken.findUnique({ where: { tokenHash } });
  }

  listForUser(userId: string) {
    return this.prisma.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
  }

  recordUse(id: string, at: Date, ip: string | null) {
    return this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at, lastUsedIp: ip } });
  }

  /** Returns how many were revoked (0 when the token is not the user's or already revoked). */
  async revoke(userId: string, id: string, at: Date): Promise<number> {
    const { count } = await this.prisma.apiToken.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }
}
