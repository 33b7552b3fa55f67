import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { forgetReturnTo, rememberedReturnTo, signInPath } from '../features/session/return-to';
import { MagicLinkForm } from '../features/sign-in/components/MagicLinkForm';
import { useVerifyMagicLink } from '../features/sign-in/hooks/use-sign-in';
import { ApiError } from '../shared/api/api-error';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import './auth-pages.css';

type PrerenderingDocument = Document & { prerendering?: boolean };

/**
 * The page a magic link opens. The link itself is a plain GET of this page, which link scanners and previews may
 * fetch; only this script spends the token, with a POST, once, and never while the browser is merely prerendering.
 */
export function MagicLinkPage() {
  usePageTitle('Signing you in');
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyMagicLink();
  const { mutate } = verify;
  const started = useRef(false);
  // Where the person was heading when they asked for the link (usually in another tab).
  const [returnTo] = useState(rememberedReturnTo);

  useEffect(() => {
    if (!token || started.current) return;
    const run = () => {
      if (started.current) return;
      started.current = true;
      mutate(token, { onSuccess: forgetReturnTo });
    };
    const doc = document as PrerenderingDocument;
    if (doc.prerendering) {
      doc.addEventListener('prerenderingchange', run, { once: true });
      return () => doc.removeEventListener('prerenderingchange', run);
    }
    run();
    return undefined;
  }, [token, mutate]);

  if (verify.data) {
    return (
      <Navigate
        to={verify.data.status === 'pending_second_factor' ? signInPath(returnTo, '/sign-in/second-factor') : returnTo}
        replace
      />
    );
  }

  if (!token) {
    return (
      <MagicLinkProblem title="This sign-in link is incomplete" code="MAGIC_LINK_INVALID" returnTo={returnTo}>
        The address has no sign-in token. Copy the whole link from the email, or ask for a new one.
      </MagicLinkProblem>
    );
  }

  if (verify.isError) {
    const code = verify.error instanceof ApiError ? verify.error.code : undefined;
    if (code === 'MAGIC_LINK_EXPIRED') {
      return (
        <MagicLinkProblem title="This sign-in link has expired" code={code} returnTo={returnTo}>
          Sign-in links work for a short time only. Ask for a new one below.
        </MagicLinkProblem>
      );
    }
    if (code === 'MAGIC_LINK_INVALID') {
      return (
        <MagicLinkProblem title="This sign-in link can’t be used" code={code} returnTo={returnTo}>
          It has already been used, or a newer link replaced it. Each link signs in once. Ask for a new one below.
        </MagicLinkProblem>
      );
    }
    return (
      <div className="auth-page">
        <section className="auth-card" aria-labelledby="magic-title">
          <h1 id="magic-title" className="auth-card__title">
            We couldn’t sign you in
          </h1>
          <ApiErrorNotice
            title="Signing in failed"
            error={verify.error}
            onRetry={() => mutate(token)}
            retrying={verify.isPending}
          />
          <p>
            <Link to="/sign-in">Back to sign-in</Link>
          </p>
        </section>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="magic-title" aria-busy="true">
        <h1 id="magic-title" className="auth-card__title">
          Signing you in
        </h1>
        <LoadingState label="Checking your sign-in link…" />
      </section>
    </div>
  );
}

interface MagicLinkProblemProps {
  title: string;
  code: string;
  returnTo: string;
  children: ReactNode;
}

function MagicLinkProblem({ title, code, returnTo, children }: MagicLinkProblemProps) {
  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="magic-title">
        <div className="auth-card__header">
          <h1 id="magic-title" className="auth-card__title">
            {title}
          </h1>
        </div>
        <div className="form-error" role="alert">
          <p className="form-error__message">{children}</p>
          <p className="form-error__actions">
            <code className="form-error__code">{code}</code>
          </p>
        </div>
        <MagicLinkForm returnTo={returnTo} submitLabel="Email me a new link" />
        <p className="auth-card__footnote">
          <Link to="/sign-in">Other ways to sign in</Link>
        </p>
      </section>
    </div>
  );
}
