import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AppError, CommonErrorCode } from '../errors/app-error';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON is the only request body the API takes: a body of another type gets 415, a malformed one 400 and an
 * oversized one 413, each in the error envelope (parser errors would otherwise surface as bare 400/500s).
 */
export function jsonBodyParser(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true, type: () => true });
  return (request: Request, response: Response, next: NextFunction) => {
    if (!hasBody(request)) {
      next();
      return;
    }
    if (!request.is(['application/json', 'application/*+json'])) {
      next(
        new AppError(
          CommonErrorCode.UnsupportedMediaType,
          `Request bodies must be application/json, not ${request.headers['content-type'] ?? 'unspecified'}`,
          415,
        ),
      );
      return;
    }
    parse(request, response, (error?: BodyParserError) => {
      if (!error) {
        next();
      } else if (error.type === 'entity.too.large') {
        next(new AppError(CommonErrorCode.PayloadTooLarge, `Request body exceeds ${limitBytes} bytes`, 413));
      } else if (error.type === 'entity.parse.failed') {
        next(new AppError(CommonErrorCode.MalformedJson, 'Request body is not valid JSON', 400));
      } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
        next(new AppError(CommonErrorCode.UnsupportedMediaType, error.message, 415));
      } else {
        next(new AppError(CommonErrorCode.BadRequest, 'Request body could not be read', error.status ?? 400));
      }
    });
  };
}
