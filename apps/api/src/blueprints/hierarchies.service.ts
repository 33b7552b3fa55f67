import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { can, type ContentAction, type Ownership } from '../access/permissions';
import type { Principal } from '../auth/principal';
import { CacheInvalidationBus } from '../http-cache/cache-invalidation-bus';
import { blueprintTag, FEDERATION_CATALOGUE_TAG } from '../http-cache/cache-tags';
import { zipStream, type ConversionReport, type ZipEntry } from '@lynxprompt/formats';
import { QuotaService } from '../quotas/quotas.service';
import { accountOfOwner } from '../billing/billing-account';
import { EntitlementService } from '../billing/entitlements.service';
import { readAccess, readsAsOwner, type ReadAccess } from './blueprint-access';
import { authorOf } from './blueprint-views';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import { OrganizationRoleRequiredError } from '../organizations/organizations.errors';
import { callerAsOwner, ContentOwnership, type OwnedContent } from './content-ownership';
import { fromDbKind, newPublicId } from './blueprint-rules';
import { HierarchyNotFoundError, TransferToSameOwnerError } from './blueprints.errors';
import { BlueprintsRepository } from './blueprints.repository';
import { HierarchiesRepository } from './hierarchies.repository';
import { pluginSummaryOf } from '../plugins/plugin-layout';
import type { HierarchyDetail, HierarchySummary } from './dto/hierarchy.dto';
import type { StreamedDownload } from './download-response';
import { CONVERSION_FILE, conversionHeader, conversionMarkdown, unchangedReport } from './conversion-report';

type Member = Awaited<ReturnType<HierarchiesRepository['members']>>[number];

/** An archive entry and what CONVERSION.md says of it: a member (its format), or a member's attached file. */
type ArchiveEntry = ZipEntry & { member?: string; attachedTo?: string; leftOut?: boolean };

/** A member goes out as stored; only attached files left out for another member's path are reported. */
function leftOutReport(format: string, leftOut: readonly string[]): ConversionReport {
  if (leftOut.length === 0) return unchangedReport(format);
  return {
    ...unchangedReport(format),
    lossless: false,
    changes: leftOut.map((path) => ({
      field: `file:${path}`,
      change: 'dropped' as const,
      message: 'Another blueprint of the hierarchy sits at this path; the attached file was left out.',
    })),
  };
}

/** Members whose metadata one archive step holds; contents are read fewer at a time (each up to 256 KB). */
const ARCHIVE_PAGE_SIZE = 200;
const ARCHIVE_CONTENT_BATCH = 8;

/**
 * How this caller may read a member of the tree or archive; undefined leaves it out. Others see only listed members
 * (an unlisted blueprint's id is its capability, not to be handed out here) and, in an organization, its team ones.
 */
export function accessOf(member: Member, actor: Actor): ReadAccess | undefined {
  try {
    const access = readAccess(member, actor);
    return access.isOwner || member.listed || member.visibility === 'team' ? access : undefined;
  } catch {
    return undefined;
  }
}

@Injectable()
export class HierarchiesService {
  constructor(
    private readonly repository: HierarchiesRepository,
    private readonly quotas: QuotaService,
    private readonly ownership: ContentOwnership,
    private readonly sharedResponses: CacheInvalidationBus,
    private readonly organizations: OrganizationLookupService,
    private readonly blueprints: BlueprintsRepository,
    private readonly entitlements: EntitlementService,
  ) {}

  async create(
    principal: Principal,
    input: { name: string; description?: string; organization?: string },
  ): Promise<HierarchyDetail> {
    const owner = await this.ownership.newOwner(principal, input.organization);
    const row = await this.repository.create(
      {
        id: newPublicId('ha'),
        ...owner,
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
      },
      this.quotas.guard(owner, [{ quota: 'hierarchies', wanted: 1 }]),
    );
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      owner: authorOf(row),
      isOwner: true,
      blueprints: [],
      plugin: null,
    };
  }

  /** The caller's own hierarchies (an organization token: its organization's). */
  async listOwned(principal: Principal): Promise<HierarchySummary[]> {
    return summariesOf(await this.repository.listOwned(callerAsOwner(principal)));
  }

  /**
   * An organization's hierarchies as far as the caller sees them: all of them for its authors (and its tokens with
   * `blueprints:read`); for its Viewers those with a published team or listed blueprint; for anyone else those with a
   * listed one. Counts count only what the caller sees.
   */
  async ofOrganization(slug: string, principal: Principal | undefined): Promise<HierarchySummary[]> {
    const owner = await this.organizations.asOwner(slug);
    const actor = await this.ownership.actorOf(principal);
    const seen = readsAsOwner({ ...owner, visibility: 'private' }, actor)
      ? 'all'
      : can(actor, 'content.read', { type: 'content', ...owner, visibility: 'team' })
        ? 'team'
        : 'listed';
    return summariesOf(await this.repository.listOwned(owner, seen));
  }

  /**
   * The tree as this caller may read it. After a write (`writer`), whoever made it gets the hierarchy back even when
   * none of its blueprints is readable to them (a write-only token), as a blueprint write answers its writer.
   */
  async get(
    id: string,
    principal: Principal | undefined,
    as: 'reader' | 'writer' = 'reader',
  ): Promise<HierarchyDetail> {
    const { hierarchy, members, actor } = await this.readable(id, principal, as);
    return {
      id: hierarchy.id,
      name: hierarchy.name,
      description: hierarchy.description,
      owner: authorOf(hierarchy),
      isOwner: readsAsOwner(asContent(hierarchy), actor),
      plugin: pluginSummaryOf(hierarchy.pluginManifest),
      blueprints: members.map(({ member }) => ({
        id: member.id,
        name: member.name,
        kind: fromDbKind(member.kind),
        format: member.format,
        repositoryPath: member.repositoryPath ?? '',
        parentId: member.parentId,
      })),
    };
  }

  async update(
    principal: Principal,
    id: string,
    input: { name?: string; description?: string },
  ): Promise<HierarchyDetail> {
    await this.owned(principal, id, 'content.edit');
    await this.repository.update(id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    });
    return this.get(id, principal, 'writer');
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const hierarchy = await this.owned(principal, id, 'content.delete');
    await this.repository.delete(id);
    await this.ownership.recordForOrganization(principal, 'hierarchy.deleted', hierarchy, { name: hierarchy.name });
  }

  /**
   * Gives the hierarchy, with all its blueprints, to an organization the caller administers or back to the caller
   * (`organization: null`): both sides must allow `content.transfer`. Ids, versions, forks and favourites stay.
   */
  async transfer(principal: Principal, id: string, organization: string | null): Promise<HierarchyDetail> {
    const hierarchy = await this.owned(principal, id, 'content.transfer');
    const to = await this.ownership.destination(principal, organization);
    if (to.ownerId === hierarchy.ownerId && to.organizationId === hierarchy.organizationId) {
      throw new TransferToSameOwnerError();
    }
    // The new owner's quotas count what arrives: the hierarchy, its blueprints and what they store; its plan, the
    // private and team blueprints among them (and the bytes, through the quota check).
    const stored = await this.blueprints.stored({ hierarchyId: id });
    const quotas = this.quotas.guard(to, [
      { quota: 'hierarchies', wanted: 1 },
      { quota: 'blueprints', wanted: stored.blueprints },
      { quota: 'storageBytes', wanted: stored.bytes },
    ]);
    await this.repository.transfer(id, to, async (tx) => {
      await quotas(tx);
      if (stored.privateBlueprints === 0) return;
      await this.entitlements.check(accountOfOwner(to), 'privateBlueprints', stored.privateBlueprints, { tx });
    });
    await this.ownership.recordTransfer(principal, hierarchy, to, organization);
    const transferred = await this.get(id, principal, 'writer');
    // Its blueprints now show another author.
    this.sharedResponses.invalidate([
      ...transferred.blueprints.map((member) => blueprintTag(member.id)),
      FEDERATION_CATALOGUE_TAG,
    ]);
    return transferred;
  }

  /**
   * The whole tree as one zip, every file at its repository path, holding what this caller may read. Streamed:
   * members are read a page at a time and their contents a few at a time, as the response drains. Everything that
   * can refuse the request (no such hierarchy, nothing readable) is decided before the first byte.
   */
  async archive(id: string, principal: Principal | undefined): Promise<StreamedDownload> {
    const hierarchy = await this.repository.findById(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    const actor = await this.ownership.actorOf(principal);
    const files = this.readableFiles(id, actor);
    const first = await files.next();
    if (first.done && !readsAsOwner(asContent(hierarchy), actor)) {
      // To others, a hierarchy with nothing readable does not exist.
      throw new HierarchyNotFoundError();
    }
    const slug =
      hierarchy.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || hierarchy.id;
    // Every member goes out as stored, in its own format: nothing is converted, so nothing is lost. The report says
    // so per member file, last, under a name no member has.
    const members: { path: string; format: string; attached: string[]; leftOut: string[] }[] = [];
    const paths = new Set<string>();
    async function* all(): AsyncGenerator<ZipEntry> {
      let next: IteratorResult<ArchiveEntry> = first;
      while (!next.done) {
        const entry = next.value;
        paths.add(entry.path);
        if (entry.member) members.push({ path: entry.path, format: entry.member, attached: [], leftOut: [] });
        else if (entry.attachedTo) members.at(-1)?.attached.push(entry.path);
        if (entry.leftOut) members.at(-1)?.leftOut.push(entry.path);
        else yield entry;
        next = await files.next();
      }
      let name = CONVERSION_FILE;
      for (let suffix = 2; paths.has(name); suffix += 1) name = `CONVERSION-${suffix}.md`;
      yield {
        path: name,
        content: conversionMarkdown(
          members.map((member) => ({
            path: member.path,
            report: leftOutReport(member.format, member.leftOut),
            attached: member.attached,
          })),
        ),
      };
    }
    return {
      fileName: `${slug}.zip`,
      mediaType: 'application/zip',
      conversion: conversionHeader(leftOutReport('hierarchy', await this.repository.attachedPathCollisions(id))),
      chunks: zipStream(all()),
    };
  }

  /** The files this caller may read, in path order, holding at most one page of metadata and a few contents. */
  private async *readableFiles(id: string, actor: Actor): AsyncGenerator<ArchiveEntry> {
    let after: string | undefined;
    for (;;) {
      const page = await this.repository.memberPage(id, after, ARCHIVE_PAGE_SIZE);
      const wanted: { path: string; blueprintId: string; number: number }[] = [];
      for (const member of page) {
        const access = accessOf(member, actor);
        if (access && member.repositoryPath) {
          wanted.push({ path: member.repositoryPath, blueprintId: member.id, number: access.version });
        }
      }
      for (let start = 0; start < wanted.length; start += ARCHIVE_CONTENT_BATCH) {
        const batch = wanted.slice(start, start + ARCHIVE_CONTENT_BATCH);
        const contents = await this.repository.contents(batch);
        for (const file of batch) {
          const version = contents.get(file.blueprintId);
          if (version === undefined) continue;
          yield { path: file.path, content: version.content, member: version.format };
          // A skill's folder: its attached files beside its SKILL.md, unless another member sits at one's path (the
          // member wins; CONVERSION.md says which file was left out).
          if (version.hasFiles) {
            const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
            const attached = (await this.repository.attachedFiles(version.versionId)).map((extra) => ({
              path: `${folder}${extra.path}`,
              content: extra.content,
            }));
            const taken = await this.repository.memberPathsAmong(
              id,
              attached.map((extra) => extra.path),
            );
            for (const extra of attached) {
              yield taken.has(extra.path) ? { ...extra, leftOut: true } : { ...extra, attachedTo: file.path };
            }
          }
        }
      }
      if (page.length < ARCHIVE_PAGE_SIZE) return;
      after = page[page.length - 1]?.repositoryPath ?? undefined;
    }
  }

  /**
   * A hierarchy the caller may take `action` on: 404 for whoever cannot see it, 403 for a member of its organization
   * who sees it (one of its blueprints is readable to them) but lacks the role.
   */
  private async owned(principal: Principal, id: string, action: ContentAction) {
    const hierarchy = await this.repository.findById(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    try {
      await this.ownership.assert(principal, action, asContent(hierarchy), () => new HierarchyNotFoundError());
    } catch (error) {
      if (error instanceof OrganizationRoleRequiredError) await this.readable(id, principal);
      throw error;
    }
    return hierarchy;
  }

  /** The hierarchy and the members this caller may read; to others, a hierarchy with nothing readable does not exist. */
  private async readable(id: string, principal: Principal | undefined, as: 'reader' | 'writer' = 'reader') {
    const hierarchy = await this.repository.findById(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    const actor = await this.ownership.actorOf(principal);
    const members: { member: Member; access: ReadAccess }[] = [];
    for (const member of await this.repository.members(id)) {
      const access = accessOf(member, actor);
      if (access) members.push({ member, access });
    }
    if (as === 'reader' && members.length === 0 && !readsAsOwner(asContent(hierarchy), actor)) {
      throw new HierarchyNotFoundError();
    }
    return { hierarchy, members, actor };
  }
}

/**
 * A hierarchy as the permission function sees it. It has no visibility of its own (its members do): acting on it is
 * an owner's action, judged as on team content for an organization (so its Viewers get 403, not 404) and private
 * content for a user.
 */
export function asContent(hierarchy: Ownership): OwnedContent {
  return {
    ownerId: hierarchy.ownerId,
    organizationId: hierarchy.organizationId,
    visibility: hierarchy.organizationId === null ? 'private' : 'team',
  };
}

function summariesOf(rows: Awaited<ReturnType<HierarchiesRepository['listOwned']>>): HierarchySummary[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    blueprintCount: row._count.blueprints,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
