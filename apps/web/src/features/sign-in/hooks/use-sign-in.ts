import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { useReloadSession } from '../../session/hooks/use-session';
import type { SessionState } from '../../session/api/session-api';
import {
  requestMagicLink,
  signInWithPasskey,
  verifyMagicLink,
  verifyRecoveryCode,
  verifySecondFactorPasskey,
  verifyTotp,
} from '../api/sign-in-api';

export function useRequestMagicLink() {
  const client = useApiClient();
  return useMutation<void, ApiError, string>({ mutationFn: (email) => requestMagicLink(client, email) });
}

/** Each of these signs in (or completes a sign-in), so each ends by reading the new session. */
function useSignInStep<Variables>(step: (variables: Variables) => Promise<unknown>) {
  const reloadSession = useReloadSession();
  return useMutation<SessionState, ApiError, Variables>({
    mutationFn: async (variables) => {
      await step(variables);
      return reloadSession();
    },
  });
}

export function useVerifyMagicLink() {
  const client = useApiClient();
  return useSignInStep((token: string) => verifyMagicLink(client, token));
}

export function usePasskeySignIn() {
  const client = useApiClient();
  return useSignInStep(() => signInWithPasskey(client));
}

export type SecondFactorInput =
  { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'passkey' };

export function useSecondFactor() {
  const client = useApiClient();
  return useSignInStep((input: SecondFactorInput) => {
    if (input.kind === 'totp') return verifyTotp(client, input.code);
    if (input.kind === 'recovery') return verifyRecoveryCode(client, input.code);
    return verifySecondFactorPasskey(client);
  });
}
