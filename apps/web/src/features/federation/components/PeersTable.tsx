import { Fragment, useId, useState } from 'react';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { formatCount, formatDateTime } from '../../../shared/format';
import { httpUrl } from '../../../shared/safe-url';
import {
  OUTCOME_LABELS,
  PEER_STATUS_LABELS,
  PEER_STATUS_TONES,
  peerErrorHint,
  POLICY_LABELS,
  splitPeerError,
  type PeerView,
} from '../api/federation-types';
import { useApprovePeerKey, usePeers, useRemovePeer } from '../hooks/use-federation';
import { CrawlLog } from './CrawlLog';
import { SignatureLabel } from './SignatureLabel';

const COLUMNS = 8;

type Peers = ReturnType<typeof usePeers>;

/** Warnings for peers whose signing key changed: they are not crawled until an admin approves the new key. */
export function PendingKeyWarnings({ peers }: { peers: PeerView[] }) {
  const approve = useApprovePeerKey();
  const changed = peers.filter((peer) => peer.pendingKey);
  if (changed.length === 0) return null;
  return (
    <div className="stack stack--tight">
      {changed.map((peer) => (
        <section key={peer.id} className="callout callout--warning" aria-label={`Signing key changed: ${peer.domain}`}>
          <h3 className="callout__title">⚠ {peer.domain} changed its signing key</h3>
          <p>
            {peer.pendingKey?.keyId ? (
              <>
                It now publishes the key <code>{peer.pendingKey.keyId}</code>
              </>
            ) : (
              'It no longer publishes any key'
            )}{' '}
            (seen {formatDateTime(peer.pendingKey?.changedAt)}), instead of the pinned key{' '}
            <code>{peer.keyId ?? 'none'}</code>. It is not crawled until you approve the change. Approve only when its
            operators confirm they rotated the key: otherwise someone may be impersonating it.
          </p>
          <p>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={approve.isPending && approve.variables === peer.id}
              onClick={() => approve.mutate(peer.id)}
            >
              {approve.isPending && approve.variables === peer.id
                ? 'Approving…'
                : `Approve the new key of ${peer.domain}`}
            </button>
          </p>
          {approve.error && approve.variables === peer.id && <FormError error={approve.error} />}
        </section>
      ))}
    </div>
  );
}

/** Every peer with its state and counts; per peer: crawl now, the crawl log, remove. */
export function PeersTable({ peers, crawl, crawling }: Pick<Peers, 'crawl' | 'crawling'> & { peers: PeerView[] }) {
  const [openLogs, setOpenLogs] = useState<ReadonlySet<string>>(new Set());
  const remove = useRemovePeer();

  function toggleLog(id: string) {
    setOpenLogs((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <div className="stack stack--tight">
      {remove.error && <FormError error={remove.error} />}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Peers</caption>
          <thead>
            <tr>
              <th scope="col">Peer</th>
              <th scope="col">Status</th>
              <th scope="col">Signatures</th>
              <th scope="col">Policy</th>
              <th scope="col">Blueprints</th>
              <th scope="col">Last crawl</th>
              <th scope="col">Last error</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((peer) => (
              <Fragment key={peer.id}>
                <PeerRow
                  peer={peer}
                  crawling={crawling(peer)}
                  crawlBusy={crawl.isPending && crawl.variables?.id === peer.id}
                  onCrawl={() => crawl.mutate(peer)}
                  logOpen={openLogs.has(peer.id)}
                  onToggleLog={() => toggleLog(peer.id)}
                  removing={remove.isPending && remove.variables === peer.id}
                  onRemove={(close) => remove.mutate(peer.id, { onSettled: close })}
                  onRemoveOpen={() => remove.reset()}
                />
                {crawl.error && crawl.variables?.id === peer.id && (
                  <tr>
                    <td colSpan={COLUMNS}>
                      <FormError error={crawl.error} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface PeerRowProps {
  peer: PeerView;
  crawling: boolean;
  crawlBusy: boolean;
  onCrawl: () => void;
  logOpen: boolean;
  onToggleLog: () => void;
  removing: boolean;
  onRemove: (close: () => void) => void;
  onRemoveOpen: () => void;
}

function PeerRow({
  peer,
  crawling,
  crawlBusy,
  onCrawl,
  logOpen,
  onToggleLog,
  removing,
  onRemove,
  onRemoveOpen,
}: PeerRowProps) {
  const logId = useId();
  const error = splitPeerError(peer.lastError);
  const hint = peerErrorHint(peer.lastErrorDetails, peer.domain);
  const url = httpUrl(peer.baseUrl);
  const run = peer.latestRun;
  return (
    <>
      <tr>
        <th scope="row">
          <span className="federation__instance-name">{peer.name ?? peer.domain}</span>
          {url ? (
            <a className="federation__subtle" href={url} target="_blank" rel="noopener noreferrer">
              {peer.domain} <span className="visually-hidden">(opens in a new tab)</span>
            </a>
          ) : (
            <code className="federation__subtle">{peer.domain}</code>
          )}
          {peer.version && <span className="federation__subtle">v{peer.version}</span>}
        </th>
        <td>
          <span className={PEER_STATUS_TONES[peer.status]}>{PEER_STATUS_LABELS[peer.status]}</span>
          {peer.pendingKey && <span className="badge badge--remote">Key change pending</span>}
          {peer.source === 'registration' && <span className="federation__subtle">Registered itself</span>}
        </td>
        <td>
          <SignatureLabel signed={peer.signed} verified={peer.verifiedAt !== null} />
        </td>
        <td>{POLICY_LABELS[peer.policy]}</td>
        <td>
          {formatCount(peer.blueprintCount)}
          {peer.advertisedCount !== null && (
            <span className="federation__subtle">of {formatCount(peer.advertisedCount)} advertised</span>
          )}
        </td>
        <td>
          <span className="table__nowrap">{formatDateTime(peer.lastCrawlAt)}</span>
          {crawling ? (
            <span className="federation__subtle" role="status">
              Crawl queued…
            </span>
          ) : (
            run && <span className="federation__subtle">{OUTCOME_LABELS[run.outcome]}</span>
          )}
        </td>
        <td>
          {error ? (
            <>
              <code className="federation__error-code">{error.code}</code>
              <span className="table__code">{error.message}</span>
              {hint && <span className="field__hint">{hint}</span>}
            </>
          ) : (
            'None'
          )}
        </td>
        <td>
          <div className="federation__actions">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Crawl now: ${peer.domain}`}
              disabled={crawlBusy || crawling || peer.status === 'blocked'}
              onClick={onCrawl}
            >
              {crawlBusy || crawling ? 'Crawling…' : 'Crawl now'}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={logOpen}
              aria-controls={logOpen ? logId : undefined}
              aria-label={`Crawl log of ${peer.domain}`}
              onClick={onToggleLog}
            >
              Crawl log
            </button>
            <ConfirmAction
              label="Remove"
              busyLabel="Removing…"
              busy={removing}
              triggerAriaLabel={`Remove ${peer.domain}`}
              confirmAriaLabel={`Confirm removing ${peer.domain} and everything held from it`}
              onOpen={onRemoveOpen}
              onConfirm={onRemove}
            />
          </div>
        </td>
      </tr>
      {logOpen && (
        <tr className="federation__log-row">
          <td colSpan={COLUMNS} id={logId}>
            <CrawlLog peerId={peer.id} domain={peer.domain} />
          </td>
        </tr>
      )}
    </>
  );
}
