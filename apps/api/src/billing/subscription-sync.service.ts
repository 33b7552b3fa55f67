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
import { StripeClient } from './stripe.provider';

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

  async sync(stripeSubscriptionId: string, cause: string): Promise<SyncOutcome> {
    const subscription = await this.stripe.api.subscriptions.retrieve(stripeSubscriptionId);
    return this.apply(subscription, cause);
  }

  /** Writes a subscription object fresh from Stripe (retrieved, or returned by an update we made). */
  async apply(subscription: Stripe.Subscription, cause: string, actor: AuditActor = SYSTEM): Promise<SyncOutcome> {
    const plans = this.entitlements.plans;
    const stripeCustomerId = idOf(subscription.customer);
    const customer = stripeCustomerId ? await this.repository.customerByStripeId(stripeCustomerId) : null;
    if (!plans || !customer) {
      this.logger.info({ subscription: subscription.id, customer: stripeCustomerId }, 'billing: not our customer');
      return 'ignored';
    }
    const stored = customer.subscription;
    if (stored && stored.stripeSubscriptionId !== subscription.id && !supersedes(subscription, stored)) {
      return 'ignored';
    }
    const now = new Date();
    const account = accountOfCustomer(customer);
    const same = stored?.stripeSubscriptionId === subscription.id ? stored : null;
    const before = effectivePlan(plans, account.kind, stored, now);
    const state = subscriptionState(subscription, plans);
    if (!state.planId) {
      this.logger.warn({ subscription: subscription.id, price: state.stripePriceId }, 'billing: price in no plan');
    }
    const written = await this.repository.writeSubscription(customer.id, state, this.graceOf(state.status, same, now));
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

/**
 * Of two subscriptions of one customer, the live one counts; of two live ones, the newer. An ended subscription
 * never replaces another one.
 */
function supersedes(candidate: Stripe.Subscription, stored: BillingSubscription): boolean {
  if (!LIVE_STATUSES.has(candidate.status)) return false;
  if (!LIVE_STATUSES.has(stored.status)) return true;
  return candidate.created * 1000 > stored.stripeCreatedAt.getTime();
}
