import { Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import type { Prisma } from '../generated/prisma/client';
import type { PlanQuotaCheck, QuotaDemand } from '../quotas/quotas.types';
import { accountOfOwner } from './billing-account';
import { EntitlementService } from './entitlements.service';

/**
 * The plan's side of the storage quota: wherever the instance checks `storageBytes` (QuotaService), the owner's plan
 * is asked about the same bytes, in the same transaction. The other quotas have no counterpart in a plan.
 */
@Injectable()
export class PlanQuotaLimits implements PlanQuotaCheck {
  constructor(private readonly entitlements: EntitlementService) {}

  async check(tx: Prisma.TransactionClient, owner: Ownership, demands: readonly QuotaDemand[]): Promise<void> {
    const bytes = demands
      .filter((demand) => demand.quota === 'storageBytes')
      .reduce((sum, demand) => sum + demand.wanted, 0);
    if (bytes > 0) await this.entitlements.check(accountOfOwner(owner), 'storageBytes', bytes, { tx });
  }
}
