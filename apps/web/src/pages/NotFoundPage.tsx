import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../features/instance/hooks/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  const { pathname } = useLocation();

  return (
    <section className="message-page" aria-labelledby="not-found-title">
      <p className="message-page__code">404</p>
      <h1 id="not-found-title" className="message-page__title">
        Page not found
      </h1>
      <p className="message-page__body">
        Nothing lives at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </p>
      <p className="message-page__actions">
        <Link className="button button--primary" to="/">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
