import type { ReactNode } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { useReloadSessionAfterLeaving } from '../../features/session/hooks/use-session';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import './layout.css';

export const MAIN_CONTENT_ID = 'main-content';

/** Page chrome shared by every route: skip link, header, main landmark, footer. */
export function RootLayout({ children }: { children?: ReactNode }) {
  useReloadSessionAfterLeaving();
  return (
    <div className="app-shell">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to main content
      </a>
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} className="site-main container" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
