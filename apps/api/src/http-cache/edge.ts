import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import proxyAddress from 'proxy-addr';
import { ifNoneMatchMatches } from '../common/http/conditional-get';
import { rateLimitClient, rateLimitCounterKey } from '../common/http/rate-limit';
import { routePathOf } from '../common/http/route-template';
import { maskUrl } from '../common/logging/redaction';
import { ipPrefix } from '../common/request-context/ip-prefix';
import { acceptRequestId, REQUEST_ID_HEADER } from '../common/request-context/request-id';
import type { MetricsService } from '../metrics/metrics.service';
import type { Allowance, BatchedRateLimiter } from './batched-rate-limiter';
import { cacheTagsOf } from './cache-tags';
import type { CachedResponse, SharedResponseCache } from './shared-response-cache';

export interface EdgeOptions {
  readonly cache: SharedResponseCache;
  readonly limiter: BatchedRateLimiter;
  readonly metrics: MetricsService;
  readonly logger: Logger;
  /** Express's compiled TRUST_PROXY rule, so the client address and scheme are read exactly as the pipeline reads them. */
  readonly trustProxy: (address: string, hop: number) => boolean;
}

/** Only these may be answered from, or stored in, the shared cache. */
function anonymousRead(request: IncomingMessage): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.headers.cookie === undefined &&
    request.headers.authorization === undefined
  );
}

function isHttps(request: IncomingMessage, trustProxy: EdgeOptions['trustProxy']): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted) return true;
  if (!trustProxy(request.socket.remoteAddress ?? '', 0)) return false;
  const forwarded = request.headers['x-forwarded-proto'];
  return typeof forwarded === 'string' && forwarded.split(',')[0]?.trim() === 'https';
}

/**
 * Wraps the framework's request listener with the shared response cache. A hit is answered here, with the headers
 * the pipeline produced plus this request's own id and rate-limit state, and is logged and measured like any other
 * request. A miss goes through the whole pipeline, and its response is offered to the cache when it finishes.
 */
export function withEdgeCache(pipeline: RequestListener, options: EdgeOptions): RequestListener {
  const { cache, trustProxy } = options;
  if (!cache.enabled) return pipeline;
  return (request, response) => {
    if (!anonymousRead(request)) return pipeline(request, response);
    // HSTS and redirects depend on the scheme, so http and https copies are kept apart.
    const key = `${isHttps(request, trustProxy) ? 'https' : 'http'} ${request.url}`;
    const since = cache.sequence;
    const entry = cache.lookup(key, request.headers);
    const answer = entry ? answerFromCache(entry, request, response, options) : 'miss';
    if (answer === 'answered') return;
    captureOnEnd(key, since, request, response, options);
    // At its limit as far as this process knows: the guard decides, once it can see every hit counted here.
    if (answer === 'limited') void options.limiter.flush().finally(() => pipeline(request, response));
    else pipeline(request, response);
  };
}

/** Answers a hit; sends nothing when the entry cannot answer or the client's known count says the guard must decide. */
function answerFromCache(
  entry: CachedResponse,
  request: IncomingMessage,
  response: ServerResponse,
  { limiter, metrics, logger, trustProxy }: EdgeOptions,
): 'answered' | 'miss' | 'limited' {
  const notModified = ifNoneMatchMatches(request.headers['if-none-match'], entry.etag);
  if (!notModified && entry.body === undefined) return 'miss';
  const started = process.hrtime.bigint();
  const ip = proxyAddress(request, trustProxy);
  let allowance: Allowance | undefined;
  if (entry.rateLimit !== undefined) {
    allowance = limiter.tryHit(
      rateLimitCounterKey(entry.method, entry.routePath, rateLimitClient(ip)),
      entry.rateLimit,
    );
    if (!allowance) return 'limited';
  }
  const requestId = acceptRequestId(request.headers['x-request-id']);
  const headers = [...(notModified ? entry.headers.notModified : entry.headers.full), REQUEST_ID_HEADER, requestId];
  if (allowance) {
    headers.push(
      'X-RateLimit-Limit',
      String(allowance.limit),
      'X-RateLimit-Remaining',
      String(allowance.remaining),
      'X-RateLimit-Reset',
      String(allowance.resetSeconds),
    );
  }
  // One writeHead with a flat list: far cheaper than a setHeader per header on this hot path.
  response.writeHead(notModified ? 304 : 200, headers);
  response.end(notModified || request.method === 'HEAD' ? undefined : entry.body);

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  metrics.httpDuration.observe({ method: request.method ?? 'GET', route: entry.routePath }, seconds);
  metrics.httpRequests.inc({
    method: request.method ?? 'GET',
    route: entry.routePath,
    status: String(response.statusCode),
  });
  if (logger.isLevelEnabled('info')) {
    logger.info(
      {
        req: { id: requestId, method: request.method, url: maskUrl(request.url ?? ''), client: ipPrefix(ip) },
        res: { statusCode: response.statusCode },
        responseTime: Math.round(seconds * 1000),
        cache: 'hit',
      },
      'request completed',
    );
  }
  return 'answered';
}

/**
 * Keeps a response sent whole with `end(body)`, or a bodiless 304; streamed responses (files, archives) are never
 * stored.
 */
function captureOnEnd(
  key: string,
  since: number,
  request: IncomingMessage,
  response: ServerResponse,
  options: EdgeOptions,
) {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    const routePath = routePathOf(request as Request);
    observeGuardCount(request, response, routePath, options);
    const body = request.method === 'GET' ? wholeBody(response, args) : null;
    if (body !== null) {
      options.cache.offer(
        key,
        { headers: request.headers, method: 'GET', routePath, since },
        {
          headers: response.getHeaders(),
          rawHeaderNames: rawHeaderNames(response),
          body,
          tags: cacheTagsOf(response),
        },
      );
    }
    return end(...args);
  }) as ServerResponse['end'];
}

/** Tells the limiter what the guard counted for this client, so cached answers continue from the exact count. */
function observeGuardCount(
  request: IncomingMessage,
  response: ServerResponse,
  routePath: string,
  { limiter, trustProxy }: EdgeOptions,
): void {
  const limit = Number(response.getHeader('x-ratelimit-limit'));
  const remaining = Number(response.getHeader('x-ratelimit-remaining'));
  const reset = Number(response.getHeader('x-ratelimit-reset'));
  if (![limit, remaining, reset].every(Number.isFinite)) return;
  const client = rateLimitClient(proxyAddress(request, trustProxy));
  limiter.observe(rateLimitCounterKey(request.method ?? 'GET', routePath, client), limit - remaining, reset);
}

/** The body `end()` is about to send in one piece (undefined for a 304), or null when this is not such a response. */
function wholeBody(response: ServerResponse, [chunk, encoding]: unknown[]): Buffer | undefined | null {
  if (response.headersSent) return null;
  if (response.statusCode === 304) return undefined;
  if (response.statusCode !== 200) return null;
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  }
  return Buffer.isBuffer(chunk) ? chunk : null;
}

// Node has had it since 15.13; its type declarations for this version do not list it.
function rawHeaderNames(response: ServerResponse): string[] {
  return (response as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
}
