import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import { toAttachedFiles } from '../blueprints/attached-files';
import { BlueprintReadsService } from '../blueprints/blueprint-reads.service';
import { FingerprintCache } from '../common/cache/fingerprint-cache';
import { contentEtag } from '../common/http/conditional-get';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { buildZip, getFormat, importFile, type ZipEntry } from '@lynxprompt/formats';
import { ProfilesService } from '../profiles/profiles.service';
import { AgentSkillNotFoundError } from './agent-skills.errors';
import {
  AGENT_SKILLS_INDEX_LIMIT,
  AGENT_SKILLS_SCHEMA,
  SkillNames,
  skillDescription,
  type AgentSkillEntry,
  type AgentSkillsIndex,
} from './agent-skills';
import { AgentSkillsRepository, type DiscoverableSkillRow } from './agent-skills.repository';
import type { CachedDocument } from './well-known.service';

/** Rows read per query while building an index: the content of one page at most is in memory at a time. */
const PAGE_SIZE = 50;
/** Indexes kept in memory (the instance's and recently asked owners'), each rebuilt only when its skills change. */
const CACHED_INDEXES = 200;
/** Skills in a format that is not a SKILL.md are exported in the vendor-neutral Agent Skills layout. */
const NEUTRAL_SKILL_FORMAT = 'codex-skill';

/** One skill's served artifact: SKILL.md alone, or the skill folder as a zip when it has attached files. */
export interface SkillArtifact {
  type: AgentSkillEntry['type'];
  mediaType: string;
  bytes: Buffer;
  /** The SKILL.md frontmatter's description, which the index entry should repeat. */
  description?: string;
}

/** A skill as a folder: its SKILL.md and the files beside it, relative to the folder. */
export interface SkillFolder {
  skillMd: Buffer;
  files: { path: string; bytes: Buffer }[];
  /** The SKILL.md frontmatter's description. */
  description?: string;
}

/** An artifact as sent: its bytes and their strong ETag. */
export interface ServedArtifact extends SkillArtifact {
  document: { body: Buffer; etag: string };
}

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

@Injectable()
export class AgentSkillsService {
  private readonly indexes = new FingerprintCache<CachedDocument>(CACHED_INDEXES);

  constructor(
    private readonly repository: AgentSkillsRepository,
    private readonly reads: BlueprintReadsService,
    private readonly profiles: ProfilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The instance's index. */
  instanceIndex(): Promise<CachedDocument> {
    return this.cachedIndex('instance', undefined);
  }

  /** One user's or organization's index; an unknown or malformed handle is PROFILE_NOT_FOUND. */
  async ownerIndex(handle: string): Promise<CachedDocument> {
    const owner = await this.profiles.ownerOf(handle);
    return this.cachedIndex(`${owner.organizationId ? 'org' : 'user'}:${owner.organizationId ?? owner.ownerId}`, owner);
  }

  /** The bytes an index entry's digest was computed over, built the same way on every request. */
  async artifact(id: string, type: AgentSkillEntry['type']): Promise<ServedArtifact> {
    // Ids are short; anything longer names nothing and is not worth a query.
    const row = id.length <= 64 ? await this.repository.skill(id) : null;
    const artifact = row ? await this.render(row) : null;
    if (!artifact || artifact.type !== type) throw new AgentSkillNotFoundError();
    return { ...artifact, document: { body: artifact.bytes, etag: contentEtag(artifact.bytes) } };
  }

  private async cachedIndex(key: string, owner: Ownership | undefined): Promise<CachedDocument> {
    const fingerprint = await this.repository.fingerprint(owner);
    return this.indexes.get(key, fingerprint, () => this.buildIndex(owner));
  }

  private async buildIndex(owner: Ownership | undefined): Promise<CachedDocument> {
    const names = new SkillNames();
    const skills: AgentSkillEntry[] = [];
    let after: { publishedAt: Date; id: string } | undefined;
    while (skills.length < AGENT_SKILLS_INDEX_LIMIT) {
      const rows = await this.repository.page(
        owner,
        Math.min(PAGE_SIZE, AGENT_SKILLS_INDEX_LIMIT - skills.length),
        after,
      );
      for (const row of rows) {
        const artifact = await this.render(row);
        if (!artifact) continue;
        skills.push({
          name: names.claim(row.slug),
          type: artifact.type,
          description: skillDescription(artifact.description || row.description, row.name),
          url: this.urlOf(row.id, artifact.type),
          digest: digestOf(artifact.bytes),
        });
      }
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last?.firstPublishedAt) break;
      after = { publishedAt: last.firstPublishedAt, id: last.id };
    }
    const index: AgentSkillsIndex = { $schema: AGENT_SKILLS_SCHEMA, skills };
    const body = JSON.stringify(index);
    return { body, etag: contentEtag(body) };
  }

  /** Absolute, so an index served under /api/v1/profiles resolves them the same as the instance's. */
  private urlOf(id: string, type: AgentSkillEntry['type']): string {
    const base = `${this.config.http.appUrl}/.well-known/agent-skills/${encodeURIComponent(id)}`;
    return type === 'archive' ? `${base}/archive.zip` : `${base}/SKILL.md`;
  }

  /**
   * The published version as its SKILL.md in `format` (by default: byte for byte when it already is a SKILL.md,
   * otherwise the vendor-neutral layout), with its attached files relative to the SKILL.md's folder.
   */
  async skillFolder(row: DiscoverableSkillRow, format?: string): Promise<SkillFolder | null> {
    if (row.publishedVersion === null) return null;
    const version = await this.repository.publishedVersion(row.id, row.publishedVersion);
    if (!version) return null;
    const source = getFormat(version.format);
    const target = format ?? (source.path.endsWith('/SKILL.md') ? source.id : NEUTRAL_SKILL_FORMAT);
    const file = this.reads.convert(version.content, version.format, target, row, toAttachedFiles(version.files));
    const { description } = importFile({ content: file.content, format: target }).document;
    const folder = posix.dirname(file.path);
    return {
      skillMd: Buffer.from(file.content, 'utf8'),
      description,
      files: file.files.map((extra) => ({
        path: extra.path.startsWith(`${folder}/`) ? extra.path.slice(folder.length + 1) : extra.path,
        bytes: Buffer.from(extra.content, extra.encoding === 'base64' ? 'base64' : 'utf8'),
      })),
    };
  }

  /** SKILL.md alone, or the skill folder as a zip with SKILL.md at its root (the spec's archive form). */
  private async render(row: DiscoverableSkillRow): Promise<SkillArtifact | null> {
    const folder = await this.skillFolder(row);
    if (!folder) return null;
    const { skillMd, description } = folder;
    if (folder.files.length === 0) {
      return { type: 'skill-md', mediaType: 'text/markdown; charset=utf-8', bytes: skillMd, description };
    }
    const entries: ZipEntry[] = [
      { path: 'SKILL.md', content: skillMd },
      ...folder.files.map((extra) => ({ path: extra.path, content: extra.bytes })),
    ];
    return { type: 'archive', mediaType: 'application/zip', bytes: Buffer.from(buildZip(entries)), description };
  }
}
