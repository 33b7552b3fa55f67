import { AppError } from '../../common/errors/app-error';

export class PasskeyChallengeInvalidError extends AppError {
  constructor() {
    super(
      'PASSKEY_CHALLENGE_INVALID',
      'The passkey challenge is unknown, expired, already used or was issued to another session; start again',
      400,
    );
  }
}

export class PasskeyRegistrationFailedError extends AppError {
  constructor() {
    super('PASSKEY_REGISTRATION_FAILED', 'The passkey could not be verified', 400);
  }
}

export class PasskeyAlreadyRegisteredError extends AppError {
  constructor() {
    super('PASSKEY_ALREADY_REGISTERED', 'This passkey is already registered', 409);
  }
}

export class PasskeyNotRecognizedError extends AppError {
  constructor() {
    super('PASSKEY_NOT_RECOGNIZED', 'This passkey is not registered with this account or instance', 401);
  }
}

export class PasskeyVerificationFailedError extends AppError {
  constructor() {
    super('PASSKEY_VERIFICATION_FAILED', 'The passkey response could not be verified', 401);
  }
}

export class PasskeyCounterRegressionError extends AppError {
  constructor() {
    super(
      'PASSKEY_COUNTER_REGRESSION',
      'The passkey reported a signature counter that went backwards, which is a sign of a cloned authenticator',
      401,
    );
  }
}

export class PasskeyNotFoundError extends AppError {
  constructor() {
    super('PASSKEY_NOT_FOUND', 'No such passkey of yours', 404);
  }
}

export class NoPasskeysError extends AppError {
  constructor() {
    super('PASSKEY_NONE_REGISTERED', 'This account has no passkey to verify with', 409);
  }
}
