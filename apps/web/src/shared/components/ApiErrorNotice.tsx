import { useId } from 'react';
import { ApiError } from '../api/api-error';
import './ApiErrorNotice.css';

interface ApiErrorNoticeProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** Shows an API failure with the envelope's code, message and requestId, plus an optional retry. */
export function ApiErrorNotice({ title, error, onRetry, retrying = false }: ApiErrorNoticeProps) {
  const headingId = useId();
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';

  return (
    <section className="error-notice" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="error-notice__title">
        {title}
      </h2>
      <p className="error-notice__message">{message}</p>
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
