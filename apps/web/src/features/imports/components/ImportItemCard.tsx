import { useId } from 'react';
import { Link } from 'react-router';
import type { BlueprintKind, FormatTarget } from '../../blueprints/api/blueprint-types';
import { FindingsList } from '../../blueprints/components/FindingsList';
import type { ImportPreviewItem } from '../api/imports-api';
import type { ItemChoice } from '../import-choices';

interface ImportItemCardProps {
  item: ImportPreviewItem;
  choice: ItemChoice;
  formats: readonly FormatTarget[];
  disabled: boolean;
  onChange: (choice: ItemChoice) => void;
}

const CONFIDENCE: Record<string, string> = { certain: 'Certain', likely: 'Likely', guess: 'A guess' };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The scan's totals in words, for the item and its attachments together. */
function scanSummary(item: ImportPreviewItem): string | undefined {
  const scans = [item.scan, ...item.attachments.map((attachment) => attachment.scan)].filter((scan) => scan !== null);
  const high = scans.reduce((sum, scan) => sum + scan.secrets.high, 0);
  const low = scans.reduce((sum, scan) => sum + scan.secrets.low, 0);
  const hidden = scans.reduce((sum, scan) => sum + scan.hiddenInstructions, 0);
  const parts = [
    high > 0 ? plural(high, 'likely secret') : '',
    low > 0 ? plural(low, 'possible secret') : '',
    hidden > 0 ? plural(hidden, 'hidden instruction') : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Found ${parts.join(', ')}.` : undefined;
}

/** One file (or skill folder) of the preview: what it was taken for, what was found, and the author's choice. */
export function ImportItemCard({ item, choice, formats, disabled, onChange }: ImportItemCardProps) {
  const ids = { title: useId(), format: useId(), kind: useId(), skip: useId() };
  const detected = item.detection;
  const ordered = [
    ...(detected ? [detected.format, ...detected.alternatives] : []),
    ...formats.map((format) => format.id),
  ].filter((id, index, all) => all.indexOf(id) === index);
  const byId = new Map(formats.map((format) => [format.id, format]));
  const chosenFormat = byId.get(choice.format);
  const kinds = chosenFormat?.kinds ?? (detected ? [detected.kind] : []);
  const findings = summaryFindings(item);
  const summary = scanSummary(item);

  return (
    <section
      className={`import-item import-item--${item.status}${choice.skip ? ' import-item--skipped' : ''}`}
      aria-labelledby={ids.title}
    >
      <header className="import-item__head">
        <h3 id={ids.title} className="import-item__path">
          <code>{item.path}</code>
        </h3>
        <span className={`badge${item.status === 'ready' ? '' : ' badge--danger'}`}>
          {item.status === 'ready' ? 'Recognised' : item.status === 'invalid' ? 'Not readable' : 'Unknown'}
        </span>
      </header>
      {detected ? (
        <p className="import-item__detection">
          Detected as <strong>{byId.get(detected.format)?.label ?? detected.format}</strong> ({detected.kind}).{' '}
          <span className="badge">{CONFIDENCE[detected.confidence] ?? detected.confidence}</span> {item.reason}
        </p>
      ) : (
        <p className="import-item__detection">{item.reason}</p>
      )}
      {item.name && (
        <p className="field__hint">
          Name: {item.name} <span className="visually-hidden">,</span> slug <code>{item.slug}</code>
        </p>
      )}
      {item.error && (
        <p className="import-item__error">
          <code>{item.error.code}</code> {item.error.message}
        </p>
      )}
      {item.notes.map((note, index) => (
        <p key={index} className="field__hint">
          Read leniently: {note.message}
        </p>
      ))}
      {item.attachments.length > 0 && (
        <details className="import-item__attachments">
          <summary>With {plural(item.attachments.length, 'attached file')}</summary>
          <ul>
            {item.attachments.map((attachment) => (
              <li key={attachment.path}>
                <code>{attachment.path}</code> ({attachment.sizeBytes.toLocaleString('en')} bytes)
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary && (
        <div className="callout callout--warning">
          <p>{summary}</p>
          {findings.length > 0 && <FindingsList findings={findings} label={`Findings in ${item.path}`} />}
        </div>
      )}
      {item.conflicts.length > 0 && (
        <ul className="import-item__conflicts" aria-label={`Conflicts of ${item.path}`}>
          {item.conflicts.map((conflict) => (
            <li key={conflict.code}>
              {conflict.message}
              {conflict.blueprintId && (
                <>
                  {' '}
                  (<Link to={`/blueprints/${conflict.blueprintId}`}>yours</Link>)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="cluster import-item__choices">
        <div className="field">
          <label className="field__label" htmlFor={ids.format}>
            Format
          </label>
          <select
            id={ids.format}
            className="select"
            value={choice.format}
            disabled={disabled}
            onChange={(event) => {
              const format = byId.get(event.target.value);
              const kind =
                format && (choice.kind === '' || !format.kinds.includes(choice.kind))
                  ? (format.kinds[0] ?? '')
                  : choice.kind;
              onChange({ ...choice, format: event.target.value, kind, skip: event.target.value === '' });
            }}
          >
            {!detected && <option value="">Choose a format…</option>}
            {ordered.map((id) => (
              <option key={id} value={id}>
                {byId.get(id)?.label ?? id}
                {id === detected?.format ? ' (detected)' : detected?.alternatives.includes(id) ? ' (also fits)' : ''}
              </option>
            ))}
          </select>
        </div>
        {kinds.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor={ids.kind}>
              Kind
            </label>
            <select
              id={ids.kind}
              className="select"
              value={choice.kind}
              disabled={disabled}
              onChange={(event) => onChange({ ...choice, kind: event.target.value as BlueprintKind })}
            >
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="choice" htmlFor={ids.skip}>
          <input
            id={ids.skip}
            type="checkbox"
            checked={choice.skip}
            disabled={disabled}
            onChange={(event) => onChange({ ...choice, skip: event.target.checked })}
          />{' '}
          Skip
        </label>
      </div>
    </section>
  );
}

function summaryFindings(item: ImportPreviewItem) {
  return item.scan?.findings ?? [];
}
