import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-envelope';
import { AdminOnly } from '../users/admin-only';
import { AdminSubscriptionList, AdminSubscriptionQuery } from './billing.dto';
import { BillingService } from './billing.service';

@ApiTags('admin')
@Controller('api/v1/admin/billing')
export class AdminBillingController {
  constructor(private readonly billing: BillingService) {}

  @Get('subscriptions')
  @AdminOnly()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AdminSubscriptionList, description: 'Every subscription and its state, 50 per page' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'BILLING_DISABLED' })
  subscriptions(@Query() query: AdminSubscriptionQuery): Promise<AdminSubscriptionList> {
    return this.billing.adminList(query.status, query.page ? Number(query.page) : 1);
  }
}
