import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { InstanceKeysRepository } from '../../src/federation/keys/instance-keys.repository';
import { generateSigningKey, SIGNATURE_HEADER, keyIdOf, verifySignature } from '../../src/federation/signature';
import { createBlueprint, ifMatch, type BlueprintBody } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const CATALOGUE = '/api/v1/federation/blueprints';
/** The catalogue holds back rows changed in the last 2 s (docs/federation.md, section 2.1); this waits it out. */
const HOLD_BACK_WAIT_MS = 2_300;

interface Item {
  id: string;
  version: number;
  contentHash: string;
  sizeBytes: number;
  content?: string;
  [field: string]: unknown;
}
interface Page {
  protocol: string;
  instance: string;
  blueprints: Item[];
  tombstones: Array<{ id: string; deletedAt: string }>;
  cursor: string;
  hasMore: boolean;
}
interface Manifest {
  publicKey: { id: string; algorithm: string; key: string };
  [field: string]: unknown;
}

const page = (response: Response) => response.body as Page;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../../.well-known/lynxprompt.schema.json'), 'utf8'),
) as object;

describe('Federation publishing: manifest, NodeInfo, signed catalogue', () => {
  let testApp: TestApp;
  let alice: SignedIn; // the first account: admin
  let bob: SignedIn;
  const ids = {} as Record<'first' | 'second' | 'third' | 'fourth' | 'draft' | 'privateDraft', string>;
  /** The cursor after the last entry, once every public blueprint has been read. */
  let tailCursor: string;

  const get = (url: string) => testApp.http.get(url);
  const manifest = async () => (await get('/.well-known/lynxprompt.json').expect(200)).body as Manifest;
  const errorCode = async (query: string) => {
    const response = await get(`${CATALOGUE}?${query}`).expect(400);
    return (response.body as { error: { code: string } }).error.code;
  };

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
    bob = await signInAs(testApp, 'bob@example.org');
    const published = { visibility: 'public', publish: true };
    ids.first = (await createBlueprint(alice, { ...published, name: 'First rules', license: 'MIT' })).id;
    ids.second = (
      await createBlueprint(alice, { ...published, name: 'Second rules', content: '# Ünïcödé\n\nrules ✓\n' })
    ).id;
    ids.third = (await createBlueprint(bob, { ...published, name: 'Third rules' })).id;
    ids.fourth = (await createBlueprint(bob, { ...published, name: 'Fourth rules' })).id;
    // Never published: never in the catalogue, not even as tombstones.
    ids.draft = (await createBlueprint(alice, { name: 'Public draft', visibility: 'public' })).id;
    ids.privateDraft = (await createBlueprint(alice, { name: 'Private draft' })).id;
    await sleep(HOLD_BACK_WAIT_MS);
  });
  afterAll(() => testApp.close());

  it('publishes the protocol fields in the manifest, valid against the schema', async () => {
    const body = await manifest();
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(body)).toBe(true);
    expect(body).toMatchObject({
      domain: 'lynx.test',
      software: { name: 'lynxprompt', version: testApp.app.config.instance.version },
      protocol: 'lynxprompt-federation/1',
      endpoints: {
        catalogue: `${TEST_APP_URL}${CATALOGUE}`,
        blueprint: `${TEST_APP_URL}/blueprints/{id}`,
        raw: `${TEST_APP_URL}/api/v1/blueprints/{id}/raw`,
      },
      publicKey: { algorithm: 'Ed25519' },
      contact: testApp.app.config.federation.contact,
      openRegistrations: true,
      publicBlueprints: 4,
    });
    const raw = Buffer.from(body.publicKey.key, 'base64url');
    expect(raw).toHaveLength(32);
    expect(body.publicKey.id).toBe(keyIdOf(raw));
  });

  it('publishes NodeInfo 2.1 behind its discovery document', async () => {
    const discovery = await get('/.well-known/nodeinfo').expect(200);
    expect(discovery.headers['access-control-allow-origin']).toBe('*');
    expect(discovery.body).toEqual({
      links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${TEST_APP_URL}/nodeinfo/2.1` }],
    });
    const response = await get('/nodeinfo/2.1').expect(200);
    expect(response.headers['content-type']).toBe(
      'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"',
    );
    const nodeInfo = JSON.parse(response.text) as Record<string, unknown>;
    expect(nodeInfo).toEqual({
      version: '2.1',
      software: {
        name: 'lynxprompt',
        version: testApp.app.config.instance.version,
        repository: expect.stringMatching(/^https:\/\//),
        homepage: expect.stringMatching(/^https:\/\//),
      },
      protocols: ['lynxprompt'],
      services: { inbound: [], outbound: [] },
      openRegistrations: true,
      usage: { users: { total: 2, activeMonth: 2, activeHalfyear: 2 }, localPosts: 4 },
      metadata: { nodeName: testApp.app.config.instance.name },
    });
    await get('/nodeinfo/2.1')
      .set('If-None-Match', response.headers.etag as string)
      .expect(304);
  });

  it('pages through every public blueprint by cursor, oldest change first, drafts never', async () => {
    const first = await get(`${CATALOGUE}?limit=3`).expect(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=10');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(page(first)).toMatchObject({ protocol: 'lynxprompt-federation/1', instance: 'lynx.test', hasMore: true });
    expect(page(first).blueprints).toHaveLength(3);
    expect(page(first).tombstones).toEqual([]);
    expect(page(first).blueprints[0]).not.toHaveProperty('content');

    const second = await get(`${CATALOGUE}?limit=3&cursor=${page(first).cursor}`).expect(200);
    expect(page(second).hasMore).toBe(false);
    const seen = [...page(first).blueprints, ...page(second).blueprints].map((item) => item.id);
    expect(seen).toEqual([ids.first, ids.second, ids.third, ids.fourth]);

    // The end: an empty page that keeps the position, so a crawler resumes from the same place.
    const tail = await get(`${CATALOGUE}?limit=3&cursor=${page(second).cursor}`).expect(200);
    expect(page(tail)).toMatchObject({ blueprints: [], tombstones: [], hasMore: false });
    expect(page(tail).cursor).toBe(page(second).cursor);
    tailCursor = page(second).cursor;

    // One page with the default limit holds them all.
    const all = page(await get(CATALOGUE).expect(200));
    expect(all.blueprints.map((item) => item.id)).toEqual(seen);
    expect(all.cursor).toBe(tailCursor);
  });

  it('describes each item with exactly the fields of the specification', async () => {
    const items = page(await get(CATALOGUE).expect(200)).blueprints;
    const first = items.find((item) => item.id === ids.first) as Item;
    const detail = (await get(`/api/v1/blueprints/${ids.first}`).expect(200)).body as BlueprintBody;
    expect(first).toEqual({
      id: ids.first,
      name: 'First rules',
      description: '',
      kind: 'rules',
      format: 'cursor-rules',
      tool: 'cursor',
      category: null,
      tags: ['typescript', 'react'],
      license: 'MIT',
      author: expect.any(String),
      authorHandle: 'alice',
      version: 1,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      sizeBytes: expect.any(Number),
      url: `${TEST_APP_URL}/blueprints/${ids.first}`,
      rawUrl: `${TEST_APP_URL}/api/v1/blueprints/${ids.first}/raw`,
      downloads: 0,
      favorites: 0,
      createdAt: detail.createdAt,
      updatedAt: expect.any(String),
      publishedAt: detail.publishedAt,
    });
    expect(first.author).toBe((detail.author as { displayName: string }).displayName);
  });

  it('carries the published content with include=content, matching its hash and size', async () => {
    const items = page(await get(`${CATALOGUE}?include=content`).expect(200)).blueprints;
    expect(items).toHaveLength(4);
    for (const item of items) {
      expect(typeof item.content).toBe('string');
      expect(sha256(item.content as string)).toBe(item.contentHash);
      expect(Buffer.byteLength(item.content as string, 'utf8')).toBe(item.sizeBytes);
    }
    expect(items.find((item) => item.id === ids.second)?.content).toBe('# Ünïcödé\n\nrules ✓\n');
  });

  it('signs every page over its body and the path and query as requested', async () => {
    const key = (await manifest()).publicKey;
    const url = `${CATALOGUE}?limit=2&include=content`;
    const response = await get(url).expect(200);
    const header = response.headers[SIGNATURE_HEADER] as string;
    expect(header).toMatch(/^keyId="[A-Za-z0-9_-]{16}", created=\d+, signature="[A-Za-z0-9_-]+"$/);
    const body = Buffer.from(response.text, 'utf8');
    expect(verifySignature(header, { publicKey: key.key }, url, body)).toEqual({ ok: true, keyId: key.id });
    const tampered = Buffer.from(response.text.replace('"hasMore":true', '"hasMore":false'), 'utf8');
    expect(verifySignature(header, { publicKey: key.key }, url, tampered)).toEqual({
      ok: false,
      reason: 'SIGNATURE_INVALID',
    });
    expect(verifySignature(header, { publicKey: key.key }, `${CATALOGUE}?limit=3&include=content`, body)).toEqual({
      ok: false,
      reason: 'SIGNATURE_INVALID',
    });
  });

  it('answers 304 to a matching If-None-Match, and the empty tail page keeps the same ETag', async () => {
    const url = `${CATALOGUE}?cursor=${tailCursor}&include=content`;
    const first = await get(url).expect(200);
    const second = await get(url).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(second.headers.etag).toBe(etag);
    expect(second.text).toBe(first.text);
    const notModified = await get(url).set('If-None-Match', etag).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    await get(url).set('If-None-Match', '"something-else"').expect(200);
  });

  it('serves the reference product’s offset mode, sorted by downloads', async () => {
    const prisma = testApp.app.nest.get(PrismaService);
    const downloads: Record<string, number> = { [ids.first]: 5, [ids.second]: 50, [ids.third]: 5, [ids.fourth]: 20 };
    for (const [id, count] of Object.entries(downloads)) {
      // Counters only: a raw update leaves updated_at alone, as the download counter's own path may not.
      await prisma.$executeRaw`UPDATE blueprints SET download_count = ${count} WHERE id = ${id}`;
    }
    const tie = [ids.first, ids.third].sort().reverse();
    const response = await get(`${CATALOGUE}?offset=0&limit=3`).expect(200);
    expect(response.headers[SIGNATURE_HEADER]).toBeDefined();
    const body = response.body as { blueprints: Item[]; total: number; limit: number; offset: number };
    expect(Object.keys(body)).toEqual(['blueprints', 'total', 'limit', 'offset']);
    expect(body).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(body.blueprints.map((item) => item.id)).toEqual([ids.second, ids.fourth, tie[0]]);
    expect(body.blueprints[0]).toMatchObject({ downloads: 50, version: 1 });
    expect(body.blueprints[0]).not.toHaveProperty('content');
    const rest = (await get(`${CATALOGUE}?offset=3`).expect(200)).body as typeof body;
    expect(rest).toMatchObject({ total: 4, limit: 50, offset: 3 });
    expect(rest.blueprints.map((item) => item.id)).toEqual([tie[1]]);
    expect((await get(`${CATALOGUE}?offset=10`).expect(200)).body).toMatchObject({ blueprints: [], total: 4 });
  });

  it('refuses bad parameters with their own codes', async () => {
    const otherMode = Buffer.from(JSON.stringify({ m: 'off', t: null, i: null })).toString('base64url');
    const cases: Array<[string, string]> = [
      ['cursor=not-a-cursor!', 'INVALID_CURSOR'],
      ['cursor=bm90IGpzb24', 'INVALID_CURSOR'],
      [`cursor=${otherMode}`, 'INVALID_CURSOR'],
      ['limit=0', 'INVALID_LIMIT'],
      ['limit=501', 'INVALID_LIMIT'],
      ['limit=ten', 'INVALID_LIMIT'],
      ['offset=0&limit=101', 'INVALID_LIMIT'],
      ['offset=-1', 'INVALID_OFFSET'],
      ['updated_since=yesterday', 'INVALID_UPDATED_SINCE'],
      ['updated_since=2026-11-22', 'INVALID_UPDATED_SINCE'],
      ['updated_since=2026-13-45T10:00:00Z', 'INVALID_UPDATED_SINCE'],
      ['unknown=1', 'VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) expect([query, await errorCode(query)]).toEqual([query, code]);
    // Bounds themselves are fine.
    await get(`${CATALOGUE}?limit=500`).expect(200);
    await get(`${CATALOGUE}?limit=1`).expect(200);
  });

  it('starts after updated_since when given one', async () => {
    const all = page(await get(CATALOGUE).expect(200)).blueprints;
    const since = all[1]?.updatedAt as string;
    const after = page(await get(`${CATALOGUE}?updated_since=${encodeURIComponent(since)}`).expect(200));
    expect(after.blueprints.map((item) => item.id)).toEqual(
      all.filter((item) => Date.parse(item.updatedAt as string) > Date.parse(since)).map((item) => item.id),
    );
    const future = page(await get(`${CATALOGUE}?updated_since=2999-01-01T00:00:00Z`).expect(200));
    expect(future).toMatchObject({ blueprints: [], tombstones: [], hasMore: false });
    // The empty page's cursor is its own position: resuming from it later sees what changed after that instant.
    expect(page(await get(`${CATALOGUE}?cursor=${future.cursor}`).expect(200)).blueprints).toEqual([]);
  });

  it('sends tombstones after a deletion, a switch to private and an unpublish, and nothing for drafts', async () => {
    const detail = async (id: string, owner: SignedIn) =>
      (await owner.agent.get(`/api/v1/blueprints/${id}`).expect(200)).body as BlueprintBody;
    const first = await detail(ids.first, alice);
    await alice.agent.delete(`/api/v1/blueprints/${ids.first}`).set(alice.writeHeaders).set(ifMatch(first)).expect(204);
    const second = await detail(ids.second, alice);
    await alice.agent
      .patch(`/api/v1/blueprints/${ids.second}`)
      .set(alice.writeHeaders)
      .set(ifMatch(second))
      .send({ visibility: 'private' })
      .expect(200);
    const third = await detail(ids.third, bob);
    await bob.agent
      .post(`/api/v1/blueprints/${ids.third}/unpublish`)
      .set(bob.writeHeaders)
      .set(ifMatch(third))
      .send({})
      .expect(200);
    // A draft edited now is still not in the catalogue.
    const draft = await detail(ids.draft, alice);
    await alice.agent
      .patch(`/api/v1/blueprints/${ids.draft}`)
      .set(alice.writeHeaders)
      .set(ifMatch(draft))
      .send({ description: 'still a draft' })
      .expect(200);
    await sleep(HOLD_BACK_WAIT_MS);

    const changes = page(await get(`${CATALOGUE}?cursor=${tailCursor}&include=content`).expect(200));
    expect(changes.blueprints).toEqual([]);
    expect(changes.tombstones.map((tombstone) => tombstone.id)).toEqual([ids.first, ids.second, ids.third]);
    for (const tombstone of changes.tombstones) {
      expect(Object.keys(tombstone)).toEqual(['id', 'deletedAt']);
      expect(new Date(tombstone.deletedAt).toISOString()).toBe(tombstone.deletedAt);
    }
    expect(changes.hasMore).toBe(false);

    // From the start: the one public blueprint left, the three tombstones, and never the drafts.
    const everything = page(await get(CATALOGUE).expect(200));
    expect(everything.blueprints.map((item) => item.id)).toEqual([ids.fourth]);
    expect(everything.tombstones.map((tombstone) => tombstone.id)).toEqual([ids.first, ids.second, ids.third]);
    const mentioned = JSON.stringify(everything);
    expect(mentioned).not.toContain(ids.draft);
    expect(mentioned).not.toContain(ids.privateDraft);
    expect(((await get(`${CATALOGUE}?offset=0`).expect(200)).body as { total: number }).total).toBe(1);
  });

  it('lets only an admin rotate the key; the manifest and new pages then use the new key only', async () => {
    const before = (await manifest()).publicKey;
    const refused = await bob.agent.post('/api/v1/admin/federation/key/rotate').set(bob.writeHeaders).expect(403);
    expect((refused.body as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await manifest()).publicKey).toEqual(before);

    const rotated = await alice.agent.post('/api/v1/admin/federation/key/rotate').set(alice.writeHeaders).expect(200);
    const fresh = rotated.body as { id: string; algorithm: string; key: string; createdAt: string };
    expect(fresh).toMatchObject({ algorithm: 'Ed25519' });
    expect(fresh.id).not.toBe(before.id);
    expect(fresh.id).toBe(keyIdOf(Buffer.from(fresh.key, 'base64url')));

    const after = await manifest();
    expect(after.publicKey).toEqual({ id: fresh.id, algorithm: 'Ed25519', key: fresh.key });
    expect(after.updatedAt).toBe(fresh.createdAt);

    const url = `${CATALOGUE}?cursor=${tailCursor}`;
    const response = await get(url).expect(200);
    const header = response.headers[SIGNATURE_HEADER] as string;
    const body = Buffer.from(response.text, 'utf8');
    expect(verifySignature(header, { publicKey: fresh.key }, url, body)).toEqual({ ok: true, keyId: fresh.id });
    expect(verifySignature(header, { publicKey: before.key }, url, body)).toEqual({
      ok: false,
      reason: 'SIGNATURE_KEY_MISMATCH',
    });

    const audit = await testApp.app.nest.get(PrismaService).auditEvent.findMany({
      where: { action: 'federation.key_rotated' },
    });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: alice.userId, targetType: 'instance_key', targetId: fresh.id }),
    ]);
  });
});

describe('Federation publishing: large pages and key creation', () => {
  let testApp: TestApp;
  let alice: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
  });
  afterAll(() => testApp.close());

  it('cuts a page with content at 4 MB of JSON, never an item in half, and resumes after the cut', async () => {
    // ~200 KB of content each, half of it quotes that JSON escapes to two bytes: 30 of them are ~9 MB of JSON.
    const line = `${'"'.repeat(50)}${'x'.repeat(49)}\n`;
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const content = `# Big ${index}\n${line.repeat(2000)}`;
      ids.push(
        (await createBlueprint(alice, { name: `Big ${index}`, visibility: 'public', publish: true, content })).id,
      );
    }
    await sleep(HOLD_BACK_WAIT_MS);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const response = await testApp.http
        .get(`${CATALOGUE}?include=content${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      pages += 1;
      expect(Buffer.byteLength(response.text)).toBeLessThanOrEqual(4 * 1024 * 1024);
      const body = page(response);
      for (const item of body.blueprints) expect(sha256(item.content as string)).toBe(item.contentHash);
      seen.push(...body.blueprints.map((item) => item.id));
      cursor = body.cursor;
      if (!body.hasMore) break;
      expect(body.blueprints.length).toBeGreaterThan(0);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(ids);
    // Without content the same entries fit one page.
    expect(page(await testApp.http.get(CATALOGUE).expect(200)).blueprints).toHaveLength(30);
  });

  it('creates exactly one key when several processes find none at the same time', async () => {
    const prisma = testApp.app.nest.get(PrismaService);
    const repository = testApp.app.nest.get(InstanceKeysRepository);
    await prisma.instanceKey.deleteMany();
    const make = () => {
      const key = generateSigningKey();
      return { id: key.keyId, publicKey: key.publicKey, privateKeyEncrypted: 'not used by this test' };
    };
    const results = await Promise.all([1, 2, 3, 4].map(() => repository.ensureActive(make)));
    expect(new Set(results.map((key) => key.id)).size).toBe(1);
    expect(await prisma.instanceKey.count()).toBe(1);
  });
});

describe('Federation publishing with FEDERATION_ENABLED=false', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { FEDERATION_ENABLED: 'false' } });
  });
  afterAll(() => testApp.close());

  it('answers the catalogue with 404 FEDERATION_DISABLED in both modes', async () => {
    for (const url of [CATALOGUE, `${CATALOGUE}?offset=0`]) {
      const response = await testApp.http.get(url).expect(404);
      expect((response.body as { error: { code: string } }).error.code).toBe('FEDERATION_DISABLED');
    }
    const body = (await testApp.http.get('/.well-known/lynxprompt.json').expect(200)).body as { federation: boolean };
    expect(body.federation).toBe(false);
  });
});
