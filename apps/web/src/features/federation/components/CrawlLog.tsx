import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatCount, formatDateTime } from '../../../shared/format';
import { crawlErrors, fetchSummary, OUTCOME_LABELS, TRIGGER_LABELS, type CrawlRun } from '../api/federation-types';
import { usePeerDetail } from '../hooks/use-federation';

const bytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });

const OUTCOME_TONES: Record<CrawlRun['outcome'], string> = {
  running: 'badge',
  succeeded: 'badge badge--success',
  not_modified: 'badge',
  failed: 'badge badge--danger',
  rejected: 'badge badge--danger',
  skipped: 'badge badge--remote',
};

/** The latest crawl runs of one peer, newest first: what was fetched and changed, and the codes of what failed. */
export function CrawlLog({ peerId, domain }: { peerId: string; domain: string }) {
  const detail = usePeerDetail(peerId);

  if (detail.isPending) return <LoadingState label="Loading the crawl log…" />;
  if (!detail.data) {
    return (
      <ApiErrorNotice
        title="The crawl log could not be loaded"
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  const runs = detail.data.runs;
  if (runs.length === 0) return <p className="empty-state">{domain} has not been crawled yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Crawl log of {domain}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Trigger</th>
            <th scope="col">Outcome</th>
            <th scope="col">Requests</th>
            <th scope="col">Pages</th>
            <th scope="col">Content requests</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Removed</th>
            <th scope="col">Data</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const errors = crawlErrors(run);
            return (
              <tr key={run.id}>
                <td className="table__nowrap">{formatDateTime(run.startedAt)}</td>
                <td>{TRIGGER_LABELS[run.trigger]}</td>
                <td>
                  <span className={OUTCOME_TONES[run.outcome]}>{OUTCOME_LABELS[run.outcome]}</span>
                </td>
                <td>{formatCount(run.requests)}</td>
                <td>{formatCount(run.pages)}</td>
                <td>{fetchSummary(run) || '—'}</td>
                <td>{formatCount(run.added)}</td>
                <td>{formatCount(run.updated)}</td>
                <td>{formatCount(run.removed)}</td>
                <td className="table__nowrap">{bytes.format(run.bytes / 1024)}</td>
                <td>
                  {errors.length === 0 ? (
                    'None'
                  ) : (
                    <ul className="federation__errors" aria-label="Errors">
                      {errors.map((error, index) => (
                        <li key={`${error.code}-${index}`}>
                          <code className="federation__error-code">{error.code}</code>
                          {error.message && <span className="table__code">{error.message}</span>}
                          {error.url && <span className="table__code break-anywhere">{error.url}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
