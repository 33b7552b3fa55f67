import http from 'node:http';
import { PrismaService } from '../../src/database/prisma.service';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from '../support/federation';
import { referenceBlueprint, startReferenceInstance, type ReferenceInstance } from '../support/reference-instance';

jest.setTimeout(60_000);

/** Sends what an existing LynxPrompt instance sends to its registry: an anonymous POST naming its domain. */
function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('compatibility with the reference product (legacy peers)', () => {
  let a: FederatedInstance;
  let reference: ReferenceInstance;
  let peerId: string;
  const [first, second, third] = [
    referenceBlueprint(),
    // Free-form tags as older instances send them; the last one is too long to be a tag here.
    referenceBlueprint({
      type: 'CLAUDE_COMMAND',
      tags: ['Unit Testing', 'ci/cd', '.NET', 'C#', 'Node.js', 'React Native', 'café', 'c#', 'x'.repeat(40)],
    }),
    referenceBlueprint({ type: 'SOMETHING_NEW' }),
  ];

  const namesOnA = async () =>
    (
      await a.app.http.get('/api/v1/blueprints').query({ instance: reference.domain, limit: '100' }).expect(200)
    ).body.items
      .map((item: { name: string }) => item.name)
      .sort();

  beforeAll(async () => {
    const [addressA, addressRef] = await Promise.all([loopbackAddress('127.0.0.1'), loopbackAddress('127.0.0.4')]);
    reference = await startReferenceInstance(addressRef.host, addressRef.port);
    for (const blueprint of [first, second, third]) reference.blueprints.set(blueprint!.id, blueprint!);
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressRef],
      // One unchanged item's content is fetched again per run, the one checked longest ago.
      env: { FEDERATION_LEGACY_REFRESH_PER_RUN: '1' },
    });
  });

  afterAll(async () => {
    await a?.close();
    await reference?.close();
  });

  it('accepts a registration from an existing instance, verified as a legacy (unsigned) peer', async () => {
    const answer = await postJson(`${a.url}/api/v1/federation/register`, { domain: reference.domain });
    expect(answer).toEqual({ status: 200, body: { ok: true, domain: reference.domain, status: 'verified' } });
    const peers = (await a.admin.agent.get('/api/v1/admin/federation/peers').expect(200)).body.items;
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ domain: reference.domain, signed: false, source: 'registration', keyId: null });
    peerId = peers[0].id;

    const heartbeat = await postJson(`${a.url}/api/v1/federation/heartbeat`, { domain: reference.domain });
    expect(heartbeat.status).toBe(200);
    const instances = await a.app.http.get('/api/v1/federation/instances').query({ active: 'true' }).expect(200);
    expect(instances.body.instances).toEqual([
      expect.objectContaining({
        domain: reference.domain,
        name: 'LynxPrompt',
        version: '2.1.0',
        publicBlueprintCount: 3,
      }),
    ]);
  });

  it('answers an unknown heartbeat and closed registrations with stable codes', async () => {
    const unknown = await postJson(`${a.url}/api/v1/federation/heartbeat`, { domain: 'unknown.example' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'PEER_NOT_REGISTERED' } } });

    await a.admin.agent
      .patch('/api/v1/admin/federation/settings')
      .set(a.admin.writeHeaders)
      .send({ acceptRegistrations: false })
      .expect(200);
    const closed = await postJson(`${a.url}/api/v1/federation/register`, { domain: reference.domain });
    expect(closed).toMatchObject({ status: 403, body: { error: { code: 'REGISTRATIONS_CLOSED' } } });
    await a.admin.agent
      .patch('/api/v1/admin/federation/settings')
      .set(a.admin.writeHeaders)
      .send({ acceptRegistrations: true })
      .expect(200);
  });

  it('crawls the limit/offset catalogue, fetching each blueprint’s content once, from /api/blueprints/bp_<id>', async () => {
    expect(await a.crawl(peerId)).toBe('succeeded');
    expect(await namesOnA()).toEqual([first!.name, second!.name, third!.name].sort());
    expect([...reference.contentFetches.values()]).toEqual([1, 1, 1]);

    const items = (await a.app.http.get('/api/v1/blueprints').query({ instance: reference.domain }).expect(200)).body
      .items as Array<{ id: string; name: string; kind: string; origin: { signed?: boolean } }>;
    const command = items.find((item) => item.name === second!.name);
    expect(command).toMatchObject({ kind: 'command', origin: { signed: false } });
    // An unknown type is kept, as generic rules.
    expect(items.find((item) => item.name === third!.name)?.kind).toBe('rules');
    const detail = await a.app.http.get(`/api/v1/blueprints/${command?.id}`).expect(200);
    expect(detail.body.content).toBe(second!.content);
    expect(detail.body.tags).toEqual(['unit-testing', 'ci-cd', 'dotnet', 'c#', 'node.js', 'react-native', 'cafe']);
  });

  const latestRun = async () =>
    (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs[0] as {
      updated: number;
      removed: number;
      fetches: Record<string, { count: number; ids: string[] }>;
    };

  it('fetches an unchanged item again only within the refresh budget, the one checked longest ago first', async () => {
    const before = new Map(reference.contentFetches);
    expect(await a.crawl(peerId)).toBe('succeeded');
    const refreshed = [...reference.contentFetches].filter(([id, count]) => count > (before.get(id) ?? 0));
    expect(refreshed).toHaveLength(1);
    const run = await latestRun();
    expect(run.fetches).toEqual({ refresh: { count: 1, ids: [refreshed[0]![0]] } });
    expect(run.updated).toBe(0);

    // The next run refreshes another one: the budget walks the catalogue, oldest check first.
    expect(await a.crawl(peerId)).toBe('succeeded');
    expect((await latestRun()).fetches.refresh?.ids).not.toEqual([refreshed[0]![0]]);
  });

  it('fetches the content of an item whose listing changed, and catches a silent edit by refreshing', async () => {
    first!.content = '# Conventions, revised\n';
    first!.description = 'Revised conventions';
    await a.crawl(peerId);
    expect((await latestRun()).fetches.changed).toEqual({ count: 1, ids: [first!.id] });
    const copy = (
      await a.app.http.get('/api/v1/blueprints').query({ instance: reference.domain, q: 'revised' }).expect(200)
    ).body.items[0];
    expect(copy.description).toBe('Revised conventions');
    expect((await a.app.http.get(`/api/v1/blueprints/${copy.id}`).expect(200)).body.content).toBe(
      '# Conventions, revised\n',
    );

    // An edit of the content alone leaves the listing as it was: the refresh budget finds it within a few runs.
    second!.content = '# Silently edited\n';
    for (let run = 0; run < 3; run += 1) await a.crawl(peerId);
    const silent = (
      await a.app.http.get('/api/v1/blueprints').query({ instance: reference.domain, q: 'silently' }).expect(200)
    ).body.items;
    expect(silent.map((item: { name: string }) => item.name)).toEqual([second!.name]);
  });

  it('removes a blueprint the catalogue stopped listing once its own address says it is gone', async () => {
    reference.blueprints.delete(third!.id);
    await a.crawl(peerId);
    expect(await namesOnA()).not.toContain(third!.name);
    const run = await latestRun();
    expect(run.removed).toBe(1);
    expect(run.fetches.confirm).toEqual({ count: 1, ids: [third!.id] });
    const prisma = a.app.app.nest.get(PrismaService);
    expect(await prisma.remoteBlueprint.count({ where: { peerId } })).toBe(2);
  });

  it('refuses a registration whose manifest names another domain', async () => {
    const liar = await loopbackAddress('127.0.0.6');
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          name: 'Liar',
          domain: 'prompts.example.org',
          version: '1',
          federation: true,
          api: 'x',
          publicBlueprints: 0,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(liar.port, liar.host, resolve));
    try {
      const answer = await postJson(`${a.url}/api/v1/federation/register`, { domain: `${liar.host}:${liar.port}` });
      // Not allow-listed for outbound requests either way: refused before or at the manifest.
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: 'PEER_VERIFICATION_FAILED' } });
    } finally {
      server.close();
    }
  });

  it('tells an anonymous registrant only a generic reason, and an admin the detail', async () => {
    // A name whose address the outbound client refuses: what it resolves to is nobody else's business.
    const hidden = await loopbackAddress('127.0.0.6');
    const domain = `localhost:${hidden.port}`;
    const anonymous = await postJson(`${a.url}/api/v1/federation/register`, { domain });
    expect(anonymous.status).toBe(422);
    expect(anonymous.body.error).toEqual({
      code: 'PEER_VERIFICATION_FAILED',
      message: `${domain} could not be verified: no manifest could be fetched from it`,
      details: { reason: 'MANIFEST_UNREACHABLE' },
    });
    expect(JSON.stringify(anonymous.body)).not.toMatch(/127\.0\.0\.1|::1|Refusing|OUTBOUND_/);

    const admin = await a.admin.agent
      .post('/api/v1/federation/register')
      .set(a.admin.writeHeaders)
      .send({ domain })
      .expect(422);
    expect(admin.body.error.details).toEqual({ reason: 'OUTBOUND_ADDRESS_REFUSED', addressKind: 'loopback' });
    expect(admin.body.error.message).toMatch(/127\.0\.0\.1|::1/);

    // Added by an admin, the peer says why, in a form the admin page turns into a hint, and that it never verified.
    const added = await a.admin.agent
      .post('/api/v1/admin/federation/peers')
      .set(a.admin.writeHeaders)
      .send({ domain })
      .expect(201);
    expect(added.body).toMatchObject({
      status: 'failing',
      verifiedAt: null,
      lastErrorDetails: { reason: 'OUTBOUND_ADDRESS_REFUSED', addressKind: 'loopback' },
    });
    await a.admin.agent.delete(`/api/v1/admin/federation/peers/${added.body.id}`).set(a.admin.writeHeaders).expect(204);
  });

  it('in allowlist mode federates only with allowed domains, purging the others until one is allowed', async () => {
    const prisma = a.app.app.nest.get(PrismaService);
    const settings = (mode: boolean) =>
      a.admin.agent.patch('/api/v1/admin/federation/settings').set(a.admin.writeHeaders).send({ allowlistMode: mode });
    await settings(true).expect(200);
    const blocked = (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.peer;
    expect(blocked).toMatchObject({ status: 'blocked', policy: 'block' });
    expect(await prisma.remoteBlueprint.count({ where: { peerId } })).toBe(0);
    expect(await a.crawl(peerId)).toBe('skipped');

    await a.admin.agent
      .post('/api/v1/admin/federation/domain-rules')
      .set(a.admin.writeHeaders)
      .send({ domain: '127.0.0.4', action: 'allow' })
      .expect(201);
    expect(await a.crawl(peerId)).toBe('succeeded');
    expect(await namesOnA()).toEqual([first!.name, second!.name].sort());
    await settings(false).expect(200);
    const audit = await prisma.auditEvent.findMany({ where: { action: { startsWith: 'federation.' } } });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'federation.settings_changed',
        'federation.domain_rule_set',
        'federation.peer_registered',
      ]),
    );
  });
});
