import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { toVisibleName } from '../common/text/visible-name';
import { zipStream } from '@lynxprompt/formats';
import type { Prisma } from '../generated/prisma/client';
import { newPublicId } from '../blueprints/blueprint-rules';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { HierarchyNotFoundError } from '../blueprints/blueprints.errors';
import type { StreamedDownload } from '../blueprints/download-response';
import { HierarchiesRepository } from '../blueprints/hierarchies.repository';
import type { Ownership } from '../access/permissions';
import { readsAsOwner } from '../blueprints/blueprint-access';
import { authorOf } from '../blueprints/blueprint-views';
import { ContentOwnership } from '../blueprints/content-ownership';
import { accessOf, asContent } from '../blueprints/hierarchies.service';
import { fromDbKind } from '../blueprints/blueprint-rules';
import { QuotaService } from '../quotas/quotas.service';
import { PlanLimitReachedError } from '../billing/billing.errors';
import type { ImportedPlugin, ImportPluginRequest, PluginImportResult } from './dto/plugin.dto';
import { manifestFor, planReport, pluginEntries, type PluginSource, type PluginSourceMember } from './plugin-export';
import { conversionHeader } from '../blueprints/conversion-report';
import { readPlugins, type ReadPlugin } from './plugin-files';
import { isPluginTool, PLUGIN_TOOLS, storedPluginOf } from './plugin-layout';
import { PluginMemberRejectedError, PluginUnknownToolError } from './plugins.errors';
import { PluginsRepository } from './plugins.repository';

/** Member contents are read a few at a time (each up to 256 KB), as the zip drains. */
const EXPORT_CONTENT_BATCH = 8;

/** What this import has written so far, to undo if a later step fails. */
interface Created {
  hierarchies: string[];
  blueprints: string[];
}

/**
 * Plugins in and out: an import makes one hierarchy per plugin, each member a blueprint written through
 * BlueprintsService (so checks, scanning, quotas and versions apply), all or nothing; an export lays a hierarchy out
 * as an installable plugin for one tool.
 */
@Injectable()
export class PluginsService {
  constructor(
    private readonly repository: PluginsRepository,
    private readonly blueprints: BlueprintsService,
    private readonly hierarchies: HierarchiesRepository,
    private readonly quotas: QuotaService,
    private readonly ownership: ContentOwnership,
  ) {}

  async import(principal: Principal, input: ImportPluginRequest): Promise<PluginImportResult> {
    // Every manifest and member is read before anything is written.
    const owner = await this.ownership.newOwner(principal, input.organization);
    const read = await readPlugins(input.files);
    const created: Created = { hierarchies: [], blueprints: [] };
    try {
      const plugins: ImportedPlugin[] = [];
      for (const plugin of read.plugins) plugins.push(await this.importOne(principal, owner, plugin, input, created));
      return { plugins, skipped: read.skipped };
    } catch (error) {
      await this.repository.discard(owner, created.hierarchies, created.blueprints);
      throw error;
    }
  }

  private async importOne(
    principal: Principal,
    owner: Ownership,
    plugin: ReadPlugin,
    options: Pick<ImportPluginRequest, 'visibility' | 'publish' | 'organization'>,
    created: Created,
  ): Promise<ImportedPlugin> {
    const manifest = plugin.stored.manifests[plugin.tool];
    const entry = plugin.stored.marketplaceEntries?.[plugin.tool];
    const description = [manifest?.description, entry?.description].find((value) => typeof value === 'string');
    const hierarchy = await this.repository.createHierarchy(
      {
        id: newPublicId('ha'),
        ...owner,
        name: plugin.name.slice(0, 120),
        description: ((description as string | undefined) ?? '').trim().slice(0, 1000),
        pluginManifest: plugin.stored as unknown as Prisma.InputJsonValue,
      },
      this.quotas.guard(owner, [{ quota: 'hierarchies', wanted: 1 }]),
    );
    created.hierarchies.push(hierarchy.id);
    const members: ImportedPlugin['members'] = [];
    for (const member of plugin.members) {
      const fullPath = plugin.root ? `${plugin.root}/${member.path}` : member.path;
      try {
        const detail = await this.blueprints.create(principal, {
          name: toVisibleName(member.name).trim().slice(0, 120) || member.path.slice(0, 120),
          description: member.document.description?.trim().slice(0, 1000),
          kind: member.kind,
          format: member.format,
          content: member.content,
          // A skill's references/, scripts/ and assets/ are stored with its version, checked and scanned.
          ...(member.files.length > 0 ? { files: member.files } : {}),
          visibility: options.visibility ?? 'private',
          publish: options.publish,
          organization: options.organization,
          hierarchyId: hierarchy.id,
          repositoryPath: member.path,
          changelog: `Imported from plugin ${plugin.name} (${fullPath})`.slice(0, 500),
        });
        created.blueprints.push(detail.id);
        members.push({
          path: member.path,
          blueprintId: detail.id,
          name: detail.name,
          kind: member.kind,
          format: member.format,
          findings: detail.findings,
          findingTotals: detail.findingTotals,
          notes: member.notes,
          files: member.files.map((file) => file.path),
        });
      } catch (error) {
        // The plan refuses the account, not this member: its 402 goes out as is, so the client can offer an upgrade.
        if (error instanceof PlanLimitReachedError) throw error;
        if (error instanceof AppError) throw new PluginMemberRejectedError(fullPath, error);
        throw error;
      }
    }
    return {
      hierarchyId: hierarchy.id,
      name: plugin.name,
      tool: plugin.tool,
      root: plugin.root,
      manifests: PLUGIN_TOOLS.filter((tool) => plugin.stored.manifests[tool]),
      hooks: plugin.stored.hooks !== undefined || plugin.members.some((member) => member.kind === 'settings'),
      members,
      skipped: plugin.skipped,
    };
  }

  /**
   * The hierarchy as an installable plugin for `tool`, holding the members this caller may read (the archive's
   * rule). Streamed: contents are read a few at a time as the response drains; refusals come before the first byte.
   */
  async export(id: string, toolInput: string | undefined, principal: Principal | undefined): Promise<StreamedDownload> {
    const tool = toolInput ?? 'claude-code';
    if (!isPluginTool(tool)) throw new PluginUnknownToolError(tool, PLUGIN_TOOLS);
    const hierarchy = await this.repository.findHierarchy(id);
    if (!hierarchy) throw new HierarchyNotFoundError();
    const actor = await this.ownership.actorOf(principal);
    const readable: { blueprintId: string; number: number; meta: Omit<PluginSourceMember, 'content'> }[] = [];
    for (const member of await this.hierarchies.members(id)) {
      const access = accessOf(member, actor);
      if (!access || !member.repositoryPath) continue;
      readable.push({
        blueprintId: member.id,
        number: access.version,
        meta: {
          name: member.name,
          kind: fromDbKind(member.kind),
          format: member.format,
          repositoryPath: member.repositoryPath,
        },
      });
    }
    // To others, a hierarchy with nothing readable does not exist.
    if (readable.length === 0 && !readsAsOwner(asContent(hierarchy), actor)) throw new HierarchyNotFoundError();
    const source: PluginSource = {
      id: hierarchy.id,
      name: hierarchy.name,
      description: hierarchy.description,
      ownerName: authorOf(hierarchy).displayName || authorOf(hierarchy).handle,
      stored: storedPluginOf(hierarchy.pluginManifest),
    };
    const repository = this.hierarchies;
    async function* members(): AsyncGenerator<PluginSourceMember> {
      for (let start = 0; start < readable.length; start += EXPORT_CONTENT_BATCH) {
        const batch = readable.slice(start, start + EXPORT_CONTENT_BATCH);
        const contents = await repository.contents(batch);
        for (const member of batch) {
          const version = contents.get(member.blueprintId);
          if (version === undefined) continue;
          // The version's own format: it is what its content is written in.
          const files = version.hasFiles ? await repository.attachedFiles(version.versionId) : undefined;
          yield { ...member.meta, format: version.format, content: version.content, files };
        }
      }
    }
    const name = manifestFor(tool, source).manifest.name as string;
    // Built once for the header (known before the first byte), then again as the zip is sent.
    const report = await planReport(tool, source, members());
    return {
      fileName: `${name}-${tool}-plugin.zip`,
      mediaType: 'application/zip',
      conversion: conversionHeader(report),
      chunks: zipStream(pluginEntries(tool, source, members())),
    };
  }
}
