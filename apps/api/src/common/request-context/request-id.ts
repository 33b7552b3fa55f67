import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';
// A caller's id is kept only if it is short and harmless to log and echo.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/** The caller's X-Request-Id when well-formed, otherwise a new one. */
export function acceptRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
}

/** Accepts the caller's X-Request-Id when well-formed, otherwise mints one, and echoes it on the response. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const id = acceptRequestId(request.header(REQUEST_ID_HEADER));
  requestIds.set(request, id);
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}

export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = randomUUID();
    requestIds.set(request, id);
  }
  return id;
}
