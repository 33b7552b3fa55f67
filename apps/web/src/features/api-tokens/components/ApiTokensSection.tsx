import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { CopyButton } from '../../../shared/components/CopyButton';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { ApiScope, ApiToken, CreatedApiToken, NewApiToken } from '../api/api-tokens-api';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../hooks/use-api-tokens';
import { API_SCOPES, EXPIRY_CHOICES } from '../scopes';

/** Personal API tokens for scripts and the CLI: list, create (shown once), revoke. */
export function ApiTokensSection() {
  const { data: tokens, error, isPending, refetch, isFetching } = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const [creating, setCreating] = useState(false);

  return (
    <div className="stack">
      {created && <CreatedToken token={created} onDone={() => setCreated(undefined)} />}
      {isPending ? (
        <LoadingState label="Loading API tokens…" />
      ) : tokens ? (
        tokens.length === 0 ? (
          <p className="empty-state">No API tokens.</p>
        ) : (
          <ul className="item-list" aria-label="API tokens">
            {tokens.map((token) => (
              <TokenItem key={token.id} token={token} />
            ))}
          </ul>
        )
      ) : (
        <ApiErrorNotice
          title="API tokens could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      )}
      {creating ? (
        <CreateTokenForm
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

function CreatedToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <div className="callout callout--warning stack stack--tight" role="region" aria-label="New API token">
      <h3 className="callout__title">Copy your new token “{token.name}”</h3>
      <p>
        <strong>This is the only time it is shown.</strong> Store it in a secret manager or your CLI’s configuration.
      </p>
      <code className="secret" data-testid="new-api-token">
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
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedApiToken) => void;
  onCancel: () => void;
}) {
  const nameId = useId();
  const expiryId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['blueprints:read']);
  const [environment, setEnvironment] = useState<NewApiToken['environment']>('production');
  const [expiresInDays, setExpiresInDays] = useState(90);
  const create = useCreateApiToken();

  function toggleScope(scope: ApiScope, on: boolean) {
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
    <form className="stack subpanel" onSubmit={submit} aria-label="Create an API token">
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
          placeholder="e.g. Laptop CLI"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Scopes</legend>
        <div className="choice-grid">
          {API_SCOPES.map((scope) => (
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
                <span className="choice__hint">{scope.hint}</span>
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

function TokenItem({ token }: { token: ApiToken }) {
  const revoke = useRevokeApiToken();

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
          Created {formatDate(token.createdAt)} · Last used {formatDateTime(token.lastUsedAt)}
          {token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''} ·{' '}
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
