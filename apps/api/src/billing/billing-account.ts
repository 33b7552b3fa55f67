import type { Ownership } from '../access/permissions';
import type { PlanAudience } from './plans';

/** Who pays: a user or an organization. Content owners (Ownership) are the same accounts. */
export type BillingAccount = { readonly kind: PlanAudience; readonly id: string };

export function accountOfOwner(owner: Ownership): BillingAccount {
  if (owner.organizationId !== null) return { kind: 'organization', id: owner.organizationId };
  if (owner.ownerId !== null) return { kind: 'user', id: owner.ownerId };
  throw new Error('An owner is a user or an organization');
}

export function ownerOfAccount(account: BillingAccount): Ownership {
  return account.kind === 'organization'
    ? { ownerId: null, organizationId: account.id }
    : { ownerId: account.id, organizationId: null };
}

/** The binding written into Stripe metadata and `client_reference_id`, e.g. `organization:<uuid>`. */
export function accountReference(account: BillingAccount): string {
  return `${account.kind}:${account.id}`;
}

/** Where the account's billing page is (upgrade links, Checkout and Portal returns). */
export function billingPagePath(account: BillingAccount, organizationSlug?: string): string {
  return account.kind === 'organization' ? `/orgs/${organizationSlug ?? account.id}/billing` : '/settings/billing';
}
