import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayOf } from '../../common/http/array-of';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { BLUEPRINT_KINDS } from '../../blueprints/blueprint-rules';
import { NonBlankName } from '../../common/text/visible-name';

// Counts and sizes are checked by the service, so each gets its own code (IMPORT_TOO_MANY_FILES, …) rather than
// VALIDATION_FAILED; the request body limit bounds what reaches the validator.
import { OwningOrganization } from '../../blueprints/dto/blueprint-requests.dto';

export class ImportFileInput {
  @ApiProperty({ example: 'plugins/review/agents/code-reviewer.md', description: 'Relative; `/`-separated' })
  @IsString()
  @Length(1, 512)
  path: string;

  @ApiProperty({ description: 'The file as it is in the repository' })
  @IsString()
  content: string;

  @ApiPropertyOptional({ enum: ['utf8', 'base64'], default: 'utf8', description: 'base64 for binary skill assets' })
  @IsOptional()
  @IsIn(['utf8', 'base64'])
  encoding?: 'utf8' | 'base64';
}

export class PreviewImportRequest {
  @ApiProperty({ type: [ImportFileInput], description: 'At most 200 files, 256 KB each, 4 MB in all' })
  @IsArray()
  @ArrayOf(() => ImportFileInput)
  files: ImportFileInput[];

  @OwningOrganization()
  organization?: string;
}

/** What to do with one item of the preview: import it as detected, with another format or kind, or not at all. */
export class ImportItemChoice {
  @ApiProperty({ description: 'The item’s path, as the preview gave it' })
  @IsString()
  @Length(1, 512)
  path: string;

  @ApiPropertyOptional({ description: 'Skip this item: nothing is created for it' })
  @IsOptional()
  @IsBoolean()
  skip?: boolean;

  @ApiPropertyOptional({ description: 'A format id to read the file as, instead of the detected one' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({ enum: BLUEPRINT_KINDS, description: 'The kind, instead of the format’s' })
  @IsOptional()
  @IsString()
  kind?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 120, description: 'The name, instead of the file’s own' })
  @IsOptional()
  @NonBlankName(120)
  name?: string;
}

export const IMPORT_TARGETS = ['blueprints', 'hierarchy'] as const;

export class CreateImportRequest {
  @ApiProperty({ type: [ImportFileInput], description: 'The same files as the preview' })
  @IsArray()
  @ArrayOf(() => ImportFileInput)
  files: ImportFileInput[];

  @OwningOrganization()
  organization?: string;

  @ApiProperty({ type: [ImportItemChoice], description: 'The items to import, in order; others are left out' })
  @IsArray()
  @ArrayOf(() => ImportItemChoice)
  items: ImportItemChoice[];

  @ApiProperty({
    enum: IMPORT_TARGETS,
    description: 'blueprints: one private blueprint each; hierarchy: one new hierarchy holding them at their paths',
  })
  @IsIn(IMPORT_TARGETS)
  target: (typeof IMPORT_TARGETS)[number];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 120,
    description: 'For target hierarchy: the new hierarchy’s name (required unless hierarchyId is given)',
  })
  @ValidateIf((request: CreateImportRequest) => request.target === 'hierarchy' && request.hierarchyId === undefined)
  @NonBlankName(120)
  hierarchyName?: string;

  @ApiPropertyOptional({
    description:
      'For target hierarchy: add to this hierarchy of yours instead of making a new one (a batch sent in several ' +
      'requests continues the hierarchy the first one made)',
  })
  @IsOptional()
  @IsString()
  hierarchyId?: string;
}
