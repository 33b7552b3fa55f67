import { OptionalNotNull } from '../../common/http/validation';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { ArrayOf } from '../../common/http/array-of';
import { BLUEPRINT_KINDS, CATEGORIES, WRITABLE_VISIBILITIES } from '../blueprint-rules';
import { NonBlankName } from '../../common/text/visible-name';

// Kind, format, tags, licence and content are checked by the service, so each failure gets its own error code
// (UNKNOWN_KIND, UNKNOWN_FORMAT, TOO_MANY_TAGS, CONTENT_TOO_LARGE, ...) instead of a generic VALIDATION_FAILED.

/** One attached file of a skill; paths, sizes and counts are checked by the service (ATTACHED_FILE_… codes). */
export class AttachedFileRequest {
  @ApiProperty({
    example: 'references/api.md',
    description: 'Relative to the main file’s folder, / separators, no .. (references/, scripts/, assets/, …)',
  })
  @IsString()
  path: string;

  @ApiProperty({ description: 'The text, or the bytes in base64 when encoding is base64' })
  @IsString()
  content: string;

  @ApiProperty({ enum: ['utf8', 'base64'], description: 'utf8 files are scanned like the content; base64 are not' })
  @IsIn(['utf8', 'base64'])
  encoding: 'utf8' | 'base64';
}

/** The optional `organization` of a create request: who will own what it makes (the caller when omitted). */
export function OwningOrganization() {
  return applyDecorators(
    ApiPropertyOptional({
      description: "The organization (slug) that will own it; the caller's own account when omitted",
      example: 'acme',
    }),
    IsOptional(),
    IsString(),
    Length(1, 64),
  );
}

/**
 * The fields every blueprint write may carry. Create, update and import each add the four that identify the content
 * (name, kind, format, content): required on create, optional elsewhere. They are not inherited as optional, because
 * class-validator merges a parent's @IsOptional() into the child and a required field would then pass when missing.
 */
class BlueprintWriteFields {
  @ApiPropertyOptional({ maxLength: 80, description: 'Derived from the name when omitted' })
  @OptionalNotNull()
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by hyphens' })
  @Length(1, 80)
  slug?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @OptionalNotNull()
  @IsString()
  @Length(0, 1000)
  description?: string;

  @ApiPropertyOptional({ enum: CATEGORIES, nullable: true, type: String })
  @IsOptional()
  @IsString()
  category?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ description: 'SPDX licence expression; the instance default when omitted', example: 'MIT' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  license?: string;

  @ApiPropertyOptional({ enum: WRITABLE_VISIBILITIES })
  @OptionalNotNull()
  @IsString()
  visibility?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @Length(0, 500)
  changelog?: string;

  @ApiPropertyOptional({ description: 'Publish the resulting version at once' })
  @OptionalNotNull()
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of low-confidence secret findings the author confirms are not secrets',
  })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  acknowledgedFindings?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'ha_… of one of your hierarchies' })
  @IsOptional()
  @IsString()
  hierarchyId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'packages/web/AGENTS.md' })
  @IsOptional()
  @IsString()
  repositoryPath?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'bp_… of the parent in the same hierarchy' })
  @IsOptional()
  @IsString()
  parentId?: string | null;

  @ApiPropertyOptional({
    type: [AttachedFileRequest],
    description:
      'Skills only: the other files of the skill’s folder (references/, scripts/, assets/). On update, omitted ' +
      'keeps the current files and [] removes them. Limits: BLUEPRINT_FILE_MAX_BYTES, BLUEPRINT_FILES_MAX_BYTES, ' +
      'BLUEPRINT_FILES_MAX_COUNT',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayOf(() => AttachedFileRequest)
  files?: AttachedFileRequest[];
}

export class BlueprintFieldsRequest extends BlueprintWriteFields {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @OptionalNotNull()
  @NonBlankName(120)
  name?: string;

  @ApiPropertyOptional({ enum: BLUEPRINT_KINDS })
  @OptionalNotNull()
  @IsString()
  kind?: string;

  @ApiPropertyOptional({ description: 'Format registry id the content is written in (GET /api/v1/formats)' })
  @OptionalNotNull()
  @IsString()
  format?: string;

  @ApiPropertyOptional({ description: 'Markdown, MDC, JSON or YAML; at most 256 KB and 10,000 lines' })
  @OptionalNotNull()
  @IsString()
  content?: string;
}

export class CreateBlueprintRequest extends BlueprintWriteFields {
  @ApiProperty({ minLength: 1, maxLength: 120 })
  @NonBlankName(120)
  declare name: string;

  @ApiProperty({ enum: BLUEPRINT_KINDS })
  @IsString()
  declare kind: string;

  @ApiProperty({ description: 'Format registry id the content is written in (GET /api/v1/formats)' })
  @IsString()
  declare format: string;

  @ApiProperty({ description: 'Markdown, MDC, JSON or YAML; at most 256 KB and 10,000 lines' })
  @IsString()
  declare content: string;

  @OwningOrganization()
  organization?: string;
}

export class UpdateBlueprintRequest extends BlueprintFieldsRequest {}

export class ImportBlueprintRequest extends BlueprintFieldsRequest {
  @ApiProperty({ description: 'The file as the tool reads it, frontmatter included' })
  @IsString()
  declare content: string;

  @ApiPropertyOptional({ description: 'Where the file lives in a repository; used to detect its format and name' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  path?: string;

  @OwningOrganization()
  organization?: string;
}

export class PublishRequest {
  @ApiPropertyOptional({ description: 'The version to publish; the latest when omitted', minimum: 1 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  acknowledgedFindings?: string[];
}

export class RestoreRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @Length(0, 500)
  changelog?: string;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  acknowledgedFindings?: string[];
}

export class ForkRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @IsOptional()
  @NonBlankName(120)
  name?: string;

  @OwningOrganization()
  organization?: string;
}

/** Ownership moves between a user and an organization they administer; the id, versions and forks stay. */
export class TransferRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The organization (slug) to give it to, or null to take it into your own account',
    example: 'acme',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Length(1, 64)
  organization: string | null;

  @ApiPropertyOptional({ description: 'A new slug, when the current one is taken at the destination' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  slug?: string;
}

export class RenderRequest {
  @ApiPropertyOptional({ description: 'Target format id; the blueprint’s own format when omitted' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { PROJECT: 'acme' } })
  @IsOptional()
  @IsObject()
  values?: Record<string, string>;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'A version you may read (as GET /versions/{number}); the one you read by default when omitted',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  version?: number;
}

/** Render's inputs, plus the packaging: what the web app's Download buttons send. */
export class DownloadRequest extends RenderRequest {
  @ApiPropertyOptional({ enum: ['zip'], description: 'zip: the file at its repository path inside a zip' })
  @IsOptional()
  @IsIn(['zip'])
  archive?: 'zip';

  @ApiPropertyOptional({ enum: ['hidden'], description: 'hidden: as for export, a copy without hidden instructions' })
  @IsOptional()
  @IsIn(['hidden'])
  strip?: 'hidden';
}

export class ScanRequest {
  @ApiProperty()
  @IsString()
  content: string;
}

function toArray(value: unknown): unknown {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export class CatalogQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'Web-search syntax: words, "phrases", -exclusions, or' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  q?: string;

  @ApiPropertyOptional({ enum: BLUEPRINT_KINDS }) @IsOptional() @IsString() kind?: string;
  @ApiPropertyOptional({ description: 'Tool id, e.g. cursor' }) @IsOptional() @IsString() tool?: string;
  @ApiPropertyOptional({ description: 'Format id, e.g. cursor-rules' }) @IsOptional() @IsString() format?: string;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsString() category?: string;

  @ApiPropertyOptional({ type: [String], description: 'Repeat for several; all must match' })
  @IsOptional()
  @Transform(({ value }) => toArray(value))
  @IsArray()
  @IsString({ each: true })
  tag?: string[];

  @ApiPropertyOptional({
    description: 'Author handle: a local one, or with instance=<peer domain> an author handle on that peer',
  })
  @IsOptional()
  @IsString()
  author?: string;

  @ApiPropertyOptional({
    maxLength: 260,
    description: 'Origin: this instance’s domain for local blueprints only, a peer’s domain for its blueprints only',
    example: 'prompts.example.org',
  })
  @IsOptional()
  @IsString()
  @Length(0, 260)
  instance?: string;

  @ApiPropertyOptional({ description: 'SPDX licence id' }) @IsOptional() @IsString() license?: string;

  @ApiPropertyOptional({ enum: ['relevance', 'newest', 'favorites', 'downloads', 'trending'] })
  @IsOptional()
  @IsString()
  sort?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, type: 'integer' })
  @IsOptional()
  @IsString()
  limit?: string;

  @ApiPropertyOptional({ description: 'Include facet counts (costs a second query; ask on the first page)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  facets?: string;
}

export class PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, type: 'integer' })
  @IsOptional()
  @IsString()
  limit?: string;
}

export class BlueprintReadQuery {
  @ApiPropertyOptional({ enum: ['published', 'draft'], description: 'Owners see the draft unless they ask' })
  @IsOptional()
  @IsIn(['published', 'draft'])
  version?: 'published' | 'draft';
}

export class ExportQuery {
  @ApiPropertyOptional({ description: 'Target format id; the blueprint’s own format when omitted' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({ enum: ['zip'], description: 'zip: the file at its repository path inside a zip' })
  @IsOptional()
  @IsIn(['zip'])
  archive?: 'zip';

  @ApiPropertyOptional({
    enum: ['hidden'],
    description:
      'hidden: a copy without the invisible characters and the HTML comments the scanner flags as hidden instructions',
  })
  @IsOptional()
  @IsIn(['hidden'])
  strip?: 'hidden';
}

export class AttachedFileQuery {
  @ApiProperty({ example: 'references/api.md', maxLength: 255 })
  @IsString()
  @Length(1, 255)
  path: string;

  @ApiPropertyOptional({ minimum: 1, type: 'integer', description: 'The version; the one you would read by default' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,9}$/)
  version?: string;
}

export class DiffQuery {
  @ApiProperty({ minimum: 1, type: 'integer' }) @IsString() @Matches(/^\d{1,9}$/) from: string;
  @ApiProperty({ minimum: 1, type: 'integer' }) @IsString() @Matches(/^\d{1,9}$/) to: string;
}
