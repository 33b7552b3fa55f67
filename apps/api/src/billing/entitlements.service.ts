import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobQueue } from '../jobs/job-queue';
import type { Prisma } from '../generated/prisma/client';
import { billingPagePath, type BillingAccount } from './billing-account';
import { BillingError, BillingErrorCode, PlanLimitReachedError } from './billing.errors';
import { BillingRepository, type CustomerWithSubscription } from './billing.repository';
import { effectivePlan, LIVE_STATUSES, type AccountPlan } from './effective-plan';
import { EntitlementsRepository, isMeasured, MEASURED_LIMITS, type MeasuredLimit } from './entitlements.repository';
import { LIMIT_KEYS, Plans, type LimitKey } from './plans';

/** Defined by the billing module: sets a per-seat subscription's quantity to the member count. */
export const SYNC_SEATS_JOB = 'billing.sync-seats';

export interface LimitUsage {
  readonly key: LimitKey;
  /** null: unlimited. */
  readonly limit: number | null;
  /** null: not something the account holds (history length, API rate). */
  readonly used: number | null;
  /** Over the limit after a plan shrank: the resource is read-only until the account is back under it. */
  readonly over: boolean;
}

/**
 * The one answer to "may this account do this?" under its plan. Without billing every limit is unlimited (the
 * instance quotas, src/quotas, still apply). Checks that guard a write take the transaction and the account's lock.
 */
@Injectable()
export class EntitlementService {
  readonly plans: Plans | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly billing: BillingRepository,
    private readonly usageCounter: EntitlementsRepository,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.plans = config.billing ? new Plans(config.billing.plans) : undefined;
  }

  get enabled(): boolean {
    return this.plans !== undefined;
  }

  /**
   * The account's Stripe Customer (null: it never subscribed) and the plan it has now, from one read; undefined when
   * billing is off.
   */
  async billingOf(
    account: BillingAccount,
    now = new Date(),
  ): Promise<{ customer: CustomerWithSubscription | null; current: AccountPlan } | undefined> {
    if (!this.plans) return undefined;
    const customer = await this.billing.customerOf(account);
    return { customer, current: effectivePlan(this.plans, account.kind, customer?.subscription ?? null, now) };
  }

  /** The account's plan now, and why; undefined when billing is off. */
  async planOf(account: BillingAccount, now = new Date()): Promise<AccountPlan | undefined> {
    return (await this.billingOf(account, now))?.current;
  }

  /** The limit for the account; null means unlimited (always, when billing is off). */
  async limit(account: BillingAccount, key: LimitKey): Promise<number | null> {
    const current = await this.planOf(account);
    return current ? limitOf(current, key) : null;
  }

  /**
   * Throws PLAN_LIMIT_REACHED unless the account may hold `wanted` more of `key`. `wanted` 0 asks whether the account
   * is within its limit at all: what an over-limit account may no longer do (edit a private blueprint, say) checks
   * that. `pending` counts what is promised but not yet held (pending invitations for seats).
   */
  async check(
    account: BillingAccount,
    key: MeasuredLimit,
    wanted: number,
    options: { tx?: Prisma.TransactionClient; pending?: number } = {},
  ): Promise<void> {
    const current = await this.planOf(account);
    if (!current) return;
    const allowed = limitOf(current, key);
    if (allowed === null) return;
    if (options.tx) await this.usageCounter.lock(options.tx, account);
    const used = (await this.usageCounter.usage(account, key, options.tx)) + (options.pending ?? 0);
    const fits = wanted === 0 ? used <= allowed : used + wanted <= allowed;
    if (!fits) {
      throw new PlanLimitReachedError({
        limit: key,
        plan: current.plan.name,
        allowed,
        used,
        wanted,
        upgradeUrl: await this.upgradeUrl(account),
      });
    }
  }

  /** How much of a measured resource the account holds now. */
  used(account: BillingAccount, key: MeasuredLimit): Promise<number> {
    return this.usageCounter.usage(account, key);
  }

  /** Every limit of the account's plan with its use, for the billing page. */
  async usage(account: BillingAccount, current: AccountPlan): Promise<LimitUsage[]> {
    const measured = new Map<LimitKey, number>();
    for (const key of MEASURED_LIMITS) {
      if (appliesTo(account, key)) measured.set(key, await this.usageCounter.usage(account, key));
    }
    return LIMIT_KEYS.filter((key) => appliesTo(account, key)).map((key) => {
      const limit = limitOf(current, key);
      const used = isMeasured(key) ? (measured.get(key) ?? 0) : null;
      return { key, limit, used, over: limit !== null && used !== null && used > limit };
    });
  }

  /**
   * Deleting an account would leave Stripe charging for it: a subscription that renews must be canceled first (in the
   * Customer Portal). One set to end at its period end does not renew, so it does not stand in the way.
   */
  async assertNothingRenews(account: BillingAccount): Promise<void> {
    if (!this.enabled) return;
    const subscription = (await this.billing.customerOf(account))?.subscription;
    if (subscription && LIVE_STATUSES.has(subscription.status) && !subscription.cancelAtPeriodEnd) {
      throw new BillingError(
        BillingErrorCode.SubscriptionRenews,
        'This account has a subscription that renews: cancel it on the billing page first, then delete',
        409,
      );
    }
  }

  /**
   * An organization's member count changed: on a per-seat plan its subscription quantity follows, in a job (Stripe is
   * not called inside the member change). The job reads the count when it runs, so bursts need no de-duplication.
   * Never fails the member change, which is already made: a job that could not be queued is logged, and the next
   * change (or the billing module's own reconciliation) queues the sync again.
   */
  async membersChanged(organizationId: string): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.jobs.enqueue(SYNC_SEATS_JOB, { organizationId });
    } catch (error) {
      this.logger.warn({ err: error, organizationId }, 'could not queue the seat sync of an organization');
    }
  }

  async upgradeUrl(account: BillingAccount): Promise<string> {
    const slug = account.kind === 'organization' ? await this.billing.organizationSlug(account.id) : undefined;
    return `${this.config.http.appUrl}${billingPagePath(account, slug ?? undefined)}`;
  }
}

/** Organizations hold no organizations; users hold no seats or organization tokens. */
export function appliesTo(account: BillingAccount, key: LimitKey): boolean {
  if (account.kind === 'user') return key !== 'seats' && key !== 'organizationTokens';
  return key !== 'organizations';
}

/**
 * The limit under the current plan. On a per-seat plan that refuses overflow, the seats are those paid for (the
 * subscription quantity, within the plan's maximum); one that buys seats allows up to the maximum.
 */
export function limitOf(current: AccountPlan, key: LimitKey): number | null {
  const planned = current.plan.limits[key];
  if (key !== 'seats' || current.plan.pricing !== 'per-seat' || current.plan.seatOverflow === 'buy') return planned;
  const paid = current.subscription?.quantity ?? 0;
  return planned === null ? paid : Math.min(paid, planned);
}
