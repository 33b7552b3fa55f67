import { Link, useParams } from 'react-router';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { useAcceptInvitation, useInvitationPreview } from '../features/organizations/hooks/use-organizations';
import { roleLabel } from '../features/organizations/roles';
import { useSession } from '../features/session/hooks/use-session';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { FormError } from '../shared/components/FormError';
import { LoadingState } from '../shared/components/LoadingState';
import { formatDate } from '../shared/format';
import './auth-pages.css';

/** The page an invitation mail links to (behind sign-in): what it offers, and accepting it. */
export function InvitationAcceptPage() {
  usePageTitle('Invitation');
  const { token = '' } = useParams();
  const { data: preview, error, isPending } = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const { data: session } = useSession();
  const email = session?.status === 'active' ? session.user?.email : undefined;

  return (
    <div className="auth-page">
      <div className="auth-card stack">
        <h1 className="auth-card__title">Invitation</h1>
        {isPending ? (
          <LoadingState label="Reading the invitation…" />
        ) : !preview ? (
          error?.code === 'INVITATION_EXPIRED' || error?.code === 'INVITATION_NOT_FOUND' ? (
            <div className="callout callout--warning" role="alert">
              <p>
                {error.code === 'INVITATION_EXPIRED'
                  ? 'This invitation has expired. Ask the organization for a new one.'
                  : 'This invitation does not exist, was revoked, or has already been used.'}
              </p>
              <code className="form-error__code">{error.code}</code>
            </div>
          ) : (
            <ApiErrorNotice title="The invitation could not be read" error={error} />
          )
        ) : (
          <>
            <p>
              You are invited to join <strong>{preview.organization.name}</strong> (@{preview.organization.slug}) as{' '}
              <strong>{roleLabel(preview.role)}</strong>.
            </p>
            <p className="field__hint">
              Sent to {preview.email} · expires {formatDate(preview.expiresAt)}
            </p>
            {!preview.forYou && (
              <div className="callout callout--warning" role="status">
                <p>
                  This invitation was sent to another address than the one you are signed in with
                  {email ? ` (${email})` : ''}. Sign in with the invited address to accept it.
                </p>
              </div>
            )}
            {accept.isError && <FormError error={accept.error} />}
            <div className="cluster">
              <button
                type="button"
                className="button button--primary"
                disabled={accept.isPending}
                onClick={() => accept.mutate()}
              >
                {accept.isPending ? 'Joining…' : `Join ${preview.organization.name}`}
              </button>
              <Link to="/" className="button button--secondary">
                Not now
              </Link>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
