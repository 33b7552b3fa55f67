import { Global, Module } from '@nestjs/common';
import { PLAN_QUOTA_CHECK } from '../quotas/quotas.types';
import { EntitlementsModule } from './entitlements.module';
import { PlanQuotaLimits } from './plan-quota-limits';
import { PlanRateLimits } from './plan-rate-limits';

/**
 * The plan limits that act outside the capabilities importing EntitlementsModule: the storage check QuotaService
 * asks through PLAN_QUOTA_CHECK (QuotasModule cannot import billing, which counts usage with QuotasRepository), and
 * the per-account API rate (PlanRateLimitGuard, registered in AppModule). Global so QuotasModule finds the hook
 * without importing it.
 */
@Global()
@Module({
  imports: [EntitlementsModule],
  providers: [{ provide: PLAN_QUOTA_CHECK, useClass: PlanQuotaLimits }, PlanRateLimits],
  exports: [PLAN_QUOTA_CHECK, PlanRateLimits],
})
export class PlanLimitsModule {}
