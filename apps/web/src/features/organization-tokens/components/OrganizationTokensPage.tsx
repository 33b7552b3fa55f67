import { useState } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { SettingsSection } from '../../../shared/components/SettingsSection';
import { ShownOnceToken } from '../../api-tokens/components/ShownOnceToken';
import { TokenCreateForm, type ScopeChoice } from '../../api-tokens/components/TokenCreateForm';
import { TokenListItem } from '../../api-tokens/components/TokenListItem';
import { API_SCOPES } from '../../api-tokens/scopes';
import { useCurrentOrganization } from '../../organizations/hooks/use-current-organization';
import type {
  CreatedOrganizationToken,
  OrganizationToken,
  OrganizationTokenScope,
} from '../api/organization-tokens-api';
import {
  useCreateOrganizationToken,
  useOrganizationTokens,
  useRevokeOrganizationToken,
} from '../hooks/use-organization-tokens';

/**
 * Organization tokens act on the organization's content only: the blueprint scopes, without the personal hints (they
 * speak of “your” blueprints).
 */
const ORGANIZATION_SCOPES: ReadonlyArray<ScopeChoice<OrganizationTokenScope>> = API_SCOPES.filter(
  (scope): scope is (typeof API_SCOPES)[number] & { value: OrganizationTokenScope } =>
    scope.value === 'blueprints:read' || scope.value === 'blueprints:write',
).map(({ value, label }) => ({ value, label }));

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
      {created && (
        <ShownOnceToken
          label="New organization token"
          title={`Copy the new token “${created.name}”`}
          advice="Store it in your CI’s secrets."
          token={created.token}
          testId="new-organization-token"
          onDone={() => setCreated(undefined)}
        />
      )}
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

// The mutation lives with the form, so a closed form's error is gone when it opens again.
function CreateTokenForm({
  slug,
  ...props
}: {
  slug: string;
  onCreated: (token: CreatedOrganizationToken) => void;
  onCancel: () => void;
}) {
  const create = useCreateOrganizationToken(slug);
  return (
    <TokenCreateForm
      label="Create an organization token"
      placeholder="e.g. CI publishing"
      scopeChoices={ORGANIZATION_SCOPES}
      defaultScopes={['blueprints:read']}
      create={create}
      {...props}
    />
  );
}

function TokenItem({ slug, token }: { slug: string; token: OrganizationToken }) {
  const revoke = useRevokeOrganizationToken(slug);
  return <TokenListItem token={token} createdBy={token.createdBy} revoke={revoke} />;
}
