import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Ownership } from '../access/permissions';
import { QuotaExceededError } from './quotas.errors';
import { QuotasRepository, type QuotaTransaction } from './quotas.repository';
import {
  PLAN_QUOTA_CHECK,
  QUOTA_LIMITS,
  type PlanQuotaCheck,
  type QuotaDemand,
  type QuotaLimits,
  type QuotaName,
} from './quotas.types';

/** A check a repository runs first thing inside its write transaction. */
export type WriteGuard = (tx: QuotaTransaction) => Promise<void>;

/** The limits of configuration (QUOTA_* variables), the same for every user. */
@Injectable()
export class ConfiguredQuotaLimits implements QuotaLimits {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  limitFor(_owner: Ownership, quota: QuotaName): Promise<number> {
    return Promise.resolve(this.config.quotas[quota]);
  }
}

/**
 * Answers whether an owner (a user or an organization) may grow by what a write wants: the instance's quotas first,
 * then the owner's plan (PLAN_QUOTA_CHECK). Checks run inside the write's transaction under a per-owner lock, so
 * concurrent writes are counted one after the other and never both pass at the limit.
 */
@Injectable()
export class QuotaService {
  constructor(
    private readonly repository: QuotasRepository,
    @Inject(QUOTA_LIMITS) private readonly limits: QuotaLimits,
    @Inject(PLAN_QUOTA_CHECK) private readonly plan: PlanQuotaCheck,
  ) {}

  /** Throws QuotaExceededError naming the first quota the demands would exceed, else the plan's refusal if any. */
  async check(tx: QuotaTransaction, owner: Ownership, demands: readonly QuotaDemand[]): Promise<void> {
    const growing = demands.filter((demand) => demand.wanted > 0);
    if (growing.length === 0) return;
    await this.repository.lockOwner(tx, owner);
    for (const demand of growing) {
      const limit = await this.limits.limitFor(owner, demand.quota);
      const used = await this.repository.usage(tx, owner, demand);
      if (used + demand.wanted > limit) throw new QuotaExceededError(demand, limit, used);
    }
    await this.plan.check(tx, owner, growing);
  }

  /** The check as a hook for a repository's write transaction. */
  guard(owner: Ownership, demands: readonly QuotaDemand[]): WriteGuard {
    return (tx) => this.check(tx, owner, demands);
  }
}
