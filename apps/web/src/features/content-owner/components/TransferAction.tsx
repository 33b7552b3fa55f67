import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { FormError } from '../../../shared/components/FormError';
import type { AuthorRef } from '../../blueprints/api/blueprint-types';
import { errorCode, WRITE_ERROR_MESSAGES } from '../../blueprints/write-errors';
import { useSession } from '../../session/hooks/use-session';
import type { MyOrganization } from '../api/owner-api';
import { transferTargets } from '../owner-rules';

interface TransferActionProps {
  what: 'blueprint' | 'hierarchy';
  name: string;
  author: Pick<AuthorRef, 'kind' | 'handle' | 'displayName'>;
  /** My organizations with my role (only those I administer are offered). */
  organizations: readonly MyOrganization[];
  busy: boolean;
  error: unknown;
  /** Runs the transfer: an organization's slug, or null for my own account; a new slug after SLUG_TAKEN. */
  onTransfer: (organization: string | null, slug: string | undefined, done: () => void) => void;
  /** Clears the last error (when the dialog opens or the choice changes). */
  onReset: () => void;
}

const ME = '';

/**
 * "Transfer": move content between my account and an organization I administer (Admin or Owner), after a
 * confirmation that says what stays (id, address, versions, forks, favourites) and what changes (the author, who may
 * edit it).
 */
export function TransferAction({
  what,
  name,
  author,
  organizations,
  busy,
  error,
  onTransfer,
  onReset,
}: TransferActionProps) {
  const ids = { target: useId(), slug: useId(), title: useId() };
  const { data: session } = useSession();
  const targets = transferTargets(author, organizations);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string>(targets.toMe ? ME : (targets.organizations[0]?.slug ?? ME));
  const [slug, setSlug] = useState('');
  const slugTaken = what === 'blueprint' && errorCode(error) === 'SLUG_TAKEN';

  if (!targets.toMe && targets.organizations.length === 0) return null;

  if (!open) {
    return (
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          onReset();
          setOpen(true);
        }}
      >
        Transfer
      </button>
    );
  }

  const me = session?.user;
  const destination =
    target === ME
      ? me
        ? `your account (@${me.handle})`
        : 'your account'
      : (organizations.find((organization) => organization.slug === target)?.name ?? target);

  return (
    <section className="subpanel stack stack--tight transfer" role="group" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="subpanel__title">
        Transfer {name}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={ids.target}>
          New owner
        </label>
        <select
          id={ids.target}
          className="select"
          value={target}
          disabled={busy}
          onChange={(event) => {
            onReset();
            setTarget(event.target.value);
          }}
        >
          {targets.toMe && <option value={ME}>{me ? `You (@${me.handle})` : 'You'}</option>}
          {targets.organizations.map((organization) => (
            <option key={organization.slug} value={organization.slug}>
              {organization.name} (@{organization.slug})
            </option>
          ))}
        </select>
      </div>
      <p className="field__hint">
        {author.displayName} will no longer own it: {destination} will.{' '}
        {what === 'blueprint'
          ? 'Its id and address, versions, forks and favourites stay as they are.'
          : 'All its blueprints move along; their ids, addresses, versions, forks and favourites stay as they are.'}{' '}
        {target === ME
          ? 'Only you will be able to edit it.'
          : 'The organization’s Members will edit it, and its Admins and Owners publish, delete and transfer it.'}
      </p>
      {slugTaken && (
        <div className="field">
          <label className="field__label" htmlFor={ids.slug}>
            New slug
          </label>
          <input
            id={ids.slug}
            className="input"
            value={slug}
            spellCheck={false}
            onChange={(event) => setSlug(event.target.value)}
          />
          <p className="field__hint">
            Lower-case letters, digits and “-”: the new owner has no blueprint by that slug.
          </p>
        </div>
      )}
      {error !== undefined && error !== null && <TransferError error={error} what={what} destination={destination} />}
      <div className="cluster">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy || (slugTaken && !slug.trim())}
          onClick={() =>
            onTransfer(target === ME ? null : target, slugTaken && slug.trim() ? slug.trim() : undefined, () =>
              setOpen(false),
            )
          }
        >
          {busy ? 'Transferring…' : `Transfer to ${destination}`}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => {
            onReset();
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </section>
  );
}

function detailsOf(error: unknown): Record<string, unknown> {
  return error instanceof ApiError && typeof error.details === 'object' && error.details !== null
    ? (error.details as Record<string, unknown>)
    : {};
}

/** A refused transfer, explained by its code. */
function TransferError({ error, what, destination }: { error: unknown; what: string; destination: string }) {
  const code = errorCode(error);
  const details = detailsOf(error);
  if (code === 'TRANSFER_HIERARCHY_MEMBER') {
    const hierarchyId = typeof details.hierarchyId === 'string' ? details.hierarchyId : undefined;
    return (
      <FormError error={error} message={WRITE_ERROR_MESSAGES.TRANSFER_HIERARCHY_MEMBER}>
        {hierarchyId && <Link to={`/hierarchies/${hierarchyId}`}>Open the hierarchy</Link>}
      </FormError>
    );
  }
  if (code === 'SLUG_TAKEN') {
    const slugs = Array.isArray(details.slugs) ? (details.slugs as string[]) : undefined;
    return (
      <FormError
        error={error}
        message={
          slugs
            ? `${destination} already has blueprints with these slugs: ${slugs.join(', ')}. Rename them first.`
            : `${destination} already has a ${what} with this slug. Give it a new slug to transfer it.`
        }
      />
    );
  }
  if (code === 'ORGANIZATION_ROLE_REQUIRED') {
    return (
      <FormError
        error={error}
        message="Only an Admin or Owner of the organization may transfer its content, or give content to it."
      />
    );
  }
  return <FormError error={error} message={code ? WRITE_ERROR_MESSAGES[code] : undefined} />;
}
