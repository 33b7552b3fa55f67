import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { CollectedFile } from '../collect-files';

type Schemas = components['schemas'];
export type PluginImportResult = Schemas['PluginImportResult'];
export type ImportedPlugin = Schemas['ImportedPlugin'];
export type ImportedPluginMember = Schemas['ImportedPluginMember'];

/** One hierarchy per plugin, each member a private blueprint; all or nothing. Owned by `organization` when given. */
export function importPlugins(
  client: ApiClient,
  files: readonly CollectedFile[],
  organization?: string,
): Promise<PluginImportResult> {
  return callApi(
    client.POST('/api/v1/plugins/import', {
      body: {
        files: files.map(({ path, content, encoding }) => ({ path, content, encoding })),
        ...(organization ? { organization } : {}),
      },
    }),
  );
}

/**
 * The answers of an upload sent in several requests, as one: a marketplace entry is reported skipped only when every
 * request skipped it (each request holds only some plugins' folders, and says the others' are missing).
 */
export function mergePluginResults(results: readonly PluginImportResult[]): PluginImportResult {
  const skipped = new Map<string, { entry: PluginImportResult['skipped'][number]; times: number }>();
  for (const result of results) {
    for (const entry of result.skipped) {
      const known = skipped.get(entry.path);
      skipped.set(entry.path, { entry: known?.entry ?? entry, times: (known?.times ?? 0) + 1 });
    }
  }
  return {
    plugins: results.flatMap((result) => result.plugins),
    skipped: [...skipped.values()]
      .filter(({ entry, times }) => !entry.path.includes('#') || times === results.length)
      .map(({ entry }) => entry),
  };
}
