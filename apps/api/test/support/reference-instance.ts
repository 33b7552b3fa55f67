import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One blueprint as the reference product (LynxPrompt 2.1) stores it; ids are raw, without `bp_`. */
export interface ReferenceBlueprint {
  id: string;
  name: string;
  description: string;
  type: string;
  category: string;
  tags: string[];
  content: string;
  downloads: number;
  favorites: number;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReferenceInstance {
  readonly domain: string;
  readonly url: string;
  readonly blueprints: Map<string, ReferenceBlueprint>;
  /** How many times each blueprint's content was fetched: every fetch counts as a download there. */
  readonly contentFetches: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A stand-in for an existing LynxPrompt instance, answering exactly what ../shared/notes/lynxprompt-interop.md
 * records: a manifest with no key, a limit/offset list sorted by downloads with raw ids, and content from
 * /api/blueprints/bp_<id>, where each GET bumps the download counter.
 */
export async function startReferenceInstance(host: string, port: number): Promise<ReferenceInstance> {
  const domain = `${host}:${port}`;
  const url = `http://${domain}`;
  const blueprints = new Map<string, ReferenceBlueprint>();
  const contentFetches = new Map<string, number>();
  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    const requested = new URL(request.url ?? '/', url);
    if (request.method === 'GET' && requested.pathname === '/.well-known/lynxprompt.json') {
      return json(response, 200, {
        name: 'LynxPrompt',
        domain,
        version: '2.1.0',
        federation: true,
        api: `${url}/api/v1`,
        publicBlueprints: blueprints.size,
      });
    }
    if (request.method === 'GET' && requested.pathname === '/api/v1/federation/blueprints') {
      const limit = Math.min(Number(requested.searchParams.get('limit') ?? 50) || 50, 100);
      const offset = Number(requested.searchParams.get('offset') ?? 0) || 0;
      const sorted = [...blueprints.values()].sort((x, y) => y.downloads - x.downloads);
      const page = sorted.slice(offset, offset + limit).map(({ content: _content, ...item }) => ({
        ...item,
        tier: 'INTERMEDIATE',
      }));
      return json(response, 200, { blueprints: page, total: sorted.length, limit, offset });
    }
    const detail = /^\/api\/blueprints\/(.+)$/.exec(requested.pathname);
    if (request.method === 'GET' && detail) {
      const id = decodeURIComponent(detail[1] ?? '');
      const blueprint = id.startsWith('bp_') ? blueprints.get(id.slice(3)) : undefined;
      if (!blueprint) return json(response, 404, { error: 'Blueprint not found' });
      blueprint.downloads += 1;
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
        isPublic: true,
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
  return {
    domain: `${host}:${(server.address() as AddressInfo).port}`,
    url,
    blueprints,
    contentFetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
