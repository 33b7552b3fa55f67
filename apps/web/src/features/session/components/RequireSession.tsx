import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { useSession } from '../hooks/use-session';
import { signInPath } from '../return-to';

/**
 * Route guard: renders its children (or the nested routes) for a fully signed-in session only. Anyone else goes to
 * the sign-in page, and a session still owing its second factor to the second-factor page, both with a way back here.
 */
export function RequireSession({ children }: { children?: ReactNode }) {
  const { data: session, error, isPending, refetch, isFetching } = useSession();
  const { pathname, search, hash } = useLocation();
  const here = `${pathname}${search}${hash}`;

  if (isPending) return <LoadingState label="Checking your session…" />;
  if (!session) {
    return (
      <ApiErrorNotice
        title="We couldn’t check whether you are signed in"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  if (session.status === 'anonymous') return <Navigate to={signInPath(here)} replace />;
  if (session.status === 'pending_second_factor') {
    return <Navigate to={signInPath(here, '/sign-in/second-factor')} replace />;
  }
  return children ?? <Outlet />;
}
