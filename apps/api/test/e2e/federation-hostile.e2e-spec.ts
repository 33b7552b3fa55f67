import http from 'node:http';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import { startHostilePeer, type HostileBehaviour, type HostilePeer } from '../support/hostile-peer';
import { PrismaService } from '../../src/database/prisma.service';
import { INVALID_ITEMS_BREAKER } from '../../src/federation/crawler/crawl-log';
import { MetricsService } from '../../src/metrics/metrics.service';

jest.setTimeout(60_000);

/** Counts the connections it receives: a destination the crawler must never reach. */
async function startCanary(host: string, port: number) {
  let connections = 0;
  const server = http.createServer((_request, response) => response.end('{}'));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { connections: () => connections, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A peer that misbehaves on purpose, one behaviour per test. Each must be refused with a logged reason code, and the
 * instance must stay up, answering requests, with bounded memory.
 */
describe('a hostile peer', () => {
  let a: FederatedInstance;
  let hostile: HostilePeer;
  let canaryLoopback: Awaited<ReturnType<typeof startCanary>>;
  let canaryAllowed: Awaited<ReturnType<typeof startCanary>>;
  let canaryAllowedAddress: { host: string; port: number };

  beforeAll(async () => {
    const [addressA, addressHostile, addressLoopback] = await Promise.all([
      loopbackAddress('127.0.0.1'),
      loopbackAddress('127.0.0.5'),
      loopbackAddress('127.0.0.1'),
    ]);
    canaryAllowedAddress = await loopbackAddress('127.0.0.7');
    hostile = await startHostilePeer(addressHostile.host, addressHostile.port);
    canaryLoopback = await startCanary(addressLoopback.host, addressLoopback.port);
    canaryAllowed = await startCanary(canaryAllowedAddress.host, canaryAllowedAddress.port);
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      // The other host is reachable in principle: only the redirect rule keeps the crawler off it.
      allowPrivate: [addressHostile, canaryAllowedAddress],
      env: { OUTBOUND_TIMEOUT_MS: '3000' },
    });
  });

  afterAll(async () => {
    await a?.close();
    await hostile?.close();
    await canaryLoopback?.close();
    await canaryAllowed?.close();
  });

  afterEach(async () => {
    // The instance is still up and serving.
    await a.app.http.get('/api/health/live').expect(200);
    const peers = (await a.admin.agent.get('/api/v1/admin/federation/peers').expect(200)).body.items;
    for (const peer of peers) {
      await a.admin.agent.delete(`/api/v1/admin/federation/peers/${peer.id}`).set(a.admin.writeHeaders).expect(204);
    }
    hostile.behaviour = 'honest';
  });

  /** Adds the peer while its manifest misbehaves: the add answers, with the peer failing for `reason`. */
  async function addExpectingFailure(behaviour: HostileBehaviour, reason: string) {
    hostile.behaviour = behaviour;
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: hostile.domain })
      .expect(201);
    expect(added.body.status).toBe('failing');
    expect(added.body.lastError).toMatch(new RegExp(`^${reason}\\b`));
    const logged = a.app.logLines.some((line) => line.reason === reason && line.peer === hostile.domain);
    expect(logged).toBe(true);
  }

  /** Adds the honest peer, then switches behaviour and crawls: the run fails (or skips items) with `code`. */
  async function crawlExpecting(behaviour: HostileBehaviour, code: string, outcome = 'failed') {
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: hostile.domain })
      .expect(201);
    expect(added.body.status).toBe('verified');
    hostile.behaviour = behaviour;
    const result = await a.crawl(added.body.id);
    expect(result).toBe(outcome);
    const detail = await a.admin.agent.get(`/api/v1/admin/federation/peers/${added.body.id}`).expect(200);
    expect(detail.body.runs[0].errors.map((error: { code: string }) => error.code)).toContain(code);
    return { peerId: added.body.id as string, run: detail.body.runs[0], peer: detail.body.peer };
  }

  it('refuses a manifest that names another domain', async () => {
    await addExpectingFailure('wrong-domain', 'MANIFEST_DOMAIN_MISMATCH');
  });

  it('refuses a redirect to 127.0.0.1, and never connects there', async () => {
    hostile.redirectTarget = `http://127.0.0.1:${(await loopbackAddress('127.0.0.1')).port}/`;
    await addExpectingFailure('redirect-loopback', 'OUTBOUND_REDIRECT_REFUSED');
    expect(canaryLoopback.connections()).toBe(0);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    await addExpectingFailure('redirect-metadata', 'OUTBOUND_REDIRECT_REFUSED');
  });

  it('refuses a redirect to another host, even one it could otherwise reach', async () => {
    hostile.redirectTarget = `http://${canaryAllowedAddress.host}:${canaryAllowedAddress.port}/.well-known/lynxprompt.json`;
    await addExpectingFailure('redirect-other-host', 'OUTBOUND_REDIRECT_REFUSED');
    expect(canaryAllowed.connections()).toBe(0);
  });

  it('cuts a 200 MB body at the byte cap, with memory bounded', async () => {
    const before = process.memoryUsage().rss;
    await crawlExpecting('huge-body', 'OUTBOUND_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('gives up on a body that drips one byte a second', async () => {
    await crawlExpecting('drip', 'OUTBOUND_TIMEOUT');
  });

  it('refuses invalid JSON', async () => {
    await crawlExpecting('invalid-json', 'INVALID_JSON');
  });

  it('refuses the wrong content type', async () => {
    await crawlExpecting('wrong-content-type', 'OUTBOUND_CONTENT_TYPE');
  });

  it('refuses a page whose signature does not verify, applying nothing from it', async () => {
    const { peerId } = await crawlExpecting('bad-signature', 'SIGNATURE_INVALID');
    const prisma = a.app.app.nest.get(PrismaService);
    expect(await prisma.remoteBlueprint.count({ where: { peerId } })).toBe(0);
  });

  it('rejects an item whose content does not match its hash, keeping the honest ones', async () => {
    const { peerId, run } = await crawlExpecting('hash-mismatch', 'HASH_MISMATCH', 'succeeded');
    const prisma = a.app.app.nest.get(PrismaService);
    const kept = await prisma.remoteBlueprint.findMany({ where: { peerId } });
    expect(kept.map((copy) => copy.remoteId)).toEqual(['good']);
    expect(run.added).toBe(1);
    // The peer's javascript: link was replaced by its own origin.
    expect(kept[0]?.canonicalUrl).toBe(`http://${hostile.domain}/blueprints/good`);
  });

  it('stops a cursor that loops forever', async () => {
    await crawlExpecting('cursor-loop', 'CURSOR_LOOP');
  });

  it('refuses a page of a million tiny items, with memory bounded', async () => {
    const before = process.memoryUsage().rss;
    await crawlExpecting('million-items', 'PAGE_INVALID');
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('honours 429 with Retry-After: no crawl before the peer said', async () => {
    const { peer } = await crawlExpecting('rate-limited', 'RATE_LIMITED');
    expect(peer.status).toBe('failing');
    // Retry-After asked for two hours, longer than the first backoff (at most a minute).
    expect(Date.parse(peer.nextCrawlAt) - Date.now()).toBeGreaterThan(7000 * 1000);
  });

  it('skips items the database could not store (NUL, unpaired surrogates, year 0), keeping the rest of the page', async () => {
    const { peerId, run } = await crawlExpecting('unstorable-items', 'ITEM_INVALID', 'succeeded');
    const codes = run.errors.map((error: { code: string }) => error.code);
    expect(codes.filter((code: string) => code === 'ITEM_INVALID')).toHaveLength(3);
    // Year 0 passes validation; only the database refuses it, and only that item is lost.
    expect(codes).toContain('STORE_FAILED');
    const prisma = a.app.app.nest.get(PrismaService);
    const kept = await prisma.remoteBlueprint.findMany({ where: { peerId } });
    expect(kept.map((copy) => copy.remoteId)).toEqual(['good']);
    // The next crawl is not stuck on the same page.
    const peer = (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.peer;
    expect(peer.status).toBe('verified');
  });

  it('stops a signed peer whose items are all invalid, and records the run as rejected', async () => {
    hostile.requests = 0;
    const { run, peer } = await crawlExpecting('all-invalid', 'TOO_MANY_INVALID_ITEMS', 'rejected');
    expect(run.errors.map((error: { code: string }) => error.code)).toContain('HASH_MISMATCH');
    // The first page trips the breaker; at most the next one was already on its way.
    expect(run.requests).toBeLessThanOrEqual(2);
    expect(hostile.requests).toBeLessThanOrEqual(2);
    expect(run.added).toBe(0);
    expect(peer.status).toBe('failing');
    const crawls = await a.app.app.nest.get(MetricsService).federationCrawls.get();
    expect(crawls.values.find((value) => value.labels.outcome === 'rejected')?.value).toBeGreaterThan(0);
  });

  /** Adds the peer as a legacy one (no key), misbehaving from the start, and crawls it once. */
  async function crawlLegacy(behaviour: HostileBehaviour, outcome: string, code: string) {
    hostile.behaviour = behaviour;
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: hostile.domain })
      .expect(201);
    expect(added.body).toMatchObject({ status: 'verified', signed: false });
    hostile.requests = 0;
    expect(await a.crawl(added.body.id)).toBe(outcome);
    const detail = await a.admin.agent.get(`/api/v1/admin/federation/peers/${added.body.id}`).expect(200);
    const run = detail.body.runs[0];
    expect(run.errors.map((error: { code: string }) => error.code)).toContain(code);
    expect(hostile.requests).toBe(run.requests);
    return { run, peer: detail.body.peer };
  }

  it('stops a legacy peer that returns the same item on every page, in three requests', async () => {
    const { run, peer } = await crawlLegacy('legacy-same-item', 'failed', 'PAGE_LOOP');
    // The first page, its one content fetch, and the repeat.
    expect(run.requests).toBe(3);
    expect(peer.status).toBe('failing');
  });

  it('stops a legacy peer that claims a million items and answers garbage for each, as rejected', async () => {
    const { run } = await crawlLegacy('legacy-garbage', 'rejected', 'TOO_MANY_INVALID_ITEMS');
    // One page, then content fetches until the breaker trips (plus those already in flight).
    const peerConcurrency = a.app.app.config.federation.peerConcurrency;
    expect(run.requests).toBeLessThanOrEqual(1 + INVALID_ITEMS_BREAKER + peerConcurrency);
    expect(run.added).toBe(0);
    expect(run.bytes).toBeLessThan(200 * 1024);
  });

  it('stops a legacy peer that lists far more than it announced, within the budget its claim allows', async () => {
    const { run } = await crawlLegacy('legacy-overclaim', 'failed', 'REQUEST_BUDGET_EXCEEDED');
    // Announced 3: one page, three items, a page to find the end, and the slack of 10.
    expect(run.requests).toBeLessThanOrEqual(2 + 3 + 10);
  });

  it('lists a peer’s logo only when it is https on the peer’s own host', async () => {
    const [host, port] = hostile.domain.split(':') as [string, string];
    const cases: Array<[string, string | null]> = [
      [`https://${hostile.domain}/logo.png`, `https://${hostile.domain}/logo.png`],
      [`http://${hostile.domain}/logo.png`, null],
      [`https://evil.example/logo.png`, null],
      [`https://${host}:${Number(port) + 1}/logo.png`, null],
      [`https://user:pass@${hostile.domain}/logo.png`, null],
      ['javascript:alert(1)', null],
      ['data:image/svg+xml,<svg/>', null],
    ];
    try {
      for (const [logoUrl, shown] of cases) {
        hostile.logoUrl = logoUrl;
        const added = await a.admin.agent
          .post('/api/v1/admin/federation/peers')
          .set(a.admin.writeHeaders)
          .send({ domain: hostile.domain })
          .expect(201);
        const directory = await a.app.http.get('/api/v1/federation/instances').expect(200);
        const entry = directory.body.instances.find(
          (instance: { domain: string }) => instance.domain === hostile.domain,
        );
        expect({ logoUrl, shown: entry?.logoUrl }).toEqual({ logoUrl, shown });
        await a.admin.agent
          .delete(`/api/v1/admin/federation/peers/${added.body.id}`)
          .set(a.admin.writeHeaders)
          .expect(204);
      }
    } finally {
      hostile.logoUrl = undefined;
    }
  });

  it('stores items of every kind a peer publishes, MCP configurations included', async () => {
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain: hostile.domain })
      .expect(201);
    hostile.behaviour = 'every-kind';
    expect(await a.crawl(added.body.id)).toBe('succeeded');
    const items = (await a.app.http.get('/api/v1/blueprints').query({ instance: hostile.domain }).expect(200)).body
      .items as Array<{ kind: string }>;
    expect(items.map((entry) => entry.kind).sort()).toEqual(['agent', 'command', 'mcp-config', 'rules', 'skill']);
  });
});
