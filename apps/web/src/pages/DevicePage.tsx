import { DeviceApproval } from '../features/device-approval/components/DeviceApproval';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import './auth-pages.css';

/** Where a CLI or other device sends its person to approve a sign-in (RFC 8628 verification_uri). */
export function DevicePage() {
  usePageTitle('Connect a device');
  return (
    <div className="auth-page">
      <section className="auth-card auth-card--wide" aria-labelledby="device-title">
        <div className="auth-card__header">
          <h1 id="device-title" className="auth-card__title">
            Connect a device
          </h1>
          <p className="auth-card__lead">
            A command-line tool or another device asked to sign in to your account. Check the code, then approve or
            deny.
          </p>
        </div>
        <DeviceApproval />
      </section>
    </div>
  );
}
