import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDateTime } from '../../../shared/format';
import type { BlueprintDetail, VersionSummary } from '../api/blueprint-types';
import { formatBytes } from '../content';
import { useDiff, useOwnerActions, useReloadBlueprint, useVersion, useVersions } from '../hooks/use-blueprint';
import { BlueprintContent } from './BlueprintContent';
import { DiffView } from './DiffView';
import { FindingsWarning } from './FindingsWarning';
import { WriteErrorNotice } from './WriteErrorNotice';

/** Why the secret policy keeps a once-published version from everyone but its owner. */
const WITHHELD_REASONS: Record<string, string> = {
  SECRET_DETECTED: 'contains a possible secret.',
  FINDINGS_TOO_MANY: 'contains more possible secrets than can be confirmed one by one.',
  FINDINGS_NOT_ACKNOWLEDGED: 'contains a possible secret that was not confirmed as safe.',
};

interface VersionsPanelProps {
  blueprint: BlueprintDetail;
  syntax?: string;
}

/** Every version (the owner's drafts included), any one viewable, any two comparable, old ones restorable. */
export function VersionsPanel({ blueprint, syntax }: VersionsPanelProps) {
  const { data: versions, error, isPending, refetch, isFetching } = useVersions(blueprint.id);
  const [viewing, setViewing] = useState<number | undefined>();

  if (isPending) return <LoadingState label="Loading versions…" />;
  if (!versions) {
    return (
      <ApiErrorNotice
        title="Versions could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  if (versions.length === 0) return <p className="empty-state">No versions yet.</p>;

  const ordered = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div className="stack">
      <ol className="item-list" aria-label="Versions">
        {ordered.map((version) => (
          <VersionItem
            key={version.number}
            blueprint={blueprint}
            version={version}
            viewing={viewing === version.number}
            onView={() => setViewing(viewing === version.number ? undefined : version.number)}
          />
        ))}
      </ol>
      {viewing !== undefined && <VersionContent blueprint={blueprint} number={viewing} syntax={syntax} />}
      {ordered.length > 1 && <DiffPicker blueprint={blueprint} versions={ordered} />}
    </div>
  );
}

function VersionItem({
  blueprint,
  version,
  viewing,
  onView,
}: {
  blueprint: BlueprintDetail;
  version: VersionSummary;
  viewing: boolean;
  onView: () => void;
}) {
  const owner = useOwnerActions(blueprint);
  const reload = useReloadBlueprint(blueprint.id);
  const [error, setError] = useState<{ error: unknown; retry?: (ids: string[]) => void } | undefined>();
  const isHead = version.number === blueprint.headVersion;

  function restore(acknowledgedFindings?: string[]) {
    setError(undefined);
    owner.restore.mutate(
      { version: version.number, changelog: `Restored version ${version.number}`, acknowledgedFindings },
      { onError: (cause) => setError({ error: cause, retry: (ids) => restore(ids) }) },
    );
  }

  function publish(acknowledgedFindings?: string[]) {
    setError(undefined);
    owner.publish.mutate(
      { version: version.number, acknowledgedFindings },
      { onError: (cause) => setError({ error: cause, retry: (ids) => publish(ids) }) },
    );
  }

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          Version {version.number}
          {version.isPublished && <span className="badge badge--success">Published</span>}
          {isHead && blueprint.isOwner && <span className="badge">Latest</span>}
          {version.restoredFrom !== null && <span className="badge">Restored from v{version.restoredFrom}</span>}
        </p>
        {version.changelog && <p className="item__subtitle">{version.changelog}</p>}
        <p className="item__meta">
          {formatDateTime(version.createdAt)}
          {version.author && ` · ${version.author.displayName}`} · {formatBytes(version.sizeBytes)}
        </p>
        {version.withheld && (
          <p className="text-warning" role="note">
            Withheld from readers: {WITHHELD_REASONS[version.withheldReason ?? ''] ?? WITHHELD_REASONS.SECRET_DETECTED}
          </p>
        )}
        {error && (
          <WriteErrorNotice
            key={String((error.error as { requestId?: string }).requestId)}
            error={error.error}
            busy={owner.restore.isPending || owner.publish.isPending}
            onAcknowledge={error.retry}
            onReload={() => {
              setError(undefined);
              void reload();
            }}
          />
        )}
      </div>
      <div className="item__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={viewing}
          aria-label={`${viewing ? 'Hide' : 'View'} version ${version.number}`}
          onClick={onView}
        >
          {viewing ? 'Hide' : 'View'}
        </button>
        {blueprint.isOwner && !version.isPublished && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Publish version ${version.number}`}
            disabled={owner.publish.isPending}
            onClick={() => publish()}
          >
            Publish
          </button>
        )}
        {blueprint.isOwner && !isHead && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Restore version ${version.number}`}
            disabled={owner.restore.isPending}
            onClick={() => restore()}
          >
            {owner.restore.isPending ? 'Restoring…' : 'Restore'}
          </button>
        )}
      </div>
    </li>
  );
}

function VersionContent({
  blueprint,
  number,
  syntax,
}: {
  blueprint: BlueprintDetail;
  number: number;
  syntax?: string;
}) {
  const { data: version, error, isPending } = useVersion(blueprint.id, number);
  if (isPending) return <LoadingState label={`Loading version ${number}…`} />;
  if (!version) return <ApiErrorNotice title={`Version ${number} could not be loaded`} error={error} />;
  return (
    <section className="subpanel stack" aria-label={`Content of version ${number}`}>
      <h3 className="subpanel__title">Version {number}</h3>
      <FindingsWarning findings={version.findings} isOwner={blueprint.isOwner} />
      <BlueprintContent content={version.content} syntax={syntax} />
    </section>
  );
}

function DiffPicker({ blueprint, versions }: { blueprint: BlueprintDetail; versions: VersionSummary[] }) {
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(versions[1]?.number ?? 1);
  const [to, setTo] = useState(versions[0]?.number ?? 1);
  const [range, setRange] = useState<{ from: number; to: number } | undefined>();
  const diff = useDiff(blueprint.id, range);

  function submit(event: FormEvent) {
    event.preventDefault();
    setRange({ from, to });
  }

  return (
    <section className="stack stack--tight" aria-label="Compare versions">
      <h3 className="subpanel__title">Compare versions</h3>
      <form className="cluster diff-picker" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={fromId}>
            From
          </label>
          <select id={fromId} className="select" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                Version {version.number}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={toId}>
            To
          </label>
          <select id={toId} className="select" value={to} onChange={(event) => setTo(Number(event.target.value))}>
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                Version {version.number}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary diff-picker__button">
          Compare
        </button>
      </form>
      {range &&
        (diff.isPending ? (
          <LoadingState label="Comparing…" />
        ) : diff.data ? (
          <DiffView
            unified={diff.data.unified}
            label={`Changes from version ${diff.data.from} to version ${diff.data.to}`}
          />
        ) : (
          <ApiErrorNotice title="The versions could not be compared" error={diff.error} />
        ))}
    </section>
  );
}
