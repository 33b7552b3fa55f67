import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type SecurityEvent = components['schemas']['SecurityEvent'];

export function listSecurityEvents(client: ApiClient, signal?: AbortSignal): Promise<SecurityEvent[]> {
  return callApi(client.GET('/api/v1/account/security-events', { signal }));
}
