import { Module } from '@nestjs/common';
import { QuotasRepository } from './quotas.repository';
import { ConfiguredQuotaLimits, QuotaService } from './quotas.service';
import { QUOTA_LIMITS } from './quotas.types';

/** Per-user limits on what an account stores (docs/blueprints.md, "Quotas"). */
@Module({
  providers: [QuotasRepository, { provide: QUOTA_LIMITS, useClass: ConfiguredQuotaLimits }, QuotaService],
  exports: [QuotaService, QuotasRepository],
})
export class QuotasModule {}
