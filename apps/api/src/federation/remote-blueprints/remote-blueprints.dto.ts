import { ApiProperty } from '@nestjs/swagger';

export class RemoteBlueprintModeration {
  @ApiProperty({ example: 'rb_k3j9x2mq7w4t8pzr' }) id: string;
  @ApiProperty({ description: 'Hidden by an admin: out of listings, and 404 to everyone but admins' })
  hidden: boolean;
  @ApiProperty({ description: 'Shown in public listings: not hidden, and its peer neither silenced nor blocked' })
  listed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt: string | null;
}
