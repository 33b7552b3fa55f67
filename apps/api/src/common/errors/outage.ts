import { AppError, CommonErrorCode } from './app-error';

/** How long clients should wait before retrying during an outage: about the time a database restart takes. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Prisma codes for a database that cannot be reached or answered in time (not for a query that is wrong). */
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** @prisma/adapter-pg's names for socket-level failures (its convertDriverError). */
const ADAPTER_CONNECTION_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of a server going away or refusing connections: admin shutdown, crash shutdown, cannot
 * connect now (starting up or shutting down), too many connections, and class 08 (connection exceptions).
 */
function isOutageSqlState(code: string): boolean {
  return ['57P01', '57P02', '57P03', '53300'].includes(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * node-postgres raises these without a code when the socket closes under a client; ioredis, when Redis is down or
 * slow (no offline queue, a command timeout, a closed connection, retries exhausted).
 */
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Can't reach database server/i,
  /timeout exceeded when trying to connect/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /^Command timed out$/i,
  /^Connection is closed\.?$/i,
  /Reached the max retries per request limit/i,
];

/**
 * True when `error` says the database (or Redis) could not be reached or dropped the connection, as opposed to a bug
 * or a bad query. It looks through Prisma's wrapping (meta.driverAdapterError and its cause) and any `cause` chain, since the
 * same outage surfaces as a Prisma code, an adapter kind, a SQLSTATE or a socket errno depending on when it hit.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, message, cause, meta } = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof code === 'string' && (PRISMA_CONNECTION_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof code === 'string' && isOutageSqlState(code)) return true;
    if (typeof kind === 'string' && ADAPTER_CONNECTION_KINDS.has(kind)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}

/** The answer to a request that failed because a dependency is down: retryable, unlike a 500. */
export function serviceUnavailable(): AppError {
  return new AppError(
    CommonErrorCode.ServiceUnavailable,
    'The service is temporarily unavailable; retry shortly.',
    503,
    { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS },
  );
}
