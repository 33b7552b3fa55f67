import { Inject, Injectable } from '@nestjs/common';
import { isPlainObject } from '@lynxprompt/formats';
import type { Ownership } from '../access/permissions';
import { fromDbKind } from '../blueprints/blueprint-rules';
import { HierarchiesRepository } from '../blueprints/hierarchies.repository';
import { FingerprintCache } from '../common/cache/fingerprint-cache';
import { contentEtag } from '../common/http/conditional-get';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { manifestFor, pluginEntries, type PluginSource, type PluginSourceMember } from '../plugins/plugin-export';
import { PLUGIN_LAYOUTS, storedPluginOf } from '../plugins/plugin-layout';
import { ProfilesService } from '../profiles/profiles.service';
import { SkillNames } from '../well-known/agent-skills';
import { AgentSkillsRepository } from '../well-known/agent-skills.repository';
import { AgentSkillsService } from '../well-known/agent-skills.service';
import {
  GitObjectStore,
  headRef,
  infoRefs,
  MalformedUploadPackError,
  objectIdOf,
  uploadPack,
  uploadPackAdvertisement,
  type RepositoryFile,
} from './git-repository';
import {
  GitObjectNotFoundError,
  GitRequestInvalidError,
  PluginRepositoryNotFoundError,
} from './plugin-marketplace.errors';
import { PluginMarketplaceRepository, type PluginHierarchyRow } from './plugin-marketplace.repository';

/** At most this many plugins (hierarchies first, then skills in no hierarchy), the earliest first. */
export const MARKETPLACE_PLUGIN_LIMIT = 1000;
/** At most this many bytes of plugin files: a plugin that would go past it is left out, with every later one. */
export const MARKETPLACE_BYTES = 8 * 1024 * 1024;
/** Members read of one hierarchy. */
const MEMBER_LIMIT = 500;
const PAGE_SIZE = 50;
const CONTENT_BATCH = 8;
/** Marketplaces kept in memory, each rebuilt only when its account's public content changes. */
const CACHED_MARKETPLACES = 16;
/**
 * And at most this many bytes of them: objects, plus as much again for the packs a clone builds (deflated, they are
 * smaller), plus the served marketplace.json. Eight full marketplaces, or many small ones.
 */
const CACHED_MARKETPLACE_BYTES = 64 * 1024 * 1024;
/** The name of the repository that holds the whole marketplace; no plugin may take it. */
const MARKETPLACE_REPOSITORY = 'marketplace';
const COMMITTER = 'LynxPrompt <noreply@lynxprompt.invalid>';
const MANIFEST = PLUGIN_LAYOUTS['claude-code'].manifestPath;
const MARKETPLACE_FILE = PLUGIN_LAYOUTS['claude-code'].marketplacePath;
/** Manifest keys a marketplace entry repeats (Claude Code's plugin entry fields). */
const ENTRY_STRINGS = ['description', 'version', 'homepage', 'repository', 'license'] as const;

export interface ServedBytes {
  body: Buffer;
  etag: string;
}

interface PluginEntry {
  name: string;
  [key: string]: unknown;
}

/** One git repository of the marketplace: its commit and every object a clone of it needs. */
interface Repository {
  commit: string;
  objects: Set<string>;
  /** Built on the first smart clone (concurrent clones share it), then kept with the marketplace. */
  pack?: Promise<Buffer>;
}

interface BuiltMarketplace {
  /** The marketplace.json served at a plain URL: each plugin from its own git repository. */
  json: ServedBytes;
  store: GitObjectStore;
  /** By name: `marketplace` and each plugin's. */
  repositories: Map<string, Repository>;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function served(body: string | Buffer): ServedBytes {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, etag: contentEtag(bytes) };
}

function bytesOf(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

/** The marketplace entry's metadata, from the plugin's manifest: only values of the types Claude Code reads. */
function entryOf(manifest: Record<string, unknown>, ownerName: string): Omit<PluginEntry, 'name'> {
  const entry: Record<string, unknown> = {};
  for (const key of ENTRY_STRINGS) if (typeof manifest[key] === 'string') entry[key] = manifest[key];
  const author = manifest.author;
  entry.author =
    isPlainObject(author) && typeof author.name === 'string'
      ? Object.fromEntries(Object.entries(author).filter(([, value]) => typeof value === 'string'))
      : { name: ownerName };
  if (Array.isArray(manifest.keywords) && manifest.keywords.every((word) => typeof word === 'string')) {
    entry.keywords = manifest.keywords;
  }
  return entry;
}

/**
 * A Claude Code plugin marketplace per user and organization (docs/integrations.md): their public hierarchies as
 * plugins, laid out by the plugin export, and their public skills in no hierarchy as one-skill plugins. Served as a
 * git repository (relative plugin sources resolve only in a cloned marketplace) and as a marketplace.json whose
 * plugins are each a git repository of their own.
 */
@Injectable()
export class PluginMarketplaceService {
  private readonly marketplaces = new FingerprintCache<BuiltMarketplace>(CACHED_MARKETPLACES, {
    maxBytes: CACHED_MARKETPLACE_BYTES,
    sizeOf: (built) => 2 * built.store.bytes + built.json.body.length,
  });

  constructor(
    private readonly repository: PluginMarketplaceRepository,
    private readonly hierarchies: HierarchiesRepository,
    private readonly skills: AgentSkillsRepository,
    private readonly agentSkills: AgentSkillsService,
    private readonly profiles: ProfilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async marketplaceJson(handle: string): Promise<ServedBytes> {
    return (await this.marketplace(handle)).json;
  }

  /** The refs: for a smart client (`?service=git-upload-pack`) its advertisement, else the dumb info/refs file. */
  async infoRefs(handle: string, name: string, service: unknown): Promise<ServedBytes & { smart: boolean }> {
    const { repository } = await this.gitRepository(handle, name);
    if (service === 'git-upload-pack') {
      return { ...served(uploadPackAdvertisement(repository.commit)), smart: true };
    }
    return { ...served(infoRefs(repository.commit)), smart: false };
  }

  async head(handle: string, name: string): Promise<ServedBytes> {
    await this.gitRepository(handle, name);
    return served(headRef());
  }

  /** A loose object of the repository (dumb protocol). */
  async object(handle: string, name: string, directory: string, file: string): Promise<ServedBytes> {
    const { built, repository } = await this.gitRepository(handle, name);
    const id = objectIdOf(directory, file);
    const object = id && repository.objects.has(id) ? await built.store.loose(id) : undefined;
    if (!object) throw new GitObjectNotFoundError();
    // An object's id is its content's hash: the id is its ETag.
    return { body: object, etag: `"${id}"` };
  }

  /** One upload-pack exchange (smart protocol): the negotiation's answer, and the pack once the client is done. */
  async uploadPack(handle: string, name: string, request: unknown): Promise<Buffer> {
    const { built, repository } = await this.gitRepository(handle, name);
    if (!Buffer.isBuffer(request)) throw new GitRequestInvalidError('the body is not an upload-pack request');
    try {
      return await uploadPack(request, repository.commit, () => {
        repository.pack ??= built.store.pack([...repository.objects]);
        return repository.pack;
      });
    } catch (error) {
      if (error instanceof MalformedUploadPackError) throw new GitRequestInvalidError(error.message);
      throw error;
    }
  }

  private async gitRepository(
    handle: string,
    name: string,
  ): Promise<{ built: BuiltMarketplace; repository: Repository }> {
    const built = await this.marketplace(handle);
    const repository = name.endsWith('.git') ? built.repositories.get(name.slice(0, -'.git'.length)) : undefined;
    if (!repository) throw new PluginRepositoryNotFoundError();
    return { built, repository };
  }

  private async marketplace(handle: string): Promise<BuiltMarketplace> {
    const identity = await this.profiles.identityOf(handle);
    const { owner } = identity;
    const { key, latest } = await this.repository.fingerprint(owner);
    const cacheKey = owner.organizationId ? `org:${owner.organizationId}` : `user:${owner.ownerId}`;
    // The owner's name and handle are in the files too.
    return this.marketplaces.get(cacheKey, `${key}:${identity.handle}:${identity.name}`, () =>
      this.build(identity, latest),
    );
  }

  private async build(
    identity: { owner: Ownership; handle: string; name: string; profileUrl: string },
    latest: Date | null,
  ): Promise<BuiltMarketplace> {
    const names = new SkillNames();
    names.claim(MARKETPLACE_REPOSITORY);
    const files: RepositoryFile[] = [];
    const entries: PluginEntry[] = [];
    let bytes = 0;
    let full = false;
    const add = (plugin: { files: RepositoryFile[]; entry: PluginEntry }): void => {
      const size = plugin.files.reduce((sum, file) => sum + file.content.length, 0);
      if (bytes + size > MARKETPLACE_BYTES || entries.length >= MARKETPLACE_PLUGIN_LIMIT) {
        full = true;
        return;
      }
      bytes += size;
      files.push(...plugin.files);
      entries.push(plugin.entry);
    };
    const ownerName = identity.name || identity.handle;
    let afterHierarchy: { createdAt: Date; id: string } | undefined;
    while (!full) {
      const rows = await this.repository.hierarchies(identity.owner, PAGE_SIZE, afterHierarchy);
      for (const row of rows) {
        if (full) break;
        const plugin = await this.hierarchyPlugin(identity.owner, row, ownerName, names);
        if (plugin) add(plugin);
      }
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) break;
      afterHierarchy = { createdAt: last.createdAt, id: last.id };
    }
    let afterSkill: { publishedAt: Date; id: string } | undefined;
    while (!full) {
      const rows = await this.skills.page(identity.owner, PAGE_SIZE, afterSkill, true);
      for (const row of rows) {
        if (full) break;
        const folder = await this.agentSkills.skillFolder(row, 'claude-skill');
        if (!folder) continue;
        const name = names.claim(row.slug);
        const root = `plugins/${name}`;
        const manifest = { name, description: folder.description || row.description || row.name };
        add({
          entry: { name, ...entryOf(manifest, ownerName) },
          files: [
            { path: `${root}/${MANIFEST}`, content: Buffer.from(json(manifest)) },
            { path: `${root}/skills/${name}/SKILL.md`, content: folder.skillMd },
            ...folder.files.map((file) => ({ path: `${root}/skills/${name}/${file.path}`, content: file.bytes })),
          ],
        });
      }
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last?.firstPublishedAt) break;
      afterSkill = { publishedAt: last.firstPublishedAt, id: last.id };
    }

    const base = `${this.config.http.appUrl}/api/v1/profiles/${identity.handle}/claude-plugins`;
    const header = {
      name: `lynxprompt-${identity.handle}`,
      owner: { name: ownerName, url: identity.profileUrl },
      metadata: {
        description: `Public plugins and skills of ${ownerName} (@${identity.handle}) on LynxPrompt`,
      },
    };
    const cloned = {
      ...header,
      plugins: entries.map((entry) => ({ ...entry, source: `./plugins/${entry.name}` })),
    };
    files.push({ path: MARKETPLACE_FILE, content: Buffer.from(json(cloned)) });
    const store = new GitObjectStore();
    const { directories } = store.addTree(files);
    const time = Math.floor((latest?.getTime() ?? 0) / 1000);
    const repositories = new Map<string, Repository>();
    const commit = (name: string, tree: { id: string; objects: string[] }, message: string) => {
      const id = store.addCommit(tree.id, time, COMMITTER, message);
      repositories.set(name, { commit: id, objects: new Set([id, ...tree.objects]) });
    };
    commit(MARKETPLACE_REPOSITORY, directories.get('')!, `Marketplace of @${identity.handle}`);
    for (const entry of entries) {
      commit(entry.name, directories.get(`plugins/${entry.name}`)!, `Plugin ${entry.name} of @${identity.handle}`);
    }
    const plain = {
      ...header,
      plugins: entries.map((entry) => ({ ...entry, source: { source: 'url', url: `${base}/${entry.name}.git` } })),
    };
    return { json: served(json(plain)), store, repositories };
  }

  /** One hierarchy as a Claude Code plugin, laid out by the plugin export; null when no member has a place in it. */
  private async hierarchyPlugin(
    owner: Ownership,
    row: PluginHierarchyRow,
    ownerName: string,
    names: SkillNames,
  ): Promise<{ files: RepositoryFile[]; entry: PluginEntry } | null> {
    const members = await this.repository.members(owner, row.id, MEMBER_LIMIT);
    const source: PluginSource = {
      id: row.id,
      name: row.name,
      description: row.description,
      ownerName,
      stored: storedPluginOf(row.pluginManifest),
    };
    const hierarchies = this.hierarchies;
    async function* contents(): AsyncGenerator<PluginSourceMember> {
      const readable = members.filter((member) => member.publishedVersion !== null && member.repositoryPath);
      for (let start = 0; start < readable.length; start += CONTENT_BATCH) {
        const batch = readable.slice(start, start + CONTENT_BATCH);
        const versions = await hierarchies.contents(
          batch.map((member) => ({ blueprintId: member.id, number: member.publishedVersion! })),
        );
        for (const member of batch) {
          const version = versions.get(member.id);
          if (!version) continue;
          const files = version.hasFiles ? await hierarchies.attachedFiles(version.versionId) : undefined;
          yield {
            name: member.name,
            kind: fromDbKind(member.kind),
            format: version.format,
            repositoryPath: member.repositoryPath!,
            content: version.content,
            files,
          };
        }
      }
    }
    const { manifest } = manifestFor('claude-code', source);
    const exportedRoot = `plugins/${manifest.name as string}/`;
    const memberFiles: { path: string; content: Buffer }[] = [];
    for await (const file of pluginEntries('claude-code', source, contents())) {
      // The export's own marketplace, manifest and CONVERSION.md are replaced by this marketplace's.
      if (!file.path.startsWith(exportedRoot)) continue;
      const path = file.path.slice(exportedRoot.length);
      if (path === MANIFEST) continue;
      memberFiles.push({ path, content: bytesOf(file.content) });
    }
    if (memberFiles.length === 0) return null;
    const name = names.claim(manifest.name as string);
    const root = `plugins/${name}`;
    const ownManifest = { ...manifest, name };
    return {
      entry: { name, ...entryOf(ownManifest, ownerName) },
      files: [
        { path: `${root}/${MANIFEST}`, content: Buffer.from(json(ownManifest)) },
        ...memberFiles.map((file) => ({ path: `${root}/${file.path}`, content: file.content })),
      ],
    };
  }
}
