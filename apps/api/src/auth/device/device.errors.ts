import { AppError, CommonErrorCode } from '../../common/errors/app-error';

export class DeviceCodeNotFoundError extends AppError {
  constructor() {
    super('DEVICE_CODE_NOT_FOUND', 'No pending sign-in request has this code', 404);
  }
}

export class DeviceCodeExpiredError extends AppError {
  constructor() {
    super('DEVICE_CODE_EXPIRED', 'This code has expired; start the sign-in again on the device', 410);
  }
}

export class DeviceCodeAlreadyDecidedError extends AppError {
  constructor() {
    super('DEVICE_CODE_ALREADY_DECIDED', 'This sign-in request was already approved or denied', 409);
  }
}

export class DeviceRateLimitedError extends AppError {
  constructor(retryAfterMs: number) {
    super(CommonErrorCode.RateLimited, 'Too many attempts; slow down and retry later.', 429, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}

/** The error codes of the token endpoint (RFC 8628 §3.5, RFC 6749 §5.2). */
export type DeviceGrantErrorCode =
  | 'authorization_pending'
  | 'slow_down'
  | 'access_denied'
  | 'expired_token'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_request';

/**
 * A token-endpoint refusal. The one documented exception to the error envelope: OAuth clients parse
 * `{ "error": "authorization_pending" }`, so DeviceGrantErrorFilter writes these in RFC 6749 §5.2 form, lower-case
 * codes included.
 */
export class DeviceGrantError extends AppError {
  constructor(
    readonly error: DeviceGrantErrorCode,
    description: string,
  ) {
    super(error, description, 400);
    this.name = 'DeviceGrantError';
  }
}
