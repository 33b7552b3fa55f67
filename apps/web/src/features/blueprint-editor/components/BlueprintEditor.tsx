import { parseVariables } from '@lynxprompt/formats/browser';
import { useDeferredValue, useId, useMemo, useState, type FormEvent } from 'react';
import {
  CATEGORIES,
  KIND_LABELS,
  BLUEPRINT_KINDS,
  MAX_CONTENT_BYTES,
  MAX_CONTENT_LINES,
  VISIBILITY_LABELS,
  type BlueprintDetail,
  type BlueprintKind,
  type FormatTarget,
  type Visibility,
} from '../../blueprints/api/blueprint-types';
import { BlueprintContent } from '../../blueprints/components/BlueprintContent';
import { useAcknowledgedFindings, WriteErrorNotice } from '../../blueprints/components/WriteErrorNotice';
import { byteLength, countLines, formatBytes } from '../../blueprints/content';
import type { MyOrganization } from '../../content-owner/api/owner-api';
import { OwnerPicker } from '../../content-owner/components/OwnerPicker';
import { useMyOrganizationRoles } from '../../content-owner/hooks/use-content-owners';
import { allowanceFor, organizationOf, type OwnerAllowance } from '../../content-owner/owner-rules';
import {
  createBody,
  effectiveFormat,
  formatsForKind,
  tagsError,
  tagsHint,
  updateBody,
  type EditorFields,
} from '../editor-form';
import { useLiveScan } from '../hooks/use-live-scan';
import { useSaveBlueprint } from '../hooks/use-save-blueprint';
import { ExportPreview } from './ExportPreview';
import { LiveScanPanel } from './LiveScanPanel';
import './editor.css';

const VISIBILITY_HINTS: Record<Visibility, string> = {
  private: 'Only you. Secrets are allowed here.',
  team: 'Members of the organization only; never in the catalogue or shared with other instances.',
  unlisted: 'Anyone with the link; not listed in the catalogue.',
  public: 'Listed in the catalogue once published.',
};

const ORGANIZATION_PRIVATE_HINT = 'The organization’s Owners, Admins and Members only. Secrets are allowed here.';

/**
 * What the owner allows: for a new blueprint the chosen owner; for an existing one its author, with my role when it
 * is one of my organizations (unknown role: everything, and the API has the last word).
 */
function editorAllowance(
  base: BlueprintDetail | undefined,
  chosen: MyOrganization | undefined,
  organizations: MyOrganization[] | undefined,
): OwnerAllowance & { organizationOwned: boolean } {
  if (!base) return { ...allowanceFor(chosen), organizationOwned: chosen !== undefined };
  if (base.author.kind !== 'organization') return { ...allowanceFor(undefined), organizationOwned: false };
  const mine = organizationOf(base.author, organizations);
  const allowance = mine
    ? allowanceFor(mine)
    : { visibilities: ['private', 'team', 'unlisted', 'public'] as Visibility[], mayPublish: true };
  // A Member editing an organization blueprint someone else shared keeps its visibility on screen.
  const visibilities = allowance.visibilities.includes(base.visibility)
    ? allowance.visibilities
    : [...allowance.visibilities, base.visibility];
  return { ...allowance, visibilities, organizationOwned: true };
}

interface BlueprintEditorProps {
  /** The blueprint being edited (its draft), or undefined for a new one. */
  base?: BlueprintDetail;
  /** For a new one: the owner chosen to begin with (an organization where I create), or undefined for me. */
  initialOwner?: MyOrganization;
  initial: EditorFields;
  formats: FormatTarget[];
  onSaved: (detail: BlueprintDetail) => void;
  /** After a 412: read the blueprint again (the caller keeps the text typed here for the author). */
  onReload: (unsaved: EditorFields) => void;
}

/** The form behind /blueprints/new and /blueprints/:id/edit: metadata, content with live preview and live scan. */
export function BlueprintEditor({ base, initialOwner, initial, formats, onSaved, onReload }: BlueprintEditorProps) {
  const ids = {
    name: useId(),
    description: useId(),
    kind: useId(),
    format: useId(),
    category: useId(),
    tags: useId(),
    tagsHelp: useId(),
    license: useId(),
    content: useId(),
    contentHelp: useId(),
    changelog: useId(),
  };
  const [fields, setFields] = useState<EditorFields>(initial);
  const [owner, setOwner] = useState<MyOrganization | undefined>(base ? undefined : initialOwner);
  const organizations = useMyOrganizationRoles().data;
  const allowance = editorAllowance(base, owner, organizations);
  const save = useSaveBlueprint();
  // Possible secrets the author confirmed, by finding id: every save sends them, so ticking and pressing the save
  // button is enough, and a failed save does not untick them.
  const acknowledged = useAcknowledgedFindings();
  const scan = useLiveScan(fields.content);
  const preview = useDeferredValue(fields.content);
  const variables = useMemo(() => parseVariables(fields.content), [fields.content]);

  const format = effectiveFormat(fields, formats);
  const usableFormats = formatsForKind(formats, fields.kind);
  const syntax = formats.find((target) => target.id === format)?.syntax;
  const tagProblem = tagsError(fields.tags);
  const bytes = byteLength(fields.content);
  const lines = countLines(fields.content);
  const oversize = bytes > MAX_CONTENT_BYTES || lines > MAX_CONTENT_LINES;

  function set<K extends keyof EditorFields>(key: K, value: EditorFields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
  }

  /** A new owner may not allow what was chosen for the previous one: fall back to a private draft. */
  function chooseOwner(organization: MyOrganization | undefined) {
    setOwner(organization);
    const allowed = allowanceFor(organization);
    setFields((current) => ({
      ...current,
      visibility: allowed.visibilities.includes(current.visibility) ? current.visibility : 'private',
      publish: allowed.mayPublish && current.publish,
    }));
  }

  function submit() {
    if (tagProblem) return;
    const acknowledgedFindings = acknowledged.ids.size > 0 ? [...acknowledged.ids] : undefined;
    save.mutate(
      base
        ? { mode: 'update', base, body: updateBody(fields, format, base, acknowledgedFindings) }
        : {
            mode: 'create',
            body: {
              ...createBody(fields, format, acknowledgedFindings),
              ...(owner ? { organization: owner.slug } : {}),
            },
          },
      { onSuccess: onSaved },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <form className="editor" onSubmit={onSubmit} aria-label={base ? `Edit ${base.name}` : 'New blueprint'}>
      <div className="editor__meta form-grid">
        {!base && <OwnerPicker value={owner?.slug} onChange={chooseOwner} />}
        <div className="field">
          <label className="field__label" htmlFor={ids.name}>
            Name
          </label>
          <input
            id={ids.name}
            className="input"
            required
            maxLength={120}
            value={fields.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.kind}>
            Kind
          </label>
          <select
            id={ids.kind}
            className="select"
            value={fields.kind}
            onChange={(event) => set('kind', event.target.value as BlueprintKind)}
          >
            {BLUEPRINT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.format}>
            Tool and format
          </label>
          <select
            id={ids.format}
            className="select"
            value={format}
            onChange={(event) => set('format', event.target.value)}
          >
            {usableFormats.map((target) => (
              <option key={target.id} value={target.id}>
                {target.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field editor__wide">
          <label className="field__label" htmlFor={ids.description}>
            Description
          </label>
          <input
            id={ids.description}
            className="input"
            maxLength={1000}
            value={fields.description}
            onChange={(event) => set('description', event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.category}>
            Category
          </label>
          <select
            id={ids.category}
            className="select"
            value={fields.category}
            onChange={(event) => set('category', event.target.value as EditorFields['category'])}
          >
            <option value="">None</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.tags}>
            Tags
          </label>
          <input
            id={ids.tags}
            className="input"
            value={fields.tags}
            placeholder="react, typescript, testing"
            aria-invalid={tagProblem ? true : undefined}
            aria-describedby={ids.tagsHelp}
            onChange={(event) => set('tags', event.target.value)}
          />
          <p
            id={ids.tagsHelp}
            className={tagProblem ? 'text-warning' : 'field__hint'}
            role={tagProblem ? 'alert' : undefined}
          >
            {tagProblem ?? tagsHint(fields.tags)}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.license}>
            Licence
          </label>
          <input
            id={ids.license}
            className="input"
            value={fields.license}
            placeholder="Instance default"
            spellCheck={false}
            onChange={(event) => set('license', event.target.value)}
          />
          <p className="field__hint">An SPDX expression, e.g. MIT or CC-BY-4.0.</p>
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>Visibility</legend>
        <div className="choice-grid">
          {allowance.visibilities.map((visibility) => (
            <label key={visibility} className="choice">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                checked={fields.visibility === visibility}
                onChange={() => set('visibility', visibility)}
              />
              <span className="choice__text">
                <span className="choice__label">{VISIBILITY_LABELS[visibility]}</span>
                <span className="choice__hint">
                  {visibility === 'private' && allowance.organizationOwned
                    ? ORGANIZATION_PRIVATE_HINT
                    : VISIBILITY_HINTS[visibility]}
                </span>
              </span>
            </label>
          ))}
        </div>
        {allowance.restriction && (
          <p className="field__hint" role="note">
            {allowance.restriction}
          </p>
        )}
      </fieldset>

      <div className="editor__panes">
        <div className="field editor__source">
          <label className="field__label" htmlFor={ids.content}>
            Content
          </label>
          <textarea
            id={ids.content}
            className="input editor__textarea"
            value={fields.content}
            spellCheck={false}
            aria-describedby={ids.contentHelp}
            aria-invalid={oversize ? true : undefined}
            onChange={(event) => set('content', event.target.value)}
          />
          <p id={ids.contentHelp} className={oversize ? 'text-warning' : 'field__hint'}>
            {formatBytes(bytes)} of {formatBytes(MAX_CONTENT_BYTES)} · {lines.toLocaleString('en')} of{' '}
            {MAX_CONTENT_LINES.toLocaleString('en')} lines. Markdown; use <code>[[NAME]]</code> for variables.
          </p>
        </div>
        <section className="editor__preview" aria-label="Preview">
          <h2 className="editor__pane-title">Preview</h2>
          {preview.trim() ? (
            <BlueprintContent content={preview} syntax={syntax} />
          ) : (
            <p className="field__hint">The rendered content shows here as you type.</p>
          )}
        </section>
      </div>

      <ExportPreview content={fields.content} kind={fields.kind} format={format} name={fields.name} formats={formats} />

      <LiveScanPanel
        result={scan.result}
        error={scan.error}
        scanning={scan.scanning}
        empty={scan.empty}
        variables={variables}
      />

      <div className="editor__save subpanel stack stack--tight">
        <div className="field">
          <label className="field__label" htmlFor={ids.changelog}>
            What changed (changelog)
          </label>
          <input
            id={ids.changelog}
            className="input"
            maxLength={500}
            value={fields.changelog}
            placeholder={base ? 'e.g. Added testing conventions' : 'First version'}
            onChange={(event) => set('changelog', event.target.value)}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={fields.publish}
            disabled={!allowance.mayPublish}
            onChange={(event) => set('publish', event.target.checked)}
          />
          <span className="choice__text">
            <span className="choice__label">Publish this version</span>
            <span className="choice__hint">
              {allowance.mayPublish
                ? allowance.organizationOwned
                  ? 'Readers see the latest published version; without this, the change stays a draft for the organization’s authors.'
                  : 'Readers see the latest published version; without this, the change stays a draft only you see.'
                : 'Only an Admin or Owner of the organization publishes its blueprints.'}
            </span>
          </span>
        </label>
        {save.error && (
          <WriteErrorNotice
            key={save.error.requestId ?? save.error.code}
            error={save.error}
            busy={save.isPending}
            acknowledged={acknowledged}
            onMakePrivate={() => {
              set('visibility', 'private');
              save.reset();
            }}
            onReload={() => onReload(fields)}
          />
        )}
        <div className="cluster">
          <button type="submit" className="button button--primary" disabled={save.isPending || Boolean(tagProblem)}>
            {save.isPending
              ? 'Saving…'
              : fields.publish
                ? 'Save and publish'
                : base
                  ? 'Save draft'
                  : 'Create blueprint'}
          </button>
        </div>
      </div>
    </form>
  );
}
