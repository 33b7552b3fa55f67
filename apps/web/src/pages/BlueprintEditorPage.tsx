import { useId, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { BlueprintEditor } from '../features/blueprint-editor/components/BlueprintEditor';
import { EMPTY_FIELDS, fieldsOf, type EditorFields } from '../features/blueprint-editor/editor-form';
import { OWNER_PARAM } from '../features/blueprint-editor/owner-param';
import type { BlueprintDetail } from '../features/blueprints/api/blueprint-types';
import '../features/blueprints/components/blueprint.css';
import { useBlueprint, useFormats, useReloadBlueprint } from '../features/blueprints/hooks/use-blueprint';
import { useMyOrganizationRoles } from '../features/content-owner/hooks/use-content-owners';
import { mayCreateIn } from '../features/content-owner/owner-rules';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { CopyButton } from '../shared/components/CopyButton';
import { LoadingState } from '../shared/components/LoadingState';

/** /blueprints/new and /blueprints/:id/edit. */
export function BlueprintEditorPage() {
  const { id } = useParams();
  return id ? <EditBlueprint key={id} id={id} /> : <NewBlueprint />;
}

function NewBlueprint() {
  usePageTitle('New blueprint');
  const navigate = useNavigate();
  const formats = useFormats();
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get(OWNER_PARAM) ?? undefined;
  const organizations = useMyOrganizationRoles();
  // ?organization=slug (an organization's "New blueprint"): that organization starts as the owner, once my
  // organizations are known, and only where I may create. Elsewhere the blueprint starts as mine.
  const preselected = wanted
    ? organizations.data?.find((organization) => organization.slug === wanted && mayCreateIn(organization.role))
    : undefined;
  const waitingForOwner = wanted !== undefined && organizations.isPending;
  return (
    <div className="stack">
      <h1 className="page-title">New blueprint</h1>
      {wanted && organizations.isSuccess && !preselected && (
        <p className="callout callout--warning" role="note">
          You can’t create blueprints for @{wanted}, so this one starts as yours. Choose another owner if you may.
        </p>
      )}
      {formats.data && !waitingForOwner ? (
        <BlueprintEditor
          key={preselected?.slug ?? ''}
          initialOwner={preselected}
          initial={EMPTY_FIELDS}
          formats={formats.data}
          onSaved={(detail) => void navigate(`/blueprints/${detail.id}`)}
          onReload={() => undefined}
        />
      ) : formats.isPending || waitingForOwner ? (
        <LoadingState label="Loading formats…" />
      ) : (
        <ApiErrorNotice
          title="The formats could not be loaded"
          error={formats.error}
          onRetry={() => void formats.refetch()}
          retrying={formats.isFetching}
        />
      )}
    </div>
  );
}

function EditBlueprint({ id }: { id: string }) {
  const navigate = useNavigate();
  const blueprint = useBlueprint(id);
  const formats = useFormats();
  const reload = useReloadBlueprint(id);
  // What the author had typed when a 412 made them reload: kept on screen so nothing they wrote is lost.
  const [unsaved, setUnsaved] = useState<EditorFields | undefined>();
  usePageTitle(blueprint.data ? `Edit ${blueprint.data.name}` : 'Edit blueprint');

  const failed = blueprint.error ?? formats.error;
  if (blueprint.data && formats.data) {
    const detail: BlueprintDetail = blueprint.data;
    if (!detail.isOwner) {
      return (
        <div className="message-page">
          <h1 className="message-page__title">You can’t edit this blueprint</h1>
          <p className="message-page__body">Only its owner can. Fork it to make your own copy.</p>
          <div className="message-page__actions">
            <Link className="button button--primary" to={`/blueprints/${detail.id}`}>
              Back to the blueprint
            </Link>
          </div>
        </div>
      );
    }
    return (
      <div className="stack">
        <div className="stack stack--tight">
          <h1 className="page-title">Edit {detail.name}</h1>
          <p className="field__hint">
            Editing the draft, version {detail.headVersion}. Saving a content change makes version{' '}
            {detail.headVersion + 1}. <Link to={`/blueprints/${detail.id}`}>Back to the blueprint</Link>
          </p>
        </div>
        {unsaved && <UnsavedText fields={unsaved} onDismiss={() => setUnsaved(undefined)} />}
        <BlueprintEditor
          // A new revision (after a reload) starts the form again from the server's copy.
          key={detail.revision}
          base={detail}
          initial={fieldsOf(detail)}
          formats={formats.data}
          onSaved={(saved) => void navigate(`/blueprints/${saved.id}`)}
          onReload={(fields) => {
            setUnsaved(fields);
            void reload();
          }}
        />
      </div>
    );
  }
  if (failed) {
    return (
      <ApiErrorNotice
        title="The blueprint could not be loaded"
        error={failed}
        onRetry={() => void Promise.all([blueprint.refetch(), formats.refetch()])}
        retrying={blueprint.isFetching || formats.isFetching}
      />
    );
  }
  return <LoadingState label="Loading the blueprint…" />;
}

function UnsavedText({ fields, onDismiss }: { fields: EditorFields; onDismiss: () => void }) {
  const textId = useId();
  return (
    <section className="callout callout--warning editor__stash" aria-label="Your unsaved text">
      <h2 className="callout__title">Your unsaved text</h2>
      <p>
        The form below now shows the latest saved version. This is what you had written; copy what you want to keep into
        it.
      </p>
      <label className="visually-hidden" htmlFor={textId}>
        Your unsaved content
      </label>
      <textarea id={textId} className="input editor__textarea" readOnly value={fields.content} />
      <div className="cluster">
        <CopyButton text={fields.content} label="Copy your text" />
        <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
