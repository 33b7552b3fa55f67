import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BLUEPRINT_KINDS, WRITABLE_VISIBILITIES } from '../blueprint-rules';

export class AuthorRef {
  @ApiProperty({
    enum: ['user', 'organization'],
    description: 'Who owns it: a user, or an organization (its slug is the handle, its name the display name)',
  })
  kind: 'user' | 'organization';
  @ApiProperty({ description: 'Profile at /@handle (for remote blueprints, on their origin instance)' }) handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
}

export class ForkSource {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AuthorRef }) author: AuthorRef;
}

/** A fork of another instance's blueprint: the original's URL stays as attribution even once our copy is gone. */
export class RemoteForkSource {
  @ApiProperty({ description: 'Canonical URL of the original on its instance' }) url: string;
  @ApiPropertyOptional({ description: 'rb_… of our copy, while we still hold it and it is not hidden' }) id?: string;
  @ApiPropertyOptional({ description: 'Its name, while we still hold a copy' }) name?: string;
}

export class BlueprintOrigin {
  @ApiProperty({ description: 'Domain of the instance the blueprint was published on' }) instance: string;
  @ApiProperty({ description: 'Published on this instance' }) local: boolean;
  @ApiPropertyOptional({ description: 'Remote only: canonical URL of the blueprint on its instance' }) url?: string;
  @ApiPropertyOptional({
    description: 'Remote only: crawled with verified signatures; false for legacy peers that sign nothing',
  })
  signed?: boolean;
  @ApiPropertyOptional({ description: 'Remote only, shown to admins: hidden by an admin, so 404 to everyone else' })
  hidden?: boolean;
  @ApiPropertyOptional({
    description:
      "Remote only: the author's profile on their instance (/@handle on the peer's verified origin); absent when the " +
      'peer published no handle',
  })
  authorProfileUrl?: string;
}

export class BlueprintSummary {
  @ApiProperty({ example: 'bp_k3j9x2mq7w4t8pzr' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null only for a remote blueprint whose peer publishes none',
  })
  description: string | null;
  @ApiProperty({ enum: BLUEPRINT_KINDS }) kind: string;
  @ApiProperty({ description: 'Format registry id the content is written in' }) format: string;
  @ApiProperty({ description: 'Tool the format belongs to' }) tool: string;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ description: 'SPDX licence expression' }) license: string;
  @ApiProperty({ enum: WRITABLE_VISIBILITIES }) visibility: string;
  @ApiProperty({ type: AuthorRef }) author: AuthorRef;
  @ApiProperty() favoriteCount: number;
  @ApiProperty() downloadCount: number;
  @ApiProperty({ type: Number, nullable: true }) publishedVersion: number | null;
  @ApiProperty() headVersion: number;
  @ApiProperty({ description: 'The published content carries hidden-instruction findings' })
  hasHiddenInstructions: boolean;
  @ApiProperty({ type: ForkSource, nullable: true, description: 'Null too when the source is gone or private' })
  forkedFrom: ForkSource | null;
  @ApiPropertyOptional({ type: RemoteForkSource, description: 'Present on forks of another instance’s blueprint' })
  forkedFromRemote?: RemoteForkSource;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First publication' })
  publishedAt: string | null;
  @ApiProperty({ type: BlueprintOrigin }) origin: BlueprintOrigin;
}

export class ScanFindingView {
  @ApiProperty({ description: 'Stable fingerprint; acknowledge low-confidence findings by this id' }) id: string;
  @ApiProperty({ enum: ['secret', 'hidden-instruction'] }) category: string;
  @ApiProperty() rule: string;
  @ApiProperty({ enum: ['high', 'low'] }) confidence: string;
  @ApiProperty() line: number;
  @ApiProperty() column: number;
  @ApiProperty() endLine: number;
  @ApiProperty() endColumn: number;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'Redacted: never the secret itself' }) excerpt: string;
  @ApiPropertyOptional() suggestion?: string;
  @ApiPropertyOptional({ description: 'In an error’s list: the attached file the finding is in (absent: the content)' })
  file?: string;
}

export class VariableOccurrence {
  @ApiProperty() line: number;
  @ApiProperty() column: number;
}

export class TemplateVariableView {
  @ApiProperty({ description: 'Canonical upper-case name' }) name: string;
  @ApiPropertyOptional() defaultValue?: string;
  @ApiProperty({ type: [VariableOccurrence] }) occurrences: VariableOccurrence[];
}

export class HierarchyPlacement {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) repositoryPath: string | null;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
}

const WITHHELD_REASONS = ['SECRET_DETECTED', 'FINDINGS_TOO_MANY', 'FINDINGS_NOT_ACKNOWLEDGED'];

export class WithheldVersion {
  @ApiProperty() number: number;
  @ApiProperty({ enum: WITHHELD_REASONS, description: 'The secret policy check it fails' }) reason: string;
  @ApiProperty({ format: 'date-time' }) withheldAt: string;
}

export class SecretCounts {
  @ApiProperty({ description: 'Findings that block sharing' }) high: number;
  @ApiProperty({ description: 'Findings to acknowledge before sharing' }) low: number;
}

export class FindingTotals {
  @ApiProperty({ type: SecretCounts, description: 'Secret findings by confidence, all of them' }) secrets: SecretCounts;
  @ApiProperty({ description: 'Hidden-instruction findings, all of them' }) hiddenInstructions: number;
  @ApiProperty({ description: 'More findings than listed (SCAN_MAX_LISTED_FINDINGS); the counts are exact' })
  truncated: boolean;
}

export class AttachedFileView {
  @ApiProperty({ example: 'references/api.md', description: 'Relative to the main file’s folder' }) path: string;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) contentHash: string;
  @ApiProperty({
    type: [ScanFindingView],
    description:
      'Text files: the scan when written (binary: none). At most 200 across all files, ' +
      'secrets first: see findingTotals',
  })
  findings: ScanFindingView[];
  @ApiProperty({ type: FindingTotals, description: 'Exact counts for this file; truncated when not all are listed' })
  findingTotals: FindingTotals;
}

export class BlueprintDetail extends BlueprintSummary {
  @ApiProperty({ description: 'Bumped by every write; the ETag is "r<revision>"' }) revision: number;
  @ApiProperty({ description: 'The version this content is' }) version: number;
  @ApiProperty({ description: 'True when the content is not the published version' }) isDraft: boolean;
  @ApiProperty() content: string;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) contentHash: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: [ScanFindingView], description: 'At most SCAN_MAX_LISTED_FINDINGS: see findingTotals' })
  findings: ScanFindingView[];
  @ApiProperty({ type: FindingTotals }) findingTotals: FindingTotals;
  @ApiProperty({
    type: [AttachedFileView],
    description: 'A skill’s other files (GET /blueprints/{id}/files?path= for one file’s bytes); [] for other kinds',
  })
  files: AttachedFileView[];
  @ApiProperty({ type: [TemplateVariableView] }) variables: TemplateVariableView[];
  @ApiProperty() isOwner: boolean;
  @ApiProperty() isFavorite: boolean;
  @ApiProperty({ type: HierarchyPlacement, nullable: true }) hierarchy: HierarchyPlacement | null;
  @ApiProperty({
    type: [WithheldVersion],
    description:
      'For the owner: once-published versions the secret policy withholds from everyone else (empty for others)',
  })
  withheldVersions: WithheldVersion[];
}

export class FacetCount {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class FacetSample {
  @ApiProperty({ type: 'integer', description: 'How many of the matches the counts were taken over' }) size: number;
}

export class CatalogFacets {
  @ApiProperty({ type: [FacetCount] }) kind: FacetCount[];
  @ApiProperty({ type: [FacetCount] }) tool: FacetCount[];
  @ApiProperty({ type: [FacetCount] }) category: FacetCount[];
  @ApiProperty({ type: [FacetCount] }) tags: FacetCount[];
  @ApiProperty({ type: [FacetCount] }) license: FacetCount[];
  @ApiPropertyOptional({
    type: FacetSample,
    description:
      'Present when the query matches more blueprints than were counted: the counts are over a sample of this size, ' +
      'so they are proportions, not totals',
  })
  sample?: FacetSample;
}

export class SearchCorrection {
  @ApiProperty({ description: 'The word as typed' }) word: string;
  @ApiProperty({ description: 'The word searched for instead' }) suggestion: string;
}

export class SearchApproximation {
  @ApiProperty({ description: 'The corrected search the items and facets are for' }) query: string;
  @ApiProperty({ type: [SearchCorrection] }) corrections: SearchCorrection[];
}

export class BlueprintPage {
  @ApiProperty({ type: [BlueprintSummary] }) items: BlueprintSummary[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor: string | null;
  @ApiPropertyOptional({ type: CatalogFacets }) facets?: CatalogFacets;
  @ApiPropertyOptional({
    type: SearchApproximation,
    description:
      'Present only when nothing matched the words as typed: the items, facets and cursor are for this corrected ' +
      'search (typos corrected to words of listed names and tags)',
  })
  approximate?: SearchApproximation;
}

export class VersionSummary {
  @ApiProperty() number: number;
  @ApiProperty() contentHash: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() format: string;
  @ApiProperty() changelog: string;
  @ApiProperty({ type: AuthorRef, nullable: true }) author: AuthorRef | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) restoredFrom: number | null;
  @ApiProperty({ description: 'This is the version the public sees' }) isPublished: boolean;
  @ApiProperty({ description: 'Withheld from readers by the secret policy (only its owner sees such a version)' })
  withheld: boolean;
  @ApiProperty({ type: String, enum: WITHHELD_REASONS, nullable: true }) withheldReason: string | null;
  @ApiProperty({ type: [AttachedFileView], description: 'The version’s attached files' }) files: AttachedFileView[];
}

export class VersionList {
  @ApiProperty({ type: [VersionSummary] }) items: VersionSummary[];
  @ApiProperty({
    description:
      "Older versions the owner's plan does not list (versionHistory): kept, not deleted, and listed again after an " +
      'upgrade. 0 when none',
    example: 0,
  })
  heldBackByPlan: number;
}

export class VersionDetail extends VersionSummary {
  @ApiProperty() content: string;
  @ApiProperty({ type: [ScanFindingView], description: 'At most SCAN_MAX_LISTED_FINDINGS: see findingTotals' })
  findings: ScanFindingView[];
  @ApiProperty({ type: FindingTotals }) findingTotals: FindingTotals;
}

export class AttachedFileChange {
  @ApiProperty({ example: 'references/api.md' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: string;
}

export class VersionDiff {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ description: 'Unified diff of the two contents' }) unified: string;
  @ApiProperty({
    type: [AttachedFileChange],
    description: 'Attached files added, removed or changed between the two versions, in path order',
  })
  files: AttachedFileChange[];
}

export class VariableList {
  @ApiProperty({ type: [TemplateVariableView] }) variables: TemplateVariableView[];
}

export class RenderedVariable {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['request', 'saved', 'default', 'unresolved'] }) source: string;
}

export class ConversionChangeView {
  @ApiProperty({ description: 'A neutral field (allowedTools), a source key (license), body, or file:<path>' })
  field: string;
  @ApiProperty({ enum: ['dropped', 'changed', 'derived', 'translated'] }) change: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() from?: string;
  @ApiPropertyOptional() to?: string;
}

export class ConversionReportView {
  @ApiProperty({ description: 'The source tool or format' }) from: string;
  @ApiProperty({ description: 'The target format id' }) to: string;
  @ApiProperty({ description: 'Nothing was dropped or changed (derived and translated values keep the meaning)' })
  lossless: boolean;
  @ApiProperty({ type: [ConversionChangeView] }) changes: ConversionChangeView[];
}

export class RenderedAttachedFile {
  @ApiProperty({ description: 'Relative to the repository root, beside the main file' }) path: string;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding: string;
}

export class RenderedFile {
  @ApiProperty({ description: 'The version rendered' }) version: number;
  @ApiProperty() format: string;
  @ApiProperty({ description: 'Where the tool expects the file, relative to the repository root' }) path: string;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() content: string;
  @ApiProperty({ type: [RenderedVariable] }) variables: RenderedVariable[];
  @ApiProperty({ type: [String] }) unresolved: string[];
  @ApiProperty({
    type: ConversionReportView,
    description: 'What the conversion dropped, changed, derived or translated (the same report as downloads)',
  })
  conversion: ConversionReportView;
  @ApiProperty({
    type: [String],
    description: 'The fields of the conversion’s dropped entries (kept for older clients)',
  })
  droppedFields: string[];
  @ApiProperty({
    type: [RenderedAttachedFile],
    description: 'A skill’s attached files at their target paths; download with archive=zip to get them',
  })
  files: RenderedAttachedFile[];
}

export class ScanResult {
  @ApiProperty({
    type: [ScanFindingView],
    description: 'At most SCAN_MAX_LISTED_FINDINGS, secrets first, in position order: see truncated',
  })
  findings: ScanFindingView[];
  @ApiProperty({ type: SecretCounts, description: 'Secret findings by confidence, all of them' }) secrets: SecretCounts;
  @ApiProperty({ description: 'Hidden-instruction findings, all of them' }) hiddenInstructions: number;
  @ApiProperty({ description: 'More findings than listed; the counts are exact' }) truncated: boolean;
  @ApiProperty({ type: [TemplateVariableView] }) variables: TemplateVariableView[];
}

export class FavoriteState {
  @ApiProperty() favorite: boolean;
  @ApiProperty() favoriteCount: number;
}

export class FormatTargetView {
  @ApiProperty({ example: 'cursor-rules' }) id: string;
  @ApiProperty({ example: 'cursor' }) tool: string;
  @ApiProperty({ example: 'Cursor' }) toolName: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: BLUEPRINT_KINDS, isArray: true }) kinds: string[];
  @ApiProperty({ example: '.cursor/rules/{slug}.mdc' }) path: string;
  @ApiProperty({ enum: ['markdown', 'mdc', 'json', 'yaml', 'toml'] }) syntax: string;
  @ApiProperty() mediaType: string;
  @ApiPropertyOptional() docsUrl?: string;
}

export class FormatList {
  @ApiProperty({ type: [FormatTargetView] }) items: FormatTargetView[];
}

export class ImportDetectionView {
  @ApiProperty({ example: 'claude-agent' }) format: string;
  @ApiProperty({ enum: BLUEPRINT_KINDS }) kind: string;
  @ApiProperty({ enum: ['certain', 'likely', 'guess'] }) confidence: string;
  @ApiProperty({ enum: ['given', 'path', 'layout', 'content'] }) method: string;
  @ApiProperty({ example: 'path .claude/agents/*.md' }) reason: string;
  @ApiProperty({ type: [String], description: 'Other formats that would also fit, best first' })
  alternatives: string[];
}

export class ImportReadNoteView {
  @ApiProperty({ example: 'LENIENT_FRONTMATTER' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() key?: string;
}

/** An imported blueprint, with how its file was read. */
export class ImportedBlueprint extends BlueprintDetail {
  @ApiProperty({ type: ImportDetectionView, description: 'The format and kind the file was taken as, and why' })
  detection: ImportDetectionView;
  @ApiProperty({ type: [ImportReadNoteView], description: 'Tolerances the reading needed (LENIENT_FRONTMATTER)' })
  readNotes: ImportReadNoteView[];
}
