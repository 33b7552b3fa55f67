import { OptionalNotNull } from '../common/http/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { VisibleName, VisibleText } from '../common/text/visible-name';

export class UpdateProfileRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 80, example: 'Ada Lovelace' })
  @OptionalNotNull()
  @VisibleName()
  @IsString()
  @Length(1, 80)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({
    description: '2–39 lowercase letters, digits or single hyphens (USER_HANDLE_INVALID otherwise)',
    example: 'ada',
  })
  @OptionalNotNull()
  @VisibleName()
  @IsString()
  @MaxLength(64)
  handle?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Shown on the public profile page (/@handle); empty clears it' })
  @OptionalNotNull()
  @VisibleText()
  @IsString()
  @MaxLength(500)
  bio?: string;
}

export class EmailChangeRequest {
  @ApiProperty({ format: 'email', description: 'The new address; a confirmation link is sent to it' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class EmailChangeSent {
  @ApiProperty({ enum: ['sent'] })
  status: 'sent';
}

export class EmailChangeVerifyRequest {
  @ApiProperty({ description: 'The `token` query value of the confirmation link' })
  @IsString()
  @Length(1, 256)
  token: string;
}

export class InvitationRequest {
  @ApiProperty({ format: 'email', description: 'May sign up even while ENABLE_REGISTRATION=false' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class InvitationView {
  @ApiProperty({ description: 'Lower-cased' }) email: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
