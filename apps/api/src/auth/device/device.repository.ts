import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';

export interface NewDeviceAuthorization {
  deviceCodeHash: string;
  /** The keyed digest of the user code (see userCodeDigest), never the code itself. */
  userCode: string;
  clientName: string;
  scopes: string[];
  intervalSeconds: number;
  expiresAt: Date;
}

@Injectable()
export class DeviceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Undefined when the user code digest is taken (a collision; the caller draws another code). */
  async create(authorization: NewDeviceAuthorization) {
    try {
      return await this.prisma.deviceAuthorization.create({ data: authorization });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return undefined;
      throw error;
    }
  }

  findByDeviceCodeHash(deviceCodeHash: string) {
    return this.prisma.deviceAuthorization.findUnique({ where: { deviceCodeHash } });
  }

  findByUserCode(userCode: string) {
    return this.prisma.deviceAuthorization.findUnique({ where: { userCode } });
  }

  /** Approves or denies a still pending, unexpired request for `userId`; false when it was no longer pending. */
  async decide(id: string, userId: string, status: 'approved' | 'denied', now: Date): Promise<boolean> {
    const { count } = await this.prisma.deviceAuthorization.updateMany({
      where: { id, status: 'pending', expiresAt: { gt: now } },
      data: { status, userId },
    });
    return count === 1;
  }

  /** Moves an approved request to consumed; true for exactly one caller, however many poll at once. */
  async consume(id: string): Promise<boolean> {
    const { count } = await this.prisma.deviceAuthorization.updateMany({
      where: { id, status: 'approved' },
      data: { status: 'consumed' },
    });
    return count === 1;
  }

  /**
   * Records a poll under a row lock, so concurrent polls see each other's time. `nextInterval` gets the previous poll
   * and current interval and returns the interval to persist.
   */
  recordPoll(
    id: string,
    now: Date,
    nextInterval: (previous: { lastPolledAt: Date | null; intervalSeconds: number }) => number,
  ): Promise<{ previousIntervalSeconds: number; intervalSeconds: number }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM device_authorizations WHERE id = ${id}::uuid FOR UPDATE`;
      const row = await tx.deviceAuthorization.findUniqueOrThrow({
        where: { id },
        select: { lastPolledAt: true, intervalSeconds: true },
      });
      const intervalSeconds = nextInterval(row);
      await tx.deviceAuthorization.update({ where: { id }, data: { lastPolledAt: now, intervalSeconds } });
      return { previousIntervalSeconds: row.intervalSeconds, intervalSeconds };
    });
  }

  deleteExpiredBefore(cutoff: Date) {
    return this.prisma.deviceAuthorization.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  }
}
