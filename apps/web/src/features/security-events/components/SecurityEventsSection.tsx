import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { describeUserAgent, formatDateTime } from '../../../shared/format';
import { useSecurityEvents } from '../hooks/use-security-events';

/** Readable names for the audit actions people see most; others are shown by their code. */
const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_pending_second_factor': 'Signed in, second factor pending',
  'auth.sign_in_failed': 'Failed sign-in attempt',
  'auth.sign_out': 'Signed out',
  'auth.session_revoked': 'Session signed out',
  'auth.sessions_revoked': 'Other sessions signed out',
  'auth.second_factor': 'Second factor confirmed',
  'auth.second_factor_failed': 'Wrong second-factor code',
  'auth.identity_linked': 'Account linked',
  'auth.identity_unlinked': 'Account unlinked',
  'auth.device_approved': 'Device sign-in approved',
  'auth.device_denied': 'Device sign-in denied',
  'passkey.registered': 'Passkey added',
  'passkey.registration_failed': 'Passkey could not be added',
  'passkey.renamed': 'Passkey renamed',
  'passkey.deleted': 'Passkey removed',
  'passkey.counter_regression': 'Passkey refused: possible clone',
  'two_step.enabled': 'Two-step verification turned on',
  'two_step.disabled': 'Two-step verification turned off',
  'two_step.locked': 'Two-step verification locked after wrong codes',
  'two_step.recovery_code_used': 'Recovery code used',
  'two_step.recovery_codes_regenerated': 'Recovery codes regenerated',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'account.profile_updated': 'Profile updated',
  'account.email_change_requested': 'Email change requested',
  'account.email_change_failed': 'Email change failed',
  'account.email_changed': 'Email address changed',
  'user.created': 'Account created',
};

function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function SecurityEventsSection() {
  const { data: events, error, isPending, refetch, isFetching } = useSecurityEvents();

  if (isPending) return <LoadingState label="Loading security events…" />;
  if (!events) {
    return (
      <ApiErrorNotice
        title="Security events could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  if (events.length === 0) return <p className="empty-state">No security events yet.</p>;
  return (
    <div className="table-scroll" role="region" aria-label="Security events table" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Device</th>
            <th scope="col">Network</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="table__nowrap">{formatDateTime(event.occurredAt)}</td>
              <td>
                {actionLabel(event.action)}
                {actionLabel(event.action) !== event.action && <code className="table__code">{event.action}</code>}
              </td>
              <td>{event.userAgent ? describeUserAgent(event.userAgent) : '—'}</td>
              <td className="table__nowrap">{event.ipPrefix ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
