import { randomBytes } from 'node:crypto';
import { mintApiToken } from '../../src/auth/api-tokens/api-token.service';
import { hashSecret, mintSecretToken } from '../../src/common/crypto/secret-token';
import { PrismaService } from '../../src/database/prisma.service';
import { ifMatch } from '../support/blueprints';
import { createApiToken, signInAs, type SignedIn } from '../support/sign-in';
import type { TestApp } from '../support/test-app';
import {
  allowsOnOrganization,
  MEMBERSHIPS,
  personOf,
  PRINCIPALS,
  seesContent,
  VISIBILITIES,
  type ContentSubject,
  type OrgKey,
  type PrincipalName,
  type PrincipalSpec,
  type UserKey,
  type Visibility,
} from './spec-table';

/*
 * Test setup only: two organizations (A and B) with every object kind in a private, team, unlisted and public
 * instance each, plus two people's own content. Organizations, memberships, organization tokens and invitations are
 * written straight through PrismaService; blueprints and hierarchies are made through the API by their owner (so
 * versions, scans, search vectors and the listing triggers are real).
 */

export interface SeededObject {
  /** E.g. "A-team", "member-private": what failure messages name. */
  readonly label: string;
  readonly id: string;
  readonly subject: ContentSubject;
  /** Blueprints: its owner's handle (a user's handle, an organization's slug) and its slug, as in `@handle/slug`. */
  readonly handle?: string;
  readonly slug?: string;
  /** In the name, description and published content. */
  readonly marker: string;
  /** Only in the draft (head) version, never published. */
  readonly draftMarker: string;
}

export interface Marker {
  readonly marker: string;
  readonly label: string;
  visibleTo(principal: PrincipalSpec): boolean;
}

export interface Fixture {
  readonly sessions: Readonly<Record<UserKey, SignedIn>>;
  readonly emails: Readonly<Record<UserKey, string>>;
  readonly handles: Readonly<Record<UserKey, string>>;
  readonly orgs: Readonly<Record<OrgKey, { id: string; slug: string }>>;
  /** The tokens of the seeded pending invitations (each to an address nobody of the suite has). */
  readonly invitationTokens: Readonly<Record<OrgKey, string>>;
  readonly blueprints: readonly SeededObject[];
  readonly hierarchies: readonly SeededObject[];
  /** The two organizations as targets of the organization routes: id is the slug (no markers of their own). */
  readonly organizations: readonly SeededObject[];
  /** Every secret string of the fixture and who may see it. */
  readonly markers: readonly Marker[];
  /** Ids of objects that belong to another person (B's Owner), for the account routes. */
  readonly foreign: Readonly<Record<'sessionId' | 'apiTokenId' | 'variableName', string>>;
  /** Open Checkout Sessions (with billing on): B's Owner's own, and organization A's, opened by A's Owner. */
  readonly checkoutSessions: Readonly<Record<'ownerB' | 'A', string>>;
  headersOf(principal: PrincipalSpec): Record<string, string>;
  /** A throwaway copy of a seeded blueprint (same owner, visibility, versions and markers), for destructive calls. */
  freshBlueprint(from: SeededObject): Promise<{ id: string; revision: number }>;
  /** A throwaway copy of a seeded hierarchy, with a copy of its member blueprint. */
  freshHierarchy(from: SeededObject): Promise<{ id: string }>;
  /** A throwaway organization token (its id), for revoking. */
  freshOrganizationToken(org: OrgKey): Promise<string>;
  /** A throwaway personal token of the person and scopes of a token principal (the token), for self-revoking. */
  freshPersonalToken(principal: Extract<PrincipalSpec, { kind: 'personal-token' }>): Promise<string>;
  /** A throwaway person who is a Member of the organization (their handle), for role changes and removals. */
  freshMember(org: OrgKey): Promise<string>;
  /** A throwaway pending invitation of the organization (its id), for revoking. */
  freshInvitation(org: OrgKey): Promise<string>;
  /** A throwaway organization with the same people in the same roles (its slug), for deleting. */
  freshOrganization(org: OrgKey): Promise<string>;
}

/** The attached file every seeded skill has. */
export const ATTACHED_FILE = 'references/notes.md';

const tag = () => randomBytes(3).toString('hex');
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
function newId(prefix: 'bp' | 'ha'): string {
  let suffix = '';
  for (const byte of randomBytes(16)) suffix += ID_CHARS[byte % ID_CHARS.length];
  return `${prefix}_${suffix}`;
}

const USER_KEYS: readonly UserKey[] = ['instanceAdmin', 'outsider', 'viewer', 'member', 'admin', 'owner', 'ownerB'];

export async function seedFixture(testApp: TestApp): Promise<Fixture> {
  const prisma = testApp.app.nest.get(PrismaService);
  const run = tag();
  const appOrigin = new URL(testApp.app.config.http.appUrl).origin;

  // The first account of an instance becomes its administrator (USER_KEYS begins with it).
  const emails = Object.fromEntries(
    USER_KEYS.map((key) => [key, `iso-${key.toLowerCase()}-${run}@iso.test`]),
  ) as Record<UserKey, string>;
  const sessions = {} as Record<UserKey, SignedIn>;
  for (const key of USER_KEYS) sessions[key] = await signInAs(testApp, emails[key]);

  const handles = {} as Record<UserKey, string>;
  for (const key of USER_KEYS) {
    handles[key] = (await prisma.user.findUniqueOrThrow({ where: { id: sessions[key].userId } })).handle;
  }

  const orgs = {} as Record<OrgKey, { id: string; slug: string }>;
  for (const org of ['A', 'B'] as const) {
    const slug = `iso-${org.toLowerCase()}-${run}`;
    const row = await prisma.organization.create({
      data: { slug, name: `Isolation ${org}`, description: `Organization ${org} of the isolation suite` },
    });
    orgs[org] = { id: row.id, slug };
  }
  for (const key of USER_KEYS) {
    for (const [org, role] of Object.entries(MEMBERSHIPS[key]) as Array<[OrgKey, string]>) {
      await prisma.organizationMember.create({
        data: { organizationId: orgs[org].id, userId: sessions[key].userId, role: role as 'owner' },
      });
    }
  }

  const markers: Marker[] = [];
  const blueprints: SeededObject[] = [];
  const hierarchies: SeededObject[] = [];
  const creatorOf = (owner: ContentSubject['owner']): SignedIn =>
    'user' in owner ? sessions[owner.user] : sessions[owner.org === 'A' ? 'owner' : 'ownerB'];

  async function seedContent(ownerLabel: string, owner: ContentSubject['owner'], visibility: Visibility) {
    const subject: ContentSubject = { owner, visibility };
    const id = `${ownerLabel}-${visibility}`.toUpperCase();
    const marker = `ISO-${id}-${tag()}`;
    const draftMarker = `ISO-${id}-DRAFT-${tag()}`;
    const hierarchyMarker = `ISO-${id}-TREE-${tag()}`;
    const creator = creatorOf(owner);
    // Made through the API in their owner's name, as their owner would: published, then a newer draft.
    const organization = 'org' in owner ? orgs[owner.org].slug : undefined;
    const hierarchy = await creator.agent
      .post('/api/v1/hierarchies')
      .set(creator.writeHeaders)
      .send({ name: `Tree ${hierarchyMarker}`, description: hierarchyMarker, organization })
      .expect(201);
    // A skill with an attached file, so the files routes have something to serve (or to withhold).
    const fileMarker = `ISO-${id}-FILE-${tag()}`;
    const skill = (body: string) =>
      `---\nname: iso-${id.toLowerCase()}-${tag()}\ndescription: Isolation skill ${marker}\n---\n\n# Skill\n\n${body}\n`;
    const created = await creator.agent
      .post('/api/v1/blueprints')
      .set(creator.writeHeaders)
      .send({
        name: `Rules ${marker}`,
        description: `About ${marker}`,
        kind: 'skill',
        format: 'claude-skill',
        content: skill(`Published ${marker}`),
        files: [{ path: ATTACHED_FILE, content: `Notes ${fileMarker}\n`, encoding: 'utf8' }],
        tags: ['isolation'],
        visibility,
        publish: true,
        organization,
        hierarchyId: hierarchy.body.id,
        repositoryPath: '.claude/skills/isolation/SKILL.md',
      })
      .expect(201);
    expect(created.body.publishedVersion).toBe(1);
    await creator.agent
      .patch(`/api/v1/blueprints/${created.body.id}`)
      .set(creator.writeHeaders)
      .set(ifMatch(created.body))
      .send({ content: skill(`Draft ${draftMarker}`) })
      .expect(200);
    const label = `${ownerLabel}-${visibility}`;
    // A hierarchy shows others only its listed members (an unlisted blueprint's id is its capability, not handed out
    // there), so for a hierarchy `unlisted` reads as `private`: only those who read as owners see it.
    const treeSubject: ContentSubject = { owner, visibility: visibility === 'unlisted' ? 'private' : visibility };
    const handle = 'org' in owner ? orgs[owner.org].slug : handles[owner.user];
    blueprints.push({ label, id: created.body.id, subject, marker, draftMarker, handle, slug: created.body.slug });
    hierarchies.push({
      label: `${label} hierarchy`,
      id: hierarchy.body.id,
      subject: treeSubject,
      marker: hierarchyMarker,
      draftMarker,
    });
    markers.push(
      { marker, label, visibleTo: (p) => seesContent(p, subject, false) },
      { marker: draftMarker, label: `${label} draft`, visibleTo: (p) => seesContent(p, subject, true) },
      { marker: fileMarker, label: `${label} attached file`, visibleTo: (p) => seesContent(p, subject, false) },
      // A hierarchy is as visible as what it holds.
      // Its name is also on its members' pages: whoever reads a member may see it.
      { marker: hierarchyMarker, label: `${label} hierarchy`, visibleTo: (p) => seesContent(p, subject, false) },
    );
  }

  for (const org of ['A', 'B'] as const) {
    for (const visibility of VISIBILITIES) await seedContent(org, { org }, visibility);
  }
  for (const user of ['member', 'outsider'] as const) {
    for (const visibility of VISIBILITIES.filter((v) => v !== 'team')) await seedContent(user, { user }, visibility);
  }

  // Organization tokens: the suite's own (A) and one of B, all named with markers only their admins may see.
  const tokens = {} as Record<PrincipalName, string>;
  async function orgToken(org: OrgKey, scopes: string[], label: string): Promise<string> {
    return (await storeOrgToken(org, scopes, label)).token;
  }
  async function storeOrgToken(org: OrgKey, scopes: string[], label: string) {
    const { token, tokenHash, prefix } = mintApiToken();
    const marker = `ISO-${org}-TOKEN-${tag()}`;
    const row = await prisma.apiToken.create({
      data: {
        organizationId: orgs[org].id,
        createdById: sessions[org === 'A' ? 'owner' : 'ownerB'].userId,
        name: `${label} ${marker}`,
        prefix,
        tokenHash,
        scopes,
        environment: 'development',
      },
    });
    markers.push({
      marker,
      label: `${org} organization token`,
      visibleTo: (p) => allowsOnOrganization(p, 'organization.tokens', org),
    });
    return { token, id: row.id };
  }
  for (const principal of PRINCIPALS) {
    if (principal.kind === 'organization-token') {
      tokens[principal.name] = await orgToken(principal.org, principal.scopes, principal.name);
    } else if (principal.kind === 'personal-token') {
      tokens[principal.name] = await createApiToken(sessions[principal.user], principal.scopes, 'development');
    }
  }
  await orgToken('B', ['blueprints:read', 'blueprints:write'], 'B automation');

  // Pending invitations of both organizations: their addresses are for that organization's Admins only; their tokens
  // are the invitees' (kept here to play someone else holding one).
  const invitationTokens = {} as Record<OrgKey, string>;
  for (const org of ['A', 'B'] as const) {
    const marker = `iso-${org.toLowerCase()}-invitee-${tag()}`;
    invitationTokens[org] = mintSecretToken();
    await prisma.organizationInvitation.create({
      data: {
        organizationId: orgs[org].id,
        email: `${marker}@iso.test`,
        role: 'member',
        tokenHash: hashSecret(invitationTokens[org]),
        invitedById: sessions[org === 'A' ? 'owner' : 'ownerB'].userId,
        expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      },
    });
    markers.push({
      marker,
      label: `${org} invitation`,
      visibleTo: (p) => allowsOnOrganization(p, 'organization.invitations', org),
    });
  }

  // Favourites: B's Owner favourites B's private and team blueprints, A's Member A's team blueprint.
  const find = (label: string) => blueprints.find((item) => item.label === label) as SeededObject;
  await prisma.blueprintFavorite.createMany({
    data: [
      { userId: sessions.ownerB.userId, blueprintId: find('B-private').id },
      { userId: sessions.ownerB.userId, blueprintId: find('B-team').id },
      { userId: sessions.member.userId, blueprintId: find('A-team').id },
    ],
  });

  // People's private data: their addresses, and a saved variable of B's Owner.
  for (const key of ['outsider', 'ownerB'] as const) {
    markers.push({
      marker: emails[key],
      label: `${key}'s email address`,
      visibleTo: (p) => personOf(p) === key,
    });
  }
  const variableValue = `iso-ownerb-variable-${tag()}`;
  const ownerB = sessions.ownerB;
  await ownerB.agent
    .put('/api/v1/me/variables/ISO_SECRET')
    .set(ownerB.writeHeaders)
    .send({ value: variableValue })
    .expect(200);
  markers.push({ marker: variableValue, label: "B Owner's saved variable", visibleTo: () => false });
  const ownerBToken = await ownerB.agent
    .post('/api/v1/account/api-tokens')
    .set(ownerB.writeHeaders)
    .send({ name: `B owner ${tag()}`, scopes: ['blueprints:read'], environment: 'production' })
    .expect(201);
  const ownerBSession = await prisma.session.findFirstOrThrow({ where: { userId: ownerB.userId } });

  // Billing, when the suite turns it on: Checkouts for the billing routes to find or withhold. A's also makes A's
  // Stripe Customer, so its Owners and Admins may open the Portal.
  async function openCheckout(who: SignedIn, body: Record<string, string>): Promise<string> {
    const response = await who.agent.post('/api/v1/billing/checkout').set(who.writeHeaders).send(body).expect(200);
    return new URL(response.body.url as string).pathname.split('/').pop() as string;
  }
  const checkoutSessions = testApp.app.config.billing
    ? {
        ownerB: await openCheckout(ownerB, { plan: 'pro', interval: 'month' }),
        A: await openCheckout(sessions.owner, { plan: 'team', interval: 'month', organization: orgs.A.slug }),
      }
    : { ownerB: 'cs_billing_off', A: 'cs_billing_off' };

  function headersOf(principal: PrincipalSpec): Record<string, string> {
    if (principal.kind === 'anonymous') return { Origin: appOrigin };
    if (principal.kind === 'session') {
      const session = sessions[principal.user];
      return { ...session.writeHeaders, Cookie: session.sessionCookie };
    }
    return { Authorization: `Bearer ${tokens[principal.name]}` };
  }

  async function cloneBlueprint(sourceId: string, hierarchyId: string | null): Promise<string> {
    const id = newId('bp');
    await prisma.$executeRawUnsafe(
      `INSERT INTO blueprints
       SELECT (jsonb_populate_record(NULL::blueprints, to_jsonb(b) || jsonb_build_object(
                 'id', $1::text, 'slug', $1::text, 'hierarchy_id', $3::text, 'parent_id', NULL,
                 'revision', 1, 'favorite_count', 0, 'download_count', 0, 'forked_from_id', NULL,
                 'repository_path', CASE WHEN $3::text IS NULL THEN NULL ELSE b.repository_path END))).*
         FROM blueprints b WHERE b.id = $2`,
      id,
      sourceId,
      hierarchyId,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO blueprint_versions
       SELECT (jsonb_populate_record(NULL::blueprint_versions,
                 to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'blueprint_id', $1::text))).*
         FROM blueprint_versions v WHERE v.blueprint_id = $2`,
      id,
      sourceId,
    );
    return id;
  }

  return {
    sessions,
    emails,
    handles,
    orgs,
    invitationTokens,
    blueprints,
    hierarchies,
    organizations: (['A', 'B'] as const).map((org) => ({
      label: `organization ${org}`,
      id: orgs[org].slug,
      subject: { owner: { org }, visibility: 'team' },
      marker: '',
      draftMarker: '',
    })),
    markers,
    checkoutSessions,
    foreign: { sessionId: ownerBSession.id, apiTokenId: ownerBToken.body.id as string, variableName: 'ISO_SECRET' },
    headersOf,
    freshPersonalToken: (principal) => createApiToken(sessions[principal.user], principal.scopes, 'development'),
    async freshBlueprint(from) {
      const id = await cloneBlueprint(from.id, null);
      const row = await prisma.blueprint.findUniqueOrThrow({ where: { id }, select: { revision: true } });
      return { id, revision: row.revision };
    },
    async freshOrganizationToken(org) {
      return (await storeOrgToken(org, ['blueprints:read'], 'throwaway')).id;
    },
    async freshMember(org) {
      const handle = `iso-member-${tag()}${tag()}`;
      const user = await prisma.user.create({
        data: { email: `${handle}@iso.test`, handle, displayName: handle, emailVerifiedAt: new Date() },
      });
      await prisma.organizationMember.create({
        data: { organizationId: orgs[org].id, userId: user.id, role: 'member' },
      });
      return handle;
    },
    async freshInvitation(org) {
      const row = await prisma.organizationInvitation.create({
        data: {
          organizationId: orgs[org].id,
          email: `iso-invitee-${tag()}@iso.test`,
          role: 'member',
          tokenHash: randomBytes(32).toString('hex'),
          expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
        },
      });
      return row.id;
    },
    async freshOrganization(org) {
      const slug = `iso-${org.toLowerCase()}-copy-${tag()}${tag()}`;
      const copy = await prisma.organization.create({ data: { slug, name: `Copy of ${org}` } });
      const members = await prisma.organizationMember.findMany({ where: { organizationId: orgs[org].id } });
      await prisma.organizationMember.createMany({
        data: members.map((member) => ({ organizationId: copy.id, userId: member.userId, role: member.role })),
      });
      return slug;
    },
    async freshHierarchy(from) {
      const id = newId('ha');
      await prisma.$executeRawUnsafe(
        `INSERT INTO blueprint_hierarchies
         SELECT (jsonb_populate_record(NULL::blueprint_hierarchies, to_jsonb(h) || jsonb_build_object('id', $1::text))).*
           FROM blueprint_hierarchies h WHERE h.id = $2`,
        id,
        from.id,
      );
      const member = await prisma.blueprint.findFirstOrThrow({ where: { hierarchyId: from.id }, select: { id: true } });
      await cloneBlueprint(member.id, id);
      return { id };
    },
  };
}
