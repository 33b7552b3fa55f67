import { PrismaService } from '../../src/database/prisma.service';
import { BlueprintMaintenance } from '../../src/blueprints/blueprint-maintenance';
import { createBlueprint, SAMPLE_RULE, refreshSearchStatistics } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  name: string;
  kind: string;
  tool: string;
  tags: string[];
  favoriteCount: number;
  origin: { instance: string; local: boolean };
}

describe('Catalogue search', () => {
  let testApp: TestApp;
  let alice: SignedIn;
  let bob: SignedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
    bob = await signInAs(testApp, 'bob@example.org');
    const publish = { visibility: 'public', publish: true };
    ids.react = (
      await createBlueprint(alice, {
        ...publish,
        name: 'React component patterns',
        description: 'Hooks and composition',
        tags: ['react', 'frontend'],
        category: 'frontend',
        license: 'MIT',
      })
    ).id;
    ids.django = (
      await createBlueprint(bob, {
        ...publish,
        name: 'Django service layer',
        description: 'Python backend structure',
        tags: ['python', 'django', 'Unit Testing'],
        category: 'backend',
        content: '# Django\n\nKeep views thin; put rules in services. Mention kubernetes deployments.\n',
      })
    ).id;
    ids.command = (
      await createBlueprint(bob, {
        ...publish,
        name: 'Review pull request',
        kind: 'command',
        format: 'claude-command',
        tags: ['review'],
        content: '---\ndescription: Review a pull request\n---\nReview PR $ARGUMENTS carefully.\n',
      })
    ).id;
    // Never listed: private, unlisted, and public but unpublished.
    ids.private = (await createBlueprint(alice, { name: 'React secret plans' })).id;
    ids.unlisted = (await createBlueprint(alice, { name: 'React unlisted', visibility: 'unlisted', publish: true })).id;
    ids.unpublished = (await createBlueprint(alice, { name: 'React draft only', visibility: 'public' })).id;
    await bob.agent.put(`/api/v1/blueprints/${ids.react}/favorite`).set(bob.writeHeaders).expect(200);
    await refreshSearchStatistics(testApp);
  });
  afterAll(() => testApp.close());

  const search = async (query: string, status = 200) =>
    (await testApp.http.get(`/api/v1/blueprints?${query}`).expect(status)).body as {
      items: Summary[];
      nextCursor: string | null;
      facets?: Record<string, Array<{ value: string; count: number }>>;
      error?: { code: string };
    };

  it('lists only public, published blueprints, each labelled with its origin', async () => {
    const page = await search('');
    expect(page.items.map((item) => item.id).sort()).toEqual([ids.react, ids.django, ids.command].sort());
    expect(page.items[0]?.origin).toEqual({ instance: 'lynx.test', local: true });
  });

  it('ranks name matches first, searches content, and tolerates typos in names', async () => {
    expect((await search('q=react')).items.map((item) => item.id)).toEqual([ids.react]);
    expect((await search('q=kubernetes')).items.map((item) => item.id)).toEqual([ids.django]);
    expect((await search('q=djago')).items.map((item) => item.id)).toEqual([ids.django]);
    expect((await search(`q=${encodeURIComponent('"service layer" -react')}`)).items.map((i) => i.id)).toEqual([
      ids.django,
    ]);
  });

  it('treats operators and SQL-looking text as plain words', async () => {
    for (const q of ["'; DROP TABLE blueprints; --", 'react & | ! <-> :*', '\\', '%', 'or or or', '""']) {
      const page = await search(`q=${encodeURIComponent(q)}`);
      expect(Array.isArray(page.items)).toBe(true);
    }
    expect((await search('')).items).toHaveLength(3);
  });

  it('filters by kind, tool, category, tag, author and licence, and counts facets', async () => {
    expect((await search('kind=command')).items.map((i) => i.id)).toEqual([ids.command]);
    expect((await search('tool=claude-code')).items.map((i) => i.id)).toEqual([ids.command]);
    expect((await search('category=backend')).items.map((i) => i.id)).toEqual([ids.django]);
    expect((await search('tag=react&tag=frontend')).items.map((i) => i.id)).toEqual([ids.react]);
    // A tag filter is spelt the way tags are stored: "Unit Testing" was stored as unit-testing.
    for (const tag of ['unit-testing', 'Unit Testing', 'UNIT_TESTING']) {
      expect((await search(`tag=${encodeURIComponent(tag)}`)).items.map((i) => i.id)).toEqual([ids.django]);
    }
    expect((await search(`tag=${encodeURIComponent('日本語')}`)).items).toEqual([]);
    expect((await search('author=bob')).items.map((i) => i.id).sort()).toEqual([ids.django, ids.command].sort());
    expect((await search('license=MIT')).items.map((i) => i.id)).toEqual([ids.react]);
    const { facets } = await search('facets=true');
    expect(facets?.kind).toEqual([
      { value: 'rules', count: 2 },
      { value: 'command', count: 1 },
    ]);
    expect(facets?.tags).toEqual(expect.arrayContaining([{ value: 'react', count: 1 }]));
    expect(facets?.license).toEqual(expect.arrayContaining([{ value: 'MIT', count: 1 }]));
  });

  it('sorts by favourites and pages with a keyset cursor that never repeats or skips', async () => {
    expect((await search('sort=favorites')).items[0]?.id).toBe(ids.react);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`sort=newest&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.command, ids.django, ids.react]);
  });

  it('ranks trending by the last 7 days of downloads and favourites once the scheduled job has run', async () => {
    await testApp.http.get(`/api/v1/blueprints/${ids.django}/export`).expect(200);
    await alice.agent.get(`/api/v1/blueprints/${ids.django}/export`).expect(200);
    await testApp.app.nest.get(BlueprintMaintenance).refreshTrending();
    // django: 2 downloads; react: 1 favourite (weighs 3); command: nothing.
    expect((await search('sort=trending')).items.map((item) => item.id)).toEqual([ids.react, ids.django, ids.command]);
    await alice.agent.put(`/api/v1/blueprints/${ids.django}/favorite`).set(alice.writeHeaders).expect(200);
    await testApp.app.nest.get(BlueprintMaintenance).refreshTrending();
    expect((await search('sort=trending')).items[0]?.id).toBe(ids.django);
    // A week later none of it counts any more.
    await testApp.app.nest.get(BlueprintMaintenance).refreshTrending(new Date(Date.now() + 8 * 24 * 3600 * 1000));
    const scores = await testApp.app.nest
      .get(PrismaService)
      .blueprint.findMany({ where: { listed: true }, select: { trendingScore: true } });
    expect(scores.map((row) => row.trendingScore)).toEqual([0, 0, 0]);
  });

  it('refuses bad cursors, limits, kinds, tools and sorts with their own codes', async () => {
    const firstPage = await search('sort=newest&limit=1');
    const cases: Array<[string, string]> = [
      ['cursor=not-a-cursor', 'INVALID_CURSOR'],
      [`sort=favorites&cursor=${firstPage.nextCursor}`, 'INVALID_CURSOR'],
      ['limit=0', 'INVALID_LIMIT'],
      ['limit=101', 'INVALID_LIMIT'],
      ['limit=ten', 'INVALID_LIMIT'],
      ['kind=poem', 'UNKNOWN_KIND'],
      ['tool=notepad', 'UNKNOWN_TOOL'],
      ['format=nope', 'UNKNOWN_FORMAT'],
      ['sort=random', 'UNKNOWN_SORT'],
    ];
    for (const [query, code] of cases) {
      const body = await search(query, 400);
      expect({ query, code: body.error?.code }).toEqual({ query, code });
    }
  });

  it('lists my own blueprints, drafts included, and my favourites', async () => {
    const mine = await alice.agent.get('/api/v1/me/blueprints?limit=100').expect(200);
    expect(mine.body.items.map((i: Summary) => i.id)).toEqual(
      expect.arrayContaining([ids.react, ids.private, ids.unlisted, ids.unpublished]),
    );
    const favourites = await bob.agent.get('/api/v1/me/favorites').expect(200);
    expect(favourites.body.items.map((i: Summary) => i.id)).toEqual([ids.react]);
    await testApp.http.get('/api/v1/me/blueprints').expect(401);
  });

  it('forks with attribution into a private copy, and counts favourites once per user', async () => {
    const again = await bob.agent.put(`/api/v1/blueprints/${ids.react}/favorite`).set(bob.writeHeaders).expect(200);
    expect(again.body).toEqual({ favorite: true, favoriteCount: 1 });
    const fork = await bob.agent
      .post(`/api/v1/blueprints/${ids.react}/fork`)
      .set(bob.writeHeaders)
      .send({})
      .expect(201);
    expect(fork.body).toMatchObject({
      visibility: 'private',
      isOwner: true,
      forkedFrom: { id: ids.react, name: 'React component patterns', author: { handle: 'alice' } },
      content: SAMPLE_RULE,
    });
    const noDerivatives = await createBlueprint(alice, {
      license: 'CC-BY-ND-4.0',
      visibility: 'public',
      publish: true,
    });
    const refused = await bob.agent
      .post(`/api/v1/blueprints/${noDerivatives.id}/fork`)
      .set(bob.writeHeaders)
      .send({})
      .expect(403);
    expect(refused.body.error.code).toBe('FORK_NOT_ALLOWED');
    await bob.agent.post(`/api/v1/blueprints/${ids.private}/fork`).set(bob.writeHeaders).send({}).expect(404);
  });

  it('pages through relevance tiers with a cursor: a name match, then a content-only match', async () => {
    const named = await createBlueprint(alice, {
      name: 'Kubernetes operators',
      content: '# Operators\n\nReconcile loops only.\n',
      visibility: 'public',
      publish: true,
    });
    const first = await search('q=kubernetes&limit=1');
    expect(first.items.map((item) => item.id)).toEqual([named.id]);
    const second = await search(`q=kubernetes&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([ids.django]);
    expect(second.nextCursor).toBeNull();
  });
});
