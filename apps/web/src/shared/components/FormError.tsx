import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/api-error';
import { planLimitOf } from '../api/plan-limit';
import { PlanLimitPrompt } from './PlanLimitPrompt';

interface FormErrorProps {
  error: unknown;
  /** Replaces the server's message for this error, keeping its code visible. */
  message?: string;
  children?: React.ReactNode;
}

function requiresOf(error: ApiError): unknown {
  return typeof error.details === 'object' && error.details !== null
    ? (error.details as Record<string, unknown>).requires
    : undefined;
}

/**
 * A failed action, next to the form that caused it: the message, the stable error code, for
 * REAUTHENTICATION_REQUIRED a way to confirm it is really you and come back here, and for PLAN_LIMIT_REACHED the way
 * to a bigger plan.
 */
export function FormError({ error, message, children }: FormErrorProps) {
  const { pathname, search } = useLocation();
  const apiError = error instanceof ApiError ? error : undefined;
  const text = message ?? (error instanceof Error ? error.message : 'An unexpected error occurred.');
  const here = encodeURIComponent(`${pathname}${search}`);

  if (apiError?.code === 'REAUTHENTICATION_REQUIRED') {
    const secondFactor = requiresOf(apiError) === 'recent_second_factor';
    return (
      <div className="form-error form-error--info" role="alert">
        <p className="form-error__message">
          {secondFactor
            ? 'For your security, confirm this change with your second factor (an authenticator code, a recovery code or a passkey), then try again.'
            : 'For your security, this change needs a recent sign-in. Sign in again, then try again.'}
        </p>
        <p className="form-error__actions">
          <Link
            className="button button--primary button--small"
            to={secondFactor ? `/sign-in/second-factor?returnTo=${here}` : `/sign-in?returnTo=${here}`}
          >
            {secondFactor ? 'Confirm with your second factor' : 'Sign in again'}
          </Link>
          <code className="form-error__code">{apiError.code}</code>
        </p>
      </div>
    );
  }

  const planLimit = planLimitOf(error);
  if (apiError && planLimit) {
    return (
      <div className="form-error form-error--info" role="alert">
        <PlanLimitPrompt details={planLimit} message={apiError.message} />
        <p className="form-error__actions">
          <code className="form-error__code">{apiError.code}</code>
          {apiError.requestId && <span className="form-error__request">Request {apiError.requestId}</span>}
        </p>
        {children}
      </div>
    );
  }

  return (
    <div className="form-error" role="alert">
      <p className="form-error__message">{text}</p>
      <p className="form-error__actions">
        <code className="form-error__code">{apiError?.code ?? 'UNKNOWN_ERROR'}</code>
        {apiError?.requestId && <span className="form-error__request">Request {apiError.requestId}</span>}
      </p>
      {children}
    </div>
  );
}
