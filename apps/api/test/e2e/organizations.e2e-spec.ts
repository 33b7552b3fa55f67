import { hashSecret } from '../../src/common/crypto/secret-token';
import { PrismaService } from '../../src/database/prisma.service';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository';
import { lastOwner } from '../../src/organizations/organizations.service';
import { LastOwnerError } from '../../src/organizations/organizations.errors';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../src/kv/key-value-store';
import { createBlueprint } from '../support/blueprints';
import { createOrganizationThroughApi, joinByInvitation } from '../support/organizations';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';

const CATALOGUE = '/api/v1/federation/blueprints';
const ELEVEN_MINUTES = 11 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('organizations', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({ env: { SMTP_URL: capture.url }, extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  /** Test setup: moves a session's sign-in into the past, and drops its cached copy. */
  async function backdate(signedIn: SignedIn, ageMs: number) {
    const tokenHash = hashSecret(signedIn.sessionCookie.split('=')[1] as string);
    await prisma.session.update({ where: { tokenHash }, data: { authenticatedAt: new Date(Date.now() - ageMs) } });
    await testApp.app.nest.get<KeyValueStore>(KEY_VALUE_STORE).delete(`session:${tokenHash}`);
  }

  const auditActions = async (organizationId: string) =>
    (await prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { occurredAt: 'asc' } })).map(
      (event) => event.action,
    );

  /** An organization with one member per role; emails are `<role>-<slug>@example.org`. */
  async function team(slug: string) {
    const owner = await signInAs(testApp, `owner-${slug}@example.org`);
    const organization = await createOrganizationThroughApi(owner, slug);
    const people = { owner } as Record<'owner' | 'admin' | 'member' | 'viewer' | 'outsider', SignedIn>;
    for (const role of ['admin', 'member', 'viewer'] as const) {
      const email = `${role}-${slug}@example.org`;
      people[role] = await signInAs(testApp, email);
      await joinByInvitation(capture, owner, slug, people[role], email, role);
    }
    people.outsider = await signInAs(testApp, `outsider-${slug}@example.org`);
    return { organization, ...people };
  }

  describe('creation', () => {
    it('makes the creator its Owner, lists it with their role and records it', async () => {
      const ada = await signInAs(testApp, 'ada-create@example.org');
      const created = await createOrganizationThroughApi(ada, 'acme', {
        name: 'Acme Corp',
        description: 'Rules for every repository',
        avatarUrl: 'https://cdn.example.org/acme.png',
        websiteUrl: 'http://acme.example.org',
      });
      expect(created).toMatchObject({
        slug: 'acme',
        name: 'Acme Corp',
        description: 'Rules for every repository',
        avatarUrl: 'https://cdn.example.org/acme.png',
        websiteUrl: 'http://acme.example.org',
        role: 'owner',
        memberCount: 1,
      });
      const mine = await ada.agent.get('/api/v1/organizations').expect(200);
      expect(mine.body.items).toEqual([expect.objectContaining({ slug: 'acme', role: 'owner' })]);
      const members = await ada.agent.get('/api/v1/organizations/acme/members').expect(200);
      expect(members.body.items).toEqual([expect.objectContaining({ userId: ada.userId, role: 'owner' })]);
      expect(await auditActions(created.id)).toEqual(['organization.created']);
    });

    it('refuses bad slugs, non-https avatars and non-http websites, creating nothing', async () => {
      const ada = await signInAs(testApp, 'ada-bad@example.org');
      const post = (body: Record<string, unknown>) =>
        ada.agent
          .post('/api/v1/organizations')
          .set(ada.writeHeaders)
          .send({ slug: 'fine-slug', name: 'N', ...body });
      expect((await post({ slug: 'Not_OK' }).expect(400)).body.error.code).toBe('ORGANIZATION_SLUG_INVALID');
      expect((await post({ slug: '-x' }).expect(400)).body.error.code).toBe('ORGANIZATION_SLUG_INVALID');
      expect((await post({ avatarUrl: 'http://cdn.example.org/a.png' }).expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await post({ websiteUrl: 'javascript:alert(1)' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await post({ name: '   ' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect(await prisma.organization.count({ where: { slug: { in: ['not_ok', 'fine-slug'] } } })).toBe(0);
    });

    it('shares one namespace with user handles, both ways (409)', async () => {
      const grace = await signInAs(testApp, 'grace-ns@example.org');
      await grace.agent.patch('/api/v1/account').set(grace.writeHeaders).send({ handle: 'grace-h' }).expect(200);
      // An organization cannot take a user's handle...
      const clash = await grace.agent
        .post('/api/v1/organizations')
        .set(grace.writeHeaders)
        .send({ slug: 'grace-h', name: 'Clash' })
        .expect(409);
      expect(clash.body.error).toMatchObject({ code: 'HANDLE_TAKEN', details: { slug: 'grace-h' } });
      // ...nor another organization's slug...
      await createOrganizationThroughApi(grace, 'ns-org');
      const twice = await grace.agent
        .post('/api/v1/organizations')
        .set(grace.writeHeaders)
        .send({ slug: 'ns-org', name: 'Again' })
        .expect(409);
      expect(twice.body.error.code).toBe('HANDLE_TAKEN');
      // ...nor rename itself onto a handle; and a user cannot take an organization's slug as handle.
      const rename = await grace.agent
        .patch('/api/v1/organizations/ns-org')
        .set(grace.writeHeaders)
        .send({ slug: 'grace-h' })
        .expect(409);
      expect(rename.body.error.code).toBe('HANDLE_TAKEN');
      const handle = await grace.agent
        .patch('/api/v1/account')
        .set(grace.writeHeaders)
        .send({ handle: 'ns-org' })
        .expect(409);
      expect(handle.body.error.code).toBe('USER_HANDLE_TAKEN');
      expect((await prisma.user.findUniqueOrThrow({ where: { id: grace.userId } })).handle).toBe('grace-h');
      // Signing up as ns-org@… picks a free handle instead of failing on the organization's name.
      const newcomer = await signInAs(testApp, 'ns-org@example.org');
      expect((await prisma.user.findUniqueOrThrow({ where: { id: newcomer.userId } })).handle).toBe('ns-org-2');
    });

    it('is for browser sessions: API tokens are refused', async () => {
      const ada = await signInAs(testApp, 'ada-token@example.org');
      const token = await createApiToken(ada, ['blueprints:read', 'blueprints:write'], 'development');
      const refused = await testApp.http
        .post('/api/v1/organizations')
        .set('Authorization', `Bearer ${token}`)
        .send({ slug: 'by-token', name: 'By token' })
        .expect(403);
      expect(refused.body.error.code).toBe('SESSION_REQUIRED');
      await testApp.http.get('/api/v1/organizations').set('Authorization', `Bearer ${token}`).expect(403);
      await testApp.http.get('/api/v1/organizations').expect(401);
    });
  });

  describe('roles', () => {
    let t: Awaited<ReturnType<typeof team>>;
    beforeAll(async () => {
      t = await team('matrix');
    });

    it('shows the organization and its members to members only (404 to others)', async () => {
      for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
        const view = await t[role].agent.get('/api/v1/organizations/matrix').expect(200);
        expect(view.body).toMatchObject({ slug: 'matrix', role, memberCount: 4 });
        await t[role].agent.get('/api/v1/organizations/matrix/members').expect(200);
      }
      for (const path of ['', '/members', '/invitations']) {
        const hidden = await t.outsider.agent.get(`/api/v1/organizations/matrix${path}`).expect(404);
        expect(hidden.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
        expect(JSON.stringify(hidden.body)).not.toContain(t.organization.id);
      }
      const missing = await t.outsider.agent.get('/api/v1/organizations/no-such-org').expect(404);
      expect(missing.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    });

    it('lets Owners and Admins edit the details; Members and Viewers get 403, outsiders 404', async () => {
      const patch = (who: SignedIn, name: string) =>
        who.agent.patch('/api/v1/organizations/matrix').set(who.writeHeaders).send({ name });
      expect((await patch(t.owner, 'By owner').expect(200)).body.name).toBe('By owner');
      expect((await patch(t.admin, 'By admin').expect(200)).body).toMatchObject({ name: 'By admin', role: 'admin' });
      expect((await patch(t.member, 'No').expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await patch(t.viewer, 'No').expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await patch(t.outsider, 'No').expect(404)).body.error.code).toBe('ORGANIZATION_NOT_FOUND');
      expect((await prisma.organization.findUniqueOrThrow({ where: { slug: 'matrix' } })).name).toBe('By admin');
      const updated = await prisma.auditEvent.findMany({
        where: { organizationId: t.organization.id, action: 'organization.updated' },
      });
      expect(updated.map((event) => event.actorId).sort()).toEqual([t.owner.userId, t.admin.userId].sort());
    });

    it('lets Admins change roles below Owner only; Members and Viewers change none', async () => {
      const change = (who: SignedIn, target: SignedIn, role: string) =>
        who.agent.patch(`/api/v1/organizations/matrix/members/${target.userId}`).set(who.writeHeaders).send({ role });
      expect((await change(t.admin, t.viewer, 'member').expect(200)).body.role).toBe('member');
      expect((await change(t.admin, t.viewer, 'viewer').expect(200)).body.role).toBe('viewer');
      // Making or unmaking an Owner needs an Owner.
      expect((await change(t.admin, t.member, 'owner').expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await change(t.admin, t.owner, 'admin').expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await change(t.member, t.viewer, 'member').expect(403)).body.error.code).toBe(
        'ORGANIZATION_ROLE_REQUIRED',
      );
      expect((await change(t.viewer, t.viewer, 'admin').expect(403)).body.error.code).toBe(
        'ORGANIZATION_ROLE_REQUIRED',
      );
      await change(t.outsider, t.viewer, 'admin').expect(404);
      expect((await change(t.owner, t.outsider, 'admin').expect(404)).body.error.code).toBe('MEMBER_NOT_FOUND');
      expect((await change(t.owner, t.viewer, 'boss').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      // By handle works too.
      const viewer = await prisma.user.findUniqueOrThrow({ where: { id: t.viewer.userId } });
      await t.owner.agent
        .patch(`/api/v1/organizations/matrix/members/${viewer.handle}`)
        .set(t.owner.writeHeaders)
        .send({ role: 'viewer' })
        .expect(200);
      const roles = await prisma.organizationMember.findMany({ where: { organizationId: t.organization.id } });
      expect(Object.fromEntries(roles.map((row) => [row.userId, row.role]))).toEqual({
        [t.owner.userId]: 'owner',
        [t.admin.userId]: 'admin',
        [t.member.userId]: 'member',
        [t.viewer.userId]: 'viewer',
      });
      const changes = await prisma.auditEvent.findMany({
        where: { organizationId: t.organization.id, action: 'member.role_changed' },
      });
      expect(changes.map((event) => event.metadata)).toEqual([
        { from: 'viewer', to: 'member' },
        { from: 'member', to: 'viewer' },
      ]);
    });

    it('takes effect on the next request: a demoted Admin loses Admin actions at once', async () => {
      await t.owner.agent
        .patch(`/api/v1/organizations/matrix/members/${t.admin.userId}`)
        .set(t.owner.writeHeaders)
        .send({ role: 'member' })
        .expect(200);
      await t.admin.agent.get('/api/v1/organizations/matrix/invitations').expect(403);
      await t.owner.agent
        .patch(`/api/v1/organizations/matrix/members/${t.admin.userId}`)
        .set(t.owner.writeHeaders)
        .send({ role: 'admin' })
        .expect(200);
      await t.admin.agent.get('/api/v1/organizations/matrix/invitations').expect(200);
    });

    it('lets anyone leave, Admins remove below Owner, and nobody else remove anyone', async () => {
      const u = await team('removals');
      const remove = (who: SignedIn, target: SignedIn) =>
        who.agent.delete(`/api/v1/organizations/removals/members/${target.userId}`).set(who.writeHeaders);
      expect((await remove(u.viewer, u.member).expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await remove(u.member, u.viewer).expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      expect((await remove(u.admin, u.owner).expect(403)).body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      await remove(u.outsider, u.viewer).expect(404);
      await remove(u.admin, u.viewer).expect(204);
      await remove(u.member, u.member).expect(204);
      await u.member.agent.get('/api/v1/organizations/removals').expect(404);
      const left = await prisma.organizationMember.findMany({ where: { organizationId: u.organization.id } });
      expect(left.map((row) => row.userId).sort()).toEqual([u.owner.userId, u.admin.userId].sort());
      const actions = await auditActions(u.organization.id);
      expect(actions.slice(-2)).toEqual(['member.removed', 'member.left']);
    });
  });

  describe('the last Owner', () => {
    it('cannot be demoted nor leave (409 LAST_OWNER); a second Owner makes both possible', async () => {
      const ada = await signInAs(testApp, 'ada-last@example.org');
      const org = await createOrganizationThroughApi(ada, 'last-owner');
      const demote = await ada.agent
        .patch(`/api/v1/organizations/last-owner/members/${ada.userId}`)
        .set(ada.writeHeaders)
        .send({ role: 'admin' })
        .expect(409);
      expect(demote.body.error.code).toBe('LAST_OWNER');
      const leave = await ada.agent
        .delete(`/api/v1/organizations/last-owner/members/${ada.userId}`)
        .set(ada.writeHeaders)
        .expect(409);
      expect(leave.body.error.code).toBe('LAST_OWNER');
      const bob = await signInAs(testApp, 'bob-last@example.org');
      await joinByInvitation(capture, ada, 'last-owner', bob, 'bob-last@example.org', 'owner');
      await ada.agent
        .delete(`/api/v1/organizations/last-owner/members/${ada.userId}`)
        .set(ada.writeHeaders)
        .expect(204);
      const owners = await prisma.organizationMember.findMany({ where: { organizationId: org.id } });
      expect(owners).toEqual([expect.objectContaining({ userId: bob.userId, role: 'owner' })]);
    });

    it('is kept by the database itself, whatever the service checks first (SQLSTATE 23514 -> LAST_OWNER)', async () => {
      const ada = await signInAs(testApp, 'ada-db@example.org');
      const org = await createOrganizationThroughApi(ada, 'db-owner');
      const repository = testApp.app.nest.get(OrganizationsRepository);
      const error = await repository.setRole(org.id, ada.userId, 'member').then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(lastOwner(error)).toBeInstanceOf(LastOwnerError);
      const removal = await repository.removeMember(org.id, ada.userId).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(lastOwner(removal)).toBeInstanceOf(LastOwnerError);
      expect(await prisma.organizationMember.findMany({ where: { organizationId: org.id } })).toEqual([
        expect.objectContaining({ userId: ada.userId, role: 'owner' }),
      ]);
    });

    it('survives two Owners demoting each other at once: exactly one succeeds', async () => {
      for (let round = 0; round < 3; round += 1) {
        const slug = `race-${round}`;
        const a = await signInAs(testApp, `a-${slug}@example.org`);
        const b = await signInAs(testApp, `b-${slug}@example.org`);
        const org = await createOrganizationThroughApi(a, slug);
        await joinByInvitation(capture, a, slug, b, `b-${slug}@example.org`, 'owner');
        const results = await Promise.all([
          a.agent
            .patch(`/api/v1/organizations/${slug}/members/${b.userId}`)
            .set(a.writeHeaders)
            .send({ role: 'member' }),
          b.agent
            .patch(`/api/v1/organizations/${slug}/members/${a.userId}`)
            .set(b.writeHeaders)
            .send({ role: 'member' }),
        ]);
        const statuses = results.map((response) => response.status).sort();
        // Either one wins and the other is refused, or the second is refused because the first demoted its actor.
        expect(statuses[0]).toBe(200);
        expect([403, 409]).toContain(statuses[1]);
        const loser = results.find((response) => response.status !== 200);
        expect(loser?.body.error.code).toMatch(/^(LAST_OWNER|ORGANIZATION_ROLE_REQUIRED)$/);
        expect(await prisma.organizationMember.count({ where: { organizationId: org.id, role: 'owner' } })).toBe(1);
      }
    });

    it('keeps its account until the organization has another Owner (account deletion: 409 LAST_OWNER)', async () => {
      const ada = await signInAs(testApp, 'ada-account@example.org');
      await createOrganizationThroughApi(ada, 'keeps-owner-a');
      await createOrganizationThroughApi(ada, 'keeps-owner-b');
      const refused = await ada.agent.delete('/api/v1/account').set(ada.writeHeaders).expect(409);
      expect(refused.body.error).toMatchObject({
        code: 'LAST_OWNER',
        details: { organizations: ['keeps-owner-a', 'keeps-owner-b'] },
      });
      expect(await prisma.user.findUnique({ where: { id: ada.userId } })).not.toBeNull();
      await ada.agent.get('/api/v1/auth/session').expect(200);
      // Once they are gone (deleted here), the account can go.
      await backdate(ada, 0);
      for (const slug of ['keeps-owner-a', 'keeps-owner-b']) {
        await ada.agent.delete(`/api/v1/organizations/${slug}`).set(ada.writeHeaders).expect(204);
      }
      await ada.agent.delete('/api/v1/account').set(ada.writeHeaders).expect(204);
    });
  });

  describe('deletion', () => {
    it('is for an Owner with a recent sign-in, and tombstones its once-listed blueprints for peers', async () => {
      const u = await team('doomed');
      // The organization's blueprints, made in its name: one published (listed once), one draft.
      const listed = await createBlueprint(u.owner, {
        visibility: 'public',
        publish: true,
        name: 'Org rules',
        organization: 'doomed',
      });
      const draft = await createBlueprint(u.member, { name: 'Org draft', organization: 'doomed' });
      const owners = await prisma.blueprint.findMany({ where: { id: { in: [listed.id, draft.id] } } });
      expect(owners.map((row) => [row.ownerId, row.organizationId])).toEqual([
        [null, u.organization.id],
        [null, u.organization.id],
      ]);
      const before = await testApp.http.get(CATALOGUE).expect(200);
      const cursor = before.body.cursor as string;

      expect(
        (await u.admin.agent.delete('/api/v1/organizations/doomed').set(u.admin.writeHeaders).expect(403)).body.error
          .code,
      ).toBe('ORGANIZATION_ROLE_REQUIRED');
      await u.outsider.agent.delete('/api/v1/organizations/doomed').set(u.outsider.writeHeaders).expect(404);
      await backdate(u.owner, ELEVEN_MINUTES);
      const stale = await u.owner.agent.delete('/api/v1/organizations/doomed').set(u.owner.writeHeaders).expect(403);
      expect(stale.body.error).toMatchObject({
        code: 'REAUTHENTICATION_REQUIRED',
        details: { requires: 'recent_sign_in' },
      });
      expect(await prisma.organization.count({ where: { id: u.organization.id } })).toBe(1);

      await backdate(u.owner, 0);
      await u.owner.agent.delete('/api/v1/organizations/doomed').set(u.owner.writeHeaders).expect(204);
      await u.owner.agent.get('/api/v1/organizations/doomed').expect(404);
      expect(await prisma.organizationMember.count({ where: { organizationId: u.organization.id } })).toBe(0);
      expect(await prisma.blueprint.count({ where: { id: { in: [listed.id, draft.id] } } })).toBe(0);
      const tombstones = await prisma.blueprintTombstone.findMany({ where: { id: { in: [listed.id, draft.id] } } });
      expect(tombstones.map((row) => row.id)).toEqual([listed.id]);
      // The catalogue holds back the last 2 s of changes.
      await sleep(2_300);
      const after = await testApp.http.get(`${CATALOGUE}?cursor=${encodeURIComponent(cursor)}`).expect(200);
      expect(after.body.tombstones.map((row: { id: string }) => row.id)).toContain(listed.id);
      expect(JSON.stringify(after.body)).not.toContain(draft.id);
      expect(await auditActions(u.organization.id)).toContain('organization.deleted');
      // The slug is free again.
      await createOrganizationThroughApi(u.member, 'doomed');
    });
  });
});

describe('ORGANIZATION_CREATION', () => {
  it.each([
    ['admins', 201, 403],
    ['nobody', 403, 403],
  ])('%s: the instance admin gets %i, everyone else %i', async (policy, adminStatus, userStatus) => {
    const testApp = await startTestApp({ env: { ORGANIZATION_CREATION: policy }, extraImports: [TestSignInModule] });
    try {
      const admin = await signInAs(testApp, 'first-admin@example.org'); // the first account is the admin
      const user = await signInAs(testApp, 'plain-user@example.org');
      const post = (who: SignedIn, slug: string) =>
        who.agent.post('/api/v1/organizations').set(who.writeHeaders).send({ slug, name: slug });
      const byAdmin = await post(admin, 'by-admin').expect(adminStatus);
      const byUser = await post(user, 'by-user').expect(userStatus);
      for (const response of [byAdmin, byUser].filter((r) => r.status === 403)) {
        expect(response.body.error).toMatchObject({ code: 'ORGANIZATION_CREATION_DISABLED', details: { policy } });
      }
      const prisma = testApp.app.nest.get(PrismaService);
      expect(await prisma.organization.count()).toBe(adminStatus === 201 ? 1 : 0);
    } finally {
      await testApp.close();
    }
  });
});
