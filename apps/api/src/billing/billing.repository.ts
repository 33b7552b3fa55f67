import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma, type BillingCustomer, type BillingSubscription } from '../generated/prisma/client';
import type { BillingAccount } from './billing-account';

/** What the instance keeps of a Stripe subscription (see BillingSubscription in schema.prisma). */
export type SubscriptionState = Omit<
  BillingSubscription,
  'id' | 'customerId' | 'updatedAt' | 'pastDueSince' | 'graceEndsAt' | 'graceLapseRecordedAt'
>;

export type CustomerWithSubscription = BillingCustomer & { subscription: BillingSubscription | null };

function accountWhere(account: BillingAccount): Prisma.BillingCustomerWhereUniqueInput {
  return account.kind === 'organization' ? { organizationId: account.id } : { userId: account.id };
}

export function accountOfCustomer(customer: Pick<BillingCustomer, 'userId' | 'organizationId'>): BillingAccount {
  if (customer.organizationId) return { kind: 'organization', id: customer.organizationId };
  return { kind: 'user', id: customer.userId ?? '' };
}

/** Namespace of the per-organization seat-sync locks (two-key advisory lock: this number, a hash of the id). */
const SEAT_SYNC_LOCK_NAMESPACE = 1_903_412_119;
/** A seat sync waits on Stripe while it holds its lock: bounded by the SDK's timeout and retries. */
const SEAT_SYNC_TIMEOUT_MS = 90_000;

/** Customers, subscriptions and received events. The only place billing touches Prisma. */
@Injectable()
export class BillingRepository {
  constructor(private readonly prisma: PrismaService) {}

  customerOf(account: BillingAccount): Promise<CustomerWithSubscription | null> {
    return this.prisma.billingCustomer.findUnique({ where: accountWhere(account), include: { subscription: true } });
  }

  customerByStripeId(stripeCustomerId: string): Promise<CustomerWithSubscription | null> {
    return this.prisma.billingCustomer.findUnique({ where: { stripeCustomerId }, include: { subscription: true } });
  }

  /** Binds a Stripe Customer to the account; when a concurrent request bound one first, that one is returned. */
  async bindCustomer(account: BillingAccount, stripeCustomerId: string): Promise<BillingCustomer> {
    try {
      return await this.prisma.billingCustomer.create({
        data: {
          ...(account.kind === 'organization' ? { organizationId: account.id } : { userId: account.id }),
          stripeCustomerId,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const existing = await this.prisma.billingCustomer.findUnique({ where: accountWhere(account) });
        if (existing) return existing;
      }
      throw error;
    }
  }

  /**
   * Runs `work` while no other seat sync of the organization runs (on any replica), so two syncs started by quick
   * member changes cannot send Stripe their counts in the wrong order.
   */
  async withSeatSyncLock<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEAT_SYNC_LOCK_NAMESPACE}::int, hashtext(${organizationId}))`;
        return work();
      },
      { timeout: SEAT_SYNC_TIMEOUT_MS, maxWait: SEAT_SYNC_TIMEOUT_MS },
    );
  }

  /** The row that holds a Stripe subscription, if any. */
  subscriptionByStripeId(stripeSubscriptionId: string): Promise<BillingSubscription | null> {
    return this.prisma.billingSubscription.findUnique({ where: { stripeSubscriptionId } });
  }

  /**
   * Writes the subscription state read from Stripe over the customer's row, only if that row is still `expected`
   * (null: there is none yet). Answers the row written, or null when someone else wrote first: the caller then reads
   * Stripe again, so a read overtaken by a newer one is never written over it. The grace fields, derived from the
   * status, go in the same statement.
   */
  async writeSubscription(
    customerId: string,
    expected: BillingSubscription | null,
    state: SubscriptionState,
    grace: { pastDueSince: Date | null; graceEndsAt: Date | null; graceLapseRecordedAt: Date | null },
  ): Promise<BillingSubscription | null> {
    const data = { ...state, ...grace };
    try {
      if (!expected) return await this.prisma.billingSubscription.create({ data: { customerId, ...data } });
      // Every column as it was read (updatedAt included) is the row version: any write since makes this match nothing.
      const { id, ...unchanged } = expected;
      return await this.prisma.billingSubscription.update({ where: { id, ...unchanged }, data });
    } catch (error) {
      // P2002: another writer created the row first; P2025: the row changed (or went) since it was read.
      if (error instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2025'].includes(error.code)) return null;
      throw error;
    }
  }

  /** Records a received event; `fresh` is false when its id was seen before (a replay). */
  async recordEvent(
    id: string,
    type: string,
    payload: Prisma.InputJsonValue,
  ): Promise<{ fresh: boolean; processed: boolean }> {
    const inserted = await this.prisma.billingEvent.createMany({ data: [{ id, type, payload }], skipDuplicates: true });
    if (inserted.count === 1) return { fresh: true, processed: false };
    const existing = await this.prisma.billingEvent.findUnique({ where: { id }, select: { processedAt: true } });
    return { fresh: false, processed: existing?.processedAt !== null };
  }

  event(id: string) {
    return this.prisma.billingEvent.findUnique({ where: { id } });
  }

  /** Marks an event processed with its outcome; false when another job finished it first. */
  async finishEvent(id: string, outcome: 'applied' | 'ignored'): Promise<boolean> {
    const finished = await this.prisma.billingEvent.updateMany({
      where: { id, processedAt: null },
      data: { outcome, error: null, processedAt: new Date() },
    });
    return finished.count === 1;
  }

  /** A failed event stays unprocessed, so Stripe's next delivery of it queues it again. */
  markEvent(id: string, outcome: 'applied' | 'ignored' | 'failed', error: string | null = null) {
    return this.prisma.billingEvent.update({
      where: { id },
      data: { outcome, error: error?.slice(0, 1000) ?? null, processedAt: outcome === 'failed' ? null : new Date() },
    });
  }

  /** Subscriptions whose grace period ended without payment and whose lapse is not yet recorded. */
  lapsedGraces(now: Date, limit: number) {
    return this.prisma.billingSubscription.findMany({
      where: { graceEndsAt: { lte: now }, graceLapseRecordedAt: null, status: { in: ['past_due', 'unpaid'] } },
      include: { customer: true },
      take: limit,
    });
  }

  /** Marks a lapse recorded; false when another worker did it first. */
  async markLapseRecorded(id: string, at: Date): Promise<boolean> {
    const updated = await this.prisma.billingSubscription.updateMany({
      where: { id, graceLapseRecordedAt: null },
      data: { graceLapseRecordedAt: at },
    });
    return updated.count === 1;
  }

  /** Every subscription with its account, newest change first, for the instance administrators. */
  subscriptionsPage(options: { status?: string; take: number; skip: number }) {
    const where: Prisma.BillingSubscriptionWhereInput = options.status ? { status: options.status } : {};
    return this.prisma.$transaction([
      this.prisma.billingSubscription.findMany({
        where,
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        take: options.take,
        skip: options.skip,
        include: {
          customer: {
            include: {
              user: { select: { handle: true, email: true } },
              organization: { select: { slug: true, name: true } },
            },
          },
        },
      }),
      this.prisma.billingSubscription.count({ where }),
      this.prisma.billingSubscription.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } }),
    ]);
  }

  /** What the Stripe Customer is named after: the user (with their address) or the organization. */
  async contactOf(account: BillingAccount): Promise<{ name: string; email: string | null }> {
    if (account.kind === 'organization') {
      const organization = await this.prisma.organization.findUniqueOrThrow({
        where: { id: account.id },
        select: { name: true, slug: true },
      });
      return { name: `${organization.name} (${organization.slug})`, email: null };
    }
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: account.id },
      select: { displayName: true, handle: true, email: true },
    });
    return { name: `${user.displayName} (@${user.handle})`, email: user.email };
  }

  organizationSlug(organizationId: string): Promise<string | null> {
    return this.prisma.organization
      .findUnique({ where: { id: organizationId }, select: { slug: true } })
      .then((row) => row?.slug ?? null);
  }
}
