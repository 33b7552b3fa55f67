import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { approveDeviceRequest, denyDeviceRequest, getDeviceRequest, type DeviceRequest } from '../api/device-api';

export function useDeviceRequest(userCode: string | undefined) {
  const client = useApiClient();
  return useQuery<DeviceRequest, ApiError>({
    queryKey: queryKeys.account.deviceRequest(userCode ?? ''),
    queryFn: ({ signal }) => getDeviceRequest(client, userCode ?? '', signal),
    enabled: Boolean(userCode),
    staleTime: Infinity,
  });
}

export function useDecideDeviceRequest() {
  const client = useApiClient();
  return useMutation<'approved' | 'denied', ApiError, { userCode: string; decision: 'approve' | 'deny' }>({
    mutationFn: async ({ userCode, decision }) => {
      if (decision === 'approve') {
        await approveDeviceRequest(client, userCode);
        return 'approved';
      }
      await denyDeviceRequest(client, userCode);
      return 'denied';
    },
  });
}
