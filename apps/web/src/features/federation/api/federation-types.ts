import type { components } from '@lynxprompt/api-contract';

// The federation API's shapes, as generated from the committed OpenAPI document (docs/federation.md §5).
type Schemas = components['schemas'];

export type InstanceDirectoryEntry = Schemas['InstanceDirectoryEntry'];
export type PeerView = Schemas['PeerView'];
export type PeerStatus = PeerView['status'];
export type PeerPolicy = PeerView['policy'];
export type PeerDetail = Schemas['PeerDetail'];
export type CrawlRun = Schemas['CrawlRunView'];
export type DomainRule = Schemas['DomainRuleView'];
export type DomainRuleAction = DomainRule['action'];
export type NewDomainRule = Schemas['DomainRuleRequest'];
export type FederationSettings = Schemas['FederationSettingsView'];
export type InstanceKey = Schemas['InstancePublicKeyView'];
export type RemoteModeration = Schemas['RemoteBlueprintModeration'];

/** One error of a crawl run, as the API reports it: a stable code, a message, sometimes the URL that failed. */
export interface CrawlError {
  code: string;
  message: string;
  url?: string;
}

/** The errors of a run, read defensively: the contract types them loosely. */
export function crawlErrors(run: Pick<CrawlRun, 'errors'>): CrawlError[] {
  const errors: unknown = run.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { code, message, url } = entry as Record<string, unknown>;
    if (typeof code !== 'string') return [];
    return [
      {
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof url === 'string' ? { url } : {}),
      },
    ];
  });
}

/** A peer's `lastError` ("CODE: message") split into its stable code and its message. */
export function splitPeerError(lastError: string | null): CrawlError | undefined {
  if (!lastError) return undefined;
  const match = /^([A-Z][A-Z0-9_]*):\s*(.*)$/s.exec(lastError);
  return match ? { code: match[1] ?? '', message: match[2] ?? '' } : { code: 'UNKNOWN_ERROR', message: lastError };
}

export const PEER_STATUS_LABELS: Record<PeerStatus, string> = {
  pending: 'Pending',
  verified: 'Verified',
  failing: 'Failing',
  suspended: 'Suspended',
  blocked: 'Blocked',
};

export const PEER_STATUS_TONES: Record<PeerStatus, string> = {
  pending: 'badge',
  verified: 'badge badge--success',
  failing: 'badge badge--danger',
  suspended: 'badge badge--danger',
  blocked: 'badge badge--danger',
};

export const POLICY_LABELS: Record<PeerPolicy, string> = {
  federate: 'Federate',
  silence: 'Silenced',
  block: 'Blocked',
};

export const RULE_ACTIONS = ['block', 'silence', 'allow'] as const satisfies readonly DomainRuleAction[];

export const RULE_ACTION_LABELS: Record<DomainRuleAction, string> = {
  block: 'Block',
  silence: 'Silence',
  allow: 'Allow',
};

export const RULE_ACTION_HINTS: Record<DomainRuleAction, string> = {
  block: 'Never contacted; everything held from it is deleted.',
  silence: 'Crawled, but kept out of public listings.',
  allow: 'Federated with in allowlist mode.',
};

export const OUTCOME_LABELS: Record<CrawlRun['outcome'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  not_modified: 'Not modified',
  failed: 'Failed',
  rejected: 'Rejected: nothing valid',
  skipped: 'Skipped',
};

/** Kinds of address an admin may deliberately allow (a peer on their own network), by the outbound client's names. */
const ALLOWABLE_ADDRESS_KINDS = new Set(['loopback', 'private', 'unique-local', 'carrier-grade-nat', 'site-local']);

/**
 * What an admin can do about a peer's failure, from its machine-readable reason (PeerView.lastErrorDetails). Only
 * addresses of one's own network get the OUTBOUND_ALLOW_PRIVATE advice: never link-local (cloud metadata) or
 * reserved ranges.
 */
export function peerErrorHint(details: PeerView['lastErrorDetails'], domain: string): string | undefined {
  if (!details) return undefined;
  switch (details.reason) {
    case 'OUTBOUND_ADDRESS_REFUSED':
      return details.addressKind && ALLOWABLE_ADDRESS_KINDS.has(details.addressKind)
        ? `${domain} resolves to a ${details.addressKind} address, which this instance refuses to contact. If it is ` +
            `a peer on your own network, add ${domain} to OUTBOUND_ALLOW_PRIVATE (host:port, comma-separated) and ` +
            'restart; in production that also needs OUTBOUND_ALLOW_PRIVATE_IN_PRODUCTION=true.'
        : `${domain} resolves to an address no peer may have (${details.addressKind ?? 'reserved'}): check its DNS.`;
    case 'OUTBOUND_DNS_FAILED':
      return `${domain} does not resolve: check the spelling and its DNS records.`;
    case 'OUTBOUND_CONNECT_FAILED':
    case 'OUTBOUND_TIMEOUT':
    case 'MANIFEST_UNREACHABLE':
      return `Nothing answered at ${domain} in time: check that it is up and reachable over https.`;
    case 'OUTBOUND_SCHEME_REFUSED':
      return 'Only https is allowed in production: the peer must serve its manifest over https.';
    case 'MANIFEST_DOMAIN_MISMATCH':
      return 'The manifest names another domain: add the peer by the domain its manifest gives (with its port).';
    case 'FEDERATION_DISABLED':
      return 'The peer publishes no federation manifest, or has federation turned off.';
    case 'KEY_CHANGED':
      return 'The peer publishes a new signing key: approve it above once its operators confirm the rotation.';
    default:
      return undefined;
  }
}

export const TRIGGER_LABELS: Record<CrawlRun['trigger'], string> = {
  schedule: 'Scheduled',
  manual: 'Manual',
  registration: 'Registration',
};

const FETCH_REASONS = [
  ['new', 'new'],
  ['changed', 'changed'],
  ['refresh', 'refreshed'],
  ['confirm', 'confirmed'],
] as const;

/**
 * A legacy peer's detail requests (each a download on that peer), by reason: "3 new, 10 refreshed". Empty for signed
 * peers, whose content comes with their pages.
 */
export function fetchSummary(run: Pick<CrawlRun, 'fetches'>): string {
  return FETCH_REASONS.flatMap(([reason, label]) => {
    const count = run.fetches?.[reason]?.count ?? 0;
    return count > 0 ? [`${count.toLocaleString('en')} ${label}`] : [];
  }).join(', ');
}
