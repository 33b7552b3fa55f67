import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuditActor } from '../audit/audit.service';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import {
  BillingRedirect,
  BillingSummary,
  CheckoutRequest,
  CheckoutSessionView,
  PortalRequest,
  SeatsRequest,
} from './billing.dto';
import { BillingService } from './billing.service';
import type { BillingInterval } from './plans';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

const DISABLED = 'BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND';
const ROLE = 'ORGANIZATION_ROLE_REQUIRED: Owners and Admins only';
const PROVIDER = 'BILLING_PROVIDER_UNAVAILABLE: Stripe could not be reached or refused the call';

const actorOf = (session: SessionPrincipal): AuditActor => ({ type: 'user', id: session.userId });

/** Plans, Checkout, the Customer Portal and seats: people in a browser session only. */
@ApiTags('billing')
@Controller()
@ApiNotFoundResponse({ type: ErrorResponse, description: DISABLED })
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @Get('api/v1/billing')
  @Authenticated()
  @SessionOnly()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BillingSummary, description: 'Your plan, usage against its limits, and the plans on offer' })
  async mine(@CurrentSession() session: SessionPrincipal): Promise<BillingSummary> {
    return this.billing.summary(await this.billing.billable(session, undefined));
  }

  @Get('api/v1/organizations/:slug/billing')
  @Authenticated()
  @SessionOnly()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BillingSummary })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  async organization(
    @Param('slug') slug: string,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<BillingSummary> {
    return this.billing.summary(await this.billing.billable(session, slug));
  }

  @Post('api/v1/billing/checkout')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: BillingRedirect, description: 'Stripe Checkout for the plan; the server picks the Price' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'BILLING_PLAN_UNKNOWN, BILLING_PLAN_NOT_FOR_ACCOUNT, BILLING_PLAN_FREE, BILLING_INTERVAL_UNAVAILABLE, VALIDATION_FAILED',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'BILLING_SUBSCRIPTION_EXISTS: use the portal' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiBadGatewayResponse({ type: ErrorResponse, description: PROVIDER })
  async checkout(@Body() body: CheckoutRequest, @CurrentSession() session: SessionPrincipal): Promise<BillingRedirect> {
    const billable = await this.billing.billable(session, body.organization);
    return this.billing.checkout(billable, body.plan, body.interval as BillingInterval, actorOf(session));
  }

  @Get('api/v1/billing/checkout/:sessionId')
  @Authenticated()
  @SessionOnly()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: CheckoutSessionView,
    description: 'After Checkout: its status, with the subscription written at once when it is complete',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'BILLING_CHECKOUT_NOT_FOUND; ' + DISABLED })
  @ApiBadGatewayResponse({ type: ErrorResponse, description: PROVIDER })
  checkoutResult(
    @Param('sessionId') sessionId: string,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<CheckoutSessionView> {
    return this.billing.checkoutResult(session, sessionId);
  }

  @Post('api/v1/billing/portal')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: BillingRedirect, description: 'The Stripe Customer Portal: cards, invoices, plan, cancel' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'BILLING_CUSTOMER_NOT_FOUND: never subscribed; ' + DISABLED,
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiBadGatewayResponse({ type: ErrorResponse, description: PROVIDER })
  async portal(@Body() body: PortalRequest, @CurrentSession() session: SessionPrincipal): Promise<BillingRedirect> {
    const billable = await this.billing.billable(session, body.organization);
    return this.billing.portal(billable, actorOf(session));
  }

  @Put('api/v1/organizations/:slug/billing/seats')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: BillingSummary, description: 'The paid seats, changed through Stripe with proration' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'BILLING_PLAN_NOT_PER_SEAT, BILLING_SEATS_FOLLOW_MEMBERS, BILLING_SEATS_BELOW_MEMBERS',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiBadGatewayResponse({ type: ErrorResponse, description: PROVIDER })
  async seats(
    @Param('slug') slug: string,
    @Body() body: SeatsRequest,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<BillingSummary> {
    const billable = await this.billing.billable(session, slug);
    return this.billing.setSeats(billable, body.quantity, actorOf(session));
  }
}
