import { OptionalNotNull } from '../common/http/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BILLING_INTERVALS, LIMIT_KEYS, PLAN_AUDIENCES } from './plans';

const PLAN_STANDINGS = ['free', 'trialing', 'active', 'grace', 'lapsed', 'ended', 'unknown-price'];
const SLUG = /^[a-z0-9][a-z0-9-]{0,38}$/;

const nullableInteger = (description: string) =>
  ApiProperty({ type: 'integer', nullable: true, description: `${description} (null: unlimited)` });

export class PlanLimitsView {
  @nullableInteger('Private and team blueprints') privateBlueprints: number | null;
  @nullableInteger('Bytes stored, every version and attached file counted') storageBytes: number | null;
  @nullableInteger('Organizations the user owns') organizations: number | null;
  @nullableInteger('Members of an organization') seats: number | null;
  @nullableInteger('Live organization tokens') organizationTokens: number | null;
  @nullableInteger('Versions of each blueprint listed in its history') versionHistory: number | null;
  @nullableInteger('Requests per minute by the account’s API tokens') apiRatePerMinute: number | null;
}

export class PlanView {
  @ApiProperty({ example: 'pro' }) id: string;
  @ApiProperty({ example: 'Pro' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PLAN_AUDIENCES, isArray: true }) for: string[];
  @ApiProperty({ enum: ['flat', 'per-seat'] }) pricing: string;
  @ApiProperty({ enum: BILLING_INTERVALS, isArray: true, description: 'Billing intervals on offer; none: free' })
  intervals: string[];
  @ApiProperty({ enum: ['refuse', 'buy'], description: 'Per-seat plans: a member beyond the paid seats' })
  seatOverflow: string;
  @ApiProperty({ type: 'integer', nullable: true }) trialDays: number | null;
  @ApiProperty() free: boolean;
  @ApiProperty({ type: PlanLimitsView }) limits: PlanLimitsView;
}

export class LimitUsageView {
  @ApiProperty({ enum: LIMIT_KEYS }) key: string;
  @ApiProperty({ example: 'private blueprints' }) label: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: unlimited' }) limit: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not something the account holds' })
  used: number | null;
  @ApiProperty({ description: 'Over the limit (the plan shrank): read-only for this resource until back under' })
  over: boolean;
}

export class SubscriptionView {
  @ApiProperty({ example: 'active', description: 'Stripe’s status' }) status: string;
  @ApiProperty({ enum: BILLING_INTERVALS }) interval: string;
  @ApiProperty({ type: 'integer', description: 'Seats on per-seat plans, else 1' }) quantity: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) currentPeriodEnd: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next invoice is due; null when the subscription ends at the period end',
  })
  nextInvoiceAt: string | null;
  @ApiProperty() cancelAtPeriodEnd: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) trialEnd: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A payment failed: the plan holds until then',
  })
  graceEndsAt: string | null;
}

export class BillingAccountView {
  @ApiProperty({ enum: PLAN_AUDIENCES }) kind: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'The organization’s slug' }) slug: string | null;
}

export class BillingSummary {
  @ApiProperty({ type: BillingAccountView }) account: BillingAccountView;
  @ApiProperty({ type: PlanView, description: 'The plan that applies now' }) plan: PlanView;
  @ApiProperty({ enum: PLAN_STANDINGS, description: 'Why this plan applies (docs/billing.md)' }) standing: string;
  @ApiProperty({ type: SubscriptionView, nullable: true }) subscription: SubscriptionView | null;
  @ApiProperty({ type: [LimitUsageView] }) usage: LimitUsageView[];
  @ApiProperty({ type: [PlanView], description: 'The plans this account may choose' }) plans: PlanView[];
  @ApiProperty({ description: 'A Stripe customer exists, so the Customer Portal can open' }) portal: boolean;
}

export class CheckoutRequest {
  @ApiProperty({ example: 'pro' })
  @IsString()
  @MaxLength(32)
  plan: string;

  @ApiProperty({ enum: BILLING_INTERVALS })
  @IsIn(BILLING_INTERVALS)
  interval: string;

  @ApiPropertyOptional({ description: 'Subscribe this organization (Owners and Admins) instead of yourself' })
  @OptionalNotNull()
  @IsString()
  @Matches(SLUG)
  organization?: string;
}

export class PortalRequest {
  @ApiPropertyOptional({ description: 'The organization’s billing (Owners and Admins) instead of yours' })
  @OptionalNotNull()
  @IsString()
  @Matches(SLUG)
  organization?: string;
}

export class SeatsRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;
}

export class BillingRedirect {
  @ApiProperty({ format: 'uri', description: 'Send the browser here (Stripe Checkout or the Customer Portal)' })
  url: string;
}

export class CheckoutSessionView {
  @ApiProperty({ enum: ['open', 'complete', 'expired'] }) status: string;
  @ApiProperty({ example: '/settings/billing', description: 'The billing page of the account it was for' })
  billingPath: string;
  @ApiProperty({ type: BillingSummary }) summary: BillingSummary;
}

export class WebhookReceipt {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'The event was delivered before; nothing changed' }) duplicate: boolean;
}

export class AdminSubscriptionAccount {
  @ApiProperty({ enum: PLAN_AUDIENCES }) kind: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'User handle or organization slug' }) name: string | null;
}

export class AdminSubscriptionView {
  @ApiProperty({ type: AdminSubscriptionAccount }) account: AdminSubscriptionAccount;
  @ApiProperty({ type: String, nullable: true }) planId: string | null;
  @ApiProperty({ enum: PLAN_STANDINGS }) standing: string;
  @ApiProperty() stripeSubscriptionId: string;
  @ApiProperty({ type: SubscriptionView }) subscription: SubscriptionView;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StatusCount {
  @ApiProperty() status: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class AdminSubscriptionList {
  @ApiProperty({ type: [AdminSubscriptionView] }) items: AdminSubscriptionView[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [StatusCount], description: 'Subscriptions per Stripe status, across all pages' })
  byStatus: StatusCount[];
}

export class AdminSubscriptionQuery {
  @ApiPropertyOptional({ example: 'past_due' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,30}$/)
  status?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 9999 })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,3}$/)
  page?: string;
}
