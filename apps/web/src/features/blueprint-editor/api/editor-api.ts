import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import {
  etagOf,
  type BlueprintDetail,
  type BlueprintWrite,
  type NewBlueprint,
} from '../../blueprints/api/blueprint-types';

/** The same scan every write path runs, without saving anything: the live scan's fallback where no worker runs. */
export function scanContent(client: ApiClient, content: string, signal?: AbortSignal) {
  return callApi(client.POST('/api/v1/scan', { body: { content }, signal }));
}

export function createBlueprint(client: ApiClient, input: NewBlueprint) {
  return callApi(client.POST('/api/v1/blueprints', { body: input }));
}

/** If-Match names the revision the editor started from: a change made meanwhile answers 412, never overwritten. */
export function updateBlueprint(
  client: ApiClient,
  base: Pick<BlueprintDetail, 'id' | 'revision'>,
  changes: BlueprintWrite,
) {
  return callApi(
    client.PATCH('/api/v1/blueprints/{id}', {
      params: { path: { id: base.id }, header: { 'If-Match': etagOf(base) } },
      body: changes,
    }),
  );
}
