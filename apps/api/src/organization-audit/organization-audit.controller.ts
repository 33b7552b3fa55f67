import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { LOGGER } from '../common/logging/logging.module';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import { streamExport } from './audit-export';
import { OrganizationAuditExportQuery, OrganizationAuditPage, OrganizationAuditQuery } from './organization-audit.dto';
import { OrganizationAuditService } from './organization-audit.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('organizations')
@Controller('api/v1/organizations/:slug/audit')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'ORGANIZATION_NOT_FOUND: no such organization of yours' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'ORGANIZATION_ROLE_REQUIRED: Owners and Admins only' })
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'INVALID_CURSOR, INVALID_LIMIT, INVALID_DATE_RANGE, UNSUPPORTED_EXPORT_FORMAT',
})
export class OrganizationAuditController {
  constructor(
    private readonly auditLog: OrganizationAuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: OrganizationAuditPage, description: 'Newest first, a page at a time' })
  page(
    @Param('slug') slug: string,
    @Query() query: OrganizationAuditQuery,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationAuditPage> {
    return this.auditLog.page(slug, session, query);
  }

  @Get('export')
  @Authenticated()
  @SessionOnly()
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The whole log (or the filtered part), newest first, as an attachment' })
  async export(
    @Param('slug') slug: string,
    @Query() query: OrganizationAuditExportQuery,
    @CurrentSession() session: SessionPrincipal,
    @Res() response: Response,
  ): Promise<void> {
    const { organization, format, events } = await this.auditLog.export(slug, session, query);
    const day = new Date().toISOString().slice(0, 10);
    response.status(200);
    response.setHeader(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    );
    response.setHeader('Content-Disposition', `attachment; filename="${organization.slug}-audit-${day}.${format}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    await streamExport(response, format, events, (error) =>
      this.logger.error({ err: error, organizationId: organization.id }, 'audit export failed midway'),
    );
  }
}
