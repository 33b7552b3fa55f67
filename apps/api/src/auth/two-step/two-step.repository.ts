import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

@Injectable()
export class TwoStepRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isEnabled(userId: string): Promise<boolean> {
    const factor = await this.prisma.totpFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
    return Boolean(factor?.enabledAt);
  }
}
