import { Inject, Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { BillingAccount } from './billing-account';
import { BillingError, BillingErrorCode, PlanLimitReachedError } from './billing.errors';
import { BillingRepository } from './billing.repository';
import { LIVE_STATUSES } from './effective-plan';
import { EntitlementService } from './entitlements.service';
import { StripeClient } from './stripe.provider';
import { SubscriptionSyncService } from './subscription-sync.service';

/**
 * The quantity of per-seat subscriptions. A plan that buys seats follows the member count (a job, after each member
 * change); one that refuses overflow has the seats an Owner or Admin sets. Changes go through Stripe's API with
 * BILLING_PRORATION, and the subscription Stripe returns is written back.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly stripe: StripeClient,
    private readonly entitlements: EntitlementService,
    private readonly sync: SubscriptionSyncService,
    private readonly repository: BillingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One sync at a time per organization: each reads the member count when its turn comes, so the last one wins. */
  followMembers(organizationId: string): Promise<void> {
    return this.repository.withSeatSyncLock(organizationId, () => this.followMembersNow(organizationId));
  }

  private async followMembersNow(organizationId: string): Promise<void> {
    const account: BillingAccount = { kind: 'organization', id: organizationId };
    const current = await this.entitlements.planOf(account);
    const subscription = current?.subscription;
    if (!current || !subscription || !LIVE_STATUSES.has(subscription.status)) return;
    if (current.plan.pricing !== 'per-seat' || current.plan.seatOverflow !== 'buy') return;
    const wanted = Math.max(1, await this.entitlements.used(account, 'seats'));
    if (wanted === subscription.quantity) return;
    await this.stripe.api.subscriptionItems.update(subscription.stripeItemId, {
      quantity: wanted,
      proration_behavior: this.proration(),
    });
    await this.sync.sync(subscription.stripeSubscriptionId, 'seats.follow_members');
  }

  async set(account: BillingAccount, quantity: number, actor: AuditActor): Promise<void> {
    const current = await this.entitlements.planOf(account);
    const subscription = current?.subscription;
    if (!current || !subscription || !LIVE_STATUSES.has(subscription.status) || current.standing === 'unknown-price') {
      throw new BillingError(BillingErrorCode.NoSubscription, 'This organization has no paid subscription', 404);
    }
    if (current.plan.pricing !== 'per-seat') {
      throw new BillingError(BillingErrorCode.NotPerSeat, `The ${current.plan.name} plan is not billed per seat`, 409);
    }
    if (current.plan.seatOverflow === 'buy') {
      throw new BillingError(
        BillingErrorCode.SeatsFollowMembers,
        `On the ${current.plan.name} plan seats follow the member count; invite or remove members instead`,
        409,
      );
    }
    const members = await this.entitlements.used(account, 'seats');
    if (quantity < members) {
      throw new BillingError(
        BillingErrorCode.SeatsBelowMembers,
        `The organization has ${members} members; remove members before going below that many seats`,
        409,
      );
    }
    const maximum = current.plan.limits.seats;
    if (maximum !== null && quantity > maximum) {
      throw new PlanLimitReachedError({
        limit: 'seats',
        plan: current.plan.name,
        allowed: maximum,
        used: subscription.quantity,
        wanted: quantity - subscription.quantity,
        upgradeUrl: await this.entitlements.upgradeUrl(account),
      });
    }
    if (quantity === subscription.quantity) return;
    await this.stripe.onBehalf((stripe) =>
      stripe.subscriptionItems.update(subscription.stripeItemId, {
        quantity,
        proration_behavior: this.proration(),
      }),
    );
    await this.stripe.onBehalf(() => this.sync.sync(subscription.stripeSubscriptionId, 'seats.set', actor));
  }

  private proration() {
    return this.config.billing?.proration ?? 'create_prorations';
  }
}
