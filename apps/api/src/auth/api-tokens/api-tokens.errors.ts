import { AppError } from '../../common/errors/app-error';

export class ApiTokenNotFoundError extends AppError {
  constructor() {
    super('API_TOKEN_NOT_FOUND', 'No such API token of yours', 404);
  }
}

export class OrganizationTokenNotFoundError extends AppError {
  constructor() {
    super('ORGANIZATION_TOKEN_NOT_FOUND', 'No such token of this organization', 404);
  }
}

/** DELETE /api/v1/me/token ends the token a request presents; a browser session signs out instead. */
export class TokenRequiredError extends AppError {
  constructor() {
    super(
      'TOKEN_REQUIRED',
      'This revokes the API token the request presents; a browser session signs out instead',
      400,
    );
  }
}
