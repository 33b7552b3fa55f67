import { AppError } from '../common/errors/app-error';

export class ProfileNotFoundError extends AppError {
  constructor() {
    super('PROFILE_NOT_FOUND', 'No user or organization has this handle', 404);
  }
}
