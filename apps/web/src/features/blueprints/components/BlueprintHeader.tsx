import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../../shared/format';
import { httpUrl } from '../../../shared/safe-url';
import { KIND_LABELS, VISIBILITY_LABELS, type BlueprintDetail } from '../api/blueprint-types';
import { AuthorLink } from '../../profiles/components/AuthorLink';
import { profilePath } from '../../profiles/profile-path';
import { AuthorName, OriginBadge, TeamBadge } from './BlueprintBadges';

/**
 * The catalogue filtered by a remote author, for peers that give no profile URL: on another instance, a handle only
 * means something with that instance.
 */
function remoteAuthorSearch(blueprint: BlueprintDetail): string {
  const params = new URLSearchParams();
  if (!blueprint.origin.local) params.set('instance', blueprint.origin.instance);
  params.set('author', blueprint.author.handle);
  return `/blueprints?${params.toString()}`;
}

/** An address from another instance: a link (in a new tab) only when it is an http(s) URL, plain text otherwise. */
function ExternalLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  const url = httpUrl(href);
  if (!url) return <>{children}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children} <span className="visually-hidden">(opens in a new tab)</span>
    </a>
  );
}

/** Name, description and the facts a reader checks before using a blueprint: who, which licence, which version. */
export function BlueprintHeader({ blueprint, toolName }: { blueprint: BlueprintDetail; toolName?: string }) {
  const { origin } = blueprint;
  const originalUrl = httpUrl(origin.url);
  const remoteFork = blueprint.forkedFromRemote;
  return (
    <header className="blueprint__header">
      <p className="blueprint__eyebrow cluster">
        <span className="badge badge--accent">{KIND_LABELS[blueprint.kind]}</span>
        <span>{toolName ?? blueprint.tool}</span>
        <OriginBadge origin={blueprint.origin} />
        {blueprint.isOwner ? (
          <span className={blueprint.visibility === 'team' ? 'badge badge--team' : 'badge'}>
            {VISIBILITY_LABELS[blueprint.visibility]}
          </span>
        ) : (
          <TeamBadge visibility={blueprint.visibility} />
        )}
      </p>
      <h1 className="blueprint__title">{blueprint.name}</h1>
      {blueprint.description && <p className="blueprint__description">{blueprint.description}</p>}
      {!origin.local && (
        <p className="blueprint__provenance cluster">
          <span>Published on {origin.instance}</span>
          {originalUrl && <ExternalLink href={originalUrl}>View the original on {origin.instance}</ExternalLink>}
          {origin.signed === false && (
            <span className="field__hint">Its instance signs nothing, so this copy could not be verified.</span>
          )}
        </p>
      )}
      <dl className="blueprint__facts">
        <div>
          <dt>Author</dt>
          <dd>
            <AuthorLink
              author={blueprint.author}
              origin={blueprint.origin}
              fallbackTo={remoteAuthorSearch(blueprint)}
            />
          </dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>
            <code>{blueprint.license}</code>
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>
            v{blueprint.version}
            {blueprint.isDraft ? ' (draft)' : blueprint.publishedVersion === blueprint.version ? ' (published)' : ''}
          </dd>
        </div>
        {blueprint.category && (
          <div>
            <dt>Category</dt>
            <dd>
              <Link to={`/blueprints?category=${encodeURIComponent(blueprint.category)}`}>{blueprint.category}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Favourites</dt>
          <dd>{formatCount(blueprint.favoriteCount)}</dd>
        </div>
        <div>
          <dt>Downloads</dt>
          <dd>{formatCount(blueprint.downloadCount)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatDate(blueprint.updatedAt)}</dd>
        </div>
      </dl>
      {blueprint.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {blueprint.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag" to={`/blueprints?tag=${encodeURIComponent(tag)}`}>
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {blueprint.forkedFrom && (
        <p className="blueprint__lineage">
          Forked from <Link to={`/blueprints/${blueprint.forkedFrom.id}`}>{blueprint.forkedFrom.name}</Link> by{' '}
          <Link to={profilePath(blueprint.forkedFrom.author.handle)}>
            <AuthorName author={blueprint.forkedFrom.author} />
          </Link>
        </p>
      )}
      {remoteFork && (
        <p className="blueprint__lineage">
          Forked from{' '}
          <ExternalLink href={remoteFork.url}>
            <span className="break-anywhere">{remoteFork.url}</span>
          </ExternalLink>
          {remoteFork.id && (
            <>
              {' '}
              (<Link to={`/blueprints/${remoteFork.id}`}>{remoteFork.name ?? 'the copy held here'}</Link>)
            </>
          )}
        </p>
      )}
      {blueprint.hierarchy && (
        <p className="blueprint__lineage">
          Part of <Link to={`/hierarchies/${blueprint.hierarchy.id}`}>{blueprint.hierarchy.name}</Link>
          {blueprint.hierarchy.repositoryPath && (
            <>
              {' '}
              at <code>{blueprint.hierarchy.repositoryPath}</code>
            </>
          )}
        </p>
      )}
    </header>
  );
}
