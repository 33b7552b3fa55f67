import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** What an admin page shows anyone else: a 403 page whose body says where to go instead. */
export function AdministratorsOnly({ children }: { children: ReactNode }) {
  return (
    <div className="message-page">
      <p className="message-page__code">403</p>
      <h1 className="message-page__title">Administrators only</h1>
      <p className="message-page__body">{children}</p>
      <div className="message-page__actions">
        <Link className="button button--primary" to="/blueprints">
          Browse the catalogue
        </Link>
      </div>
    </div>
  );
}
