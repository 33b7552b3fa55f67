import { AppError } from '../common/errors/app-error';

export class SecondFactorRequiredError extends AppError {
  constructor() {
    super('SECOND_FACTOR_REQUIRED', 'Complete two-step verification to continue', 401);
  }
}

export class CsrfError extends AppError {
  constructor(reason: string) {
    super('CSRF_FAILED', `Cross-site request refused: ${reason}`, 403);
  }
}

export class SessionOnlyError extends AppError {
  constructor() {
    super('SESSION_REQUIRED', 'This action needs a signed-in browser session, not an API token', 403);
  }
}

export class OrganizationTokenRefusedError extends AppError {
  constructor() {
    super(
      'ORGANIZATION_TOKEN_NOT_ALLOWED',
      "Organization tokens act on the organization's blueprints and hierarchies only; this route needs a person",
      403,
    );
  }
}

export class RecentAuthenticationRequiredError extends AppError {
  constructor(what: 'sign-in' | 'second factor') {
    super(
      'REAUTHENTICATION_REQUIRED',
      what === 'sign-in' ? 'Sign in again to confirm this action' : 'Confirm this action with your second factor',
      403,
      { requires: what === 'sign-in' ? 'recent_sign_in' : 'recent_second_factor' },
    );
  }
}

export class RegistrationClosedError extends AppError {
  constructor() {
    super('REGISTRATION_CLOSED', 'This instance is not accepting new accounts', 403);
  }
}
