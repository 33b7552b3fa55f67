import type pg from 'pg';

/**
 * Gives the pool, and every client it ever opens, an 'error' listener for its whole life. A connection the server
 * terminates (a restart: 57P01) emits 'error' on its client, and an EventEmitter with no listener throws that out of
 * the process. Libraries attach listeners only in some states: @prisma/adapter-pg leaves a client checked out
 * without one around a transaction's start, which crashed the API during PostgreSQL restarts. The error itself also
 * rejects the query in flight, which is where the request learns of it, so here it is only logged.
 */
export function guardPoolErrors(pool: pg.Pool, onError: (error: Error) => void): void {
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', onError);
  });
}
