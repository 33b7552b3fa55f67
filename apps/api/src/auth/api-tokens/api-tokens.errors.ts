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
