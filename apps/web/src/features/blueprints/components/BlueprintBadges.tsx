import type { AuthorRef, BlueprintSummary } from '../api/blueprint-types';

export function AuthorName({ author }: { author: AuthorRef }) {
  return (
    <span className="author">
      {author.displayName} <span className="author__handle">@{author.handle}</span>
    </span>
  );
}

/** Where a blueprint lives: a quiet badge for this instance, a visible one for a federated copy. */
export function OriginBadge({ origin }: { origin: BlueprintSummary['origin'] }) {
  return origin.local ? (
    <span className="badge badge--quiet" title="Published on this instance">
      <span className="visually-hidden">Origin: </span>
      {origin.instance}
    </span>
  ) : (
    <span className="badge badge--remote" title="Shared from another instance">
      From {origin.instance}
    </span>
  );
}
