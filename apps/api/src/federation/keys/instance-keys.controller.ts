import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentSession } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { requestContext } from '../../auth/sessions/session.service';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../../common/security/route-policy';
import { InstancePublicKeyView } from './instance-keys.dto';
import { InstanceKeysService } from './instance-keys.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('admin')
@Controller('api/v1/admin/federation/key')
export class InstanceKeysController {
  constructor(private readonly keys: InstanceKeysService) {}

  @Post('rotate')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: InstancePublicKeyView, description: 'The new key; the old one is retired at once' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: only admins rotate the key' })
  async rotate(@Req() request: Request, @CurrentSession() session: SessionPrincipal): Promise<InstancePublicKeyView> {
    const key = await this.keys.rotate(session.userId, requestContext(request));
    return { id: key.id, algorithm: 'Ed25519', key: key.publicKey, createdAt: key.createdAt.toISOString() };
  }
}
