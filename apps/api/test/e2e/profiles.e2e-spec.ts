import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint } from '../support/blueprints';
import { giveBlueprintToOrganization, seedOrganization, type SeededOrganization } from '../support/organizations-seed';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  name: string;
  author: { handle: string; displayName: string };
}

/** Counts far larger than anything listed: if one of them leaks into a sum, the sum shows it. */
const LEAK = { favoriteCount: 100_000, downloadCount: 1_000_000 };

describe('Profiles (/@handle)', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let alice: SignedIn;
  let bob: SignedIn;
  let acme: SeededOrganization;
  const ids: Record<string, string> = {};
  const publish = { visibility: 'public', publish: true };

  const hierarchy = async (name: string) =>
    (await alice.agent.post('/api/v1/hierarchies').set(alice.writeHeaders).send({ name }).expect(201)).body
      .id as string;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
    alice = await signInAs(testApp, 'alice@example.org');
    bob = await signInAs(testApp, 'bob@example.org');

    // Alice's: two listed (one in a hierarchy), and every kind that must never be shown or counted.
    const listedTree = await hierarchy('alice/listed-tree');
    const hiddenTree = await hierarchy('alice/hidden-tree');
    ids.first = (await createBlueprint(alice, { ...publish, name: 'First public rule' })).id;
    ids.second = (
      await createBlueprint(alice, {
        ...publish,
        name: 'Second public rule',
        format: 'agents-md',
        content: '# Root\n',
        hierarchyId: listedTree,
        repositoryPath: 'AGENTS.md',
      })
    ).id;
    ids.private = (await createBlueprint(alice, { name: 'Alice private' })).id;
    ids.unlisted = (
      await createBlueprint(alice, {
        name: 'Alice unlisted',
        visibility: 'unlisted',
        publish: true,
        format: 'agents-md',
        content: '# Hidden\n',
        hierarchyId: hiddenTree,
        repositoryPath: 'AGENTS.md',
      })
    ).id;
    ids.draft = (await createBlueprint(alice, { name: 'Alice public draft', visibility: 'public' })).id;
    ids.deleted = (await createBlueprint(alice, { ...publish, name: 'Alice deleted' })).id;
    await alice.agent.delete(`/api/v1/blueprints/${ids.deleted}`).set(alice.writeHeaders).expect(204);
    await bob.agent.put(`/api/v1/blueprints/${ids.first}/favorite`).set(bob.writeHeaders).expect(200);

    // Acme: one public blueprint, and a private, an unlisted and a team one.
    acme = await seedOrganization(testApp, {
      slug: 'acme-corp',
      name: 'Acme Corporation',
      description: 'Shared rules for every Acme repository.',
      avatarUrl: 'https://cdn.example.org/acme.png',
      websiteUrl: 'https://acme.example.org',
      members: [
        { userId: alice.userId, role: 'owner' },
        { userId: bob.userId, role: 'viewer' },
      ],
    });
    for (const [key, name, visibility, published] of [
      ['orgPublic', 'Acme public rule', 'public', true],
      ['orgPrivate', 'Acme private rule', 'private', false],
      ['orgUnlisted', 'Acme unlisted rule', 'unlisted', true],
      ['orgTeam', 'Acme team rule', 'team', true],
    ] as const) {
      const created = await createBlueprint(alice, {
        name,
        visibility: visibility === 'team' ? 'private' : visibility,
        publish: published,
      });
      await giveBlueprintToOrganization(testApp, created.id, acme.id, visibility);
      ids[key] = created.id;
    }
    const orgTree = await hierarchy('acme/team-tree');
    await prisma.blueprintHierarchy.update({
      where: { id: orgTree },
      data: { ownerId: null, organizationId: acme.id },
    });
    await prisma.blueprint.update({ where: { id: ids.orgTeam }, data: { hierarchyId: orgTree } });

    // Every blueprint nobody else may see gets huge counts.
    await prisma.blueprint.updateMany({
      where: {
        id: {
          in: ['private', 'unlisted', 'draft', 'deleted', 'orgPrivate', 'orgUnlisted', 'orgTeam'].map(
            (key) => ids[key] as string,
          ),
        },
      },
      data: LEAK,
    });
    await prisma.blueprint.update({ where: { id: ids.second }, data: { downloadCount: 7 } });
    await prisma.blueprint.update({ where: { id: ids.orgPublic }, data: { downloadCount: 3, favoriteCount: 2 } });
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it("answers a user's profile with counts of listed blueprints only", async () => {
    await alice.agent
      .patch('/api/v1/account')
      .set(alice.writeHeaders)
      .send({ displayName: 'Alice Example', bio: 'Writes rules.\nReviews them too.' })
      .expect(200);
    const response = await testApp.http.get('/api/v1/profiles/alice').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=0, s-maxage=10');
    expect(response.body).toEqual({
      kind: 'user',
      handle: 'alice',
      name: 'Alice Example',
      bio: 'Writes rules.\nReviews them too.',
      avatarUrl: null,
      websiteUrl: null,
      createdAt: expect.any(String),
      counts: { publicBlueprints: 2, hierarchies: 1, favoritesReceived: 1, downloads: 7 },
      profileUrl: `${TEST_APP_URL}/@alice`,
    });
    expect(response.text).not.toContain('alice@example.org');
  });

  it("lists a user's listed blueprints, newest first, in pages bound to the profile", async () => {
    const first = await testApp.http.get('/api/v1/profiles/alice/blueprints?limit=1').expect(200);
    expect(first.body.items.map((item: Summary) => item.id)).toEqual([ids.second]);
    expect(first.body.items[0]).toMatchObject({ author: { handle: 'alice' }, visibility: 'public' });
    const second = await testApp.http
      .get(`/api/v1/profiles/alice/blueprints?limit=1&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.items.map((item: Summary) => item.id)).toEqual([ids.first]);
    expect(second.body.nextCursor).toBeNull();

    const whole = await testApp.http.get('/api/v1/profiles/ALICE/blueprints').expect(200);
    expect(whole.body.items.map((item: Summary) => item.id)).toEqual([ids.second, ids.first]);
    for (const hidden of [ids.private, ids.unlisted, ids.draft, ids.deleted, ids.orgPublic]) {
      expect(whole.text).not.toContain(hidden);
    }

    // Another profile's cursor is refused, not read as a position in this one.
    const elsewhere = await testApp.http
      .get(`/api/v1/profiles/bob/blueprints?cursor=${first.body.nextCursor}`)
      .expect(400);
    expect(elsewhere.body.error.code).toBe('INVALID_CURSOR');
    const badLimit = await testApp.http.get('/api/v1/profiles/alice/blueprints?limit=1000').expect(400);
    expect(badLimit.body.error.code).toBe('INVALID_LIMIT');
  });

  it("answers an organization's profile and its public blueprints, never its team, private or unlisted ones", async () => {
    const profile = await testApp.http.get('/api/v1/profiles/acme-corp').expect(200);
    expect(profile.body).toEqual({
      kind: 'organization',
      handle: 'acme-corp',
      name: 'Acme Corporation',
      bio: 'Shared rules for every Acme repository.',
      avatarUrl: 'https://cdn.example.org/acme.png',
      websiteUrl: 'https://acme.example.org',
      createdAt: expect.any(String),
      // The hierarchy holds only a team blueprint: not counted.
      counts: { publicBlueprints: 1, hierarchies: 0, favoritesReceived: 2, downloads: 3 },
      profileUrl: `${TEST_APP_URL}/@acme-corp`,
    });
    expect(profile.text).not.toContain(alice.userId);

    // Members see the same public page: a profile is never a member's view.
    const asMember = await alice.agent.get('/api/v1/profiles/acme-corp/blueprints').expect(200);
    const anonymous = await testApp.http.get('/api/v1/profiles/acme-corp/blueprints').expect(200);
    expect(asMember.body).toEqual(anonymous.body);
    expect(anonymous.body.items.map((item: Summary) => item.id)).toEqual([ids.orgPublic]);
    expect(anonymous.body.items[0].author).toMatchObject({ handle: 'acme-corp', displayName: 'Acme Corporation' });
    for (const hidden of [ids.orgPrivate, ids.orgUnlisted, ids.orgTeam, 'Acme team rule', 'Acme private rule']) {
      expect(anonymous.text).not.toContain(hidden);
    }
  });

  it('finds a blueprint by @handle/slug exactly as by id: what the caller may read, and nothing else', async () => {
    const slugOf = async (id: string) =>
      (await prisma.blueprint.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;
    const bySlug = (handle: string, slug: string) => `/api/v1/profiles/${handle}/blueprints/${slug}`;

    // Public: anyone, with the same answer and headers as the id route.
    const first = await testApp.http.get(bySlug('alice', await slugOf(ids.first as string))).expect(200);
    const byId = await testApp.http.get(`/api/v1/blueprints/${ids.first}`).expect(200);
    expect(first.body).toEqual(byId.body);
    expect(first.headers.etag).toBe(byId.headers.etag);
    expect(first.headers['cache-control']).toBe('public, max-age=60');

    // Private and unlisted: their owner finds them; others get the same 404 as for a slug that was never used.
    for (const key of ['private', 'unlisted', 'draft']) {
      const path = bySlug('alice', await slugOf(ids[key] as string));
      const own = await alice.agent.get(path).expect(200);
      expect(own.body.id).toBe(ids[key]);
      expect(own.headers['cache-control']).toBe('private, no-cache');
    }
    for (const key of ['private', 'draft']) {
      const refused = await bob.agent.get(bySlug('alice', await slugOf(ids[key] as string))).expect(404);
      expect(refused.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    }
    // Unlisted is readable by link, so by its name too.
    const unlisted = await testApp.http.get(bySlug('alice', await slugOf(ids.unlisted as string))).expect(200);
    expect(unlisted.body.id).toBe(ids.unlisted);

    // A deleted blueprint frees its slug (set to its id): neither finds it.
    for (const slug of [await slugOf(ids.deleted as string), 'alice-deleted']) {
      const gone = await alice.agent.get(bySlug('alice', slug)).expect(404);
      expect(gone.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    }

    // Organizations by their slug: the team rule for members only.
    const orgPublic = await testApp.http.get(bySlug('acme-corp', await slugOf(ids.orgPublic as string))).expect(200);
    expect(orgPublic.body.id).toBe(ids.orgPublic);
    const teamPath = bySlug('acme-corp', await slugOf(ids.orgTeam as string));
    expect((await bob.agent.get(teamPath).expect(200)).body.id).toBe(ids.orgTeam);
    expect((await testApp.http.get(teamPath).expect(404)).body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    // Another account's slug under this handle is not found.
    expect((await testApp.http.get(bySlug('bob', await slugOf(ids.first as string))).expect(404)).body.error.code).toBe(
      'BLUEPRINT_NOT_FOUND',
    );

    // Unknown handles and hostile slugs: 404, never a 500.
    expect((await testApp.http.get(bySlug('nobody-here', 'x')).expect(404)).body.error.code).toBe('PROFILE_NOT_FOUND');
    for (const slug of [
      'a'.repeat(300),
      encodeURIComponent("x' OR '1'='1"),
      '..%2F..%2Fetc',
      encodeURIComponent('ü\u202E'),
    ]) {
      const response = await testApp.http.get(bySlug('alice', slug));
      expect({ slug, status: response.status }).toEqual({ slug, status: 404 });
    }
  });

  it('answers 404 PROFILE_NOT_FOUND for unknown and hostile handles, never a 500', async () => {
    for (const handle of [
      'nobody-here',
      'a'.repeat(300),
      encodeURIComponent('ålice'),
      encodeURIComponent('alice\u202E'),
      encodeURIComponent('../alice'),
      '..%2F..%2Fetc%2Fpasswd',
      encodeURIComponent("alice' OR '1'='1"),
      '-alice',
    ]) {
      for (const path of [`/api/v1/profiles/${handle}`, `/api/v1/profiles/${handle}/blueprints`]) {
        const response = await testApp.http.get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(response.body.error.code).toBe('PROFILE_NOT_FOUND');
      }
    }
    // A NUL is refused by the request pipeline before any route sees it.
    const nul = await testApp.http.get('/api/v1/profiles/%00').expect(400);
    expect(nul.body.error.code).toBe('INVALID_ENCODING');
  });

  it('lets a user set a bio of visible text up to 500 characters, shown in the session', async () => {
    const session = await bob.agent.get('/api/v1/auth/session').expect(200);
    expect(session.body.user.bio).toBe('');
    const updated = await bob.agent
      .patch('/api/v1/account')
      .set(bob.writeHeaders)
      .send({ bio: '  Platform engineer.  ' })
      .expect(200);
    expect(updated.body.bio).toBe('Platform engineer.');
    expect((await testApp.http.get('/api/v1/profiles/bob').expect(200)).body.bio).toBe('Platform engineer.');

    for (const bio of ['x'.repeat(501), 'looks \u202Eharmless', 'hidden\u200Bword', 42]) {
      const refused = await bob.agent.patch('/api/v1/account').set(bob.writeHeaders).send({ bio }).expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await bob.agent.get('/api/v1/auth/session').expect(200)).body.user.bio).toBe('Platform engineer.');
  });
});
