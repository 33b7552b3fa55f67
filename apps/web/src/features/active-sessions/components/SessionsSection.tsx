import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { describeUserAgent, formatDateTime } from '../../../shared/format';
import type { ActiveSession } from '../api/sessions-api';
import { useActiveSessions, useRevokeOtherSessions, useRevokeSession } from '../hooks/use-active-sessions';

const METHOD_LABELS: Record<string, string> = {
  magic_link: 'Email link',
  passkey: 'Passkey',
  github: 'GitHub',
  google: 'Google',
  oidc: 'Single sign-on',
  device: 'Device code',
};

function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method.replace(/_/g, ' ');
}

/** Where this account is signed in; any other session can be signed out from here. */
export function SessionsSection() {
  const { data: sessions, error, isPending, refetch, isFetching } = useActiveSessions();
  const revokeOthers = useRevokeOtherSessions();
  const others = sessions?.filter((session) => !session.current).length ?? 0;

  if (isPending) return <LoadingState label="Loading sessions…" />;
  if (!sessions) {
    return (
      <ApiErrorNotice
        title="Sessions could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <div className="stack">
      <ul className="item-list" aria-label="Signed-in sessions">
        {ordered.map((session) => (
          <SessionItem key={session.id} session={session} />
        ))}
      </ul>
      {revokeOthers.isError && <FormError error={revokeOthers.error} />}
      <div className="cluster">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => revokeOthers.mutate()}
          disabled={others === 0 || revokeOthers.isPending}
        >
          {revokeOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
        </button>
        <span role="status" className="status-text">
          {revokeOthers.isSuccess
            ? revokeOthers.data.revoked === 1
              ? 'Signed out of 1 other session.'
              : `Signed out of ${revokeOthers.data.revoked} other sessions.`
            : ''}
        </span>
      </div>
    </div>
  );
}

function SessionItem({ session }: { session: ActiveSession }) {
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent);

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {device}
          {session.current && <span className="badge badge--success">This device</span>}
        </p>
        <p className="item__meta">
          {methodLabel(session.authMethod)}
          {session.ipPrefix ? ` · ${session.ipPrefix}` : ''} · Signed in {formatDateTime(session.createdAt)} · Last
          active {formatDateTime(session.lastSeenAt)}
        </p>
        {revoke.isError && <FormError error={revoke.error} />}
      </div>
      {!session.current && (
        <div className="item__actions">
          <ConfirmAction
            label="Sign out"
            busyLabel="Signing out…"
            busy={revoke.isPending}
            tone="secondary"
            triggerAriaLabel={`Sign out ${device}, signed in ${formatDateTime(session.createdAt)}`}
            confirmAriaLabel={`Confirm signing out ${device}`}
            onConfirm={() => revoke.mutate(session.id)}
          />
        </div>
      )}
    </li>
  );
}
