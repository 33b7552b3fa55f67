import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { BlueprintKind, FormatTarget } from '../../blueprints/api/blueprint-types';
import { BlueprintContent } from '../../blueprints/components/BlueprintContent';
import { ConversionReportView } from '../../blueprints/components/ConversionReport';
import { formatsForKind } from '../editor-form';
import { previewExport } from '../../blueprints/local-export';

interface ExportPreviewProps {
  content: string;
  kind: BlueprintKind;
  /** The format the draft is written in. */
  format: string;
  name: string;
  formats: FormatTarget[];
}

/** The draft converted to another tool's file as the author types, with what that tool loses; no round trip. */
export function ExportPreview({ content, kind, format, name, formats }: ExportPreviewProps) {
  const selectId = useId();
  const usable = formatsForKind(formats, kind);
  const [chosen, setChosen] = useState('');
  // By default the first other target of the kind: the draft's own format would show itself unchanged.
  const target = usable.find((candidate) => candidate.id === chosen) ?? usable.find((c) => c.id !== format);
  const targetId = target?.id;
  const draft = useDeferredValue(content);
  const preview = useMemo(
    () => (targetId && draft.trim() ? previewExport(draft, format, targetId, { name }) : undefined),
    // eslint-disable-next-line react-hooks/preserve-manual-memoization -- targetId is a string
    [draft, format, targetId, name],
  );

  if (!target) return null;
  return (
    <section className="editor__export stack stack--tight" aria-label="Export preview">
      <h2 className="editor__pane-title">As another tool reads it</h2>
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Export to
        </label>
        <select id={selectId} className="select" value={target.id} onChange={(event) => setChosen(event.target.value)}>
          {usable.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {!preview ? (
        <p className="field__hint">The converted file shows here as you type.</p>
      ) : 'problem' in preview ? (
        <p className="callout callout--warning" role="status">
          It cannot be converted yet: {preview.problem}
        </p>
      ) : (
        <>
          <ConversionReportView report={preview.file.report} targetLabel={target.label} />
          <div className="subpanel">
            <BlueprintContent content={preview.file.content} syntax={target.syntax} />
          </div>
        </>
      )}
    </section>
  );
}
