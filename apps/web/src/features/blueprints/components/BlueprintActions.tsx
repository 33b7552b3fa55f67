import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import type { MyOrganization } from '../../content-owner/api/owner-api';
import { BlueprintTransfer } from '../../content-owner/components/ContentTransfer';
import { OwnerPicker } from '../../content-owner/components/OwnerPicker';
import { useMyOrganizationRoles } from '../../content-owner/hooks/use-content-owners';
import { mayCreateIn, mayManageIn, organizationOf } from '../../content-owner/owner-rules';
import { useSetRemoteHidden } from '../../federation/hooks/use-federation';
import { signInPath } from '../../session/return-to';
import type { BlueprintDetail } from '../api/blueprint-types';
import { useFork, useOwnerActions, useReloadBlueprint, useToggleFavorite } from '../hooks/use-blueprint';
import { useAcknowledgedFindings, WriteErrorNotice } from './WriteErrorNotice';

interface BlueprintActionsProps {
  blueprint: BlueprintDetail;
  signedIn: boolean;
  /** Administrators may hide another instance's blueprint here. */
  isAdmin?: boolean;
}

/**
 * Favourite and fork for any signed-in reader; edit, publish, unpublish and delete for the owner. Another instance's
 * blueprint is read-only: fork it, or (admins) hide it.
 */
export function BlueprintActions({ blueprint, signedIn, isAdmin = false }: BlueprintActionsProps) {
  return blueprint.origin.local ? (
    <LocalBlueprintActions blueprint={blueprint} signedIn={signedIn} />
  ) : (
    <RemoteBlueprintActions blueprint={blueprint} signedIn={signedIn} isAdmin={isAdmin} />
  );
}

/**
 * Fork: straight away into my account, or, when I may create in an organization, after choosing the owner of the copy
 * (the same owner choice as the editor's).
 */
function ForkButton({ blueprint, onError }: { blueprint: BlueprintDetail; onError: (error: unknown) => void }) {
  const navigate = useNavigate();
  const fork = useFork(blueprint.id);
  const { data: organizations } = useMyOrganizationRoles();
  const [choosing, setChoosing] = useState(false);
  const [owner, setOwner] = useState<MyOrganization | undefined>();
  const canChoose = (organizations ?? []).some((organization) => mayCreateIn(organization.role));

  function run() {
    fork.mutate(owner ? { organization: owner.slug } : undefined, {
      onSuccess: (copy) => void navigate(`/blueprints/${copy.id}`),
      onError,
    });
  }

  if (choosing) {
    return (
      <div className="subpanel stack stack--tight" role="group" aria-label={`Fork ${blueprint.name}`}>
        <OwnerPicker value={owner?.slug} onChange={setOwner} noun="fork" disabled={fork.isPending} />
        <div className="cluster">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={fork.isPending}
            onClick={run}
          >
            {fork.isPending ? 'Forking…' : 'Fork'}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={fork.isPending}
            onClick={() => setChoosing(false)}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={fork.isPending}
      onClick={() => (canChoose ? setChoosing(true) : run())}
    >
      {fork.isPending ? 'Forking…' : canChoose ? 'Fork…' : 'Fork'}
    </button>
  );
}

/** Another instance's blueprint: nothing here changes it. Fork a copy into your account; admins hide or unhide it. */
function RemoteBlueprintActions({ blueprint, signedIn, isAdmin }: Required<BlueprintActionsProps>) {
  const { pathname } = useLocation();
  const moderation = useSetRemoteHidden(blueprint.id);
  const [lastError, setLastError] = useState<unknown>();
  const hidden = blueprint.origin.hidden === true;

  return (
    <div className="stack stack--tight">
      <div className="cluster blueprint__actions">
        {signedIn ? (
          <ForkButton blueprint={blueprint} onError={(error) => setLastError(error)} />
        ) : (
          <Link className="button button--secondary button--small" to={signInPath(pathname)}>
            Sign in to fork
          </Link>
        )}
        {isAdmin && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={moderation.isPending}
            onClick={() => {
              setLastError(undefined);
              moderation.mutate(!hidden, { onError: (error) => setLastError(error) });
            }}
          >
            {moderation.isPending ? (hidden ? 'Unhiding…' : 'Hiding…') : hidden ? 'Unhide' : 'Hide'}
          </button>
        )}
      </div>
      {hidden && (
        <p className="callout callout--warning" role="note">
          Hidden by an administrator: it is out of the catalogue, and only administrators can open it.
        </p>
      )}
      {lastError !== undefined && (
        <WriteErrorNotice key={String((lastError as { requestId?: string }).requestId)} error={lastError} />
      )}
    </div>
  );
}

function LocalBlueprintActions({ blueprint, signedIn }: Omit<BlueprintActionsProps, 'isAdmin'>) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const favorite = useToggleFavorite(blueprint.id);
  const owner = useOwnerActions(blueprint);
  // In an organization, Members edit; publishing and deleting take an Admin or Owner (the API answers 403 otherwise).
  const { data: organizations } = useMyOrganizationRoles();
  const role = organizationOf(blueprint.author, organizations)?.role;
  const manages = role === undefined || mayManageIn(role);
  const reload = useReloadBlueprint(blueprint.id);
  const [lastError, setLastError] = useState<{ error: unknown; retry?: () => void } | undefined>();
  // Possible secrets the owner confirmed: sent with every publish, whichever button starts it, and kept if it fails.
  const acknowledged = useAcknowledgedFindings();

  const headPublished = blueprint.publishedVersion === blueprint.headVersion;

  function publish() {
    setLastError(undefined);
    const acknowledgedFindings = [...acknowledged.ids];
    owner.publish.mutate(
      { version: blueprint.headVersion, ...(acknowledgedFindings.length > 0 ? { acknowledgedFindings } : {}) },
      { onError: (error) => setLastError({ error, retry: publish }) },
    );
  }

  return (
    <div className="stack stack--tight">
      <div className="cluster blueprint__actions">
        {signedIn ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={blueprint.isFavorite}
            disabled={favorite.isPending}
            onClick={() => favorite.mutate(!blueprint.isFavorite, { onError: (error) => setLastError({ error }) })}
          >
            {blueprint.isFavorite ? '★ Favourited' : '☆ Favourite'}
          </button>
        ) : (
          <Link className="button button--secondary button--small" to={signInPath(pathname)}>
            Sign in to favourite or fork
          </Link>
        )}
        {signedIn && !blueprint.isOwner && (
          <ForkButton blueprint={blueprint} onError={(error) => setLastError({ error })} />
        )}
        {blueprint.isOwner && (
          <>
            <Link className="button button--primary button--small" to={`/blueprints/${blueprint.id}/edit`}>
              Edit
            </Link>
            {manages && !headPublished && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={owner.publish.isPending}
                onClick={() => publish()}
              >
                {owner.publish.isPending ? 'Publishing…' : `Publish version ${blueprint.headVersion}`}
              </button>
            )}
            {manages && blueprint.publishedVersion !== null && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={owner.unpublish.isPending}
                onClick={() => {
                  setLastError(undefined);
                  owner.unpublish.mutate(undefined, { onError: (error) => setLastError({ error }) });
                }}
              >
                {owner.unpublish.isPending ? 'Unpublishing…' : 'Unpublish'}
              </button>
            )}
            {manages && (
              <ConfirmAction
                label="Delete"
                busyLabel="Deleting…"
                busy={owner.remove.isPending}
                triggerAriaLabel={`Delete ${blueprint.name}`}
                confirmAriaLabel={`Confirm deleting ${blueprint.name}`}
                onOpen={() => setLastError(undefined)}
                onConfirm={(close) =>
                  owner.remove.mutate(undefined, {
                    onSuccess: () => void navigate('/me/blueprints', { replace: true }),
                    onError: (error) => {
                      close();
                      setLastError({ error });
                    },
                  })
                }
              />
            )}
          </>
        )}
      </div>
      {blueprint.isOwner && !manages && (
        <p className="field__hint" role="note">
          As a Member of {blueprint.author.displayName} you edit its blueprints; an Admin or Owner publishes, deletes
          and transfers them.
        </p>
      )}
      {blueprint.isOwner && <BlueprintTransfer blueprint={blueprint} />}
      {lastError && (
        <WriteErrorNotice
          key={String((lastError.error as { requestId?: string }).requestId)}
          error={lastError.error}
          busy={owner.publish.isPending}
          onAcknowledge={lastError.retry}
          acknowledged={acknowledged}
          onReload={() => {
            setLastError(undefined);
            void reload();
          }}
        />
      )}
    </div>
  );
}
