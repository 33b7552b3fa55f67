import { Module } from '@nestjs/common';
import { QuotasModule } from '../quotas/quotas.module';
import { BillingRepository } from './billing.repository';
import { EntitlementsRepository } from './entitlements.repository';
import { EntitlementService } from './entitlements.service';

/**
 * What each account's plan allows (docs/billing.md). Imported by every capability that enforces a limit; depends on
 * nothing of theirs, so it can be imported anywhere.
 */
@Module({
  imports: [QuotasModule],
  providers: [BillingRepository, EntitlementsRepository, EntitlementService],
  exports: [EntitlementService, BillingRepository],
})
export class EntitlementsModule {}
