import { toVisibleName } from '../common/text/visible-name';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal, UserPrincipal } from '../auth/principal';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { getFormat, importFile, parseVariables, type FormatTarget } from '@lynxprompt/formats';
import { scanContent, stripInvisibleCharacters, type ScanFinding, type ScanReport } from '../scanning';
import type { BlueprintVisibility, Prisma } from '../generated/prisma/client';
import type { Actor } from '../access/actor';
import type { ContentAction, Ownership } from '../access/permissions';
import { userIdOf } from '../auth/principal';
import { mayReadVersion, ownershipOf, readAccess, writerAccess, type ReadAccess } from './blueprint-access';
import { checkVisibility, ContentOwnership } from './content-ownership';
import {
  allowsDerivatives,
  BLUEPRINT_KINDS,
  checkCategory,
  checkContent,
  checkLicense,
  fromDbKind,
  knownCategory,
  usableTags,
  toDbKind,
  newPublicId,
  normaliseRepositoryPath,
  normaliseTags,
  slugify,
  type BlueprintKindName,
  type CheckedContent,
} from './blueprint-rules';
import { authorOf, detailOf } from './blueprint-views';
import { isRemoteBlueprintId, remoteLicenseAllowsFork } from '../federation/remote-blueprints/remote-blueprint-rules';
import { RemoteLicenseForbidsForkError } from '../federation/remote-blueprints/remote-blueprints.errors';
import { RemoteBlueprintsService } from '../federation/remote-blueprints/remote-blueprints.service';
import {
  AttachedFilesNotSupportedError,
  BlueprintNotFoundError,
  ContentEmptyError,
  FindingsNotAcknowledgedError,
  FindingsTooManyError,
  ForkNotAllowedError,
  InvalidParentError,
  PreconditionFailedError,
  SecretDetectedError,
  SlugTakenError,
  UnknownKindError,
  VersionNotFoundError,
  FormatKindMismatchError,
  NothingToStripError,
  TransferHierarchyMemberError,
  TransferToSameOwnerError,
} from './blueprints.errors';
import {
  BlueprintsRepository,
  StaleRevisionError,
  type ForkAttribution,
  type BlueprintMetadata,
  type BlueprintRow,
  type NewVersion,
  type PublishedState,
  type ReadableVersionsPlan,
} from './blueprints.repository';
import type { BlueprintDetail, ImportedBlueprint } from './dto/blueprint-responses.dto';
import type {
  BlueprintFieldsRequest,
  CreateBlueprintRequest,
  ImportBlueprintRequest,
} from './dto/blueprint-requests.dto';
import { CacheInvalidationBus } from '../http-cache/cache-invalidation-bus';
import { blueprintTag, FEDERATION_CATALOGUE_TAG } from '../http-cache/cache-tags';
import { HierarchiesRepository } from './hierarchies.repository';
import {
  combinedReport,
  decodeAttachedFiles,
  KINDS_WITH_FILES,
  sameFiles,
  scanAttachedFiles,
  toAttachedFiles,
  type AttachedFileInput,
  type DecodedFile,
  type ScannedFile,
} from './attached-files';
import { QuotaService, type WriteGuard } from '../quotas/quotas.service';
import type { QuotaDemand } from '../quotas/quotas.types';
import { accountOfOwner } from '../billing/billing-account';
import { EntitlementService } from '../billing/entitlements.service';
import { VersionHistory } from './version-history';

/** The content a write brings in, already checked and scanned, with its attached files. */
interface ScannedContent extends CheckedContent {
  /** The main file's own report (stored with the version). */
  report: ScanReport;
  files: ScannedFile[];
  /** The main file's and every attached file's findings: what the secret policy decides on. */
  combined: ScanReport;
}

function checkKind(kind: string): BlueprintKindName {
  if (!(BLUEPRINT_KINDS as readonly string[]).includes(kind)) throw new UnknownKindError(kind, BLUEPRINT_KINDS);
  return kind as BlueprintKindName;
}

function checkFormatForKind(formatId: string, kind: BlueprintKindName): FormatTarget {
  const format = getFormat(formatId);
  if (!format.kinds.includes(kind)) throw new FormatKindMismatchError(format.id, kind, format.kinds);
  return format;
}

/**
 * The name an imported file gets when the request names none: the file's own name, else its file name without the
 * tool's suffixes, else the format's label. A name from the file itself never passed the DTO's VisibleName rule:
 * invisible characters are dropped instead.
 */
export function importedName(documentName: string | undefined, path: string | undefined, format: FormatTarget): string {
  const segments = path?.split(/[\\/]/) ?? [];
  let fileName = segments
    .at(-1)
    ?.replace(/\.[^.]*$/, '')
    .replace(/\.(instructions|prompt|agent|chatmode)$/, '');
  // A skill is named by its folder: `skills/pdf/SKILL.md` is "pdf".
  if (fileName === 'SKILL' && segments.length > 1) fileName = segments.at(-2);
  return toVisibleName(documentName ?? fileName ?? '').trim() || format.label;
}

/** Why content may not be read by others (the findings to fix or acknowledge), or null when it may. */
export interface SecretPolicyFailure {
  reason: 'SECRET_DETECTED' | 'FINDINGS_TOO_MANY' | 'FINDINGS_NOT_ACKNOWLEDGED';
  /** The listed findings at fault (for FINDINGS_TOO_MANY, the report's totals say how many more there are). */
  findings: ScanFinding[];
}

/**
 * Secrets must not leave the author: what others can read may hold no high-confidence secret, and every
 * low-confidence finding must be acknowledged by id. Decided on the report's exact totals, not its list, which is
 * capped: a high-confidence secret beyond the cap still refuses, and low-confidence ones beyond it, having no id
 * the author could acknowledge, refuse too.
 */
export function secretPolicyFailure(
  report: ScanReport,
  acknowledged: readonly string[] = [],
): SecretPolicyFailure | null {
  const secrets = report.findings.filter((finding) => finding.category === 'secret');
  const high = secrets.filter((finding) => finding.confidence === 'high');
  if (report.secrets.high > 0) return { reason: 'SECRET_DETECTED', findings: high };
  const low = secrets.filter((finding) => finding.confidence === 'low');
  if (report.secrets.low > low.length) return { reason: 'FINDINGS_TOO_MANY', findings: [] };
  const unacknowledged = low.filter((finding) => !acknowledged.includes(finding.id));
  if (unacknowledged.length > 0) return { reason: 'FINDINGS_NOT_ACKNOWLEDGED', findings: unacknowledged };
  return null;
}

/**
 * The secret policy for content others will be able to read (any visibility but private; private blueprints are the
 * author's own). `version` names the stored version checked, so the error can say which one fails.
 */
export function enforceSecretPolicy(
  report: ScanReport,
  visibility: BlueprintVisibility,
  acknowledged: readonly string[] = [],
  version?: number,
): void {
  if (visibility === 'private') return;
  const failure = secretPolicyFailure(report, acknowledged);
  if (!failure) return;
  if (failure.reason === 'SECRET_DETECTED') throw new SecretDetectedError(failure.findings, version);
  if (failure.reason === 'FINDINGS_TOO_MANY') {
    throw new FindingsTooManyError(report.secrets, report.findings.length, version);
  }
  throw new FindingsNotAcknowledgedError(failure.findings, version);
}

/** The acknowledgements that apply to these findings: kept with the version, so a later recheck honours them. */
function acknowledgementsFor(findings: readonly ScanFinding[], acknowledged: readonly string[] = []): string[] {
  const low = findings.filter((finding) => finding.category === 'secret' && finding.confidence === 'low');
  return [...new Set(low.map((finding) => finding.id).filter((id) => acknowledged.includes(id)))];
}

/** Bytes a version adds to the storage quota: its content and its attached files. */
function versionBytes(version: NewVersion): number {
  return (version.files ?? []).reduce((sum, file) => sum + file.sizeBytes, version.sizeBytes);
}

/** A blueprint entering a hierarchy it was not in takes one place of that hierarchy's quota. */
function joining(hierarchyId: string | null | undefined, currentHierarchyId?: string | null): QuotaDemand[] {
  return hierarchyId && hierarchyId !== currentHierarchyId
    ? [{ quota: 'hierarchyMembers', hierarchyId, wanted: 1 }]
    : [];
}

/** Blueprints the plan's `privateBlueprints` counts: those not shared with everyone. */
export function countsAsPrivate(visibility: string): boolean {
  return visibility === 'private' || visibility === 'team';
}

/**
 * What a write asks of the plan's `privateBlueprints`: one more for a new private blueprint or one made private; none
 * more (but the account must be within its limit: over it, private blueprints are read-only) for an edit of one that
 * stays private; nothing for one that is or becomes shared with everyone, which an over-limit account may always do.
 */
export function privateBlueprintsWanted(from: string | null, to: string): number | undefined {
  if (!countsAsPrivate(to)) return undefined;
  return from !== null && countsAsPrivate(from) ? 0 : 1;
}

/**
 * Every write to a blueprint, whichever door it comes through (web, API token, import, fork, restore, strip): each
 * checks the content, scans it, applies the secret policy against the visibility the blueprint will have, and writes
 * one new immutable version.
 */
@Injectable()
export class BlueprintsService {
  constructor(
    private readonly repository: BlueprintsRepository,
    private readonly hierarchies: HierarchiesRepository,
    private readonly sharedResponses: CacheInvalidationBus,
    private readonly remote: RemoteBlueprintsService,
    private readonly quotas: QuotaService,
    private readonly ownership: ContentOwnership,
    private readonly entitlements: EntitlementService,
    private readonly history: VersionHistory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * What a write checks first in its transaction: the instance's quotas (the plan's storage with them, QuotaService),
   * then the plan's private blueprints (`privateBlueprintsWanted`; undefined: not concerned).
   */
  private guard(owner: Ownership, demands: readonly QuotaDemand[], privateBlueprints?: number): WriteGuard {
    const quotas = this.quotas.guard(owner, demands);
    return async (tx) => {
      await quotas(tx);
      if (privateBlueprints === undefined) return;
      await this.entitlements.check(accountOfOwner(owner), 'privateBlueprints', privateBlueprints, { tx });
    };
  }

  /** Checks and scans the content and its attached files (each text file with the same scanner and policy). */
  async scan(content: string, files: readonly DecodedFile[] = []): Promise<ScannedContent> {
    const checked = checkContent(content);
    const report = await scanContent(checked.content);
    const scannedFiles = await scanAttachedFiles(files);
    const combined = combinedReport(report, scannedFiles, this.config.scanning.maxListedFindings);
    return { ...checked, report, files: scannedFiles, combined };
  }

  /** A stored version scanned afresh, attached files included: the rules may have learned since it was written. */
  private async rescan(version: { id: string; content: string }): Promise<ScannedContent> {
    return this.scan(version.content, await this.repository.versionFileContents(version.id));
  }

  private decodeFiles(kind: string, files: readonly AttachedFileInput[] | undefined): DecodedFile[] {
    return decodeAttachedFiles(kind, files ?? [], this.config.blueprints.files);
  }

  /** Bytes a new version adds to the storage quota: its content and its attached files. */
  private storedBytes(scanned: ScannedContent): number {
    return scanned.files.reduce((sum, file) => sum + file.sizeBytes, scanned.sizeBytes);
  }

  async create(
    principal: Principal,
    input: CreateBlueprintRequest,
    forkedFrom: ForkAttribution = {},
  ): Promise<BlueprintDetail> {
    const owner = await this.ownership.newOwner(principal, input.organization);
    const kind = checkKind(input.kind);
    const format = checkFormatForKind(input.format, kind);
    const visibility = checkVisibility(input.visibility ?? 'private', owner);
    // Anything others outside the team will read, or any publication, is publishing: Members create drafts.
    if (input.publish || visibility === 'public' || visibility === 'unlisted') {
      await this.ownership.assertOnOwner(principal, 'content.publish', owner);
    }
    const scanned = await this.scan(input.content, this.decodeFiles(kind, input.files));
    enforceSecretPolicy(scanned.combined, visibility, input.acknowledgedFindings);
    if (input.slug && (await this.repository.slugTaken(owner, input.slug))) throw new SlugTakenError(input.slug);
    const placement = await this.placement(owner, input, undefined);
    const actor = await this.ownership.actorOf(principal);
    const id = newPublicId('bp');
    const guard = this.guard(
      owner,
      [
        { quota: 'blueprints', wanted: 1 },
        { quota: 'storageBytes', wanted: this.storedBytes(scanned) },
        ...joining(placement.hierarchyId),
      ],
      privateBlueprintsWanted(null, visibility),
    );
    const write = (slug: string) =>
      this.repository.create(
        {
          id,
          ...owner,
          name: input.name.trim(),
          slug,
          description: input.description?.trim() ?? '',
          kind: toDbKind(kind),
          format: format.id,
          tool: format.tool,
          category: checkCategory(input.category),
          tags: normaliseTags(input.tags ?? []),
          license: checkLicense(input.license ?? this.config.blueprints.defaultLicense),
          visibility,
          ...placement,
          ...forkedFrom,
        },
        this.newVersion(principal, scanned, format.id, input.changelog ?? '', input.acknowledgedFindings),
        input.publish ? this.publishedState(1, scanned.contentHash, scanned.combined) : null,
        async (tx) => {
          await guard(tx);
          // In the transaction: nothing follows the commit that could fail a create that committed.
          if (input.publish) {
            await this.ownership.recordForOrganization(
              principal,
              'blueprint.published',
              { id, ...owner },
              { version: 1 },
              tx,
            );
          }
        },
      );
    const created = input.slug ? await write(input.slug) : await this.withFreeSlug(owner, input.name, write);
    // Listing pages live a few seconds (s-maxage) and take it in as they expire; the federation feed at once.
    if (input.publish && visibility === 'public') this.sharedResponses.invalidate([FEDERATION_CATALOGUE_TAG]);
    // Answered from what the transaction returned: no read after the commit (a new blueprint is nobody's favourite
    // yet and has no withheld versions).
    return detailOf(created.row, created.version, {
      files: created.files,
      instance: this.config.instance.domain,
      actor,
      isOwner: true,
      isFavorite: false,
      variables: parseVariables(created.version.content),
      withheldVersions: [],
    });
  }

  async importFile(principal: Principal, input: ImportBlueprintRequest): Promise<ImportedBlueprint> {
    // The DTO's content inherits @IsOptional() from the shared fields, so a missing file gets this far.
    if (typeof input.content !== 'string') throw new ContentEmptyError();
    const { format, document, detection, notes } = importFile({
      content: input.content,
      format: input.format,
      path: input.path,
    });
    const detail = await this.create(principal, {
      ...input,
      name: input.name ?? importedName(document.name, input.path, format),
      description: input.description ?? document.description,
      kind: input.kind ?? document.kind,
      format: format.id,
      changelog: input.changelog ?? `Imported from ${input.path ?? format.label}`,
    });
    return { ...detail, detection, readNotes: notes };
  }

  /** Which of these slugs the owner already uses, and by which blueprint (null when that one is deleted). */
  async slugHolders(owner: Ownership, slugs: readonly string[]): Promise<Map<string, string | null>> {
    const holders = await this.repository.slugHolders(owner, slugs);
    return new Map([...holders].map(([slug, holder]) => [slug, holder.deleted ? null : holder.id]));
  }

  async update(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
    input: BlueprintFieldsRequest,
  ): Promise<BlueprintDetail> {
    const current = await this.owned(principal, id, 'content.edit');
    const owner = ownershipOf(current);
    const visibility = input.visibility === undefined ? current.visibility : checkVisibility(input.visibility, owner);
    const visibilityChanged = visibility !== current.visibility;
    if (input.publish || visibilityChanged) {
      await this.ownership.assert(principal, 'content.publish', current, () => new BlueprintNotFoundError());
    }
    const kind = input.kind === undefined ? undefined : checkKind(input.kind);
    const resultingKind = kind ?? fromDbKind(current.kind);
    const format =
      input.format !== undefined || kind !== undefined
        ? checkFormatForKind(input.format ?? current.format, resultingKind)
        : undefined;
    const metadata: BlueprintMetadata = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(kind !== undefined ? { kind: toDbKind(kind) } : {}),
      ...(format ? { format: format.id, tool: format.tool } : {}),
      ...(input.category !== undefined ? { category: checkCategory(input.category) } : {}),
      ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) } : {}),
      ...(input.license !== undefined ? { license: checkLicense(input.license) } : {}),
      ...(input.visibility !== undefined ? { visibility } : {}),
      ...(await this.placement(owner, input, current)),
    };
    if (input.slug !== undefined && input.slug !== current.slug) {
      if (await this.repository.slugTaken(owner, input.slug, id)) throw new SlugTakenError(input.slug);
      metadata.slug = input.slug;
    }

    let version: NewVersion | undefined;
    let newReport: ScanReport | undefined;
    // A new format without new content is the same text declared in another format: still a new version, so the
    // blueprint's format and its head version's never disagree.
    const formatChanged = format !== undefined && format.id !== current.format;
    const kindChanged = kind !== undefined && toDbKind(kind) !== current.kind;
    if (input.content !== undefined || input.files !== undefined || formatChanged || kindChanged) {
      const head = await this.repository.findVersion(id, current.headVersion);
      if (!head) throw new BlueprintNotFoundError();
      // Files not sent are the head version's, carried into the new version (and rescanned with it).
      const files =
        input.files === undefined
          ? await this.repository.versionFileContents(head.id)
          : this.decodeFiles(resultingKind, input.files);
      if (files.length > 0 && !KINDS_WITH_FILES.includes(resultingKind)) {
        throw new AttachedFilesNotSupportedError(resultingKind);
      }
      const scanned = await this.scan(input.content ?? head.content, files);
      const filesChanged =
        input.files !== undefined && !sameFiles(scanned.files, await this.repository.versionFiles(head.id));
      if (scanned.contentHash !== current.headContentHash || formatChanged || filesChanged) {
        version = this.newVersion(
          principal,
          scanned,
          format?.id ?? current.format,
          input.changelog ?? '',
          input.acknowledgedFindings,
        );
        newReport = scanned.combined;
      }
    }
    // New content must pass the secret policy when others can read the blueprint (drafts too, so a shared
    // blueprint never holds a draft that could not be published).
    if (newReport) enforceSecretPolicy(newReport, visibility, input.acknowledgedFindings);
    const publishesNew = Boolean(input.publish && version);
    const opensUp = visibility !== 'private' && current.visibility === 'private';
    let readable: ReadableVersionsPlan | undefined;
    if (opensUp && !version && current.headVersion !== current.publishedVersion) {
      await this.enforceOnStoredVersion(current.id, current.headVersion, visibility, input.acknowledgedFindings);
    }
    if (visibility !== 'private' && (opensUp || publishesNew)) {
      // Versions become readable by others: the one that stays published must pass, older published ones that fail
      // are withheld.
      const target = publishesNew ? null : current.publishedVersion;
      readable = await this.reviewPublishedVersions(id, target, input.acknowledgedFindings);
      if (target !== null) {
        readable.release.push(await this.enforceOnStoredVersion(id, target, visibility, input.acknowledgedFindings));
      }
    }
    const row = await this.write(id, expectedRevision, {
      metadata,
      version,
      publish:
        input.publish && version && newReport
          ? (number) => this.publishedState(number, version.contentHash, newReport)
          : undefined,
      beforeWrite: this.guard(
        owner,
        [
          { quota: 'storageBytes', wanted: version ? versionBytes(version) : 0 },
          ...joining(metadata.hierarchyId, current.hierarchyId),
        ],
        privateBlueprintsWanted(current.visibility, visibility),
      ),
      readable,
    });
    if (visibilityChanged) {
      await this.ownership.recordForOrganization(principal, 'blueprint.visibility_changed', row, {
        from: current.visibility,
        to: visibility,
      });
    }
    if (publishesNew) {
      await this.ownership.recordForOrganization(principal, 'blueprint.published', row, { version: row.headVersion });
    }
    return this.writtenDetail(row, principal);
  }

  async publish(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
    versionNumber: number | undefined,
    acknowledged: string[] | undefined,
  ): Promise<BlueprintDetail> {
    const current = await this.owned(principal, id, 'content.publish');
    const number = versionNumber ?? current.headVersion;
    const version = await this.repository.findVersion(id, number);
    if (!version) throw new VersionNotFoundError(number);
    await (await this.history.window(current)).assertListed(number, true);
    // A fresh scan, not the findings stored with the version: the rules may have learned since it was written.
    const report = (await this.rescan(version)).combined;
    let readable: ReadableVersionsPlan | undefined;
    if (current.visibility !== 'private') {
      const known = [...version.acknowledgedFindings, ...(acknowledged ?? [])];
      enforceSecretPolicy(report, current.visibility, known, number);
      readable = await this.reviewPublishedVersions(id, number, acknowledged);
      readable.release.push({ number, acknowledged: acknowledgementsFor(report.findings, known) });
    }
    const row = await this.write(id, expectedRevision, {
      publish: () => this.publishedState(number, version.contentHash, report),
      readable,
      beforeWrite: this.guard(
        ownershipOf(current),
        [],
        privateBlueprintsWanted(current.visibility, current.visibility),
      ),
    });
    await this.ownership.recordForOrganization(principal, 'blueprint.published', row, { version: number });
    return this.writtenDetail(row, principal);
  }

  async unpublish(principal: Principal, id: string, expectedRevision: number | undefined): Promise<BlueprintDetail> {
    await this.owned(principal, id, 'content.publish');
    const row = await this.write(id, expectedRevision, { unpublish: true });
    await this.ownership.recordForOrganization(principal, 'blueprint.unpublished', row);
    return this.writtenDetail(row, principal);
  }

  async restore(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
    number: number,
    input: { changelog?: string; acknowledgedFindings?: string[] },
  ): Promise<BlueprintDetail> {
    const current = await this.owned(principal, id, 'content.edit');
    const old = await this.repository.findVersion(id, number);
    if (!old) throw new VersionNotFoundError(number);
    await (await this.history.window(current)).assertListed(number, true);
    // Rescanned, not copied: the rules may have learned about secrets since that version was written.
    const scanned = await this.rescan(old);
    // The blueprint may have stopped being a skill since: its files cannot come back with it.
    const kind = fromDbKind(current.kind);
    if (scanned.files.length > 0 && !KINDS_WITH_FILES.includes(kind)) throw new AttachedFilesNotSupportedError(kind);
    const acknowledged = [...old.acknowledgedFindings, ...(input.acknowledgedFindings ?? [])];
    enforceSecretPolicy(scanned.combined, current.visibility, acknowledged, number);
    const format = getFormat(old.format);
    const row = await this.write(id, expectedRevision, {
      metadata: { format: format.id, tool: format.tool },
      version: {
        ...this.newVersion(
          principal,
          scanned,
          format.id,
          input.changelog ?? `Restored version ${number}`,
          acknowledged,
        ),
        restoredFrom: number,
      },
      beforeWrite: this.guard(
        ownershipOf(current),
        [{ quota: 'storageBytes', wanted: this.storedBytes(scanned) }],
        privateBlueprintsWanted(current.visibility, current.visibility),
      ),
    });
    return this.writtenDetail(row, principal);
  }

  async stripInvisible(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
  ): Promise<BlueprintDetail> {
    const current = await this.owned(principal, id, 'content.edit');
    const head = await this.repository.findVersion(id, current.headVersion);
    if (!head) throw new BlueprintNotFoundError();
    const stripped = stripInvisibleCharacters(head.content);
    if (stripped.removed === 0) throw new NothingToStripError();
    const scanned = await this.scan(stripped.content, await this.repository.versionFileContents(head.id));
    const row = await this.write(id, expectedRevision, {
      version: this.newVersion(
        principal,
        scanned,
        head.format,
        `Removed ${stripped.removed} invisible character${stripped.removed === 1 ? '' : 's'}`,
        head.acknowledgedFindings,
      ),
      beforeWrite: this.guard(
        ownershipOf(current),
        [{ quota: 'storageBytes', wanted: this.storedBytes(scanned) }],
        privateBlueprintsWanted(current.visibility, current.visibility),
      ),
    });
    return this.writtenDetail(row, principal);
  }

  async delete(principal: Principal, id: string, expectedRevision: number | undefined): Promise<void> {
    const current = await this.owned(principal, id, 'content.delete');
    try {
      await this.repository.softDelete(id, expectedRevision);
      this.sharedResponses.invalidate([blueprintTag(id), FEDERATION_CATALOGUE_TAG]);
      await this.ownership.recordForOrganization(principal, 'blueprint.deleted', current, { name: current.name });
    } catch (error) {
      if (error instanceof StaleRevisionError) throw new PreconditionFailedError(`"r${current.revision}"`);
      throw error;
    }
  }

  /**
   * Gives a blueprint to an organization the caller administers, or takes one of such an organization's into the
   * caller's account (`organization: null`): the caller must be allowed `content.transfer` on both sides, which is how
   * both sides consent. The id stays, and with it the versions, forks, favourites and the federation identity.
   */
  async transfer(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
    input: { organization: string | null; slug?: string },
  ): Promise<BlueprintDetail> {
    const current = await this.owned(principal, id, 'content.transfer');
    if (current.hierarchyId !== null) throw new TransferHierarchyMemberError(current.hierarchyId);
    const to = await this.ownership.destination(principal, input.organization);
    if (to.ownerId === current.ownerId && to.organizationId === current.organizationId) {
      throw new TransferToSameOwnerError();
    }
    const slug = input.slug ?? current.slug;
    if (await this.repository.slugTaken(to, slug, id)) throw new SlugTakenError(slug);
    const { bytes } = await this.repository.stored({ id });
    let row: BlueprintRow;
    try {
      row = await this.repository.transfer(
        id,
        expectedRevision,
        to,
        slug,
        // A private blueprint arrives as one more of the receiving account's (a team one becomes private there).
        this.guard(
          to,
          [
            { quota: 'blueprints', wanted: 1 },
            { quota: 'storageBytes', wanted: bytes },
          ],
          privateBlueprintsWanted(null, current.visibility),
        ),
      );
    } catch (error) {
      if (error instanceof StaleRevisionError) throw new PreconditionFailedError(`"r${current.revision}"`);
      throw error;
    }
    this.sharedResponses.invalidate([blueprintTag(id), FEDERATION_CATALOGUE_TAG]);
    await this.ownership.recordTransfer(principal, current, to, input.organization);
    return this.writtenDetail(row, principal);
  }

  /** A private copy, in the caller's account or an organization's, that remembers where it came from. */
  async fork(
    principal: Principal,
    id: string,
    name: string | undefined,
    organization?: string,
  ): Promise<BlueprintDetail> {
    if (isRemoteBlueprintId(id)) return this.forkRemote(principal, id, name, organization);
    const source = await this.repository.findById(id);
    const access = readAccess(source, await this.ownership.actorOf(principal));
    if (!source) throw new BlueprintNotFoundError();
    if (!access.isOwner && !allowsDerivatives(source.license)) throw new ForkNotAllowedError(source.license);
    const version = await this.repository.findVersion(id, access.version);
    if (!version || !mayReadVersion(access, version)) throw new BlueprintNotFoundError();
    return this.create(
      principal,
      {
        name: name ?? source.name,
        description: source.description,
        kind: fromDbKind(source.kind),
        format: version.format,
        category: source.category,
        tags: source.tags,
        license: source.license,
        visibility: 'private',
        content: version.content,
        files: toAttachedFiles(await this.repository.versionFileContents(version.id)),
        changelog: `Forked from ${authorOf(source).handle}/${source.slug} version ${version.number}`,
        organization,
      },
      { forkedFromId: source.id },
    );
  }

  /**
   * A private copy of another instance's blueprint, when its licence plainly allows derivatives. The canonical URL is
   * kept as attribution, so it survives the remote copy being purged. Metadata from elsewhere is taken leniently
   * (unknown categories and tags we would refuse are dropped); the content passes the same checks as any write.
   */
  private async forkRemote(
    principal: Principal,
    id: string,
    name: string | undefined,
    organization: string | undefined,
  ): Promise<BlueprintDetail> {
    const source = await this.remote.findReadable(id, principal);
    if (!source) throw new BlueprintNotFoundError();
    if (!remoteLicenseAllowsFork(source.license)) throw new RemoteLicenseForbidsForkError(source.license);
    const version = source.remoteVersion === null ? '' : ` version ${source.remoteVersion}`;
    return this.create(
      principal,
      {
        name: name ?? (toVisibleName(source.name).trim().slice(0, 120) || 'Forked blueprint'),
        description: (source.description ?? '').slice(0, 1000),
        kind: fromDbKind(source.kind),
        format: source.format,
        category: knownCategory(source.category),
        tags: usableTags(source.tags),
        license: source.license,
        visibility: 'private',
        content: source.content,
        changelog: `Forked from ${source.canonicalUrl}${version}`.slice(0, 500),
        organization,
      },
      { forkedFromRemoteId: source.id, forkedFromUrl: source.canonicalUrl },
    );
  }

  async setFavorite(
    principal: UserPrincipal,
    id: string,
    favorite: boolean,
  ): Promise<{ favorite: boolean; favoriteCount: number }> {
    const blueprint = await this.repository.findById(id);
    readAccess(blueprint, await this.ownership.actorOf(principal));
    // Counters may lag in shared copies for their few seconds; the caller's own reads bypass them.
    const favoriteCount = await this.repository.setFavorite(principal.userId, id, favorite);
    return { favorite, favoriteCount };
  }

  private async write(
    id: string,
    expectedRevision: number | undefined,
    change: Parameters<BlueprintsRepository['write']>[2],
  ): Promise<BlueprintRow> {
    try {
      const row = await this.repository.write(id, expectedRevision, change);
      // Its detail, raw content and every kept page listing it (or a fork of it) go, here and on other replicas.
      this.sharedResponses.invalidate([blueprintTag(id), FEDERATION_CATALOGUE_TAG]);
      return row;
    } catch (error) {
      if (error instanceof StaleRevisionError) {
        const now = await this.repository.findById(id);
        if (!now || now.deletedAt) throw new BlueprintNotFoundError();
        throw new PreconditionFailedError(`"r${now.revision}"`);
      }
      throw error;
    }
  }

  /**
   * A blueprint the caller may take `action` on (the permission function decides). Refused: "not found" for anyone
   * who cannot read it; 403 for a member of the owning organization whose role is too low.
   */
  private async owned(principal: Principal, id: string, action: ContentAction): Promise<BlueprintRow> {
    const row = await this.repository.findById(id);
    if (!row || row.deletedAt) throw new BlueprintNotFoundError();
    await this.ownership.assert(principal, action, row, () => new BlueprintNotFoundError());
    return row;
  }

  /**
   * A stored version others are about to read (or that stays the draft of a blueprint others read): a fresh scan must
   * pass the policy, with the acknowledgements stored with it and those of this request, or the write is refused
   * with an error naming the version. Answers the acknowledgements to keep with it.
   */
  private async enforceOnStoredVersion(
    blueprintId: string,
    number: number,
    visibility: BlueprintVisibility,
    acknowledged: readonly string[] = [],
  ): Promise<{ number: number; acknowledged: string[] }> {
    const version = await this.repository.findVersion(blueprintId, number);
    if (!version) throw new VersionNotFoundError(number);
    const report = (await this.rescan(version)).combined;
    const known = [...version.acknowledgedFindings, ...acknowledged];
    enforceSecretPolicy(report, visibility, known, number);
    return { number, acknowledged: acknowledgementsFor(report.findings, known) };
  }

  /**
   * Before versions become readable by others: every version published so far, except `target` (the one that will
   * be published, which the caller holds to the policy), is scanned afresh. Those that fail are withheld from
   * everyone but the owner; those that pass are readable again. One at a time, so only one version's content is
   * held in memory.
   */
  private async reviewPublishedVersions(
    blueprintId: string,
    target: number | null,
    acknowledged: readonly string[] = [],
  ): Promise<ReadableVersionsPlan> {
    const plan: ReadableVersionsPlan = { withhold: [], release: [] };
    for (const number of await this.repository.publishedVersionNumbers(blueprintId)) {
      if (number === target) continue;
      const version = await this.repository.findVersion(blueprintId, number);
      if (!version) continue;
      const report = (await this.rescan(version)).combined;
      const known = [...version.acknowledgedFindings, ...acknowledged];
      const failure = secretPolicyFailure(report, known);
      if (failure) plan.withhold.push({ number, reason: failure.reason });
      else plan.release.push({ number, acknowledged: acknowledgementsFor(report.findings, known) });
    }
    return plan;
  }

  private async placement(
    owner: Ownership,
    input: Pick<BlueprintFieldsRequest, 'hierarchyId' | 'repositoryPath' | 'parentId'>,
    current: BlueprintRow | undefined,
  ): Promise<Pick<BlueprintMetadata, 'hierarchyId' | 'repositoryPath' | 'parentId'>> {
    if (input.hierarchyId === undefined && input.repositoryPath === undefined && input.parentId === undefined)
      return {};
    const hierarchyId = input.hierarchyId === undefined ? (current?.hierarchyId ?? null) : input.hierarchyId;
    if (hierarchyId === null) return { hierarchyId: null, repositoryPath: null, parentId: null };
    if (!(await this.hierarchies.ownedBy(hierarchyId, owner)))
      throw new InvalidParentError('No such hierarchy of this owner');
    const rawPath = input.repositoryPath === undefined ? current?.repositoryPath : input.repositoryPath;
    if (!rawPath) throw new InvalidParentError('A blueprint in a hierarchy needs a repositoryPath');
    const repositoryPath = normaliseRepositoryPath(rawPath);
    const parentId = input.parentId === undefined ? (current?.parentId ?? null) : input.parentId;
    if (parentId !== null) {
      if (parentId === current?.id) throw new InvalidParentError('A blueprint cannot be its own parent');
      const parent = await this.repository.findById(parentId);
      if (!parent || parent.deletedAt || parent.hierarchyId !== hierarchyId) {
        throw new InvalidParentError('The parent must be a blueprint in the same hierarchy');
      }
      if (current && (await this.hierarchies.isDescendant(parentId, current.id))) {
        throw new InvalidParentError('That parent would make a cycle');
      }
    }
    return { hierarchyId, repositoryPath, parentId };
  }

  /**
   * Writes under the first free slug made from `name`. Two creates of the same name at once both see the same slug
   * free and one loses the unique index: it takes the next free one rather than answering SLUG_TAKEN for a slug the
   * caller never asked for, and a third clash takes a random suffix.
   */
  private async withFreeSlug<T>(owner: Ownership, name: string, write: (slug: string) => Promise<T>): Promise<T> {
    const base = slugify(name);
    for (let attempt = 1; ; attempt += 1) {
      const slug = attempt < 3 ? await this.freeSlug(owner, base) : randomlySuffixed(base);
      try {
        return await write(slug);
      } catch (error) {
        if (!(error instanceof SlugTakenError) || attempt === 3) throw error;
      }
    }
  }

  /** `base`, or `base-N` with the lowest N not taken; one query, whatever the number of namesakes. */
  private async freeSlug(owner: Ownership, base: string): Promise<string> {
    const stem = base.slice(0, 75);
    const taken = new Set(await this.repository.slugsStartingWith(owner, stem, SLUG_SUFFIX_LIMIT + 1));
    if (!taken.has(base)) return base;
    for (let suffix = 2; suffix <= SLUG_SUFFIX_LIMIT; suffix += 1) {
      const candidate = `${stem}-${suffix}`;
      if (!taken.has(candidate)) return candidate;
    }
    return randomlySuffixed(base);
  }

  private newVersion(
    principal: Principal,
    scanned: ScannedContent,
    format: string,
    changelog: string,
    acknowledged: readonly string[] = [],
  ): NewVersion {
    return {
      content: scanned.content,
      contentHash: scanned.contentHash,
      sizeBytes: scanned.sizeBytes,
      format,
      authorId: userIdOf(principal) ?? null,
      changelog: changelog.trim(),
      // The report as the worker made it: the capped list with its exact totals (read back by storedScanReport).
      findings: scanned.report as unknown as Prisma.InputJsonValue,
      acknowledgedFindings: acknowledgementsFor(scanned.combined.findings, acknowledged),
      files: scanned.files.map((file) => ({
        path: file.path,
        content: file.bytes,
        encoding: file.encoding,
        sizeBytes: file.sizeBytes,
        contentHash: file.contentHash,
        findings: file.report as unknown as Prisma.InputJsonValue,
      })),
    };
  }

  private publishedState(number: number, contentHash: string, report: ScanReport): PublishedState {
    return { number, contentHash, hiddenFindings: report.hiddenInstructions };
  }

  async detail(
    row: BlueprintRow,
    principal: Principal | undefined,
    prefer?: 'published' | 'draft',
  ): Promise<BlueprintDetail> {
    const actor = await this.ownership.actorOf(principal);
    return this.detailFor(row, principal, actor, readAccess(row, actor, prefer));
  }

  /** What a write answers: the blueprint as it now stands, for the caller who was allowed to write it. */
  private async writtenDetail(row: BlueprintRow, principal: Principal): Promise<BlueprintDetail> {
    return this.detailFor(row, principal, await this.ownership.actorOf(principal), writerAccess(row));
  }

  private async detailFor(row: BlueprintRow, principal: Principal | undefined, actor: Actor, access: ReadAccess) {
    const version = await this.repository.findVersion(row.id, access.version);
    if (!version || !mayReadVersion(access, version)) throw new BlueprintNotFoundError();
    const userId = userIdOf(principal);
    const isFavorite = userId ? await this.repository.isFavorite(userId, row.id) : false;
    return detailOf(row, version, {
      files: await this.repository.versionFiles(version.id),
      instance: this.config.instance.domain,
      actor,
      isOwner: access.isOwner,
      isFavorite,
      variables: parseVariables(version.content),
      withheldVersions: access.isOwner ? await this.repository.withheldVersions(row.id) : [],
    });
  }
}

/** How many numbered namesakes (`name-2` … `name-999`) a generated slug tries before a random suffix. */
const SLUG_SUFFIX_LIMIT = 999;

function randomlySuffixed(base: string): string {
  return `${base.slice(0, 60)}-${newPublicId('bp').slice(3, 11)}`;
}
