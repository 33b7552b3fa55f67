import type { Ownership } from '../access/permissions';

/** What an owner (a user or an organization) may grow to. Each has a limit per owner (hierarchy members: per hierarchy). */
export const QUOTA_NAMES = ['blueprints', 'storageBytes', 'hierarchies', 'hierarchyMembers'] as const;
export type QuotaName = (typeof QUOTA_NAMES)[number];

/** How much more of a quota a write wants. */
export type QuotaDemand =
  | { quota: Exclude<QuotaName, 'hierarchyMembers'>; wanted: number }
  | { quota: 'hierarchyMembers'; hierarchyId: string; wanted: number };

/**
 * Where limits come from. Configuration today (ConfiguredQuotaLimits); a billing plan's entitlements can answer the
 * same question later by providing QUOTA_LIMITS.
 */
export interface QuotaLimits {
  limitFor(owner: Ownership, quota: QuotaName): Promise<number>;
}

export const QUOTA_LIMITS = Symbol('QUOTA_LIMITS');
