import { ApiError } from '../../shared/api/api-error';

/** When a TWO_STEP_LOCKED answer says trying again is possible, from whichever detail the server gave. */
export function lockedUntil(error: unknown, now = Date.now()): Date | undefined {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return undefined;
  const details = error.details as Record<string, unknown>;
  for (const key of ['retryAfterSeconds', 'retryAfter']) {
    const seconds = details[key];
    if (typeof seconds === 'number' && Number.isFinite(seconds)) return new Date(now + seconds * 1000);
  }
  for (const key of ['lockedUntil', 'retryAt', 'until']) {
    const value = details[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
  }
  return undefined;
}
