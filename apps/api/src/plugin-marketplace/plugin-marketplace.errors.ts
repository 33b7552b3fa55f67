import { AppError } from '../common/errors/app-error';

export class PluginRepositoryNotFoundError extends AppError {
  constructor() {
    super('PLUGIN_REPOSITORY_NOT_FOUND', 'This marketplace has no repository of this name', 404);
  }
}

export class GitObjectNotFoundError extends AppError {
  constructor() {
    super('GIT_OBJECT_NOT_FOUND', 'This repository has no object of this id', 404);
  }
}

export class GitRequestInvalidError extends AppError {
  constructor(reason: string) {
    super('GIT_REQUEST_INVALID', `Not a git upload-pack request: ${reason}`, 400);
  }
}
