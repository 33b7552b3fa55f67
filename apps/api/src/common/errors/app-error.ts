/**
 * A failure with a stable, machine-readable code. Services throw these (or subclasses per capability); one filter
 * maps them to HTTP in the error envelope, so clients switch on `code`, never on wording. It is the shared packages'
 * CodedError, so a format error from @lynxprompt/formats is an AppError too.
 */
export { CodedError as AppError } from '@lynxprompt/formats';

/** Codes the platform itself emits; capabilities define their own next to their code (x.errors.ts). */
export const CommonErrorCode = {
  NotFound: 'NOT_FOUND',
  MalformedJson: 'MALFORMED_JSON',
  InvalidEncoding: 'INVALID_ENCODING',
  NestedTooDeeply: 'NESTED_TOO_DEEPLY',
  BadRequest: 'BAD_REQUEST',
  ValidationFailed: 'VALIDATION_FAILED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  RateLimited: 'RATE_LIMITED',
  NotReady: 'NOT_READY',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_ERROR',
} as const;

export interface FieldError {
  field: string;
  messages: string[];
}
