import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorResponse, InstanceManifest } from '@lynxprompt/api-contract';

export interface TestServer {
  /** http://127.0.0.1:<port>, to give to createApiClient(). */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on an ephemeral port: tests exercise the actual client, fetch and JSON parsing. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    // Tests run in jsdom at http://localhost:3000, so the client's requests are cross-origin.
    res.setHeader('access-control-allow-origin', '*');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export const sampleManifest: InstanceManifest = {
  name: 'Acme Prompt Hub',
  domain: 'prompts.acme.test',
  version: '1.4.2',
  federation: true,
  api: 'https://prompts.acme.test/api',
  publicBlueprints: 1234,
};

export const sampleError: ErrorResponse = {
  error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is starting up.' },
  requestId: 'req_7f3a9c2e',
};

/** Serves the manifest (or the given override) at the well-known path, 404 envelope elsewhere. */
export function startManifestServer(manifest: InstanceManifest = sampleManifest): Promise<TestServer> {
  return startTestServer((req, res) => {
    if (req.method === 'GET' && req.url === '/.well-known/lynxprompt.json') return sendJson(res, 200, manifest);
    sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'No such route.' }, requestId: 'req_404' });
  });
}
