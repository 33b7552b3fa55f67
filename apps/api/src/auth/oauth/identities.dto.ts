import { ApiProperty } from '@nestjs/swagger';
import { OAUTH_PROVIDERS } from './oauth.errors';

export class LinkedIdentity {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OAUTH_PROVIDERS }) provider: string;
  @ApiProperty({ type: String, nullable: true, description: 'The verified address the provider reported, if any' })
  email: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class LinkStart {
  @ApiProperty({
    description:
      'Send the browser here (a top-level navigation); it comes back to /settings/security?linked=<provider>',
  })
  url: string;
}
