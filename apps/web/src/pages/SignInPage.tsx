import { Link, useNavigate, useSearchParams } from 'react-router';
import { useInstanceManifest } from '../features/instance/hooks/use-instance-manifest';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import type { SessionState, SignInMethods } from '../features/session/api/session-api';
import { useSession } from '../features/session/hooks/use-session';
import { safeReturnTo, signInPath } from '../features/session/return-to';
import { MagicLinkForm } from '../features/sign-in/components/MagicLinkForm';
import { PasskeySignInButton } from '../features/sign-in/components/PasskeySignInButton';
import { ProviderLinks } from '../features/sign-in/components/ProviderLinks';
import { oauthErrorMessage } from '../features/sign-in/oauth-errors';
import { passkeysAvailable } from '../shared/api/webauthn';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import './auth-pages.css';

export function SignInPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const errorCode = params.get('error');
  const { data: manifest } = useInstanceManifest();
  const { data: session, error, isPending, refetch, isFetching } = useSession();

  function continueAfterSignIn(next: SessionState) {
    if (next.status === 'pending_second_factor') void navigate(signInPath(returnTo, '/sign-in/second-factor'));
    else void navigate(returnTo);
  }

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="sign-in-title">
        <div className="auth-card__header">
          <h1 id="sign-in-title" className="auth-card__title">
            Sign in
          </h1>
          <p className="auth-card__lead">
            to <strong>{manifest?.name ?? 'LynxPrompt'}</strong>
          </p>
        </div>

        {errorCode && (
          <div className="form-error" role="alert">
            <p className="form-error__message">{oauthErrorMessage(errorCode)}</p>
            <p className="form-error__actions">
              <code className="form-error__code">{errorCode}</code>
            </p>
          </div>
        )}

        {session?.status === 'active' && session.user && (
          <div className="callout" role="note">
            <p>
              You are signed in as <strong>{session.user.displayName || session.user.handle}</strong>. Signing in again
              confirms it is you, for changes that need a recent sign-in.
            </p>
            <p>
              <Link to={returnTo}>Continue without signing in again</Link>
            </p>
          </div>
        )}
        {session?.status === 'pending_second_factor' && (
          <div className="callout" role="note">
            <p>
              You have started signing in.{' '}
              <Link to={signInPath(returnTo, '/sign-in/second-factor')}>Finish with your second factor</Link>.
            </p>
          </div>
        )}

        <MagicLinkForm returnTo={returnTo} />

        {isPending ? (
          <LoadingState label="Loading sign-in options…" />
        ) : session ? (
          <OtherMethods methods={session.methods} returnTo={returnTo} onSignedIn={continueAfterSignIn} />
        ) : (
          <ApiErrorNotice
            title="Other sign-in options are unavailable"
            error={error}
            onRetry={() => void refetch()}
            retrying={isFetching}
          />
        )}

        {session && !session.methods.registration && (
          <p className="auth-card__footnote">New accounts on this instance need an invitation from an administrator.</p>
        )}
      </section>
    </div>
  );
}

interface OtherMethodsProps {
  methods: SignInMethods;
  returnTo: string;
  onSignedIn: (session: SessionState) => void;
}

/** Passkey and provider sign-in, each shown only when the instance (and, for passkeys, the browser) supports it. */
function OtherMethods({ methods, returnTo, onSignedIn }: OtherMethodsProps) {
  const passkey = methods.passkey && passkeysAvailable();
  if (!passkey && !methods.github && !methods.google && !methods.sso) return null;
  return (
    <>
      <p className="divider">
        <span>or</span>
      </p>
      <div className="stack stack--tight">
        {passkey && <PasskeySignInButton onSignedIn={onSignedIn} />}
        <ProviderLinks methods={methods} returnTo={returnTo} />
      </div>
    </>
  );
}
