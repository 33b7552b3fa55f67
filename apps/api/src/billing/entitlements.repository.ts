import { Injectable } from '@nestjs/common';
import { ownedBy } from '../blueprints/blueprints.repository';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { QuotasRepository } from '../quotas/quotas.repository';
import { ownerOfAccount, type BillingAccount } from './billing-account';
import type { LimitKey } from './plans';

type Client = Prisma.TransactionClient | PrismaService;

/** Limits that count something the account holds; the others (history, API rate) are applied where they act. */
export const MEASURED_LIMITS = [
  'privateBlueprints',
  'storageBytes',
  'organizations',
  'seats',
  'organizationTokens',
] as const satisfies readonly LimitKey[];
export type MeasuredLimit = (typeof MEASURED_LIMITS)[number];

export function isMeasured(key: LimitKey): key is MeasuredLimit {
  return (MEASURED_LIMITS as readonly string[]).includes(key);
}

/** How much of each limited resource an account uses, counted as the limits count it. */
@Injectable()
export class EntitlementsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly quotas: QuotasRepository,
  ) {}

  async usage(account: BillingAccount, key: MeasuredLimit, client: Client = this.prisma): Promise<number> {
    const owner = ownerOfAccount(account);
    switch (key) {
      case 'privateBlueprints':
        return client.blueprint.count({
          where: { ...ownedBy(owner), deletedAt: null, visibility: { in: ['private', 'team'] } },
        });
      case 'storageBytes':
        return this.quotas.usage(client as Prisma.TransactionClient, owner, { quota: 'storageBytes', wanted: 0 });
      case 'organizations':
        return account.kind === 'user'
          ? client.organizationMember.count({ where: { userId: account.id, role: 'owner' } })
          : 0;
      case 'seats':
        return account.kind === 'organization'
          ? client.organizationMember.count({ where: { organizationId: account.id } })
          : 0;
      case 'organizationTokens':
        return account.kind === 'organization'
          ? client.apiToken.count({
              where: {
                organizationId: account.id,
                revokedAt: null,
                OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
              },
            })
          : 0;
    }
  }

  /** Serialises the growing writes of one account (the quota lock), so two cannot both pass at the limit. */
  lock(tx: Prisma.TransactionClient, account: BillingAccount): Promise<void> {
    return this.quotas.lockOwner(tx, ownerOfAccount(account));
  }
}
