import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowPendingSecondFactor, Authenticated, Public, SessionOnly } from '../../common/security/route-policy';
import type { Passkey } from '../../generated/prisma/client';
import { CurrentSession } from '../current-principal.decorator';
import type { Principal } from '../principal';
import {
  PasskeyChallenge,
  PasskeyCreationOptions,
  PasskeyView,
  RegisterPasskeyBody,
  RenamePasskeyBody,
  SignInStatus,
  VerifyPasskeyBody,
} from './passkeys.dto';
import { PasskeysService } from './passkeys.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

function view(passkey: Passkey): PasskeyView {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
    backedUp: passkey.backedUp,
    deviceType: passkey.deviceType,
  };
}

@ApiTags('passkeys')
@Controller()
export class PasskeysController {
  constructor(private readonly passkeys: PasskeysService) {}

  @Post('api/v1/account/passkeys/registration/options')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeyCreationOptions, description: 'Options for navigator.credentials.create()' })
  registrationOptions(@CurrentSession() session: SessionPrincipal) {
    return this.passkeys.registrationOptions(session);
  }

  @Post('api/v1/account/passkeys/registration/verify')
  @Authenticated()
  @SessionOnly()
  @ApiCreatedResponse({ type: PasskeyView })
  async register(
    @Body() body: RegisterPasskeyBody,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<PasskeyView> {
    return view(await this.passkeys.register(request, session, body.name, body.response));
  }

  @Get('api/v1/account/passkeys')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [PasskeyView] })
  async list(@CurrentSession() session: SessionPrincipal): Promise<PasskeyView[]> {
    return (await this.passkeys.list(session.userId)).map(view);
  }

  @Patch('api/v1/account/passkeys/:id')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: PasskeyView })
  async rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenamePasskeyBody,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<PasskeyView> {
    return view(await this.passkeys.rename(request, session.userId, id, body.name));
  }

  @Delete('api/v1/account/passkeys/:id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The passkey no longer signs in' })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.passkeys.remove(request, session.userId, id);
  }

  @Post('api/v1/auth/passkey/options')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeyChallenge, description: 'A usernameless challenge (no allowCredentials)' })
  signInOptions(): Promise<PasskeyChallenge> {
    return this.passkeys.signInOptions();
  }

  @Post('api/v1/auth/passkey/verify')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInStatus, description: 'Signed in; the session cookie is set' })
  async signIn(
    @Body() body: VerifyPasskeyBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInStatus> {
    await this.passkeys.signInWithPasskey(request, response, body.challengeId, body.response);
    return { status: 'active' };
  }

  @Post('api/v1/auth/second-factor/passkey/options')
  @Authenticated()
  @SessionOnly()
  @AllowPendingSecondFactor()
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeyChallenge, description: 'A challenge for one of this account’s passkeys' })
  secondFactorOptions(@CurrentSession() session: SessionPrincipal): Promise<PasskeyChallenge> {
    return this.passkeys.secondFactorOptions(session);
  }

  @Post('api/v1/auth/second-factor/passkey/verify')
  @Authenticated()
  @SessionOnly()
  @AllowPendingSecondFactor()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInStatus, description: 'The session is replaced by a fully active one' })
  async secondFactor(
    @Body() body: VerifyPasskeyBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<SignInStatus> {
    await this.passkeys.completeSecondFactor(request, response, session, body.challengeId, body.response);
    return { status: 'active' };
  }
}
