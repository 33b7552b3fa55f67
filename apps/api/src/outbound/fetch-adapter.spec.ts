import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOutboundFetch } from './fetch-adapter';
import { createOutboundClient } from './outbound-http-client';

describe('createOutboundFetch', () => {
  let server: http.Server;
  let base: string;
  let port: number;
  const received: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        if (request.url === '/redirect') {
          response.writeHead(302, { location: '/json' });
          response.end();
        } else if (request.url === '/empty') {
          response.writeHead(204);
          response.end();
        } else {
          response.writeHead(200, { 'content-type': 'application/json', 'x-seen': String(received.length) });
          response.end(JSON.stringify({ ok: true }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (received.length = 0));

  const outbound = createOutboundClient({
    allowPrivate: [],
    allowHttp: true,
    connectTimeoutMs: 2_000,
    timeoutMs: 5_000,
    userAgent: 'LynxPrompt/test (+http://lynx.test)',
  });

  it('returns a standard Response; the allow-list entry applies to this fetch only', async () => {
    const fetchWithEntry = createOutboundFetch(outbound, { maxBytes: 1_000, allowPrivate: [`127.0.0.1:${port}`] });
    const response = await fetchWithEntry(`${base}/json`, { headers: { accept: 'application/json' } });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${base}/json`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true });
    expect(received[0]!.headers['user-agent']).toBe('LynxPrompt/test (+http://lynx.test)');

    await expect(outbound.request({ url: `${base}/json`, maxBytes: 1_000 })).rejects.toMatchObject({
      code: 'OUTBOUND_ADDRESS_REFUSED',
    });
  });

  it("honours redirect: 'manual' by returning the 3xx", async () => {
    const manualFetch = createOutboundFetch(outbound, { maxBytes: 1_000, allowPrivate: [`127.0.0.1:${port}`] });
    const response = await manualFetch(`${base}/redirect`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/json');
    expect(received).toHaveLength(1);
    expect((await manualFetch(`${base}/empty`)).status).toBe(204);
  });

  it('sends form bodies and, only when allowed, the Authorization header', async () => {
    const oauthFetch = createOutboundFetch(outbound, {
      maxBytes: 1_000,
      allowPrivate: [`127.0.0.1:${port}`],
      allowAuthorization: true,
    });
    await oauthFetch(`${base}/token`, {
      method: 'POST',
      headers: { authorization: 'Basic Y2xpZW50OnNlY3JldA==', 'user-agent': 'library/1.0' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'abc' }),
    });
    expect(received[0]).toMatchObject({ method: 'POST', body: 'grant_type=authorization_code&code=abc' });
    expect(received[0]!.headers).toMatchObject({
      authorization: 'Basic Y2xpZW50OnNlY3JldA==',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      'user-agent': 'LynxPrompt/test (+http://lynx.test)',
    });

    const plainFetch = createOutboundFetch(outbound, { maxBytes: 1_000, allowPrivate: [`127.0.0.1:${port}`] });
    await expect(plainFetch(`${base}/json`, { headers: { authorization: 'Bearer x' } })).rejects.toMatchObject({
      code: 'OUTBOUND_REQUEST_INVALID',
    });
    await expect(plainFetch(`${base}/json`, { headers: { cookie: 'a=b' } })).rejects.toMatchObject({
      code: 'OUTBOUND_REQUEST_INVALID',
    });
    expect(received).toHaveLength(1);
  });

  it('drops Authorization on a redirect to another origin', async () => {
    const other = http.createServer((request, response) => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: '' });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    const redirecting = http.createServer((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${otherPort}/elsewhere` });
      response.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const redirectingPort = (redirecting.address() as AddressInfo).port;
    try {
      const oauthFetch = createOutboundFetch(outbound, {
        maxBytes: 1_000,
        allowPrivate: [`127.0.0.1:${redirectingPort}`, `127.0.0.1:${otherPort}`],
        allowAuthorization: true,
      });
      const response = await oauthFetch(`http://127.0.0.1:${redirectingPort}/`, {
        headers: { authorization: 'Bearer token' },
      });
      expect(response.status).toBe(200);
      expect(received.at(-1)!.headers.authorization).toBeUndefined();
    } finally {
      for (const each of [other, redirecting]) {
        each.closeAllConnections();
        await new Promise((resolve) => each.close(resolve));
      }
    }
  });
});
