import type { Request, RequestHandler } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import { ipPrefix } from '../request-context/ip-prefix';
import { requestIdOf } from '../request-context/request-id';
import { maskUrl } from './redaction';

/** One line per request. Headers are not logged at all: the URL (masked), status and timing are what we need. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (request) => requestIdOf(request as Request),
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (request: { id: string; method: string; url: string; raw: Request }) => ({
        id: request.id,
        method: request.method,
        url: maskUrl(request.url),
        client: ipPrefix(request.raw.ip),
      }),
      res: (response: { raw: { statusCode: number } }) => ({ statusCode: response.raw.statusCode }),
    },
  }) as RequestHandler;
}
