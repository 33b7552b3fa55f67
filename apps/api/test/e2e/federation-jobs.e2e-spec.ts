import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import { referenceBlueprint, startReferenceInstance, type ReferenceInstance } from '../support/reference-instance';

jest.setTimeout(60_000);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Crawls as they run in production: queued as jobs and picked up by the worker, one at a time per peer. */
describe('crawl jobs', () => {
  let a: FederatedInstance;
  let reference: ReferenceInstance;

  beforeAll(async () => {
    const [addressA, addressRef] = await Promise.all([loopbackAddress('127.0.0.1'), loopbackAddress('127.0.0.8')]);
    reference = await startReferenceInstance(addressRef.host, addressRef.port);
    for (let i = 0; i < 5; i += 1) {
      const blueprint = referenceBlueprint();
      reference.blueprints.set(blueprint.id, blueprint);
    }
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressRef],
      env: { LP_MODE: 'all', METRICS_TOKEN: 'metrics-token-for-tests-0123456789' },
    });
  });

  afterAll(async () => {
    await a?.close();
    await reference?.close();
  });

  it('crawls a peer that registers, through the job queue, without anyone asking', async () => {
    await a.app.http.post('/api/v1/federation/register').send({ domain: reference.domain }).expect(200);
    type PeerItem = { blueprintCount: number; latestRun: { outcome?: string } | null };
    // The count is written as the crawl stores blueprints; the run's outcome a moment later, when it ends.
    const peers = await eventually(
      async () => (await a.admin.agent.get('/api/v1/admin/federation/peers').expect(200)).body.items as PeerItem[],
      (items) => items[0]?.blueprintCount === 5 && items[0]?.latestRun?.outcome !== 'running',
    );
    expect(peers[0]).toMatchObject({ domain: reference.domain, status: 'verified', blueprintCount: 5 });
    expect(peers[0]?.latestRun).toMatchObject({ trigger: 'registration', outcome: 'succeeded', added: 5 });
  });

  it('queues a crawl when an admin asks, and never runs two crawls of one peer at once', async () => {
    const peerId = (await a.admin.agent.get('/api/v1/admin/federation/peers').expect(200)).body.items[0].id;
    const runsBefore = (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs
      .length;
    await a.admin.agent.post(`/api/v1/admin/federation/peers/${peerId}/crawl`).set(a.admin.writeHeaders).expect(202);
    const runs = await eventually(
      async () => (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs,
      (list: Array<{ outcome: string }>) => list.length > runsBefore && list[0]?.outcome !== 'running',
    );
    expect(runs[0]).toMatchObject({ trigger: 'manual', outcome: 'succeeded' });

    // Two workers picking up the same peer at the same moment: the per-peer lock lets one through.
    const results = await Promise.all([a.crawl(peerId), a.crawl(peerId)]);
    expect(results.sort()).toEqual(['locked', 'succeeded']);
  });

  it("starts an admin's crawl at once, not at the scheduler's next tick", async () => {
    const peerId = (await a.admin.agent.get('/api/v1/admin/federation/peers').expect(200)).body.items[0].id;
    const runsBefore = (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs
      .length;
    const requestedAt = Date.now();
    await a.admin.agent.post(`/api/v1/admin/federation/peers/${peerId}/crawl`).set(a.admin.writeHeaders).expect(202);
    const runs = await eventually(
      async () => (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs,
      (list: Array<{ startedAt: string }>) => list.length > runsBefore,
    );
    expect(runs[0]).toMatchObject({ trigger: 'manual' });
    // The bound: within a second of the request, where the scheduler's next tick is up to a minute away.
    expect(Date.parse(runs[0]?.startedAt ?? 'never') - requestedAt).toBeLessThan(1_000);
  });

  it('counts crawls and their requests in the metrics', async () => {
    const metrics = await a.app.http
      .get('/metrics')
      .set('Authorization', 'Bearer metrics-token-for-tests-0123456789')
      .expect(200);
    expect(metrics.text).toMatch(/^federation_crawls_total\{outcome="succeeded"\} [1-9]/m);
    expect(metrics.text).toMatch(/^federation_crawl_requests_total [1-9]/m);
  });
});
