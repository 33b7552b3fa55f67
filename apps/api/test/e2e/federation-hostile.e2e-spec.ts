import http from 'node:http';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import { startHostilePeer, type HostileBehaviour, type HostilePeer } from '../support/hostile-peer';
import { PrismaService } from '../../src/database/prisma.service';

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
