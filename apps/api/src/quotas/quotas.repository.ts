import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { QuotaDemand } from './quotas.types';

/** The transaction a write runs in; its quota check must run in the same one. */
export type QuotaTransaction = Prisma.TransactionClient;

/** Namespace of the per-user advisory locks (two-key form: this number, then a hash of the user id). */
const QUOTA_LOCK_NAMESPACE = 1_903_412_118;

@Injectable()
export class QuotasRepository {
  /**
   * Serialises the growing writes of one user until the transaction ends, so two of them cannot both see room for
   * one more. Every quota-checked write takes this lock before any row lock.
   */
  async lockUser(tx: QuotaTransaction, userId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK_NAMESPACE}::int, hashtext(${userId}))`;
  }

  /**
   * Current use, as the limits count it. Storage is the size of every stored version of the user's live blueprints, attached files included
   * (deleting a blueprint deletes its versions).
   */
  async usage(tx: QuotaTransaction, userId: string, demand: QuotaDemand): Promise<number> {
    switch (demand.quota) {
      case 'blueprints':
        return tx.blueprint.count({ where: { ownerId: userId, deletedAt: null } });
      case 'storageBytes': {
        const sum = await tx.blueprintVersion.aggregate({
          where: { blueprint: { ownerId: userId, deletedAt: null } },
          _sum: { sizeBytes: true },
        });
        const files = await tx.blueprintVersionFile.aggregate({
          where: { version: { blueprint: { ownerId: userId, deletedAt: null } } },
          _sum: { sizeBytes: true },
        });
        return Number(sum._sum.sizeBytes ?? 0) + Number(files._sum.sizeBytes ?? 0);
      }
      case 'hierarchies':
        return tx.blueprintHierarchy.count({ where: { ownerId: userId } });
      case 'hierarchyMembers':
        return tx.blueprint.count({ where: { hierarchyId: demand.hierarchyId, deletedAt: null } });
    }
  }
}
