import {
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { ApiError } from './api-error';

/** The browser's passkey errors as ApiErrors, so they show like any other failure (message plus a stable code). */
function passkeyError(cause: unknown): ApiError {
  const name = cause instanceof Error ? cause.name : '';
  const code = cause instanceof WebAuthnError ? cause.code : undefined;
  let error: ApiError;
  if (name === 'NotAllowedError' || code === 'ERROR_CEREMONY_ABORTED') {
    error = new ApiError(
      'PASSKEY_CANCELLED',
      'The passkey request was cancelled or timed out. Try again when your device asks.',
      undefined,
      undefined,
    );
  } else if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    error = new ApiError(
      'PASSKEY_ALREADY_REGISTERED',
      'This device already holds a passkey for your account.',
      undefined,
      undefined,
    );
  } else if (name === 'SecurityError') {
    error = new ApiError(
      'PASSKEY_NOT_ALLOWED_HERE',
      'Passkeys only work on this instance’s own address over HTTPS (or localhost).',
      undefined,
      undefined,
    );
  } else {
    error = new ApiError(
      code ?? 'PASSKEY_FAILED',
      cause instanceof Error ? cause.message : 'The passkey could not be used.',
      undefined,
      undefined,
    );
  }
  error.cause = cause;
  return error;
}

export function passkeysAvailable(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

export async function getPasskeyAssertion(options: unknown): Promise<AuthenticationResponseJSON> {
  try {
    return await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
  } catch (cause) {
    throw passkeyError(cause);
  }
}

export async function createPasskey(options: unknown): Promise<RegistrationResponseJSON> {
  try {
    return await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
  } catch (cause) {
    throw passkeyError(cause);
  }
}
