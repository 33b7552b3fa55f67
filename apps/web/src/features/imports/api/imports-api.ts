import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { CollectedFile } from '../collect-files';

type Schemas = components['schemas'];
export type ImportPreview = Schemas['ImportPreview'];
export type ImportPreviewItem = Schemas['ImportPreviewItem'];
export type ImportItemChoice = Schemas['ImportItemChoice'];
export type ImportOutcome = Schemas['ImportOutcome'];
export type ImportItemResult = Schemas['ImportItemResult'];
export type ImportRequest = Schemas['CreateImportRequest'];

function bodyFiles(files: readonly CollectedFile[]) {
  return files.map(({ path, content, encoding }) => ({ path, content, encoding }));
}

/**
 * What each file is, what the scanner finds and what would clash (with the blueprints of `organization`, when given,
 * else the caller's); nothing is stored.
 */
export function previewImport(client: ApiClient, files: readonly CollectedFile[], organization?: string) {
  return callApi(
    client.POST('/api/v1/imports/preview', {
      body: { files: bodyFiles(files), ...(organization ? { organization } : {}) },
    }),
  );
}

export function runImport(
  client: ApiClient,
  files: readonly CollectedFile[],
  request: Omit<ImportRequest, 'files'>,
): Promise<ImportOutcome> {
  return callApi(client.POST('/api/v1/imports', { body: { ...request, files: bodyFiles(files) } }));
}
