import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationLookupModule } from '../organizations/organization-lookup.module';
import { AdminBillingController } from './admin-billing.controller';
import { BillingEventsService } from './billing-events.service';
import { BillingWebhookController } from './billing-webhook.controller';
import { BillingController } from './billing.controller';
import { BillingService } from './billing.service';
import { EntitlementsModule } from './entitlements.module';
import { SeatsService } from './seats.service';
import { StripeClient } from './stripe.provider';
import { SubscriptionSyncService } from './subscription-sync.service';

/**
 * Stripe billing (docs/billing.md). Off unless STRIPE_SECRET_KEY is set: then every billing route answers 404
 * BILLING_DISABLED before authentication (billingDisabledGate, mounted in bootstrap), so the answer is the same for
 * everyone and nothing else runs.
 */
@Module({
  imports: [EntitlementsModule, AuditModule, OrganizationLookupModule],
  controllers: [BillingController, BillingWebhookController, AdminBillingController],
  providers: [StripeClient, SubscriptionSyncService, SeatsService, BillingService, BillingEventsService],
})
export class BillingModule {}
