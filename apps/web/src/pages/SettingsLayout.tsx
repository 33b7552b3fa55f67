import { NavLink, Outlet } from 'react-router';
import { useBillingEnabled } from '../features/billing/hooks/use-billing';
import './settings.css';

/** Settings pages share a title and a sub-navigation; each page renders its sections in the outlet. */
export function SettingsLayout() {
  const billing = useBillingEnabled();
  return (
    <div className="settings">
      <div className="settings__header">
        <h1 className="settings__title">Settings</h1>
      </div>
      <nav className="settings__nav" aria-label="Settings">
        <ul className="settings__nav-list">
          <li>
            <NavLink to="/settings/account" className="settings__nav-link">
              Account
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/security" className="settings__nav-link">
              Security
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/variables" className="settings__nav-link">
              Variables
            </NavLink>
          </li>
          {billing && (
            <li>
              <NavLink to="/settings/billing" className="settings__nav-link">
                Billing
              </NavLink>
            </li>
          )}
        </ul>
      </nav>
      <div className="settings__content">
        <Outlet />
      </div>
    </div>
  );
}
