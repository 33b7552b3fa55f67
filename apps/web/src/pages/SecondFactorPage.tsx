import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { useSession, useSignOut } from '../features/session/hooks/use-session';
import { safeReturnTo, signInPath } from '../features/session/return-to';
import { SecondFactorForm } from '../features/sign-in/components/SecondFactorForm';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { FormError } from '../shared/components/FormError';
import { LoadingState } from '../shared/components/LoadingState';
import './auth-pages.css';

/**
 * Completes a sign-in that owes its second factor, or, for a signed-in person, confirms a sensitive change with a
 * fresh second factor.
 */
export function SecondFactorPage() {
  usePageTitle('Two-step verification');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { data: session, error, isPending, refetch, isFetching } = useSession();
  const signOut = useSignOut('/sign-in');

  if (isPending) return <LoadingState label="Checking your session…" />;
  if (!session) {
    return (
      <ApiErrorNotice
        title="We couldn’t check your session"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  if (session.status === 'anonymous') return <Navigate to={signInPath(returnTo)} replace />;

  const confirming = session.status === 'active';

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="second-factor-title">
        <div className="auth-card__header">
          <h1 id="second-factor-title" className="auth-card__title">
            {confirming ? 'Confirm it’s you' : 'Two-step verification'}
          </h1>
          <p className="auth-card__lead">
            {confirming
              ? 'This change needs a fresh second factor. Enter a code from your authenticator app, a recovery code, or use a passkey.'
              : 'Your account is protected by a second step. Enter the code from your authenticator app, a recovery code, or use a passkey.'}
          </p>
        </div>
        <SecondFactorForm onVerified={() => void navigate(returnTo, { replace: true })} />
        {!confirming && (
          <div className="auth-card__footnote">
            <button
              type="button"
              className="button button--link"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              Cancel and sign out
            </button>
            {signOut.isError && <FormError error={signOut.error} />}
          </div>
        )}
      </section>
    </div>
  );
}
