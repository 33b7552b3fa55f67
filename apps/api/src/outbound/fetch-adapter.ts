import {
  OutboundRequestInvalidError,
  privilegedRequest,
  type OutboundHttpClient,
  type OutboundPrivileges,
} from './outbound-http-client';

/** What libraries that take a custom fetch (openid-client's `customFetch`) pass as the second argument. */
export interface OutboundFetchInit {
  method?: string;
  headers?: Record<string, string> | Headers | Array<[string, string]>;
  body?: string | URLSearchParams | Uint8Array | ArrayBuffer | ReadableStream | null;
  redirect?: 'follow' | 'manual' | 'error';
  signal?: AbortSignal | null;
  duplex?: 'half';
}

export type OutboundFetch = (url: string | URL, init?: OutboundFetchInit) => Promise<Response>;

export interface OutboundFetchOptions {
  /** Cap of every response body. */
  maxBytes: number;
  timeoutMs?: number;
  /** Destinations the operator configured deliberately (an OIDC issuer); never anything a remote party chose. */
  allowPrivate?: readonly string[];
  /** Plain http regardless of the configuration (loopback test issuers only). */
  allowHttp?: boolean;
  /** Let an Authorization header through (OAuth client authentication, bearer tokens at userinfo). */
  allowAuthorization?: boolean;
}

// The client sets these itself; what a library puts there (its own User-Agent, a computed length) is dropped.
const DROPPED_HEADERS = new Set(['user-agent', 'content-length', 'accept-encoding', 'connection', 'host']);
// Statuses whose Response may not carry a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch-compatible function that sends through the outbound client, for libraries that do their own HTTP. It
 * returns a standard Response; failures reject with the client's OutboundError (its code says what happened).
 */
export function createOutboundFetch(client: OutboundHttpClient, options: OutboundFetchOptions): OutboundFetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      throw new OutboundRequestInvalidError(`Unsupported method ${method}`, { method });
    }
    const headers: Record<string, string> = {};
    let authorization: string | undefined;
    new Headers(init.headers ?? {}).forEach((value, name) => {
      if (DROPPED_HEADERS.has(name)) return;
      if (name === 'authorization' && options.allowAuthorization) authorization = value;
      else headers[name] = value;
    });
    const body = requestBody(init.body, headers);
    const privileges: OutboundPrivileges = {
      allowPrivate: options.allowPrivate,
      allowHttp: options.allowHttp,
      authorization,
      followRedirects: (init.redirect ?? 'follow') === 'follow',
    };
    const response = await client[privilegedRequest](
      {
        url: input,
        method,
        headers,
        body,
        maxBytes: options.maxBytes,
        timeoutMs: options.timeoutMs,
        signal: init.signal ?? undefined,
      },
      privileges,
    );
    if (init.redirect === 'error' && response.status >= 300 && response.status <= 399 && response.headers.location) {
      throw new TypeError('fetch failed: redirect mode is "error"');
    }
    const result = new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
      status: response.status,
      headers: Object.entries(response.headers),
    });
    // Response.url cannot be set through the constructor; libraries read it to know where the answer came from.
    Object.defineProperty(result, 'url', { value: response.url });
    return result;
  };
}

function requestBody(body: OutboundFetchInit['body'], headers: Record<string, string>): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return body.toString();
  }
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new OutboundRequestInvalidError('Streamed request bodies are not supported');
}
