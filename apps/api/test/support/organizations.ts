import { PrismaService } from '../../src/database/prisma.service';
import type { OrganizationRole } from '../../src/access/permissions';
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
