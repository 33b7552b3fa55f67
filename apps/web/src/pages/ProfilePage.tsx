import { useParams } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { BlueprintPageList } from '../features/catalog/components/BlueprintPageList';
import '../features/catalog/components/catalog.css';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import type { Profile } from '../features/profiles/api/profiles-api';
import '../features/profiles/components/profile.css';
import { useProfile, useProfileBlueprints } from '../features/profiles/hooks/use-profile';
import { ApiError } from '../shared/api/api-error';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { formatDate } from '../shared/format';
import { httpUrl } from '../shared/safe-url';

const count = new Intl.NumberFormat('en');

/** `/@handle`: the route's `:segment` starts with `@` (see ProfileSegment in app/routes.tsx). */
export function ProfileRoute() {
  const { segment = '' } = useParams();
  return <ProfilePage handle={segment.slice(1)} />;
}

export function ProfilePage({ handle }: { handle: string }) {
  const profile = useProfile(handle);
  usePageTitle(profile.data ? `${profile.data.name} (@${profile.data.handle})` : `@${handle}`);

  if (profile.isPending) return <LoadingState label="Loading the profile…" />;
  if (!profile.data) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <div className="message-page">
          <p className="message-page__code">404</p>
          <h1 className="message-page__title">No one here</h1>
          <p className="message-page__body">
            No user or organization is called <code>@{handle}</code> on this instance.
          </p>
        </div>
      );
    }
    return (
      <ApiErrorNotice
        title="The profile could not be loaded"
        error={profile.error}
        onRetry={() => void profile.refetch()}
        retrying={profile.isFetching}
      />
    );
  }
  return <ProfileView profile={profile.data} />;
}

function Avatar({ profile }: { profile: Profile }) {
  const kind = profile.kind === 'organization' ? ' profile__avatar--organization' : '';
  const src = httpUrl(profile.avatarUrl);
  if (src) return <img className={`profile__avatar${kind}`} src={src} alt="" width={80} height={80} />;
  return (
    <span className={`profile__avatar profile__avatar--initial${kind}`} aria-hidden="true">
      {Array.from(profile.name.trim() || profile.handle)[0]?.toUpperCase()}
    </span>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  const blueprints = useProfileBlueprints(profile.handle);
  const website = httpUrl(profile.websiteUrl);
  const isOrganization = profile.kind === 'organization';

  return (
    <div className="profile">
      <header className="profile__head">
        <Avatar profile={profile} />
        <div className="profile__identity">
          {isOrganization && <span className="badge badge--accent">Organization</span>}
          <h1 className="page-title">{profile.name}</h1>
          <p className="profile__handle">@{profile.handle}</p>
          {website && (
            <p>
              <a href={website} target="_blank" rel="noopener noreferrer nofollow">
                {profile.websiteUrl} <span className="visually-hidden">(opens in a new tab)</span>
              </a>
            </p>
          )}
          <p className="profile__handle">
            {isOrganization ? 'Created' : 'Joined'} {formatDate(profile.createdAt)}
          </p>
        </div>
      </header>
      {profile.bio && <p className="profile__bio">{profile.bio}</p>}
      <dl className="profile__counts" aria-label="Public activity">
        <div>
          <dt>Public blueprints</dt>
          <dd>{count.format(profile.counts.publicBlueprints)}</dd>
        </div>
        <div>
          <dt>Hierarchies</dt>
          <dd>{count.format(profile.counts.hierarchies)}</dd>
        </div>
        <div>
          <dt>Favourites received</dt>
          <dd>{count.format(profile.counts.favoritesReceived)}</dd>
        </div>
        <div>
          <dt>Downloads</dt>
          <dd>{count.format(profile.counts.downloads)}</dd>
        </div>
      </dl>
      <section className="catalog__results" aria-labelledby="profile-blueprints" aria-busy={blueprints.isFetching}>
        <h2 id="profile-blueprints">Public blueprints</h2>
        <BlueprintPageList
          query={blueprints}
          empty="No public blueprints yet."
          loadingLabel="Loading blueprints…"
          errorTitle="The blueprints could not be loaded"
          headingLevel={3}
        />
      </section>
    </div>
  );
}
