import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdOf } from '../request-context/request-id';
import { AppError, CommonErrorCode } from './app-error';
import { isConnectionFailure, OUTAGE_RETRY_AFTER_SECONDS, serviceUnavailable } from './outage';

const codeByStatus: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: CommonErrorCode.BadRequest,
  [HttpStatus.UNAUTHORIZED]: CommonErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: CommonErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: CommonErrorCode.NotFound,
  [HttpStatus.METHOD_NOT_ALLOWED]: CommonErrorCode.MethodNotAllowed,
  [HttpStatus.PAYLOAD_TOO_LARGE]: CommonErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: CommonErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: CommonErrorCode.RateLimited,
};

/** Turns anything thrown into the error envelope. Stack traces go to the log, never to the client. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = toAppError(exception, request);
    const requestId = requestIdOf(request);

    if (error.code === CommonErrorCode.ServiceUnavailable) {
      // An outage is expected to pass, and logging every request's stack during one would flood the log.
      this.logger.warn(
        { err: { message: (exception as Error).message }, requestId, code: error.code },
        'request failed: dependency unavailable',
      );
    } else if (error.status >= 500) {
      this.logger.error({ err: exception, requestId, code: error.code }, 'request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (error.code === CommonErrorCode.ServiceUnavailable)
      response.setHeader('Retry-After', OUTAGE_RETRY_AFTER_SECONDS);
    response
      .status(error.status)
      .type('application/json')
      .json({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
        requestId,
      });
  }
}

export function toAppError(exception: unknown, request: Request): AppError {
  if (exception instanceof AppError) return exception;
  if (isConnectionFailure(exception)) return serviceUnavailable();
  if (exception instanceof ThrottlerException) {
    return new AppError(CommonErrorCode.RateLimited, 'Too many requests; slow down and retry later.', 429);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === HttpStatus.NOT_FOUND) {
      return new AppError(CommonErrorCode.NotFound, `No route for ${request.method} ${request.path}`, status);
    }
    const code = codeByStatus[status] ?? (status >= 500 ? CommonErrorCode.Internal : CommonErrorCode.BadRequest);
    return new AppError(code, status >= 500 ? 'Internal server error' : exception.message, status);
  }
  const clientStatus = exposedClientStatus(exception);
  if (clientStatus === HttpStatus.NOT_FOUND) {
    return new AppError(CommonErrorCode.NotFound, `No route for ${request.method} ${request.path}`, clientStatus);
  }
  if (clientStatus) {
    return new AppError(
      codeByStatus[clientStatus] ?? CommonErrorCode.BadRequest,
      (exception as Error).message,
      clientStatus,
    );
  }
  return new AppError(CommonErrorCode.Internal, 'Internal server error', 500);
}

/** Express middleware (serve-static, body-parser) raise http-errors; `expose` marks those meant for the client. */
function exposedClientStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
