import { randomBytes } from 'node:crypto';
import { AUTHORED_PLUGIN } from '../support/authored-plugin';
import { SAMPLE_RULE } from '../support/blueprints';
import { ATTACHED_FILE, type Fixture, type SeededObject } from './fixture';
import {
  allows,
  allowsOnOrganization,
  defaultOwnerOf,
  mayCreateAs,
  personOf,
  roleIn,
  type ContentAction,
  type ContentSubject,
  type OrganizationAction,
  type OrgKey,
  type PrincipalName,
  type PrincipalSpec,
  type Scope,
} from './spec-table';

/*
 * One entry per operation of the committed OpenAPI document, keyed "METHOD /path" exactly as there. The suite fails
 * when an operation has no entry or an entry has no operation. An entry says how to call the route (path parameters,
 * query, a valid body, so that a refusal comes from access and not from validation) and what each principal must get,
 * computed from the spec table (spec-table.ts), never from the app's own permission function.
 */

/** What a principal must get. 5xx is always a failure; `any` checks only that, and the leak scan. */
export type Outcome =
  | 'ok'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'any-refusal'
  /** Access granted, though the request may still fail for another reason (e.g. 422 NOTHING_TO_STRIP). */
  | 'not-refused'
  | 'any';

export type Access =
  /** @Public(): anyone, no gate. */
  | 'public'
  /** @Authenticated(scope?): sessions and personal tokens (with the scope); organization tokens if `orgTokens`. */
  | 'authenticated'
  /** @Authenticated() @SessionOnly(): browser sessions only. */
  | 'session-only'
  /** Instance administrators' sessions only: nobody the suite runs as. */
  | 'admin';

export interface RequestParts {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a request may be built from: the fixture, and for a content route the target's (fresh) id and revision. */
export interface RequestContext {
  readonly fixture: Fixture;
  /** The target's id (a fresh copy's, for a destructive call); an organization's slug. */
  readonly id?: string;
  /** The target as seeded (its handle and slug, for routes that name a blueprint that way). */
  readonly target?: SeededObject;
  readonly revision?: number;
  /** Destructive organization routes: a fresh object (see `fresh`) of the target organization, and one of the other. */
  readonly freshId?: string;
  readonly otherFreshId?: string;
}

export interface Variant {
  readonly label: string;
  readonly request?: (context: RequestContext) => RequestParts;
  /** Overrides the entry's decision for this variant. */
  readonly decide?: Decide;
  /** Without a target: the outcome by the spec, for principals the route's gates let through. */
  readonly decidePrincipal?: (principal: PrincipalSpec) => Outcome;
}

export interface KnownIssue {
  readonly issue: string;
  /** The principals it concerns (all when left out). */
  readonly principals?: readonly PrincipalName[];
  /** The seeded objects it concerns, by label ("B-public", "member-private hierarchy"; all when left out). */
  readonly targets?: readonly string[];
  /** The variants it concerns, by label (all when left out). */
  readonly variants?: readonly string[];
}

export type Decide = (principal: PrincipalSpec, subject: ContentSubject) => Outcome;

export interface RouteEntry {
  readonly access: Access;
  /** The scope a token needs for the route at all (checked before anything is looked up). */
  readonly scope?: Scope | 'profile:read' | 'variables:read' | 'variables:write';
  /**
   * @AllowOrganizationTokens(): `true` content routes; `false` (default) person routes, refused with 403
   * ORGANIZATION_TOKEN_NOT_ALLOWED; 'unspecified' where the spec says neither (only the leak scan then).
   */
  readonly orgTokens?: boolean | 'unspecified';
  /**
   * The kind of fixture object whose id fills {id} ({slug} for organizations): the route then runs once per seeded
   * object of that kind (for organizations, A and B; the decision sees `{ owner: { org } }`).
   */
  readonly target?: 'blueprint' | 'hierarchy' | 'organization';
  /** For a target: the outcome by the spec, for principals the route's gates let through. */
  readonly decide?: Decide;
  /** Without a target: the outcome by the spec, for principals the route's gates let through. */
  readonly decidePrincipal?: (principal: PrincipalSpec) => Outcome;
  /** Without a target and without decidePrincipal: the outcome for principals the gates let through. Default `any`. */
  readonly passed?: Outcome;
  /** Destructive on its target: each call gets a fresh copy of the seeded object. */
  readonly mutates?: boolean;
  /**
   * For a destructive organization route: what is made fresh for each call. `organization`: a copy of the target
   * organization (same people, same roles) replaces it; the others are made in the target organization (`freshId`)
   * and in the other one (`otherFreshId`). Default `token`.
   */
  readonly fresh?: 'token' | 'member' | 'invitation' | 'organization';
  /**
   * Ends the caller's session, token or account: sessions run as a fresh session of the same person
   * ('fresh-session') or as a throwaway person ('throwaway-user'); personal tokens as a fresh token of the same person
   * and scopes ('fresh-token'), so the suite's principals survive.
   */
  readonly selfEnding?: 'fresh-session' | 'throwaway-user' | 'fresh-token';
  readonly request?: (context: RequestContext) => RequestParts;
  readonly variants?: readonly Variant[];
  /**
   * Where the app is wrong (not the test): the calls a known issue covers are printed loudly instead of failing,
   * until the route is fixed and the issue removed. A known issue that no call fails any more fails the suite.
   */
  readonly knownIssues?: readonly KnownIssue[];
  readonly note?: string;
}

/** Reading: what the spec does not allow is "not found", never "forbidden" (existence must not leak). */
export const reads =
  (action: ContentAction = 'content.read'): Decide =>
  (principal, subject) =>
    allows(principal, action, subject) ? 'ok' : 'not-found';

/** A read whose answer for a reader depends on more than access (a plugin manifest, an attached file). */
export const readsAny =
  (action: ContentAction = 'content.read'): Decide =>
  (principal, subject) =>
    allows(principal, action, subject) ? 'any' : 'not-found';

/**
 * Writing: allowed by the spec → ok. Refused: to someone who cannot read the object, "not found"; to a member of the
 * owning organization lacking the role (or a token of it lacking the right), "forbidden"; to someone who can only see
 * it because it is shared with everyone, either refusal.
 */
export const writes =
  (action: ContentAction, granted: Outcome = 'ok'): Decide =>
  (principal, subject) => {
    if (allows(principal, action, subject)) return granted;
    if (!allows(principal, 'content.read', subject)) return 'not-found';
    // A member of the owning organization (one who reads its team content) lacking the role: "forbidden".
    const member = 'org' in subject.owner && allows(principal, 'content.read', { ...subject, visibility: 'team' });
    return member ? 'forbidden' : 'any-refusal';
  };

/**
 * Managing an organization (browser sessions only, so tokens never get here): its members with the role may; its
 * other members are refused with 403; everyone else hears 404, as if there were no such organization.
 */
export const manages =
  (action: OrganizationAction, granted: Outcome = 'ok'): Decide =>
  (principal, subject) => {
    const org = 'org' in subject.owner ? subject.owner.org : undefined;
    if (!org) throw new Error('an organization route needs an organization target');
    if (allowsOnOrganization(principal, action, org)) return granted;
    return roleIn(principal, org) !== undefined ? 'forbidden' : 'not-found';
  };

/**
 * An object of the other organization, through this organization's route: to those who may act here, "not found";
 * to its members without the role either refusal (it is no object of theirs either way).
 */
const elsewhere =
  (decide: Decide): Decide =>
  (principal, subject) => {
    const outcome = decide(principal, subject);
    return outcome === 'ok' ? 'not-found' : outcome === 'forbidden' ? 'any-refusal' : outcome;
  };

/**
 * Managing an organization named in the body rather than the path (billing's Checkout and Portal): as `manages`, for
 * a route without a target.
 */
const managesNamed =
  (action: OrganizationAction, org: OrgKey, granted: Outcome = 'ok') =>
  (principal: PrincipalSpec): Outcome => {
    if (allowsOnOrganization(principal, action, org)) return granted;
    return roleIn(principal, org) !== undefined ? 'forbidden' : 'not-found';
  };

/**
 * Transferring to an owner: the source must allow `content.transfer` (tokens never may; the route is session-only);
 * the destination must be the caller's own account or an organization where they may receive (Owner, Admin).
 */
const transfersTo =
  (destination: 'own account' | OrgKey): Decide =>
  (principal, subject) => {
    if (!allows(principal, 'content.transfer', subject)) return writes('content.transfer')(principal, subject);
    const sameOwner =
      destination === 'own account'
        ? 'user' in subject.owner && subject.owner.user === personOf(principal)
        : 'org' in subject.owner && subject.owner.org === destination;
    // Giving content to its own owner is refused for what it is (409/422), not for access.
    if (sameOwner) return 'not-refused';
    if (destination === 'own account') return 'ok';
    if (allows(principal, 'content.transfer', { owner: { org: destination }, visibility: 'private' })) return 'ok';
    // An organization's existence is public (its profile): to a non-member either refusal.
    return roleIn(principal, destination) !== undefined ? 'forbidden' : 'any-refusal';
  };

/**
 * Creating in an owner's name: no organization named, the caller's own account (an organization token: its
 * organization); an organization named, its Members and up (and its tokens). Refused: 403 to that organization's
 * members without the role; to others either refusal (an organization's existence is public, its profile).
 */
const createsIn =
  (org: OrgKey | undefined) =>
  (principal: PrincipalSpec): Outcome => {
    const owner = org ? { org } : defaultOwnerOf(principal);
    if (owner && mayCreateAs(principal, owner)) return 'ok';
    return org && roleIn(principal, org) !== undefined ? 'forbidden' : 'any-refusal';
  };

/** A creating route, run as is and naming each organization as the owner. */
function creates(body: (organization: string | undefined) => RequestParts): RouteEntry {
  return {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    variants: [
      { label: 'own account', request: () => body(undefined), decidePrincipal: createsIn(undefined) },
      {
        label: 'in organization A',
        request: ({ fixture }) => body(fixture.orgs.A.slug),
        decidePrincipal: createsIn('A'),
      },
      {
        label: 'in organization B',
        request: ({ fixture }) => body(fixture.orgs.B.slug),
        decidePrincipal: createsIn('B'),
      },
    ],
  };
}

/** Forking: read the source, create in the caller's own name (or its organization's). */
const forks: Decide = (principal, subject) => {
  if (!allows(principal, 'content.read', subject)) return 'not-found';
  const owner = defaultOwnerOf(principal);
  return owner && mayCreateAs(principal, owner) ? 'ok' : 'forbidden';
};

/** A fresh name per call: calls run in parallel, and names become slugs that must be unique per owner. */
const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;
const ifMatchOf = (context: RequestContext) => ({ 'If-Match': `"r${context.revision}"` });
const blueprintBody = (name: string) => ({
  name,
  kind: 'rules',
  format: 'cursor-rules',
  content: SAMPLE_RULE,
});
/** The authored plugin with its components renamed per call (their names become slugs). */
function pluginFiles() {
  const suffix = randomBytes(4).toString('hex');
  // Without its hooks file, whose blueprint's slug is always `hooks`.
  return Object.entries(AUTHORED_PLUGIN)
    .filter(([path]) => !path.startsWith('hooks/') && !path.startsWith('scripts/'))
    .map(([path, content]) => ({
      path: path.replace(/^(agents\/x|commands\/y|skills\/z)/, `$1${suffix}`),
      content: content
        .replace(/^name: (.+)$/m, `name: $1-${suffix}`)
        .replace('"name": "shipit"', `"name": "shipit-${suffix}"`),
      encoding: 'utf8',
    }));
}
const importFiles = () => [
  { path: `.cursor/rules/isolation-${randomBytes(4).toString('hex')}.mdc`, content: SAMPLE_RULE },
];
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';

const PUBLIC: RouteEntry = { access: 'public' };
const PERSON: RouteEntry = { access: 'session-only' };
const ADMIN: RouteEntry = { access: 'admin' };

export const ROUTE_MATRIX: Readonly<Record<string, RouteEntry>> = {
  // Not tenant data: health, discovery, sign-in flows.
  'GET /api/health/live': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  'GET /.well-known/lynxprompt.json': PUBLIC,
  'GET /.well-known/security.txt': PUBLIC,
  'GET /.well-known/nodeinfo': PUBLIC,
  // MCP: public, and every caller's answer is what its principal may read (tools/list holds no tenant data). Session
  // cookies are ignored there, so sessions are anonymous; GET and DELETE are 405 for everyone (stateless server).
  'POST /mcp': {
    access: 'public',
    passed: 'ok',
    request: () => ({
      body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      headers: { Accept: 'application/json, text/event-stream' },
    }),
  },
  'GET /mcp': PUBLIC,
  'DELETE /mcp': PUBLIC,
  // Agent Skills discovery: only listed skills, and an id nobody published is 404 for everyone.
  'GET /.well-known/agent-skills/index.json': PUBLIC,
  'GET /.well-known/agent-skills/{id}/SKILL.md': {
    access: 'public',
    passed: 'not-found',
    request: () => ({ params: { id: 'bp_isolationmissing' } }),
  },
  'GET /.well-known/agent-skills/{id}/archive.zip': {
    access: 'public',
    passed: 'not-found',
    request: () => ({ params: { id: 'bp_isolationmissing' } }),
  },
  'GET /nodeinfo/2.1': PUBLIC,
  'GET /api/v1/auth/session': PUBLIC,
  'POST /api/v1/auth/magic-link': { access: 'public', request: () => ({ body: { email: 'nobody@iso.test' } }) },
  'POST /api/v1/auth/magic-link/verify': { access: 'public', request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'GET /api/v1/auth/oauth/{provider}/start': { access: 'public', request: () => ({ params: { provider: 'github' } }) },
  'GET /api/v1/auth/oauth/{provider}/callback': {
    access: 'public',
    request: () => ({ params: { provider: 'github' } }),
  },
  'GET /api/v1/auth/oidc/start': PUBLIC,
  'GET /api/v1/auth/oidc/callback': PUBLIC,
  'POST /api/v1/auth/passkey/options': PUBLIC,
  'POST /api/v1/auth/passkey/verify': PUBLIC,
  'POST /api/v1/auth/device/code': { access: 'public', request: () => ({ body: { client_id: 'isolation' } }) },
  'POST /api/v1/auth/device/token': {
    access: 'public',
    request: () => ({
      body: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'x', client_id: 'isolation' },
    }),
  },
  'GET /api/v1/formats': PUBLIC,

  // The caller's own account: browser sessions only, and only ever the caller's own rows.
  'POST /api/v1/auth/sign-out': { ...PERSON, selfEnding: 'fresh-session' },
  'GET /api/v1/account/sessions': { ...PERSON, passed: 'ok' },
  'DELETE /api/v1/account/sessions/{id}': {
    ...PERSON,
    passed: 'not-found',
    note: "another person's session",
    request: ({ fixture }) => ({ params: { id: fixture.foreign.sessionId } }),
  },
  'POST /api/v1/account/sessions/revoke-others': { ...PERSON, selfEnding: 'throwaway-user' },
  'GET /api/v1/account/security-events': { ...PERSON, passed: 'ok' },
  'GET /api/v1/account/identities': { ...PERSON, passed: 'ok' },
  'POST /api/v1/account/identities/{provider}/link': { ...PERSON, request: () => ({ params: { provider: 'github' } }) },
  'DELETE /api/v1/account/identities/{id}': { ...PERSON, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'POST /api/v1/account/passkeys/registration/options': PERSON,
  'POST /api/v1/account/passkeys/registration/verify': PERSON,
  'GET /api/v1/account/passkeys': { ...PERSON, passed: 'ok' },
  'PATCH /api/v1/account/passkeys/{id}': {
    ...PERSON,
    request: () => ({ params: { id: NO_SUCH_UUID }, body: { name: 'x' } }),
  },
  'DELETE /api/v1/account/passkeys/{id}': { ...PERSON, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'POST /api/v1/auth/second-factor/passkey/options': PERSON,
  'POST /api/v1/auth/second-factor/passkey/verify': PERSON,
  'GET /api/v1/account/two-step': { ...PERSON, passed: 'ok' },
  'DELETE /api/v1/account/two-step': PERSON,
  'POST /api/v1/account/two-step/totp/setup': PERSON,
  'POST /api/v1/account/two-step/totp/confirm': { ...PERSON, request: () => ({ body: { code: '000000' } }) },
  'POST /api/v1/account/two-step/recovery-codes': PERSON,
  'POST /api/v1/auth/second-factor/totp': { ...PERSON, request: () => ({ body: { code: '000000' } }) },
  'POST /api/v1/auth/second-factor/recovery-code': { ...PERSON, request: () => ({ body: { code: 'xxxx-xxxx' } }) },
  'GET /api/v1/account/api-tokens': { ...PERSON, passed: 'ok' },
  'POST /api/v1/account/api-tokens': {
    ...PERSON,
    passed: 'ok',
    request: () => ({ body: { name: 'isolation', scopes: ['blueprints:read'], environment: 'production' } }),
  },
  'DELETE /api/v1/account/api-tokens/{id}': {
    ...PERSON,
    passed: 'not-found',
    note: "another person's token",
    request: ({ fixture }) => ({ params: { id: fixture.foreign.apiTokenId } }),
  },
  'GET /api/v1/me': { access: 'authenticated', scope: 'profile:read', passed: 'ok' },
  // Revokes the token it is called with (lynxp logout): personal tokens; a session hears 400 TOKEN_REQUIRED.
  'DELETE /api/v1/me/token': {
    access: 'authenticated',
    selfEnding: 'fresh-token',
    decidePrincipal: (principal) => (principal.kind === 'personal-token' ? 'ok' : 'not-refused'),
  },
  'GET /api/v1/auth/device/requests/{userCode}': { ...PERSON, request: () => ({ params: { userCode: 'BCDF-GHJK' } }) },
  'POST /api/v1/auth/device/requests/{userCode}/approve': {
    ...PERSON,
    request: () => ({ params: { userCode: 'BCDF-GHJK' } }),
  },
  'POST /api/v1/auth/device/requests/{userCode}/deny': {
    ...PERSON,
    request: () => ({ params: { userCode: 'BCDF-GHJK' } }),
  },
  'PATCH /api/v1/account': PERSON,
  'DELETE /api/v1/account': { ...PERSON, selfEnding: 'throwaway-user' },
  'POST /api/v1/account/email': PERSON,
  'POST /api/v1/account/email/verify': { ...PERSON, request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'GET /api/v1/me/variables': { access: 'authenticated', scope: 'variables:read', passed: 'ok' },
  'PUT /api/v1/me/variables/{name}': {
    access: 'authenticated',
    scope: 'variables:write',
    passed: 'ok',
    note: 'the same name as a variable of B’s Owner: it must be the caller’s own',
    request: ({ fixture }) => ({ params: { name: fixture.foreign.variableName }, body: { value: 'mine' } }),
  },
  'DELETE /api/v1/me/variables/{name}': {
    access: 'authenticated',
    scope: 'variables:write',
    request: ({ fixture }) => ({ params: { name: fixture.foreign.variableName } }),
  },

  // The instance's administration.
  'POST /api/v1/admin/invitations': { ...ADMIN, request: () => ({ body: { email: 'invitee@iso.test' } }) },
  'POST /api/v1/admin/federation/key/rotate': ADMIN,
  'POST /api/v1/admin/federation/remote-blueprints/{id}/hide': {
    ...ADMIN,
    request: () => ({ params: { id: 'rb_x' } }),
  },
  'POST /api/v1/admin/federation/remote-blueprints/{id}/unhide': {
    ...ADMIN,
    request: () => ({ params: { id: 'rb_x' } }),
  },
  'GET /api/v1/admin/federation/peers': { ...ADMIN, passed: 'ok' },
  'POST /api/v1/admin/federation/peers': { ...ADMIN, request: () => ({ body: { url: 'https://peer.invalid' } }) },
  'GET /api/v1/admin/federation/peers/{id}': { ...ADMIN, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'DELETE /api/v1/admin/federation/peers/{id}': { ...ADMIN, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'POST /api/v1/admin/federation/peers/{id}/crawl': { ...ADMIN, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'POST /api/v1/admin/federation/peers/{id}/approve-key': {
    ...ADMIN,
    request: () => ({ params: { id: NO_SUCH_UUID } }),
  },
  'GET /api/v1/admin/federation/domain-rules': { ...ADMIN, passed: 'ok' },
  'POST /api/v1/admin/federation/domain-rules': {
    ...ADMIN,
    request: () => ({ body: { domain: 'spam.example', action: 'block' } }),
  },
  'DELETE /api/v1/admin/federation/domain-rules/{id}': { ...ADMIN, request: () => ({ params: { id: NO_SUCH_UUID } }) },
  'GET /api/v1/admin/federation/settings': { ...ADMIN, passed: 'ok' },
  'PATCH /api/v1/admin/federation/settings': ADMIN,

  // Federation between instances: public, and only ever public content.
  'GET /api/v1/federation/blueprints': {
    access: 'public',
    passed: 'ok',
    variants: [
      { label: 'changes' },
      { label: 'with content', request: () => ({ query: { include: 'content' } }) },
      { label: 'reference paging', request: () => ({ query: { offset: '0', include: 'content' } }) },
    ],
  },
  'POST /api/v1/federation/register': {
    access: 'public',
    request: () => ({ body: { url: 'https://peer.invalid' } }),
  },
  'POST /api/v1/federation/heartbeat': {
    access: 'public',
    request: () => ({ body: { url: 'https://peer.invalid' } }),
  },
  'GET /api/v1/federation/instances': PUBLIC,
  'GET /api/v1/federation/peers': PUBLIC,

  // Catalogue, search and the caller's own lists.
  'GET /api/v1/blueprints': {
    access: 'public',
    passed: 'ok',
    variants: [
      { label: 'browse' },
      { label: 'search with facets', request: () => ({ query: { q: 'iso', facets: 'true' } }) },
      { label: 'tag', request: () => ({ query: { tag: 'isolation', facets: 'true', limit: '100' } }) },
      { label: 'author A', request: ({ fixture }) => ({ query: { author: fixture.orgs.A.slug } }) },
      { label: 'author B', request: ({ fixture }) => ({ query: { author: fixture.orgs.B.slug } }) },
    ],
  },
  'GET /api/v1/me/blueprints': {
    access: 'authenticated',
    scope: 'blueprints:read',
    // A person's own list: organization tokens are refused (403 ORGANIZATION_TOKEN_NOT_ALLOWED).
    passed: 'ok',
    request: () => ({ query: { limit: '100' } }),
  },
  'GET /api/v1/me/favorites': { access: 'authenticated', scope: 'blueprints:read', passed: 'ok' },
  'GET /api/v1/me/hierarchies': {
    access: 'authenticated',
    scope: 'blueprints:read',
    // The caller's hierarchies: an organization token's are its organization's.
    orgTokens: true,
    passed: 'ok',
  },
  'POST /api/v1/scan': {
    access: 'authenticated',
    // Scanning text is a person's tool, not an act on the organization's content.
    passed: 'ok',
    request: () => ({ body: { content: SAMPLE_RULE } }),
  },

  // Creating content: in the caller's own name, or an organization token's organization.
  'POST /api/v1/blueprints': creates((organization) => ({
    body: { ...blueprintBody(unique('Isolation new')), organization },
  })),
  'POST /api/v1/blueprints/import': creates((organization) => ({
    body: { content: SAMPLE_RULE, path: importFiles()[0]?.path, organization },
  })),
  'POST /api/v1/hierarchies': creates((organization) => ({ body: { name: unique('Isolation tree'), organization } })),
  'POST /api/v1/plugins/import': creates((organization) => ({ body: { files: pluginFiles(), organization } })),
  'POST /api/v1/imports/preview': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    passed: 'ok',
    request: () => ({ body: { files: importFiles() } }),
  },
  'POST /api/v1/imports': creates((organization) => {
    const files = importFiles();
    return { body: { files, items: [{ path: files[0]?.path }], target: 'blueprints', organization } };
  }),

  // One blueprint: run against every seeded blueprint (A's and B's four visibilities, two people's own).
  'GET /api/v1/blueprints/{id}': { access: 'public', target: 'blueprint', decide: reads() },
  'PATCH /api/v1/blueprints/{id}': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.edit'),
    request: (context) => ({ headers: ifMatchOf(context), body: { description: 'Edited by the isolation suite' } }),
  },
  'DELETE /api/v1/blueprints/{id}': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.delete'),
    request: (context) => ({ headers: ifMatchOf(context) }),
  },
  'POST /api/v1/blueprints/{id}/publish': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.publish'),
    request: (context) => ({ headers: ifMatchOf(context), body: {} }),
  },
  'POST /api/v1/blueprints/{id}/unpublish': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.publish'),
    request: (context) => ({ headers: ifMatchOf(context) }),
  },
  'POST /api/v1/blueprints/{id}/strip-invisible': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.edit', 'not-refused'),
    note: 'the seeded content has no invisible characters: whoever may edit gets 422 NOTHING_TO_STRIP',
    request: (context) => ({ headers: ifMatchOf(context) }),
  },
  'PUT /api/v1/blueprints/{id}/favorite': {
    access: 'authenticated',
    scope: 'blueprints:write',
    target: 'blueprint',
    mutates: true,
    decide: reads(),
    note: 'favourites are a person’s: anyone who may read may favourite; organization tokens are not people',
  },
  'DELETE /api/v1/blueprints/{id}/favorite': {
    access: 'authenticated',
    scope: 'blueprints:write',
    target: 'blueprint',
    mutates: true,
    decide: (principal, subject) => (allows(principal, 'content.read', subject) ? 'any' : 'not-found'),
  },
  'POST /api/v1/blueprints/{id}/fork': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    decide: forks,
    variants: [
      { label: 'into own account', request: () => ({ body: { name: unique('Fork') } }) },
      {
        label: 'into organization A',
        request: ({ fixture }) => ({ body: { name: unique('Fork'), organization: fixture.orgs.A.slug } }),
        decide: (principal, subject) =>
          allows(principal, 'content.read', subject) ? createsIn('A')(principal) : 'not-found',
      },
    ],
  },
  'GET /api/v1/blueprints/{id}/raw': { access: 'public', target: 'blueprint', decide: reads() },
  'GET /api/v1/blueprints/{id}/variables': { access: 'public', target: 'blueprint', decide: reads() },
  'POST /api/v1/blueprints/{id}/render': {
    access: 'public',
    target: 'blueprint',
    decide: reads(),
    request: () => ({ body: {} }),
  },
  'POST /api/v1/blueprints/{id}/download': {
    access: 'public',
    target: 'blueprint',
    decide: reads(),
    request: () => ({ body: {} }),
  },
  'GET /api/v1/blueprints/{id}/export': { access: 'public', target: 'blueprint', decide: reads() },
  'GET /api/v1/blueprints/{id}/versions': { access: 'public', target: 'blueprint', decide: reads() },
  'GET /api/v1/blueprints/{id}/versions/{number}': {
    access: 'public',
    target: 'blueprint',
    decide: reads(),
    variants: [
      { label: 'published version', request: () => ({ params: { number: '1' } }) },
      {
        label: 'draft version',
        request: () => ({ params: { number: '2' } }),
        decide: reads('content.read-drafts'),
      },
    ],
  },
  'GET /api/v1/blueprints/{id}/files': {
    access: 'public',
    target: 'blueprint',
    decide: reads(),
    request: () => ({ query: { path: ATTACHED_FILE } }),
  },
  'GET /api/v1/blueprints/{id}/diff': {
    access: 'public',
    target: 'blueprint',
    decide: reads('content.read-drafts'),
    request: () => ({ query: { from: '1', to: '2' } }),
  },
  'POST /api/v1/blueprints/{id}/versions/{number}/restore': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    decide: writes('content.edit'),
    request: (context) => ({ params: { number: '1' }, headers: ifMatchOf(context), body: {} }),
  },

  // One hierarchy: as visible as the blueprints it holds.
  'GET /api/v1/hierarchies/{id}': {
    access: 'public',
    target: 'hierarchy',
    decide: reads(),
  },
  'PATCH /api/v1/hierarchies/{id}': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'hierarchy',
    mutates: true,
    decide: writes('content.edit'),
    request: () => ({ body: { description: 'Edited by the isolation suite' } }),
  },
  'DELETE /api/v1/hierarchies/{id}': {
    access: 'authenticated',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'hierarchy',
    mutates: true,
    decide: writes('content.delete'),
  },
  'GET /api/v1/hierarchies/{id}/archive': {
    access: 'public',
    target: 'hierarchy',
    decide: reads(),
  },
  'GET /api/v1/hierarchies/{id}/plugin': {
    access: 'public',
    target: 'hierarchy',
    decide: readsAny(),
    note: 'the seeded hierarchies are not plugins: readers get 404 too',
    request: () => ({ query: { tool: 'claude-code' } }),
  },

  // Transfers between a person and an organization they administer (browser sessions only).
  'POST /api/v1/blueprints/{id}/transfer': {
    access: 'session-only',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'blueprint',
    mutates: true,
    variants: [
      {
        label: 'to organization A',
        request: (context) => ({ headers: ifMatchOf(context), body: { organization: context.fixture.orgs.A.slug } }),
        decide: transfersTo('A'),
      },
      {
        label: 'to organization B',
        request: (context) => ({ headers: ifMatchOf(context), body: { organization: context.fixture.orgs.B.slug } }),
        decide: transfersTo('B'),
      },
      {
        label: 'to own account',
        request: (context) => ({ headers: ifMatchOf(context), body: { organization: null } }),
        decide: transfersTo('own account'),
      },
    ],
  },
  'POST /api/v1/hierarchies/{id}/transfer': {
    access: 'session-only',
    scope: 'blueprints:write',
    orgTokens: true,
    target: 'hierarchy',
    mutates: true,
    variants: [
      {
        label: 'to organization A',
        request: ({ fixture }) => ({ body: { organization: fixture.orgs.A.slug } }),
        decide: transfersTo('A'),
      },
      {
        label: 'to organization B',
        request: ({ fixture }) => ({ body: { organization: fixture.orgs.B.slug } }),
        decide: transfersTo('B'),
      },
      {
        label: 'to own account',
        request: () => ({ body: { organization: null } }),
        decide: transfersTo('own account'),
      },
    ],
  },

  // An organization's public page: its listed blueprints only.
  'GET /api/v1/organizations/{slug}/blueprints': {
    access: 'public',
    target: 'organization',
    decide: () => 'ok',
    request: () => ({ query: { limit: '100' } }),
  },
  'GET /api/v1/organizations/{slug}/hierarchies': {
    access: 'public',
    target: 'organization',
    decide: () => 'ok',
  },

  // Organization tokens and the audit log: Owners and Admins, in a browser.
  'GET /api/v1/organizations/{slug}/tokens': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.tokens'),
  },
  'POST /api/v1/organizations/{slug}/tokens': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.tokens'),
    request: () => ({ body: { name: unique('Isolation'), scopes: ['blueprints:read'], environment: 'production' } }),
  },
  'DELETE /api/v1/organizations/{slug}/tokens/{id}': {
    access: 'session-only',
    target: 'organization',
    mutates: true,
    variants: [
      {
        label: "the organization's own token",
        request: ({ freshId }) => ({ params: { id: freshId ?? NO_SUCH_UUID } }),
        decide: manages('organization.tokens'),
      },
      {
        label: "the other organization's token",
        request: ({ otherFreshId }) => ({ params: { id: otherFreshId ?? NO_SUCH_UUID } }),
        // Even for its Admins: a token of another organization is no token of this one.
        decide: elsewhere(manages('organization.tokens')),
      },
    ],
  },
  'GET /api/v1/organizations/{slug}/audit': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.audit'),
  },
  'GET /api/v1/organizations/{slug}/audit/export': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.audit'),
    variants: [
      { label: 'CSV', request: () => ({ query: { format: 'csv' } }) },
      { label: 'JSON', request: () => ({ query: { format: 'json' } }) },
    ],
  },

  // Billing (on in this suite, with a free plan that limits nothing): a person's own, and an organization's for its
  // Owners and Admins; 404 to those outside it. Nobody here has a subscription.
  'GET /api/v1/billing': { ...PERSON, passed: 'ok' },
  'GET /api/v1/organizations/{slug}/billing': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.billing'),
  },
  'POST /api/v1/billing/checkout': {
    access: 'session-only',
    variants: [
      {
        label: 'own account',
        request: () => ({ body: { plan: 'pro', interval: 'month' } }),
        decidePrincipal: () => 'ok',
      },
      {
        label: 'organization A',
        request: ({ fixture }) => ({ body: { plan: 'team', interval: 'month', organization: fixture.orgs.A.slug } }),
        decidePrincipal: managesNamed('organization.billing', 'A'),
      },
      {
        label: 'organization B',
        request: ({ fixture }) => ({ body: { plan: 'team', interval: 'month', organization: fixture.orgs.B.slug } }),
        decidePrincipal: managesNamed('organization.billing', 'B'),
      },
    ],
  },
  'GET /api/v1/billing/checkout/{sessionId}': {
    access: 'session-only',
    variants: [
      {
        label: "organization A's Checkout",
        request: ({ fixture }) => ({ params: { sessionId: fixture.checkoutSessions.A } }),
        // Its members without the role learn nothing of it either: "not found", as for a session that is not theirs.
        decidePrincipal: (principal) =>
          allowsOnOrganization(principal, 'organization.billing', 'A') ? 'ok' : 'not-found',
      },
      {
        label: "B's Owner's own Checkout",
        request: ({ fixture }) => ({ params: { sessionId: fixture.checkoutSessions.ownerB } }),
        decidePrincipal: () => 'not-found',
      },
      {
        label: 'a session Stripe does not know',
        request: () => ({ params: { sessionId: `cs_test_${randomBytes(8).toString('hex')}` } }),
        decidePrincipal: () => 'not-found',
      },
    ],
  },
  'POST /api/v1/billing/portal': {
    access: 'session-only',
    variants: [
      {
        label: 'own account',
        request: () => ({ body: {} }),
        // 200 once the caller has a Stripe Customer (their first Checkout made one), else 404 BILLING_CUSTOMER_NOT_FOUND.
        decidePrincipal: () => 'any',
      },
      {
        label: 'organization A',
        request: ({ fixture }) => ({ body: { organization: fixture.orgs.A.slug } }),
        decidePrincipal: managesNamed('organization.billing', 'A'),
      },
      {
        label: 'organization B',
        request: ({ fixture }) => ({ body: { organization: fixture.orgs.B.slug } }),
        decidePrincipal: managesNamed('organization.billing', 'B'),
      },
    ],
  },
  'PUT /api/v1/organizations/{slug}/billing/seats': {
    access: 'session-only',
    target: 'organization',
    // Those who may get past access hear 404 BILLING_SUBSCRIPTION_NOT_FOUND: neither organization subscribes.
    decide: manages('organization.billing', 'any'),
    request: () => ({ body: { quantity: 5 } }),
  },
  'POST /api/v1/billing/webhook': {
    access: 'public',
    passed: 'not-refused',
    note: "Stripe's: without its signature, 400 BILLING_WEBHOOK_SIGNATURE_INVALID for everyone",
    request: () => ({ body: { id: 'evt_isolation', type: 'invoice.paid', data: { object: {} } } }),
  },
  'GET /api/v1/admin/billing/subscriptions': { ...ADMIN, passed: 'ok' },

  // Profiles: public, and only ever what is listed.
  'GET /api/v1/profiles/{handle}': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants(),
  },
  'GET /api/v1/profiles/{handle}/blueprints': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants(),
  },
  // A blueprint by @handle/slug: read exactly as by id, whoever asks.
  'GET /api/v1/profiles/{handle}/blueprints/{slug}': {
    access: 'public',
    target: 'blueprint',
    decide: reads(),
    request: ({ target }) => ({ params: { handle: target!.handle!, slug: target!.slug! } }),
  },
  'GET /api/v1/profiles/{handle}/agent-skills/index.json': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants(),
  },
  // The Claude Code plugin marketplace: public content only, the same for everyone, every account's its own.
  'GET /api/v1/profiles/{handle}/claude-plugins/marketplace.json': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants(),
  },
  'GET /api/v1/profiles/{handle}/claude-plugins/{repository}/info/refs': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants({ repository: 'marketplace.git' }),
  },
  'POST /api/v1/profiles/{handle}/claude-plugins/{repository}/git-upload-pack': {
    access: 'public',
    passed: 'not-refused',
    note: 'a JSON body is no upload-pack request: 400 GIT_REQUEST_INVALID, never a refusal',
    variants: profileVariants({ repository: 'marketplace.git' }),
    request: () => ({ body: {} }),
  },
  'GET /api/v1/profiles/{handle}/claude-plugins/{repository}/HEAD': {
    access: 'public',
    passed: 'ok',
    variants: profileVariants({ repository: 'marketplace.git' }),
  },
  'GET /api/v1/profiles/{handle}/claude-plugins/{repository}/objects/{directory}/{file}': {
    access: 'public',
    passed: 'not-found',
    note: 'an object id no repository holds',
    variants: profileVariants({ repository: 'marketplace.git', directory: '00', file: '0'.repeat(38) }),
  },

  // Organizations: browser sessions only; details and members for members, the rest for the roles that may.
  'GET /api/v1/organizations': { access: 'session-only', passed: 'ok' },
  'POST /api/v1/organizations': {
    access: 'session-only',
    passed: 'ok',
    note: 'ORGANIZATION_CREATION is `everyone` (the default) here',
    request: () => ({ body: { slug: `iso-new-${randomBytes(5).toString('hex')}`, name: 'Isolation new' } }),
  },
  'GET /api/v1/organizations/{slug}': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.view'),
  },
  'PATCH /api/v1/organizations/{slug}': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.update'),
    request: () => ({ body: { description: 'Edited by the isolation suite' } }),
  },
  'DELETE /api/v1/organizations/{slug}': {
    access: 'session-only',
    target: 'organization',
    mutates: true,
    fresh: 'organization',
    decide: manages('organization.delete'),
  },
  'GET /api/v1/organizations/{slug}/members': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.view'),
  },
  'PATCH /api/v1/organizations/{slug}/members/{member}': {
    access: 'session-only',
    target: 'organization',
    mutates: true,
    fresh: 'member',
    variants: [
      {
        label: 'a Member of this organization',
        request: ({ freshId }) => ({ params: { member: freshId ?? 'nobody' }, body: { role: 'viewer' } }),
        decide: manages('member.change-role'),
      },
      {
        label: 'a Member of the other organization',
        request: ({ otherFreshId }) => ({ params: { member: otherFreshId ?? 'nobody' }, body: { role: 'viewer' } }),
        decide: elsewhere(manages('member.change-role')),
      },
    ],
  },
  'DELETE /api/v1/organizations/{slug}/members/{member}': {
    access: 'session-only',
    target: 'organization',
    mutates: true,
    fresh: 'member',
    variants: [
      {
        label: 'a Member of this organization',
        request: ({ freshId }) => ({ params: { member: freshId ?? 'nobody' } }),
        decide: manages('member.remove'),
      },
      {
        label: 'a Member of the other organization',
        request: ({ otherFreshId }) => ({ params: { member: otherFreshId ?? 'nobody' } }),
        decide: elsewhere(manages('member.remove')),
      },
    ],
  },
  'GET /api/v1/organizations/{slug}/invitations': {
    access: 'session-only',
    target: 'organization',
    decide: manages('organization.invitations'),
  },
  'POST /api/v1/organizations/{slug}/invitations': {
    access: 'session-only',
    target: 'organization',
    decide: manages('member.invite'),
    request: () => ({ body: { email: `iso-invited-${randomBytes(4).toString('hex')}@iso.test`, role: 'member' } }),
  },
  'DELETE /api/v1/organizations/{slug}/invitations/{id}': {
    access: 'session-only',
    target: 'organization',
    mutates: true,
    fresh: 'invitation',
    variants: [
      {
        label: "the organization's own invitation",
        request: ({ freshId }) => ({ params: { id: freshId ?? NO_SUCH_UUID } }),
        decide: manages('member.invite'),
      },
      {
        label: "the other organization's invitation",
        request: ({ otherFreshId }) => ({ params: { id: otherFreshId ?? NO_SUCH_UUID } }),
        decide: elsewhere(manages('member.invite')),
      },
    ],
  },
  // An invitation is its token's: a token nobody was sent is no invitation; one sent to someone else may be looked
  // at (its address masked) but not accepted.
  'GET /api/v1/invitations/{token}': {
    access: 'session-only',
    variants: [
      {
        label: 'an unknown token',
        request: () => ({ params: { token: randomBytes(32).toString('base64url') } }),
        decidePrincipal: () => 'not-found',
      },
      {
        label: "B's invitation to another address",
        request: ({ fixture }) => ({ params: { token: fixture.invitationTokens.B } }),
        decidePrincipal: () => 'ok',
      },
    ],
  },
  'POST /api/v1/invitations/{token}/accept': {
    access: 'session-only',
    variants: [
      {
        label: 'an unknown token',
        request: () => ({ params: { token: randomBytes(32).toString('base64url') } }),
        decidePrincipal: () => 'not-found',
      },
      {
        label: "B's invitation to another address",
        request: ({ fixture }) => ({ params: { token: fixture.invitationTokens.B } }),
        decidePrincipal: () => 'forbidden',
      },
    ],
  },
};

/** Each organization's and a few people's profiles. */
function profileVariants(params: Record<string, string> = {}): Variant[] {
  return [
    { label: 'organization A', request: ({ fixture }) => ({ params: { ...params, handle: fixture.orgs.A.slug } }) },
    { label: 'organization B', request: ({ fixture }) => ({ params: { ...params, handle: fixture.orgs.B.slug } }) },
    { label: 'the Member', request: ({ fixture }) => ({ params: { ...params, handle: fixture.handles.member } }) },
    { label: 'the outsider', request: ({ fixture }) => ({ params: { ...params, handle: fixture.handles.outsider } }) },
    { label: "B's Owner", request: ({ fixture }) => ({ params: { ...params, handle: fixture.handles.ownerB } }) },
  ];
}
