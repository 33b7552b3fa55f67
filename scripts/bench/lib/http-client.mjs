// A small keep-alive HTTP client for benchmarks that need to know what each request was: every call resolves with its
// status, body and its own latency (first byte sent to last byte read), or with the socket error that ended it.
import http from 'node:http';

/**
 * A client for one server. `connections` is the most sockets it opens; a caller that keeps at most that many requests
 * in flight gets one socket per request loop, as a load generator's connections are.
 */
export function createHttpClient(baseUrl, { connections, timeoutMs = 30_000 }) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

  /** `{ method, path, headers, body }` → `{ status, body, ms }` or `{ error, ms }` (never rejects). */
  function request({ method = 'GET', path, headers = {}, body }) {
    const payload =
      body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const requestHeaders = payload
      ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length }
      : headers;
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result) => {
        if (settled) return;
        settled = true;
        resolve({ ...result, ms: performance.now() - started });
      };
      const outgoing = http.request({ agent, hostname, port, method, path, headers: requestHeaders }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => finish({ status: response.statusCode, body: Buffer.concat(chunks) }));
        response.on('error', (error) => finish({ error: error.code ?? error.message }));
      });
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      outgoing.on('error', (error) => finish({ error: error.code ?? error.message }));
      outgoing.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}

/** The JSON of a response body, or undefined when it is not JSON. */
export function jsonOf(body) {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
