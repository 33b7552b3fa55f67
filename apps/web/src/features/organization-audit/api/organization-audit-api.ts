import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import { attachmentFileName } from '../../../shared/save-file';

/** The optional filters of the log: an action prefix and a date range (ISO dates). */
export interface AuditFilters {
  action?: string;
  from?: string;
  to?: string;
}

export function getOrganizationAudit(
  client: ApiClient,
  slug: string,
  filters: AuditFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callApi(
    client.GET('/api/v1/organizations/{slug}/audit', {
      params: { path: { slug }, query: { ...filters, ...(cursor ? { cursor } : {}), limit: 50 } },
      signal,
    }),
  );
}

export type OrganizationAuditPage = Awaited<ReturnType<typeof getOrganizationAudit>>;
export type OrganizationAuditEvent = OrganizationAuditPage['events'][number];

/** The whole (filtered) log as a file, fetched with the session like every other call. */
export async function exportOrganizationAudit(
  client: ApiClient,
  slug: string,
  format: 'csv' | 'json',
  filters: AuditFilters,
): Promise<{ blob: Blob; fileName: string }> {
  const call = client.GET('/api/v1/organizations/{slug}/audit/export', {
    params: { path: { slug }, query: { ...filters, format } },
    parseAs: 'blob',
  });
  const blob = (await callApi(call)) as unknown as Blob;
  const { response } = await call;
  return {
    blob,
    fileName: attachmentFileName(response.headers.get('Content-Disposition'), `${slug}-audit.${format}`),
  };
}
