import { useState } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ApiToken, CreatedApiToken } from '../api/api-tokens-api';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../hooks/use-api-tokens';
import { API_SCOPES } from '../scopes';
import { ShownOnceToken } from './ShownOnceToken';
import { TokenCreateForm } from './TokenCreateForm';
import { TokenListItem } from './TokenListItem';

/** Personal API tokens for scripts and the CLI: list, create (shown once), revoke. */
export function ApiTokensSection() {
  const { data: tokens, error, isPending, refetch, isFetching } = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const [creating, setCreating] = useState(false);

  return (
    <div className="stack">
      {created && (
        <ShownOnceToken
          label="New API token"
          title={`Copy your new token “${created.name}”`}
          advice="Store it in a secret manager or your CLI’s configuration."
          token={created.token}
          testId="new-api-token"
          onDone={() => setCreated(undefined)}
        />
      )}
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

function TokenItem({ token }: { token: ApiToken }) {
  const revoke = useRevokeApiToken();
  return <TokenListItem token={token} lastUsedIp={token.lastUsedIp} revoke={revoke} />;
}

// The mutation lives with the form, so a closed form's error is gone when it opens again.
function CreateTokenForm(props: { onCreated: (token: CreatedApiToken) => void; onCancel: () => void }) {
  const create = useCreateApiToken();
  return (
    <TokenCreateForm
      label="Create an API token"
      placeholder="e.g. Laptop CLI"
      scopeChoices={API_SCOPES}
      defaultScopes={['blueprints:read']}
      create={create}
      {...props}
    />
  );
}
