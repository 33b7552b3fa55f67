import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import Stripe from 'stripe';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Prisma } from '../generated/prisma/client';
import { JobQueue } from '../jobs/job-queue';
import { accountOfCustomer, BillingRepository } from './billing.repository';
import { BillingError, BillingErrorCode, BillingWebhookSignatureError } from './billing.errors';
import { EntitlementService, SYNC_SEATS_JOB } from './entitlements.service';
import { SeatsService } from './seats.service';
import { HANDLED_EVENT_TYPES, idOf, subscriptionOfEvent } from './stripe-objects';
import { StripeClient } from './stripe.provider';
import { SubscriptionSyncService } from './subscription-sync.service';

export const PROCESS_EVENT_JOB = 'billing.process-event';
export const RECORD_GRACE_LAPSES_JOB = 'billing.record-grace-lapses';
/** Stripe retries a delivery for days; our own retries cover a Stripe API call failing while we read back. */
const EVENT_ATTEMPTS = 8;
const GRACE_CHECK_EVERY_MS = 15 * 60 * 1000;
const GRACE_BATCH = 100;

/**
 * Webhook deliveries: verified, stored by event id (a replay changes nothing), acknowledged at once, and applied in a
 * job that reads the subscription back from Stripe.
 */
@Injectable()
export class BillingEventsService implements OnModuleInit {
  constructor(
    private readonly stripe: StripeClient,
    private readonly repository: BillingRepository,
    private readonly sync: SubscriptionSyncService,
    private readonly seats: SeatsService,
    private readonly entitlements: EntitlementService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(PROCESS_EVENT_JOB, (data, job) => this.process(data, job));
    this.jobs.define(SYNC_SEATS_JOB, (data) => this.seats.followMembers(organizationIdOf(data)));
    this.jobs.define(RECORD_GRACE_LAPSES_JOB, async () => {
      await this.recordGraceLapses();
    });
    if (this.entitlements.enabled) this.jobs.schedule(RECORD_GRACE_LAPSES_JOB, GRACE_CHECK_EVERY_MS);
  }

  /** Verifies and stores one delivery; returns whether it was seen before. */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ duplicate: boolean }> {
    const secret = this.config.secrets.stripeWebhookSecret;
    if (!rawBody || !signature || !secret) throw new BillingWebhookSignatureError('missing body or Stripe-Signature');
    let verified: unknown;
    try {
      verified = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        secret,
        this.config.billing?.webhookToleranceSeconds,
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new BillingWebhookSignatureError(error.message);
      }
      throw error;
    }
    // Verified, so it came from Stripe (or whoever holds the secret), but only an event's shape can be stored and applied.
    if (!isEventShaped(verified)) {
      throw new BillingError(
        BillingErrorCode.EventInvalid,
        'The delivery is not a Stripe event: it needs a string id and type and a data.object',
        400,
      );
    }
    const event = verified;
    const recorded = await this.repository.recordEvent(
      event.id,
      event.type,
      event as unknown as Prisma.InputJsonObject,
    );
    if (!HANDLED_EVENT_TYPES.has(event.type)) {
      if (recorded.fresh) await this.repository.markEvent(event.id, 'ignored');
      return { duplicate: !recorded.fresh };
    }
    // A redelivery of an event not yet applied (its job was lost, or failed every retry) is queued again: applying
    // twice is harmless, since the job writes what Stripe says now.
    if (recorded.fresh || !recorded.processed) await this.enqueue(event.id);
    return { duplicate: !recorded.fresh };
  }

  private enqueue(eventId: string) {
    return this.jobs.enqueue(
      PROCESS_EVENT_JOB,
      { eventId },
      { attempts: EVENT_ATTEMPTS, backoff: { type: 'exponential', delay: 2000 } },
    );
  }

  private async process(data: unknown, job: Job): Promise<void> {
    const eventId = (data as { eventId?: unknown }).eventId;
    const stored = typeof eventId === 'string' ? await this.repository.event(eventId) : null;
    if (!stored || stored.processedAt) return;
    const event = stored.payload as unknown as Stripe.Event;
    let finished = false;
    try {
      const outcome = await this.apply(event);
      // A redelivery that came before this job finished queued the event again: of the jobs applying it at once, the
      // one that finishes it writes its notice, so the notice is logged once.
      finished = await this.repository.finishEvent(stored.id, outcome);
      if (finished && outcome === 'applied') await this.recordNotice(event);
    } catch (error) {
      // Left unprocessed (marked failed) when its notice could not be written, so the retry applies it anew; after the
      // last try it stays so, and Stripe's next delivery queues it again.
      if (finished || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.repository.markEvent(stored.id, 'failed', (error as Error).message);
      }
      throw error;
    }
  }

  /** Writes the subscription the event is about as Stripe has it now. */
  private async apply(event: Stripe.Event): Promise<'applied' | 'ignored'> {
    const subscriptionId = subscriptionOfEvent(event);
    if (!subscriptionId) return 'ignored';
    return this.sync.sync(subscriptionId, event.type);
  }

  /** Events worth a line of their own in the account's log, beyond the state change they cause. */
  private async recordNotice(event: Stripe.Event): Promise<void> {
    const action =
      event.type === 'invoice.payment_failed'
        ? 'billing.payment_failed'
        : event.type === 'customer.subscription.trial_will_end'
          ? 'billing.trial_will_end'
          : null;
    if (!action) return;
    const object = event.data.object as unknown as Record<string, unknown>;
    const customer = await this.repository.customerByStripeId(idOf(object.customer as string) ?? '');
    if (!customer) return;
    await this.sync.record(accountOfCustomer(customer), { type: 'system' }, action, {
      event: event.id,
      ...(customer.subscription?.graceEndsAt ? { graceEndsAt: customer.subscription.graceEndsAt.toISOString() } : {}),
      ...(customer.subscription?.trialEnd ? { trialEnd: customer.subscription.trialEnd.toISOString() } : {}),
    });
  }

  /** The plan already stops applying when the grace period ends; this writes that moment to the audit log, once. */
  async recordGraceLapses(now = new Date()): Promise<number> {
    let recorded = 0;
    for (const subscription of await this.repository.lapsedGraces(now, GRACE_BATCH)) {
      if (!(await this.repository.markLapseRecorded(subscription.id, now))) continue;
      const account = accountOfCustomer(subscription.customer);
      const free = this.entitlements.plans?.freeFor(account.kind);
      await this.sync.record(account, { type: 'system' }, 'billing.grace_lapsed', {
        subscription: subscription.stripeSubscriptionId,
        plan: { from: subscription.planId, to: free?.id ?? null },
        graceEndedAt: subscription.graceEndsAt?.toISOString() ?? null,
      });
      recorded += 1;
    }
    if (recorded > 0) this.logger.info({ recorded }, 'billing: grace periods lapsed');
    return recorded;
  }
}

/** Event ids and types are short strings (`evt_…`, `invoice.paid`); the object they concern is under data.object. */
function isEventShaped(value: unknown): value is Stripe.Event {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id, type, data } = value as { id?: unknown; type?: unknown; data?: unknown };
  const shortText = (text: unknown) => typeof text === 'string' && text.length > 0 && text.length <= 255;
  const object = (data as { object?: unknown } | null | undefined)?.object;
  return shortText(id) && shortText(type) && typeof object === 'object' && object !== null && !Array.isArray(object);
}

function organizationIdOf(data: unknown): string {
  const id = (data as { organizationId?: unknown }).organizationId;
  if (typeof id !== 'string') throw new Error('billing.sync-seats needs an organizationId');
  return id;
}
