import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { OrganizationAction, Ownership } from '../access/permissions';
import type { Principal } from '../auth/principal';
import { OrganizationLookupRepository } from './organization-lookup.repository';
import { OrganizationNotFoundError, OrganizationRoleRequiredError } from './organizations.errors';

/**
 * Finds an organization by slug for an action on it. Someone who may not even view it (not a member) gets 404, as if
 * it did not exist; a member whose role is too low gets 403 ORGANIZATION_ROLE_REQUIRED.
 */
@Injectable()
export class OrganizationLookupService {
  constructor(
    private readonly repository: OrganizationLookupRepository,
    private readonly access: AccessService,
  ) {}

  async resolve(slug: string, principal: Principal | undefined, action: OrganizationAction) {
    const organization = await this.repository.bySlug(slug);
    if (!organization) throw new OrganizationNotFoundError();
    const resource = { type: 'organization', organizationId: organization.id } as const;
    if (!(await this.access.can(principal, 'organization.view', resource))) throw new OrganizationNotFoundError();
    if (!(await this.access.can(principal, action, resource))) throw new OrganizationRoleRequiredError(action);
    return organization;
  }

  /**
   * The organization named by slug as an owner of content, whoever asks (naming an owner, listing its public
   * content): 404 ORGANIZATION_NOT_FOUND when there is none. Organizations are public (profiles), so this leaks nothing.
   */
  async asOwner(slug: string): Promise<Ownership> {
    const organization = await this.repository.bySlug(slug);
    if (!organization) throw new OrganizationNotFoundError();
    return { ownerId: null, organizationId: organization.id };
  }
}
