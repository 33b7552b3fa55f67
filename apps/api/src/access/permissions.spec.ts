import fs from 'node:fs';
import path from 'node:path';
import { actorFor, ANONYMOUS, type Actor } from './actor';
import { can, ORGANIZATION_ROLES, ROLE_MATRIX, TOKEN_SCOPES, type OrganizationRole } from './permissions';

const ORG = 'org-a';
const OTHER = 'org-b';

function session(role: OrganizationRole | null, userId = 'u-1'): Actor {
  return actorFor(
    {
      kind: 'session',
      userId,
      sessionId: 's',
      state: 'active',
      csrfToken: 'c',
      authenticatedAt: new Date(),
      secondFactorAt: null,
    },
    { instanceAdmin: false, roles: new Map(role ? [[ORG, role]] : []) },
  );
}

function organizationToken(scopes: string[], organizationId = ORG): Actor {
  return actorFor(
    { kind: 'organization-token', organizationId, tokenId: 't', scopes, environment: 'production' },
    null,
  );
}

const content = (visibility: string, organizationId: string | null = ORG, ownerId: string | null = null) =>
  ({ type: 'content', ownerId, organizationId, visibility }) as const;

/** The rows of the markdown table that follows `heading` in docs/organizations.md, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const doc = fs.readFileSync(path.join(__dirname, '../../../../docs/organizations.md'), 'utf8');
  const start = doc.indexOf(heading);
  if (start < 0) throw new Error(`docs/organizations.md has no "${heading}"`);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('the permission matrix', () => {
  it('is the same in docs/organizations.md as in the code', () => {
    const documented = new Map<string, OrganizationRole[]>();
    for (const heading of ['### Content (blueprints and hierarchies)', '### The organization']) {
      for (const row of tableAfter(heading)) {
        const action = row[0]!.replaceAll('`', '');
        const roles = ORGANIZATION_ROLES.filter((_role, index) => row[2 + index] === 'yes');
        documented.set(action, roles);
      }
    }
    expect(Object.fromEntries(documented)).toEqual(ROLE_MATRIX);
    for (const row of tableAfter('### Content (blueprints and hierarchies)')) {
      const action = row[0]!.replaceAll('`', '') as keyof typeof TOKEN_SCOPES;
      const scope = TOKEN_SCOPES[action];
      expect({ action, token: row[6] }).toEqual({ action, token: scope ? `\`${scope}\`` : 'no' });
    }
  });
});

describe('can', () => {
  it('lets everyone read what is public or unlisted, and nothing else', () => {
    expect(can(ANONYMOUS, 'content.read', content('public'))).toBe(true);
    expect(can(ANONYMOUS, 'content.read', content('unlisted'))).toBe(true);
    expect(can(ANONYMOUS, 'content.read', content('team'))).toBe(false);
    expect(can(ANONYMOUS, 'content.read-drafts', content('public'))).toBe(false);
    expect(can(session(null), 'content.read', content('team'))).toBe(false);
    expect(can(session(null), 'content.edit', content('public'))).toBe(false);
  });

  it('gives each role what the matrix says on its organization, and nothing on another', () => {
    for (const role of ORGANIZATION_ROLES) {
      const actor = session(role);
      expect(can(actor, 'content.read', content('team'))).toBe(true);
      expect(can(actor, 'content.read', content('private'))).toBe(role !== 'viewer');
      expect(can(actor, 'content.publish', content('team'))).toBe(role === 'owner' || role === 'admin');
      expect(can(actor, 'content.read', content('team', OTHER))).toBe(false);
      expect(can(actor, 'organization.delete', { type: 'organization', organizationId: ORG })).toBe(role === 'owner');
    }
  });

  it('leaves anything touching an Owner to Owners, and lets anyone leave', () => {
    const member = (role: OrganizationRole, newRole?: OrganizationRole) =>
      ({ type: 'member', organizationId: ORG, userId: 'u-2', role, newRole }) as const;
    expect(can(session('admin'), 'member.change-role', member('member', 'admin'))).toBe(true);
    expect(can(session('admin'), 'member.change-role', member('member', 'owner'))).toBe(false);
    expect(can(session('admin'), 'member.remove', member('owner'))).toBe(false);
    expect(can(session('owner'), 'member.remove', member('owner'))).toBe(true);
    expect(can(session('viewer', 'u-2'), 'member.remove', member('viewer'))).toBe(true);
    expect(can(session('viewer'), 'member.remove', member('viewer'))).toBe(false);
    expect(can(session('admin'), 'member.invite', { type: 'member', organizationId: ORG, role: 'owner' })).toBe(false);
  });

  it('keeps a user’s content to them, and team visibility out of it', () => {
    expect(can(session(null, 'u-1'), 'content.delete', content('private', null, 'u-1'))).toBe(true);
    expect(can(session(null, 'u-2'), 'content.read', content('private', null, 'u-1'))).toBe(false);
    expect(can(session(null, 'u-1'), 'content.read', content('team', null, 'u-1'))).toBe(false);
  });

  it('holds tokens to their scopes and organization tokens to their organization and to content', () => {
    const reader = organizationToken(['blueprints:read']);
    expect(can(reader, 'content.read-drafts', content('private'))).toBe(true);
    expect(can(reader, 'content.edit', content('private'))).toBe(false);
    expect(can(organizationToken(['blueprints:write']), 'content.delete', content('team'))).toBe(true);
    expect(can(organizationToken(['blueprints:write']), 'content.transfer', content('team'))).toBe(false);
    expect(can(reader, 'content.read', content('team', OTHER))).toBe(false);
    expect(can(reader, 'organization.view', { type: 'organization', organizationId: ORG })).toBe(false);
    expect(can(reader, 'instance.administer', { type: 'instance' })).toBe(false);
  });
});
