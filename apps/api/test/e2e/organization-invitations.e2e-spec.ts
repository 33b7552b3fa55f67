import { hashSecret } from '../../src/common/crypto/secret-token';
import { PrismaService } from '../../src/database/prisma.service';
import { withClockAdvanced } from '../support/clock';
import {
  createOrganizationThroughApi,
  invitationToken,
  inviteByMail,
  joinByInvitation,
} from '../support/organizations';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const SEVEN_DAYS = 7 * 24 * 60 * 60_000;

describe('organization invitations', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    // Sessions outlive the 7-day invitations here, so the expiry test sees the invitation expire, not the session.
    testApp = await startTestApp({
      env: { SMTP_URL: capture.url, SESSION_IDLE_TIMEOUT_DAYS: '30' },
      extraImports: [TestSignInModule],
    });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  const accept = (who: SignedIn, token: string) =>
    who.agent.post(`/api/v1/invitations/${token}/accept`).set(who.writeHeaders);

  it('mails a single-use link; the invited address accepts it and becomes a member with the role', async () => {
    const owner = await signInAs(testApp, 'owner-flow@example.org');
    const org = await createOrganizationThroughApi(owner, 'flow', { name: 'Flow Inc' });
    const sent = await owner.agent
      .post('/api/v1/organizations/flow/invitations')
      .set(owner.writeHeaders)
      .send({ email: 'Invitee-Flow@Example.org', role: 'admin' })
      .expect(201);
    expect(sent.body).toMatchObject({ email: 'invitee-flow@example.org', role: 'admin', status: 'pending' });
    expect(new Date(sent.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(SEVEN_DAYS - 60_000);
    expect(new Date(sent.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(SEVEN_DAYS);

    const mail = await capture.waitForMail('invitee-flow@example.org');
    expect(mail.subject).toContain('Flow Inc');
    const link = mail.link('/invitations/');
    expect(link.startsWith(`${TEST_APP_URL}/invitations/`)).toBe(true);
    const token = invitationToken(mail);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const row = await prisma.organizationInvitation.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const invitee = await signInAs(testApp, 'invitee-flow@example.org');
    const preview = await invitee.agent.get(`/api/v1/invitations/${token}`).expect(200);
    expect(preview.body).toEqual({
      organization: { slug: 'flow', name: 'Flow Inc', avatarUrl: null },
      role: 'admin',
      email: 'i***@example.org',
      forYou: true,
      expiresAt: sent.body.expiresAt,
    });
    const accepted = await accept(invitee, token).expect(200);
    expect(accepted.body.organization).toMatchObject({ slug: 'flow', role: 'admin', memberCount: 2 });
    const members = await owner.agent.get('/api/v1/organizations/flow/members').expect(200);
    expect(members.body.items).toEqual([
      expect.objectContaining({ userId: owner.userId, role: 'owner' }),
      expect.objectContaining({ userId: invitee.userId, role: 'admin' }),
    ]);
    // Single use.
    expect((await accept(invitee, token).expect(404)).body.error.code).toBe('INVITATION_NOT_FOUND');
    await invitee.agent.get(`/api/v1/invitations/${token}`).expect(404);
    const events = await prisma.auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual([
      'organization.created',
      'invitation.created',
      'invitation.accepted',
      'member.added',
    ]);
    // The token is in no log line.
    expect(testApp.rawLogs()).not.toContain(token);
  });

  it('cannot be accepted twice at once', async () => {
    const owner = await signInAs(testApp, 'owner-twice@example.org');
    await createOrganizationThroughApi(owner, 'twice');
    const { token } = await inviteByMail(capture, owner, 'twice', 'twice@example.org', 'member');
    const invitee = await signInAs(testApp, 'twice@example.org');
    const results = await Promise.all([accept(invitee, token), accept(invitee, token), accept(invitee, token)]);
    expect(results.filter((response) => response.status === 200)).toHaveLength(1);
    for (const response of results.filter((r) => r.status !== 200)) {
      expect(response.body.error.code).toMatch(/^(INVITATION_NOT_FOUND|ALREADY_MEMBER)$/);
    }
    expect(await prisma.organizationMember.count({ where: { userId: invitee.userId } })).toBe(1);
  });

  it('refuses another account (403 INVITATION_EMAIL_MISMATCH) and an unverified address, leaving it usable', async () => {
    const owner = await signInAs(testApp, 'owner-wrong@example.org');
    await createOrganizationThroughApi(owner, 'wrong');
    const { token } = await inviteByMail(capture, owner, 'wrong', 'right@example.org', 'member');
    const other = await signInAs(testApp, 'other@example.org');
    const preview = await other.agent.get(`/api/v1/invitations/${token}`).expect(200);
    expect(preview.body.forYou).toBe(false);
    expect(JSON.stringify(preview.body)).not.toContain('right@example.org');
    expect((await accept(other, token).expect(403)).body.error.code).toBe('INVITATION_EMAIL_MISMATCH');
    await other.agent.get('/api/v1/organizations/wrong').expect(404);

    const right = await signInAs(testApp, 'right@example.org');
    // Test setup: the account's address is no longer verified (e.g. an account made before verification existed).
    await prisma.user.update({ where: { id: right.userId }, data: { emailVerifiedAt: null } });
    expect((await accept(right, token).expect(403)).body.error.code).toBe('INVITATION_EMAIL_MISMATCH');
    await prisma.user.update({ where: { id: right.userId }, data: { emailVerifiedAt: new Date() } });
    await accept(right, token).expect(200);
  });

  it('expires after 7 days (410 INVITATION_EXPIRED)', async () => {
    const owner = await signInAs(testApp, 'owner-expiry@example.org');
    await createOrganizationThroughApi(owner, 'expiry');
    const { token } = await inviteByMail(capture, owner, 'expiry', 'late@example.org', 'viewer');
    const late = await signInAs(testApp, 'late@example.org');
    await withClockAdvanced(SEVEN_DAYS + 60_000, async () => {
      expect((await late.agent.get(`/api/v1/invitations/${token}`).expect(410)).body.error.code).toBe(
        'INVITATION_EXPIRED',
      );
      expect((await accept(late, token).expect(410)).body.error.code).toBe('INVITATION_EXPIRED');
      const list = await owner.agent.get('/api/v1/organizations/expiry/invitations?status=all').expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ email: 'late@example.org', status: 'expired' })]);
      expect((await owner.agent.get('/api/v1/organizations/expiry/invitations').expect(200)).body.items).toEqual([]);
    });
    await late.agent.get('/api/v1/organizations/expiry').expect(404);
    // Just before the end it still works.
    await withClockAdvanced(SEVEN_DAYS - 60_000, async () => {
      await accept(late, token).expect(200);
    });
  });

  it('is revocable by Owners and Admins, listed for them only, and replaced by a new one to the address', async () => {
    const owner = await signInAs(testApp, 'owner-revoke@example.org');
    const org = await createOrganizationThroughApi(owner, 'revoke');
    const admin = await signInAs(testApp, 'admin-revoke@example.org');
    await joinByInvitation(capture, owner, 'revoke', admin, 'admin-revoke@example.org', 'admin');
    const member = await signInAs(testApp, 'member-revoke@example.org');
    await joinByInvitation(capture, owner, 'revoke', member, 'member-revoke@example.org', 'member');
    const outsider = await signInAs(testApp, 'outsider-revoke@example.org');

    const first = await inviteByMail(capture, admin, 'revoke', 'twice-revoke@example.org', 'member');
    const second = await inviteByMail(capture, admin, 'revoke', 'twice-revoke@example.org', 'viewer');
    const pending = await admin.agent.get('/api/v1/organizations/revoke/invitations').expect(200);
    expect(pending.body.items).toEqual([
      expect.objectContaining({ id: second.id, email: 'twice-revoke@example.org', role: 'viewer', status: 'pending' }),
    ]);
    expect((await member.agent.get('/api/v1/organizations/revoke/invitations').expect(403)).body.error.code).toBe(
      'ORGANIZATION_ROLE_REQUIRED',
    );
    await outsider.agent.get('/api/v1/organizations/revoke/invitations').expect(404);
    // Members cannot revoke; outsiders do not see the organization.
    await member.agent
      .delete(`/api/v1/organizations/revoke/invitations/${second.id}`)
      .set(member.writeHeaders)
      .expect(403);
    await outsider.agent
      .delete(`/api/v1/organizations/revoke/invitations/${second.id}`)
      .set(outsider.writeHeaders)
      .expect(404);
    await admin.agent
      .delete(`/api/v1/organizations/revoke/invitations/${second.id}`)
      .set(admin.writeHeaders)
      .expect(204);
    await admin.agent
      .delete(`/api/v1/organizations/revoke/invitations/${second.id}`)
      .set(admin.writeHeaders)
      .expect(404);
    const all = await owner.agent.get('/api/v1/organizations/revoke/invitations?status=all').expect(200);
    const statuses = Object.fromEntries(
      (all.body.items as Array<{ id: string; status: string }>).map((item) => [item.id, item.status]),
    );
    expect(statuses[first.id]).toBe('revoked');
    expect(statuses[second.id]).toBe('revoked');

    const invitee = await signInAs(testApp, 'twice-revoke@example.org');
    for (const token of [first.token, second.token]) {
      expect((await accept(invitee, token).expect(404)).body.error.code).toBe('INVITATION_NOT_FOUND');
    }
    await invitee.agent.get('/api/v1/organizations/revoke').expect(404);
    const revoked = await prisma.auditEvent.count({ where: { organizationId: org.id, action: 'invitation.revoked' } });
    expect(revoked).toBe(1);
  });

  it('follows the matrix for roles: Admins invite below Owner, Owners any role, Members and Viewers none', async () => {
    const owner = await signInAs(testApp, 'owner-roles@example.org');
    await createOrganizationThroughApi(owner, 'inv-roles');
    const admin = await signInAs(testApp, 'admin-roles@example.org');
    await joinByInvitation(capture, owner, 'inv-roles', admin, 'admin-roles@example.org', 'admin');
    const viewer = await signInAs(testApp, 'viewer-roles@example.org');
    await joinByInvitation(capture, owner, 'inv-roles', viewer, 'viewer-roles@example.org', 'viewer');
    const invite = (who: SignedIn, email: string, role: string) =>
      who.agent.post('/api/v1/organizations/inv-roles/invitations').set(who.writeHeaders).send({ email, role });
    expect((await invite(admin, 'x1@example.org', 'owner').expect(403)).body.error.code).toBe(
      'ORGANIZATION_ROLE_REQUIRED',
    );
    await invite(admin, 'x2@example.org', 'admin').expect(201);
    await invite(owner, 'x3@example.org', 'owner').expect(201);
    expect((await invite(viewer, 'x4@example.org', 'viewer').expect(403)).body.error.code).toBe(
      'ORGANIZATION_ROLE_REQUIRED',
    );
    expect((await invite(owner, 'not-an-address', 'viewer').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await invite(owner, 'x5@example.org', 'boss').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    // Already a member.
    expect((await invite(owner, 'viewer-roles@example.org', 'admin').expect(409)).body.error.code).toBe(
      'ALREADY_MEMBER',
    );
    // An Owner's invitation is revocable by Owners only.
    const list = await owner.agent.get('/api/v1/organizations/inv-roles/invitations').expect(200);
    const ownerInvitation = (list.body.items as Array<{ id: string; role: string }>).find((i) => i.role === 'owner');
    await admin.agent
      .delete(`/api/v1/organizations/inv-roles/invitations/${ownerInvitation?.id}`)
      .set(admin.writeHeaders)
      .expect(403);
    expect(capture.messagesTo('x1@example.org')).toHaveLength(0);
    expect(capture.messagesTo('x4@example.org')).toHaveLength(0);
  });

  it('answers 404 for unknown tokens and requires a browser session', async () => {
    const someone = await signInAs(testApp, 'someone-unknown@example.org');
    const unknown = 'A'.repeat(43);
    expect((await someone.agent.get(`/api/v1/invitations/${unknown}`).expect(404)).body.error.code).toBe(
      'INVITATION_NOT_FOUND',
    );
    await accept(someone, 'short').expect(404);
    await testApp.http.get(`/api/v1/invitations/${unknown}`).expect(401);
  });
});
