import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type Hierarchy = components['schemas']['HierarchyDetail'];
export type HierarchyMember = components['schemas']['HierarchyMember'];

export function getHierarchy(client: ApiClient, id: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/hierarchies/{id}', { params: { path: { id } }, signal }));
}

/** A plain link: the browser downloads the zip (every file at its repository path). */
export function hierarchyArchiveUrl(id: string): string {
  return `/api/v1/hierarchies/${encodeURIComponent(id)}/archive`;
}

/** The tools a hierarchy downloads as an installable plugin for (GET /hierarchies/{id}/plugin). */
export const PLUGIN_EXPORT_TOOLS = [
  { tool: 'claude-code', label: 'Claude Code' },
  { tool: 'cursor', label: 'Cursor' },
  { tool: 'codex', label: 'Codex' },
] as const;

export function pluginDownloadUrl(id: string, tool: (typeof PLUGIN_EXPORT_TOOLS)[number]['tool']): string {
  return `/api/v1/hierarchies/${encodeURIComponent(id)}/plugin?tool=${tool}`;
}
