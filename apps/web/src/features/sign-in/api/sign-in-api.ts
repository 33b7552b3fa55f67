import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import { getPasskeyAssertion } from '../../../shared/api/webauthn';

export async function requestMagicLink(client: ApiClient, email: string): Promise<void> {
  await callApi(client.POST('/api/v1/auth/magic-link', { body: { email } }));
}

export function verifyMagicLink(client: ApiClient, token: string) {
  return callApi(client.POST('/api/v1/auth/magic-link/verify', { body: { token } }));
}

/** Usernameless passkey sign-in: the authenticator offers whichever of its passkeys belongs to this site. */
export async function signInWithPasskey(client: ApiClient) {
  const { challengeId, options } = await callApi(client.POST('/api/v1/auth/passkey/options'));
  const response = await getPasskeyAssertion(options);
  return callApi(client.POST('/api/v1/auth/passkey/verify', { body: { challengeId, response: { ...response } } }));
}

export function verifyTotp(client: ApiClient, code: string) {
  return callApi(client.POST('/api/v1/auth/second-factor/totp', { body: { code } }));
}

export function verifyRecoveryCode(client: ApiClient, code: string) {
  return callApi(client.POST('/api/v1/auth/second-factor/recovery-code', { body: { code } }));
}

/** Second factor by passkey: only the signed-in account's passkeys are allowed. */
export async function verifySecondFactorPasskey(client: ApiClient) {
  const { challengeId, options } = await callApi(client.POST('/api/v1/auth/second-factor/passkey/options'));
  const response = await getPasskeyAssertion(options);
  return callApi(
    client.POST('/api/v1/auth/second-factor/passkey/verify', { body: { challengeId, response: { ...response } } }),
  );
}
