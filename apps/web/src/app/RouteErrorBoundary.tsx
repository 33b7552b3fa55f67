import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';

function describe(error: unknown): { title: string; detail: string } {
  if (isRouteErrorResponse(error)) {
    return {
      title: `${error.status} ${error.statusText}`.trim(),
      detail: typeof error.data === 'string' && error.data ? error.data : 'The page could not be loaded.',
    };
  }
  if (error instanceof Error) return { title: 'Something went wrong', detail: error.message };
  return { title: 'Something went wrong', detail: 'An unexpected error occurred while showing this page.' };
}

/** Renders inside the layout when a route throws while rendering or loading. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const { title, detail } = describe(error);
  return (
    <section className="message-page" role="alert" aria-labelledby="route-error-title">
      <p className="message-page__code">Error</p>
      <h1 id="route-error-title" className="message-page__title">
        {title}
      </h1>
      <p className="message-page__body">{detail}</p>
      <p className="message-page__actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link className="button button--secondary" to="/">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}

/** Last resort when the layout itself fails: no header or footer, which may be what broke. */
export function RootErrorBoundary() {
  return (
    <main id="main-content" className="site-main container">
      <RouteErrorBoundary />
    </main>
  );
}
