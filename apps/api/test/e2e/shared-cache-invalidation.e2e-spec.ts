import { Redis } from 'ioredis';
import { CacheInvalidationBus } from '../../src/http-cache/cache-invalidation-bus';
import { MetricsService } from '../../src/metrics/metrics.service';
import { createBlueprint, ifMatch, type BlueprintBody } from '../support/blueprints';
import { testRedisUrl } from '../support/services';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** How often the app logged `url` as answered by the shared cache. */
function cacheHits(testApp: TestApp, url: string): number {
  return testApp.logLines.filter(
    (line) => line.cache === 'hit' && (line.req as { url?: string } | undefined)?.url === url,
  ).length;
}

interface Page {
  items: Array<{ id: string; author: { handle: string } }>;
}

const idsOf = (body: unknown) => (body as Page).items.map((item) => item.id);
const authorOf = (blueprint: BlueprintBody) => (blueprint.author as { handle: string }).handle;

/** Reads `url` twice anonymously; the second read must be a hit, or nothing below would prove anything. */
async function warm(testApp: TestApp, url: string): Promise<void> {
  await testApp.http.get(url).expect(200);
  const before = cacheHits(testApp, url);
  await testApp.http.get(url).expect(200);
  expect(cacheHits(testApp, url)).toBe(before + 1);
}

async function makePrivate(owner: SignedIn, blueprint: BlueprintBody): Promise<void> {
  await owner.agent
    .patch(`/api/v1/blueprints/${blueprint.id}`)
    .set({ ...owner.writeHeaders, ...ifMatch(blueprint) })
    .send({ visibility: 'private' })
    .expect(200);
}

describe('Shared response cache: invalidation per resource', () => {
  let testApp: TestApp;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
    bob = await signInAs(testApp, 'bob@example.org');
  });
  afterAll(() => testApp?.close());

  it('a write to one blueprint leaves cached responses about others in place', async () => {
    const a = await createBlueprint(alice, { name: 'Albatross rules', visibility: 'public', publish: true });
    const b = await createBlueprint(alice, { name: 'Bittern rules', visibility: 'public', publish: true });
    const aUrl = `/api/v1/blueprints/${a.id}`;
    const bUrl = `/api/v1/blueprints/${b.id}`;
    const bRaw = `${bUrl}/raw`;
    const bPage = '/api/v1/blueprints?q=bittern';
    expect(idsOf((await testApp.http.get(bPage).expect(200)).body)).toEqual([b.id]);
    for (const url of [aUrl, bUrl, bRaw, bPage]) await warm(testApp, url);

    await alice.agent
      .patch(aUrl)
      .set({ ...alice.writeHeaders, ...ifMatch(a) })
      .send({ description: 'Changed' })
      .expect(200);

    const hitsBefore = [bUrl, bRaw, bPage, aUrl].map((url) => cacheHits(testApp, url));
    await testApp.http.get(bUrl).expect(200);
    await testApp.http.get(bRaw).expect(200);
    await testApp.http.get(bPage).expect(200);
    expect((await testApp.http.get(aUrl).expect(200)).body.description).toBe('Changed');
    expect([bUrl, bRaw, bPage, aUrl].map((url) => cacheHits(testApp, url))).toEqual([
      hitsBefore[0]! + 1,
      hitsBefore[1]! + 1,
      hitsBefore[2]! + 1,
      hitsBefore[3],
    ]);
  });

  it('making a blueprint private drops its detail, its raw content and the pages that listed it, at once', async () => {
    const a = await createBlueprint(alice, { name: 'Cormorant rules', visibility: 'public', publish: true });
    const detail = `/api/v1/blueprints/${a.id}`;
    const raw = `${detail}/raw`;
    const catalogue = '/api/v1/blueprints?q=cormorant';
    const profile = `/api/v1/profiles/${authorOf(a)}/blueprints`;
    for (const url of [detail, raw, catalogue, profile]) await warm(testApp, url);
    expect(idsOf((await testApp.http.get(profile).expect(200)).body)).toContain(a.id);

    await makePrivate(alice, a);

    await testApp.http.get(detail).expect(404);
    await testApp.http.get(raw).expect(404);
    expect(idsOf((await testApp.http.get(catalogue).expect(200)).body)).not.toContain(a.id);
    expect(idsOf((await testApp.http.get(profile).expect(200)).body)).not.toContain(a.id);
  });

  it('a handle change drops the pages showing that user, and only those', async () => {
    const mine = await createBlueprint(alice, { name: 'Dunlin rules', visibility: 'public', publish: true });
    const theirs = await createBlueprint(bob, { name: 'Dotterel rules', visibility: 'public', publish: true });
    const oldHandle = authorOf(mine);
    const mineUrl = `/api/v1/blueprints/${mine.id}`;
    const theirsUrl = `/api/v1/blueprints/${theirs.id}`;
    const minePage = '/api/v1/blueprints?q=dunlin';
    const profile = `/api/v1/profiles/${oldHandle}`;
    for (const url of [mineUrl, theirsUrl, minePage, profile]) await warm(testApp, url);

    const newHandle = `alice-${Date.now().toString(36)}`;
    await alice.agent.patch('/api/v1/account').set(alice.writeHeaders).send({ handle: newHandle }).expect(200);

    const theirHits = cacheHits(testApp, theirsUrl);
    expect((await testApp.http.get(mineUrl).expect(200)).body.author.handle).toBe(newHandle);
    expect((await testApp.http.get(minePage).expect(200)).body.items[0].author.handle).toBe(newHandle);
    await testApp.http.get(profile).expect(404);
    await testApp.http.get(theirsUrl).expect(200);
    expect(cacheHits(testApp, theirsUrl)).toBe(theirHits + 1);
  });
});

describe('Shared response cache: invalidation across replicas', () => {
  let replicaA: TestApp;
  let replicaB: TestApp;
  let alice: SignedIn;

  beforeAll(async () => {
    replicaA = await startTestApp({ extraImports: [TestSignInModule] });
    replicaB = await startTestApp({ replicaOf: replicaA });
    alice = await signInAs(replicaA, 'alice@example.org');
  });
  afterAll(async () => {
    await replicaB?.close();
    await replicaA?.close();
  });

  it('a blueprint made private on one replica stops being served by the other within a second', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Eider rules', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    await warm(replicaB, url);

    await makePrivate(alice, blueprint);
    const madePrivateAt = performance.now();
    let status = 200;
    let elapsed = 0;
    while (status === 200 && elapsed < 5_000) {
      status = (await replicaB.http.get(url)).status;
      elapsed = performance.now() - madePrivateAt;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(status).toBe(404);
    // Told by replica A: left alone, B's copy would live for PUBLIC_READ_CACHE_SECONDS (30 s).
    expect(elapsed).toBeLessThanOrEqual(1_000);
    const counted = await replicaB.app.nest
      .get(MetricsService)
      .httpCacheInvalidations.get()
      .then((metric) => metric.values.find((value) => value.labels.source === 'remote')?.value ?? 0);
    expect(counted).toBeGreaterThanOrEqual(1);
  });

  it('ignores malformed messages on the channel and applies a well-formed one from any other origin', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Gannet rules', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    await warm(replicaB, url);
    const channel = `${replicaB.replicaEnv.REDIS_PREFIX}http-cache:invalidate`;
    const redis = new Redis(testRedisUrl());
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    try {
      for (const message of ['not json', '{"origin":"x","tags":[1]}', '{"tags":["x"]}', 'null', '[]']) {
        await redis.publish(channel, message);
      }
      // Its own origin is skipped: this process already applied what it published.
      const own = replicaB.app.nest.get(CacheInvalidationBus).origin;
      await redis.publish(channel, JSON.stringify({ origin: own, tags: [`blueprint:${blueprint.id}`] }));
      await settle();
      let hits = cacheHits(replicaB, url);
      await replicaB.http.get(url).expect(200);
      expect(cacheHits(replicaB, url)).toBe(hits + 1);

      await redis.publish(channel, JSON.stringify({ origin: 'elsewhere', tags: [`blueprint:${blueprint.id}`] }));
      await settle();
      hits = cacheHits(replicaB, url);
      await replicaB.http.get(url).expect(200);
      expect(cacheHits(replicaB, url)).toBe(hits);
    } finally {
      redis.disconnect();
    }
  });

  it('a replica whose subscription was cut clears its whole cache once it is subscribed again', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Fulmar rules', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    await warm(replicaB, url);

    // Cut replica B's subscription only (other specs may be subscribed on this Redis too).
    const name = `${replicaB.replicaEnv.REDIS_PREFIX}http-cache-invalidations:${replicaB.app.nest.get(CacheInvalidationBus).origin}`;
    const redis = new Redis(testRedisUrl());
    try {
      const clients = ((await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string)
        .split('\n')
        .filter((line) => line.includes(` name=${name} `));
      expect(clients).toHaveLength(1);
      const id = /(?:^| )id=(\d+) /.exec(clients[0] as string)?.[1] as string;
      await redis.call('CLIENT', 'KILL', 'ID', id);
    } finally {
      redis.disconnect();
    }

    const resubscribed = () =>
      replicaB.logLines.some((line) => String(line.msg).startsWith('resubscribed to shared-cache invalidations'));
    const deadline = Date.now() + 5_000;
    while (!resubscribed() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resubscribed()).toBe(true);

    const hits = cacheHits(replicaB, url);
    await replicaB.http.get(url).expect(200);
    expect(cacheHits(replicaB, url)).toBe(hits);
    await replicaB.http.get(url).expect(200);
    expect(cacheHits(replicaB, url)).toBe(hits + 1);
  });
});
