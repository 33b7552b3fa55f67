import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminSubscription, AdminSubscriptionList } from '../features/billing/api/billing-api';
import { STANDING_LABELS } from '../features/billing/billing-text';
import '../features/billing/components/billing.css';
import { useAdminSubscriptions, useBillingEnabled } from '../features/billing/hooks/use-billing';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { profilePath } from '../features/profiles/profile-path';
import { useSession } from '../features/session/hooks/use-session';
import { AdministratorsOnly } from '../shared/components/AdministratorsOnly';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';
import { formatCount, formatDate, formatDateTime } from '../shared/format';
import { NotFoundPage } from './NotFoundPage';

/** The API's page size for the subscription list. */
const PAGE_SIZE = 50;

/** /admin/billing: every subscription on the instance and its state (admins only; the route requires a session). */
export function AdminBillingPage() {
  usePageTitle('Billing');
  const { data: session } = useSession();
  const enabled = useBillingEnabled();
  if (!enabled) return <NotFoundPage />;
  if (session?.user?.role !== 'admin') {
    return (
      <AdministratorsOnly>
        The instance’s subscriptions are seen by its administrators. Your own plan is on your{' '}
        <Link to="/settings/billing">billing page</Link>.
      </AdministratorsOnly>
    );
  }
  return <SubscriptionsAdmin />;
}

function SubscriptionsAdmin() {
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data: list, error, isPending, isFetching, refetch } = useAdminSubscriptions(status, page);

  return (
    <div className="stack">
      <h1 className="page-title">Billing</h1>
      <SettingsSection
        title="Subscriptions"
        description="Every Stripe subscription of this instance’s users and organizations, as last synced from Stripe."
      >
        {isPending ? (
          <LoadingState label="Loading the subscriptions…" />
        ) : !list ? (
          <ApiErrorNotice
            title="The subscriptions could not be loaded"
            error={error}
            onRetry={() => void refetch()}
            retrying={isFetching}
          />
        ) : (
          <div className="stack">
            <StatusChips
              list={list}
              status={status}
              onChoose={(next) => {
                setStatus(next);
                setPage(1);
              }}
            />
            {list.items.length === 0 ? (
              <p className="empty-state">No subscriptions{status ? ` with the status ${status}` : ''}.</p>
            ) : (
              <SubscriptionsTable items={list.items} />
            )}
            <Paging total={list.total} page={page} busy={isFetching} onPage={setPage} />
          </div>
        )}
      </SettingsSection>
    </div>
  );
}

function StatusChips({
  list,
  status,
  onChoose,
}: {
  list: AdminSubscriptionList;
  status: string | undefined;
  onChoose: (status: string | undefined) => void;
}) {
  const all = list.byStatus.reduce((sum, entry) => sum + entry.count, 0);
  const chips = [
    { status: undefined, label: 'All', count: all },
    ...list.byStatus.map((entry) => ({ ...entry, label: entry.status })),
  ];
  return (
    <ul className="status-chips" aria-label="Filter by status">
      {chips.map((chip) => (
        <li key={chip.label}>
          <button
            type="button"
            className="status-chip"
            aria-pressed={chip.status === status}
            onClick={() => onChoose(chip.status)}
          >
            {chip.label} <span className="status-chip__count">{formatCount(chip.count)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function SubscriptionsTable({ items }: { items: AdminSubscription[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Subscriptions table" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Plan</th>
            <th scope="col">Standing</th>
            <th scope="col">Status</th>
            <th scope="col">Seats</th>
            <th scope="col">Period end</th>
            <th scope="col">Grace ends</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.stripeSubscriptionId} data-testid={`subscription-${item.stripeSubscriptionId}`}>
              <td>
                {item.account.name ? (
                  <Link to={profilePath(item.account.name)}>@{item.account.name}</Link>
                ) : (
                  'A deleted account'
                )}
                <span className="table__code">
                  {item.account.kind === 'organization' ? 'Organization' : 'User'} · {item.stripeSubscriptionId}
                </span>
              </td>
              <td>{item.planId ?? '—'}</td>
              <td>{STANDING_LABELS[item.standing]}</td>
              <td>
                <code>{item.subscription.status}</code>
                {item.subscription.cancelAtPeriodEnd && <span className="table__code">ends at period end</span>}
              </td>
              <td className="table__nowrap">{item.subscription.quantity}</td>
              <td className="table__nowrap">
                {item.subscription.currentPeriodEnd ? formatDate(item.subscription.currentPeriodEnd) : '—'}
              </td>
              <td className="table__nowrap">
                {item.subscription.graceEndsAt ? formatDate(item.subscription.graceEndsAt) : '—'}
              </td>
              <td className="table__nowrap">{formatDateTime(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Paging({
  total,
  page,
  busy,
  onPage,
}: {
  total: number;
  page: number;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <nav className="cluster" aria-label="Subscription pages">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page <= 1 || busy}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <span>
        Page {page} of {pages} · {formatCount(total)} {total === 1 ? 'subscription' : 'subscriptions'}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page >= pages || busy}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
