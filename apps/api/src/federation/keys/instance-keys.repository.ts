import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { InstanceKey } from '../../generated/prisma/client';

export interface NewInstanceKey {
  id: string;
  publicKey: string;
  privateKeyEncrypted: string;
}

/** Serialises key creation and rotation across processes (any fixed number unused by other advisory locks). */
const INSTANCE_KEY_LOCK = 1_718_030_517;

@Injectable()
export class InstanceKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The newest key not retired; there is one at most, since creation and rotation run under the lock. */
  findActive(): Promise<InstanceKey | null> {
    return this.prisma.instanceKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });
  }

  /**
   * The active key, created from `make()` when there is none. The check and the insert run in one transaction under
   * an advisory lock, so two processes starting together end up with the same single key.
   */
  ensureActive(make: () => NewInstanceKey): Promise<InstanceKey> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INSTANCE_KEY_LOCK}::bigint)`;
      const existing = await tx.instanceKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });
      return existing ?? tx.instanceKey.create({ data: make() });
    });
  }

  /** Retires every active key and creates `next`, atomically and under the same lock as creation. */
  rotate(next: NewInstanceKey): Promise<{ retired: string[]; created: InstanceKey }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INSTANCE_KEY_LOCK}::bigint)`;
      const active = await tx.instanceKey.findMany({ where: { retiredAt: null }, select: { id: true } });
      await tx.instanceKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: new Date() } });
      const created = await tx.instanceKey.create({ data: next });
      return { retired: active.map((key) => key.id), created };
    });
  }
}
