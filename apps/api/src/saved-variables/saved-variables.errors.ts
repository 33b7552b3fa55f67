import { AppError } from '../common/errors/app-error';

export class InvalidVariableNameError extends AppError {
  constructor(name: string) {
    super('INVALID_VARIABLE_NAME', `Variable names are letters, digits and _ (at most 64), not ${name}`, 400);
  }
}

export class SavedVariableNotFoundError extends AppError {
  constructor() {
    super('SAVED_VARIABLE_NOT_FOUND', 'No saved value for that variable', 404);
  }
}

export class TooManySavedVariablesError extends AppError {
  constructor(limit: number) {
    super('TOO_MANY_SAVED_VARIABLES', `You can save at most ${limit} variables`, 422, { limit });
  }
}
