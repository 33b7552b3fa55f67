import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { CopyButton } from '../../../shared/components/CopyButton';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { SettingsSection } from '../../../shared/components/SettingsSection';
import { formatDate, formatDateTime } from '../../../shared/format';
import { API_SCOPES, EXPIRY_CHOICES } from '../../api-tokens/scopes';
import { useCurrentOrganization } from '../../organizations/hooks/use-current-organization';
import type {
  CreatedOrganizationToken,
  NewOrganizationToken,
  OrganizationToken,
  OrganizationTokenScope,
} from '../api/organization-tokens-api';
import {
  useCreateOrganizationToken,
  useOrganizationTokens,
  useRevokeOrganizationToken,
} from '../hooks/use-organization-tokens';

/** Organization tokens act on the organization's content only: the blueprint scopes. */
const ORGANIZATION_SCOPES = API_SCOPES.filter(
  (scope): scope is (typeof API_SCOPES)[number] & { value: OrganizationTokenScope } =>
    scope.value === 'blueprints:read' || scope.value === 'blueprints:write',
);

/** /orgs/:slug/tokens: the organization's API tokens, for its Owners and Admins. */
export function OrganizationTokensPage() {
  const { slug, name } = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <SettingsSection
        title="Organization tokens"
        description={
          <>
            Tokens that act as <strong>{name}</strong>, not as you: for CI and deployments reading or publishing the
            organization’s blueprints. They keep working when their creator leaves, until they expire or are revoked.
          </>
        }
      >
        <OrganizationTokens slug={slug} />
      </SettingsSection>
    </div>
  );
}

function OrganizationTokens({ slug }: { slug: string }) {
  const { data: tokens, error, isPending, refetch, isFetching } = useOrganizationTokens(slug);
  const [created, setCreated] = useState<CreatedOrganizationToken | undefined>();
  const [creating, setCreating] = useState(false);

  if (!isPending && !tokens) {
    return (
      <ApiErrorNotice
        title="Organization tokens could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return (
    <div className="stack">
      {created && <CreatedToken token={created} onDone={() => setCreated(undefined)} />}
      {isPending ? (
        <LoadingState label="Loading organization tokens…" />
      ) : tokens && tokens.length === 0 ? (
        <p className="empty-state">No organization tokens.</p>
      ) : (
        <ul className="item-list" aria-label="Organization tokens">
          {tokens?.map((token) => (
            <TokenItem key={token.id} slug={slug} token={token} />
          ))}
        </ul>
      )}
      {creating ? (
        <CreateTokenForm
          slug={slug}
          onCreated={(token) => {
            setCreated(token);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <div>
          <button type="button" className="button button--secondary" onClick={() => setCreating(true)}>
            Create a token
          </button>
        </div>
      )}
    </div>
  );
}

function CreatedToken({ token, onDone }: { token: CreatedOrganizationToken; onDone: () => void }) {
  return (
    <div className="callout callout--warning stack stack--tight" role="region" aria-label="New organization token">
      <h3 className="callout__title">Copy the new token “{token.name}”</h3>
      <p>
        <strong>This is the only time it is shown.</strong> Store it in your CI’s secrets.
      </p>
      <code className="secret" data-testid="new-organization-token">
        {token.token}
      </code>
      <div className="cluster">
        <CopyButton text={token.token} label="Copy token" />
        <button type="button" className="button button--primary button--small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function CreateTokenForm({
  slug,
  onCreated,
  onCancel,
}: {
  slug: string;
  onCreated: (token: CreatedOrganizationToken) => void;
  onCancel: () => void;
}) {
  const nameId = useId();
  const expiryId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<OrganizationTokenScope[]>(['blueprints:read']);
  const [environment, setEnvironment] = useState<NewOrganizationToken['environment']>('production');
  const [expiresInDays, setExpiresInDays] = useState(90);
  const create = useCreateOrganizationToken(slug);

  function toggleScope(scope: OrganizationTokenScope, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((value) => value !== scope)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes, environment, ...(expiresInDays > 0 ? { expiresInDays } : {}) },
      { onSuccess: onCreated },
    );
  }

  return (
    <form className="stack subpanel" onSubmit={submit} aria-label="Create an organization token">
      <div className="field">
        <label className="field__label" htmlFor={nameId}>
          Token name
        </label>
        <input
          id={nameId}
          className="input"
          name="token-name"
          required
          maxLength={80}
          placeholder="e.g. CI publishing"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Scopes</legend>
        <div className="choice-grid">
          {ORGANIZATION_SCOPES.map((scope) => (
            <label key={scope.value} className="choice">
              <input
                type="checkbox"
                name="scopes"
                value={scope.value}
                checked={scopes.includes(scope.value)}
                onChange={(event) => toggleScope(scope.value, event.target.checked)}
              />
              <span className="choice__text">
                <span className="choice__label">{scope.label}</span>
                <code className="choice__hint">{scope.value}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Environment</legend>
        <div className="choice-grid">
          {(['production', 'development'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="environment"
                value={value}
                checked={environment === value}
                onChange={() => setEnvironment(value)}
              />
              <span className="choice__text">
                <span className="choice__label">{value === 'production' ? 'Production' : 'Development'}</span>
                <span className="choice__hint">
                  {value === 'production'
                    ? 'Reads the published versions of blueprints.'
                    : 'Reads the latest drafts, for trying changes before publishing.'}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={expiryId}>
          Expires after
        </label>
        <select
          id={expiryId}
          className="select input--short"
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(Number(event.target.value))}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {scopes.length === 0 && (
        <p className="field__hint" role="status">
          Choose at least one scope.
        </p>
      )}
      {create.isError && <FormError error={create.error} />}
      <div className="cluster">
        <button type="submit" className="button button--primary" disabled={create.isPending || scopes.length === 0}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TokenItem({ slug, token }: { slug: string; token: OrganizationToken }) {
  const revoke = useRevokeOrganizationToken(slug);
  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {token.name}
          <span className={`badge${token.environment === 'production' ? ' badge--accent' : ''}`}>
            {token.environment}
          </span>
        </p>
        <p className="item__meta">
          <code>{token.prefix}…</code> · {token.scopes.join(', ')}
        </p>
        <p className="item__meta">
          Created {formatDate(token.createdAt)}
          {token.createdBy ? ` by @${token.createdBy}` : ''} · Last used {formatDateTime(token.lastUsedAt)} ·{' '}
          {token.expiresAt ? `Expires ${formatDate(token.expiresAt)}` : 'Never expires'}
        </p>
        {revoke.isError && <FormError error={revoke.error} />}
      </div>
      <div className="item__actions">
        <ConfirmAction
          label="Revoke"
          busyLabel="Revoking…"
          busy={revoke.isPending}
          triggerAriaLabel={`Revoke ${token.name}`}
          confirmAriaLabel={`Confirm revoking ${token.name}`}
          onConfirm={() => revoke.mutate(token.id)}
        />
      </div>
    </li>
  );
}
