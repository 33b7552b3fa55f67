import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { contentEtag } from '../common/http/conditional-get';
import { APP_CONFIG } from '../config/config.module';
import { repositoryRoot } from '../config/paths';
import { CatalogService } from '../blueprints/catalog.service';
import { InstanceKeysService } from '../federation/keys/instance-keys.service';
import { FEDERATION_PROTOCOL } from '../federation/signature';
import { UsersService } from '../users/users.service';
import type { InstanceManifest } from './instance-manifest.dto';
import { NODEINFO_SCHEMA_2_1, type NodeInfo, type NodeInfoDiscovery } from './nodeinfo.dto';

export interface CachedDocument {
  readonly body: string;
  readonly etag: string;
}

const SECURITY_TXT_VALIDITY_DAYS = 180;
/** Peers poll the manifest; the count may lag this much behind so each poll is not a COUNT over the catalogue. */
const COUNT_TTL_MS = 60_000;

/** What this software calls itself in the manifest and NodeInfo (NodeInfo requires lower-case letters and digits). */
export const SOFTWARE_NAME = 'lynxprompt';
/** Where the source is; published as software.repository (and NodeInfo's homepage). */
export const SOFTWARE_REPOSITORY = 'https://github.com/lynxprompt/lynxprompt';

function withEtag(body: string): CachedDocument {
  return { body, etag: contentEtag(body) };
}

@Injectable()
export class WellKnownService {
  private readonly securityTemplate: string;

  private count: { value: number; expiresAt: number } | undefined;
  private users: { value: NodeInfo['usage']['users']; expiresAt: number } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: CatalogService,
    private readonly keys: InstanceKeysService,
    private readonly accounts: UsersService,
  ) {
    this.securityTemplate = fs.readFileSync(path.join(repositoryRoot(), '.well-known/security.txt'), 'utf8');
  }

  private async publicBlueprints(now: number): Promise<number> {
    if (!this.count || this.count.expiresAt <= now) {
      this.count = { value: await this.catalog.countListed(), expiresAt: now + COUNT_TTL_MS };
    }
    return this.count.value;
  }

  /**
   * Section 1 of docs/federation.md. `updatedAt` is when the signing key was created: everything else changes only
   * with the configuration or the version (the blueprint count is not a change of the manifest), so the document
   * and its ETag stay the same between restarts and across replicas, and a rotation shows as a newer updatedAt.
   */
  async manifest(now = Date.now()): Promise<InstanceManifest> {
    const { instance, http, federation, auth } = this.config;
    const [publicBlueprints, key] = await Promise.all([this.publicBlueprints(now), this.keys.activeKey(now)]);
    return {
      name: instance.name,
      domain: instance.domain,
      version: instance.version,
      federation: instance.federationEnabled,
      api: `${http.appUrl}/api/v1`,
      publicBlueprints,
      software: { name: SOFTWARE_NAME, version: instance.version, repository: SOFTWARE_REPOSITORY },
      protocol: FEDERATION_PROTOCOL,
      endpoints: {
        catalogue: `${http.appUrl}/api/v1/federation/blueprints`,
        blueprint: `${http.appUrl}/blueprints/{id}`,
        raw: `${http.appUrl}/api/v1/blueprints/{id}/raw`,
      },
      publicKey: { id: key.id, algorithm: 'Ed25519', key: key.publicKey },
      contact: federation.contact,
      openRegistrations: auth.registrationEnabled,
      updatedAt: key.createdAt.toISOString(),
    };
  }

  nodeInfoDiscovery(): CachedDocument {
    const document: NodeInfoDiscovery = {
      links: [{ rel: NODEINFO_SCHEMA_2_1, href: `${this.config.http.appUrl}/nodeinfo/2.1` }],
    };
    return withEtag(JSON.stringify(document));
  }

  async nodeInfo(now = Date.now()): Promise<NodeInfo> {
    const { instance, auth } = this.config;
    if (!this.users || this.users.expiresAt <= now) {
      this.users = { value: await this.accounts.countActivity(), expiresAt: now + COUNT_TTL_MS };
    }
    return {
      version: '2.1',
      software: {
        name: SOFTWARE_NAME,
        version: instance.version,
        repository: SOFTWARE_REPOSITORY,
        homepage: SOFTWARE_REPOSITORY,
      },
      // Not one of NodeInfo's listed protocols: the schema's enum knows only social-network protocols.
      protocols: ['lynxprompt'],
      services: { inbound: [], outbound: [] },
      openRegistrations: auth.registrationEnabled,
      usage: { users: this.users.value, localPosts: await this.publicBlueprints(now) },
      metadata: { nodeName: instance.name },
    };
  }

  async nodeInfoDocument(): Promise<CachedDocument> {
    return withEtag(JSON.stringify(await this.nodeInfo()));
  }

  async manifestDocument(): Promise<CachedDocument> {
    return withEtag(JSON.stringify(await this.manifest()));
  }

  /** RFC 9116. Expires is pinned to a day boundary so the document (and its ETag) changes once a day at most. */
  securityTxt(now = new Date()): CachedDocument {
    const expires = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + SECURITY_TXT_VALIDITY_DAYS),
    );
    const fields: Record<string, string> = {
      contact: this.config.instance.securityContact,
      expires: expires.toISOString(),
      canonical: `${this.config.http.appUrl}/.well-known/security.txt`,
    };
    const body = this.securityTemplate
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .replace(/\{\{(\w+)\}\}/g, (_match, key: string) => fields[key] ?? '');
    return withEtag(body);
  }
}
