/**
 * Readable text for the codes the OAuth/OIDC callbacks put in `/sign-in?error=CODE` (the API's OAuthFailureCode).
 * A code missing here is still shown, as-is.
 */
const MESSAGES: Record<string, string> = {
  OAUTH_STATE_INVALID:
    'The sign-in took too long, or was started in another browser or tab. Please start again from this page.',
  OAUTH_DENIED: 'The sign-in was cancelled at the provider. Nothing was changed.',
  OAUTH_FAILED: 'The provider could not confirm who you are. Please try again, or use another way to sign in.',
  OAUTH_EMAIL_UNVERIFIED:
    'Your account at the provider has no verified email address, so it cannot be used here. Verify it there, or sign in by email.',
  OAUTH_LINK_INVALID:
    'Linking did not complete: the link request expired or belongs to another session. Start again from your security settings.',
  ACCOUNT_EXISTS_LINK_REQUIRED:
    'An account with this email address already exists. Sign in with it (for example by email link), then link the provider in your security settings.',
  REGISTRATION_CLOSED: 'This instance is not accepting new accounts. Ask an administrator for an invitation.',
  IDENTITY_ALREADY_LINKED: 'That provider account is already linked to another account on this instance.',
  PROVIDER_NOT_CONFIGURED: 'This sign-in method is not set up on this instance.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
};

export function oauthErrorMessage(code: string): string {
  return MESSAGES[code] ?? `Signing in did not work (${code}).`;
}
