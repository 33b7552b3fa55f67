import { Link, NavLink } from 'react-router';
import { OrganizationSwitcher } from '../../features/organizations/components/OrganizationSwitcher';
import { useInstanceManifest } from '../../features/instance/hooks/use-instance-manifest';
import { FALLBACK_TITLE } from '../../features/instance/hooks/use-page-title';
import { UserMenu } from '../../features/session/components/UserMenu';
import { useSession } from '../../features/session/hooks/use-session';
import { ThemeToggle } from '../../features/theme/components/ThemeToggle';
import { LogoMark } from './LogoMark';

export function SiteHeader() {
  const { data: manifest, isPending } = useInstanceManifest();
  const { data: session } = useSession();
  const signedIn = session?.status === 'active';
  const admin = signedIn && session.user?.role === 'admin';
  const billing = session?.features?.billing === true;

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-header__brand">
          <LogoMark />
          {manifest ? (
            <span className="site-header__name">{manifest.name}</span>
          ) : isPending ? (
            <>
              <span className="skeleton skeleton--brand" aria-hidden="true" />
              <span className="visually-hidden">Home</span>
            </>
          ) : (
            <span className="site-header__name">{FALLBACK_TITLE}</span>
          )}
        </Link>
        <nav className="site-nav" aria-label="Primary">
          <ul className="site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/blueprints" end className="site-nav__link">
                Catalogue
              </NavLink>
            </li>
            <li>
              <NavLink to="/instances" className="site-nav__link">
                Instances
              </NavLink>
            </li>
            {signedIn && (
              <>
                <li>
                  <NavLink to="/me/blueprints" className="site-nav__link">
                    My blueprints
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/blueprints/new" className="site-nav__link">
                    New blueprint
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/blueprints/import" className="site-nav__link">
                    Import
                  </NavLink>
                </li>
              </>
            )}
            {admin && (
              <li>
                <NavLink to="/admin/federation" className="site-nav__link">
                  Federation
                </NavLink>
              </li>
            )}
            {admin && billing && (
              <li>
                <NavLink to="/admin/billing" className="site-nav__link">
                  Billing
                </NavLink>
              </li>
            )}
            <li>
              {/* Served by the API, not a client route: a full page load is intended. */}
              <a href="/api/docs" className="site-nav__link">
                API
              </a>
            </li>
          </ul>
        </nav>
        <div className="site-header__tools">
          {/* Signed in, the toggle moves into the account menu: the header keeps one row for the longer navigation. */}
          {signedIn && <OrganizationSwitcher />}
          <UserMenu preferences={<ThemeToggle />} />
        </div>
      </div>
    </header>
  );
}
