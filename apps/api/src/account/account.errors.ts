import { AppError, CommonErrorCode } from '../common/errors/app-error';

export class EmailChangeInvalidError extends AppError {
  constructor() {
    super(
      'EMAIL_CHANGE_INVALID',
      'This confirmation link is not valid, has already been used, or belongs to another account',
      400,
    );
  }
}

export class EmailChangeExpiredError extends AppError {
  constructor() {
    super('EMAIL_CHANGE_EXPIRED', 'This confirmation link has expired. Ask for the change again.', 400);
  }
}

export class EmailUnchangedError extends AppError {
  constructor() {
    super('EMAIL_CHANGE_SAME_ADDRESS', 'This is already the address of your account', 400);
  }
}

export class AccountRateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(CommonErrorCode.RateLimited, 'Too many requests for this account; try again later.', 429, {
      retryAfterSeconds,
    });
  }
}

export class AccountGoneError extends AppError {
  constructor() {
    super(CommonErrorCode.Unauthenticated, 'This account no longer exists', 401);
  }
}
