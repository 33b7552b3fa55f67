import path from 'node:path';
import type { ApiClient } from './api-client';
import type { BlueprintDetail, HierarchyDetail, RenderedFile } from './api-types';
import { CliError, ExitCode, RemoteError } from './errors';
import { sha256, type LockEntry } from './lockfile';

export type { BlueprintDetail, RenderedFile } from './api-types';

const BLUEPRINT_ID = /^(bp|rb)_[A-Za-z0-9]{6,64}$/;
const HIERARCHY_ID = /^ha_[A-Za-z0-9]{6,64}$/;
const OWNER_SLUG = /^@([^/\s]{1,64})\/([^/\s]{1,128})$/;

export type PullTarget = { kind: 'blueprint'; id: string } | { kind: 'hierarchy'; id: string };

/**
 * What a person typed: a bp_/rb_ id, an ha_ hierarchy id, or @owner/slug, which the instance resolves exactly as it
 * reads by id (its owner finds private ones; others get BLUEPRINT_NOT_FOUND, an unknown owner PROFILE_NOT_FOUND).
 */
export async function resolveTarget(client: ApiClient, value: string): Promise<PullTarget> {
  if (BLUEPRINT_ID.test(value)) return { kind: 'blueprint', id: value };
  if (HIERARCHY_ID.test(value)) return { kind: 'hierarchy', id: value };
  const match = OWNER_SLUG.exec(value);
  if (!match) {
    throw new CliError(
      'INVALID_TARGET',
      `'${value}' is not a blueprint id (bp_…, rb_…), a hierarchy (ha_…) or @owner/slug`,
    );
  }
  const [, owner, slug] = match as unknown as [string, string, string];
  const { body } = await client.json<{ id: string }>(
    'GET',
    `/api/v1/profiles/${encodeURIComponent(owner)}/blueprints/${encodeURIComponent(slug)}`,
  );
  return { kind: 'blueprint', id: body.id };
}

/** As resolveTarget, for commands that take a blueprint only. */
export async function resolveBlueprint(client: ApiClient, value: string): Promise<string> {
  const target = await resolveTarget(client, value);
  if (target.kind !== 'blueprint') {
    throw new CliError('INVALID_TARGET', `'${value}' is a hierarchy; this command takes a blueprint id or @owner/slug`);
  }
  return target.id;
}

/** The blueprint as published (`draft`: as its owner last wrote it, published or not). */
export async function getBlueprint(client: ApiClient, id: string, read: 'published' | 'draft' = 'published') {
  const { body } = await client.json<BlueprintDetail>('GET', `/api/v1/blueprints/${encodeURIComponent(id)}`, {
    query: { version: read },
  });
  return body;
}

/** The newest version a pull takes: the published one (a federated copy has one version, the one crawled). */
export function latestVersion(detail: BlueprintDetail): number {
  if (detail.origin.local === false) return detail.version;
  if (detail.publishedVersion === null) {
    throw new CliError('NOT_PUBLISHED', `${detail.id} has no published version to pull`, ExitCode.Remote);
  }
  return detail.publishedVersion;
}

export async function render(
  client: ApiClient,
  id: string,
  input: { format?: string; values?: Record<string, string>; version: number },
): Promise<RenderedFile> {
  const { body } = await client.json<RenderedFile>('POST', `/api/v1/blueprints/${encodeURIComponent(id)}/render`, {
    body: input,
  });
  return body;
}

export async function getHierarchy(client: ApiClient, id: string): Promise<HierarchyDetail> {
  const { body } = await client.json<HierarchyDetail>('GET', `/api/v1/hierarchies/${encodeURIComponent(id)}`);
  return body;
}

/** `@owner/slug` for the lockfile, when the instance names an owner. */
export function refOf(detail: BlueprintDetail): string | undefined {
  return detail.author?.handle ? `@${detail.author.handle}/${detail.slug}` : undefined;
}

/**
 * The lockfile entry of a file just written to the instance (pushed or imported): linked to the blueprint as it now
 * stands, pinned at the version a pull would take (the published one; the draft when it was kept a draft).
 */
export function pinOfWritten(
  detail: BlueprintDetail,
  file: { path: string; instance: string; content: string },
): LockEntry {
  return {
    path: file.path,
    instance: file.instance,
    blueprint: detail.id,
    ref: refOf(detail),
    version: detail.publishedVersion ?? detail.version,
    format: detail.format,
    sha256: sha256(file.content),
    revision: detail.revision,
  };
}

/**
 * A rendered skill's attached files, each as bytes with its path relative to the main file's folder (where they go
 * in the repository, beside the main file).
 */
export async function attachedFiles(
  client: ApiClient,
  id: string,
  rendered: RenderedFile,
): Promise<{ path: string; bytes: Buffer }[]> {
  const files: { path: string; bytes: Buffer }[] = [];
  for (const attached of rendered.files) {
    const relative = path.posix.relative(path.posix.dirname(rendered.path), attached.path);
    const url = client.url(`/api/v1/blueprints/${encodeURIComponent(id)}/files`, {
      path: relative,
      version: rendered.version,
    });
    // Bytes, not text: attached files may be binary (ApiClient reads text).
    const response = await fetch(url, {
      headers: client.bearer ? { authorization: `Bearer ${client.bearer}` } : {},
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } };
      throw new RemoteError(
        body?.error?.code ?? `HTTP_${response.status}`,
        body?.error?.message ?? `${relative}: the instance answered ${response.status}`,
        response.status,
      );
    }
    files.push({ path: relative, bytes: Buffer.from(await response.arrayBuffer()) });
  }
  return files;
}
