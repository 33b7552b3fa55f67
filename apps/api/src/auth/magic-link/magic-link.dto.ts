import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class MagicLinkRequest {
  @ApiProperty({ format: 'email', example: 'ada@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class MagicLinkSent {
  @ApiProperty({
    enum: ['sent'],
    description: 'Always the same answer, whether or not the address has an account (and may get a link)',
  })
  status: 'sent';
}

export class MagicLinkVerifyRequest {
  @ApiProperty({ description: 'The `token` query value of the emailed link' })
  @IsString()
  @Length(1, 256)
  token: string;
}

export class SignInResult {
  @ApiProperty({
    enum: ['active', 'pending_second_factor'],
    description: '`pending_second_factor`: two-step verification is on and a second factor is still owed',
  })
  status: 'active' | 'pending_second_factor';
}
