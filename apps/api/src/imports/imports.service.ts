import { setImmediate } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import type { Principal } from '../auth/principal';
import { ContentOwnership } from '../blueprints/content-ownership';
import { slugify } from '../blueprints/blueprint-rules';
import { BlueprintsService, importedName } from '../blueprints/blueprints.service';
import type { ImportBlueprintRequest } from '../blueprints/dto/blueprint-requests.dto';
import { HierarchyNotFoundError } from '../blueprints/blueprints.errors';
import { HierarchiesService } from '../blueprints/hierarchies.service';
import { AppError } from '../common/errors/app-error';
import { detect, importFile, type AttachedFile, type Detection, type ImportResult } from '@lynxprompt/formats';
import { scanContent, type ScanReport } from '../scanning';
import {
  checkBatch,
  groupItems,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MAX_IMPORT_TOTAL_BYTES,
  type BatchFile,
  type BatchItem,
  type IncomingFile,
} from './import-batch';
import { ImportNothingToImportError, ImportUnknownItemError } from './imports.errors';
import type { CreateImportRequest } from './dto/import-requests.dto';
import type {
  ImportConflictView,
  ImportErrorView,
  ImportItemResult,
  ImportOutcome,
  ImportPreview,
  ImportPreviewItem,
  ImportScanView,
} from './dto/import-responses.dto';

/** Scans in flight at once: the worker pool queues the rest, but a batch should not crowd out other requests. */
const SCAN_CONCURRENCY = 4;

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

function errorView(error: AppError): ImportErrorView {
  return {
    code: error.code,
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  };
}

function scanView(report: ScanReport): ImportScanView {
  return {
    findings: report.findings,
    secrets: report.secrets,
    hiddenInstructions: report.hiddenInstructions,
    truncated: report.truncated,
  };
}

/**
 * The batch's items with each main file's detection (text files only): what preview and import both start from.
 * Detection parses frontmatter (up to ~20 ms on a hostile 256 KB file): other requests get a turn between files.
 */
async function readBatch(
  files: readonly IncomingFile[],
): Promise<{ items: BatchItem[]; detections: Map<BatchFile, Detection> }> {
  const items = groupItems(checkBatch(files));
  const detections = new Map<BatchFile, Detection>();
  for (const { file } of items) {
    if (file.encoding !== 'utf8') continue;
    await setImmediate();
    const detection = detect({ path: file.path, content: file.content });
    if (detection) detections.set(file, detection);
  }
  return { items, detections };
}

function attachedFiles(item: BatchItem): AttachedFile[] {
  return item.attachments.map(({ relativePath, file }) => ({
    path: relativePath,
    content: file.content,
    encoding: file.encoding,
  }));
}

/**
 * Importing many files at once: a preview that stores nothing (what each file is, what the scanner finds, what would
 * clash), then the import of the items the user kept, each on its own through the same write path as a single
 * import, so one bad file never takes the others down.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly blueprints: BlueprintsService,
    private readonly hierarchies: HierarchiesService,
    private readonly ownership: ContentOwnership,
  ) {}

  async preview(principal: Principal, files: readonly IncomingFile[], organization?: string): Promise<ImportPreview> {
    const owner = await this.ownership.newOwner(principal, organization);
    const { items, detections } = await readBatch(files);
    const previews = await mapLimit(items, SCAN_CONCURRENCY, (item) =>
      this.previewItem(item, detections.get(item.file)),
    );
    await this.addConflicts(owner, previews);
    return {
      items: previews,
      limits: {
        maxFiles: MAX_IMPORT_FILES,
        maxFileBytes: MAX_IMPORT_FILE_BYTES,
        maxTotalBytes: MAX_IMPORT_TOTAL_BYTES,
      },
    };
  }

  /**
   * Each requested item is imported on its own, in order: a failure is that item's result (its code and message)
   * and the others go on. Everything that refuses the whole request (limits, an item the files do not hold, all
   * skipped) is decided before anything is written. A new hierarchy is removed again when no item made it in.
   */
  async import(principal: Principal, request: CreateImportRequest): Promise<ImportOutcome> {
    const { items } = await readBatch(request.files);
    const byPath = new Map(items.map((item) => [item.path, item]));
    const chosen = request.items.map((choice) => {
      const item = byPath.get(choice.path.replace(/\\/g, '/'));
      if (!item) throw new ImportUnknownItemError(choice.path);
      return { choice, item };
    });
    if (chosen.every(({ choice }) => choice.skip)) throw new ImportNothingToImportError();
    // Refused as a whole (not item by item) when the caller may not create for that owner.
    await this.ownership.newOwner(principal, request.organization);

    const hierarchy = await this.targetHierarchy(principal, request);
    const results: ImportItemResult[] = [];
    try {
      for (const { choice, item } of chosen) {
        const base = { path: item.path, attachedFiles: item.attachments.length };
        if (choice.skip) {
          results.push({ ...base, status: 'skipped', ...NO_BLUEPRINT, attachedFiles: 0 });
          continue;
        }
        if (item.file.encoding !== 'utf8') {
          results.push({
            ...base,
            status: 'failed',
            ...NO_BLUEPRINT,
            error: { code: 'IMPORT_BINARY_FILE', message: 'A binary file cannot be imported on its own' },
          });
          continue;
        }
        // `files` is the shared shape for attachments; the create path stores them where it supports them.
        const input: ImportBlueprintRequest & { files?: AttachedFile[] } = {
          content: item.file.content,
          path: item.path,
          ...(choice.format ? { format: choice.format } : {}),
          ...(choice.kind ? { kind: choice.kind } : {}),
          ...(choice.name ? { name: choice.name } : {}),
          ...(request.organization ? { organization: request.organization } : {}),
          ...(hierarchy ? { hierarchyId: hierarchy.id, repositoryPath: item.path } : {}),
          ...(item.attachments.length > 0 ? { files: attachedFiles(item) } : {}),
        };
        try {
          const detail = await this.blueprints.importFile(principal, input);
          results.push({
            ...base,
            status: 'created',
            blueprintId: detail.id,
            name: detail.name,
            slug: detail.slug,
            format: detail.format,
            kind: detail.kind,
            error: null,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ ...base, status: 'failed', ...NO_BLUEPRINT, error: errorView(error) });
        }
      }
    } finally {
      if (hierarchy?.isNew && !results.some((result) => result.status === 'created')) {
        await this.hierarchies.delete(principal, hierarchy.id);
      }
    }
    const count = (status: string) => results.filter((result) => result.status === status).length;
    const created = count('created');
    return {
      hierarchyId: hierarchy && (created > 0 || !hierarchy.isNew) ? hierarchy.id : null,
      created,
      skipped: count('skipped'),
      failed: count('failed'),
      items: results,
    };
  }

  /** The hierarchy the items go into: none, one of yours named by id, or a new one. */
  private async targetHierarchy(
    principal: Principal,
    request: CreateImportRequest,
  ): Promise<{ id: string; isNew: boolean } | undefined> {
    if (request.target !== 'hierarchy') return undefined;
    if (request.hierarchyId !== undefined) {
      const existing = await this.hierarchies.get(request.hierarchyId, principal);
      if (!existing.isOwner) throw new HierarchyNotFoundError();
      return { id: existing.id, isNew: false };
    }
    const created = await this.hierarchies.create(principal, {
      name: request.hierarchyName ?? 'Imported files',
      organization: request.organization,
    });
    return { id: created.id, isNew: true };
  }

  private async previewItem(item: BatchItem, detection: Detection | undefined): Promise<ImportPreviewItem> {
    const attachments = await mapLimit(item.attachments, 1, async ({ relativePath, file }) => ({
      path: relativePath,
      repositoryPath: file.path,
      encoding: file.encoding,
      sizeBytes: file.sizeBytes,
      scan: file.encoding === 'utf8' ? await this.scanOrError(file.content) : null,
    }));
    const base = { path: item.path, attachments, conflicts: [] as ImportConflictView[], notes: [] };
    if (item.file.encoding !== 'utf8') {
      return {
        ...base,
        status: 'unknown',
        reason: 'A binary file, and not part of a skill folder',
        detection: null,
        name: null,
        slug: null,
        scan: null,
        error: null,
      };
    }
    const scan = await this.scanOrError(item.file.content);
    if (!detection) {
      return {
        ...base,
        status: 'unknown',
        reason: `No format recognises the path ${item.path} or the file's content; choose one to import it`,
        detection: null,
        name: null,
        slug: null,
        scan,
        error: null,
      };
    }
    let read: ImportResult;
    try {
      read = importFile({ content: item.file.content, format: detection.format, path: item.path });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ...base,
        status: 'invalid',
        reason: detection.reason,
        detection,
        name: null,
        slug: null,
        scan,
        error: errorView(error),
      };
    }
    const name = importedName(read.document.name, item.path, read.format);
    return {
      ...base,
      status: 'ready',
      reason: detection.reason,
      detection,
      name,
      slug: slugify(name),
      notes: read.notes,
      scan,
      error: null,
    };
  }

  /** A scan that runs out of time is reported as no scan, not as a failed preview: the import scans again anyway. */
  private async scanOrError(content: string): Promise<ImportScanView | null> {
    try {
      return scanView(await scanContent(content));
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  }

  /** Items that would land on a slug you already use, or on the same slug as another item of the batch. */
  private async addConflicts(owner: Ownership, previews: ImportPreviewItem[]): Promise<void> {
    const named = previews.filter((preview): preview is ImportPreviewItem & { slug: string } => preview.slug !== null);
    const holders = await this.blueprints.slugHolders(owner, [...new Set(named.map((preview) => preview.slug))]);
    const bySlug = new Map<string, string[]>();
    for (const preview of named) bySlug.set(preview.slug, [...(bySlug.get(preview.slug) ?? []), preview.path]);
    for (const preview of named) {
      if (holders.has(preview.slug)) {
        preview.conflicts.push({
          code: 'SLUG_EXISTS',
          message: `You already have a blueprint with the slug ${preview.slug}; this one would be numbered`,
          blueprintId: holders.get(preview.slug) ?? null,
        });
      }
      const others = bySlug.get(preview.slug)!.filter((path) => path !== preview.path);
      if (others.length > 0) {
        preview.conflicts.push({
          code: 'SAME_NAME_IN_BATCH',
          message: `${others.join(', ')} would get the same name; the later ones would be numbered`,
          paths: others,
        });
      }
    }
  }
}

const NO_BLUEPRINT = { blueprintId: null, name: null, slug: null, format: null, kind: null, error: null } as const;
