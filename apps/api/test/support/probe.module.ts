import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { Authenticated, Public } from '../../src/common/security/route-policy';

class ProbeOwner {
  @IsEmail()
  email: string;
}

export class ProbeBody {
  @IsString()
  @Length(1, 20)
  name: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @ValidateNested()
  @Type(() => ProbeOwner)
  owner: ProbeOwner;
}

/** Routes that exist only in tests, to exercise the HTTP pipeline before real capabilities have bodies. */
@Controller('api/v1/test-probe')
export class ProbeController {
  @Post('echo')
  @Public()
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  @Get('explode')
  @Public()
  explode(): never {
    throw new Error('kaboom: database password is hunter2 at /srv/app/secret.ts:42');
  }

  @Get('private')
  @Authenticated('profile:read')
  secret(): string {
    return 'never served without a principal';
  }
}

@Controller('api/v1/test-forgotten')
export class ForgottenPolicyController {
  @Get()
  forgotten(): string {
    return 'a route whose author forgot its policy';
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}

@Module({ controllers: [ForgottenPolicyController] })
export class ForgottenPolicyModule {}
