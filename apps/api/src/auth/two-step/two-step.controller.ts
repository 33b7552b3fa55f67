import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowPendingSecondFactor, Authenticated, SessionOnly } from '../../common/security/route-policy';
import { CurrentSession } from '../current-principal.decorator';
import type { Principal } from '../principal';
import {
  RecoveryCodeBody,
  RecoveryCodesView,
  SecondFactorStatus,
  TotpCodeBody,
  TotpSetupView,
  TwoStepStatusView,
} from './two-step.dto';
import { TwoStepService } from './two-step.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('two-step')
@Controller()
export class TwoStepController {
  constructor(private readonly twoStep: TwoStepService) {}

  @Get('api/v1/account/two-step')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: TwoStepStatusView })
  status(@CurrentSession() session: SessionPrincipal): Promise<TwoStepStatusView> {
    return this.twoStep.status(session.userId);
  }

  @Post('api/v1/account/two-step/totp/setup')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TotpSetupView, description: 'A new secret; two-step stays off until a code confirms it' })
  setup(@CurrentSession() session: SessionPrincipal): Promise<TotpSetupView> {
    return this.twoStep.setup(session);
  }

  @Post('api/v1/account/two-step/totp/confirm')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesView, description: 'Two-step is on; the session id is renewed' })
  async confirm(
    @Body() body: TotpCodeBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<RecoveryCodesView> {
    return { recoveryCodes: await this.twoStep.confirm(request, response, session, body.code) };
  }

  @Delete('api/v1/account/two-step')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Two-step is off; needs a second factor proven in the last 10 minutes' })
  async disable(@Req() request: Request, @CurrentSession() session: SessionPrincipal): Promise<void> {
    await this.twoStep.disable(request, session);
  }

  @Post('api/v1/account/two-step/recovery-codes')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesView, description: 'A new set; every earlier code stops working' })
  async regenerate(@Req() request: Request, @CurrentSession() session: SessionPrincipal): Promise<RecoveryCodesView> {
    return { recoveryCodes: await this.twoStep.regenerateRecoveryCodes(request, session) };
  }

  @Post('api/v1/auth/second-factor/totp')
  @Authenticated()
  @SessionOnly()
  @AllowPendingSecondFactor()
  @HttpCode(200)
  @ApiOkResponse({ type: SecondFactorStatus, description: 'The session is replaced by a fully active one' })
  async totp(
    @Body() body: TotpCodeBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<SecondFactorStatus> {
    await this.twoStep.verifyTotp(request, response, session, body.code);
    return { status: 'active' };
  }

  @Post('api/v1/auth/second-factor/recovery-code')
  @Authenticated()
  @SessionOnly()
  @AllowPendingSecondFactor()
  @HttpCode(200)
  @ApiOkResponse({ type: SecondFactorStatus, description: 'The session is replaced by a fully active one' })
  async recoveryCode(
    @Body() body: RecoveryCodeBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<SecondFactorStatus> {
    await this.twoStep.verifyRecoveryCode(request, response, session, body.code);
    return { status: 'active' };
  }
}
