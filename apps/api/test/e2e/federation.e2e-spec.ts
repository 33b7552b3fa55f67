import { createBlueprint, ifMatch } from '../support/blueprints';
import {
  loopbackAddress,
  startFederatedInstance,
  waitOutHoldBack,
  type FederatedInstance,
} from '../support/federation';
import { PrismaService } from '../../src/database/prisma.service';
import { signInAs } from '../support/sign-in';

jest.setTimeout(120_000);

/**
 * Three real instances of our app on loopback, each on its own database: A crawls B and C. Every change on B or C is
 * observed on A through A's public API after one crawl, exactly as a user would see it.
 */
describe('federation between three instances', () => {
  let a: FederatedInstance;
  let b: FederatedInstance;
  let c: FederatedInstance;
  const peerIds: Record<'b' | 'c', string> = { b: '', c: '' };

  const publish = { visibility: 'public', publish: true };
  const search = async (query: Record<string, string>) =>
    (await a.app.http.get('/api/v1/blueprints').query(query).expect(200)).body as {
      items: Array<{ id: string; name: string; origin: { instance: string; local: boolean; url?: string } }>;
    };
  const namesFrom = async (instance: FederatedInstance) =>
    (await search({ instance: instance.domain, limit: '100' })).items.map((item) => item.name).sort();
  const lastRun = async (peerId: string) =>
    (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerId}`).expect(200)).body.runs[0] as {
      outcome: string;
      requests: number;
      added: number;
      updated: number;
      removed: number;
      errors: Array<{ code: string }>;
    };

  beforeAll(async () => {
    const [addressA, addressB, addressC] = await Promise.all([
      loopbackAddress('127.0.0.1'),
      loopbackAddress('127.0.0.2'),
      loopbackAddress('127.0.0.3'),
    ]);
    [b, c] = await Promise.all([
      startFederatedInstance(addressB, { name: 'Instance B', adminEmail: 'admin@b.test' }),
      startFederatedInstance(addressC, { name: 'Instance C', adminEmail: 'admin@c.test' }),
    ]);
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressB, addressC],
    });
  });

  afterAll(async () => {
    await Promise.all([a, b, c].filter(Boolean).map((instance) => instance.close()));
  });

  it('verifies each peer an admin adds, pinning its signing key', async () => {
    for (const [name, peer] of [
      ['b', b],
      ['c', c],
    ] as const) {
      const manifest = (await peer.app.http.get('/.well-known/lynxprompt.json').expect(200)).body;
      const added = await a.admin.agent
        .post('/api/v1/admin/federation/peers')
        .set(a.admin.writeHeaders)
        .send({ domain: peer.domain })
        .expect(201);
      expect(added.body).toMatchObject({
        domain: peer.domain,
        status: 'verified',
        signed: true,
        keyId: manifest.publicKey.id,
        name: manifest.name,
        pendingKey: null,
      });
      peerIds[name] = added.body.id;
    }
    const directory = await a.app.http.get('/api/v1/federation/peers').expect(200);
    expect(directory.body.items.map((entry: { domain: string }) => entry.domain).sort()).toEqual(
      [b.domain, c.domain].sort(),
    );
  });

  it('shows the public blueprints of B and C in A’s search, labelled with their origin', async () => {
    const rust = await createBlueprint(b.admin, { name: 'Rust error handling', ...publish });
    await createBlueprint(b.admin, { name: 'Go table tests', ...publish });
    await createBlueprint(b.admin, { name: 'Secret internal rules', visibility: 'private', publish: true });
    await createBlueprint(c.admin, { name: 'Python typing', ...publish });
    await waitOutHoldBack();

    expect(await a.crawl(peerIds.b)).toBe('succeeded');
    expect(await a.crawl(peerIds.c)).toBe('succeeded');
    expect(await lastRun(peerIds.b)).toMatchObject({ outcome: 'succeeded', added: 2, errors: [] });

    expect(await namesFrom(b)).toEqual(['Go table tests', 'Rust error handling']);
    expect(await namesFrom(c)).toEqual(['Python typing']);
    const found = (await search({ q: 'rust' })).items.find((item) => item.name === 'Rust error handling');
    expect(found?.origin).toMatchObject({ instance: b.domain, local: false, url: `${b.url}/blueprints/${rust.id}` });

    const detail = await a.app.http.get(`/api/v1/blueprints/${found?.id}`).expect(200);
    expect(detail.body.content).toBe(rust.content);
    expect(detail.body.origin).toMatchObject({ instance: b.domain, local: false });
  });

  it('reflects B’s publish, edit, unpublish and delete after one crawl each', async () => {
    const made = await createBlueprint(b.admin, { name: 'Kotlin coroutines', ...publish });
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await namesFrom(b)).toContain('Kotlin coroutines');

    const edited = await b.admin.agent
      .patch(`/api/v1/blueprints/${made.id}`)
      .set({ ...b.admin.writeHeaders, ...ifMatch(made) })
      .send({
        name: 'Kotlin coroutines, structured',
        content: '# Coroutines\n\nAlways use structured concurrency.\n',
        publish: true,
      })
      .expect(200);
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await lastRun(peerIds.b)).toMatchObject({ outcome: 'succeeded', updated: 1 });
    const copy = (await search({ instance: b.domain, q: 'coroutines' })).items[0];
    expect(copy?.name).toBe('Kotlin coroutines, structured');
    const copyDetail = await a.app.http.get(`/api/v1/blueprints/${copy?.id}`).expect(200);
    expect(copyDetail.body.content).toBe('# Coroutines\n\nAlways use structured concurrency.\n');

    await b.admin.agent
      .post(`/api/v1/blueprints/${made.id}/unpublish`)
      .set({ ...b.admin.writeHeaders, ...ifMatch(edited.body) })
      .expect(200);
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await lastRun(peerIds.b)).toMatchObject({ removed: 1 });
    expect(await namesFrom(b)).not.toContain('Kotlin coroutines, structured');
    await a.app.http.get(`/api/v1/blueprints/${copy?.id}`).expect(404);

    const goner = await createBlueprint(b.admin, { name: 'Short-lived', ...publish });
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await namesFrom(b)).toContain('Short-lived');
    await b.admin.agent
      .delete(`/api/v1/blueprints/${goner.id}`)
      .set({ ...b.admin.writeHeaders, ...ifMatch(goner) })
      .expect(204);
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await namesFrom(b)).not.toContain('Short-lived');
  });

  it('removes from A the blueprints of an account deleted on B', async () => {
    const bob = await signInAs(b.app, 'bob@b.test');
    await createBlueprint(bob, { name: 'Bob’s Haskell style', ...publish });
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await namesFrom(b)).toContain('Bob’s Haskell style');

    await bob.agent.delete('/api/v1/account').set(bob.writeHeaders).expect(204);
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    expect(await lastRun(peerIds.b)).toMatchObject({ removed: 1 });
    expect(await namesFrom(b)).not.toContain('Bob’s Haskell style');
  });

  it('carries an author’s new name to A', async () => {
    await b.admin.agent
      .patch('/api/v1/account')
      .set(b.admin.writeHeaders)
      .send({ displayName: 'Ada of B' })
      .expect(200);
    await waitOutHoldBack();
    await a.crawl(peerIds.b);
    const authors = (await search({ instance: b.domain })).items.map(
      (item) => (item as unknown as { author: { displayName: string } }).author.displayName,
    );
    expect(new Set(authors)).toEqual(new Set(['Ada of B']));
  });

  it('re-crawls an unchanged peer with one request answered 304', async () => {
    await a.crawl(peerIds.b);
    expect(await a.crawl(peerIds.b)).toBe('not_modified');
    expect(await lastRun(peerIds.b)).toMatchObject({ outcome: 'not_modified', requests: 1, added: 0, removed: 0 });
  });

  it('stops crawling C when its key changes, until an admin approves the new key', async () => {
    const rotated = await c.admin.agent
      .post('/api/v1/admin/federation/key/rotate')
      .set(c.admin.writeHeaders)
      .expect((response) => expect([200, 201]).toContain(response.status));
    await createBlueprint(c.admin, { name: 'Elixir pipelines', ...publish });
    await waitOutHoldBack();

    expect(await a.crawl(peerIds.c)).toBe('skipped');
    expect((await lastRun(peerIds.c)).errors.map((error) => error.code)).toContain('KEY_CHANGED');
    const peer = (await a.admin.agent.get(`/api/v1/admin/federation/peers/${peerIds.c}`).expect(200)).body.peer;
    expect(peer.pendingKey).toMatchObject({ keyId: rotated.body.id ?? rotated.body.keyId });
    expect(await namesFrom(c)).not.toContain('Elixir pipelines');
    // Still stopped on the next attempt: nothing is crawled with an unapproved key.
    expect(await a.crawl(peerIds.c)).toBe('skipped');

    const approved = await a.admin.agent
      .post(`/api/v1/admin/federation/peers/${peerIds.c}/approve-key`)
      .set(a.admin.writeHeaders)
      .expect(200);
    expect(approved.body).toMatchObject({ pendingKey: null, keyId: peer.pendingKey.keyId });
    expect(await a.crawl(peerIds.c)).toBe('succeeded');
    expect(await namesFrom(c)).toContain('Elixir pipelines');
  });

  it('blocks C: its blueprints disappear from A and it is not crawled again', async () => {
    const held = (await search({ instance: c.domain })).items;
    expect(held.length).toBeGreaterThan(0);

    await a.admin.agent
      .post('/api/v1/admin/federation/domain-rules')
      .set(a.admin.writeHeaders)
      .send({ domain: '127.0.0.3', action: 'block', note: 'test' })
      .expect(201);

    expect((await search({ instance: c.domain })).items).toEqual([]);
    await a.app.http.get(`/api/v1/blueprints/${held[0]?.id}`).expect(404);
    const prisma = a.app.app.nest.get(PrismaService);
    expect(await prisma.remoteBlueprint.count({ where: { peerId: peerIds.c } })).toBe(0);
    expect(await a.crawl(peerIds.c)).toBe('skipped');
    // B is untouched by a rule for another host.
    expect((await namesFrom(b)).length).toBeGreaterThan(0);
    const audit = await prisma.auditEvent.findMany({ where: { action: 'federation.domain_rule_set' } });
    expect(audit).toHaveLength(1);
  });
});
