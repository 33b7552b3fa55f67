import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, refreshSearchStatistics } from '../support/blueprints';
import { insertPeer, insertRemoteBlueprint, REMOTE_RULE, type PeerFixture } from '../support/remote-blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  name: string;
  slug: string;
  author: { handle: string; displayName: string; avatarUrl: string | null };
  publishedVersion: number | null;
  headVersion: number;
  hasHiddenInstructions: boolean;
  visibility: string;
  forkedFrom: unknown;
  forkedFromRemote?: { url: string; id?: string; name?: string };
  origin: {
    instance: string;
    local: boolean;
    url?: string;
    signed?: boolean;
    hidden?: boolean;
    authorProfileUrl?: string;
  };
}

interface Page {
  items: Summary[];
  nextCursor: string | null;
  facets?: Record<string, Array<{ value: string; count: number }>>;
}

const DAY = 24 * 3600 * 1000;

describe('Remote blueprints in discovery', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let admin: SignedIn;
  let alice: SignedIn;
  let peer: PeerFixture;
  let legacy: PeerFixture;
  type Key = 'localReact' | 'localVue' | 'remoteReact' | 'remoteHooks' | 'remoteNoDerivs' | 'legacyPython';
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { ADMIN_EMAIL: 'admin@example.org' } });
    prisma = testApp.app.nest.get(PrismaService);
    admin = await signInAs(testApp, 'admin@example.org');
    alice = await signInAs(testApp, 'alice@example.org');
    const publish = { visibility: 'public', publish: true };
    ids.localReact = (
      await createBlueprint(alice, { ...publish, name: 'React component patterns', tags: ['react', 'frontend'] })
    ).id;
    ids.localVue = (
      await createBlueprint(alice, {
        ...publish,
        name: 'Vue conventions',
        tags: ['vue'],
        content: '# Vue\n\nPrefer the composition API; it reads like react hooks.\n',
      })
    ).id;
    peer = await insertPeer(testApp, 'prompts.example.org', { signed: true });
    legacy = await insertPeer(testApp, 'legacy.example.net:8443', { signed: false });
    const remote = async (key: Key, at: PeerFixture, fixture: Parameters<typeof insertRemoteBlueprint>[2]) => {
      ids[key] = (await insertRemoteBlueprint(testApp, at, fixture)).id;
    };
    await remote('remoteReact', peer, {
      name: 'React Testing Guide',
      description: 'Testing library patterns',
      tags: ['react', 'testing'],
      category: 'frontend',
      downloadCount: 50,
      remoteVersion: 3,
      createdAt: new Date(Date.now() - 1 * DAY),
    });
    await remote('remoteHooks', peer, {
      name: 'Frontend hooks',
      tags: ['react'],
      downloadCount: 5,
      findings: 1,
      createdAt: new Date(Date.now() - 2 * DAY),
      content: `${REMOTE_RULE}Be nice.\u200B\u202E\u{E0049}\u{E0047}\n`,
    });
    await remote('remoteNoDerivs', peer, {
      name: 'No derivatives prompt',
      license: 'CC-BY-ND-4.0',
      kind: 'command',
      format: 'claude-command',
      tool: 'claude-code',
      content: '---\ndescription: Review\n---\nReview $ARGUMENTS.\n',
      createdAt: new Date(Date.now() - 3 * DAY),
    });
    await remote('legacyPython', legacy, {
      name: 'Legacy Python rules',
      license: 'NOASSERTION',
      authorHandle: null,
      authorName: 'Dave Smith',
      remoteVersion: null,
      tags: ['python'],
      createdAt: new Date(Date.now() - 4 * DAY),
    });
    await refreshSearchStatistics(testApp);
  });
  afterAll(() => testApp.close());

  const search = async (query: string, status = 200) =>
    (await testApp.http.get(`/api/v1/blueprints?${query}`).expect(status)).body as Page;
  const idsOf = (page: Page) => page.items.map((item) => item.id);

  /** Every item of a query, page by page, failing on a repeated id. */
  const walk = async (query: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  };

  it('lists local and remote blueprints side by side, each with its origin', async () => {
    const page = await search('');
    expect(idsOf(page)).toEqual([
      ids.localVue,
      ids.localReact,
      ids.remoteReact,
      ids.remoteHooks,
      ids.remoteNoDerivs,
      ids.legacyPython,
    ]);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(ids.localReact)?.origin).toEqual({ instance: 'lynx.test', local: true });
    const remoteReact = byId.get(ids.remoteReact);
    expect(remoteReact).toMatchObject({
      slug: 'react-testing-guide',
      visibility: 'public',
      author: { handle: 'carol', displayName: 'Carol Remote', avatarUrl: null },
      publishedVersion: 3,
      headVersion: 3,
      hasHiddenInstructions: false,
      forkedFrom: null,
      origin: { instance: 'prompts.example.org', local: false, signed: true },
    });
    expect(remoteReact?.origin.url).toMatch(/^https:\/\/prompts\.example\.org\/blueprints\/bp_/);
    expect(byId.get(ids.remoteHooks)?.hasHiddenInstructions).toBe(true);
    expect(byId.get(ids.legacyPython)).toMatchObject({
      author: { handle: 'Dave Smith', displayName: 'Dave Smith' },
      publishedVersion: null,
      headVersion: 1,
      origin: { instance: 'legacy.example.net:8443', local: false, signed: false },
    });
  });

  it('ranks relevance tiers across both origins: name, then tags, then content; downloads within a tier', async () => {
    // Tier 3 (name): remote with 50 downloads, then local with none; tier 2 (tags): remote; tier 0 (content): local.
    const expected = [ids.remoteReact, ids.localReact, ids.remoteHooks, ids.localVue];
    expect(idsOf(await search('q=react'))).toEqual(expected);
    expect(await walk('q=react', 1)).toEqual(expected);
    // A typo matches nothing as typed, so it is searched as the name word it is one edit from, through the same tiers.
    expect(idsOf(await search('q=reakt'))).toEqual(expected);
  });

  it('filters by origin with instance: ours, one peer, or an unknown peer', async () => {
    expect(idsOf(await search('instance=lynx.test')).sort()).toEqual([ids.localReact, ids.localVue].sort());
    expect(idsOf(await search('instance=prompts.example.org'))).toEqual([
      ids.remoteReact,
      ids.remoteHooks,
      ids.remoteNoDerivs,
    ]);
    expect(idsOf(await search('instance=LEGACY.example.net:8443'))).toEqual([ids.legacyPython]);
    expect(idsOf(await search('instance=unknown.example.com'))).toEqual([]);
    expect(idsOf(await search('q=react&instance=prompts.example.org'))).toEqual([ids.remoteReact, ids.remoteHooks]);
    // author is a local handle, or with a peer's domain one of that peer's authors.
    expect(idsOf(await search('author=alice')).sort()).toEqual([ids.localReact, ids.localVue].sort());
    expect(idsOf(await search('author=carol'))).toEqual([]);
    expect(idsOf(await search('author=carol&instance=prompts.example.org&kind=rules'))).toEqual([
      ids.remoteReact,
      ids.remoteHooks,
    ]);
    // Other filters apply to both sides.
    expect(idsOf(await search('tag=react'))).toEqual([ids.localReact, ids.remoteReact, ids.remoteHooks]);
    expect(idsOf(await search('tool=claude-code'))).toEqual([ids.remoteNoDerivs]);
    expect(idsOf(await search('license=CC-BY-ND-4.0'))).toEqual([ids.remoteNoDerivs]);
    expect(idsOf(await search('category=frontend'))).toEqual([ids.remoteReact]);
    // A cursor belongs to its origin filter.
    const first = await search('instance=prompts.example.org&limit=1');
    const error = (await search(`limit=1&cursor=${first.nextCursor}`, 400)) as unknown as { error: { code: string } };
    expect(error.error.code).toBe('INVALID_CURSOR');
  });

  it('pages with keyset cursors across the union without repeating or skipping', async () => {
    for (const sort of ['newest', 'downloads', 'favorites', 'trending']) {
      const all = idsOf(await search(`sort=${sort}&limit=100`));
      expect(all).toHaveLength(6);
      expect(await walk(`sort=${sort}`, 1)).toEqual(all);
      expect(await walk(`sort=${sort}`, 4)).toEqual(all);
    }
    expect((await search('sort=downloads')).items[0]?.id).toBe(ids.remoteReact);
  });

  it('counts facets over both origins', async () => {
    const { facets } = await search('facets=true');
    expect(facets?.kind).toEqual([
      { value: 'rules', count: 5 },
      { value: 'command', count: 1 },
    ]);
    expect(facets?.tags).toEqual(expect.arrayContaining([{ value: 'react', count: 3 }]));
    expect(facets?.license).toEqual(
      expect.arrayContaining([
        { value: 'MIT', count: 2 },
        { value: 'CC-BY-4.0', count: 2 },
        { value: 'NOASSERTION', count: 1 },
      ]),
    );
    const local = (await search('facets=true&instance=lynx.test')).facets;
    expect(local?.kind).toEqual([{ value: 'rules', count: 2 }]);
  });

  it('answers the detail, raw content and export of a remote blueprint, with our own scan', async () => {
    const detail = await testApp.http.get(`/api/v1/blueprints/${ids.remoteHooks}`).expect(200);
    expect(detail.headers['cache-control']).toBe('public, max-age=60');
    expect(detail.body).toMatchObject({
      id: ids.remoteHooks,
      name: 'Frontend hooks',
      isOwner: false,
      isFavorite: false,
      isDraft: false,
      revision: 1,
      version: 1,
      hierarchy: null,
      content: expect.stringContaining('Write tests first'),
      origin: { instance: 'prompts.example.org', local: false, signed: true },
      variables: [expect.objectContaining({ name: 'SERVICE', defaultValue: 'api' })],
    });
    expect((detail.body.findings as Array<{ category: string }>).some((f) => f.category === 'hidden-instruction')).toBe(
      true,
    );

    const raw = await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}/raw`).expect(200);
    expect(raw.text).toBe(REMOTE_RULE);
    expect(raw.headers['content-type']).toMatch(/^text\/markdown/);
    expect(raw.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    await testApp.http
      .get(`/api/v1/blueprints/${ids.remoteReact}/raw`)
      .set('If-None-Match', raw.headers.etag as string)
      .expect(304);

    const exported = await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}/export`).expect(200);
    expect(exported.headers['content-disposition']).toContain('react-testing-guide');
    // A remote copy is one file: no attached files, and its export still reports the conversion.
    expect(detail.body.files).toEqual([]);
    expect(exported.headers['x-conversion-report']).toBe('lossless');
    expect(exported.headers['x-attached-files']).toBeUndefined();
    const file = await testApp.http
      .get(`/api/v1/blueprints/${ids.remoteReact}/files`)
      .query({ path: 'references/x.md' })
      .expect(404);
    expect(file.body.error.code).toBe('ATTACHED_FILE_NOT_FOUND');
    const variables = await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}/variables`).expect(200);
    expect(variables.body.variables).toEqual([expect.objectContaining({ name: 'SERVICE' })]);

    await testApp.http.get('/api/v1/blueprints/rb_doesnotexist1234').expect(404);
    await testApp.http.get('/api/v1/blueprints/rb_doesnotexist1234/raw').expect(404);
    // No version history is held for remote copies.
    await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}/versions`).expect(404);
  });

  it('refuses every write to a remote blueprint as read-only', async () => {
    const id = ids.remoteReact;
    const headers = alice.writeHeaders;
    const writes = [
      alice.agent.patch(`/api/v1/blueprints/${id}`).set(headers).send({ name: 'Mine now' }),
      alice.agent.delete(`/api/v1/blueprints/${id}`).set(headers),
      alice.agent.post(`/api/v1/blueprints/${id}/publish`).set(headers).send({}),
      alice.agent.post(`/api/v1/blueprints/${id}/unpublish`).set(headers),
      alice.agent.post(`/api/v1/blueprints/${id}/strip-invisible`).set(headers),
      alice.agent.post(`/api/v1/blueprints/${id}/versions/1/restore`).set(headers).send({}),
      alice.agent.put(`/api/v1/blueprints/${id}/favorite`).set(headers),
      alice.agent.delete(`/api/v1/blueprints/${id}/favorite`).set(headers),
    ];
    for (const write of writes) {
      const response = await write;
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('REMOTE_BLUEPRINT_READ_ONLY');
    }
    // Signed out, the sign-in requirement answers first.
    await testApp.http.patch(`/api/v1/blueprints/${id}`).send({ name: 'x' }).expect(401);
    expect(await prisma.remoteBlueprint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'React Testing Guide',
    });
  });

  it('lets admins hide and unhide a remote blueprint, audited; hidden ones are gone for everyone else', async () => {
    const id = ids.remoteHooks;
    const hidePath = `/api/v1/admin/federation/remote-blueprints/${id}/hide`;
    const unhidePath = `/api/v1/admin/federation/remote-blueprints/${id}/unhide`;
    expect((await alice.agent.post(hidePath).set(alice.writeHeaders).expect(403)).body.error.code).toBe('FORBIDDEN');
    await testApp.http.post(hidePath).expect(401);

    const hidden = await admin.agent.post(hidePath).set(admin.writeHeaders).expect(200);
    expect(hidden.body).toMatchObject({ id, hidden: true, listed: false, hiddenAt: expect.any(String) });
    expect(idsOf(await search('q=react'))).not.toContain(id);
    expect(idsOf(await search(''))).not.toContain(id);
    await testApp.http.get(`/api/v1/blueprints/${id}`).expect(404);
    await alice.agent.get(`/api/v1/blueprints/${id}`).expect(404);
    await alice.agent.get(`/api/v1/blueprints/${id}/raw`).expect(404);
    await alice.agent.post(`/api/v1/blueprints/${id}/fork`).set(alice.writeHeaders).send({}).expect(404);
    const seenByAdmin = await admin.agent.get(`/api/v1/blueprints/${id}`).expect(200);
    expect(seenByAdmin.body.origin).toMatchObject({ local: false, hidden: true });
    expect(seenByAdmin.headers['cache-control']).toBe('private, no-cache');

    const unhidden = await admin.agent.post(unhidePath).set(admin.writeHeaders).expect(200);
    expect(unhidden.body).toMatchObject({ id, hidden: false, listed: true, hiddenAt: null });
    expect(idsOf(await search('q=react'))).toContain(id);
    await testApp.http.get(`/api/v1/blueprints/${id}`).expect(200);

    const audit = await prisma.auditEvent.findMany({ where: { targetId: id }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual([
      'federation.remote_blueprint_hidden',
      'federation.remote_blueprint_unhidden',
    ]);
    expect(audit[0]).toMatchObject({ actorId: admin.userId, targetType: 'remote_blueprint' });
    await admin.agent
      .post('/api/v1/admin/federation/remote-blueprints/rb_doesnotexist1234/hide')
      .set(admin.writeHeaders)
      .expect(404);
  });

  it('keeps a silenced peer’s blueprints out of listings but readable by id', async () => {
    // A rule for a parent domain covers the peer's host; the peers service applies it at once.
    const rule = await admin.agent
      .post('/api/v1/admin/federation/domain-rules')
      .set(admin.writeHeaders)
      .send({ domain: 'example.org', action: 'silence' })
      .expect(201);
    expect(idsOf(await search(''))).toEqual([ids.localVue, ids.localReact, ids.legacyPython]);
    expect(idsOf(await search('instance=prompts.example.org'))).toEqual([]);
    await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}`).expect(200);
    await testApp.http.get(`/api/v1/blueprints/${ids.remoteReact}/raw`).expect(200);

    // Unhiding while the peer is silenced does not list it again.
    await admin.agent
      .post(`/api/v1/admin/federation/remote-blueprints/${ids.remoteHooks}/hide`)
      .set(admin.writeHeaders)
      .expect(200);
    const unhidden = await admin.agent
      .post(`/api/v1/admin/federation/remote-blueprints/${ids.remoteHooks}/unhide`)
      .set(admin.writeHeaders)
      .expect(200);
    expect(unhidden.body).toMatchObject({ hidden: false, listed: false });

    // Lifting the silence lists the peer's blueprints again; one hidden meanwhile stays out.
    await admin.agent
      .post(`/api/v1/admin/federation/remote-blueprints/${ids.remoteNoDerivs}/hide`)
      .set(admin.writeHeaders)
      .expect(200);
    await admin.agent
      .delete(`/api/v1/admin/federation/domain-rules/${rule.body.id}`)
      .set(admin.writeHeaders)
      .expect(204);
    expect(idsOf(await search('instance=prompts.example.org'))).toEqual([ids.remoteReact, ids.remoteHooks]);
    await admin.agent
      .post(`/api/v1/admin/federation/remote-blueprints/${ids.remoteNoDerivs}/unhide`)
      .set(admin.writeHeaders)
      .expect(200);
    expect(idsOf(await search('instance=prompts.example.org'))).toHaveLength(3);
  });

  it('forks a remote blueprint into a private copy that keeps the original’s URL', async () => {
    const source = await prisma.remoteBlueprint.findUniqueOrThrow({ where: { id: ids.remoteReact } });
    const fork = await alice.agent
      .post(`/api/v1/blueprints/${ids.remoteReact}/fork`)
      .set(alice.writeHeaders)
      .send({})
      .expect(201);
    expect(fork.body).toMatchObject({
      name: 'React Testing Guide',
      description: 'Testing library patterns',
      kind: 'rules',
      format: 'cursor-rules',
      tags: ['react', 'testing'],
      category: 'frontend',
      license: 'MIT',
      visibility: 'private',
      content: REMOTE_RULE,
      isOwner: true,
      forkedFrom: null,
      forkedFromRemote: { url: source.canonicalUrl, id: ids.remoteReact, name: 'React Testing Guide' },
      origin: { instance: 'lynx.test', local: true },
    });
    expect(fork.body.id).toMatch(/^bp_/);
    const stored = await prisma.blueprint.findUniqueOrThrow({ where: { id: fork.body.id as string } });
    expect(stored).toMatchObject({ forkedFromRemoteId: ids.remoteReact, forkedFromUrl: source.canonicalUrl });
    const version = await prisma.blueprintVersion.findFirstOrThrow({ where: { blueprintId: stored.id } });
    expect(version.changelog).toBe(`Forked from ${source.canonicalUrl} version 3`);

    // Published, it is listed with its attribution.
    await alice.agent
      .patch(`/api/v1/blueprints/${stored.id}`)
      .set(alice.writeHeaders)
      .send({ visibility: 'public', name: 'My react testing guide' })
      .expect(200);
    await alice.agent.post(`/api/v1/blueprints/${stored.id}/publish`).set(alice.writeHeaders).send({}).expect(200);
    const listed = (await search('instance=lynx.test&q=testing')).items.find((item) => item.id === stored.id);
    expect(listed?.forkedFromRemote).toEqual({
      url: source.canonicalUrl,
      id: ids.remoteReact,
      name: 'React Testing Guide',
    });

    // The attribution outlives the remote copy.
    await prisma.remoteBlueprint.delete({ where: { id: ids.remoteReact } });
    const after = await alice.agent.get(`/api/v1/blueprints/${stored.id}`).expect(200);
    expect(after.body.forkedFromRemote).toEqual({ url: source.canonicalUrl });
  });

  it('refuses to fork a remote blueprint whose licence does not allow derivatives', async () => {
    const noDerivs = await alice.agent
      .post(`/api/v1/blueprints/${ids.remoteNoDerivs}/fork`)
      .set(alice.writeHeaders)
      .send({})
      .expect(403);
    expect(noDerivs.body.error).toMatchObject({
      code: 'REMOTE_LICENSE_FORBIDS_FORK',
      details: { license: 'CC-BY-ND-4.0' },
    });
    const unknown = await alice.agent
      .post(`/api/v1/blueprints/${ids.legacyPython}/fork`)
      .set(alice.writeHeaders)
      .send({})
      .expect(403);
    expect(unknown.body.error.code).toBe('REMOTE_LICENSE_FORBIDS_FORK');
    await testApp.http.post(`/api/v1/blueprints/${ids.remoteNoDerivs}/fork`).send({}).expect(401);
  });

  it("links a remote author to /@handle on the peer's own origin, never to a path the peer made up", async () => {
    const hostile = await insertRemoteBlueprint(testApp, peer, {
      name: 'Zz hostile handle',
      authorHandle: '../admin?next=https://evil.example',
      authorName: 'Mallory',
    });
    const page = await search('limit=100');
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(ids.remoteHooks)?.origin.authorProfileUrl).toBe('https://prompts.example.org/@carol');
    expect(byId.get(ids.legacyPython)?.origin).not.toHaveProperty('authorProfileUrl');
    expect(byId.get(hostile.id)?.origin).not.toHaveProperty('authorProfileUrl');
    expect(byId.get(ids.localVue)?.origin).toEqual({ instance: 'lynx.test', local: true });

    // The remote React guide was removed by the fork test above; this one is still held.
    const detail = await testApp.http.get(`/api/v1/blueprints/${ids.remoteNoDerivs}`).expect(200);
    expect(detail.body.origin.authorProfileUrl).toBe('https://prompts.example.org/@carol');
    const hostileDetail = await testApp.http.get(`/api/v1/blueprints/${hostile.id}`).expect(200);
    expect(hostileDetail.body.origin).not.toHaveProperty('authorProfileUrl');
    expect(hostileDetail.text).not.toContain('evil.example/');
  });
});
