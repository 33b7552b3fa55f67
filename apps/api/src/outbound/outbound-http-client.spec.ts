import { execFileSync } from 'node:child_process';
import type { LookupAddress } from 'node:dns';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import {
  createOutboundClient,
  OutboundError,
  redirectTarget,
  type OutboundClientOptions,
  type OutboundLookup,
} from './outbound-http-client';

interface TestServer {
  port: number;
  url: (pathname?: string) => string;
  connections: number;
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  close: () => Promise<void>;
}

const servers: TestServer[] = [];

async function listen(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests.push({
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      handler(request, response);
    });
  });
  server.on('connection', (socket) => {
    state.connections += 1;
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const state: TestServer = {
    port,
    url: (pathname = '/') => `http://127.0.0.1:${port}${pathname}`,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(state);
  return state;
}

/** A server speaking raw bytes, for responses node:http would refuse to produce. */
async function listenRaw(onRequest: (socket: net.Socket) => void): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => onRequest(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const state: TestServer = {
    port,
    url: (pathname = '/') => `http://127.0.0.1:${port}${pathname}`,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(state);
  return state;
}

function client(overrides: Partial<OutboundClientOptions> = {}) {
  return createOutboundClient({
    allowPrivate: [],
    allowHttp: true,
    connectTimeoutMs: 2_000,
    timeoutMs: 10_000,
    userAgent: 'LynxPrompt/0.0.0-test (+http://lynx.test)',
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<OutboundError> {
  try {
    await promise;
  } catch (error) {
    return error as OutboundError;
  }
  throw new Error('expected the request to fail');
}

/** A resolver that answers from a table and counts its calls. */
function fakeLookup(answers: (hostname: string, call: number) => LookupAddress[] | Error | 'hang') {
  const calls: string[] = [];
  const lookup: OutboundLookup = (hostname, _options, callback) => {
    calls.push(hostname);
    const answer = answers(hostname, calls.length);
    if (answer === 'hang') return;
    setImmediate(() =>
      answer instanceof Error ? callback(Object.assign(answer, { code: 'ENOTFOUND' }), []) : callback(null, answer),
    );
  };
  return { lookup, calls };
}

const json = (response: http.ServerResponse, status: number, value: unknown, type = 'application/json') => {
  response.writeHead(status, { 'content-type': type });
  response.end(JSON.stringify(value));
};

describe('OutboundHttpClient', () => {
  let healthy: TestServer;

  beforeAll(async () => {
    healthy = await listen((_request, response) => json(response, 200, { ok: true }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  // Every hostile case is followed by an ordinary request: the process (and the client) are still up.
  afterEach(async () => {
    const response = await client({ allowPrivate: [`127.0.0.1:${healthy.port}`] }).request({
      url: healthy.url(),
      maxBytes: 1_000,
    });
    expect(response.status).toBe(200);
  });

  describe('ordinary requests', () => {
    it('sends only its own identity headers and returns status, final URL, headers and body', async () => {
      const server = await listen((_request, response) => {
        response.setHeader('x-repeated', ['one', 'two']);
        json(response, 200, { hello: 'world' });
      });
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url('/path?q=1#fragment'),
        headers: { 'If-None-Match': '"abc"' },
        maxBytes: 1_000,
      });
      expect(response).toMatchObject({ status: 200, url: server.url('/path?q=1') });
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['x-repeated']).toBe('one, two');
      expect(JSON.parse(response.body.toString())).toEqual({ hello: 'world' });
      const sent = server.requests[0]!;
      expect(sent.url).toBe('/path?q=1');
      expect(sent.headers).toMatchObject({
        'user-agent': 'LynxPrompt/0.0.0-test (+http://lynx.test)',
        'accept-encoding': 'identity',
        'if-none-match': '"abc"',
        accept: '*/*',
      });
      expect(sent.headers.cookie).toBeUndefined();
      expect(sent.headers.authorization).toBeUndefined();
    });

    it.each([304, 404, 429, 503])('returns a %i instead of throwing', async (status) => {
      const server = await listen((_request, response) => {
        response.writeHead(status, { 'retry-after': '5' });
        response.end(status === 304 ? undefined : 'nope');
      });
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url(),
        maxBytes: 1_000,
      });
      expect(response.status).toBe(status);
      expect(response.headers['retry-after']).toBe('5');
    });

    it('posts a body with its length', async () => {
      const server = await listen((_request, response) => json(response, 201, {}));
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url('/inbox'),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
        maxBytes: 1_000,
      });
      expect(response.status).toBe(201);
      expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"a":1}' });
      expect(server.requests[0]!.headers['content-length']).toBe('7');
    });

    it('lets an allow-list entry name the host rather than the address', async () => {
      const server = await listen((_request, response) => json(response, 200, {}));
      const { lookup } = fakeLookup(() => [{ address: '127.0.0.1', family: 4 }]);
      const response = await client({ allowPrivate: [`dev.internal:${server.port}`], lookup }).request({
        url: `http://dev.internal:${server.port}/`,
        maxBytes: 1_000,
      });
      expect(response.status).toBe(200);
      expect(server.requests[0]!.headers.host).toBe(`dev.internal:${server.port}`);
    });
  });

  describe('addresses', () => {
    it('refuses loopback that is not allow-listed, without connecting', async () => {
      const server = await listen((_request, response) => json(response, 200, {}));
      const error = await rejection(client().request({ url: server.url(), maxBytes: 1_000 }));
      expect(error).toBeInstanceOf(OutboundError);
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', status: 502 });
      expect(error.details).toMatchObject({ address: '127.0.0.1', reason: 'loopback' });
      expect(server.connections).toBe(0);
    });

    it('refuses an allow-listed host on another port', async () => {
      const server = await listen((_request, response) => json(response, 200, {}));
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port + 1}`] }).request({ url: server.url(), maxBytes: 1_000 }),
      );
      expect(error.code).toBe('OUTBOUND_ADDRESS_REFUSED');
      expect(server.connections).toBe(0);
    });

    it('refuses the cloud metadata address given as a literal', async () => {
      const error = await rejection(client().request({ url: 'http://169.254.169.254/latest/meta-data/', maxBytes: 1 }));
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { address: '169.254.169.254' } });
    });

    it('refuses IPv6 loopback and IPv4-mapped literals', async () => {
      for (const url of ['http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/']) {
        expect((await rejection(client().request({ url, maxBytes: 1 }))).code).toBe('OUTBOUND_ADDRESS_REFUSED');
      }
    });

    it('refuses a name that resolves to a private address', async () => {
      const { lookup } = fakeLookup(() => [{ address: '10.0.0.5', family: 4 }]);
      const error = await rejection(client({ lookup }).request({ url: 'https://intranet.example/', maxBytes: 1 }));
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { address: '10.0.0.5' } });
    });

    it('refuses the whole request when any one answer is private (never silently tries another)', async () => {
      const server = await listen((_request, response) => json(response, 200, {}));
      const { lookup } = fakeLookup(() => [
        { address: '8.8.8.8', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]);
      const error = await rejection(
        client({ lookup }).request({ url: `http://mixed.example:${server.port}/`, maxBytes: 1 }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { address: '127.0.0.1' } });
      expect(server.connections).toBe(0);
    });

    it('refuses an IPv4-mapped answer from DNS', async () => {
      const { lookup } = fakeLookup(() => [{ address: '::ffff:127.0.0.1', family: 6 }]);
      const error = await rejection(client({ lookup }).request({ url: 'https://mapped.example/', maxBytes: 1 }));
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { reason: 'ipv4-mapped:loopback' } });
    });

    it('resolves once per connection and connects only to what it checked (DNS rebinding)', async () => {
      const target = await listen((_request, response) => json(response, 200, {}));
      // The rebinding resolver: a public answer first, loopback for anyone who asks again.
      const { lookup, calls } = fakeLookup((_hostname, call) =>
        call === 1 ? [{ address: '8.8.8.8', family: 4 }] : [{ address: '127.0.0.1', family: 4 }],
      );
      const error = await rejection(
        client({ lookup, connectTimeoutMs: 500 }).request({
          url: `http://rebind.example:${target.port}/`,
          maxBytes: 1_000,
        }),
      );
      // Offline, the checked public address is unreachable: the request fails rather than reaching loopback.
      expect(['OUTBOUND_CONNECT_FAILED', 'OUTBOUND_TIMEOUT']).toContain(error.code);
      expect(calls).toEqual(['rebind.example']);
      expect(target.connections).toBe(0);
    });

    it('reports a name that does not resolve as OUTBOUND_DNS_FAILED', async () => {
      const { lookup } = fakeLookup(() => new Error('no such name'));
      const error = await rejection(client({ lookup }).request({ url: 'https://nowhere.example/', maxBytes: 1 }));
      expect(error).toMatchObject({ code: 'OUTBOUND_DNS_FAILED', details: { cause: 'ENOTFOUND' } });
    });

    it('gives up on a resolve+connect that takes too long (504)', async () => {
      const { lookup } = fakeLookup(() => 'hang');
      const error = await rejection(
        client({ lookup, connectTimeoutMs: 100 }).request({ url: 'https://slow-dns.example/', maxBytes: 1 }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_TIMEOUT', status: 504, details: { phase: 'connect' } });
    });
  });

  describe('redirects', () => {
    it('follows up to 3 redirects on the same host and reports the final URL', async () => {
      const server = await listen((request, response) => {
        const step = Number(request.url!.slice(1));
        if (step < 3) {
          response.writeHead(302, { location: `/${step + 1}` });
          response.end();
        } else json(response, 200, { step });
      });
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url('/0'),
        maxBytes: 1_000,
        sameHostRedirectsOnly: true,
      });
      expect(response).toMatchObject({ status: 200, url: server.url('/3') });
    });

    it('stops after 3 redirects: OUTBOUND_TOO_MANY_REDIRECTS', async () => {
      const server = await listen((request, response) => {
        response.writeHead(301, { location: `${request.url}x` });
        response.end();
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({ url: server.url('/'), maxBytes: 1_000 }),
      );
      expect(error.code).toBe('OUTBOUND_TOO_MANY_REDIRECTS');
      expect(server.requests).toHaveLength(4);
    });

    it('checks each hop: a redirect to loopback on a port that is not allowed is refused', async () => {
      const internal = await listen((_request, response) => json(response, 200, { secret: true }));
      const entry = await listen((_request, response) => {
        response.writeHead(302, { location: internal.url('/admin') });
        response.end();
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${entry.port}`] }).request({ url: entry.url(), maxBytes: 1_000 }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { address: '127.0.0.1' } });
      expect(internal.connections).toBe(0);
    });

    it('refuses a redirect to the cloud metadata address', async () => {
      const entry = await listen((_request, response) => {
        response.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' });
        response.end();
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${entry.port}`] }).request({ url: entry.url(), maxBytes: 1_000 }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_ADDRESS_REFUSED', details: { address: '169.254.169.254' } });
    });

    it('refuses a redirect to another host when sameHostRedirectsOnly is set', async () => {
      const entry = await listen((_request, response) => {
        response.writeHead(302, { location: `http://localhost:${entry.port}/elsewhere` });
        response.end();
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${entry.port}`, 'localhost'] }).request({
          url: entry.url(),
          maxBytes: 1_000,
          sameHostRedirectsOnly: true,
        }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_REDIRECT_REFUSED' });
      expect(entry.requests).toHaveLength(1);
    });

    it('refuses a redirect to a non-http scheme or with credentials', async () => {
      const entry = await listen((request, response) => {
        response.writeHead(302, {
          location: request.url === '/file' ? 'file:///etc/passwd' : `http://user:pass@127.0.0.1:${entry.port}/`,
        });
        response.end();
      });
      const outbound = client({ allowPrivate: [`127.0.0.1:${entry.port}`] });
      const file = await rejection(outbound.request({ url: entry.url('/file'), maxBytes: 1_000 }));
      expect(file).toMatchObject({ code: 'OUTBOUND_REDIRECT_REFUSED', details: { cause: 'OUTBOUND_SCHEME_REFUSED' } });
      const credentials = await rejection(outbound.request({ url: entry.url('/userinfo'), maxBytes: 1_000 }));
      expect(credentials).toMatchObject({
        code: 'OUTBOUND_REDIRECT_REFUSED',
        details: { cause: 'OUTBOUND_URL_INVALID' },
      });
      expect(JSON.stringify(credentials)).not.toContain('pass');
    });

    it('never downgrades https to http, even where http is allowed', () => {
      const current = new URL('https://peer.example/feed');
      let thrown: unknown;
      try {
        redirectTarget(current, 'http://peer.example/feed', current, false, true);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'OUTBOUND_REDIRECT_REFUSED' });
      expect(redirectTarget(current, '/other', current, true, false).href).toBe('https://peer.example/other');
    });

    it('turns a POST answered by 303 into a GET without body', async () => {
      const server = await listen((request, response) => {
        if (request.method === 'POST') {
          response.writeHead(303, { location: '/result' });
          response.end();
        } else json(response, 200, {});
      });
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url('/submit'),
        method: 'POST',
        body: 'payload',
        maxBytes: 1_000,
      });
      expect(response.status).toBe(200);
      expect(server.requests.map(({ method, url, body }) => [method, url, body])).toEqual([
        ['POST', '/submit', 'payload'],
        ['GET', '/result', ''],
      ]);
    });

    it('refuses to re-send a POST to a 307 or 308 target', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(308, { location: '/moved' });
        response.end();
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
          url: server.url('/submit'),
          method: 'POST',
          body: 'payload',
          maxBytes: 1_000,
        }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_REDIRECT_REFUSED', details: { status: 308 } });
      expect(server.requests).toHaveLength(1);
    });

    it('never carries a cookie the server set into the next hop', async () => {
      const server = await listen((request, response) => {
        if (request.url === '/login') {
          response.writeHead(302, { location: '/home', 'set-cookie': 'session=stolen; Path=/' });
          response.end();
        } else json(response, 200, {});
      });
      await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url('/login'),
        maxBytes: 1_000,
      });
      expect(server.requests).toHaveLength(2);
      for (const request of server.requests) expect(request.headers.cookie).toBeUndefined();
    });
  });

  describe('bodies and time', () => {
    it('cuts a 200 MB streamed body at the cap and keeps memory bounded', async () => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        // Generated on demand: the server holds one chunk at a time.
        const body = new Readable({
          read() {
            if (sent >= 200 * 1024 * 1024) this.push(null);
            else {
              sent += chunk.length;
              this.push(chunk);
            }
          },
        });
        body.on('error', () => undefined);
        response.on('error', () => undefined);
        body.pipe(response);
      });
      const before = process.memoryUsage().rss;
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({ url: server.url(), maxBytes: 1024 * 1024 }),
      );
      const after = process.memoryUsage().rss;
      expect(error).toMatchObject({ code: 'OUTBOUND_TOO_LARGE', details: { maxBytes: 1024 * 1024 } });
      expect(sent).toBeLessThan(200 * 1024 * 1024);
      expect(after - before).toBeLessThan(100 * 1024 * 1024);
    });

    it('refuses early when Content-Length announces more than the cap', async () => {
      const server = await listenRaw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\nContent-Type: text/plain\r\n\r\nabc');
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({ url: server.url(), maxBytes: 1_000 }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_TOO_LARGE', details: { contentLength: 209715200 } });
    });

    it('never reads past a small Content-Length whatever follows it', async () => {
      const server = await listenRaw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\n');
        socket.write(Buffer.alloc(4 * 1024 * 1024, 'b'));
      });
      const response = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url(),
        maxBytes: 1_000,
      });
      expect(response.body.toString()).toBe('bbbbb');
    });

    it('refuses a response that claims both a small Content-Length and a chunked body', async () => {
      const server = await listenRaw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n');
        socket.write(`100000\r\n${'c'.repeat(0x100000)}\r\n`);
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({ url: server.url(), maxBytes: 1_000 }),
      );
      expect(error.code).toBe('OUTBOUND_CONNECT_FAILED');
    });

    it('cuts a chunked body larger than the cap even without a length', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('d'.repeat(5_000));
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({ url: server.url(), maxBytes: 4_999 }),
      );
      expect(error.code).toBe('OUTBOUND_TOO_LARGE');
    });

    it('cuts a body that drips one byte a second at the total timeout (504)', async () => {
      const timers = new Set<NodeJS.Timeout>();
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => response.write('x'), 1_000);
        timers.add(timer);
        response.on('close', () => clearInterval(timer));
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
          url: server.url(),
          maxBytes: 1_000_000,
          timeoutMs: 1_500,
        }),
      );
      for (const timer of timers) clearInterval(timer);
      expect(error).toMatchObject({ code: 'OUTBOUND_TIMEOUT', status: 504, details: { phase: 'total' } });
    });

    it('stops when the caller aborts, with the caller’s reason', async () => {
      const server = await listen(() => undefined);
      const controller = new AbortController();
      const pending = client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
        url: server.url(),
        maxBytes: 1_000,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error('shutting down')), 50);
      await expect(pending).rejects.toThrow('shutting down');
    });
  });

  describe('content types and JSON', () => {
    it('refuses a 2xx of the wrong media type', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<html></html>');
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).request({
          url: server.url(),
          maxBytes: 1_000,
          accept: ['application/json'],
        }),
      );
      expect(error).toMatchObject({
        code: 'OUTBOUND_CONTENT_TYPE',
        details: { contentType: 'text/html; charset=utf-8' },
      });
      expect(server.requests[0]!.headers.accept).toBe('application/json');
    });

    it('parses JSON as unknown, accepting +json types', async () => {
      const server = await listen((_request, response) =>
        json(response, 200, { type: 'Note' }, 'application/activity+json; charset=utf-8'),
      );
      const { response, data } = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).getJson({
        url: server.url(),
        maxBytes: 1_000,
      });
      expect(response.status).toBe(200);
      expect(data).toEqual({ type: 'Note' });
    });

    it('reports invalid JSON as OUTBOUND_INVALID_JSON', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"unterminated":');
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).getJson({ url: server.url(), maxBytes: 1_000 }),
      );
      expect(error.code).toBe('OUTBOUND_INVALID_JSON');
    });

    it('refuses a JSON request answered with another type', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('{}');
      });
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${server.port}`] }).getJson({ url: server.url(), maxBytes: 1_000 }),
      );
      expect(error.code).toBe('OUTBOUND_CONTENT_TYPE');
    });

    it('returns a non-2xx with data undefined, whatever its body', async () => {
      const server = await listen((_request, response) => {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>gone</h1>');
      });
      const result = await client({ allowPrivate: [`127.0.0.1:${server.port}`] }).getJson({
        url: server.url(),
        maxBytes: 1_000,
      });
      expect(result.response.status).toBe(404);
      expect(result.data).toBeUndefined();
    });
  });

  describe('refused requests', () => {
    it.each(['Cookie', 'authorization', 'Proxy-Authorization'])('refuses the %s header', async (header) => {
      const error = await rejection(
        client({ allowPrivate: [`127.0.0.1:${healthy.port}`] }).request({
          url: healthy.url(),
          headers: { [header]: 'secret' },
          maxBytes: 1_000,
        }),
      );
      expect(error).toMatchObject({ code: 'OUTBOUND_REQUEST_INVALID', details: { header: header.toLowerCase() } });
    });

    it('refuses headers the client manages', async () => {
      const error = await rejection(
        client().request({ url: 'https://peer.example/', headers: { host: 'internal' }, maxBytes: 1 }),
      );
      expect(error.code).toBe('OUTBOUND_REQUEST_INVALID');
    });

    it('refuses URLs with credentials without echoing them', async () => {
      const error = await rejection(client().request({ url: 'https://user:hunter2@peer.example/', maxBytes: 1 }));
      expect(error.code).toBe('OUTBOUND_URL_INVALID');
      expect(error.url).toBe('https://peer.example/');
      expect(JSON.stringify(error.details)).not.toContain('hunter2');
    });

    it('refuses plain http when it is not allowed, and other schemes always', async () => {
      const strict = client({ allowHttp: false, allowPrivate: [`127.0.0.1:${healthy.port}`] });
      expect((await rejection(strict.request({ url: healthy.url(), maxBytes: 1 }))).code).toBe(
        'OUTBOUND_SCHEME_REFUSED',
      );
      expect((await rejection(client().request({ url: 'ftp://peer.example/', maxBytes: 1 }))).code).toBe(
        'OUTBOUND_SCHEME_REFUSED',
      );
      expect((await rejection(client().request({ url: 'not a url', maxBytes: 1 }))).code).toBe('OUTBOUND_URL_INVALID');
    });
  });

  describe('TLS', () => {
    it('verifies certificates: a self-signed one is refused', async () => {
      const directory = mkdtempSync(path.join(tmpdir(), 'outbound-tls-'));
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-days',
            '1',
            '-subj',
            '/CN=127.0.0.1',
            '-keyout',
            path.join(directory, 'key.pem'),
            '-out',
            path.join(directory, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
      } catch {
        rmSync(directory, { recursive: true, force: true });
        return; // no openssl on this machine: nothing to serve TLS with
      }
      const server = https.createServer(
        { key: readFileSync(path.join(directory, 'key.pem')), cert: readFileSync(path.join(directory, 'cert.pem')) },
        (_request, response) => json(response, 200, {}),
      );
      rmSync(directory, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      try {
        const error = await rejection(
          client({ allowPrivate: [`127.0.0.1:${port}`] }).request({ url: `https://127.0.0.1:${port}/`, maxBytes: 1 }),
        );
        expect(error.code).toBe('OUTBOUND_CONNECT_FAILED');
        expect(String((error.details as { cause: string }).cause)).toMatch(/CERT|SELF_SIGNED/);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});
