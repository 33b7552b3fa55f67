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

/** What an anonymous caller is told for each reason: only the domain it named, never what we found there. */
const PUBLIC_REASONS: Record<string, string> = {
  MANIFEST_UNREACHABLE: 'no manifest could be fetched from it',
  MANIFEST_INVALID: 'its manifest is not a valid LynxPrompt manifest',
  MANIFEST_DOMAIN_MISMATCH: 'its manifest names another domain',
  FEDERATION_DISABLED: 'it does not take part in the federation',
  PROTOCOL_UNSUPPORTED: 'it speaks a federation protocol this instance does not support',
};

/** Why a peer's manifest was not accepted; `reason` is one of the codes in docs/federation.md §5.1. */
export class PeerVerificationError extends AppError {
  constructor(
    readonly reason: string,
    message: string,
    /** The kind of address the outbound client refused (`loopback`, `private`, …), for an admin's hint. */
    readonly addressKind?: string,
  ) {
    super('PEER_VERIFICATION_FAILED', message, 422, { reason, ...(addressKind ? { addressKind } : {}) });
  }

  /**
   * The same failure for an anonymous caller of the registry. Network-level reasons (DNS answers, refused private
   * addresses, connection failures, timeouts: every OUTBOUND_ code) would map our network for whoever asks, so they
   * all read MANIFEST_UNREACHABLE; every message is a fixed sentence naming only the domain the caller gave.
   */
  forAnonymous(domain: string): PeerVerificationError {
    const reason = PUBLIC_REASONS[this.reason] ? this.reason : 'MANIFEST_UNREACHABLE';
    return new PeerVerificationError(reason, `${domain} could not be verified: ${PUBLIC_REASONS[reason]}`);
  }
}
