import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { OwningOrganization } from './blueprint-requests.dto';
import { PLUGIN_TOOLS } from '../../plugins/plugin-layout';
import { BLUEPRINT_KINDS } from '../blueprint-rules';
import { AuthorRef } from './blueprint-responses.dto';
import { NonBlankName } from '../../common/text/visible-name';

export class CreateHierarchyRequest {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'acme/monorepo' })
  @NonBlankName(120)
  name: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  description?: string;

  @OwningOrganization()
  organization?: string;
}

/** Gives a hierarchy and all its blueprints to an organization you administer, or takes it into your account. */
export class HierarchyTransferRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The organization (slug) to give it to, or null to take it into your own account',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Length(1, 64)
  organization: string | null;
}

export class UpdateHierarchyRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @IsOptional()
  @NonBlankName(120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  description?: string;
}

export class HierarchyMember {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BLUEPRINT_KINDS }) kind: string;
  @ApiProperty() format: string;
  @ApiProperty({ example: 'packages/web/AGENTS.md' }) repositoryPath: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
}

export class HierarchyPlugin {
  @ApiProperty({ enum: PLUGIN_TOOLS, description: 'The tool whose manifest it was imported with' }) tool: string;
  @ApiProperty({ enum: PLUGIN_TOOLS, isArray: true, description: 'The tools it kept a manifest for' })
  manifests: string[];
}

export class HierarchyDetail {
  @ApiProperty({ example: 'ha_k3j9x2mq7w4t8pzr' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: AuthorRef }) owner: AuthorRef;
  @ApiProperty() isOwner: boolean;
  @ApiProperty({ type: [HierarchyMember], description: 'Only those you may read, by path' })
  blueprints: HierarchyMember[];
  @ApiProperty({
    type: HierarchyPlugin,
    nullable: true,
    description: 'Set when the hierarchy was imported as a plugin: GET /hierarchies/{id}/plugin exports it again',
  })
  plugin: HierarchyPlugin | null;
}

export class HierarchySummary {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() blueprintCount: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HierarchyList {
  @ApiProperty({ type: [HierarchySummary] }) items: HierarchySummary[];
}
