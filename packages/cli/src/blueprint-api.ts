import path from 'node:path';
import type { ApiClient } from './api-client';
import { CliError, ExitCode, RemoteError } from './errors';

/** The parts of the API's BlueprintDetail the lockfile commands read. */
export interface BlueprintDetail {
  id: string;
  name: string;
  slug: string;
  format: string;
  revision: number;
  version: number;
  publishedVersion: number | null;
  isOwner: boolean;
  author: { handle?: string | null };
  origin: { instance: string; local: boolean };
}

export interface RenderedFile {
  version: number;
  format: string;
  path: string;
  content: string;
  unresolved: string[];
  /** A skill's attached files, at their paths for the target tool. */
  files: { path: string; encoding: 'utf8' | 'base64' }[];
}

export interface HierarchyDetail {
  id: string;
  name: string;
  blueprints: { id: string; format: string; repositoryPath: string }[];
}

const BLUEPRINT_ID = /^(bp|rb)_[a-z0-9]{6,64}$/;
const HIERARCHY_ID = /^ha_[a-z0-9]{6,64}$/;
const OWNER_SLUG = /^@([^/\s]{1,64})\/([^/\s]{1,80})$/;
// Enough for any profile a person pulls from, bounded so a typo never pages forever.
const MAX_PROFILE_PAGES = 20;

export type PullTarget = { kind: 'blueprint'; id: string } | { kind: 'hierarchy'; id: string };

/** What `lynxp pull` was given: a bp_/rb_ id, an ha_ hierarchy id, or @owner/slug (looked up on the instance). */
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
  // The owner's own blueprints first (private ones are not on the profile), then the public profile.
  if (client.signedIn) {
    const found = await findBySlug(client, '/api/v1/me/blueprints', slug, owner);
    if (found) return { kind: 'blueprint', id: found };
  }
  const found = await findBySlug(client, `/api/v1/profiles/${encodeURIComponent(owner)}/blueprints`, slug);
  if (found) return { kind: 'blueprint', id: found };
  throw new CliError(
    'BLUEPRINT_NOT_FOUND',
    `No blueprint ${value} that you may read on ${client.instance}`,
    ExitCode.Remote,
  );
}

async function findBySlug(
  client: ApiClient,
  pathname: string,
  slug: string,
  owner?: string,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PROFILE_PAGES; page++) {
    const { status, body } = await client.json<{
      items: { id: string; slug: string; author?: { handle?: string | null } }[];
      nextCursor?: string | null;
    }>('GET', pathname, { query: { limit: 100, cursor }, accept: [404] });
    if (status === 404) return undefined;
    const hit = body.items.find((item) => item.slug === slug && (!owner || item.author?.handle === owner));
    if (hit) return hit.id;
    if (!body.nextCursor) return undefined;
    cursor = body.nextCursor;
  }
  return undefined;
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
