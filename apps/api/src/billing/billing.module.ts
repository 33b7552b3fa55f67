import { Inject, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationLookupModule } from '../organizations/organization-lookup.module';
import { AdminBillingController } from './admin-billing.controller';
import { BillingEventsService } from './billing-events.service';
import { BillingWebhookController } from './billing-webhook.controller';
import { BillingController } from './billing.controller';
import { BillingDisabledError } from './billing.errors';
import { BillingService } from './billing.service';
import { EntitlementsModule } from './entitlements.module';
import { SeatsService } from './seats.service';
import { StripeClient } from './stripe.provider';
import { SubscriptionSyncService } from './subscription-sync.service';

/**
 * Stripe billing (docs/billing.md). Off unless STRIPE_SECRET_KEY is set: then every billing route answers 404
 * BILLING_DISABLED before authentication, so the answer is the same for everyone and nothing else runs.
 */
@Module({
  imports: [EntitlementsModule, AuditModule, OrganizationLookupModule],
  controllers: [BillingController, BillingWebhookController, AdminBillingController],
  providers: [StripeClient, SubscriptionSyncService, SeatsService, BillingService, BillingEventsService],
})
export class BillingModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.billing) return;
    consumer
      .apply((_request: Request, _response: Response, next: NextFunction) => next(new BillingDisabledError()))
      .forRoutes(BillingController, BillingWebhookController, AdminBillingController);
  }
}
