import type { CatalogQuery } from '../features/catalog/catalog-query';

// The one registry of TanStack Query keys. Build keys here, never inline, so invalidation stays greppable.
export const queryKeys = {
  instance: {
    all: ['instance'] as const,
    manifest: () => [...queryKeys.instance.all, 'manifest'] as const,
  },
  session: {
    all: ['session'] as const,
    current: () => [...queryKeys.session.all, 'current'] as const,
  },
  // Everything that belongs to the signed-in account: dropped as a whole when the signed-in person changes.
  account: {
    all: ['account'] as const,
    passkeys: () => [...queryKeys.account.all, 'passkeys'] as const,
    twoStep: () => [...queryKeys.account.all, 'two-step'] as const,
    sessions: () => [...queryKeys.account.all, 'sessions'] as const,
    identities: () => [...queryKeys.account.all, 'identities'] as const,
    apiTokens: () => [...queryKeys.account.all, 'api-tokens'] as const,
    securityEvents: () => [...queryKeys.account.all, 'security-events'] as const,
    deviceRequest: (userCode: string) => [...queryKeys.account.all, 'device-request', userCode] as const,
    myBlueprints: () => [...queryKeys.account.all, 'blueprints'] as const,
    favorites: () => [...queryKeys.account.all, 'favorites'] as const,
    savedVariables: () => [...queryKeys.account.all, 'saved-variables'] as const,
    // Organizations as their members see them.
    organizations: () => [...queryKeys.account.all, 'organizations'] as const,
    organization: (slug: string) => [...queryKeys.account.organizations(), slug] as const,
    organizationMembers: (slug: string) => [...queryKeys.account.organization(slug), 'members'] as const,
    organizationInvitations: (slug: string) => [...queryKeys.account.organization(slug), 'invitations'] as const,
    invitation: (token: string) => [...queryKeys.account.all, 'invitation', token] as const,
    // What a member sees inside an organization: dropped with the rest when the signed-in person changes.
    organizationTokens: (slug: string) => [...queryKeys.account.all, 'organization', slug, 'tokens'] as const,
    organizationAudit: (slug: string) => [...queryKeys.account.all, 'organization', slug, 'audit'] as const,
    organizationAuditPage: (slug: string, filters: Record<string, string>, cursor: string | undefined) =>
      [...queryKeys.account.organizationAudit(slug), filters, cursor ?? null] as const,
    // An organization's content as this member may read it: every blueprint write refreshes all of it.
    organizationContent: () => [...queryKeys.account.all, 'organization-content'] as const,
    organizationBlueprints: (slug: string) => [...queryKeys.account.organizationContent(), slug, 'blueprints'] as const,
    organizationHierarchies: (slug: string) =>
      [...queryKeys.account.organizationContent(), slug, 'hierarchies'] as const,
    // The federation administration: only an admin's session reads these.
    federation: () => [...queryKeys.account.all, 'federation'] as const,
    federationPeers: () => [...queryKeys.account.federation(), 'peers'] as const,
    federationPeer: (id: string) => [...queryKeys.account.federationPeers(), id] as const,
    federationRules: () => [...queryKeys.account.federation(), 'domain-rules'] as const,
    federationSettings: () => [...queryKeys.account.federation(), 'settings'] as const,
    // Billing: yours (organization undefined) or an organization's; every plan change refreshes all of it.
    billing: () => [...queryKeys.account.all, 'billing'] as const,
    billingSummaries: () => [...queryKeys.account.billing(), 'summary'] as const,
    billingSummary: (organization: string | undefined) =>
      [...queryKeys.account.billingSummaries(), organization ?? null] as const,
    checkoutSession: (sessionId: string) => [...queryKeys.account.billing(), 'checkout', sessionId] as const,
    // The instance's subscriptions: only an admin's session reads these.
    adminSubscriptions: (status: string | undefined, page: number) =>
      [...queryKeys.account.billing(), 'admin', status ?? null, page] as const,
  },
  // Blueprints as anyone may see them; the detail of one's own blueprint (the draft) is refetched after every write.
  blueprints: {
    all: ['blueprints'] as const,
    catalog: (query: CatalogQuery, cursor: string | undefined) =>
      [...queryKeys.blueprints.all, 'catalog', query, cursor ?? null] as const,
    detail: (id: string) => [...queryKeys.blueprints.all, 'detail', id] as const,
    versions: (id: string) => [...queryKeys.blueprints.detail(id), 'versions'] as const,
    version: (id: string, number: number) => [...queryKeys.blueprints.detail(id), 'version', number] as const,
    diff: (id: string, from: number, to: number) => [...queryKeys.blueprints.detail(id), 'diff', from, to] as const,
    conversion: (id: string, revision: number, format: string) =>
      [...queryKeys.blueprints.detail(id), 'conversion', revision, format] as const,
    attachedFile: (id: string, version: number, path: string) =>
      [...queryKeys.blueprints.detail(id), 'file', version, path] as const,
    scan: (content: string) => [...queryKeys.blueprints.all, 'scan', content] as const,
  },
  // The public directory of the instances this one federates with.
  federation: {
    all: ['federation'] as const,
    directory: () => [...queryKeys.federation.all, 'directory'] as const,
  },
  formats: {
    all: ['formats'] as const,
    list: () => [...queryKeys.formats.all, 'list'] as const,
  },
  // Public profiles (/@handle): the same for everyone, like the catalogue.
  profiles: {
    all: ['profiles'] as const,
    detail: (handle: string) => [...queryKeys.profiles.all, 'detail', handle] as const,
    blueprints: (handle: string) => [...queryKeys.profiles.detail(handle), 'blueprints'] as const,
  },
  hierarchies: {
    all: ['hierarchies'] as const,
    detail: (id: string) => [...queryKeys.hierarchies.all, 'detail', id] as const,
  },
} as const;
