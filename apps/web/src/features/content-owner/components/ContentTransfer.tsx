import type { BlueprintDetail } from '../../blueprints/api/blueprint-types';
import type { Hierarchy } from '../../hierarchies/api/hierarchies-api';
import { useMyOrganizationRoles, useTransferBlueprint, useTransferHierarchy } from '../hooks/use-content-owners';
import { mayTransfer } from '../owner-rules';
import { TransferAction } from './TransferAction';

/** The blueprint page's Transfer: for its owner, or an Admin/Owner of the organization that owns it. */
export function BlueprintTransfer({ blueprint }: { blueprint: BlueprintDetail }) {
  const { data: organizations } = useMyOrganizationRoles();
  const transfer = useTransferBlueprint(blueprint);
  if (!organizations || !mayTransfer(blueprint, organizations)) return null;
  return (
    <TransferAction
      what="blueprint"
      name={blueprint.name}
      author={blueprint.author}
      organizations={organizations}
      busy={transfer.isPending}
      error={transfer.error ?? undefined}
      onReset={() => transfer.reset()}
      onTransfer={(organization, slug, done) =>
        transfer.mutate({ organization, ...(slug ? { slug } : {}) }, { onSuccess: done })
      }
    />
  );
}

/** The hierarchy page's Transfer: the hierarchy and all its blueprints move together. */
export function HierarchyTransfer({ hierarchy }: { hierarchy: Hierarchy }) {
  const { data: organizations } = useMyOrganizationRoles();
  const transfer = useTransferHierarchy(hierarchy.id);
  const content = { isOwner: hierarchy.isOwner, author: hierarchy.owner };
  if (!organizations || !mayTransfer(content, organizations)) return null;
  return (
    <TransferAction
      what="hierarchy"
      name={hierarchy.name}
      author={hierarchy.owner}
      organizations={organizations}
      busy={transfer.isPending}
      error={transfer.error ?? undefined}
      onReset={() => transfer.reset()}
      onTransfer={(organization, _slug, done) => transfer.mutate(organization, { onSuccess: done })}
    />
  );
}
