import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

// Values are checked by the service, so each failure gets its own code (INVALID_CURSOR, INVALID_LIMIT, ...).
export class FederationCatalogueQuery {
  @ApiPropertyOptional({ description: 'Opaque resume position returned by the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Start after this instant; ignored with a cursor' })
  @IsOptional()
  @IsString()
  updated_since?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 500,
    description: 'Entries per page: 1–500, default 100 (offset mode: 1–100, default 50)',
  })
  @IsOptional()
  @IsString()
  limit?: string;

  @ApiPropertyOptional({ enum: ['content'], description: 'content: carry each item’s published content inline' })
  @IsOptional()
  @IsString()
  include?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Offset mode (the reference product’s shape)' })
  @IsOptional()
  @IsString()
  offset?: string;
}

export class FederationItem {
  @ApiProperty({ example: 'bp_k3j9x2mq7w4t8pzr' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'rules' }) kind: string;
  @ApiProperty({ example: 'agents-md' }) format: string;
  @ApiProperty({ example: 'agents' }) tool: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ example: 'MIT' }) license: string;
  @ApiProperty({ description: 'Display name of the owner' }) author: string;
  @ApiProperty() authorHandle: string;
  @ApiProperty({ type: 'integer', description: 'The published version' }) version: number;
  @ApiProperty({ description: 'Lowercase hex SHA-256 of the UTF-8 content of that version' }) contentHash: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ format: 'uri' }) rawUrl: string;
  @ApiProperty({ type: 'integer' }) downloads: number;
  @ApiProperty({ type: 'integer' }) favorites: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiPropertyOptional({ description: 'Only with include=content' }) content?: string;
}

export class FederationTombstone {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) deletedAt: string;
}

/** A page in incremental mode (docs/federation.md, section 2.1). */
export class FederationCataloguePage {
  @ApiProperty({ example: 'lynxprompt-federation/1' }) protocol: string;
  @ApiProperty({ example: 'prompts.example.org' }) instance: string;
  @ApiProperty({ type: [FederationItem] }) blueprints: FederationItem[];
  @ApiProperty({ type: [FederationTombstone] }) tombstones: FederationTombstone[];
  @ApiProperty({ description: 'Where to resume; always present' }) cursor: string;
  @ApiProperty() hasMore: boolean;
}

/** A page in offset mode (section 2.2): the reference product's shape. */
export class FederationOffsetPage {
  @ApiProperty({ type: [FederationItem] }) blueprints: FederationItem[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}
