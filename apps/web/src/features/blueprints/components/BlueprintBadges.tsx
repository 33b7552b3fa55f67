import { VISIBILITY_LABELS, type AuthorRef, type BlueprintSummary } from '../api/blueprint-types';

/**
 * Who owns a blueprint: a person, or an organization (its name, with a visible "Org" mark; links to it say
 * "organization" to screen readers and show its avatar, see AuthorLink).
 */
export function AuthorName({ author }: { author: AuthorRef }) {
  const organization = author.kind === 'organization';
  return (
    <span className={organization ? 'author author--organization' : 'author'}>
      {author.displayName} <span className="author__handle">@{author.handle}</span>
      {organization && (
        <span className="author__kind" aria-hidden="true">
          Org
        </span>
      )}
    </span>
  );
}

/** `team` visibility, shown to whoever sees the blueprint (only the organization's members can). */
export function TeamBadge({ visibility }: { visibility: BlueprintSummary['visibility'] }) {
  if (visibility !== 'team') return null;
  return (
    <span className="badge badge--team" title="Only the organization’s members can see it">
      {VISIBILITY_LABELS.team}
    </span>
  );
}

/**
 * Where a blueprint lives: a quiet badge for this instance, a visible one for a federated copy, and a warning when
 * that copy comes from a legacy instance that signs nothing (so it could not be verified).
 */
export function OriginBadge({ origin }: { origin: BlueprintSummary['origin'] }) {
  if (origin.local) {
    return (
      <span className="badge badge--quiet" title="Published on this instance">
        <span className="visually-hidden">Origin: </span>
        {origin.instance}
      </span>
    );
  }
  return (
    <>
      <span className="badge badge--remote" title="Shared from another instance">
        From {origin.instance}
      </span>
      {origin.signed === false && (
        <span className="badge badge--danger" title="Its instance signs nothing, so this copy could not be verified">
          Unsigned
        </span>
      )}
      {origin.hidden && (
        <span className="badge" title="Hidden by an administrator: only administrators see it">
          Hidden
        </span>
      )}
    </>
  );
}
