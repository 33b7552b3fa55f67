import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import { KIND_LABELS, VISIBILITY_LABELS, type BlueprintSummary } from '../../blueprints/api/blueprint-types';
import { OriginBadge, TeamBadge } from '../../blueprints/components/BlueprintBadges';
import { AuthorLink } from '../../profiles/components/AuthorLink';

const count = new Intl.NumberFormat('en', { notation: 'compact' });

function plural(value: number, noun: string): string {
  return `${count.format(value)} ${noun}${value === 1 ? '' : 's'}`;
}

interface BlueprintCardProps {
  blueprint: BlueprintSummary;
  toolName?: string;
  /** The owner's list shows visibility and publication state. */
  showState?: boolean;
  headingLevel?: 2 | 3;
}

/** One search result or list entry: enough to choose, with the name linking to the blueprint. */
export function BlueprintCard({ blueprint, toolName, showState = false, headingLevel = 2 }: BlueprintCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="bp-card">
      <div className="bp-card__head">
        <Heading className="bp-card__title">
          <Link to={`/blueprints/${blueprint.id}`}>{blueprint.name}</Link>
        </Heading>
        <OriginBadge origin={blueprint.origin} />
        {!showState && <TeamBadge visibility={blueprint.visibility} />}
      </div>
      {blueprint.description && <p className="bp-card__description">{blueprint.description}</p>}
      <p className="bp-card__meta cluster">
        <span className="badge badge--accent">{KIND_LABELS[blueprint.kind]}</span>
        <span>{toolName ?? blueprint.tool}</span>
        <span>
          by <AuthorLink author={blueprint.author} origin={blueprint.origin} />
        </span>
        {showState && (
          <>
            <span className="badge">{VISIBILITY_LABELS[blueprint.visibility]}</span>
            {blueprint.publishedVersion === null ? (
              <span className="badge">Draft only</span>
            ) : blueprint.publishedVersion < blueprint.headVersion ? (
              <span className="badge">Unpublished changes</span>
            ) : (
              <span className="badge badge--success">Published v{blueprint.publishedVersion}</span>
            )}
          </>
        )}
        {blueprint.hasHiddenInstructions && <span className="badge badge--danger">Hidden instructions</span>}
      </p>
      {blueprint.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {blueprint.tags.map((tag) => (
            <li key={tag} className="tag">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <p className="bp-card__stats">
        <span>{plural(blueprint.favoriteCount, 'favourite')}</span>
        <span>{plural(blueprint.downloadCount, 'download')}</span>
        <span>Updated {formatDate(blueprint.updatedAt)}</span>
      </p>
    </article>
  );
}
