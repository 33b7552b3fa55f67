import { PrismaService } from '../../src/database/prisma.service';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import {
  REFERENCE_CATEGORIES,
  REFERENCE_TYPES,
  referenceBlueprint,
  startReferenceInstance,
  type ReferenceBlueprint,
  type ReferenceInstance,
} from '../support/reference-instance';

jest.setTimeout(120_000);

/** Blueprints on the peer: every type and category it has, free-form tags, and downloads tied in groups larger than a page. */
const COUNT = 600;
const TIE_GROUP = 150;
const REFRESH_PER_RUN = 5;
const FREE_FORM_TAGS = [['unit testing', 'ci/cd'], ['.net', 'C#'], ['React Native', 'node.js'], ['typescript']];

interface Run {
  requests: number;
  added: number;
  updated: number;
  removed: number;
  errors: Array<{ code: string }>;
  fetches: Record<string, { count: number; ids: string[] } | undefined>;
}

/**
 * Following an existing LynxPrompt instance as its operators would: the peer counts every content request as a
 * download, and its list, sorted by downloads alone, skips tied items. We must cost it little, inflate nothing, and
 * never remove what it still publishes.
 */
describe('a good neighbour to a legacy peer', () => {
  let a: FederatedInstance;
  let peer: ReferenceInstance;
  let peerId: string;
  let prisma: PrismaService;
  const blueprints: ReferenceBlueprint[] = [];

  const latestRun = async (): Promise<Run> =>
    (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs[0];
  const held = () => prisma.remoteBlueprint.count({ where: { peerId } });

  /** One crawl, with what it cost the peer: detail requests per blueprint (each a download there). */
  async function crawl(): Promise<{ run: Run; details: Map<string, number>; lists: number }> {
    const fetchesBefore = new Map(peer.contentFetches);
    const listsBefore = peer.requests.list;
    expect(await a.crawl(peerId)).toBe('succeeded');
    const details = new Map<string, number>();
    for (const [id, count] of peer.contentFetches) {
      const delta = count - (fetchesBefore.get(id) ?? 0);
      if (delta > 0) details.set(id, delta);
    }
    return { run: await latestRun(), details, lists: peer.requests.list - listsBefore };
  }

  /** The ids a plain walk of the list with full pages sees, as our crawler once walked it. */
  async function plainWalk(): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let offset = 0; offset < COUNT; offset += 100) {
      const page = await fetch(`${peer.url}/api/v1/federation/blueprints?limit=100&offset=${offset}`);
      for (const entry of ((await page.json()) as { blueprints: Array<{ id: string }> }).blueprints) seen.add(entry.id);
    }
    return seen;
  }

  beforeAll(async () => {
    const [addressA, addressPeer] = await Promise.all([loopbackAddress('127.0.0.1'), loopbackAddress('127.0.0.9')]);
    peer = await startReferenceInstance(addressPeer.host, addressPeer.port);
    for (let index = 0; index < COUNT; index += 1) {
      const blueprint = referenceBlueprint({
        type: REFERENCE_TYPES[index % REFERENCE_TYPES.length],
        category: REFERENCE_CATEGORIES[index % REFERENCE_CATEGORIES.length],
        tags: FREE_FORM_TAGS[index % FREE_FORM_TAGS.length],
        description: index % 7 === 0 ? null : `Blueprint number ${index}`,
        downloads: 1000 - Math.floor(index / TIE_GROUP) * 100,
      });
      blueprints.push(blueprint);
      peer.blueprints.set(blueprint.id, blueprint);
    }
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressPeer],
      env: { FEDERATION_LEGACY_REFRESH_PER_RUN: String(REFRESH_PER_RUN) },
    });
    prisma = a.app.app.nest.get(PrismaService);
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: peer.domain })
      .expect(201);
    peerId = added.body.id;
  });

  afterAll(async () => {
    await a?.close();
    await peer?.close();
  });

  it('finds items a plain walk of the list skips, fetching each one’s content once', async () => {
    // The condition of the defect: ties across page boundaries make a plain walk miss items, the same ones each time.
    const [first, second] = [await plainWalk(), await plainWalk()];
    expect(first.size).toBeLessThan(COUNT);
    expect([...second].sort()).toEqual([...first].sort());

    let runs = 0;
    while ((await held()) < COUNT && runs < 5) {
      const { details } = await crawl();
      expect(Math.max(0, ...details.values())).toBe(1);
      runs += 1;
    }
    expect(await held()).toBe(COUNT);
    expect(Math.max(...peer.contentFetches.values())).toBe(1);
  });

  it('maps every type, category and free-form tag, and keeps a null description null', async () => {
    const copies = await prisma.remoteBlueprint.findMany({ where: { peerId } });
    const byId = new Map(copies.map((copy) => [copy.remoteId, copy]));
    for (const blueprint of blueprints) {
      const copy = byId.get(blueprint.id)!;
      expect({ type: blueprint.type, mapped: copy.category !== null }).toEqual({ type: blueprint.type, mapped: true });
      expect(copy.description).toBe(blueprint.description);
    }
    const formatOf = (type: string) => copies.find((copy) => byId.get(copy.remoteId) && typeOf(copy.remoteId) === type);
    const typeOf = (id: string) => peer.blueprints.get(id)?.type;
    expect(formatOf('CURSOR_MDC')).toMatchObject({ format: 'cursor-rules', tool: 'cursor', kind: 'rules' });
    expect(formatOf('KIRO_STEERING')).toMatchObject({ format: 'kiro-steering' });
    expect(formatOf('COPILOT_PROMPT')).toMatchObject({ format: 'copilot-prompt', kind: 'command' });
    expect(formatOf('WINDSURF_WORKFLOW')).toMatchObject({ format: 'windsurf-workflow', kind: 'command' });
    expect(new Set(copies.map((copy) => copy.category))).toEqual(
      new Set(['web', 'fullstack', 'devops', 'mobile', 'data', 'backend', 'other']),
    );
    // Every tag the peer accepted is kept, in our spelling.
    for (const copy of copies) expect(copy.tags).toHaveLength(peer.blueprints.get(copy.remoteId)!.tags.length);

    const found = await a.app.http
      .get('/api/v1/blueprints')
      .query({ instance: peer.domain, tag: 'unit-testing', limit: '100' })
      .expect(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    const described = await a.app.http.get(`/api/v1/blueprints/${copies.find((copy) => !copy.description)!.id}`);
    expect(described.body.description).toBeNull();
  });

  it('re-crawls an unchanged peer for one walk of its list and the refresh budget: no download is inflated', async () => {
    for (let run = 0; run < 2; run += 1) {
      const downloadsBefore = new Map(blueprints.map((blueprint) => [blueprint.id, blueprint.downloads]));
      const { run: crawled, details, lists } = await crawl();
      expect(crawled).toMatchObject({ added: 0, updated: 0, removed: 0 });
      expect(Object.keys(crawled.fetches)).toEqual(['refresh']);
      expect(crawled.fetches.refresh?.count).toBe(REFRESH_PER_RUN);
      expect([...(crawled.fetches.refresh?.ids ?? [])].sort()).toEqual([...details.keys()].sort());
      // The items the walk skipped are copies listed or checked within the day: no other walk, no confirmation.
      expect(lists).toBe(Math.ceil(COUNT / 100));
      expect(crawled.requests).toBe(lists + REFRESH_PER_RUN);
      // The only downloads added on the peer: one for each refreshed blueprint.
      const inflated = blueprints.filter((blueprint) => blueprint.downloads !== downloadsBefore.get(blueprint.id));
      expect(inflated.map((blueprint) => blueprint.id).sort()).toEqual([...details.keys()].sort());
    }
  });

  it('refreshes download and favourite counts from the list without requesting content', async () => {
    const popular = blueprints[3]!;
    popular.downloads += 7;
    popular.favorites = 321;
    const { run } = await crawl();
    expect(run.fetches.changed).toBeUndefined();
    const copy = await prisma.remoteBlueprint.findFirstOrThrow({ where: { peerId, remoteId: popular.id } });
    expect({ downloads: copy.downloadCount, favorites: copy.favoriteCount }).toEqual({
      downloads: popular.downloads,
      favorites: 321,
    });
  });

  it('removes nothing a walk skips while it is still public, and what its own address says is gone', async () => {
    // The list stops listing 30 items that stay public (as a skipped tie would), and one is deleted.
    const skipped = blueprints.slice(100, 130);
    const deleted = blueprints[200]!;
    const privateOne = blueprints[201]!;
    const hidden = new Set(skipped.map((blueprint) => blueprint.id));
    peer.hideFromList = (id) => hidden.has(id);
    peer.blueprints.delete(deleted.id);
    privateOne.isPublic = false;
    const { run } = await crawl();
    // More copies unlisted than the list skipped: some are gone, so every unlisted one is asked about.
    expect(run.removed).toBe(2);
    expect(run.fetches.confirm?.count).toBeGreaterThanOrEqual(skipped.length + 2);
    expect(await held()).toBe(COUNT - 2);

    // Now as many are unlisted as the list skips, all asked about within the day: none is asked about again.
    const next = await crawl();
    expect(next.run.fetches.confirm).toBeUndefined();
    expect(next.run.removed).toBe(0);
  });

  it('removes nothing after walks that listed far fewer items than the peer announces', async () => {
    // A third of the list goes missing while still public, and one blueprint is deleted: the count says something
    // is gone, but walks that saw two thirds of the catalogue cannot tell what.
    const deleted = blueprints[300]!;
    peer.blueprints.delete(deleted.id);
    peer.hideFromList = (id) => Number.parseInt(id.slice(-5), 10) % 3 === 0;
    const { run } = await crawl();
    expect(run.removed).toBe(0);
    expect(run.fetches.confirm).toBeUndefined();
    expect(run.errors.map((error) => error.code)).toContain('WALK_INCOMPLETE');
    expect(await held()).toBe(COUNT - 2);

    // Listed whole again: the deleted one is asked about, and goes.
    peer.hideFromList = () => false;
    const next = await crawl();
    expect(next.run.fetches.confirm?.ids).toContain(deleted.id);
    expect(next.run.removed).toBe(1);
    expect(await held()).toBe(COUNT - 3);
  });

  it('brings back an item removed by mistake on the next walk that lists it', async () => {
    const victim = blueprints[42]!;
    await prisma.remoteBlueprint.deleteMany({ where: { peerId, remoteId: victim.id } });
    const { run } = await crawl();
    expect(run.fetches.new).toEqual({ count: 1, ids: [victim.id] });
    expect(await held()).toBe(COUNT - 3);
  });
});
