import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { lynxp } from './spec-support';

function summary(index: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `bp_${String(index).padStart(16, '0')}`,
    name: `Blueprint ${index}`,
    slug: `blueprint-${index}`,
    description: '',
    kind: 'rules',
    format: 'cursor-rules',
    tool: 'cursor',
    category: null,
    tags: [],
    license: 'MIT',
    visibility: 'public',
    author: { kind: 'user', handle: 'alice', displayName: 'Alice', avatarUrl: null },
    favoriteCount: 0,
    downloadCount: 0,
    publishedVersion: 1,
    headVersion: 1,
    hasHiddenInstructions: false,
    updatedAt: '2026-12-05T00:00:00Z',
    origin: { instance: 'lynx.test', local: true },
    ...overrides,
  };
}

/**
 * A catalogue on loopback whose data is hostile: names carrying
 * terminal escape sequences must reach the screen as visible text.
 */
async function startCatalogue() {
  const seen: string[] = [];
  const hostile = summary(1, {
    name: 'Evil\u001b]0;owned\u0007 name\u001b[2J',
    origin: { instance: 'peer.test', local: false },
  });
  const server: Server = createServer((request, response) => {
    seen.push(request.url!);
    const url = new URL(request.url!, 'http://x');
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/api/v1/blueprints') return send(200, { items: [hostile], nextCursor: 'c2' });
    if (url.pathname === '/api/v1/profiles/alice/blueprints/blueprint-103') return send(200, summary(103));
    const detail = /^\/api\/v1\/blueprints\/(bp_\d+)$/.exec(url.pathname);
    if (detail) return send(200, { ...summary(Number(detail[1]!.slice(3))), id: detail[1] });
    return send(404, { error: { code: 'BLUEPRINT_NOT_FOUND', message: 'No such blueprint' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('lynxp search and show', () => {
  let dir: string;
  let catalogue: Awaited<ReturnType<typeof startCatalogue>>;
  beforeAll(async () => {
    catalogue = await startCatalogue();
  });
  afterAll(() => catalogue.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lynxp-catalogue-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => lynxp(['--instance', catalogue.url, ...args], { cwd: dir });

  it('sends every filter, repeats --tag, and prints hostile text without its control characters', async () => {
    const result = await run([
      'search',
      'react hooks',
      '--tag',
      'a',
      '--tag',
      'b',
      '--origin',
      'peer.test',
      '--limit',
      '5',
    ]);
    expect(result.code).toBe(0);
    const query = new URL(catalogue.seen.at(-1)!, 'http://x').searchParams;
    expect(query.get('q')).toBe('react hooks');
    expect(query.getAll('tag')).toEqual(['a', 'b']);
    expect(query.get('instance')).toBe('peer.test');
    expect(query.get('limit')).toBe('5');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('Evil\\u{1b}]0;owned\\u{7} name\\u{1b}[2J');
    expect(result.stdout).toContain('[from peer.test]');
    expect(result.stdout).toContain('More: --cursor c2');

    const badLimit = await run(['search', 'x', '--limit', 'many']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('[INVALID_LIMIT]');
  });

  it('resolves @owner/slug on the instance, and says so when it is nowhere', async () => {
    const found = await run(['--json', 'show', '@alice/blueprint-103']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ id: 'bp_0000000000000103', slug: 'blueprint-103' });

    const missing = await run(['--json', 'show', '@alice/nowhere']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout).error.code).toBe('BLUEPRINT_NOT_FOUND');

    const malformed = await run(['--json', 'show', 'alice/slug']);
    expect(malformed.code).toBe(2);
    expect(JSON.parse(malformed.stdout).error.code).toBe('INVALID_TARGET');
  });
});
