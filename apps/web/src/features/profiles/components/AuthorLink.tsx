import { Link } from 'react-router';
import type { AuthorRef, BlueprintSummary } from '../../blueprints/api/blueprint-types';
import { AuthorName } from '../../blueprints/components/BlueprintBadges';
import { profilePath, remoteAuthorProfileUrl } from '../profile-path';

interface AuthorLinkProps {
  author: AuthorRef;
  origin: BlueprintSummary['origin'];
  /** Where a remote author without a profile URL links instead (e.g. the catalogue filtered by them); none: text. */
  fallbackTo?: string;
}

/**
 * A blueprint's author, linking to their profile: `/@handle` here, or their profile on the blueprint's own instance
 * (a new tab; nofollow, as the address comes from another instance).
 */
export function AuthorLink({ author, origin, fallbackTo }: AuthorLinkProps) {
  if (origin.local) {
    return (
      <Link to={profilePath(author.handle)}>
        <AuthorName author={author} />
      </Link>
    );
  }
  const remote = remoteAuthorProfileUrl(origin);
  if (remote) {
    return (
      <a href={remote} target="_blank" rel="noopener noreferrer nofollow">
        <AuthorName author={author} />{' '}
        <span className="visually-hidden">(profile on {origin.instance}, opens in a new tab)</span>
      </a>
    );
  }
  if (fallbackTo) {
    return (
      <Link to={fallbackTo}>
        <AuthorName author={author} />
      </Link>
    );
  }
  return <AuthorName author={author} />;
}
