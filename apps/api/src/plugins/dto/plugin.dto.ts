import { OwningOrganization } from '../../blueprints/dto/blueprint-requests.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayOf } from '../../common/http/array-of';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { BLUEPRINT_KINDS } from '../../blueprints/blueprint-rules';
import { FindingTotals, ScanFindingView } from '../../blueprints/dto/blueprint-responses.dto';
import { WRITABLE_VISIBILITIES } from '../../blueprints/blueprint-rules';
import { PLUGIN_IMPORT_LIMITS } from '../plugin-files';
import { PLUGIN_TOOLS } from '../plugin-layout';

export class PluginFile {
  @ApiProperty({ example: 'agents/code-reviewer.md', description: 'Relative to the uploaded folder, / separators' })
  @IsString()
  path: string;

  @ApiProperty({ description: `At most ${PLUGIN_IMPORT_LIMITS.fileBytes} bytes once decoded` })
  @IsString()
  content: string;

  @ApiProperty({ enum: ['utf8', 'base64'], description: 'Components must be utf8; other files may be base64' })
  @IsIn(['utf8', 'base64'])
  encoding: 'utf8' | 'base64';
}

export class ImportPluginRequest {
  @ApiProperty({
    type: [PluginFile],
    maxItems: PLUGIN_IMPORT_LIMITS.files,
    description:
      'The files of one plugin (with .claude-plugin/plugin.json, .cursor-plugin/plugin.json or .codex-plugin/plugin.json) or of a marketplace (with its marketplace.json), by path',
  })
  @IsArray()
  // One past the limit, so the service answers PLUGIN_TOO_MANY_FILES rather than a generic validation failure.
  @ArrayMaxSize(PLUGIN_IMPORT_LIMITS.files + 1)
  @ArrayOf(() => PluginFile)
  files: PluginFile[];

  @ApiPropertyOptional({ enum: WRITABLE_VISIBILITIES, description: 'Of every member; private when omitted' })
  @IsOptional()
  @IsIn(WRITABLE_VISIBILITIES)
  visibility?: string;

  @ApiPropertyOptional({ description: "Publish every member's first version at once" })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;

  @OwningOrganization()
  organization?: string;
}

export class ImportedPluginMember {
  @ApiProperty({ example: 'agents/code-reviewer.md', description: "The member's repositoryPath in the hierarchy" })
  path: string;
  @ApiProperty() blueprintId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BLUEPRINT_KINDS }) kind: string;
  @ApiProperty() format: string;
  @ApiProperty({ type: [ScanFindingView] }) findings: ScanFindingView[];
  @ApiProperty({ type: FindingTotals }) findingTotals: FindingTotals;
  @ApiProperty({ type: [String], description: 'What the reader did that the file did not say' }) notes: string[];
  @ApiProperty({ type: [String], description: "A skill's attached files stored with it, relative to its folder" })
  files: string[];
}

export class SkippedPluginFile {
  @ApiProperty() path: string;
  @ApiProperty() reason: string;
}

export class ImportedPlugin {
  @ApiProperty() hierarchyId: string;
  @ApiProperty({ description: "The plugin's name from its manifest" }) name: string;
  @ApiProperty({ enum: PLUGIN_TOOLS, description: 'The tool whose manifest it was read with' }) tool: string;
  @ApiProperty({ description: "The plugin's folder in the upload, '' for the root" }) root: string;
  @ApiProperty({ type: [String], description: 'Tools whose manifests the hierarchy keeps' }) manifests: string[];
  @ApiProperty({ description: 'The plugin has hooks: a settings member, or kept with the manifest (Cursor, Codex)' })
  hooks: boolean;
  @ApiProperty({ type: [ImportedPluginMember] }) members: ImportedPluginMember[];
  @ApiProperty({ type: [SkippedPluginFile] }) skipped: SkippedPluginFile[];
}

export class PluginImportResult {
  @ApiProperty({ type: [ImportedPlugin] }) plugins: ImportedPlugin[];
  @ApiProperty({
    type: [SkippedPluginFile],
    description: 'Files and marketplace entries that belong to no plugin imported',
  })
  skipped: SkippedPluginFile[];
}

export class PluginExportQuery {
  @ApiPropertyOptional({ enum: PLUGIN_TOOLS, default: 'claude-code' })
  @IsOptional()
  @IsString()
  tool?: string;
}
