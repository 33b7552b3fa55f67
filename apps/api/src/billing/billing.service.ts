import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { AccessService } from '../access/access.service';
import type { AuditActor } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { BillingSubscription } from '../generated/prisma/client';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import { accountReference, billingPagePath, type BillingAccount } from './billing-account';
import type {
  AdminSubscriptionList,
  BillingSummary,
  CheckoutSessionView,
  PlanView,
  SubscriptionView,
} from './billing.dto';
import {
  BillingDisabledError,
  BillingError,
  BillingErrorCode,
  limitLabel,
  PlanLimitReachedError,
} from './billing.errors';
import { accountOfCustomer, BillingRepository } from './billing.repository';
import { effectivePlan, LIVE_STATUSES, type AccountPlan } from './effective-plan';
import { EntitlementService } from './entitlements.service';
import { isFree, Plans, type BillingInterval, type Plan } from './plans';
import { SeatsService } from './seats.service';
import { idOf } from './stripe-objects';
import { isResourceMissing, StripeClient } from './stripe.provider';
import { SubscriptionSyncService } from './subscription-sync.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/** An account the caller may bill, with what the billing pages show of it. */
interface BillableAccount {
  readonly account: BillingAccount;
  readonly slug: string | null;
}

const ADMIN_PAGE_SIZE = 50;

/**
 * Checkout, the Customer Portal, seats and the billing summaries. The server picks every Price from the plan id; the
 * client never names a price or an amount.
 */
@Injectable()
export class BillingService {
  constructor(
    private readonly stripe: StripeClient,
    private readonly repository: BillingRepository,
    private readonly entitlements: EntitlementService,
    private readonly sync: SubscriptionSyncService,
    private readonly seats: SeatsService,
    private readonly organizations: OrganizationLookupService,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get plans(): Plans {
    if (!this.entitlements.plans) throw new BillingDisabledError();
    return this.entitlements.plans;
  }

  /** The caller's own account, or an organization they may bill (Owners and Admins; others 404 or 403). */
  async billable(session: SessionPrincipal, organizationSlug: string | undefined): Promise<BillableAccount> {
    if (organizationSlug === undefined) {
      return { account: { kind: 'user', id: session.userId }, slug: null };
    }
    const organization = await this.organizations.resolve(organizationSlug, session, 'organization.billing');
    return { account: { kind: 'organization', id: organization.id }, slug: organization.slug };
  }

  async summary(billable: BillableAccount): Promise<BillingSummary> {
    const plans = this.plans;
    const billing = await this.entitlements.billingOf(billable.account);
    if (!billing) throw new BillingDisabledError();
    const { customer, current } = billing;
    const usage = await this.entitlements.usage(billable.account, current);
    return {
      account: { kind: billable.account.kind, id: billable.account.id, slug: billable.slug },
      plan: planView(current.plan),
      standing: current.standing,
      subscription: current.subscription ? subscriptionView(current.subscription) : null,
      usage: usage.map((entry) => ({ ...entry, label: limitLabel(entry.key) })),
      plans: plans.for(billable.account.kind).map(planView),
      portal: customer !== null,
    };
  }

  async checkout(
    billable: BillableAccount,
    planId: string,
    interval: BillingInterval,
    actor: AuditActor,
  ): Promise<{ url: string }> {
    const plan = this.plans.get(planId);
    if (!plan) throw new BillingError(BillingErrorCode.UnknownPlan, `There is no plan "${planId}"`, 400);
    const { account } = billable;
    if (!plan.for.includes(account.kind)) {
      throw new BillingError(
        BillingErrorCode.PlanNotForAccount,
        `The ${plan.name} plan is not for ${account.kind}s`,
        400,
      );
    }
    if (isFree(plan)) {
      throw new BillingError(BillingErrorCode.FreePlan, `The ${plan.name} plan is free: nothing to buy`, 400);
    }
    const price = plan.prices[interval];
    if (!price) {
      throw new BillingError(
        BillingErrorCode.IntervalUnavailable,
        `The ${plan.name} plan is not sold by the ${interval}`,
        400,
      );
    }
    const billing = await this.entitlements.billingOf(account);
    const subscription = billing?.current.subscription;
    if (subscription && LIVE_STATUSES.has(subscription.status)) {
      throw new BillingError(
        BillingErrorCode.SubscriptionExists,
        'This account already has a subscription: switch plans or cancel in the billing portal',
        409,
      );
    }
    const quantity = plan.pricing === 'per-seat' ? Math.max(1, await this.entitlements.used(account, 'seats')) : 1;
    if (plan.pricing === 'per-seat' && plan.limits.seats !== null && quantity > plan.limits.seats) {
      throw new PlanLimitReachedError({
        limit: 'seats',
        plan: plan.name,
        allowed: plan.limits.seats,
        used: quantity,
        wanted: 0,
        upgradeUrl: await this.entitlements.upgradeUrl(account),
      });
    }
    const customerId = billing?.customer?.stripeCustomerId ?? (await this.createCustomer(billable));
    const reference = accountReference(account);
    const page = `${this.config.http.appUrl}${billingPagePath(account, billable.slug ?? undefined)}`;
    const session = await this.stripe.onBehalf((stripe) =>
      stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: customerId,
        client_reference_id: reference,
        line_items: [{ price, quantity }],
        // Stripe substitutes the literal {CHECKOUT_SESSION_ID}; it must not be URL-encoded.
        success_url: `${this.config.http.appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${page}?checkout=canceled`,
        metadata: { lynxprompt_account: reference, lynxprompt_plan: plan.id },
        subscription_data: {
          metadata: { lynxprompt_account: reference, lynxprompt_plan: plan.id },
          ...(plan.trialDays ? { trial_period_days: plan.trialDays } : {}),
        },
      }),
    );
    if (!session.url) throw new BillingError(BillingErrorCode.ProviderUnavailable, 'Checkout returned no URL', 502);
    await this.sync.record(account, actor, 'billing.checkout_started', { plan: plan.id, interval, quantity });
    return { url: session.url };
  }

  /**
   * Where the browser lands after paying. The session is read from Stripe and, when complete, its subscription is
   * written now, so the page shows the new plan even before the webhook's job has run. Only the account it was for
   * (or its Owners and Admins) may ask.
   */
  async checkoutResult(session: SessionPrincipal, checkoutSessionId: string): Promise<CheckoutSessionView> {
    const notFound = () =>
      new BillingError(BillingErrorCode.CheckoutNotFound, 'No such checkout session of yours', 404);
    if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(checkoutSessionId)) throw notFound();
    // An id Stripe does not know is no session of the caller's, not a failure of Stripe's.
    const checkout = await this.stripe.onBehalf((stripe) =>
      stripe.checkout.sessions.retrieve(checkoutSessionId).catch((error: unknown) => {
        if (isResourceMissing(error)) return null;
        throw error;
      }),
    );
    if (!checkout) throw notFound();
    const customer = await this.repository.customerByStripeId(idOf(checkout.customer) ?? '');
    if (!customer) throw notFound();
    const account = accountOfCustomer(customer);
    const billable = await this.billableAccountOf(session, account).catch(() => {
      throw notFound();
    });
    const subscriptionId = idOf(checkout.subscription);
    if (checkout.status === 'complete' && subscriptionId) {
      await this.stripe.onBehalf(() => this.sync.sync(subscriptionId, 'checkout.returned'));
    }
    return {
      status: checkout.status ?? 'open',
      billingPath: billingPagePath(account, billable.slug ?? undefined),
      summary: await this.summary(billable),
    };
  }

  async portal(billable: BillableAccount, actor: AuditActor): Promise<{ url: string }> {
    const customer = await this.repository.customerOf(billable.account);
    if (!customer) {
      throw new BillingError(
        BillingErrorCode.NoCustomer,
        'This account has never subscribed, so there is no billing portal yet: choose a plan first',
        404,
      );
    }
    const returnUrl = `${this.config.http.appUrl}${billingPagePath(billable.account, billable.slug ?? undefined)}`;
    const portal = await this.stripe.onBehalf((stripe) =>
      stripe.billingPortal.sessions.create({
        customer: customer.stripeCustomerId,
        return_url: returnUrl,
        ...(this.config.billing?.portalConfiguration ? { configuration: this.config.billing.portalConfiguration } : {}),
      }),
    );
    await this.sync.record(billable.account, actor, 'billing.portal_opened', {});
    return { url: portal.url };
  }

  async setSeats(billable: BillableAccount, quantity: number, actor: AuditActor): Promise<BillingSummary> {
    await this.seats.set(billable.account, quantity, actor);
    return this.summary(billable);
  }

  async adminList(status: string | undefined, page: number): Promise<AdminSubscriptionList> {
    const plans = this.plans;
    const [rows, total, groups] = await this.repository.subscriptionsPage({
      status,
      take: ADMIN_PAGE_SIZE,
      skip: (page - 1) * ADMIN_PAGE_SIZE,
    });
    const now = new Date();
    return {
      items: rows.map((row) => {
        const account = accountOfCustomer(row.customer);
        return {
          account: {
            kind: account.kind,
            id: account.id,
            name: row.customer.organization?.slug ?? row.customer.user?.handle ?? null,
          },
          planId: row.planId,
          standing: effectivePlan(plans, account.kind, row, now).standing,
          stripeSubscriptionId: row.stripeSubscriptionId,
          subscription: subscriptionView(row),
          updatedAt: row.updatedAt.toISOString(),
        };
      }),
      total,
      byStatus: groups.map((group) => ({
        status: group.status,
        count: (group._count as { _all?: number } | undefined)?._all ?? 0,
      })),
    };
  }

  /** The account's Stripe Customer, created on its first checkout (once, whatever the concurrency). */
  private async createCustomer(billable: BillableAccount): Promise<string> {
    const reference = accountReference(billable.account);
    const contact = await this.repository.contactOf(billable.account);
    const created = await this.stripe.onBehalf((stripe) =>
      stripe.customers.create(
        {
          name: contact.name,
          ...(contact.email ? { email: contact.email } : {}),
          metadata: { lynxprompt_account: reference, lynxprompt_instance: this.config.instance.domain },
        },
        // Two first checkouts at once create one Customer: Stripe answers the second with the first's result.
        { idempotencyKey: `lynxprompt-customer-${reference}` },
      ),
    );
    const bound = await this.repository.bindCustomer(billable.account, created.id);
    return bound.stripeCustomerId;
  }

  private async billableAccountOf(session: SessionPrincipal, account: BillingAccount): Promise<BillableAccount> {
    if (account.kind === 'user') {
      if (account.id !== session.userId) throw new Error('not yours');
      return this.billable(session, undefined);
    }
    const slug = await this.repository.organizationSlug(account.id);
    if (!slug) throw new Error('gone');
    return this.billable(session, slug);
  }
}

export function planView(plan: Plan): PlanView {
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    for: [...plan.for],
    pricing: plan.pricing,
    intervals: Object.keys(plan.prices),
    seatOverflow: plan.seatOverflow,
    trialDays: plan.trialDays,
    free: isFree(plan),
    limits: { ...plan.limits },
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function subscriptionView(subscription: BillingSubscription): SubscriptionView {
  return {
    status: subscription.status,
    interval: subscription.interval,
    quantity: subscription.quantity,
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    nextInvoiceAt:
      subscription.cancelAtPeriodEnd || !LIVE_STATUSES.has(subscription.status)
        ? null
        : iso(subscription.currentPeriodEnd),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    trialEnd: iso(subscription.trialEnd),
    graceEndsAt: iso(subscription.graceEndsAt),
  };
}

export type { AccountPlan, Stripe };
