import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, CommonErrorCode } from '../errors/app-error';

/**
 * Top-level body fields that are whole documents with rules of their own: blueprint content may hold any Unicode,
 * and checkContent (blueprints/blueprint-rules.ts) refuses NUL characters and unpaired surrogates in it with the
 * capability's own code, CONTENT_INVALID_ENCODING.
 */
export const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['content']);

/**
 * Keys no API field has, and that reach the prototype chain: class-transformer treats a nested `constructor` key as
 * a class to instantiate (a TypeError, so a 500), and code merging objects could be polluted through `__proto__`.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENCODED_NUL = /%00/i;

/** Why a string cannot be stored as the text it is: PostgreSQL refuses NUL (22021); UTF-8 has no lone surrogates. */
function flaw(text: string): string | undefined {
  if (text.includes('\u0000')) return 'a NUL character';
  if (LONE_SURROGATE.test(text)) return 'an unpaired surrogate';
  return undefined;
}

interface Found {
  field: string;
  reason: string;
  /** A key that is refused as a field name, not for its characters. */
  prototypeKey?: boolean;
}

/** Walks a parsed body or query (already bounded in depth by the body parser and qs) for unstorable text. */
function findFlaw(root: unknown, skipTopLevel: ReadonlySet<string>): Found | undefined {
  const pending: Array<{ value: unknown; field: string; topLevel: boolean }> = [
    { value: root, field: '', topLevel: true },
  ];
  while (pending.length > 0) {
    const { value, field, topLevel } = pending.pop()!;
    if (typeof value === 'string') {
      const reason = flaw(value);
      if (reason) return { field, reason };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (PROTOTYPE_KEYS.has(key)) return { field: path, reason: 'a reserved name', prototypeKey: true };
        const keyReason = flaw(key);
        if (keyReason) return { field: path, reason: keyReason };
        if (topLevel && skipTopLevel.has(key)) continue;
        pending.push({ value: child, field: path, topLevel: false });
      }
    }
  }
  return undefined;
}

function refuse(location: string, found: Found): AppError {
  if (found.prototypeKey) {
    return new AppError(CommonErrorCode.ValidationFailed, 'The request has invalid fields', 400, {
      fields: [{ field: found.field, messages: [`${location} field \`${found.field}\` is not accepted`] }],
    });
  }
  const where = found.field ? `${location} field \`${found.field}\`` : `the ${location}`;
  return new AppError(
    CommonErrorCode.InvalidEncoding,
    `The ${where} contains ${found.reason}, which text cannot hold`,
    400,
    {
      location,
      field: found.field,
    },
  );
}

/**
 * One guard for every route, after the body parser and before any handler or pipe:
 * - a NUL character or an unpaired surrogate in the path, the query string or any string (or key) of a JSON or form
 *   body is a 400 INVALID_ENCODING, instead of a PostgreSQL error (22021, a 500) or text silently stored altered;
 * - a `__proto__`, `constructor` or `prototype` key anywhere in the query or body is a 400 VALIDATION_FAILED.
 */
export function guardRequestInput(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (ENCODED_NUL.test(request.path)) {
      next(refuse('path', { field: '', reason: 'a NUL character' }));
      return;
    }
    const inQuery = findFlaw(request.query, new Set());
    if (inQuery) {
      next(refuse('query', inQuery));
      return;
    }
    // A raw body (git's upload-pack requests) is bytes, not text: its handler reads it.
    const inBody = Buffer.isBuffer(request.body) ? undefined : findFlaw(request.body, DOCUMENT_FIELDS);
    next(inBody ? refuse('body', inBody) : undefined);
  };
}
