import { formatByteSize, formatCount } from '../format';
import { ApiError } from './api-error';

/** What a PLAN_LIMIT_REACHED answer carries in its details (docs/billing.md). */
export interface PlanLimitDetails {
  limit: string;
  plan: string;
  allowed: number;
  used: number;
  wanted: number;
  upgradeUrl?: string;
}

export const PLAN_LIMIT_REACHED = 'PLAN_LIMIT_REACHED';

/** The details of a PLAN_LIMIT_REACHED refusal; undefined for any other error. */
export function planLimitOf(error: unknown): PlanLimitDetails | undefined {
  if (!(error instanceof ApiError) || error.code !== PLAN_LIMIT_REACHED) return undefined;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  const { limit, plan, allowed, used, wanted, upgradeUrl } = details as Record<string, unknown>;
  return {
    limit: typeof limit === 'string' ? limit : '',
    plan: typeof plan === 'string' ? plan : 'current',
    allowed: typeof allowed === 'number' ? allowed : 0,
    used: typeof used === 'number' ? used : 0,
    wanted: typeof wanted === 'number' ? wanted : 0,
    ...(typeof upgradeUrl === 'string' ? { upgradeUrl } : {}),
  };
}

/**
 * The billing page an upgradeUrl names, as a path inside this app: the server builds the URL from its APP_URL, which
 * need not be the address this browser uses (a proxy, a preview), so only the path is followed.
 */
export function upgradePath(upgradeUrl: string | undefined): string | undefined {
  if (!upgradeUrl) return undefined;
  try {
    const url = new URL(upgradeUrl, window.location.origin);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('/') && !path.startsWith('//') ? path : undefined;
  } catch {
    return undefined;
  }
}

/** How each counted limit is named in a sentence (one, many), and how its numbers read. */
const COUNTED: Record<string, { one: string; many: string; format: (value: number) => string }> = {
  privateBlueprints: { one: 'private blueprint', many: 'private blueprints', format: formatCount },
  storageBytes: { one: 'of storage', many: 'of storage', format: formatByteSize },
  organizations: { one: 'organization you own', many: 'organizations you own', format: formatCount },
  seats: { one: 'member (seat)', many: 'members (seats)', format: formatCount },
  organizationTokens: { one: 'organization token', many: 'organization tokens', format: formatCount },
};

/** Over the limit already (a plan shrank): the resource is read-only until the use is back under. */
export function isOverLimit(details: PlanLimitDetails): boolean {
  return details.used > details.allowed;
}

/** "The Free plan allows 2 private blueprints; 2 in use, and this needs 1 more." Undefined for limits not counted. */
export function describePlanLimit(details: PlanLimitDetails): string | undefined {
  const counted = COUNTED[details.limit];
  if (!counted) return undefined;
  const { format } = counted;
  const label = details.allowed === 1 ? counted.one : counted.many;
  const base = `The ${details.plan} plan allows ${format(details.allowed)} ${label}; ${format(details.used)} in use`;
  if (isOverLimit(details)) return `${base}. Upgrade, or remove some to get back under.`;
  return `${base}, and this needs ${format(details.wanted)} more. Upgrade, or make room first.`;
}
