import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVerifyEmailChange } from '../features/account/hooks/use-account';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { FormError } from '../shared/components/FormError';
import { LoadingState } from '../shared/components/LoadingState';
import './auth-pages.css';

type PrerenderingDocument = Document & { prerendering?: boolean };

/** Opened from the confirmation mail sent to a new address: spends the token with a POST, once. */
export function EmailVerifyPage() {
  usePageTitle('Confirm your email address');
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmailChange();
  const { mutate } = verify;
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    const run = () => {
      if (started.current) return;
      started.current = true;
      mutate(token);
    };
    const doc = document as PrerenderingDocument;
    if (doc.prerendering) {
      doc.addEventListener('prerenderingchange', run, { once: true });
      return () => doc.removeEventListener('prerenderingchange', run);
    }
    run();
    return undefined;
  }, [token, mutate]);

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="email-verify-title">
        <h1 id="email-verify-title" className="auth-card__title">
          Confirm your email address
        </h1>
        {!token ? (
          <FormError
            error={undefined}
            message="This confirmation link has no token. Copy the whole link from the email."
          />
        ) : verify.isSuccess ? (
          <div className="callout callout--success" role="status">
            <p>
              Your email address is now <strong className="break-anywhere">{verify.data.email}</strong>.
            </p>
            <p>
              <Link to="/settings/account">Back to your account settings</Link>
            </p>
          </div>
        ) : verify.isError ? (
          <>
            <FormError error={verify.error} />
            <p>
              You can ask for a new confirmation link in <Link to="/settings/account">your account settings</Link>.
            </p>
          </>
        ) : (
          <LoadingState label="Confirming your new address…" />
        )}
      </section>
    </div>
  );
}
