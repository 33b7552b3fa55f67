import { AppError } from '../common/errors/app-error';

/** Also the answer when the caller may not see the organization's members-only pages: existence does not leak. */
export class OrganizationNotFoundError extends AppError {
  constructor() {
    super('ORGANIZATION_NOT_FOUND', 'No such organization', 404);
  }
}

/** A member may see the organization but not take this action (their role is too low). */
export class OrganizationRoleRequiredError extends AppError {
  constructor(action: string) {
    super('ORGANIZATION_ROLE_REQUIRED', `Your role in this organization does not allow ${action}`, 403, { action });
  }
}
