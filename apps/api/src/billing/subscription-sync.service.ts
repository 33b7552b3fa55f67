import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { BillingSubscription, Prisma } from '../generated/prisma/client';
import type { BillingAccount } from './billing-account';
import { accountOfCustomer, BillingRepository } from './billing.repository';
import { effectivePlan, LIVE_STATUSES, type AccountPlan } from './effective-plan';
import { EntitlementService } from './entitlements.service';
import { idOf, subscriptionState } from './stripe-objects';
import { isResourceMissing, StripeClient } from './stripe.provider';

const GRACE_STATUSES: ReadonlySet<string> = new Set(['past_due', 'unpaid']);

export type SyncOutcome = 'applied' | 'ignored';

/**
 * Writes Stripe's current view of a subscription. Whatever event prompted it, the subscription is read back from
 * Stripe first, so deliveries arriving out of order, late or twice all converge on the same, latest state.
 */
@Injectable()
export class SubscriptionSyncService {
  constructor(
    private readonly stripe: StripeClient,
    private readonly repository: BillingRepository,
    private readonly entitlements: EntitlementService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Reads the subscription back from Stripe and writes it. The row is read first, and the write only lands if nobody
   * wrote since; otherwise Stripe is read again, so of two syncs running at once the one that read Stripe last writes
   * last, and each change is recorded once. `actor` is whoever caused it (a person changing seats, or the system).
   */
  async sync(stripeSubscriptionId: string, cause: string, actor: AuditActor = SYSTEM): Promise<SyncOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const known = await this.repository.subscriptionByStripeId(stripeSubscriptionId);
      let subscription: Stripe.Subscription;
      try {
        subscription = await this.stripe.api.subscriptions.retrieve(stripeSubscriptionId);
      } catch (error) {
        // Not a passing failure: Stripe will not have it later either (an id from elsewhere, another account or mode).
        if (!isResourceMissing(error)) throw error;
        this.logger.info({ subscription: stripeSubscriptionId, cause }, 'billing: no such subscription at Stripe');
        return 'ignored';
      }
      const outcome = await this.write(subscription, known, cause, actor);
      if (outcome !== 'conflict') return outcome;
      if (attempt >= SYNC_ATTEMPTS) {
        throw new Error(`billing: subscription ${stripeSubscriptionId} kept changing while it was synced`);
      }
    }
  }

  /** Writes a subscription fresh from Stripe, unless the row changed since `known` was read (then: 'conflict'). */
  private async write(
    subscription: Stripe.Subscription,
    known: BillingSubscription | null,
    cause: string,
    actor: AuditActor,
  ): Promise<SyncOutcome | 'conflict'> {
    const plans = this.entitlements.plans;
    const stripeCustomerId = idOf(subscription.customer);
    const customer = stripeCustomerId ? await this.repository.customerByStripeId(stripeCustomerId) : null;
    if (!plans || !customer) {
      this.logger.info({ subscription: subscription.id, customer: stripeCustomerId }, 'billing: not our customer');
      return 'ignored';
    }
    const stored = customer.subscription;
    const same = stored?.stripeSubscriptionId === subscription.id ? stored : null;
    // Written by someone else between reading the row and reading Stripe: their read of Stripe may be newer than ours.
    if (!sameRow(same, known)) return 'conflict';
    if (stored && !same && !supersedes(subscription, stored)) return 'ignored';
    const now = new Date();
    const account = accountOfCustomer(customer);
    const before = effectivePlan(plans, account.kind, stored, now);
    const state = subscriptionState(subscription, plans);
    if (!state.planId) {
      this.logger.warn({ subscription: subscription.id, price: state.stripePriceId }, 'billing: price in no plan');
    }
    const grace = this.graceOf(state.status, same, now);
    const written = await this.repository.writeSubscription(customer.id, stored, state, grace);
    if (!written) return 'conflict';
    const after = effectivePlan(plans, account.kind, written, now);
    await this.recordChange(account, actor, cause, same, written, before, after);
    return 'applied';
  }

  private graceOf(status: string, same: BillingSubscription | null, now: Date) {
    if (!GRACE_STATUSES.has(status)) return { pastDueSince: null, graceEndsAt: null, graceLapseRecordedAt: null };
    const pastDueSince = same?.pastDueSince ?? now;
    return {
      pastDueSince,
      graceEndsAt: new Date(pastDueSince.getTime() + (this.config.billing?.gracePeriodMs ?? 0)),
      graceLapseRecordedAt: same?.graceLapseRecordedAt ?? null,
    };
  }

  /** One audit event per real change, in the account's log (the organization's, or the user's own). */
  private async recordChange(
    account: BillingAccount,
    actor: AuditActor,
    cause: string,
    previous: BillingSubscription | null,
    current: BillingSubscription,
    before: AccountPlan,
    after: AccountPlan,
  ): Promise<void> {
    const changes: Record<string, [Prisma.InputJsonValue | null, Prisma.InputJsonValue | null]> = {};
    const fields = ['planId', 'status', 'quantity', 'interval', 'cancelAtPeriodEnd'] as const;
    for (const field of fields) {
      if (!previous || previous[field] !== current[field]) changes[field] = [previous?.[field] ?? null, current[field]];
    }
    const planChanged = before.plan.id !== after.plan.id;
    if (Object.keys(changes).length === 0 && !planChanged) return;
    await this.record(account, actor, previous ? 'billing.subscription_updated' : 'billing.subscription_started', {
      subscription: current.stripeSubscriptionId,
      cause,
      changes,
      plan: { from: before.plan.id, to: after.plan.id, standing: after.standing },
      ...(current.graceEndsAt ? { graceEndsAt: current.graceEndsAt.toISOString() } : {}),
    });
  }

  record(account: BillingAccount, actor: AuditActor, action: string, metadata: Prisma.InputJsonObject) {
    return this.audit.record(
      actor,
      action,
      { type: account.kind, id: account.id },
      {},
      metadata,
      account.kind === 'organization' ? account.id : null,
    );
  }
}

const SYSTEM: AuditActor = { type: 'system' };
/** Syncs of one subscription that keep colliding give up (the job retries later) rather than loop. */
const SYNC_ATTEMPTS = 5;

/** The same row version: both absent, or one row not written since (every column, updatedAt included, unchanged). */
function sameRow(a: BillingSubscription | null, b: BillingSubscription | null): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as Array<keyof BillingSubscription>).every((key) => {
    const [left, right] = [a[key], b[key]];
    return left instanceof Date && right instanceof Date ? left.getTime() === right.getTime() : left === right;
  });
}

/**
 * Of two subscriptions of one customer, the live one counts; of two live ones, the newer. An ended subscription
 * never replaces another one.
 */
function supersedes(candidate: Stripe.Subscription, stored: BillingSubscription): boolean {
  if (!LIVE_STATUSES.has(candidate.status)) return false;
  if (!LIVE_STATUSES.has(stored.status)) return true;
  return candidate.created * 1000 > stored.stripeCreatedAt.getTime();
}
