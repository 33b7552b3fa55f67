import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { classifyAddress, normalizeIpLiteral } from './address-policy';
import { OutboundError, OutboundErrorCode, OutboundRequestInvalidError } from './outbound.errors';

export { OutboundError, OutboundErrorCode, OutboundRequestInvalidError, requireSuccessStatus } from './outbound.errors';

export interface OutboundRequest {
  url: string | URL;
  method?: 'GET' | 'POST';
  /** Cookie, Authorization and Proxy-Authorization are refused (thrown), as are the headers the client manages. */
  headers?: Record<string, string>;
  /** POST only. */
  body?: string;
  /** Streamed cap, whatever Content-Length says. */
  maxBytes: number;
  /** Allowed media types of a 2xx body (application/json also admits any application/*+json); omitted = any. */
  accept?: readonly string[];
  /** Total time including the body; defaults to config.outbound.timeoutMs. */
  timeoutMs?: number;
  /** Refuse any redirect that changes scheme, host or port. */
  sameHostRedirectsOnly?: boolean;
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  /** Final URL after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: Buffer;
}

/** `dns.lookup` with `{ all: true }`; tests pass their own to simulate hostile DNS. */
export type OutboundLookup = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

export interface OutboundClientOptions {
  /** `host` or `host:port` entries exempt from the private-address deny list. */
  allowPrivate: readonly string[];
  allowHttp: boolean;
  connectTimeoutMs: number;
  timeoutMs: number;
  userAgent: string;
  lookup?: OutboundLookup;
  logger?: Logger;
}

/**
 * Extra rights for the few callers whose destination is deliberate operator configuration (the OIDC issuer), reached
 * only through this symbol so ordinary callers cannot widen their own request by accident.
 */
export const privilegedRequest = Symbol('OutboundHttpClient.privilegedRequest');
export interface OutboundPrivileges {
  /** Extra allow-list entries (same format as OUTBOUND_ALLOW_PRIVATE) for this request only. */
  allowPrivate?: readonly string[];
  /** Plain http even where the configuration refuses it (loopback OIDC issuers, as before this client existed). */
  allowHttp?: boolean;
  /** Sent to the first origin only: dropped on any redirect that changes origin. */
  authorization?: string;
  /** false returns 3xx responses as they are (fetch's `redirect: 'manual'`). */
  followRedirects?: boolean;
}
type PrivilegedRequest = Omit<OutboundRequest, 'body'> & { body?: string | Buffer };

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization']);
// Framing and identity headers are the client's to set; a caller's value would be ignored or unsafe.
const MANAGED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'accept-encoding',
  'user-agent',
]);
const DNS_ERROR_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);
const TOTAL_TIMEOUT = Symbol('outbound total timeout');

interface AllowEntry {
  host: string;
  port: number | undefined;
}

type HopResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'redirect'; status: number; location: string };

interface Hop {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  maxBytes: number;
  accept: readonly string[] | undefined;
  allowPrivate: readonly AllowEntry[];
  followRedirects: boolean;
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * The one SSRF-safe HTTP client (docs/federation.md §7). Every address a name resolves to is checked inside the
 * socket's own `lookup`, so the address checked is the address connected to: no separate resolution whose answer a
 * rebinding DNS server could change. Non-2xx statuses are returned, not thrown.
 *
 * Redirects (at most 3) are re-validated hop by hop. A POST answered by 301/302/303 continues as a GET without body
 * (as browsers and fetch do); 307/308 on a POST is refused (OUTBOUND_REDIRECT_REFUSED) rather than re-sending a
 * body to a place the caller never chose.
 */
@Injectable()
export class OutboundHttpClient {
  private readonly allowPrivate: readonly AllowEntry[];
  private readonly lookup: OutboundLookup;

  constructor(private readonly options: OutboundClientOptions) {
    this.allowPrivate = parseAllowEntries(options.allowPrivate);
    this.lookup = options.lookup ?? (dns.lookup as OutboundLookup);
  }

  request(request: OutboundRequest): Promise<OutboundResponse> {
    return this.send(request, {});
  }

  /** GET (POST when a body is given), accepting application/json and +json types unless told otherwise. */
  async getJson(
    request: Omit<OutboundRequest, 'method' | 'accept'> & { accept?: readonly string[] },
  ): Promise<{ response: OutboundResponse; data: unknown }> {
    const response = await this.request({
      ...request,
      method: request.body === undefined ? 'GET' : 'POST',
      accept: request.accept ?? ['application/json'],
    });
    if (response.status < 200 || response.status > 299) return { response, data: undefined };
    try {
      // A UTF-8 byte order mark is legal in the wild and harmless; JSON.parse would choke on it.
      const text = response.body.toString('utf8').replace(/^\uFEFF/, '');
      return { response, data: JSON.parse(text) as unknown };
    } catch {
      throw new OutboundError(OutboundErrorCode.InvalidJson, 'The response body is not valid JSON', response.url);
    }
  }

  [privilegedRequest](request: PrivilegedRequest, privileges: OutboundPrivileges): Promise<OutboundResponse> {
    return this.send(request, privileges);
  }

  private async send(request: PrivilegedRequest, privileges: OutboundPrivileges): Promise<OutboundResponse> {
    const allowHttp = this.options.allowHttp || privileges.allowHttp === true;
    let method = request.method ?? 'GET';
    let body = request.body;
    const callerHeaders = validateRequest(request, method);
    const firstUrl = parseDestination(request.url, allowHttp);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const allowPrivate = [...this.allowPrivate, ...parseAllowEntries(privileges.allowPrivate ?? [])];
    let authorization = privileges.authorization;

    const deadline = new AbortController();
    if (request.signal?.aborted) throw request.signal.reason;
    const forwardAbort = () => deadline.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', forwardAbort, { once: true });
    const timer = setTimeout(() => deadline.abort(TOTAL_TIMEOUT), timeoutMs);
    try {
      let url = firstUrl;
      for (let redirects = 0; ; redirects += 1) {
        const headers = this.headersFor(callerHeaders, request.accept, authorization, method, body);
        const result = await this.exchange({
          url,
          method,
          headers,
          body,
          maxBytes: request.maxBytes,
          accept: request.accept,
          allowPrivate,
          followRedirects: privileges.followRedirects !== false,
          timeoutMs,
          signal: deadline.signal,
        });
        if (result.kind === 'response') {
          this.options.logger?.debug({ url: url.href, status: result.status, redirects }, 'outbound request');
          return { status: result.status, url: url.href, headers: result.headers, body: result.body };
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new OutboundError(OutboundErrorCode.TooManyRedirects, `More than ${MAX_REDIRECTS} redirects`, url);
        }
        const next = redirectTarget(url, result.location, firstUrl, request.sameHostRedirectsOnly === true, allowHttp);
        if (method === 'POST') {
          if (result.status === 307 || result.status === 308) {
            throw new OutboundError(OutboundErrorCode.RedirectRefused, 'A POST is never re-sent to a redirect', url, {
              status: result.status,
              location: next.href,
            });
          }
          method = 'GET';
          body = undefined;
        }
        if (next.origin !== url.origin) authorization = undefined;
        url = next;
      }
    } catch (error) {
      if (error instanceof OutboundError && error.code === OutboundErrorCode.AddressRefused) {
        this.options.logger?.info({ url: error.url, details: error.details }, 'outbound request refused');
      }
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  private headersFor(
    callerHeaders: Record<string, string>,
    accept: readonly string[] | undefined,
    authorization: string | undefined,
    method: 'GET' | 'POST',
    body: string | Buffer | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      accept: '*/*',
      ...callerHeaders,
      'user-agent': this.options.userAgent,
      // No compression: the byte cap then bounds memory exactly, and there is no decompression bomb to defuse.
      'accept-encoding': 'identity',
      connection: 'close',
    };
    if (accept) headers.accept = accept.join(', ');
    if (authorization !== undefined) headers.authorization = authorization;
    // An explicit length (0 for an empty POST) rather than chunked encoding, which some servers refuse.
    if (method === 'POST') headers['content-length'] = String(Buffer.byteLength(body ?? ''));
    return headers;
  }

  /** One request/response on a fresh socket; resolves with the response or the redirect to follow. */
  private exchange(hop: Hop): Promise<HopResult> {
    const { url } = hop;
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const nameForAllowList = normalizeIpLiteral(hostname) ?? hostname.toLowerCase().replace(/\.$/, '');
    const checked = new Set<string>();
    let refusal: OutboundError | undefined;

    const check = (candidate: string): OutboundError | undefined => {
      const verdict = classifyAddress(candidate);
      if (verdict.allowed || isExempt(hop.allowPrivate, nameForAllowList, verdict.address, port)) {
        checked.add(verdict.address);
        return undefined;
      }
      return new OutboundError(OutboundErrorCode.AddressRefused, `Refusing to connect to ${verdict.address}`, url, {
        address: verdict.address,
        reason: verdict.reason,
      });
    };

    // An IP literal never goes through `lookup`, so it is checked here; the connect check below covers it again.
    const literal = normalizeIpLiteral(hostname);
    if (literal !== undefined) {
      const refused = check(literal);
      if (refused) return Promise.reject(refused);
    }

    // Resolves every address, refuses the whole request if any is denied (never silently tries another), and hands
    // the socket exactly the addresses it checked.
    const lookup: LookupFunction = (name, options, callback) => {
      this.lookup(name, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
        if (error || !addresses || addresses.length === 0) {
          refusal = new OutboundError(OutboundErrorCode.DnsFailed, `Could not resolve ${name}`, url, {
            cause: error?.code ?? 'ENODATA',
          });
          callback(refusal, '', 0);
          return;
        }
        for (const { address } of addresses) {
          const refused = check(address);
          if (refused) {
            refusal = refused;
            callback(refused, '', 0);
            return;
          }
        }
        const answers = addresses.map(({ address, family }) => ({ address: normalizeIpLiteral(address)!, family }));
        const [first] = answers;
        if (options.all) callback(null, answers);
        else callback(null, first!.address, first!.family);
      });
    };

    return new Promise<HopResult>((resolve, reject) => {
      let settled = false;
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request({
        protocol: url.protocol,
        hostname,
        port,
        path: `${url.pathname}${url.search}`,
        method: hop.method,
        headers: hop.headers,
        // A fresh agent per request: no socket is ever shared between destinations or left open afterwards.
        agent: false,
        lookup,
        ...(url.protocol === 'https:' ? { rejectUnauthorized: true } : {}),
      });

      const settle = (error: unknown, result?: HopResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        hop.signal.removeEventListener('abort', onAbort);
        if (error === undefined) resolve(result!);
        else reject(error);
        // Done either way: whatever is still open on this socket goes.
        request.destroy();
      };
      const fail = (error: unknown) => settle(error);

      const onAbort = () =>
        fail(
          hop.signal.reason === TOTAL_TIMEOUT
            ? new OutboundError(OutboundErrorCode.Timeout, `No complete response within ${hop.timeoutMs} ms`, url, {
                phase: 'total',
                timeoutMs: hop.timeoutMs,
              })
            : hop.signal.reason,
        );
      if (hop.signal.aborted) {
        onAbort();
        return;
      }
      hop.signal.addEventListener('abort', onAbort, { once: true });

      const connectTimer = setTimeout(
        () =>
          fail(
            new OutboundError(OutboundErrorCode.Timeout, 'Could not connect in time', url, {
              phase: 'connect',
              timeoutMs: this.options.connectTimeoutMs,
            }),
          ),
        this.options.connectTimeoutMs,
      );

      request.on('socket', (socket) => {
        socket.once('connect', () => {
          clearTimeout(connectTimer);
          // Belt and braces: the peer must be one of the addresses the policy passed.
          const remote = normalizeIpLiteral(socket.remoteAddress ?? '');
          if (remote === undefined || !checked.has(remote)) {
            fail(
              new OutboundError(OutboundErrorCode.AddressRefused, 'Connected to an address that was not checked', url, {
                address: socket.remoteAddress,
                reason: 'unchecked',
              }),
            );
          }
        });
      });

      let currentResponse: http.IncomingMessage | undefined;
      // Bytes after a complete message (a Content-Length shorter than what the server sent) make the parser fail
      // once the message is already whole: that message stands, and nothing past it was read.
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (!currentResponse?.complete) fail(refusal ?? networkError(error, url));
      });

      request.on('response', (response) => {
        currentResponse = response;
        const status = response.statusCode ?? 0;
        const headers = flattenHeaders(response.rawHeaders);
        response.on('error', (error: NodeJS.ErrnoException) => fail(networkError(error, url)));

        if (hop.followRedirects && REDIRECT_STATUSES.has(status) && headers.location) {
          settle(undefined, { kind: 'redirect', status, location: headers.location });
          return;
        }
        const declaredLength = headers['content-length'];
        if (declaredLength !== undefined && /^\d+$/.test(declaredLength) && Number(declaredLength) > hop.maxBytes) {
          fail(tooLarge(url, hop.maxBytes, { contentLength: Number(declaredLength) }));
          return;
        }
        if (status >= 200 && status <= 299 && hop.accept && !mediaTypeAccepted(headers['content-type'], hop.accept)) {
          fail(
            new OutboundError(OutboundErrorCode.ContentType, 'Unexpected content type', url, {
              contentType: headers['content-type'] ?? null,
              accept: hop.accept,
            }),
          );
          return;
        }

        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > hop.maxBytes) {
            fail(tooLarge(url, hop.maxBytes, {}));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          settle(undefined, { kind: 'response', status, headers, body: Buffer.concat(chunks, received) }),
        );
        response.on('close', () => {
          if (!response.complete) fail(networkError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), url));
        });
      });

      request.end(hop.body);
    });
  }
}

export function createOutboundClient(options: OutboundClientOptions): OutboundHttpClient {
  return new OutboundHttpClient(options);
}

function validateRequest(request: PrivilegedRequest, method: string): Record<string, string> {
  if (method !== 'GET' && method !== 'POST') {
    throw new OutboundRequestInvalidError(`Unsupported method ${method}`, { method });
  }
  if (request.body !== undefined && method !== 'POST') {
    throw new OutboundRequestInvalidError('A body is only sent with POST');
  }
  if (!Number.isSafeInteger(request.maxBytes) || request.maxBytes < 0) {
    throw new OutboundRequestInvalidError('maxBytes must be a non-negative integer');
  }
  const headers: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(request.headers ?? {})) {
    const name = rawName.toLowerCase();
    if (CREDENTIAL_HEADERS.has(name)) {
      throw new OutboundRequestInvalidError(`The ${name} header is never sent`, { header: name });
    }
    if (MANAGED_HEADERS.has(name) || (name === 'accept' && request.accept)) {
      throw new OutboundRequestInvalidError(`The ${name} header is set by the client`, { header: name });
    }
    try {
      http.validateHeaderName(name);
      http.validateHeaderValue(name, value);
    } catch {
      throw new OutboundRequestInvalidError(`Invalid header ${name}`, { header: name });
    }
    headers[name] = value;
  }
  return headers;
}

/** The URL to request: https (or http when allowed), no userinfo, no fragment. */
function parseDestination(input: string | URL, allowHttp: boolean, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(String(input), base);
  } catch {
    throw new OutboundError(OutboundErrorCode.UrlInvalid, 'Not a valid URL', String(input).slice(0, 2048));
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp)) {
    throw new OutboundError(OutboundErrorCode.SchemeRefused, `The ${url.protocol} scheme is refused`, url, {
      scheme: url.protocol.replace(/:$/, ''),
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundError(OutboundErrorCode.UrlInvalid, 'URLs with credentials are refused', url);
  }
  if (url.hostname === '') throw new OutboundError(OutboundErrorCode.UrlInvalid, 'The URL has no host', url);
  url.hash = '';
  return url;
}

/** Validates a Location against the hop it came from; exported for tests of the rules without a TLS server. */
export function redirectTarget(
  current: URL,
  location: string,
  first: URL,
  sameHostOnly: boolean,
  allowHttp: boolean,
): URL {
  let next: URL;
  try {
    next = parseDestination(location, allowHttp, current);
  } catch (error) {
    if (error instanceof OutboundError) {
      throw new OutboundError(OutboundErrorCode.RedirectRefused, `Redirect refused: ${error.message}`, current, {
        location: error.url,
        cause: error.code,
      });
    }
    throw error;
  }
  if (current.protocol === 'https:' && next.protocol !== 'https:') {
    throw new OutboundError(OutboundErrorCode.RedirectRefused, 'Redirect from https to http refused', current, {
      location: next.href,
    });
  }
  if (sameHostOnly && next.origin !== first.origin) {
    throw new OutboundError(OutboundErrorCode.RedirectRefused, 'Redirect to another origin refused', current, {
      location: next.href,
    });
  }
  return next;
}

function parseAllowEntries(entries: readonly string[]): AllowEntry[] {
  return entries.map(parseAllowEntry).filter((entry): entry is AllowEntry => entry !== undefined);
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address. */
function parseAllowEntry(raw: string): AllowEntry | undefined {
  const entry = raw.trim().toLowerCase();
  if (entry === '') return undefined;
  let host = entry;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    host = bracketed[1]!;
    port = bracketed[2] === undefined ? undefined : Number(bracketed[2]);
  } else {
    const hostAndPort = /^([^:]+):(\d+)$/.exec(entry);
    if (hostAndPort) {
      host = hostAndPort[1]!;
      port = Number(hostAndPort[2]);
    } else if (entry.split(':').length === 2) {
      return undefined;
    }
  }
  return { host: normalizeIpLiteral(host) ?? host.replace(/\.$/, ''), port };
}

function isExempt(entries: readonly AllowEntry[], hostname: string, address: string, port: number): boolean {
  return entries.some(
    (entry) => (entry.host === hostname || entry.host === address) && (entry.port === undefined || entry.port === port),
  );
}

function mediaTypeAccepted(contentType: string | undefined, accept: readonly string[]): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType) return false;
  return accept.some((allowed) => {
    const wanted = allowed.toLowerCase();
    return wanted === mediaType || (wanted === 'application/json' && /^application\/[^/\s]+\+json$/.test(mediaType));
  });
}

function flattenHeaders(rawHeaders: string[]): Record<string, string> {
  // A Map, then fromEntries: a header named __proto__ or constructor stays an ordinary own property.
  const headers = new Map<string, string>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  return Object.fromEntries(headers);
}

function tooLarge(url: URL, maxBytes: number, details: Record<string, unknown>): OutboundError {
  return new OutboundError(OutboundErrorCode.TooLarge, `The response exceeds ${maxBytes} bytes`, url, {
    maxBytes,
    ...details,
  });
}

function networkError(error: NodeJS.ErrnoException, url: URL): OutboundError {
  if (error instanceof OutboundError) return error;
  const cause = typeof error.code === 'string' ? error.code : error.name;
  if (DNS_ERROR_CODES.has(cause)) {
    return new OutboundError(OutboundErrorCode.DnsFailed, `Could not resolve ${url.hostname}`, url, { cause });
  }
  return new OutboundError(OutboundErrorCode.ConnectFailed, `Connection failed (${cause})`, url, { cause });
}
