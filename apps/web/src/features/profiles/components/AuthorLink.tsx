import { Link } from 'react-router';
import type { AuthorRef, BlueprintSummary } from '../../blueprints/api/blueprint-types';
import { AuthorName } from '../../blueprints/components/BlueprintBadges';
import { httpUrl } from '../../../shared/safe-url';
import { profilePath, remoteAuthorProfileUrl } from '../profile-path';
import './profile.css';

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
    // An organization's blueprints carry its avatar, so they read as the organization's at a glance.
    const avatar = author.kind === 'organization' ? httpUrl(author.avatarUrl) : undefined;
    return (
      <Link to={profilePath(author.handle)}>
        {avatar && <img className="author__avatar" src={avatar} alt="" width={16} height={16} />}
        <AuthorName author={author} />
        {author.kind === 'organization' && <span className="visually-hidden"> (organization)</span>}
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
