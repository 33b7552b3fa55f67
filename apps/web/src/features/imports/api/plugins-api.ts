import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { CollectedFile } from '../collect-files';

type Schemas = components['schemas'];
export type PluginImportResult = Schemas['PluginImportResult'];
export type ImportedPlugin = Schemas['ImportedPlugin'];
export type ImportedPluginMember = Schemas['ImportedPluginMember'];

/** One hierarchy per plugin, each member a private blueprint; all or nothing. */
export function importPlugins(client: ApiClient, files: readonly CollectedFile[]): Promise<PluginImportResult> {
  return callApi(
    client.POST('/api/v1/plugins/import', {
      body: { files: files.map(({ path, content, encoding }) => ({ path, content, encoding })) },
    }),
  );
}
