import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

@Injectable()
export class TwoStepRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isEnabled(userId: string): Promise<boolean> {
    const factor = await this.prisma.totpFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
    return Boolean(factor?.enabledAt);
  }

  findFactor(userId: string) {
    return this.prisma.totpFactor.findUnique({ where: { userId } });
  }

  /** A fresh, unconfirmed factor; replaces an earlier unconfirmed one, never an enabled one. */
  async savePending(userId: string, secretEncrypted: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.totpFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
      if (existing?.enabledAt) return false;
      await tx.totpFactor.upsert({
        where: { userId },
        create: { userId, secretEncrypted },
        update: { secretEncrypted, lastUsedStep: null, createdAt: new Date() },
      });
      return true;
    });
  }

  /** Turns the factor on with its first accepted step and a new set of recovery codes, all or nothing. */
  async enable(userId: string, step: bigint, codeHashes: string[], at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.totpFactor.updateMany({
        where: { userId, enabledAt: null },
        data: { enabledAt: at, lastUsedStep: step },
      });
      if (count !== 1) return false;
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
      return true;
    });
  }

  /** Records an accepted time step; false when this or a later step was already used (a replay, or a race). */
  async advanceStep(userId: string, step: bigint): Promise<boolean> {
    const { count } = await this.prisma.totpFactor.updateMany({
      where: {
        userId,
        enabledAt: { not: null },
        OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
      },
      data: { lastUsedStep: step },
    });
    return count === 1;
  }

  /** Marks an unused code used in one statement, so two concurrent requests cannot both spend it. */
  async spendRecoveryCode(userId: string, codeHash: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.recoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: at },
    });
    return count >= 1;
  }

  countUnusedRecoveryCodes(userId: string) {
    return this.prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.recoveryCode.deleteMany({ where: { userId } }),
      this.prisma.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) }),
    ]);
  }

  /** Removes the factor and every recovery code; false when there was no factor. */
  async deleteAll(userId: string): Promise<boolean> {
    const [, factors] = await this.prisma.$transaction([
      this.prisma.recoveryCode.deleteMany({ where: { userId } }),
      this.prisma.totpFactor.deleteMany({ where: { userId } }),
    ]);
    return factors.count > 0;
  }
}
