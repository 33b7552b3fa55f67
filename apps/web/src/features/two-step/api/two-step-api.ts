import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export function getTwoStepStatus(client: ApiClient, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/account/two-step', { signal }));
}

export type TwoStepStatus = Awaited<ReturnType<typeof getTwoStepStatus>>;

/** A new, not yet active TOTP secret: the QR code and the secret for manual entry. */
export function startTotpSetup(client: ApiClient) {
  return callApi(client.POST('/api/v1/account/two-step/totp/setup'));
}

export type TotpSetup = Awaited<ReturnType<typeof startTotpSetup>>;

/** Activates two-step verification with a first code; answers with the recovery codes, shown only this once. */
export function confirmTotp(client: ApiClient, code: string) {
  return callApi(client.POST('/api/v1/account/two-step/totp/confirm', { body: { code } }));
}

export async function disableTwoStep(client: ApiClient): Promise<void> {
  await callApi(client.DELETE('/api/v1/account/two-step'));
}

export function regenerateRecoveryCodes(client: ApiClient) {
  return callApi(client.POST('/api/v1/account/two-step/recovery-codes'));
}
