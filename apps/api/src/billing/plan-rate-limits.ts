import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { principalOf, type Principal } from '../auth/principal';
import { RATE_LIMIT } from '../common/http/rate-limit';
import { RateLimitCounters } from '../kv/rate-limit-counters';
import type { BillingAccount } from './billing-account';
import { PlanRateLimitedError } from './billing.errors';
import { EntitlementService, limitOf } from './entitlements.service';

/**
 * How long a looked-up rate limit is trusted. The plan is a database read; a token request should not cost one each
 * time, so a plan change reaches API rates within this long (per process).
 */
export const PLAN_RATE_CACHE_MS = 30_000;
const PLAN_RATE_CACHE_ACCOUNTS = 10_000;

interface AccountRate {
  readonly plan: string;
  /** null: the plan sets no rate. */
  readonly perMinute: number | null;
}

/** The account an API token acts for: its user, or its organization. Sessions (people in a browser) have none. */
export function tokenAccount(principal: Principal | undefined): BillingAccount | undefined {
  if (principal?.kind === 'token') return { kind: 'user', id: principal.userId };
  if (principal?.kind === 'organization-token') return { kind: 'organization', id: principal.organizationId };
  return undefined;
}

export function planRateCounterKey(account: BillingAccount): string {
  return `ratelimit:plan:${account.kind}:${account.id}`;
}

/**
 * The plan's `apiRatePerMinute`: the requests of all of one account's API tokens, on every route, counted in a fixed
 * one-minute window in the shared store (so the limit holds across replicas). On top of the instance's per-client,
 * per-route limit (ThrottlerGuard), which still applies. Without billing, or on a plan without a rate, nothing counts.
 */
@Injectable()
export class PlanRateLimits {
  private readonly rates = new LRUCache<string, AccountRate, BillingAccount>({
    max: PLAN_RATE_CACHE_ACCOUNTS,
    ttl: PLAN_RATE_CACHE_MS,
    fetchMethod: async (_key, _stale, { context }) => {
      const current = await this.entitlements.planOf(context);
      return { plan: current?.plan.name ?? '', perMinute: current ? limitOf(current, 'apiRatePerMinute') : null };
    },
  });

  constructor(
    private readonly entitlements: EntitlementService,
    private readonly counters: RateLimitCounters,
  ) {}

  /** Counts one request; throws PlanRateLimitedError (429 RATE_LIMITED) past the plan's rate. */
  async hit(account: BillingAccount): Promise<void> {
    if (!this.entitlements.enabled) return;
    const rate = await this.rates.fetch(`${account.kind}:${account.id}`, { context: account });
    if (!rate || rate.perMinute === null) return;
    const { count, ttlMs } = await this.counters.increment(planRateCounterKey(account), RATE_LIMIT.windowMs);
    if (count <= rate.perMinute) return;
    throw new PlanRateLimitedError({
      plan: rate.plan,
      allowed: rate.perMinute,
      retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
      upgradeUrl: await this.entitlements.upgradeUrl(account),
    });
  }
}

/** Runs right after the instance's throttler, before the route policy: a refused token request still counts. */
@Injectable()
export class PlanRateLimitGuard implements CanActivate {
  constructor(private readonly limits: PlanRateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const account = tokenAccount(principalOf(request));
    if (!account) return true;
    try {
      await this.limits.hit(account);
    } catch (error) {
      if (error instanceof PlanRateLimitedError) {
        const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
      }
      throw error;
    }
    return true;
  }
}
