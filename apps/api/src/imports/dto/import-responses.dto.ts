import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BLUEPRINT_KINDS } from '../../blueprints/blueprint-rules';
import {
  ImportDetectionView,
  ImportReadNoteView,
  ScanFindingView,
  SecretCounts,
} from '../../blueprints/dto/blueprint-responses.dto';

export { ImportDetectionView, ImportReadNoteView };

export class ImportScanView {
  @ApiProperty({ type: [ScanFindingView] }) findings: ScanFindingView[];
  @ApiProperty({ type: SecretCounts }) secrets: SecretCounts;
  @ApiProperty() hiddenInstructions: number;
  @ApiProperty() truncated: boolean;
}

export class ImportAttachmentView {
  @ApiProperty({ example: 'references/api.md', description: 'Relative to the SKILL.md’s folder' }) path: string;
  @ApiProperty({ example: 'skills/pdf/references/api.md' }) repositoryPath: string;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: ImportScanView, nullable: true, description: 'null for base64 (binary) files' })
  scan: ImportScanView | null;
}

export class ImportConflictView {
  @ApiProperty({
    enum: ['SLUG_EXISTS', 'SAME_NAME_IN_BATCH'],
    description:
      'SLUG_EXISTS: you have a blueprint with this slug; SAME_NAME_IN_BATCH: another item would get the same one. ' +
      'Either way the import still succeeds, with a numbered slug (name-2)',
  })
  code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SLUG_EXISTS: your blueprint with that slug' })
  blueprintId?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'SAME_NAME_IN_BATCH: the other items' })
  paths?: string[];
}

export class ImportErrorView {
  @ApiProperty({ example: 'FORMAT_PARSE_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'As the error envelope’s details' }) details?: unknown;
}

export class ImportPreviewItem {
  @ApiProperty({ example: 'skills/pdf/SKILL.md' }) path: string;
  @ApiProperty({
    enum: ['ready', 'invalid', 'unknown'],
    description:
      'ready: detected and read; invalid: detected but not readable as that format (see error); unknown: nothing ' +
      'recognises it (see reason). Invalid and unknown items can still be imported with a format override',
  })
  status: string;
  @ApiProperty({ description: 'Why: how it was detected, or why nothing fits' }) reason: string;
  @ApiProperty({ type: ImportDetectionView, nullable: true }) detection: ImportDetectionView | null;
  @ApiProperty({ type: String, nullable: true, description: 'The name it would be imported with' }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) slug: string | null;
  @ApiProperty({ type: [ImportReadNoteView] }) notes: ImportReadNoteView[];
  @ApiProperty({ type: ImportScanView, nullable: true, description: 'null for binary files' })
  scan: ImportScanView | null;
  @ApiProperty({ type: [ImportAttachmentView], description: 'A skill’s references/, scripts/ and assets/' })
  attachments: ImportAttachmentView[];
  @ApiProperty({ type: [ImportConflictView] }) conflicts: ImportConflictView[];
  @ApiProperty({ type: ImportErrorView, nullable: true }) error: ImportErrorView | null;
}

export class ImportLimits {
  @ApiProperty() maxFiles: number;
  @ApiProperty() maxFileBytes: number;
  @ApiProperty() maxTotalBytes: number;
}

export class ImportPreview {
  @ApiProperty({ type: [ImportPreviewItem] }) items: ImportPreviewItem[];
  @ApiProperty({ type: ImportLimits }) limits: ImportLimits;
}

export class ImportItemResult {
  @ApiProperty() path: string;
  @ApiProperty({ enum: ['created', 'skipped', 'failed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) blueprintId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) slug: string | null;
  @ApiProperty({ type: String, nullable: true }) format: string | null;
  @ApiProperty({ type: String, nullable: true, enum: BLUEPRINT_KINDS }) kind: string | null;
  @ApiProperty({ description: 'Files sent with it as attachments (a skill’s resources)' }) attachedFiles: number;
  @ApiProperty({ type: ImportErrorView, nullable: true }) error: ImportErrorView | null;
}

export class ImportOutcome {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The hierarchy the items went into (a new one only when at least one item was created)',
  })
  hierarchyId: string | null;
  @ApiProperty() created: number;
  @ApiProperty() skipped: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [ImportItemResult], description: 'One per requested item, in order' })
  items: ImportItemResult[];
}
