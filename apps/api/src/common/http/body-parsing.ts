import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AppError, CommonErrorCode } from '../errors/app-error';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * The only paths that also take `application/x-www-form-urlencoded`: OAuth device clients (RFC 8628) send forms.
 * Everywhere else a form body stays a 415, so no route can be fed by a cross-site HTML form.
 */
export const FORM_ENCODED_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/auth/device/code',
  '/api/v1/auth/device/token',
]);

/**
 * Git's upload-pack requests to the plugin marketplace's repositories (docs/integrations.md): raw pkt-lines, which the
 * handler reads, bounded to GIT_REQUEST_BYTES (after any Content-Encoding: gzip is undone).
 */
const GIT_UPLOAD_PACK_PATH = /^\/api\/v1\/profiles\/[^/]+\/claude-plugins\/[^/]+\/git-upload-pack$/;
const GIT_UPLOAD_PACK_TYPE = 'application/x-git-upload-pack-request';
const GIT_REQUEST_BYTES = 1024 * 1024;

/** Paths whose handlers verify a signature over the exact bytes received (Stripe's webhook). */
export const RAW_BODY_PATHS: ReadonlySet<string> = new Set(['/api/v1/billing/webhook']);
const RAW_BODY = Symbol('rawBody');

/** The bytes of a JSON body as received, kept on RAW_BODY_PATHS only. */
export function rawBodyOf(request: Request): Buffer | undefined {
  return (request as Request & { [RAW_BODY]?: Buffer })[RAW_BODY];
}

/**
 * How deeply a JSON body may nest. Every request body of the API is a few levels deep; far deeper ones are attacks on
 * whatever recurses over the parsed value later (class-transformer, validators, our own walks), which would overflow
 * the stack and answer 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether raw JSON nests deeper than `limit`: one pass over the bytes, before anything parses or recurses. */
export function jsonNestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON is the only request body the API takes (plus forms on FORM_ENCODED_PATHS): a body of another type gets 415,
 * a malformed or too deeply nested one 400 and an oversized one 413, each in the error envelope (parser errors would otherwise surface
 * as bare 400/500s).
 */
export function jsonBodyParser(limitBytes: number): RequestHandler {
  const parseJson = express.json({
    limit: limitBytes,
    strict: true,
    type: () => true,
    // The decoder would silently turn invalid bytes into U+FFFD; refuse them instead, so nothing is stored altered.
    verify: (request, _response, buffer) => {
      if (!isUtf8(buffer)) throw Object.assign(new Error('invalid UTF-8'), { type: 'encoding.invalid-utf8' });
      const received = request as Request & { [RAW_BODY]?: Buffer };
      // Express routes a path with a trailing slash to the same handler.
      if (RAW_BODY_PATHS.has(received.path.replace(/\/+$/, ''))) received[RAW_BODY] = buffer;
      if (jsonNestsDeeperThan(buffer, MAX_JSON_DEPTH)) {
        throw Object.assign(new Error('nested too deeply'), { type: 'entity.too.deep' });
      }
    },
  });
  // Flat key=value pairs only (no nested qs syntax): the form endpoints take a handful of strings.
  const parseForm = express.urlencoded({ extended: false, limit: limitBytes, parameterLimit: 32, type: () => true });
  const parseGit = express.raw({ limit: GIT_REQUEST_BYTES, type: () => true });
  return (request: Request, response: Response, next: NextFunction) => {
    if (!hasBody(request)) {
      next();
      return;
    }
    const isGit = GIT_UPLOAD_PACK_PATH.test(request.path) && Boolean(request.is(GIT_UPLOAD_PACK_TYPE));
    const formAllowed = FORM_ENCODED_PATHS.has(request.path);
    const isForm = formAllowed && Boolean(request.is('application/x-www-form-urlencoded'));
    if (!isGit && !isForm && !request.is(['application/json', 'application/*+json'])) {
      const accepted = formAllowed ? 'application/json or application/x-www-form-urlencoded' : 'application/json';
      next(
        new AppError(
          CommonErrorCode.UnsupportedMediaType,
          `Request bodies must be ${accepted}, not ${request.headers['content-type'] ?? 'unspecified'}`,
          415,
        ),
      );
      return;
    }
    const parse = isGit ? parseGit : isForm ? parseForm : parseJson;
    parse(request, response, (error?: BodyParserError) => {
      if (!error) {
        next();
      } else if (error.type === 'entity.too.large') {
        const limit = isGit ? GIT_REQUEST_BYTES : limitBytes;
        next(new AppError(CommonErrorCode.PayloadTooLarge, `Request body exceeds ${limit} bytes`, 413));
      } else if (error.type === 'parameters.too.many') {
        next(new AppError(CommonErrorCode.PayloadTooLarge, 'The form has too many fields', 413));
      } else if (error.type === 'encoding.invalid-utf8') {
        next(new AppError(CommonErrorCode.InvalidEncoding, 'Request body is not valid UTF-8', 400));
      } else if (error.type === 'entity.too.deep') {
        next(
          new AppError(
            CommonErrorCode.NestedTooDeeply,
            `Request body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`,
            400,
          ),
        );
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
