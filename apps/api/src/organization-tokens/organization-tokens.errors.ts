import { AppError } from '../common/errors/app-error';
import { ORGANIZATION_TOKEN_SCOPES } from './organization-tokens.dto';

/** Organization tokens act on the organization's content only: the scopes for people's own data make no sense there. */
export class OrganizationTokenScopeNotAllowedError extends AppError {
  constructor(scopes: readonly string[]) {
    super(
      'ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED',
      `Organization tokens cannot carry ${scopes.join(', ')} (allowed: ${ORGANIZATION_TOKEN_SCOPES.join(', ')})`,
      422,
      { scopes, allowed: ORGANIZATION_TOKEN_SCOPES },
    );
  }
}
