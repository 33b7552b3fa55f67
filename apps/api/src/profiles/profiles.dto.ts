import { ApiProperty } from '@nestjs/swagger';

export class ProfileCounts {
  @ApiProperty({ description: 'Listed blueprints: public, published and not deleted' }) publicBlueprints: number;
  @ApiProperty({ description: 'Hierarchies holding at least one of those listed blueprints' }) hierarchies: number;
  @ApiProperty({ description: 'Favourites of the listed blueprints, summed' }) favoritesReceived: number;
  @ApiProperty({ description: 'Downloads of the listed blueprints, summed' }) downloads: number;
}

export class Profile {
  @ApiProperty({ enum: ['user', 'organization'] }) kind: 'user' | 'organization';
  @ApiProperty({ description: "A user's handle or an organization's slug (one namespace)", example: 'ada' })
  handle: string;
  @ApiProperty({ description: "The user's display name or the organization's name" }) name: string;
  @ApiProperty({ description: "The user's bio or the organization's description; may be empty" }) bio: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Organizations only; always null for users' })
  websiteUrl: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the account or organization was created' })
  createdAt: string;
  @ApiProperty({ type: ProfileCounts }) counts: ProfileCounts;
  @ApiProperty({ description: 'The profile page: <APP_URL>/@handle', example: 'https://prompts.example.org/@ada' })
  profileUrl: string;
}
