import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './fake-github';

/**
 * A stand-in for Google's OAuth endpoints on 127.0.0.1 (GOOGLE_AUTHORIZATION_URL, GOOGLE_TOKEN_URL,
 * GOOGLE_USERINFO_URL). Authorization grants at once; the token endpoint checks the client, the redirect URI, the
 * single-use code and the PKCE verifier; userinfo returns the configured OpenID claims. Every request is recorded.
 */

export interface FakeGoogleUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
  picture?: string;
}

export interface FakeGoogle {
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly userinfoUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app settings that point the instance at this fake. */
  readonly env: Record<string, string>;
  setUser(user: FakeGoogleUser): void;
  readonly requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeGoogle(initialUser: FakeGoogleUser): Promise<FakeGoogle> {
  const clientId = `${randomBytes(6).toString('hex')}.apps.googleusercontent.example`;
  const clientSecret = `GOCSPX-${randomBytes(12).toString('hex')}`;
  let user = initialUser;
  const codes = new Map<string, { user: FakeGoogleUser; redirectUri: string; challenge?: string; method?: string }>();
  const tokens = new Map<string, FakeGoogleUser>();
  const requests: RecordedRequest[] = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake-google');
      const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
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

      if (url.pathname === '/o/oauth2/v2/auth') {
        const query = recorded.query;
        if (query.client_id !== clientId || query.response_type !== 'code' || !query.redirect_uri) {
          return json(400, { error: 'invalid_request' });
        }
        const code = `4/${randomBytes(12).toString('hex')}`;
        codes.set(code, {
          user,
          redirectUri: query.redirect_uri,
          challenge: query.code_challenge,
          method: query.code_challenge_method,
        });
        const back = new URL(query.redirect_uri);
        back.searchParams.set('code', code);
        if (query.state !== undefined) back.searchParams.set('state', query.state);
        response.writeHead(302, { location: back.href });
        return response.end();
      }

      if (url.pathname === '/token' && request.method === 'POST') {
        const issued = codes.get(body.code ?? '');
        codes.delete(body.code ?? '');
        if (body.client_id !== clientId || body.client_secret !== clientSecret) {
          return json(401, { error: 'invalid_client' });
        }
        if (!issued || issued.redirectUri !== body.redirect_uri || body.grant_type !== 'authorization_code') {
          return json(400, { error: 'invalid_grant' });
        }
        if (issued.challenge) {
          const expected = createHash('sha256')
            .update(body.code_verifier ?? '')
            .digest('base64url');
          if (issued.method !== 'S256' || expected !== issued.challenge) {
            return json(400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' });
          }
        }
        const accessToken = `ya29.${randomBytes(16).toString('hex')}`;
        tokens.set(accessToken, issued.user);
        return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3599, scope: 'openid email' });
      }

      if (url.pathname === '/v1/userinfo') {
        const owner = tokens.get((request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
        if (!owner) return json(401, { error: 'invalid_request' });
        return json(200, owner);
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authorizationUrl: `${base}/o/oauth2/v2/auth`,
    tokenUrl: `${base}/token`,
    userinfoUrl: `${base}/v1/userinfo`,
    clientId,
    clientSecret,
    env: {
      GOOGLE_CLIENT_ID: clientId,
      GOOGLE_CLIENT_SECRET: clientSecret,
      GOOGLE_AUTHORIZATION_URL: `${base}/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${base}/token`,
      GOOGLE_USERINFO_URL: `${base}/v1/userinfo`,
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
