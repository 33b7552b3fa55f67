import { AppError } from '../../common/errors/app-error';

export class InvalidPeerDomainError extends AppError {
  constructor(input: string) {
    super(
      'INVALID_PEER_DOMAIN',
      'A peer is named by its domain, e.g. prompts.example.org or prompts.example.org:8443',
      400,
      {
        domain: input.slice(0, 300),
      },
    );
  }
}

export class PeerNotFoundError extends AppError {
  constructor() {
    super('PEER_NOT_FOUND', 'No such peer', 404);
  }
}

export class PeerExistsError extends AppError {
  constructor(domain: string) {
    super('PEER_EXISTS', `${domain} is already a peer`, 409, { domain });
  }
}

export class DomainBlockedError extends AppError {
  constructor(domain: string) {
    super('DOMAIN_BLOCKED', `This instance does not federate with ${domain}`, 403, { domain });
  }
}

export class RegistrationsClosedError extends AppError {
  constructor() {
    super('REGISTRATIONS_CLOSED', 'This instance does not accept registrations from other instances', 403);
  }
}

export class PeerNotRegisteredError extends AppError {
  constructor(domain: string) {
    super('PEER_NOT_REGISTERED', `${domain} has not registered with this instance`, 404, { domain });
  }
}

export class NoPendingKeyError extends AppError {
  constructor() {
    super('NO_PENDING_KEY', 'This peer has no changed key waiting for approval', 409);
  }
}

export class DomainRuleNotFoundError extends AppError {
  constructor() {
    super('DOMAIN_RULE_NOT_FOUND', 'No such domain rule', 404);
  }
}

export class FederationDisabledError extends AppError {
  constructor() {
    super('FEDERATION_DISABLED', 'This instance does not take part in the federation', 404);
  }
}

/** Why a peer's manifest was not accepted; `reason` is one of the codes in docs/federation.md §5.1. */
export class PeerVerificationError extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('PEER_VERIFICATION_FAILED', message, 422, { reason });
  }
}
