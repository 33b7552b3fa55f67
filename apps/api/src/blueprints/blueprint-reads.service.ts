import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import type { AppConfig } from '../config/config';
import { ifNoneMatchMatches } from '../common/http/conditional-get';
import { APP_CONFIG } from '../config/config.module';
import { isRemoteBlueprintId } from '../federation/remote-blueprints/remote-blueprint-rules';
import type { RemoteBlueprintRow } from '../federation/remote-blueprints/remote-blueprints.repository';
import { RemoteBlueprintsService } from '../federation/remote-blueprints/remote-blueprints.service';
import {
  buildZip,
  exportDocument,
  getFormat,
  importFile,
  parseVariables,
  renderTemplate,
  type AttachedFile,
  type ConversionReport,
  type ExportedFile,
  type ZipEntry,
} from '@lynxprompt/formats';
import { ProfilesService } from '../profiles/profiles.service';
import { SavedVariablesService } from '../saved-variables/saved-variables.service';
import { storedScanReport, stripHiddenContent } from '../scanning';
import { mayReadVersion, readAccess, sharedWithEveryone } from './blueprint-access';
import { slugify } from './blueprint-rules';
import { remoteDetailOf, versionDetailOf, versionSummaryOf } from './blueprint-views';
import {
  AttachedFileNotFoundError,
  BlueprintNotFoundError,
  NothingToPublishError,
  VersionNotFoundError,
} from './blueprints.errors';
import { attachedFileChanges, toAttachedFiles } from './attached-files';
import { CONVERSION_FILE, conversionMarkdown, unchangedReport } from './conversion-report';
import { BlueprintsRepository } from './blueprints.repository';
import { BlueprintsService } from './blueprints.service';
import { VersionDiffs } from './version-diffs';
import { VersionHistory, type HistorySubject, type HistoryWindow } from './version-history';
import type {
  BlueprintDetail,
  RenderedFile,
  VariableList,
  VersionDetail,
  VersionDiff,
  VersionList,
} from './dto/blueprint-responses.dto';

export interface RawContent {
  etag: string;
  mediaType: string;
  /** Undefined when the caller's If-None-Match already matches: no need to read the content. */
  content?: string;
  /** Whether everyone may read it (public or unlisted), so shared caches may keep it. */
  shared: boolean;
}

export interface DownloadFile {
  fileName: string;
  mediaType: string;
  body: string | Uint8Array;
  /** What the file holds of hidden instructions, for the reader's warning (response headers). */
  hidden?: HiddenInExport;
  /** What the conversion dropped or changed (X-Conversion-Report; CONVERSION.md inside a zip). */
  conversion?: ConversionReport;
  /** Without archive=zip: the attached files the response leaves out, at their repository paths (X-Attached-Files). */
  attachedFiles?: string[];
}

/** One attached file's bytes, for GET /blueprints/:id/files. */
export interface AttachedFileContent {
  path: string;
  encoding: string;
  content: Buffer;
  contentHash: string;
}

export interface HiddenInExport {
  /** Hidden-instruction findings in the file as sent: the version's own scan, or what stripping left. */
  findings: number;
  /** With strip=hidden: what was removed. */
  removed?: { invisibleCharacters: number; htmlComments: number };
}

/** Who downloaded, for counting once per day: the user, or a keyed hash of the address that changes daily. */
export interface Visitor {
  userId?: string;
  ip?: string;
}

@Injectable()
export class BlueprintReadsService {
  constructor(
    private readonly repository: BlueprintsRepository,
    private readonly blueprints: BlueprintsService,
    private readonly savedVariables: SavedVariablesService,
    private readonly remote: RemoteBlueprintsService,
    private readonly diffs: VersionDiffs,
    private readonly history: VersionHistory,
    private readonly access: AccessService,
    private readonly profiles: ProfilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string, principal: Principal | undefined, prefer?: 'published' | 'draft'): Promise<BlueprintDetail> {
    if (isRemoteBlueprintId(id)) {
      const remote = await this.readableRemote(id, principal);
      // Our own scan, not the peer's word, made once when the crawler stored the content: reads never scan.
      return remoteDetailOf(remote, { variables: parseVariables(remote.content) });
    }
    const row = await this.repository.findById(id);
    if (!row) throw new BlueprintNotFoundError();
    return this.blueprints.detail(row, principal, prefer);
  }

  /**
   * A blueprint by its owner's handle and its slug (`@handle/slug`), read exactly as by id: an unknown handle is
   * PROFILE_NOT_FOUND; others' private ones are not found, like slugs never used.
   */
  async getByHandleSlug(
    handle: string,
    slug: string,
    principal: Principal | undefined,
    prefer?: 'published' | 'draft',
  ): Promise<BlueprintDetail> {
    const row = await this.repository.findByOwnerSlug(await this.profiles.ownerOf(handle), slug);
    if (!row) throw new BlueprintNotFoundError();
    return this.blueprints.detail(row, principal, prefer);
  }

  /**
   * The published content, for tools and peers. A conditional GET is answered from the stored hash without reading
   * the content; otherwise the state and the content come in one round trip.
   */
  async raw(id: string, principal: Principal | undefined, ifNoneMatch: string | undefined): Promise<RawContent> {
    if (isRemoteBlueprintId(id)) return this.remoteRaw(id, principal, ifNoneMatch);
    const state =
      ifNoneMatch === undefined ? await this.repository.rawWithContent(id) : await this.repository.rawState(id);
    if (!state || state.deletedAt) throw new BlueprintNotFoundError();
    if (state.publishedVersion === null || state.publishedHash === null) {
      readAccess(state, await this.access.actorOf(principal));
      throw new NothingToPublishError();
    }
    readAccess(state, await this.access.actorOf(principal), 'published');
    const etag = `"${state.publishedHash}"`;
    const shared = sharedWithEveryone(state.visibility);
    if (ifNoneMatchMatches(ifNoneMatch, etag)) return { etag, mediaType: getFormat(state.format).mediaType, shared };
    const version =
      'content' in state && state.content !== null && state.contentFormat !== null
        ? { content: state.content, format: state.contentFormat }
        : await this.repository.publishedContent(id, state.publishedVersion);
    if (!version) throw new BlueprintNotFoundError();
    return {
      etag,
      mediaType: getFormat(version.format).mediaType,
      content: version.content,
      shared,
    };
  }

  /** Newest first; the owner's plan may hold older versions back (`heldBackByPlan` says how many). */
  async versions(id: string, principal: Principal | undefined): Promise<VersionList> {
    const row = await this.repository.findById(id);
    const access = readAccess(row, await this.access.actorOf(principal));
    const history = await this.historyOf(row);
    const versions = await this.repository.listVersions(id, !access.readsDrafts);
    const readable = versions.filter((version) => mayReadVersion(access, version));
    const listed = readable.filter((version) => !history.heldBack(version.number));
    const files = await this.repository.filesOfVersions(listed.map((version) => version.id));
    return {
      items: listed.map((version) =>
        versionSummaryOf(version, row?.publishedVersion ?? null, files.get(version.id) ?? []),
      ),
      heldBackByPlan: readable.length - listed.length,
    };
  }

  async version(id: string, number: number, principal: Principal | undefined): Promise<VersionDetail> {
    const row = await this.repository.findById(id);
    const access = readAccess(row, await this.access.actorOf(principal));
    const version = await this.repository.findVersion(id, number);
    if (!version || !mayReadVersion(access, version)) throw new VersionNotFoundError(number);
    await (await this.historyOf(row)).assertListed(number, access.isOwner);
    return versionDetailOf(version, row?.publishedVersion ?? null, await this.repository.versionFiles(version.id));
  }

  /** One attached file of the version this caller reads (or of `number`, when it may read that one). */
  async file(
    id: string,
    path: string,
    number: number | undefined,
    principal: Principal | undefined,
  ): Promise<AttachedFileContent> {
    // A remote copy is one file: it has nothing attached.
    if (isRemoteBlueprintId(id)) {
      await this.readableRemote(id, principal);
      throw new AttachedFileNotFoundError(path);
    }
    const row = await this.repository.findById(id);
    const access = readAccess(row, await this.access.actorOf(principal));
    const wanted = number ?? access.version;
    const version = await this.repository.findVersion(id, wanted);
    if (!version || !mayReadVersion(access, version)) throw new VersionNotFoundError(wanted);
    await (await this.historyOf(row)).assertListed(wanted, access.isOwner);
    const file = await this.repository.versionFile(version.id, path);
    if (!file) throw new AttachedFileNotFoundError(path);
    return file;
  }

  async diff(id: string, from: number, to: number, principal: Principal | undefined): Promise<VersionDiff> {
    const row = await this.repository.findById(id);
    const access = readAccess(row, await this.access.actorOf(principal));
    const [a, b] = await Promise.all([this.repository.findVersion(id, from), this.repository.findVersion(id, to)]);
    if (!a || !mayReadVersion(access, a)) throw new VersionNotFoundError(from);
    if (!b || !mayReadVersion(access, b)) throw new VersionNotFoundError(to);
    const history = await this.historyOf(row);
    await history.assertListed(from, access.isOwner);
    await history.assertListed(to, access.isOwner);
    const files = await this.repository.filesOfVersions([a.id, b.id]);
    return {
      from,
      to,
      unified: await this.diffs.unified(a, b),
      files: attachedFileChanges(files.get(a.id) ?? [], files.get(b.id) ?? []),
    };
  }

  async variables(id: string, principal: Principal | undefined): Promise<VariableList> {
    const { content } = await this.readable(id, principal);
    return { variables: parseVariables(content) };
  }

  /**
   * Fills the template variables (request values, then the caller's saved values, then defaults) and converts the
   * result to the target format. Nothing rendered is stored.
   */
  async render(
    id: string,
    principal: Principal | undefined,
    input: { format?: string; values?: Record<string, string>; version?: number },
  ): Promise<RenderedFile> {
    const source = await this.readable(id, principal, input.version);
    const rendered = await this.fill(source.content, principal, input.values);
    const { files } = await this.attachedFilesOf(source);
    const file = this.convert(rendered.content, source.format, input.format ?? source.format, source, files);
    return {
      version: source.version,
      format: file.format,
      path: file.path,
      fileName: file.fileName,
      mediaType: file.mediaType,
      content: file.content,
      variables: rendered.variables,
      unresolved: rendered.unresolved,
      conversion: file.report,
      droppedFields: file.droppedFields,
      files: file.files.map((attached) => ({ path: attached.path, encoding: attached.encoding })),
    };
  }

  /**
   * The filled file as an attachment, what the web app's Download buttons fetch: variables filled as by render,
   * converted, put in a zip when asked, and counted as a download as by export.
   */
  async download(
    id: string,
    principal: Principal | undefined,
    input: { format?: string; values?: Record<string, string>; archive?: 'zip'; strip?: 'hidden' },
    visitor: Visitor,
  ): Promise<DownloadFile> {
    const source = await this.readable(id, principal);
    const rendered = await this.fill(source.content, principal, input.values);
    return this.attachment(id, { ...source, content: rendered.content }, input, visitor);
  }

  /** Request values first, then the caller's saved values (when it may use them), then the defaults. */
  /** The owner's history window; `row` is one readAccess let through (so it exists). */
  private historyOf(row: HistorySubject | null): Promise<HistoryWindow> {
    if (!row) throw new BlueprintNotFoundError();
    return this.history.window(row);
  }

  private async fill(content: string, principal: Principal | undefined, values: Record<string, unknown> | undefined) {
    const saved = await this.savedVariables.valuesFor(principal);
    return renderTemplate(content, { request: stringValues(values), saved });
  }

  /** The file as the target tool reads it (template variables left in place), counted as a download. */
  async export(
    id: string,
    principal: Principal | undefined,
    input: { format?: string; archive?: 'zip'; strip?: 'hidden' },
    visitor: Visitor,
  ): Promise<DownloadFile> {
    return this.attachment(id, await this.readable(id, principal), input, visitor);
  }

  /** Converts, strips and zips when asked, and counts the download: one path for export and download. */
  private async attachment(
    id: string,
    source: ReadableContent,
    input: { format?: string; archive?: 'zip'; strip?: 'hidden' },
    visitor: Visitor,
  ): Promise<DownloadFile> {
    const attached = await this.attachedFilesOf(source);
    const converted = this.convert(
      source.content,
      source.format,
      input.format ?? source.format,
      source,
      attached.files,
    );
    // A zip carries the attached files too: their hidden instructions count, and strip=hidden strips them as well.
    const zipped = input.archive === 'zip';
    const { file, hidden } = await withHiddenContent(
      converted,
      source.hiddenFindings + (zipped ? attached.hiddenFindings : 0),
      input.strip,
      zipped,
    );
    // Downloads of a remote blueprint are its origin's to count; we only mirror the peer's figure.
    if (!isRemoteBlueprintId(id)) await this.countDownload(id, visitor);
    const conversion = file.report;
    if (input.archive === 'zip') {
      // The whole folder in the target tool's layout, with the report beside it.
      const entries: ZipEntry[] = [
        { path: file.path, content: file.content },
        ...file.files.map((extra) => ({ path: extra.path, content: attachedBytes(extra) })),
        {
          path: CONVERSION_FILE,
          content: conversionMarkdown([
            { path: file.path, report: conversion, attached: file.files.map((extra) => extra.path) },
          ]),
        },
      ];
      return {
        fileName: `${source.slug}.zip`,
        mediaType: 'application/zip',
        body: buildZip(entries),
        hidden,
        conversion,
      };
    }
    return {
      fileName: file.fileName,
      mediaType: file.mediaType,
      body: file.content,
      hidden,
      conversion,
      attachedFiles: file.files.map((extra) => extra.path),
    };
  }

  /** The version's attached files (none for a remote copy: federation carries one file). */
  private async attachedFilesOf(source: ReadableContent): Promise<{ files: AttachedFile[]; hiddenFindings: number }> {
    if (source.versionId === undefined) return { files: [], hiddenFindings: 0 };
    const stored = await this.repository.versionFileContents(source.versionId);
    return {
      files: toAttachedFiles(stored),
      hiddenFindings: stored.reduce((sum, file) => sum + storedScanReport(file.findings).hiddenInstructions, 0),
    };
  }

  async countDownload(id: string, visitor: Visitor): Promise<void> {
    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const key = visitor.userId
      ? `u:${visitor.userId}`
      : `ip:${createHmac('sha256', this.config.secrets.sessionSecret)
          .update(`download-visitor\0${day.toISOString()}\0${visitor.ip ?? 'unknown'}`)
          .digest('base64url')
          .slice(0, 22)}`;
    await this.repository.recordDownload(id, key, day);
  }

  /**
   * The file for the target tool, its attached files beside it. In its own format the content goes out byte for byte
   * as the author wrote it, and the report says so.
   */
  convert(
    content: string,
    fromFormat: string,
    toFormat: string,
    names: { slug: string; name: string },
    files: AttachedFile[] = [],
  ): ExportedFile {
    const target = getFormat(toFormat);
    const { document } = importFile({ content, format: fromFormat });
    // The blueprint's name names a command, skill or agent whose file carries none (`clean_gone.md`).
    const file = exportDocument({ ...document, files }, target.id, { slug: names.slug, name: names.name });
    if (target.id !== fromFormat) return file;
    return { ...file, content, droppedFields: [], report: unchangedReport(target.id) };
  }

  /**
   * The content this caller may read, with what conversion needs: the version it reads by default, or `number` when
   * it may read that one (the CLI pulls exactly the version its lockfile pins).
   */
  async readable(id: string, principal: Principal | undefined, number?: number): Promise<ReadableContent> {
    if (isRemoteBlueprintId(id)) {
      const remote = await this.readableRemote(id, principal);
      // Only the copy the crawler holds can be read: a peer's older versions are not kept here.
      if (number !== undefined && number !== (remote.remoteVersion ?? 1)) throw new VersionNotFoundError(number);
      return {
        content: remote.content,
        format: remote.format,
        slug: slugify(remote.name),
        name: remote.name,
        version: remote.remoteVersion ?? 1,
        hiddenFindings: remote.findings,
      };
    }
    const row = await this.repository.findById(id);
    const access = readAccess(row, await this.access.actorOf(principal));
    const version = await this.repository.findVersion(id, number ?? access.version);
    if (number !== undefined) {
      if (!version || !mayReadVersion(access, version)) throw new VersionNotFoundError(number);
      await (await this.historyOf(row)).assertListed(number, access.isOwner);
    }
    if (!row || !version || !mayReadVersion(access, version)) throw new BlueprintNotFoundError();
    return {
      content: version.content,
      format: version.format,
      slug: row.slug,
      name: row.name,
      version: version.number,
      versionId: version.id,
      hiddenFindings: storedScanReport(version.findings).hiddenInstructions,
    };
  }

  /** A remote blueprint this caller may read; hidden ones are "not found" except to admins. */
  async readableRemote(id: string, principal: Principal | undefined): Promise<RemoteBlueprintRow> {
    const remote = await this.remote.findReadable(id, principal);
    if (!remote) throw new BlueprintNotFoundError();
    return remote;
  }

  /** The content as the peer published it, byte for byte; its hash is the ETag, as for local blueprints. */
  private async remoteRaw(
    id: string,
    principal: Principal | undefined,
    ifNoneMatch: string | undefined,
  ): Promise<RawContent> {
    const remote = await this.readableRemote(id, principal);
    const etag = `"${remote.contentHash}"`;
    // Only admins read a hidden one: no shared cache may keep it.
    const shared = remote.hiddenAt === null;
    const mediaType = getFormat(remote.format).mediaType;
    if (ifNoneMatchMatches(ifNoneMatch, etag)) return { etag, mediaType, shared };
    return { etag, mediaType, content: remote.content, shared };
  }
}

/** The content a caller may read, with what conversion needs. */
export interface ReadableContent {
  content: string;
  format: string;
  slug: string;
  /** The blueprint's display name. */
  name: string;
  version: number;
  /** The stored version's id (its attached files); undefined for a remote copy. */
  versionId?: string;
  hiddenFindings: number;
}

function attachedBytes(file: AttachedFile): Uint8Array {
  return Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
}

/**
 * The exported file and what it holds of hidden instructions. With strip=hidden the converted file itself is
 * stripped, so what is removed is exactly what the reader would have received.
 */
async function withHiddenContent<File extends { content: string; files: AttachedFile[] }>(
  file: File,
  hiddenFindings: number,
  strip: 'hidden' | undefined,
  withAttached: boolean,
): Promise<{ file: File; hidden: HiddenInExport }> {
  if (strip !== 'hidden') return { file, hidden: { findings: hiddenFindings } };
  // Off the event loop, like every scan: the hidden-instruction rules are linear but not cheap on 256 KB.
  const stripped = await stripHiddenContent(file.content);
  const hidden = {
    findings: stripped.remaining,
    removed: { invisibleCharacters: stripped.invisibleCharacters, htmlComments: stripped.htmlComments },
  };
  if (!withAttached) return { file: { ...file, content: stripped.content }, hidden };
  const files: AttachedFile[] = [];
  for (const attached of file.files) {
    if (attached.encoding !== 'utf8') {
      files.push(attached);
      continue;
    }
    const clean = await stripHiddenContent(attached.content);
    hidden.findings += clean.remaining;
    hidden.removed.invisibleCharacters += clean.invisibleCharacters;
    hidden.removed.htmlComments += clean.htmlComments;
    files.push({ ...attached, content: clean.content });
  }
  return { file: { ...file, content: stripped.content, files }, hidden };
}

/** If-None-Match names this entity tag (weak or strong; a list is allowed). */
function stringValues(values: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string') result[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') result[name] = String(value);
  }
  return result;
}
