import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { SettingsSection } from '../../../shared/components/SettingsSection';
import { formatDateTime } from '../../../shared/format';
import { useCurrentOrganization } from '../../organizations/hooks/use-current-organization';
import type { AuditFilters, OrganizationAuditEvent } from '../api/organization-audit-api';
import { useExportOrganizationAudit, useOrganizationAudit } from '../hooks/use-organization-audit';

/** The day after a yyyy-mm-dd date, so "to" includes the whole chosen day (the API's bound is exclusive). */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** /orgs/:slug/audit: the organization's audit log, for its Owners and Admins. */
export function OrganizationAuditPage() {
  const { slug, name } = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <SettingsSection
        title="Audit log"
        description={
          <>
            Who changed what in <strong>{name}</strong>: membership, roles, invitations, tokens, and the publishing,
            visibility and deletion of its blueprints. Entries cannot be changed or removed.
          </>
        }
      >
        <AuditLog slug={slug} />
      </SettingsSection>
    </div>
  );
}

function AuditLog({ slug }: { slug: string }) {
  const [filters, setFilters] = useState<AuditFilters>({});
  // The cursors of the pages walked so far: the last one is the page shown, popping goes back to newer events.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const { data: page, error, isPending, isFetching, refetch } = useOrganizationAudit(slug, filters, cursor);
  const exporter = useExportOrganizationAudit(slug);

  return (
    <div className="stack">
      <FilterForm
        onApply={(next) => {
          setFilters(next);
          setCursors([]);
        }}
      />
      <div className="cluster" role="group" aria-label="Export">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate({ format: 'csv', filters })}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate({ format: 'json', filters })}
        >
          Export JSON
        </button>
        {exporter.isPending && <span role="status">Preparing the export…</span>}
      </div>
      {exporter.isError && <FormError error={exporter.error} />}
      {isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : !page ? (
        <ApiErrorNotice
          title="The audit log could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      ) : (
        <>
          {page.events.length === 0 ? (
            <p className="empty-state">No events{cursor ? ' on this page' : ''}.</p>
          ) : (
            <AuditTable events={page.events} />
          )}
          <nav className="cluster" aria-label="Audit log pages">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={cursors.length === 0 || isFetching}
              onClick={() => setCursors((current) => current.slice(0, -1))}
            >
              Newer
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!page.nextCursor || isFetching}
              onClick={() => page.nextCursor && setCursors((current) => [...current, page.nextCursor as string])}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

function FilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const actionId = useId();
  const fromId = useId();
  const toId = useId();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      ...(action.trim() ? { action: action.trim() } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to: dayAfter(to) } : {}),
    });
  }

  return (
    <form className="cluster" onSubmit={submit} aria-label="Filter the audit log">
      <div className="field">
        <label className="field__label" htmlFor={actionId}>
          Action starts with
        </label>
        <input
          id={actionId}
          className="input"
          maxLength={100}
          placeholder="e.g. organization_token."
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={fromId}>
          From
        </label>
        <input id={fromId} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={toId}>
          To
        </label>
        <input id={toId} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div>
        <button type="submit" className="button button--primary button--small">
          Apply
        </button>
      </div>
    </form>
  );
}

function describeActor(actor: OrganizationAuditEvent['actor']): string {
  if (actor.type !== 'user') return actor.type;
  return actor.handle ? `@${actor.handle}` : 'a deleted account';
}

function AuditTable({ events }: { events: OrganizationAuditEvent[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Audit log table" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Actor</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
            <th scope="col">Network</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="table__nowrap">{formatDateTime(event.occurredAt)}</td>
              <td>
                <code className="table__code">{event.action}</code>
              </td>
              <td>{describeActor(event.actor)}</td>
              <td>{event.target ? `${event.target.type} ${event.target.id}` : '—'}</td>
              <td>
                {Object.keys(event.metadata).length > 0 ? (
                  <code className="table__code">{JSON.stringify(event.metadata)}</code>
                ) : (
                  '—'
                )}
              </td>
              <td className="table__nowrap">{event.ipPrefix ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
