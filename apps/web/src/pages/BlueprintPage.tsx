import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BlueprintDetail } from '../features/blueprints/api/blueprint-types';
import { AttachedFiles } from '../features/blueprints/components/AttachedFiles';
import { BlueprintActions } from '../features/blueprints/components/BlueprintActions';
import { BlueprintContent } from '../features/blueprints/components/BlueprintContent';
import { BlueprintHeader } from '../features/blueprints/components/BlueprintHeader';
import { ExportMenu } from '../features/blueprints/components/ExportMenu';
import { FindingsWarning } from '../features/blueprints/components/FindingsWarning';
import { VariablesForm } from '../features/blueprints/components/VariablesForm';
import { VersionsPanel } from '../features/blueprints/components/VersionsPanel';
import { WriteErrorNotice } from '../features/blueprints/components/WriteErrorNotice';
import {
  useBlueprint,
  useFormats,
  useOwnerActions,
  useReloadBlueprint,
} from '../features/blueprints/hooks/use-blueprint';
import '../features/blueprints/components/blueprint.css';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { useSession } from '../features/session/hooks/use-session';
import { ApiError } from '../shared/api/api-error';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';

export function BlueprintPage() {
  const { id = '' } = useParams();
  const { data: blueprint, error, isPending, refetch, isFetching } = useBlueprint(id);
  usePageTitle(blueprint?.name ?? 'Blueprint');

  if (isPending) return <LoadingState label="Loading the blueprint…" />;
  if (!blueprint) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <div className="message-page">
          <p className="message-page__code">404</p>
          <h1 className="message-page__title">Blueprint not found</h1>
          <p className="message-page__body">It was deleted, made private, or the link is wrong.</p>
          <div className="message-page__actions">
            <Link className="button button--primary" to="/blueprints">
              Browse the catalogue
            </Link>
          </div>
        </div>
      );
    }
    return (
      <ApiErrorNotice
        title="The blueprint could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return <BlueprintView blueprint={blueprint} />;
}

function BlueprintView({ blueprint }: { blueprint: BlueprintDetail }) {
  const { data: session } = useSession();
  const signedIn = session?.status === 'active';
  const isAdmin = signedIn && session.user?.role === 'admin';
  const remote = !blueprint.origin.local;
  const formatsQuery = useFormats();
  const formats = formatsQuery.data;
  const format = formats?.find((target) => target.id === blueprint.format);
  const owner = useOwnerActions(blueprint);
  const reload = useReloadBlueprint(blueprint.id);
  const [values, setValues] = useState<Record<string, string>>({});

  return (
    <article className="blueprint">
      <div className="stack">
        <BlueprintHeader blueprint={blueprint} toolName={format?.toolName} />
        <BlueprintActions blueprint={blueprint} signedIn={signedIn} isAdmin={isAdmin} />
      </div>

      {blueprint.isOwner && (blueprint.isDraft || blueprint.publishedVersion === null) && (
        <p className="callout" role="note">
          {blueprint.publishedVersion === null
            ? `You are seeing the draft (version ${blueprint.version}). Nothing is published yet, so only ${blueprint.author.kind === 'organization' ? 'the organization’s Owners, Admins and Members' : 'you'} can see it.`
            : `You are seeing the draft (version ${blueprint.version}). Others see version ${blueprint.publishedVersion}.`}
        </p>
      )}

      <FindingsWarning
        findings={blueprint.findings}
        isOwner={blueprint.isOwner}
        remote={remote}
        onStripInvisible={blueprint.isOwner ? () => owner.strip.mutate() : undefined}
        stripping={owner.strip.isPending}
      />
      {owner.strip.data && (
        <p className="callout callout--success" role="status">
          Invisible characters removed in a new draft, version {owner.strip.data.headVersion}.
          {owner.strip.data.publishedVersion !== null && ' Publish it so readers get the clean copy.'}
        </p>
      )}
      {owner.strip.error && (
        <WriteErrorNotice
          error={owner.strip.error}
          onReload={() => {
            owner.strip.reset();
            void reload();
          }}
        />
      )}

      <SettingsSection title="Content">
        <BlueprintContent content={blueprint.content} syntax={format?.syntax} />
      </SettingsSection>

      {blueprint.files.length > 0 && (
        <SettingsSection
          title="Attached files"
          description={`The skill's folder holds these files beside its main file. Downloads come as a zip with all of them.`}
        >
          <AttachedFiles blueprintId={blueprint.id} version={blueprint.version} files={blueprint.files} />
        </SettingsSection>
      )}

      {blueprint.variables.length > 0 && (
        <SettingsSection
          title="Variables"
          description="This blueprint has placeholders written as [[NAME]]. Fill them in to get a ready-to-use file."
        >
          <VariablesForm
            blueprint={blueprint}
            values={values}
            onChange={setValues}
            signedIn={signedIn}
            syntax={format?.syntax}
          />
        </SettingsSection>
      )}

      <SettingsSection title="Export" description="Convert it to the file your tool reads, then copy or download it.">
        {formats ? (
          <ExportMenu blueprint={blueprint} formats={formats} values={values} />
        ) : formatsQuery.isPending ? (
          <LoadingState label="Loading export formats…" />
        ) : (
          <ApiErrorNotice
            title="Export formats could not be loaded"
            error={formatsQuery.error}
            onRetry={() => void formatsQuery.refetch()}
            retrying={formatsQuery.isFetching}
          />
        )}
      </SettingsSection>

      {/* Another instance's blueprint has its history there: this instance holds its current version only. */}
      {!remote && (
        <SettingsSection title="Versions">
          <VersionsPanel blueprint={blueprint} syntax={format?.syntax} />
        </SettingsSection>
      )}
    </article>
  );
}
