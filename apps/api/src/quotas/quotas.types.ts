import type { Ownership } from '../access/permissions';
import type { Prisma } from '../generated/prisma/client';

/** What an owner (a user or an organization) may grow to. Each has a limit per owner (hierarchy members: per hierarchy). */
export const QUOTA_NAMES = ['blueprints', 'storageBytes', 'hierarchies', 'hierarchyMembers'] as const;
export type QuotaName = (typeof QUOTA_NAMES)[number];

/** How much more of a quota a write wants. */
export type QuotaDemand =
  | { quota: Exclude<QuotaName, 'hierarchyMembers'>; wanted: number }
  | { quota: 'hierarchyMembers'; hierarchyId: string; wanted: number };

/** Where the instance's limits come from: configuration (ConfiguredQuotaLimits), the same for every owner. */
export interface QuotaLimits {
  limitFor(owner: Ownership, quota: QuotaName): Promise<number>;
}

export const QUOTA_LIMITS = Symbol('QUOTA_LIMITS');

/**
 * The owner's plan, asked about the same demands after the instance's quotas pass, in the same transaction and under
 * the same lock (billing: src/billing/plan-limits.module.ts provides it; without billing it allows everything). Its
 * refusal is the plan's (PLAN_LIMIT_REACHED), not the instance's (QUOTA_EXCEEDED). A token rather than an import, so
 * quotas never depend on billing, which itself counts usage with QuotasRepository.
 */
export interface PlanQuotaCheck {
  check(tx: Prisma.TransactionClient, owner: Ownership, demands: readonly QuotaDemand[]): Promise<void>;
}

export const PLAN_QUOTA_CHECK = Symbol('PLAN_QUOTA_CHECK');
