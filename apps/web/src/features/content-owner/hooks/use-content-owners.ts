import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintDetail } from '../../blueprints/api/blueprint-types';
import { storeDetail } from '../../blueprints/hooks/use-blueprint';
import type { Hierarchy } from '../../hierarchies/api/hierarchies-api';
import { useSession } from '../../session/hooks/use-session';
import { useMyOrganizations } from '../../organizations/hooks/use-organizations';
import { transferBlueprint, transferHierarchy, type TransferInput } from '../api/owner-api';

/**
 * The organizations I belong to, with my role: the one place content ownership (owner choice, transfer) reads them.
 * The same query as the organization switcher's, so creating, joining or leaving one refreshes both. Signed out: none,
 * and nothing is asked.
 */
export function useMyOrganizationRoles() {
  const { data: session } = useSession();
  return useMyOrganizations(session?.status === 'active');
}

export function useTransferBlueprint(blueprint: Pick<BlueprintDetail, 'id' | 'revision'>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<BlueprintDetail, ApiError, TransferInput>({
    mutationFn: (input) => transferBlueprint(client, blueprint, input),
    // Its author changed: storeDetail also refreshes the lists that show it (mine, the catalogue).
    onSuccess: (detail) => storeDetail(queryClient, detail),
  });
}

export function useTransferHierarchy(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<Hierarchy, ApiError, string | null>({
    mutationFn: (organization) => transferHierarchy(client, id, organization),
    onSuccess: async (hierarchy) => {
      queryClient.setQueryData(queryKeys.hierarchies.detail(id), hierarchy);
      // Its blueprints moved along.
      await queryClient.invalidateQueries({ queryKey: queryKeys.blueprints.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.myBlueprints() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.organizationContent() });
    },
  });
}
