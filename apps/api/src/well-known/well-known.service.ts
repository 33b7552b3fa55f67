import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { repositoryRoot } from '../config/paths';
import { CatalogService } from '../blueprints/catalog.service';
import type { InstanceManifest } from './instance-manifest.dto';

export interface CachedDocument {
  readonly body: string;
  readonly etag: string;
}

const SECURITY_TXT_VALIDITY_DAYS = 180;
/** Peers poll the manifest; the count may lag this much behind so each poll is not a COUNT over the catalogue. */
const COUNT_TTL_MS = 60_000;

function withEtag(body: string): CachedDocument {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

@Injectable()
export class WellKnownService {
  private readonly securityTemplate: string;

  private count: { value: number; expiresAt: number } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: CatalogService,
  ) {
    this.securityTemplate = fs.readFileSync(path.join(repositoryRoot(), '.well-known/security.txt'), 'utf8');
  }

  async manifest(now = Date.now()): Promise<InstanceManifest> {
    const { instance, http } = this.config;
    if (!this.count || this.count.expiresAt <= now) {
      this.count = { value: await this.catalog.countListed(), expiresAt: now + COUNT_TTL_MS };
    }
    return {
      name: instance.name,
      domain: instance.domain,
      version: instance.version,
      federation: instance.federationEnabled,
      api: `${http.appUrl}/api/v1`,
      publicBlueprints: this.count.value,
    };
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
