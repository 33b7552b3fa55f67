import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse } from '../common/errors/error-envelope';
import { rawBodyOf } from '../common/http/body-parsing';
import { Public } from '../common/security/route-policy';
import { WebhookReceipt } from './billing.dto';
import { BillingEventsService } from './billing-events.service';

/**
 * Stripe's deliveries. The raw body is verified against STRIPE_WEBHOOK_SECRET and its timestamp tolerance before
 * anything is read; the answer comes at once and the event is applied in a job.
 */
@ApiTags('billing')
@Controller('api/v1/billing/webhook')
export class BillingWebhookController {
  constructor(private readonly events: BillingEventsService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookReceipt, description: 'Stored (or seen before); unknown event types are ignored' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'BILLING_WEBHOOK_SIGNATURE_INVALID: bad or missing signature, or a timestamp outside the tolerance; ' +
      'BILLING_WEBHOOK_EVENT_INVALID: signed, but not an event (no id, type or data.object); MALFORMED_JSON',
  })
  async receive(
    @Req() request: Request,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookReceipt> {
    const { duplicate } = await this.events.receive(rawBodyOf(request), signature);
    return { received: true, duplicate };
  }
}
