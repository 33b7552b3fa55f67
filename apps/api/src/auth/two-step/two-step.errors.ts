import { AppError } from '../../common/errors/app-error';

export class TwoStepAlreadyEnabledError extends AppError {
  constructor() {
    super('TWO_STEP_ALREADY_ENABLED', 'Two-step verification is already on; turn it off first to set it up again', 409);
  }
}

export class TwoStepNotEnabledError extends AppError {
  constructor() {
    super('TWO_STEP_NOT_ENABLED', 'Two-step verification is not on for this account', 409);
  }
}

export class TwoStepSetupRequiredError extends AppError {
  constructor() {
    super('TWO_STEP_SETUP_REQUIRED', 'Start the authenticator app setup first', 409);
  }
}

export class TwoStepCodeInvalidError extends AppError {
  constructor() {
    super('TWO_STEP_CODE_INVALID', 'The code is wrong or has expired', 400);
  }
}

export class TwoStepCodeReusedError extends AppError {
  constructor() {
    super('TWO_STEP_CODE_REUSED', 'This code has already been used; wait for the next one', 400);
  }
}

export class RecoveryCodeInvalidError extends AppError {
  constructor() {
    super('TWO_STEP_RECOVERY_CODE_INVALID', 'The recovery code is wrong or has already been used', 400);
  }
}

export class TwoStepLockedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TWO_STEP_LOCKED', 'Too many wrong codes; try again later', 429, { retryAfterSeconds });
  }
}
