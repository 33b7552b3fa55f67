import { AppError, CommonErrorCode } from '../common/errors/app-error';
import type { LimitKey } from './plans';

export const BillingErrorCode = {
  Disabled: 'BILLING_DISABLED',
  PlanLimitReached: 'PLAN_LIMIT_REACHED',
  UnknownPlan: 'BILLING_PLAN_UNKNOWN',
  PlanNotForAccount: 'BILLING_PLAN_NOT_FOR_ACCOUNT',
  FreePlan: 'BILLING_PLAN_FREE',
  IntervalUnavailable: 'BILLING_INTERVAL_UNAVAILABLE',
  SubscriptionExists: 'BILLING_SUBSCRIPTION_EXISTS',
  SubscriptionRenews: 'BILLING_SUBSCRIPTION_RENEWS',
  NoCustomer: 'BILLING_CUSTOMER_NOT_FOUND',
  NoSubscription: 'BILLING_SUBSCRIPTION_NOT_FOUND',
  NotPerSeat: 'BILLING_PLAN_NOT_PER_SEAT',
  SeatsBelowMembers: 'BILLING_SEATS_BELOW_MEMBERS',
  SeatsFollowMembers: 'BILLING_SEATS_FOLLOW_MEMBERS',
  CheckoutNotFound: 'BILLING_CHECKOUT_NOT_FOUND',
  SignatureInvalid: 'BILLING_WEBHOOK_SIGNATURE_INVALID',
  EventInvalid: 'BILLING_WEBHOOK_EVENT_INVALID',
  ProviderUnavailable: 'BILLING_PROVIDER_UNAVAILABLE',
} as const;

export class BillingDisabledError extends AppError {
  constructor() {
    super(
      BillingErrorCode.Disabled,
      'Billing is not enabled on this instance: there are no plans, nothing is limited',
      404,
    );
  }
}

const LIMIT_LABELS: Record<LimitKey, string> = {
  privateBlueprints: 'private blueprints',
  storageBytes: 'stored bytes',
  organizations: 'organizations you own',
  seats: 'members (seats)',
  organizationTokens: 'organization tokens',
  versionHistory: 'versions kept in history',
  apiRatePerMinute: 'API requests per minute',
};

export interface PlanLimitDetails {
  limit: LimitKey;
  plan: string;
  allowed: number;
  used: number;
  wanted: number;
  upgradeUrl: string;
}

/**
 * A plan's limit stops an action; details say which, how far, and where to upgrade. `message` replaces the wording for
 * limits that are not a count of things held (version history).
 */
export class PlanLimitReachedError extends AppError {
  constructor(details: PlanLimitDetails & Record<string, unknown>, message?: string) {
    super(
      BillingErrorCode.PlanLimitReached,
      message ??
        `The ${details.plan} plan allows ${details.allowed} ${LIMIT_LABELS[details.limit]}; in use ${details.used}, ` +
          `this needs ${details.wanted} more. Upgrade at ${details.upgradeUrl}, or make room first`,
      402,
      details,
    );
  }
}

/**
 * An account's API tokens went past the requests per minute of its plan. The same code and envelope as the instance's
 * per-route limit (RATE_LIMITED), with details to prompt an upgrade.
 */
export class PlanRateLimitedError extends AppError {
  constructor(details: { plan: string; allowed: number; retryAfterSeconds: number; upgradeUrl: string }) {
    super(
      CommonErrorCode.RateLimited,
      `The ${details.plan} plan allows ${details.allowed} API requests per minute for this account's tokens; ` +
        `retry in ${details.retryAfterSeconds} s, or upgrade at ${details.upgradeUrl}`,
      429,
      { limit: 'apiRatePerMinute' satisfies LimitKey, ...details },
    );
  }
}

export function limitLabel(key: LimitKey): string {
  return LIMIT_LABELS[key];
}

/** Stripe could not be reached, or refused a call we make on the user's behalf; nothing was changed on our side. */
export class BillingProviderError extends AppError {
  constructor(reason: string) {
    super(BillingErrorCode.ProviderUnavailable, `The payment provider could not complete the request: ${reason}`, 502);
  }
}

/** A webhook delivery whose signature, or timestamp, does not hold: nothing is stored. */
export class BillingWebhookSignatureError extends AppError {
  constructor(reason: string) {
    super(BillingErrorCode.SignatureInvalid, `The webhook signature could not be verified: ${reason}`, 400);
  }
}

export class BillingError extends AppError {
  constructor(code: (typeof BillingErrorCode)[keyof typeof BillingErrorCode], message: string, status: number) {
    super(code, message, status);
  }
}
