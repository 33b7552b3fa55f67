import { PrismaService } from '../../src/database/prisma.service';
import type { OrganizationRole } from '../../src/access/permissions';
import { signInAs, type SignedIn } from './sign-in';
import type { CapturedMail, SmtpCapture } from './smtp-capture';
import type { TestApp } from './test-app';

/**
 * Test fixture: an organization with its first Owner, written straight to the test database (the organizations API
 * is not needed to test what happens inside one). Answers the organization's id.
 */
export async function createOrganization(testApp: TestApp, ownerUserId: string, slug: string): Promise<string> {
  const prisma = testApp.app.nest.get(PrismaService);
  const organization = await prisma.organization.create({
    data: { slug, name: slug, members: { create: { userId: ownerUserId, role: 'owner' } } },
  });
  return organization.id;
}

/** Test fixture: makes a user a member of an organization with a role. */
export async function addMember(
  testApp: TestApp,
  organizationId: string,
  userId: string,
  role: OrganizationRole,
): Promise<void> {
  const prisma = testApp.app.nest.get(PrismaService);
  await prisma.organizationMember.create({ data: { organizationId, userId, role } });
}

/** An organization with one signed-in person in each role, as most organization tests start. */
export interface SignedInTeam {
  organizationId: string;
  owner: SignedIn;
  admin: SignedIn;
  member: SignedIn;
  viewer: SignedIn;
}

/** Test fixture: signs in `<role>@<slug>.test` for each role and seats them in a new organization `slug`. */
export async function signInTeam(testApp: TestApp, slug: string): Promise<SignedInTeam> {
  // One after the other, Owner first: on a fresh instance the first account to sign in becomes its administrator.
  const owner = await signInAs(testApp, `owner@${slug}.test`);
  const admin = await signInAs(testApp, `admin@${slug}.test`);
  const member = await signInAs(testApp, `member@${slug}.test`);
  const viewer = await signInAs(testApp, `viewer@${slug}.test`);
  const organizationId = await createOrganization(testApp, owner.userId, slug);
  await addMember(testApp, organizationId, admin.userId, 'admin');
  await addMember(testApp, organizationId, member.userId, 'member');
  await addMember(testApp, organizationId, viewer.userId, 'viewer');
  return { organizationId, owner, admin, member, viewer };
}

export interface OrganizationBody {
  id: string;
  slug: string;
  name: string;
  role: OrganizationRole;
  memberCount: number;
  [field: string]: unknown;
}

/** Creates an organization through the API as `owner` (tests of the organizations API itself). */
export async function createOrganizationThroughApi(
  owner: SignedIn,
  slug: string,
  extra: Record<string, unknown> = {},
): Promise<OrganizationBody> {
  const response = await owner.agent
    .post('/api/v1/organizations')
    .set(owner.writeHeaders)
    .send({ slug, name: `Org ${slug}`, ...extra })
    .expect(201);
  return response.body as OrganizationBody;
}

/** The token of an invitation mail's link (`<APP_URL>/invitations/<token>`). */
export function invitationToken(mail: CapturedMail): string {
  return new URL(mail.link('/invitations/')).pathname.split('/').pop() as string;
}

/** Sends an invitation as `inviter` and returns the token from the mail it produced. */
export async function inviteByMail(
  capture: SmtpCapture,
  inviter: SignedIn,
  slug: string,
  email: string,
  role: OrganizationRole,
): Promise<{ id: string; token: string }> {
  const response = await inviter.agent
    .post(`/api/v1/organizations/${slug}/invitations`)
    .set(inviter.writeHeaders)
    .send({ email, role })
    .expect(201);
  const mail = await capture.waitForMail(email);
  return { id: response.body.id as string, token: invitationToken(mail) };
}

/** Makes `member` (signed in as `email`) a member with `role`, the way people join: invitation and acceptance. */
export async function joinByInvitation(
  capture: SmtpCapture,
  inviter: SignedIn,
  slug: string,
  member: SignedIn,
  email: string,
  role: OrganizationRole,
): Promise<void> {
  const { token } = await inviteByMail(capture, inviter, slug, email, role);
  await member.agent.post(`/api/v1/invitations/${token}/accept`).set(member.writeHeaders).expect(200);
}
