import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readCredentials, writeCredentials } from './config';
import { lynxp } from './spec-support';

type Answer = { status: number; body: unknown };

/**
 * A device-grant server on loopback that speaks RFC 8628 like the API: it answers slow_down (and counts it) when a
 * poll comes sooner than the interval allows, and hands out the token once `approve()` was called.
 */
async function startDeviceServer(options: { interval: number; outcome?: 'approve' | 'deny' | 'expire' }) {
  const state = {
    polls: 0,
    tooFast: 0,
    interval: options.interval,
    lastPoll: 0,
    codeRequests: [] as unknown[],
    tokens: new Map<string, string>(),
  };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const answer = route(request, body);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  let url = '';
  const route = (request: IncomingMessage, body: Record<string, string>): Answer => {
    if (request.method === 'POST' && request.url === '/api/v1/auth/device/code') {
      state.codeRequests.push(body);
      return {
        status: 200,
        body: {
          device_code: 'device-secret',
          user_code: 'BCDF-GHJK',
          verification_uri: `${url}/device`,
          verification_uri_complete: `${url}/device?code=BCDF-GHJK`,
          expires_in: 600,
          interval: options.interval,
        },
      };
    }
    if (request.method === 'POST' && request.url === '/api/v1/auth/device/token') {
      const now = Date.now();
      state.polls++;
      const early = state.lastPoll && now - state.lastPoll < state.interval * 1000;
      state.lastPoll = now;
      if (early) {
        state.tooFast++;
        state.interval += 5;
        return { status: 400, body: { error: 'slow_down', error_description: 'too fast' } };
      }
      // First poll: pending; second: slow down once (the client must wait 5 s more); then the outcome.
      if (state.polls === 1) return { status: 400, body: { error: 'authorization_pending' } };
      if (state.polls === 2 && options.outcome === 'approve') {
        state.interval += 5;
        return { status: 400, body: { error: 'slow_down', error_description: 'slow down' } };
      }
      if (options.outcome === 'deny') return { status: 400, body: { error: 'access_denied' } };
      if (options.outcome === 'expire') return { status: 400, body: { error: 'expired_token' } };
      return {
        status: 200,
        body: {
          access_token: 'lp_issued',
          token_type: 'Bearer',
          expires_in: 3600,
          scope: (state.codeRequests[0] as { scope: string }).scope,
        },
      };
    }
    if (request.method === 'GET' && request.url === '/api/v1/me') {
      const handle = state.tokens.get(request.headers.authorization ?? '');
      if (!handle) return { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } };
      return { status: 200, body: { id: 'u1', handle, displayName: `Name ${handle}`, email: `${handle}@x.test` } };
    }
    if (request.method === 'DELETE' && request.url === '/api/v1/me/token') {
      const authorization = request.headers.authorization ?? '';
      if (!state.tokens.delete(authorization)) {
        return { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } };
      }
      return { status: 204, body: undefined };
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route' } } };
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.tokens.set('Bearer lp_issued', 'alice');
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function readBody(request: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text ? (JSON.parse(text) as Record<string, string>) : {}));
  });
}

describe('lynxp login, whoami, logout', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lynxp-auth-'));
    env = { LYNXPROMPT_CONFIG_DIR: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('polls at the interval, slows down when told, and stores the token (0600) as the default instance', async () => {
    const server = await startDeviceServer({ interval: 1, outcome: 'approve' });
    try {
      const login = await lynxp(['--json', 'login', '--instance', `${server.url}/`], { cwd: dir, env });
      expect(login.stderr).toContain(`open ${server.url}/device?code=BCDF-GHJK`);
      expect(login.stderr).toContain('BCDF-GHJK');
      expect(login.code).toBe(0);
      expect(JSON.parse(login.stdout)).toEqual({
        instance: server.url,
        handle: 'alice',
        scopes: ['profile:read', 'blueprints:read', 'blueprints:write', 'variables:read'],
        expiresAt: expect.any(String),
        default: true,
      });
      expect(server.state.polls).toBe(3);
      expect(server.state.tooFast).toBe(0);
      expect(server.state.codeRequests).toEqual([
        { client_id: 'lynxprompt-cli', scope: 'profile:read blueprints:read blueprints:write variables:read' },
      ]);
      expect(statSync(path.join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
      const stored = readCredentials(env);
      expect(stored.defaultInstance).toBe(server.url);
      expect(stored.instances[server.url]).toMatchObject({ token: 'lp_issued', handle: 'alice' });

      // The default instance needs no --instance.
      const who = await lynxp(['--json', 'whoami'], { cwd: dir, env });
      expect(who.code).toBe(0);
      expect(JSON.parse(who.stdout)).toMatchObject({
        instance: server.url,
        handle: 'alice',
        source: 'login',
        default: true,
      });
    } finally {
      await server.close();
    }
  });

  it('fails with its own code and exit 4 when the request is denied or expires', async () => {
    for (const [outcome, code] of [
      ['deny', 'ACCESS_DENIED'],
      ['expire', 'DEVICE_CODE_EXPIRED'],
    ] as const) {
      const server = await startDeviceServer({ interval: 1, outcome });
      try {
        const login = await lynxp(['--json', 'login', '--instance', server.url, '--no-browser'], { cwd: dir, env });
        expect(login.code).toBe(4);
        expect(JSON.parse(login.stdout).error.code).toBe(code);
        expect(readCredentials(env).instances).toEqual({});
      } finally {
        await server.close();
      }
    }
  });

  it('keeps several instances apart; logout forgets one and moves the default to another', async () => {
    const server = await startDeviceServer({ interval: 1 });
    // The same server under two names is two instances to the CLI.
    const first = server.url;
    const second = server.url.replace('127.0.0.1', 'localhost');
    server.state.tokens.set('Bearer lp_bob', 'bob');
    try {
      expect((await lynxp(['login', '--instance', first], { cwd: dir, env })).code).toBe(0);
      const credentials = readCredentials(env);
      credentials.instances[second] = { token: 'lp_bob', handle: 'bob', savedAt: new Date().toISOString() };
      writeCredentials(credentials, env);

      const all = JSON.parse((await lynxp(['--json', 'whoami', '--all'], { cwd: dir, env })).stdout);
      expect(all.instances).toEqual([
        expect.objectContaining({ instance: first, handle: 'alice', default: true }),
        expect.objectContaining({ instance: second, handle: 'bob', default: false }),
      ]);
      const bob = JSON.parse((await lynxp(['--json', 'whoami', '--instance', second], { cwd: dir, env })).stdout);
      expect(bob).toMatchObject({ instance: second, handle: 'bob' });

      const out = await lynxp(['--json', 'logout'], { cwd: dir, env });
      expect(JSON.parse(out.stdout)).toEqual({ loggedOut: [first], defaultInstance: second, revoked: [first] });
      // Revoked on the instance, not only forgotten here.
      expect(server.state.tokens.has('Bearer lp_issued')).toBe(false);
      const signedOut = await lynxp(['--json', 'whoami', '--instance', first], { cwd: dir, env });
      expect(signedOut.code).toBe(4);
      expect(JSON.parse(signedOut.stdout).error.code).toBe('UNAUTHENTICATED');
      expect((await lynxp(['whoami'], { cwd: dir, env })).stdout).toContain('@bob');

      // A token the instance no longer accepts: the API's own code, exit 4.
      const revoked = await lynxp(['--json', 'whoami'], { cwd: dir, env: { ...env, LYNXPROMPT_TOKEN: 'lp_gone' } });
      expect(revoked.code).toBe(4);
      expect(JSON.parse(revoked.stdout).error.code).toBe('UNAUTHENTICATED');
    } finally {
      await server.close();
    }
  });
});
