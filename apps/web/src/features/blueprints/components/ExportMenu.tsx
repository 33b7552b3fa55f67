import { useId, useMemo, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { FormError } from '../../../shared/components/FormError';
import type { BlueprintDetail, FormatTarget } from '../api/blueprint-types';
import { useConversion, useDownload, useRender } from '../hooks/use-blueprint';
import { ConversionReportView } from './ConversionReport';
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

/**
 * Tool → what the conversion changes (fetched as soon as the tool is chosen) → file preview (converted by the server,
 * variables filled) → copy or download.
 */
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
  const download = useDownload(blueprint.id);
  const target = usable.find((candidate) => candidate.id === format);
  const preview = render.data && render.data.format === format ? render.data : undefined;
  const conversion = useConversion(blueprint.id, blueprint.revision, format);
  // The preview (values filled) is the freshest answer; until then, the conversion fetched when the target was chosen.
  const converted = preview ?? conversion.data;
  // A skill's folder is the main file and its attached files: only a zip gives the whole of it.
  const attached = converted?.files.length ?? blueprint.files.length;
  const multiFile = attached > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (format) render.mutate({ format, values: filledValues(values) });
  }

  if (usable.length === 0) return <p className="empty-state">No export format accepts this kind of blueprint.</p>;

  return (
    <div className="stack">
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
          Written to <code className="export__target-path">{converted?.path ?? target.path}</code>
          {multiFile && ` with ${attached} attached ${attached === 1 ? 'file' : 'files'} beside it`}
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
      {converted ? (
        <ConversionReportView report={converted.conversion} targetLabel={target?.label} />
      ) : conversion.isPending && format ? (
        <p className="field__hint" aria-busy="true">
          Checking what the conversion keeps…
        </p>
      ) : (
        conversion.error && (
          <FormError error={conversion.error}>
            <p>What the conversion changes could not be checked. Preview the file to try again.</p>
          </FormError>
        )
      )}
      {multiFile && (
        <p className="callout" role="note">
          This skill is a folder: downloads come as a zip holding <code>{converted?.fileName ?? 'SKILL.md'}</code> and
          its {attached} attached {attached === 1 ? 'file' : 'files'}, at the paths the tool reads.
        </p>
      )}
      <HiddenContentDownloads blueprint={blueprint} format={format} values={values} zipOnly={multiFile} />
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
            <CopyButton text={preview.content} label={multiFile ? `Copy ${preview.fileName}` : 'Copy to clipboard'} />
            {!multiFile && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={download.isPending}
                onClick={() => download.mutate({ format, values: filledValues(values) })}
              >
                Download {preview.fileName}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={download.isPending}
              onClick={() => download.mutate({ format, values: filledValues(values), archive: 'zip' })}
            >
              {multiFile ? 'Download the skill folder as zip' : 'Download as zip'}
            </button>
          </div>
          {download.error && <FormError error={download.error} />}
        </section>
      )}
    </div>
  );
}
