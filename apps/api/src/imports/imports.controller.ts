import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { AllowOrganizationTokens, Authenticated } from '../common/security/route-policy';
import { CreateImportRequest, PreviewImportRequest } from './dto/import-requests.dto';
import { ImportOutcome, ImportPreview } from './dto/import-responses.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiPayloadTooLargeResponse({
  type: ErrorResponse,
  description: 'IMPORT_TOO_MANY_FILES, IMPORT_FILE_TOO_LARGE, IMPORT_TOTAL_TOO_LARGE, PAYLOAD_TOO_LARGE',
})
@ApiBadRequestResponse({ type: ErrorResponse, description: 'IMPORT_INVALID_PATH, IMPORT_DUPLICATE_PATH, …' })
@Controller('api/v1/imports')
@AllowOrganizationTokens()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('preview')
  @HttpCode(200)
  @Authenticated('blueprints:write')
  @ApiOkResponse({
    type: ImportPreview,
    description: 'What each file is, what the scanner finds and what would clash; nothing is stored',
  })
  preview(@Body() body: PreviewImportRequest, @CurrentPrincipal() principal: Principal): Promise<ImportPreview> {
    return this.imports.preview(principal, body.files, body.organization);
  }

  @Post()
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({
    type: ImportOutcome,
    description: 'One result per item: each is imported on its own, so a failing item leaves the others created',
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'IMPORT_UNKNOWN_ITEM, IMPORT_NOTHING_TO_IMPORT, …' })
  import(@Body() body: CreateImportRequest, @CurrentPrincipal() principal: Principal): Promise<ImportOutcome> {
    return this.imports.import(principal, body);
  }
}
