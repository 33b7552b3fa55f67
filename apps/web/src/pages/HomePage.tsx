import { Link } from 'react-router';
import { InstanceFacts, InstanceFactsSkeleton } from '../features/instance/components/InstanceFacts';
import { useInstanceManifest } from '../features/instance/hooks/use-instance-manifest';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import './HomePage.css';

const FEATURES = [
  {
    title: 'Author blueprints',
    body: 'Write and version the instruction files your AI coding assistants read: AGENTS.md, CLAUDE.md, Cursor rules and more.',
  },
  {
    title: 'Share and reuse',
    body: 'Publish blueprints for your team or the public, and start new projects from conventions that already work.',
  },
  {
    title: 'Self-hosted, federated',
    body: 'Run your own instance and keep control of your data, while instances discover and share public blueprints with each other.',
  },
] as const;

export function HomePage() {
  usePageTitle();
  const { data: manifest, error, isPending, isError, isFetching, refetch } = useInstanceManifest();

  return (
    <div className="home">
      <section className="home__hero" aria-labelledby="home-title" aria-busy={isPending}>
        <p className="home__eyebrow">LynxPrompt instance</p>
        {manifest ? (
          <>
            <h1 id="home-title" className="home__title">
              {manifest.name}
            </h1>
            <p className="home__lead">
              A place to author, share and discover blueprints: the instruction files that tell AI coding assistants how
              your projects work.
            </p>
          </>
        ) : isError ? (
          <h1 id="home-title" className="home__title home__title--muted">
            Instance unavailable
          </h1>
        ) : (
          <h1 id="home-title" className="home__title">
            <span className="skeleton skeleton--title" aria-hidden="true" />
            <span className="visually-hidden">Loading instance…</span>
          </h1>
        )}
      </section>

      <section className="home__section" aria-labelledby="facts-title">
        <h2 id="facts-title" className="home__section-title">
          This instance
        </h2>
        {manifest ? (
          <InstanceFacts manifest={manifest} />
        ) : isError ? (
          <ApiErrorNotice
            title="We couldn’t load this instance’s details"
            error={error}
            onRetry={() => void refetch()}
            retrying={isFetching}
          />
        ) : (
          <div role="status">
            <span className="visually-hidden">Loading instance details…</span>
            <InstanceFactsSkeleton />
          </div>
        )}
      </section>

      <section className="home__section" aria-labelledby="about-title">
        <h2 id="about-title" className="home__section-title">
          What is LynxPrompt?
        </h2>
        <p className="home__about">
          LynxPrompt is free, self-hostable software for people who work with AI coding assistants. A{' '}
          <strong>blueprint</strong> captures how a project should be worked on, so every assistant and every teammate
          starts from the same instructions.
        </p>
        <ul className="home__features">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="home__feature">
              <h3>{feature.title}</h3>
              <p>{feature.body}</p>
            </li>
          ))}
        </ul>
        <p className="cluster">
          <Link className="button button--primary" to="/blueprints">
            Browse the catalogue
          </Link>
          <a className="button button--secondary" href="/api/docs">
            Browse the API documentation
          </a>
        </p>
      </section>
    </div>
  );
}
