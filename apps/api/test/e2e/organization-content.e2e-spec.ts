import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, ifMatch } from '../support/blueprints';
import { addMember, createOrganization, signInTeam } from '../support/organizations';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** Blueprints and hierarchies owned by organizations: who may do what (docs/organizations.md), team visibility, transfer. */
describe('Organization content', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let owner: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let rivalOwner: SignedIn;
  let acmeId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
    ({ organizationId: acmeId, owner, admin, member, viewer } = await signInTeam(testApp, 'acme'));
    outsider = await signInAs(testApp, 'outsider@else.test');
    rivalOwner = await signInAs(testApp, 'owner@rival.test');
    await createOrganization(testApp, rivalOwner.userId, 'rival');
  });
  afterAll(() => testApp.close());

  const get = (who: SignedIn | undefined, path: string) => (who ? who.agent.get(path) : testApp.http.get(path));

  it('lets Members write drafts, Admins publish, and shows team content to members only', async () => {
    const draft = await createBlueprint(member, { name: 'Acme team rules', organization: 'acme', visibility: 'team' });
    expect(draft.author).toEqual({ kind: 'organization', handle: 'acme', displayName: 'acme', avatarUrl: null });
    expect(draft.isOwner).toBe(true);

    // Members may not publish or share beyond the team; Viewers may not create at all.
    for (const overrides of [{ publish: true }, { visibility: 'public' }, { visibility: 'unlisted' }]) {
      const refused = await createBlueprint(member, { organization: 'acme', ...overrides }, 403);
      expect(refused.error).toMatchObject({ code: 'ORGANIZATION_ROLE_REQUIRED' });
    }
    const viewerCreate = await createBlueprint(viewer, { organization: 'acme' }, 403);
    expect(viewerCreate.error).toMatchObject({ code: 'ORGANIZATION_ROLE_REQUIRED' });
    const outsiderCreate = await createBlueprint(outsider, { organization: 'acme' }, 403);
    expect(outsiderCreate.error).toMatchObject({ code: 'ORGANIZATION_ROLE_REQUIRED' });
    const unknown = await createBlueprint(member, { organization: 'no-such-org' }, 404);
    expect(unknown.error).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });

    // A draft nobody published is for the authors: Viewers do not see it yet.
    await get(viewer, `/api/v1/blueprints/${draft.id}`).expect(404);
    const publishByMember = await member.agent
      .post(`/api/v1/blueprints/${draft.id}/publish`)
      .set(member.writeHeaders)
      .send({})
      .expect(403);
    expect(publishByMember.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    await admin.agent.post(`/api/v1/blueprints/${draft.id}/publish`).set(admin.writeHeaders).send({}).expect(200);

    const seenByViewer = await get(viewer, `/api/v1/blueprints/${draft.id}`).expect(200);
    expect(seenByViewer.body.isOwner).toBe(false);
    expect(seenByViewer.body.visibility).toBe('team');
    await get(viewer, `/api/v1/blueprints/${draft.id}/raw`).expect(200);
    for (const stranger of [outsider, rivalOwner, undefined]) {
      const refused = await get(stranger, `/api/v1/blueprints/${draft.id}`).expect(404);
      expect(refused.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
      await get(stranger, `/api/v1/blueprints/${draft.id}/raw`).expect(404);
      await get(stranger, `/api/v1/blueprints/${draft.id}/versions`).expect(404);
    }
    // Never listed: not in the catalogue, the federation feed or the organization's public list.
    const catalogue = await testApp.http.get('/api/v1/blueprints?q=Acme').expect(200);
    expect(catalogue.text).not.toContain(draft.id);
    const feed = await testApp.http.get('/api/v1/federation/blueprints').expect(200);
    expect(feed.text).not.toContain(draft.id);
    const forOutsider = await get(outsider, '/api/v1/organizations/acme/blueprints').expect(200);
    expect(forOutsider.text).not.toContain(draft.id);
    const forViewer = await get(viewer, '/api/v1/organizations/acme/blueprints').expect(200);
    expect(forViewer.body.items.map((item: { id: string }) => item.id)).toContain(draft.id);
  });

  it('keeps private organization content to its authors and refuses writes by role, 404 to outsiders', async () => {
    const secret = await createBlueprint(admin, { name: 'Acme private', organization: 'acme' });
    await get(member, `/api/v1/blueprints/${secret.id}`).expect(200);
    await get(viewer, `/api/v1/blueprints/${secret.id}`).expect(404);
    const forViewer = await get(viewer, '/api/v1/organizations/acme/blueprints').expect(200);
    expect(forViewer.text).not.toContain(secret.id);
    const forMember = await get(member, '/api/v1/organizations/acme/blueprints').expect(200);
    expect(forMember.text).toContain(secret.id);

    const edited = await member.agent
      .patch(`/api/v1/blueprints/${secret.id}`)
      .set({ ...member.writeHeaders, ...ifMatch(secret) })
      .send({ content: '# Acme\n\nUse pnpm everywhere.\n', changelog: 'by a member' })
      .expect(200);
    expect(edited.body.version).toBe(2);
    const memberDelete = await member.agent
      .delete(`/api/v1/blueprints/${secret.id}`)
      .set(member.writeHeaders)
      .expect(403);
    expect(memberDelete.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    const memberOpens = await member.agent
      .patch(`/api/v1/blueprints/${secret.id}`)
      .set(member.writeHeaders)
      .send({ visibility: 'team' })
      .expect(403);
    expect(memberOpens.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    // A Viewer cannot read it, so for them it does not exist; the same for outsiders.
    for (const stranger of [viewer, outsider]) {
      const refused = await stranger.agent
        .patch(`/api/v1/blueprints/${secret.id}`)
        .set(stranger.writeHeaders)
        .send({ name: 'Taken over' })
        .expect(404);
      expect(refused.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    }
    await admin.agent.delete(`/api/v1/blueprints/${secret.id}`).set(admin.writeHeaders).expect(204);
  });

  it('refuses team visibility on a user’s own blueprint', async () => {
    const refused = await createBlueprint(outsider, { visibility: 'team' }, 422);
    expect(refused.error).toMatchObject({ code: 'TEAM_VISIBILITY_NEEDS_ORGANIZATION' });
  });

  it('applies a role change on the very next request', async () => {
    const promoted = await signInAs(testApp, 'promoted@acme.test');
    await addMember(testApp, acmeId, promoted.userId, 'admin');
    const blueprint = await createBlueprint(promoted, { name: 'Demotion check', organization: 'acme' });
    await prisma.organizationMember.update({
      where: { organizationId_userId: { organizationId: acmeId, userId: promoted.userId } },
      data: { role: 'viewer' },
    });
    await promoted.agent.get(`/api/v1/blueprints/${blueprint.id}`).expect(404);
    await promoted.agent.delete(`/api/v1/blueprints/${blueprint.id}`).set(promoted.writeHeaders).expect(404);
  });

  it('transfers a blueprint to an organization its owner administers, keeping id, versions and favourites', async () => {
    const mine = await createBlueprint(admin, { name: 'Carried over', visibility: 'public', publish: true });
    await admin.agent
      .patch(`/api/v1/blueprints/${mine.id}`)
      .set(admin.writeHeaders)
      .send({ content: '# Carried\n\nSecond version.\n' })
      .expect(200);
    await outsider.agent.put(`/api/v1/blueprints/${mine.id}/favorite`).set(outsider.writeHeaders).expect(200);

    // Only into an organization the caller administers, and never by an outsider.
    const intoRival = await admin.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'rival' })
      .expect(403);
    expect(intoRival.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    await outsider.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(outsider.writeHeaders)
      .send({ organization: null })
      .expect(404);

    const moved = await admin.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'acme' })
      .expect(200);
    expect(moved.body).toMatchObject({ id: mine.id, author: { kind: 'organization', handle: 'acme' } });
    const versions = await testApp.http.get(`/api/v1/blueprints/${mine.id}/versions`).expect(200);
    expect(versions.body.items.length).toBeGreaterThanOrEqual(1);
    const favorites = await outsider.agent.get('/api/v1/me/favorites').expect(200);
    expect(favorites.body.items.map((item: { id: string }) => item.id)).toContain(mine.id);
    const catalogue = await testApp.http.get('/api/v1/blueprints?author=acme').expect(200);
    expect(catalogue.body.items.find((item: { id: string }) => item.id === mine.id)?.author).toMatchObject({
      kind: 'organization',
      handle: 'acme',
    });

    // Back to a person: a Member may not take it; the Admin may take it into their own account. Team becomes private.
    await admin.agent.patch(`/api/v1/blueprints/${mine.id}`).set(admin.writeHeaders).send({ visibility: 'team' });
    const byMember = await member.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(member.writeHeaders)
      .send({ organization: null })
      .expect(403);
    expect(byMember.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    const back = await admin.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: null })
      .expect(200);
    expect(back.body).toMatchObject({ author: { kind: 'user' }, visibility: 'private' });

    const log = await prisma.auditEvent.findMany({ where: { organizationId: acmeId, targetId: mine.id } });
    expect(log.map((event) => event.action).sort()).toEqual(
      expect.arrayContaining(['blueprint.transferred', 'blueprint.visibility_changed']),
    );
  });

  it('transfers a hierarchy with its blueprints, and refuses to split one off', async () => {
    const created = await admin.agent
      .post('/api/v1/hierarchies')
      .set(admin.writeHeaders)
      .send({ name: 'Admin monorepo' })
      .expect(201);
    const inside = await createBlueprint(admin, {
      name: 'Root rules',
      hierarchyId: created.body.id,
      repositoryPath: 'AGENTS.md',
      format: 'agents-md',
    });
    const split = await admin.agent
      .post(`/api/v1/blueprints/${inside.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'acme' })
      .expect(409);
    expect(split.body.error.code).toBe('TRANSFER_HIERARCHY_MEMBER');
    const moved = await admin.agent
      .post(`/api/v1/hierarchies/${created.body.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'acme' })
      .expect(200);
    expect(moved.body.owner).toMatchObject({ kind: 'organization', handle: 'acme' });
    const again = await admin.agent
      .post(`/api/v1/hierarchies/${created.body.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'acme' })
      .expect(422);
    expect(again.body.error.code).toBe('TRANSFER_TO_SAME_OWNER');
    const member1 = await member.agent.get(`/api/v1/blueprints/${inside.id}`).expect(200);
    expect(member1.body.author.handle).toBe('acme');
    const rename = (who: SignedIn) =>
      who.agent.patch(`/api/v1/hierarchies/${created.body.id}`).set(who.writeHeaders).send({ name: 'Renamed' });
    // Its only blueprint is private: to a Viewer the hierarchy does not exist yet.
    await viewer.agent.get(`/api/v1/hierarchies/${created.body.id}`).expect(404);
    expect((await rename(viewer).expect(404)).body.error.code).toBe('HIERARCHY_NOT_FOUND');
    await admin.agent
      .patch(`/api/v1/blueprints/${inside.id}`)
      .set(admin.writeHeaders)
      .send({ visibility: 'team', publish: true, content: '# Root\n\nShared with the team.\n' })
      .expect(200);
    const tree = await viewer.agent.get(`/api/v1/hierarchies/${created.body.id}`).expect(200);
    expect(tree.body.blueprints.map((entry: { id: string }) => entry.id)).toEqual([inside.id]);
    expect((await rename(viewer).expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    await outsider.agent
      .patch(`/api/v1/hierarchies/${created.body.id}`)
      .set(outsider.writeHeaders)
      .send({ name: 'Renamed' })
      .expect(404);
  });

  it('lists an organization’s hierarchies as far as each caller sees them, counting only what they see', async () => {
    const made = await admin.agent
      .post('/api/v1/hierarchies')
      .set(admin.writeHeaders)
      .send({ name: 'Acme listing tree', organization: 'acme' })
      .expect(201);
    const tree = made.body.id as string;
    const put = (name: string, path: string, overrides: Record<string, unknown>) =>
      createBlueprint(admin, { name, organization: 'acme', hierarchyId: tree, repositoryPath: path, ...overrides });
    await put('Tree private', 'a/AGENTS.md', { format: 'agents-md' });
    const names = (response: { body: { items: { id: string; blueprintCount: number }[] } }) =>
      response.body.items.filter((item) => item.id === tree).map((item) => item.blueprintCount);

    // Only a private blueprint: the authors see the tree; Viewers and outsiders do not.
    expect(names(await get(member, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([1]);
    expect(names(await get(viewer, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([]);
    expect(names(await get(undefined, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([]);

    await put('Tree team', 'b/AGENTS.md', { format: 'agents-md', visibility: 'team', publish: true });
    await put('Tree public', 'c/AGENTS.md', { format: 'agents-md', visibility: 'public', publish: true });
    expect(names(await get(member, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([3]);
    expect(names(await get(viewer, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([2]);
    expect(names(await get(outsider, '/api/v1/organizations/acme/hierarchies').expect(200))).toEqual([1]);
    const unknown = await get(outsider, '/api/v1/organizations/no-such-org/hierarchies').expect(404);
    expect(unknown.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('lets organization tokens act on their organization’s content only, and never as a person', async () => {
    const issued = await owner.agent
      .post('/api/v1/organizations/acme/tokens')
      .set(owner.writeHeaders)
      .send({ name: 'CI', scopes: ['blueprints:read', 'blueprints:write'], environment: 'development' })
      .expect(201);
    const bearer = { Authorization: `Bearer ${issued.body.token as string}` };
    const made = await testApp.http
      .post('/api/v1/blueprints')
      .set(bearer)
      .send({ name: 'Made by CI', kind: 'rules', format: 'agents-md', content: '# CI\n\nRun the tests.\n' })
      .expect(201);
    expect(made.body.author).toMatchObject({ kind: 'organization', handle: 'acme' });
    const version = await prisma.blueprintVersion.findFirstOrThrow({ where: { blueprintId: made.body.id } });
    expect(version.authorId).toBeNull();

    const rivalTeam = await createBlueprint(rivalOwner, { organization: 'rival', visibility: 'team', publish: true });
    await testApp.http.get(`/api/v1/blueprints/${rivalTeam.id}`).set(bearer).expect(404);
    const elsewhere = await testApp.http
      .post('/api/v1/blueprints')
      .set(bearer)
      .send({ name: 'Sneaky', kind: 'rules', format: 'agents-md', content: '# x\n\ny\n', organization: 'rival' })
      .expect(404);
    expect(elsewhere.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    const favourite = await testApp.http.put(`/api/v1/blueprints/${made.body.id}/favorite`).set(bearer).expect(403);
    expect(favourite.body.error.code).toBe('ORGANIZATION_TOKEN_NOT_ALLOWED');
    const transfer = await testApp.http
      .post(`/api/v1/blueprints/${made.body.id}/transfer`)
      .set(bearer)
      .send({ organization: null })
      .expect(403);
    expect(transfer.body.error.code).toBe('SESSION_REQUIRED');
    const mine = await testApp.http.get('/api/v1/me/blueprints').set(bearer).expect(403);
    expect(mine.body.error.code).toBe('ORGANIZATION_TOKEN_NOT_ALLOWED');
    const list = await testApp.http.get('/api/v1/organizations/acme/blueprints').set(bearer).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(made.body.id);
  });
});
