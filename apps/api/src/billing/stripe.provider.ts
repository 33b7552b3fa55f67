import Stripe from 'stripe';
import type { AppConfig } from '../config/config';

export const STRIPE = Symbol('STRIPE');

/**
 * The official SDK, pointed at STRIPE_API_URL when set (a proxy, or the local fake in tests). Calls that change
 * something carry idempotency keys, so the SDK's retries never double a Customer or a Checkout Session.
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
          protocol: target.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
