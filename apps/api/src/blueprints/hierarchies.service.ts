import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { buildZip } from '../formats';
import { readAccess, type ReadAccess } from './blueprint-access';
import { fromDbKind, newPublicId } from './blueprint-rules';
import { HierarchyNotFoundError } from './blueprints.errors';
import { BlueprintsRepository } from './blueprints.repository';
import { HierarchiesRepository } from './hierarchies.repository';
import type { HierarchyDetail, HierarchySummary } from './dto/hierarchy.dto';
import type { DownloadFile } from './blueprint-reads.service';

type Member = Awaited<ReturnType<HierarchiesRepository['members']>>[number];

@Injectable()
export class HierarchiesService {
  constructor(
    private readonly repository: HierarchiesRepository,
    private readonly blueprints: BlueprintsRepository,
  ) {}

  async create(principal: Principal, input: { name: string; description?: string }): Promise<HierarchyDetail> {
    const row = await this.repository.create({
      id: newPublicId('ha'),
      ownerId: principal.userId,
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
    });
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

  /** The whole tree as one zip, every file at its repository path, holding what this caller may read. */
  async archive(id: string, principal: Principal | undefined): Promise<DownloadFile> {
    const { hierarchy, members } = await this.readable(id, principal);
    const files = [];
    for (const { member, access } of members) {
      const version = await this.blueprints.findVersion(member.id, access.version);
      if (version && member.repositoryPath) files.push({ path: member.repositoryPath, content: version.content });
    }
    const slug =
      hierarchy.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || hierarchy.id;
    return { fileName: `${slug}.zip`, mediaType: 'application/zip', body: buildZip(files) };
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
      try {
        const access = readAccess(member, principal);
        // Others see only listed members: an unlisted blueprint's id is its capability, not to be handed out here.
        if (access.isOwner || member.listed) members.push({ member, access });
      } catch {
        // Not readable by this caller: left out of the tree.
      }
    }
    if (members.length === 0 && hierarchy.ownerId !== principal?.userId) throw new HierarchyNotFoundError();
    return { hierarchy, members };
  }
}
