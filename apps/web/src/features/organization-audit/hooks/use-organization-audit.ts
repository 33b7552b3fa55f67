import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { saveFile } from '../../../shared/save-file';
import {
  exportOrganizationAudit,
  getOrganizationAudit,
  type AuditFilters,
  type OrganizationAuditPage,
} from '../api/organization-audit-api';

export function useOrganizationAudit(slug: string, filters: AuditFilters, cursor: string | undefined) {
  const client = useApiClient();
  return useQuery<OrganizationAuditPage, ApiError>({
    queryKey: queryKeys.account.organizationAuditPage(slug, { ...filters }, cursor),
    queryFn: ({ signal }) => getOrganizationAudit(client, slug, filters, cursor, signal),
    placeholderData: keepPreviousData,
  });
}

/** Fetches the export and hands it to the browser's downloads. */
export function useExportOrganizationAudit(slug: string) {
  const client = useApiClient();
  return useMutation<void, ApiError, { format: 'csv' | 'json'; filters: AuditFilters }>({
    mutationFn: async ({ format, filters }) => {
      const { blob, fileName } = await exportOrganizationAudit(client, slug, format, filters);
      saveFile(blob, fileName);
    },
  });
}
