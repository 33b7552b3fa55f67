import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, ifMatch, type BlueprintBody } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const CATALOGUE = '/api/v1/federation/blueprints';
/** The catalogue holds back rows changed in the last 2 s (docs/federation.md, section 2.1). */
const HOLD_BACK_WAIT_MS = 2_300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FeedPage {
  blueprints: Array<{ id: string }>;
  tombstones: Array<{ id: string }>;
  cursor: string;
  hasMore: boolean;
}

/**
 * An unlisted blueprint's id is its capability: whoever knows it reads the blueprint. So no anonymous answer may name
 * an id that was never listed: not the federation feed (as a tombstone), not a fork's attribution, not a hierarchy.
 */
describe('Unlisted and private ids stay unnamed', () => {
  let testApp: TestApp;
  let alice: SignedIn;
  let bob: SignedIn;

  const detail = async (id: string, owner: SignedIn) =>
    (await owner.agent.get(`/api/v1/blueprints/${id}`).expect(200)).body as BlueprintBody;
  const patch = async (id: string, owner: SignedIn, body: Record<string, unknown>) =>
    owner.agent
      .patch(`/api/v1/blueprints/${id}`)
      .set(owner.writeHeaders)
      .set(ifMatch(await detail(id, owner)))
      .send(body)
      .expect(200);

  /** Every entry of the feed from its start, as an anonymous peer reads it. */
  async function wholeFeed(): Promise<{ items: string[]; tombstones: string[]; text: string }> {
    const items: string[] = [];
    const tombstones: string[] = [];
    let text = '';
    let cursor: string | undefined;
    for (;;) {
      const response = await testApp.http
        .get(CATALOGUE)
        .query({ limit: 500, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = response.body as FeedPage;
      text += response.text;
      items.push(...page.blueprints.map((entry) => entry.id));
      tombstones.push(...page.tombstones.map((entry) => entry.id));
      if (!page.hasMore) return { items, tombstones, text };
      cursor = page.cursor;
    }
  }

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
    bob = await signInAs(testApp, 'bob@example.org');
  });
  afterAll(() => testApp.close());

  it('tombstones in the federation feed only blueprints that were listed', async () => {
    const unlisted = await createBlueprint(alice, { name: 'Unlisted', visibility: 'unlisted', publish: true });
    const privatePublished = await createBlueprint(alice, { name: 'Private', publish: true });
    const madeUnlisted = await createBlueprint(alice, { name: 'Private, then unlisted', publish: true });
    await patch(madeUnlisted.id, alice, { visibility: 'unlisted' });
    const deleted = await createBlueprint(alice, { name: 'Private, then deleted', publish: true });
    await alice.agent
      .delete(`/api/v1/blueprints/${deleted.id}`)
      .set(alice.writeHeaders)
      .set(ifMatch(await detail(deleted.id, alice)))
      .expect(204);
    // Was public: peers may hold it, so its tombstone is due.
    const wasPublic = await createBlueprint(alice, {
      name: 'Public, then unlisted',
      visibility: 'public',
      publish: true,
    });
    await patch(wasPublic.id, alice, { visibility: 'unlisted' });
    const stillPublic = await createBlueprint(alice, { name: 'Public', visibility: 'public', publish: true });

    // An account deleted outright: its blueprints cascade, and the trigger's tombstones obey the same rule.
    const carol = await signInAs(testApp, 'carol@example.org');
    const carolPrivate = await createBlueprint(carol, { name: 'Carol private', publish: true });
    const carolUnlisted = await createBlueprint(carol, {
      name: 'Carol unlisted',
      visibility: 'unlisted',
      publish: true,
    });
    const carolPublic = await createBlueprint(carol, { name: 'Carol public', visibility: 'public', publish: true });
    const prisma = testApp.app.nest.get(PrismaService);
    await prisma.user.delete({
      where: { id: (await prisma.user.findFirstOrThrow({ where: { handle: 'carol' } })).id },
    });
    await sleep(HOLD_BACK_WAIT_MS);

    const feed = await wholeFeed();
    expect(feed.items).toEqual([stillPublic.id]);
    expect(feed.tombstones.sort()).toEqual([wasPublic.id, carolPublic.id].sort());
    for (const hidden of [unlisted, privatePublished, madeUnlisted, deleted, carolPrivate, carolUnlisted]) {
      expect(feed.text).not.toContain(hidden.id);
    }
  });

  it('names a fork’s source only to readers who could find it: listed, or their own', async () => {
    const source = await createBlueprint(alice, {
      name: 'Unlisted source',
      visibility: 'unlisted',
      publish: true,
      license: 'MIT',
    });
    const fork = (
      await bob.agent.post(`/api/v1/blueprints/${source.id}/fork`).set(bob.writeHeaders).send({}).expect(201)
    ).body as BlueprintBody;
    await patch(fork.id, bob, { visibility: 'public', name: 'Public fork of an unlisted source' });
    await bob.agent
      .post(`/api/v1/blueprints/${fork.id}/publish`)
      .set(bob.writeHeaders)
      .set(ifMatch(await detail(fork.id, bob)))
      .send({})
      .expect(200);

    const anonymous = await testApp.http.get(`/api/v1/blueprints/${fork.id}`).expect(200);
    expect(anonymous.body.forkedFrom).toBeNull();
    expect(anonymous.text).not.toContain(source.id);
    const listing = await testApp.http.get('/api/v1/blueprints').query({ q: 'Public fork' }).expect(200);
    const entry = (listing.body.items as Array<{ id: string; forkedFrom: unknown }>).find(
      (item) => item.id === fork.id,
    );
    expect(entry?.forkedFrom).toBeNull();
    expect(listing.text).not.toContain(source.id);
    // The source's owner can find it anyway.
    expect((await detail(fork.id, alice)).forkedFrom).toMatchObject({ id: source.id });
  });

  it('shows others only the listed members of a hierarchy', async () => {
    const hierarchyId = (
      await alice.agent.post('/api/v1/hierarchies').set(alice.writeHeaders).send({ name: 'acme/mixed' }).expect(201)
    ).body.id as string;
    const listed = await createBlueprint(alice, {
      name: 'Listed member',
      format: 'agents-md',
      content: '# Root\n',
      visibility: 'public',
      publish: true,
      hierarchyId,
      repositoryPath: 'AGENTS.md',
    });
    const unlisted = await createBlueprint(alice, {
      name: 'Unlisted member',
      format: 'agents-md',
      content: '# Web\n',
      visibility: 'unlisted',
      publish: true,
      hierarchyId,
      repositoryPath: 'web/AGENTS.md',
    });
    const tree = await testApp.http.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect((tree.body.blueprints as Array<{ id: string }>).map((member) => member.id)).toEqual([listed.id]);
    expect(tree.text).not.toContain(unlisted.id);
    // The archive holds what the tree shows: entry names are stored in the clear in a zip.
    const archive = await testApp.http
      .get(`/api/v1/hierarchies/${hierarchyId}/archive`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const names = (archive.body as Buffer).toString('latin1');
    expect(names).toContain('AGENTS.md');
    expect(names).not.toContain('web/AGENTS.md');
    const own = await alice.agent.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect((own.body.blueprints as Array<{ id: string }>).map((member) => member.id).sort()).toEqual(
      [listed.id, unlisted.id].sort(),
    );
  });
});
