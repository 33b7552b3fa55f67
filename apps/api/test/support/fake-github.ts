import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for github.com on 127.0.0.1: the OAuth authorize and token endpoints under /login/oauth (GITHUB_URL),
 * and the REST API under /api/v3 as on GitHub Enterprise Server (GITHUB_API_URL). The authorize page grants at
 * once, as GitHub does for an app the user has already authorized. It checks what GitHub checks (client
 * credentials, redirect URI, single-use codes, the PKCE verifier against the challenge) and records every request
 * so tests can assert what the app sent.
 */

export interface FakeGithubUser {
  id: number;
  login: string;
  name?: string | null;
  /** GET /user/emails: what the user has, verified or not. */
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, string>;
  authorization?: string;
}

export interface FakeGithub {
  /** GITHUB_URL */
  readonly webUrl: string;
  /** GITHUB_API_URL */
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app settings that point the instance at this fake. */
  readonly env: Record<string, string>;
  /** Who "signs in" at the next authorization. */
  setUser(user: FakeGithubUser): void;
  readonly requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

interface IssuedCode {
  user: FakeGithubUser;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export async function startFakeGithub(initialUser: FakeGithubUser): Promise<FakeGithub> {
  const clientId = `Iv1.${randomBytes(8).toString('hex')}`;
  const clientSecret = randomBytes(20).toString('hex');
  let user = initialUser;
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, FakeGithubUser>();
  const requests: RecordedRequest[] = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake-github');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = Object.fromEntries(
        request.headers['content-type']?.includes('json')
          ? Object.entries(JSON.parse(raw || '{}') as Record<string, string>)
          : new URLSearchParams(raw),
      );
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: request.headers.authorization,
      };
      requests.push(recorded);
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };

      if (url.pathname === '/login/oauth/authorize') {
        const query = recorded.query;
        if (query.client_id !== clientId || !query.redirect_uri) return json(400, { error: 'bad_request' });
        const code = randomBytes(10).toString('hex');
        codes.set(code, {
          user,
          redirectUri: query.redirect_uri,
          codeChallenge: query.code_challenge,
          codeChallengeMethod: query.code_challenge_method,
        });
        const back = new URL(query.redirect_uri);
        back.searchParams.set('code', code);
        if (query.state !== undefined) back.searchParams.set('state', query.state);
        response.writeHead(302, { location: back.href });
        return response.end();
      }

      if (url.pathname === '/login/oauth/access_token' && request.method === 'POST') {
        // GitHub answers token errors with 200 and an error body.
        const issued = codes.get(body.code ?? '');
        codes.delete(body.code ?? '');
        if (body.client_id !== clientId || body.client_secret !== clientSecret) {
          return json(200, { error: 'incorrect_client_credentials' });
        }
        if (!issued || issued.redirectUri !== body.redirect_uri) return json(200, { error: 'bad_verification_code' });
        if (issued.codeChallenge) {
          const expected = createHash('sha256')
            .update(body.code_verifier ?? '')
            .digest('base64url');
          if (issued.codeChallengeMethod !== 'S256' || expected !== issued.codeChallenge) {
            return json(200, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
          }
        }
        const accessToken = `gho_${randomBytes(16).toString('hex')}`;
        tokens.set(accessToken, issued.user);
        return json(200, { access_token: accessToken, token_type: 'bearer', scope: 'read:user,user:email' });
      }

      const owner = tokens.get((request.headers.authorization ?? '').replace(/^(Bearer|token)\s+/i, ''));
      if (url.pathname === '/api/v3/user') {
        if (!owner) return json(401, { message: 'Bad credentials' });
        const primary = owner.emails.find((email) => email.primary);
        return json(200, {
          id: owner.id,
          login: owner.login,
          name: owner.name ?? null,
          avatar_url: `https://avatars.example/u/${owner.id}`,
          html_url: `https://github.example/${owner.login}`,
          // The public profile address: not necessarily verified, so the app must not rely on it.
          email: primary?.email ?? null,
        });
      }
      if (url.pathname === '/api/v3/user/emails') {
        if (!owner) return json(401, { message: 'Bad credentials' });
        return json(
          200,
          owner.emails.map((email) => ({ ...email, visibility: email.primary ? 'public' : null })),
        );
      }
      json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    webUrl: base,
    apiUrl: `${base}/api/v3`,
    clientId,
    clientSecret,
    env: {
      GITHUB_CLIENT_ID: clientId,
      GITHUB_CLIENT_SECRET: clientSecret,
      GITHUB_URL: base,
      GITHUB_API_URL: `${base}/api/v3`,
    },
    requests,
    setUser(next) {
      user = next;
    },
    requestsTo(path) {
      return requests.filter((request) => request.path === path);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
