// One autocannon measurement with a warm-up and an honest error count: a fast stream of 404s or 500s is not a result.
import autocannon from 'autocannon';

/** The share of unexpected responses above which a figure is discarded. */
export const MAX_ERROR_SHARE = 0.01;

const isSuccess = (status) => (status >= 200 && status < 300) || status === 304;

/**
 * Loads `baseUrl` with `connections` connections for `seconds` (after `warmupSeconds` of unrecorded load).
 * `nextRequest()` (optional) returns `{ path, headers? }` for every request, so each can target a different id.
 * `expectStatus(status)` says which answers count as served (default: 2xx and 304).
 */
export async function measure({
  baseUrl,
  path = '/',
  headers = {},
  nextRequest,
  connections,
  seconds,
  warmupSeconds = 2,
  expectStatus = isSuccess,
}) {
  const options = { url: baseUrl, connections, headers };
  if (nextRequest) {
    options.requests = [
      {
        method: 'GET',
        setupRequest: (request) => {
          const next = nextRequest();
          return { ...request, path: next.path, headers: { ...request.headers, ...next.headers } };
        },
      },
    ];
  } else {
    options.url = `${baseUrl}${path}`;
  }
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const result = await autocannon({ ...options, duration: seconds });

  const statuses = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number(count);
  const responses = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const unexpected = Object.entries(statuses)
    .filter(([code]) => !expectStatus(Number(code)))
    .reduce((sum, [, count]) => sum + count, 0);
  const failed = unexpected + result.errors;
  const attempts = responses + result.errors;
  const errorShare = attempts === 0 ? 1 : failed / attempts;
  return {
    // Served responses over the run's length: the per-second average autocannon reports drops responses that
    // straddle a second, which reads as 0 req/s for endpoints slower than a second.
    rps: responses / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerResponse: responses > 0 ? result.throughput.total / responses : 0,
    responses,
    statuses,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    failed,
    errorShare,
    valid: attempts > 0 && errorShare <= MAX_ERROR_SHARE,
  };
}

export function describeStatuses(result) {
  const parts = Object.entries(result.statuses).map(([code, count]) => `${code}: ${count}`);
  if (result.socketErrors) parts.push(`socket errors: ${result.socketErrors} (timeouts ${result.timeouts})`);
  return parts.join(', ') || 'no responses';
}
