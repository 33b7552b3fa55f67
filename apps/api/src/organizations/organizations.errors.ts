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

export class OrganizationCreationDisabledError extends AppError {
  constructor(policy: string) {
    super(
      'ORGANIZATION_CREATION_DISABLED',
      policy === 'admins'
        ? 'Only instance administrators may create organizations here'
        : 'Creating organizations is turned off on this instance',
      403,
      { policy },
    );
  }
}

export class OrganizationSlugInvalidError extends AppError {
  constructor(slug: string) {
    super('ORGANIZATION_SLUG_INVALID', 'Slugs are 2–39 lowercase letters, digits or single hyphens', 400, { slug });
  }
}

/** User handles and organization slugs are one namespace: `/@name` must mean one account. */
export class HandleTakenError extends AppError {
  constructor(slug: string) {
    super('HANDLE_TAKEN', `The name "${slug}" is taken by a user or an organization`, 409, { slug });
  }
}

export class LastOwnerError extends AppError {
  constructor(organizations: readonly string[] = []) {
    super(
      'LAST_OWNER',
      'An organization must keep at least one Owner: make someone else an Owner first, or delete the organization',
      409,
      organizations.length > 0 ? { organizations } : undefined,
    );
  }
}

export class MemberNotFoundError extends AppError {
  constructor() {
    super('MEMBER_NOT_FOUND', 'No such member of this organization', 404);
  }
}

export class AlreadyMemberError extends AppError {
  constructor() {
    super('ALREADY_MEMBER', 'This person is already a member of the organization', 409);
  }
}

export class InvitationNotFoundError extends AppError {
  constructor() {
    super('INVITATION_NOT_FOUND', 'This invitation does not exist, was revoked or has already been used', 404);
  }
}

export class InvitationExpiredError extends AppError {
  constructor() {
    super('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one', 410);
  }
}

export class InvitationEmailMismatchError extends AppError {
  constructor() {
    super(
      'INVITATION_EMAIL_MISMATCH',
      'This invitation was sent to another address: sign in with that address (verified) to accept it',
      403,
    );
  }
}
