import { PrismaService } from '../../src/database/prisma.service';
import type { TestApp } from './test-app';

type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface SeededOrganization {
  id: string;
  slug: string;
}

/**
 * Test-only: an organization row with its members, written straight to the database, for suites that need one
 * before (or without) the organizations API. The database's own rules still apply: the slug must not be a user's
 * handle, and an organization keeps at least one Owner.
 */
export async function seedOrganization(
  testApp: TestApp,
  organization: {
    slug: string;
    name: string;
    description?: string;
    avatarUrl?: string | null;
    websiteUrl?: string | null;
    members: Array<{ userId: string; role: Role }>;
  },
): Promise<SeededOrganization> {
  const prisma = testApp.app.nest.get(PrismaService);
  const { members, ...fields } = organization;
  const row = await prisma.organization.create({
    data: { ...fields, members: { create: members.map(({ userId, role }) => ({ userId, role })) } },
  });
  return { id: row.id, slug: row.slug };
}

/**
 * Test-only: hands a blueprint a user made through the API to an organization, as the transfer would, and sets its
 * visibility in the same statement (so `team` passes the check constraint that only organizations may use it).
 */
export async function giveBlueprintToOrganization(
  testApp: TestApp,
  blueprintId: string,
  organizationId: string,
  visibility?: 'private' | 'team' | 'unlisted' | 'public',
): Promise<void> {
  const prisma = testApp.app.nest.get(PrismaService);
  await prisma.blueprint.update({
    where: { id: blueprintId },
    data: { ownerId: null, organizationId, ...(visibility ? { visibility } : {}) },
  });
}
