import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

/** Which client asks to be signed in with this code, for which scopes, until when. */
export function getDeviceRequest(client: ApiClient, userCode: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/auth/device/requests/{userCode}', { params: { path: { userCode } }, signal }));
}

export type DeviceRequest = Awaited<ReturnType<typeof getDeviceRequest>>;

export async function approveDeviceRequest(client: ApiClient, userCode: string): Promise<void> {
  await callApi(client.POST('/api/v1/auth/device/requests/{userCode}/approve', { params: { path: { userCode } } }));
}

export async function denyDeviceRequest(client: ApiClient, userCode: string): Promise<void> {
  await callApi(client.POST('/api/v1/auth/device/requests/{userCode}/deny', { params: { path: { userCode } } }));
}
