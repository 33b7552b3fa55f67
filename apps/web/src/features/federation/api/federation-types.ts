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
  skipped: 'Skipped',
};

export const TRIGGER_LABELS: Record<CrawlRun['trigger'], string> = {
  schedule: 'Scheduled',
  manual: 'Manual',
  registration: 'Registration',
};
