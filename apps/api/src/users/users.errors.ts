import { AppError, CommonErrorCode } from '../common/errors/app-error';

export class EmailTakenError extends AppError {
  constructor() {
    super('USER_EMAIL_TAKEN', 'An account with this email address already exists', 409);
  }
}

export class HandleTakenError extends AppError {
  constructor(handle: string) {
    super('USER_HANDLE_TAKEN', `The handle "${handle}" is taken`, 409, { handle });
  }
}

export class InvalidHandleError extends AppError {
  constructor(handle: string) {
    super('USER_HANDLE_INVALID', 'Handles are 2–39 lowercase letters, digits or single hyphens', 400, { handle });
  }
}

export class AdminRequiredError extends AppError {
  constructor() {
    super(CommonErrorCode.Forbidden, 'Only administrators can do this', 403);
  }
}
