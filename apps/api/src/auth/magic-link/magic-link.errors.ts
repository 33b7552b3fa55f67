import { AppError, CommonErrorCode } from '../../common/errors/app-error';

export class MagicLinkInvalidError extends AppError {
  constructor() {
    super('MAGIC_LINK_INVALID', 'This sign-in link is not valid or has already been used. Request a new one.', 400);
  }
}

export class MagicLinkExpiredError extends AppError {
  constructor() {
    super('MAGIC_LINK_EXPIRED', 'This sign-in link has expired. Request a new one.', 400);
  }
}

export class MagicLinkRateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(CommonErrorCode.RateLimited, 'Too many sign-in links requested from this network; try again later.', 429, {
      retryAfterSeconds,
    });
  }
}
