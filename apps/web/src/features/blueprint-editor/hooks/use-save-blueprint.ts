import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintDetail, BlueprintWrite, NewBlueprint } from '../../blueprints/api/blueprint-types';
import { storeDetail } from '../../blueprints/hooks/use-blueprint';
import { createBlueprint, updateBlueprint } from '../api/editor-api';

export type SaveRequest =
  { mode: 'create'; body: NewBlueprint } | { mode: 'update'; base: BlueprintDetail; body: BlueprintWrite };

export function useSaveBlueprint() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<BlueprintDetail, ApiError, SaveRequest>({
    mutationFn: (request) =>
      request.mode === 'create'
        ? createBlueprint(client, request.body)
        : updateBlueprint(client, request.base, request.body),
    onSuccess: (detail) => storeDetail(queryClient, detail),
  });
}
