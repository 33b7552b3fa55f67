import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { zipStream, type ZipEntry } from '../formats';
import { QuotaService } from '../quotas/quotas.service';
import { readAccess, type ReadAccess } from './blueprint-access';
import { fromDbKind, newPublicId } from './blueprint-rules';
import { HierarchyNotFoundError } from './blueprints.errors';
import { HierarchiesRepository } from './hierarchies.repository';
import type { HierarchyDetail, HierarchySummary } from './dto/hierarchy.dto';
import type { StreamedDownload } from './download-response';

type Member = Awaited<ReturnType<HierarchiesRepository['members']>>[number];

/** Members whose metadata one archive step holds; contents are read fewer at a time (each up to 256 KB). */
const ARCHIVE_PAGE_SIZE = 200;
const ARCHIVE_CONTENT_BATCH = 8;

/**
 * How this caller may read a member of the tree or archive; undefined leaves it out. Others see only listed members:
 * an unlisted blueprint's id is its capability, not to be handed out here.
 */
export function accessOf(member: Member, principal: Principal | undefined): ReadAccess | undefined {
  try {
    const access = readAccess(member, principal);
    return access.isOwner || member.listed ? access : undefined;
  } catch {
    return undefined;
  }
}

@Injectable()
export class HierarchiesService {
  constructor(
    private readonly repository: HierarchiesRepository,
    private readonly quotas: QuotaService,
  ) {}

  async create(principal: Principal, input: { name: string; description?: string }): Promise<HierarchyDetail> {
    const row = await this.repository.create(
      {
        id: newPublicId('ha'),
        ownerId: principal.userId,
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
      },
      this.quotas.guard(principal.userId, [{ quota: 'hierarchies', wanted: 1 }]),
    );
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      owner: row.owner,
      isOwner: true,
      blueprints: [],
    };
  }

  async listOwned(principal: Principal): Promise<HierarchySummary[]> {
    const rows = await this.repository.listOwned(principal.userId);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      blueprintCount: row._count.blueprints,
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  async get(id: string, principal: Principal | undefined): Promise<HierarchyDetail> {
    const { hierarchy, members } = await this.readable(id, principal);
    return {
      id: hierarchy.id,
      name: hierarchy.name,
      description: hierarchy.description,
      owner: hierarchy.owner,
      isOwner: hierarchy.ownerId === principal?.userId,
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
    await this.owned(principal, id);
    await this.repository.update(id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    });
    return this.get(id, principal);
  }

  async delete(principal: Principal, id: string): Promise<void> {
    await this.owned(principal, id);
    await this.repository.delete(id);
  }

  /**
   * The whole tree as one zip, every file at its repository path, holding what this caller may read. Streamed:
   * members are read a page at a time and their contents a few at a time, as the response drains. Everything that
   * can refuse the request (no such hierarchy, nothing readable) is decided before the first byte.
   */
  async archive(id: string, principal: Principal | undefined): Promise<StreamedDownload> {
    const hierarchy = await this.repository.findById(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    const files = this.readableFiles(id, principal);
    const first = await files.next();
    if (first.done && hierarchy.ownerId !== principal?.userId) {
      // To others, a hierarchy with nothing readable does not exist.
      throw new HierarchyNotFoundError();
    }
    const slug =
      hierarchy.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || hierarchy.id;
    async function* all(): AsyncGenerator<ZipEntry> {
      if (first.done) return;
      yield first.value;
      yield* files;
    }
    return { fileName: `${slug}.zip`, mediaType: 'application/zip', chunks: zipStream(all()) };
  }

  /** The files this caller may read, in path order, holding at most one page of metadata and a few contents. */
  private async *readableFiles(id: string, principal: Principal | undefined): AsyncGenerator<ZipEntry> {
    let after: string | undefined;
    for (;;) {
      const page = await this.repository.memberPage(id, after, ARCHIVE_PAGE_SIZE);
      const wanted: { path: string; blueprintId: string; number: number }[] = [];
      for (const member of page) {
        const access = accessOf(member, principal);
        if (access && member.repositoryPath) {
          wanted.push({ path: member.repositoryPath, blueprintId: member.id, number: access.version });
        }
      }
      for (let start = 0; start < wanted.length; start += ARCHIVE_CONTENT_BATCH) {
        const batch = wanted.slice(start, start + ARCHIVE_CONTENT_BATCH);
        const contents = await this.repository.contents(batch);
        for (const file of batch) {
          const content = contents.get(file.blueprintId);
          if (content !== undefined) yield { path: file.path, content };
        }
      }
      if (page.length < ARCHIVE_PAGE_SIZE) return;
      after = page[page.length - 1]?.repositoryPath ?? undefined;
    }
  }

  private async owned(principal: Principal, id: string) {
    if (!(await this.repository.ownedBy(id, principal.userId))) throw new HierarchyNotFoundError();
  }

  /** The hierarchy and the members this caller may read; to others, a hierarchy with nothing readable does not exist. */
  private async readable(id: string, principal: Principal | undefined) {
    const hierarchy = await this.repository.findById(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    const members: { member: Member; access: ReadAccess }[] = [];
    for (const member of await this.repository.members(id)) {
      const access = accessOf(member, principal);
      if (access) members.push({ member, access });
    }
    if (members.length === 0 && hierarchy.ownerId !== principal?.userId) throw new HierarchyNotFoundError();
    return { hierarchy, members };
  }
}
