// A small load loop that knows which query each request carried, so the slowest queries can be named (autocannon only
// gives a latency histogram). undici's Pool keeps the client cheap: it shares the cores with the server and PostgreSQL.
import { Client, Pool } from 'undici';

const TIMEOUT_MS = 10_000;

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50/p90/p99/max of a list of milliseconds. */
export function distribution(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
  };
}

/**
 * One request, its body read to the end; `{ status, ms }`, or `{ error, timeout, ms }` when the socket failed. A GET of
 * `path` by default; `request` may also carry a method, headers and body, and `answered(text)`, which reads the body
 * and says whether it is a real answer (a 200 can still carry an error, as MCP tool results do).
 */
async function timedRequest(dispatcher, path, request = {}) {
  const started = performance.now();
  try {
    const { statusCode, body } = await dispatcher.request({
      path,
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
    });
    if (request.answered) {
      const text = await body.text();
      const ms = performance.now() - started;
      return { status: statusCode === 200 && !request.answered(text) ? 'error-in-200' : statusCode, ms };
    }
    for await (const _chunk of body);
    return { status: statusCode, ms: performance.now() - started };
  } catch (error) {
    const code = String(error?.code ?? '');
    return { error: code || String(error), timeout: code.includes('TIMEOUT'), ms: performance.now() - started };
  }
}

function newRecord() {
  return { latencies: [], perQuery: new Map(), statuses: {}, socketErrors: 0, timeouts: 0, failures: [] };
}

function note(record, index, path, result) {
  if (result.error) {
    if (result.timeout) record.timeouts += 1;
    else record.socketErrors += 1;
    if (record.failures.length < 5) record.failures.push(`${result.error}: ${path}`);
    return;
  }
  record.statuses[result.status] = (record.statuses[result.status] ?? 0) + 1;
  if (typeof result.status !== 'number' || result.status < 200 || result.status >= 300) {
    if (record.failures.length < 5) record.failures.push(`${result.status}: ${path}`);
    return;
  }
  record.latencies.push(result.ms);
  const query = record.perQuery.get(index) ?? { index, count: 0, max: 0, total: 0 };
  query.count += 1;
  query.total += result.ms;
  query.max = Math.max(query.max, result.ms);
  record.perQuery.set(index, query);
}

function summary(record, seconds) {
  const served = record.latencies.length;
  const unexpected = Object.entries(record.statuses)
    .filter(([code]) => !(Number(code) >= 200 && Number(code) < 300))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    ...distribution(record.latencies),
    rps: served / seconds,
    served,
    statuses: record.statuses,
    unexpected,
    socketErrors: record.socketErrors,
    timeouts: record.timeouts,
    errors: unexpected + record.socketErrors + record.timeouts,
    failures: record.failures,
    /** The queries by their slowest answer, slowest first. */
    slowest: [...record.perQuery.values()].sort((a, b) => b.max - a.max),
    distinctQueries: record.perQuery.size,
  };
}

/**
 * `connections` loops, each sending `next()`'s `{ index, path, request? }` as soon as its previous answer is read: warm-up
 * (not recorded), then `seconds` measured. A request still in flight at the end counts for the time it ends.
 */
export async function loadQueries({ baseUrl, next, connections, seconds, warmupSeconds }) {
  const pool = new Pool(baseUrl, {
    connections,
    pipelining: 1,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
    keepAliveTimeout: 60_000,
  });
  const phase = async (length, record) => {
    const deadline = performance.now() + length * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const { index, path, request } = next();
          const result = await timedRequest(pool, path, request);
          if (record) note(record, index, path, result);
        }
      }),
    );
  };
  try {
    if (warmupSeconds > 0) await phase(warmupSeconds, null);
    const record = newRecord();
    const started = performance.now();
    await phase(seconds, record);
    return summary(record, (performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

/** Each of `paths` once, one after another on one connection: the time of every query on its own. */
export async function probeQueries({ baseUrl, paths, onProgress = () => {} }) {
  const client = new Client(baseUrl, { headersTimeout: 60_000, bodyTimeout: 60_000, keepAliveTimeout: 60_000 });
  const record = newRecord();
  const started = performance.now();
  try {
    for (let index = 0; index < paths.length; index += 1) {
      note(record, index, paths[index], await timedRequest(client, paths[index]));
      onProgress(index + 1);
    }
  } finally {
    await client.close();
  }
  return summary(record, (performance.now() - started) / 1000);
}
