import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1, for sign-in tests.
 *
 * The provider is an ES module with a large ES-module dependency tree, which Jest's module registry cannot load, so it
 * runs in a worker thread (plain Node, same process). In front of it sits a small reverse proxy, which is the issuer
 * the app sees: it forwards everything unchanged, except that a test can have it rewrite the ID token in token
 * responses (another audience, an expired one, another nonce, or one signed with a key the provider never
 * published), re-signed so that only the altered property is wrong. What rejects such a token is then the relying
 * party's own validation.
 */

export interface OidcAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

export type IdTokenTampering = 'none' | 'wrong-audience' | 'expired' | 'wrong-nonce' | 'wrong-key';

export interface OidcProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface TestOidcProvider {
  /** The issuer (the proxy's origin), as OIDC_ISSUER_URL. */
  readonly issuer: string;
  /** The account the interaction signs in, and the claims it releases. */
  setAccount(account: OidcAccount): Promise<void>;
  /** How the next token responses' ID tokens are altered on their way to the app. */
  setTampering(tampering: IdTokenTampering): void;
  /** Authorization requests the provider received, as parsed query parameters. */
  readonly authorizationRequests: Array<Record<string, string>>;
  /** Token responses that carried an ID token, and what the proxy did to it. */
  readonly tokenResponses: Array<{ tampering: IdTokenTampering; originalClaims: Record<string, unknown> }>;
  close(): Promise<void>;
}

// Runs inside the worker. Kept as plain JavaScript: the worker does not go through Jest's transformer.
const PROVIDER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { pathToFileURL } = require('node:url');

let account = workerData.account;

(async () => {
  const { default: Provider } = await import(pathToFileURL(workerData.providerEntry).href);
  const provider = new Provider(workerData.issuer, {
    clients: [
      {
        client_id: workerData.clientId,
        client_secret: workerData.clientSecret,
        redirect_uris: [workerData.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Every authorization request must carry an S256 code challenge, confidential client or not.
    pkce: { required: () => true },
    jwks: { keys: [workerData.signingJwk] },
    cookies: { keys: [workerData.cookieKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    interactions: { url: (_ctx, interaction) => '/interaction/' + interaction.uid },
    findAccount: async (_ctx, sub) => {
      if (!account || sub !== account.sub) return undefined;
      const claims = { ...account };
      return { accountId: sub, claims: async () => claims };
    },
  });

  // The "login page": signs the configured account in and grants what the client asked for, with no form.
  const interaction = async (req, res) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: account.sub, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope || 'openid'));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String((error && error.stack) || error));
    }
  };

  const handle = provider.callback();
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/interaction/')) return void interaction(req, res);
    handle(req, res);
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));

  parentPort.on('message', (message) => {
    if (message.type === 'account') {
      account = message.account;
      parentPort.postMessage({ ack: message.id });
    } else if (message.type === 'close') {
      server.closeAllConnections();
      server.close(() => parentPort.postMessage({ closed: true }));
    }
  });
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

export async function startOidcProvider(options: OidcProviderOptions, account: OidcAccount): Promise<TestOidcProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const signingJwk = { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256', use: 'sig' };
  // Same kid, different key: what a forger without the provider's key would produce.
  const forgedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  const authorizationRequests: Array<Record<string, string>> = [];
  const tokenResponses: TestOidcProvider['tokenResponses'] = [];
  let tampering: IdTokenTampering = 'none';

  // The proxy listens first: its address is the issuer the provider must announce.
  const proxy = http.createServer();
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const worker = new Worker(PROVIDER_WORKER, {
    eval: true,
    workerData: {
      providerEntry: require.resolve('oidc-provider'),
      issuer,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      signingJwk,
      cookieKey: randomBytes(32).toString('hex'),
      account,
    },
    // The provider prints notices (Node 20 is not among its supported runtimes); the tests do not need them.
    stdout: true,
    stderr: true,
  });
  worker.unref();
  worker.stdout.resume();
  worker.stderr.resume();
  const providerPort = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: { port?: number; error?: string }) => {
      if (message.port) resolve(message.port);
      else if (message.error) reject(new Error(message.error));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

  proxy.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/auth') authorizationRequests.push(Object.fromEntries(url.searchParams));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: providerPort,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: new URL(issuer).host },
        },
        (upstreamResponse) => {
          const body: Buffer[] = [];
          upstreamResponse.on('data', (chunk: Buffer) => body.push(chunk));
          upstreamResponse.on('end', () => {
            let payload = Buffer.concat(body);
            if (url.pathname === '/token' && upstreamResponse.statusCode === 200) {
              payload = Buffer.from(rewriteTokenResponse(payload.toString('utf8')));
            }
            const headers = { ...upstreamResponse.headers, 'content-length': String(payload.length) };
            response.writeHead(upstreamResponse.statusCode ?? 502, headers);
            response.end(payload);
          });
        },
      );
      upstream.on('error', (error) => {
        response.statusCode = 502;
        response.end(String(error));
      });
      upstream.end(Buffer.concat(chunks));
    });
  });

  const providerKey = createPrivateKey({ key: signingJwk, format: 'jwk' });

  function rewriteTokenResponse(text: string): string {
    const body = JSON.parse(text) as { id_token?: string };
    if (!body.id_token) return text;
    const [headerPart, claimsPart] = body.id_token.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<string, unknown>;
    const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as Record<string, unknown>;
    tokenResponses.push({ tampering, originalClaims: { ...claims } });
    if (tampering === 'none') return text;
    const now = Math.floor(Date.now() / 1000);
    let key: KeyObject = providerKey;
    if (tampering === 'wrong-audience') claims.aud = 'some-other-client';
    if (tampering === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    if (tampering === 'wrong-nonce') claims.nonce = randomBytes(16).toString('base64url');
    if (tampering === 'wrong-key') key = forgedKey;
    body.id_token = signJwt(header, claims, key);
    return JSON.stringify(body);
  }

  let messageId = 0;
  return {
    issuer,
    authorizationRequests,
    tokenResponses,
    setTampering(next) {
      tampering = next;
    },
    setAccount(next) {
      const id = (messageId += 1);
      return new Promise<void>((resolve) => {
        const onMessage = (message: { ack?: number }) => {
          if (message.ack !== id) return;
          worker.off('message', onMessage);
          resolve();
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'account', id, account: next });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** RS256 over header.claims, the way the provider itself signs. */
function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
