import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { Ownership } from '../access/permissions';
import { ownedBy } from '../blueprints/blueprints.repository';
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
  async lockOwner(tx: QuotaTransaction, owner: Ownership): Promise<void> {
    const key = owner.organizationId ?? owner.ownerId ?? '';
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK_NAMESPACE}::int, hashtext(${key}))`;
  }

  /**
   * Current use, as the limits count it. Storage is the size of every stored version of the user's live blueprints, attached files included
   * (deleting a blueprint deletes its versions).
   */
  async usage(tx: QuotaTransaction, owner: Ownership, demand: QuotaDemand): Promise<number> {
    const mine = ownedBy(owner);
    switch (demand.quota) {
      case 'blueprints':
        return tx.blueprint.count({ where: { ...mine, deletedAt: null } });
      case 'storageBytes': {
        const sum = await tx.blueprintVersion.aggregate({
          where: { blueprint: { ...mine, deletedAt: null } },
          _sum: { sizeBytes: true },
        });
        const files = await tx.blueprintVersionFile.aggregate({
          where: { version: { blueprint: { ...mine, deletedAt: null } } },
          _sum: { sizeBytes: true },
        });
        return Number(sum._sum.sizeBytes ?? 0) + Number(files._sum.sizeBytes ?? 0);
      }
      case 'hierarchies':
        return tx.blueprintHierarchy.count({ where: mine });
      case 'hierarchyMembers':
        return tx.blueprint.count({ where: { hierarchyId: demand.hierarchyId, deletedAt: null } });
    }
  }
}
