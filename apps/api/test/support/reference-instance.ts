import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import vocabulary from '../fixtures/lynxprompt-2.1.0/vocabulary.json';

/** Every `type` and `category` LynxPrompt 2.1.0 can send (test/fixtures/lynxprompt-2.1.0 says where they come from). */
export const REFERENCE_TYPES: readonly string[] = vocabulary.templateTypes;
export const REFERENCE_CATEGORIES: readonly string[] = vocabulary.categories;

/** One blueprint as the reference product (LynxPrompt 2.1) stores it; ids are raw, without `bp_`. */
export interface ReferenceBlueprint {
  id: string;
  name: string;
  description: string | null;
  type: string;
  category: string;
  /** Free-form: it only trims and lower-cases them. */
  tags: string[];
  content: string;
  downloads: number;
  favorites: number;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** False: made private by its author (out of the list; its detail says so). */
  isPublic?: boolean;
}

export interface ReferenceInstance {
  domain: string;
  readonly url: string;
  readonly blueprints: Map<string, ReferenceBlueprint>;
  /** How many times each blueprint's content was fetched: every fetch counts as a download there. */
  readonly contentFetches: Map<string, number>;
  close(): Promise<void>;
  /** Every request it answered, by kind. */
  readonly requests: { manifest: number; list: number; detail: number };
  /** Public blueprints its list leaves out while `total` still counts them, as a list skipping ties does. */
  hideFromList: (id: string) => boolean;
}

/**
 * Where a row tied on downloads lands in a list page. LynxPrompt orders by downloads alone, and PostgreSQL's top-N
 * sort then orders ties differently for different `offset + limit`: each page is consistent on its own, consecutive
 * pages overlap and skip tied rows, and the same rows are skipped walk after walk while the counters stay put.
 */
function tieRank(id: string, rowsKept: number): string {
  return createHash('sha256').update(`${id}:${rowsKept}`).digest('hex');
}

/**
 * A stand-in for an existing LynxPrompt instance, answering what ../shared/notes/lynxprompt-interop.md records and
 * what its source does: a manifest with no key; a limit/offset list of public blueprints with raw ids, sorted by
 * downloads without a tiebreak; content from /api/blueprints/bp_<id>, where every GET bumps the blueprint's download
 * counter and its `updatedAt`.
 */
export async function startReferenceInstance(host: string, port: number): Promise<ReferenceInstance> {
  const domain = `${host}:${port}`;
  const url = `http://${domain}`;
  const blueprints = new Map<string, ReferenceBlueprint>();
  const contentFetches = new Map<string, number>();
  const requests = { manifest: 0, list: 0, detail: 0 };
  const publicBlueprints = () => [...blueprints.values()].filter((blueprint) => blueprint.isPublic !== false);
  const instance: ReferenceInstance = {
    domain,
    url,
    blueprints,
    contentFetches,
    requests,
    hideFromList: () => false,
    close: () => Promise.resolve(),
  };
  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    const requested = new URL(request.url ?? '/', url);
    if (request.method === 'GET' && requested.pathname === '/.well-known/lynxprompt.json') {
      requests.manifest += 1;
      return json(response, 200, {
        name: 'LynxPrompt',
        domain,
        version: '2.1.0',
        federation: true,
        api: `${url}/api/v1`,
        publicBlueprints: publicBlueprints().length,
      });
    }
    if (request.method === 'GET' && requested.pathname === '/api/v1/federation/blueprints') {
      requests.list += 1;
      const limit = Math.min(Number(requested.searchParams.get('limit') ?? 50) || 50, 100);
      const offset = Number(requested.searchParams.get('offset') ?? 0) || 0;
      const rowsKept = offset + limit;
      const total = publicBlueprints().length;
      const sorted = publicBlueprints()
        .filter((blueprint) => !instance.hideFromList(blueprint.id))
        .sort((x, y) => y.downloads - x.downloads || tieRank(x.id, rowsKept).localeCompare(tieRank(y.id, rowsKept)));
      const page = sorted
        .slice(offset, offset + limit)
        .map(({ content: _content, isPublic: _isPublic, ...item }) => ({ ...item, tier: 'INTERMEDIATE' }));
      return json(response, 200, { blueprints: page, total, limit, offset });
    }
    const detail = /^\/api\/blueprints\/(.+)$/.exec(requested.pathname);
    if (request.method === 'GET' && detail) {
      requests.detail += 1;
      const id = decodeURIComponent(detail[1] ?? '');
      const blueprint = id.startsWith('bp_') ? blueprints.get(id.slice(3)) : undefined;
      if (!blueprint) return json(response, 404, { error: 'Blueprint not found' });
      blueprint.downloads += 1;
      blueprint.updatedAt = new Date().toISOString();
      contentFetches.set(blueprint.id, (contentFetches.get(blueprint.id) ?? 0) + 1);
      return json(response, 200, {
        id: `bp_${blueprint.id}`,
        name: blueprint.name,
        description: blueprint.description,
        content: blueprint.content,
        author: blueprint.author,
        authorId: 'u1',
        downloads: blueprint.downloads,
        likes: blueprint.favorites,
        tags: blueprint.tags,
        platforms: [],
        isOfficial: false,
        createdAt: blueprint.createdAt,
        tier: 'INTERMEDIATE',
        compatibleWith: [],
        variables: {},
        sensitiveFields: {},
        category: blueprint.category,
        difficulty: 'INTERMEDIATE',
        isPublic: blueprint.isPublic !== false,
        type: blueprint.type,
        showcaseUrl: null,
        currentVersion: 1,
        publishedVersion: 1,
        isOwner: false,
      });
    }
    return json(response, 404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  instance.domain = `${host}:${(server.address() as AddressInfo).port}`;
  instance.close = () => new Promise((resolve) => server.close(() => resolve()));
  return instance;
}

let counter = 0;

export function referenceBlueprint(overrides: Partial<ReferenceBlueprint> = {}): ReferenceBlueprint {
  counter += 1;
  const now = new Date(Date.UTC(2025, 5, 4, 10, 0, counter)).toISOString();
  return {
    id: `c4yymg3khedr577wowat${String(counter).padStart(5, '0')}`,
    name: `Reference blueprint ${counter}`,
    description: 'From an existing LynxPrompt instance',
    type: 'AGENTS_MD',
    category: 'web',
    tags: ['react', 'typescript'],
    content: `# Conventions ${counter}\n\nUse [[PROJECT|acme]] everywhere.\n`,
    downloads: 1000 - counter,
    favorites: 10,
    author: 'Liam Gomez',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
