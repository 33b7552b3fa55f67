import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components, ErrorResponse, InstanceManifest } from '@lynxprompt/api-contract';

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
}

export interface TestServer {
  /** http://127.0.0.1:<port>, to give to createApiClient(). */
  url: string;
  /** Paths (with query) requested so far, in order. */
  requests: string[];
  /** Every request in full, in order. */
  calls: RecordedRequest[];
  close: () => Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, request: RecordedRequest) => void | Promise<void>;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A real HTTP server on an ephemeral port: tests exercise the actual client, fetch and JSON parsing. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: string[] = [];
  const calls: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    // Tests run in jsdom at http://localhost:3000, so the client's requests are cross-origin.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
        'access-control-allow-headers': 'content-type, x-csrf-token',
      });
      res.end();
      return;
    }
    void readBody(req).then(async (body) => {
      const url = req.url ?? '';
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.split('?')[0] ?? '',
        url,
        headers: req.headers,
        body,
      };
      requests.push(url);
      calls.push(request);
      try {
        await handler(req, res, request);
      } catch (error) {
        sendJson(res, 500, { error: { code: 'TEST_SERVER_ERROR', message: String(error) }, requestId: 'req_test' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
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
  return startApiServer({}, { manifest });
}

// ---- A routed fake of the API, for pages that talk to several endpoints ----

export type SessionState = components['schemas']['SessionState'];
export type SignInMethods = components['schemas']['SignInMethods'];
export type SessionUser = components['schemas']['SessionUser'];

export const sampleMethods: SignInMethods = {
  email: true,
  github: false,
  google: false,
  sso: null,
  passkey: true,
  registration: true,
};

export const sampleUser: SessionUser = {
  id: '0b9e4a8e-2f57-4c3e-9d0e-6f1f4b1f7a10',
  email: 'ada@example.org',
  handle: 'ada',
  displayName: 'Ada Lovelace',
  avatarUrl: null,
  bio: '',
  role: 'user',
};

export const CSRF_TOKEN = 'csrf-4f1d2a9b7c';

/** Billing is off unless a test turns it on (as on a self-hosted instance without Stripe). */
export const noFeatures: SessionState['features'] = { billing: false };

export function anonymousSession(methods: Partial<SignInMethods> = {}): SessionState {
  return { status: 'anonymous', methods: { ...sampleMethods, ...methods }, features: noFeatures };
}

export function activeSession(overrides: Partial<SessionState> = {}): SessionState {
  return {
    status: 'active',
    user: sampleUser,
    csrfToken: CSRF_TOKEN,
    methods: sampleMethods,
    features: noFeatures,
    ...overrides,
  };
}

export function pendingSession(overrides: Partial<SessionState> = {}): SessionState {
  return { ...activeSession(overrides), status: 'pending_second_factor', ...overrides };
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as text/plain instead of the JSON body (e.g. an attached file's bytes). */
  text?: string;
}

/** A route's answer: fixed, or computed from the request and the `:params` of the route pattern. */
export type Route = Reply | ((request: RecordedRequest, params: Record<string, string>) => Reply | Promise<Reply>);

export function errorReply(status: number, code: string, message: string, details?: unknown): Reply {
  return {
    status,
    body: { error: { code, message, ...(details ? { details } : {}) }, requestId: `req_${code.toLowerCase()}` },
  };
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const segment = want[index] ?? '';
    const actual = got[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

interface ApiServerOptions {
  manifest?: InstanceManifest;
  /** The answer of GET /api/v1/auth/session; a function so a test can change who is signed in. */
  session?: SessionState | (() => SessionState);
}

/**
 * Routes are keyed "METHOD /path/:param". The manifest and the session are served unless a route overrides them;
 * anything else answers 404 in the error envelope, so a request the test did not expect is visible.
 */
export function startApiServer(routes: Record<string, Route>, options: ApiServerOptions = {}): Promise<TestServer> {
  const manifest = options.manifest ?? sampleManifest;
  const session = options.session ?? anonymousSession();
  const table: Record<string, Route> = {
    'GET /.well-known/lynxprompt.json': { status: 200, body: manifest },
    'GET /api/v1/auth/session': () => ({ status: 200, body: typeof session === 'function' ? session() : session }),
    ...routes,
  };
  return startTestServer(async (_req, res, request) => {
    for (const [key, route] of Object.entries(table)) {
      const [method, pattern] = key.split(' ');
      if (method !== request.method || !pattern) continue;
      const params = match(pattern, request.path);
      if (!params) continue;
      const reply = typeof route === 'function' ? await route(request, params) : route;
      if (reply.text !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(reply.text);
        return;
      }
      return sendJson(res, reply.status, reply.body);
    }
    sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.path}` },
      requestId: 'req_404',
    });
  });
}

/** The requests other than the ones every page makes (manifest, session). */
export function apiCalls(server: TestServer, method?: string): RecordedRequest[] {
  return server.calls.filter(
    (call) =>
      call.path !== '/.well-known/lynxprompt.json' &&
      call.path !== '/api/v1/auth/session' &&
      // The header's organization switcher reads this on every signed-in page.
      !(call.method === 'GET' && call.path === '/api/v1/organizations') &&
      (method === undefined || call.method === method),
  );
}
