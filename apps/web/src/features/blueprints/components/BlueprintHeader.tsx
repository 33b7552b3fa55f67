import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import { KIND_LABELS, VISIBILITY_LABELS, type BlueprintDetail } from '../api/blueprint-types';
import { AuthorName, OriginBadge } from './BlueprintBadges';

const count = new Intl.NumberFormat('en');

/** Name, description and the facts a reader checks before using a blueprint: who, which licence, which version. */
export function BlueprintHeader({ blueprint, toolName }: { blueprint: BlueprintDetail; toolName?: string }) {
  return (
    <header className="blueprint__header">
      <p className="blueprint__eyebrow cluster">
        <span className="badge badge--accent">{KIND_LABELS[blueprint.kind]}</span>
        <span>{toolName ?? blueprint.tool}</span>
        <OriginBadge origin={blueprint.origin} />
        {blueprint.isOwner && <span className="badge">{VISIBILITY_LABELS[blueprint.visibility]}</span>}
      </p>
      <h1 className="blueprint__title">{blueprint.name}</h1>
      {blueprint.description && <p className="blueprint__description">{blueprint.description}</p>}
      <dl className="blueprint__facts">
        <div>
          <dt>Author</dt>
          <dd>
            <Link to={`/blueprints?author=${encodeURIComponent(blueprint.author.handle)}`}>
              <AuthorName author={blueprint.author} />
            </Link>
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
          <dd>{count.format(blueprint.favoriteCount)}</dd>
        </div>
        <div>
          <dt>Downloads</dt>
          <dd>{count.format(blueprint.downloadCount)}</dd>
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
          <AuthorName author={blueprint.forkedFrom.author} />
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
