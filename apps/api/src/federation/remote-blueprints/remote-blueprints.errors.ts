import { AppError } from '../../common/errors/app-error';

/** Remote blueprints are copies of another instance's: only their origin changes them. */
export class RemoteBlueprintReadOnlyError extends AppError {
  constructor() {
    super(
      'REMOTE_BLUEPRINT_READ_ONLY',
      'This blueprint was published on another instance; it cannot be changed, deleted or favourited here',
      403,
    );
  }
}

export class RemoteLicenseForbidsForkError extends AppError {
  constructor(license: string) {
    super(
      'REMOTE_LICENSE_FORBIDS_FORK',
      `The licence ${license} does not clearly allow derivative works, so this remote blueprint cannot be forked`,
      403,
      { license },
    );
  }
}
