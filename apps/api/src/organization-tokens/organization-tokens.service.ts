import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTokenService, type IssuedApiToken, type NewTokenInput } from '../auth/api-tokens/api-token.service';
import type { Principal } from '../auth/principal';
import { EntitlementService } from '../billing/entitlements.service';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import { ORGANIZATION_TOKEN_SCOPES } from './organization-tokens.dto';
import { OrganizationTokenScopeNotAllowedError } from './organization-tokens.errors';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/**
 * Organization tokens, managed by the organization's Owners and Admins (`organization.tokens`). Minting, hashing,
 * expiry and the recent-second-factor rule are the personal tokens' own (ApiTokenService).
 */
@Injectable()
export class OrganizationTokensService {
  constructor(
    private readonly organizations: OrganizationLookupService,
    private readonly apiTokens: ApiTokenService,
    private readonly entitlements: EntitlementService,
  ) {}

  async create(
    slug: string,
    session: SessionPrincipal,
    input: NewTokenInput,
    request: Request,
  ): Promise<IssuedApiToken> {
    const organization = await this.organizations.resolve(slug, session, 'organization.tokens');
    const refused = input.scopes.filter((scope) => !(ORGANIZATION_TOKEN_SCOPES as readonly string[]).includes(scope));
    if (refused.length > 0) throw new OrganizationTokenScopeNotAllowedError([...new Set(refused)]);
    // Live tokens count against the plan; over it (after a downgrade) the existing ones keep working, no new one.
    return this.apiTokens.issueForOrganization(session, organization.id, input, request, (tx) =>
      this.entitlements.check({ kind: 'organization', id: organization.id }, 'organizationTokens', 1, { tx }),
    );
  }

  async list(slug: string, session: SessionPrincipal) {
    const organization = await this.organizations.resolve(slug, session, 'organization.tokens');
    return this.apiTokens.listForOrganization(organization.id);
  }

  async revoke(slug: string, session: SessionPrincipal, id: string, request: Request): Promise<void> {
    const organization = await this.organizations.resolve(slug, session, 'organization.tokens');
    await this.apiTokens.revokeForOrganization(session, organization.id, id, request);
  }
}
