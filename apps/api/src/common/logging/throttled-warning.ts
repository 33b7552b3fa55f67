import type { Logger } from 'pino';

/**
 * A warning that is logged at most once per interval, with how many were held back since: an outage (Redis down,
 * every request failing over) must show in the logs without flooding them.
 */
export function throttledWarning(
  logger: Logger,
  message: string,
  intervalMs = 10_000,
  now: () => number = Date.now,
): (error: unknown, fields?: Record<string, unknown>) => void {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  return (error, fields) => {
    const at = now();
    if (at - lastLoggedAt < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn({ ...fields, err: error, suppressed }, message);
    lastLoggedAt = at;
    suppressed = 0;
  };
}
