import { AppError } from '../../common/errors/app-error';

export class FederationDisabledError extends AppError {
  constructor() {
    super('FEDERATION_DISABLED', 'This instance does not take part in the federation', 404);
  }
}

export class InvalidFederationCursorError extends AppError {
  constructor() {
    super('INVALID_CURSOR', 'The cursor is malformed; resume from a cursor this catalogue returned', 400);
  }
}

export class InvalidFederationLimitError extends AppError {
  constructor(max: number) {
    super('INVALID_LIMIT', `limit must be an integer from 1 to ${max}`, 400, { min: 1, max });
  }
}

export class InvalidUpdatedSinceError extends AppError {
  constructor() {
    super(
      'INVALID_UPDATED_SINCE',
      'updated_since must be an ISO 8601 instant with a time zone, e.g. 2026-11-22T10:00:00Z',
      400,
    );
  }
}

export class InvalidOffsetError extends AppError {
  constructor() {
    super('INVALID_OFFSET', 'offset must be a non-negative integer', 400);
  }
}
