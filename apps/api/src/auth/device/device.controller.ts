import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Authenticated, Public, SessionOnly } from '../../common/security/route-policy';
import { CurrentSession } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { DeviceGrantErrorFilter, DeviceTokenParamsPipe } from './device-grant.http';
import {
  DeviceCodeRequest,
  DeviceCodeResponse,
  DeviceRequestView,
  DeviceTokenErrorResponse,
  DeviceTokenRequest,
  DeviceTokenResponse,
  type DeviceTokenParams,
} from './device.dto';
import { DeviceService } from './device.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

@ApiTags('device')
@Controller('api/v1/auth/device')
export class DeviceController {
  constructor(private readonly device: DeviceService) {}

  @Post('code')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiConsumes(FORM, JSON_TYPE)
  @ApiOkResponse({ type: DeviceCodeResponse, description: 'RFC 8628 §3.2 device authorization response' })
  code(@Body() body: DeviceCodeRequest, @Req() request: Request): Promise<DeviceCodeResponse> {
    return this.device.requestCode(body, request);
  }

  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @UseFilters(DeviceGrantErrorFilter)
  @ApiConsumes(FORM, JSON_TYPE)
  @ApiBody({ type: DeviceTokenRequest })
  @ApiOkResponse({ type: DeviceTokenResponse })
  @ApiBadRequestResponse({
    type: DeviceTokenErrorResponse,
    description: 'RFC 6749 §5.2 error (not the usual envelope): keep polling on authorization_pending and slow_down',
  })
  token(@Body(DeviceTokenParamsPipe) body: DeviceTokenParams, @Req() request: Request): Promise<DeviceTokenResponse> {
    return this.device.exchange(body, request);
  }

  @Get('requests/:userCode')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: DeviceRequestView, description: 'The sign-in request a user code stands for' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'DEVICE_CODE_NOT_FOUND' })
  @ApiGoneResponse({ type: ErrorResponse, description: 'DEVICE_CODE_EXPIRED' })
  describe(
    @Param('userCode') userCode: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<DeviceRequestView> {
    return this.device.describe(session, userCode, request);
  }

  @Post('requests/:userCode/approve')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: DeviceRequestView, description: 'Approved for this account; the device receives a token' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'REAUTHENTICATION_REQUIRED: with two-step on, confirm with a second factor first',
  })
  @ApiGoneResponse({ type: ErrorResponse, description: 'DEVICE_CODE_EXPIRED' })
  approve(
    @Param('userCode') userCode: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<DeviceRequestView> {
    return this.device.approve(session, userCode, request);
  }

  @Post('requests/:userCode/deny')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: DeviceRequestView, description: 'Denied; the device hears access_denied' })
  deny(
    @Param('userCode') userCode: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<DeviceRequestView> {
    return this.device.deny(session, userCode, request);
  }
}
