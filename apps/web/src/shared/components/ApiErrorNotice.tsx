import { useId } from 'react';
import { ApiError } from '../api/api-error';
import { planLimitOf } from '../api/plan-limit';
import { PlanLimitPrompt } from './PlanLimitPrompt';
import './ApiErrorNotice.css';

interface ApiErrorNoticeProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/**
 * Shows an API failure with the envelope's code, message and requestId, plus an optional retry; a plan's limit
 * (PLAN_LIMIT_REACHED) is explained, with the way to a bigger plan.
 */
export function ApiErrorNotice({ title, error, onRetry, retrying = false }: ApiErrorNoticeProps) {
  const headingId = useId();
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  const planLimit = planLimitOf(error);

  return (
    <section className="error-notice" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="error-notice__title">
        {title}
      </h2>
      {planLimit ? (
        <div className="error-notice__plan-limit">
          <PlanLimitPrompt details={planLimit} message={message} />
        </div>
      ) : (
        <p className="error-notice__message">{message}</p>
      )}
      <dl className="error-notice__details">
        <div>
          <dt>Error code</dt>
          <dd>
            <code>{apiError?.code ?? 'UNKNOWN_ERROR'}</code>
          </dd>
        </div>
        {apiError?.status !== undefined && (
          <div>
            <dt>HTTP status</dt>
            <dd>
              <code>{apiError.status}</code>
            </dd>
          </div>
        )}
        {apiError?.requestId && (
          <div>
            <dt>Request ID</dt>
            <dd>
              <code>{apiError.requestId}</code>
            </dd>
          </div>
        )}
      </dl>
      {apiError?.requestId && (
        <p className="error-notice__hint">Quote the request ID when you report this to the instance operator.</p>
      )}
      {onRetry && (
        <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Try again'}
        </button>
      )}
    </section>
  );
}
