import { AppError } from '../common/errors/app-error';

export class InvalidAuditCursorError extends AppError {
  constructor() {
    super('INVALID_CURSOR', 'The cursor is not one this log handed out', 400);
  }
}

export class InvalidAuditLimitError extends AppError {
  constructor(max: number) {
    super('INVALID_LIMIT', `limit must be a whole number from 1 to ${max}`, 400, { max });
  }
}

export class InvalidAuditDateError extends AppError {
  constructor(field: 'from' | 'to', reason: string) {
    super('INVALID_DATE_RANGE', `${field}: ${reason}`, 400, { field });
  }
}

export class UnsupportedAuditExportFormatError extends AppError {
  constructor() {
    super('UNSUPPORTED_EXPORT_FORMAT', 'format must be csv or json', 400, { formats: ['csv', 'json'] });
  }
}
