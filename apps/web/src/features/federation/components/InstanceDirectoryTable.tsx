import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../../../shared/format';
import { httpUrl } from '../../../shared/safe-url';
import { PEER_STATUS_LABELS, PEER_STATUS_TONES, type InstanceDirectoryEntry } from '../api/federation-types';
import { SignatureLabel } from './SignatureLabel';

/** The catalogue filtered to one instance's blueprints. */
export function cataloguePathFor(domain: string): string {
  return `/blueprints?${new URLSearchParams({ instance: domain }).toString()}`;
}

/** The instances this one federates with, each leading to its blueprints in the catalogue. */
export function InstanceDirectoryTable({ entries }: { entries: InstanceDirectoryEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Federated instances</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Domain</th>
            <th scope="col">Version</th>
            <th scope="col">Blueprints</th>
            <th scope="col">Signatures</th>
            <th scope="col">Status</th>
            <th scope="col">Last crawl</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const url = httpUrl(entry.url);
            return (
              <tr key={entry.domain}>
                <th scope="row">
                  <Link className="federation__instance-name" to={cataloguePathFor(entry.domain)}>
                    {entry.name || entry.domain}
                  </Link>
                </th>
                <td>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {entry.domain} <span className="visually-hidden">(opens in a new tab)</span>
                    </a>
                  ) : (
                    <code>{entry.domain}</code>
                  )}
                </td>
                <td>{entry.version ?? '—'}</td>
                <td>
                  <Link to={cataloguePathFor(entry.domain)}>
                    {formatCount(entry.blueprintCount)}{' '}
                    <span className="visually-hidden">
                      {entry.blueprintCount === 1 ? 'blueprint' : 'blueprints'} from {entry.domain}
                    </span>
                  </Link>
                </td>
                <td>
                  <SignatureLabel signed={entry.signed} />
                </td>
                <td>
                  <span className={PEER_STATUS_TONES[entry.status]}>{PEER_STATUS_LABELS[entry.status]}</span>
                </td>
                <td className="table__nowrap">{formatDateTime(entry.lastCrawlAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
