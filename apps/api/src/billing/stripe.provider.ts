import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { BillingDisabledError, BillingProviderError } from './billing.errors';

/**
 * The official SDK, pointed at STRIPE_API_URL when set (a proxy, or the local fake in tests). Calls that create
 * something carry idempotency keys, so the SDK's retries never double a Customer.
 */
export function createStripeClient(config: AppConfig): Stripe | undefined {
  const key = config.secrets.stripeSecretKey;
  if (!config.billing || !key) return undefined;
  const target = config.billing.apiUrl ? new URL(config.billing.apiUrl) : undefined;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'LynxPrompt', version: config.instance.version },
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
          protocol: target.protocol === 'https:' ? ('https' as const) : ('http' as const),
        }
      : {}),
  });
}

/** Stripe's answer for an id it does not hold (a 404 `resource_missing`): the object is not there, nor will it be. */
export function isResourceMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';
}

@Injectable()
export class StripeClient {
  private readonly client: Stripe | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = createStripeClient(config);
  }

  get api(): Stripe {
    if (!this.client) throw new BillingDisabledError();
    return this.client;
  }

  /** Verifies a webhook delivery (signature and timestamp) and parses it. */
  get webhooks(): Stripe['webhooks'] {
    return this.api.webhooks;
  }

  /**
   * A call made on a user's behalf: Stripe's refusal or absence becomes 502 BILLING_PROVIDER_UNAVAILABLE (jobs call
   * the SDK directly and let the queue retry).
   */
  async onBehalf<T>(call: (stripe: Stripe) => Promise<T>): Promise<T> {
    try {
      return await call(this.api);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError) throw new BillingProviderError(error.message);
      throw error;
    }
  }
}
