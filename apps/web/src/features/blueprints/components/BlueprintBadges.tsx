import type { AuthorRef, BlueprintSummary } from '../api/blueprint-types';

export function AuthorName({ author }: { author: AuthorRef }) {
  return (
    <span className="author">
      {author.displayName} <span className="author__handle">@{author.handle}</span>
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
