import type { ErrorResponse } from '@lynxprompt/api-contract';

/** An API failure carrying the error envelope's fields, so the UI can show code, message and requestId. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** 4xx answers are the client's fault: repeating the same request will not help. */
  get isClientError(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500;
  }
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { error, requestId } = value as Record<string, unknown>;
  if (typeof requestId !== 'string' || typeof error !== 'object' || error === null) return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

/** Builds an ApiError from a non-2xx answer, whether or not it carries the standard envelope. */
export function apiErrorFromResponse(body: unknown, response: Response): ApiError {
  if (isErrorResponse(body)) {
    return new ApiError(body.error.code, body.error.message, response.status, body.requestId, body.error.details);
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(
    `HTTP_${response.status}`,
    `The server answered ${response.status}${statusText} without an error description.`,
    response.status,
    response.headers.get('x-request-id') ?? undefined,
  );
}

/** Wraps a failure to reach the server at all (offline, DNS, refused connection, aborted). */
export function apiErrorFromThrown(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  const error = new ApiError(
    'NETWORK_ERROR',
    'The server could not be reached. Check your connection and try again.',
    undefined,
    undefined,
  );
  error.cause = cause;
  return error;
}
