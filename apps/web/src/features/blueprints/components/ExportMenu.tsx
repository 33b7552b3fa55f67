import { useId, useMemo, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { FormError } from '../../../shared/components/FormError';
import { exportUrl } from '../api/blueprints-api';
import type { BlueprintDetail, FormatTarget } from '../api/blueprint-types';
import { useRender } from '../hooks/use-blueprint';
import { CodeView } from './MarkdownView';
import { HiddenContentDownloads } from './HiddenContentDownloads';
import { filledValues } from './VariablesForm';

const PREVIEW_LANGUAGE: Record<string, string> = {
  markdown: 'markdown',
  mdc: 'markdown',
  json: 'json',
  yaml: 'yaml',
  toml: 'ini',
};

interface ExportMenuProps {
  blueprint: BlueprintDetail;
  formats: FormatTarget[];
  values: Record<string, string>;
}

/** Groups the targets that accept this kind by tool, for an <optgroup> per tool. */
function byTool(formats: FormatTarget[]): Array<{ toolName: string; formats: FormatTarget[] }> {
  const groups = new Map<string, FormatTarget[]>();
  for (const format of formats) groups.set(format.toolName, [...(groups.get(format.toolName) ?? []), format]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([toolName, list]) => ({ toolName, formats: list }));
}

/** Tool → file preview (converted by the server, variables filled) → copy or download. */
export function ExportMenu({ blueprint, formats, values }: ExportMenuProps) {
  const selectId = useId();
  const usable = useMemo(
    () => formats.filter((format) => format.kinds.includes(blueprint.kind)),
    [formats, blueprint.kind],
  );
  const [format, setFormat] = useState(() =>
    usable.some((target) => target.id === blueprint.format) ? blueprint.format : (usable[0]?.id ?? ''),
  );
  const render = useRender(blueprint.id);
  const target = usable.find((candidate) => candidate.id === format);
  const preview = render.data && render.data.format === format ? render.data : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (format) render.mutate({ format, values: filledValues(values) });
  }

  if (usable.length === 0) return <p className="empty-state">No export format accepts this kind of blueprint.</p>;

  return (
    <div className="stack">
      <HiddenContentDownloads blueprint={blueprint} format={format} />
      <form className="cluster" onSubmit={submit} aria-label="Export">
        <div className="field export__field">
          <label className="field__label" htmlFor={selectId}>
            Tool and format
          </label>
          <select
            id={selectId}
            className="select"
            value={format}
            onChange={(event) => {
              setFormat(event.target.value);
              render.reset();
            }}
          >
            {byTool(usable).map((group) => (
              <optgroup key={group.toolName} label={group.toolName}>
                {group.formats.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary export__button" disabled={render.isPending}>
          {render.isPending ? 'Converting…' : 'Preview file'}
        </button>
      </form>
      {target && (
        <p className="field__hint">
          Written to <code>{target.path}</code>
          {target.docsUrl && (
            <>
              {' · '}
              <a href={target.docsUrl} rel="noopener noreferrer">
                {target.toolName} documentation
              </a>
            </>
          )}
        </p>
      )}
      {render.error && <FormError error={render.error} />}
      {preview && (
        <section className="stack stack--tight" aria-label="File preview">
          <p className="export__path">
            <code>{preview.path}</code>
          </p>
          {preview.unresolved.length > 0 && (
            <p className="field__hint">
              Left as placeholders: {preview.unresolved.map((name) => `[[${name}]]`).join(', ')}
            </p>
          )}
          <CodeView code={preview.content} language={PREVIEW_LANGUAGE[target?.syntax ?? ''] ?? 'markdown'} />
          <div className="cluster">
            <CopyButton text={preview.content} label="Copy to clipboard" />
            <a
              className="button button--secondary button--small"
              href={exportUrl(blueprint.id, format)}
              download={preview.fileName}
            >
              Download {preview.fileName}
            </a>
            <a
              className="button button--secondary button--small"
              href={exportUrl(blueprint.id, format, 'zip')}
              download
            >
              Download as zip
            </a>
          </div>
          {Object.keys(filledValues(values)).length > 0 && (
            <p className="field__hint">
              Downloads come straight from the server without the values typed on this page; copy the preview to keep
              them.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
