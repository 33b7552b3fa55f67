import { ApiError } from '../../../shared/api/api-error';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { SignInMethods } from '../../session/api/session-api';
import type { Identity, LinkableProvider } from '../api/identities-api';
import { useIdentities, useLinkIdentity, useUnlinkIdentity } from '../hooks/use-identities';

function providerName(provider: string, ssoLabel: string | null): string {
  if (provider === 'github') return 'GitHub';
  if (provider === 'google') return 'Google';
  if (provider === 'oidc') return ssoLabel ?? 'Single sign-on';
  return provider;
}

/** Accounts at GitHub, Google or the instance's SSO that can sign in to this account. */
export function LinkedAccountsSection({ methods }: { methods: SignInMethods }) {
  const { data: identities, error, isPending, refetch, isFetching } = useIdentities();
  const link = useLinkIdentity();

  const linkable: LinkableProvider[] = [
    ...(methods.github ? (['github'] as const) : []),
    ...(methods.google ? (['google'] as const) : []),
    ...(methods.sso ? (['oidc'] as const) : []),
  ];

  return (
    <div className="stack">
      {isPending ? (
        <LoadingState label="Loading linked accounts…" />
      ) : identities ? (
        identities.length === 0 ? (
          <p className="empty-state">No linked accounts. You sign in with email links or passkeys.</p>
        ) : (
          <ul className="item-list" aria-label="Linked accounts">
            {identities.map((identity) => (
              <IdentityItem key={identity.id} identity={identity} ssoLabel={methods.sso} />
            ))}
          </ul>
        )
      ) : (
        <ApiErrorNotice
          title="Linked accounts could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      )}
      {linkable.length > 0 && (
        <div className="stack stack--tight">
          <div className="cluster">
            {linkable.map((provider) => (
              <button
                key={provider}
                type="button"
                className="button button--secondary"
                onClick={() => link.mutate(provider)}
                disabled={link.isPending}
              >
                Link {providerName(provider, methods.sso)}
              </button>
            ))}
          </div>
          {link.isError && <FormError error={link.error} />}
        </div>
      )}
    </div>
  );
}

function IdentityItem({ identity, ssoLabel }: { identity: Identity; ssoLabel: string | null }) {
  const unlink = useUnlinkIdentity();
  const name = providerName(identity.provider, ssoLabel);
  const lastMethod = unlink.error instanceof ApiError && unlink.error.code === 'LAST_SIGN_IN_METHOD';

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {name}
          {identity.email && <span className="item__subtitle">{identity.email}</span>}
        </p>
        <p className="item__meta">
          Linked {formatDate(identity.createdAt)} · Last used {formatDateTime(identity.lastUsedAt)}
        </p>
        {unlink.isError &&
          (lastMethod ? (
            <FormError
              error={unlink.error}
              message={`${name} is the last way you can sign in to this account, so it can’t be unlinked. Add a passkey or link another account first.`}
            />
          ) : (
            <FormError error={unlink.error} />
          ))}
      </div>
      <div className="item__actions">
        <ConfirmAction
          label="Unlink"
          busyLabel="Unlinking…"
          busy={unlink.isPending}
          triggerAriaLabel={`Unlink ${name}`}
          confirmAriaLabel={`Confirm unlinking ${name}`}
          onOpen={() => unlink.reset()}
          onConfirm={(close) => unlink.mutate(identity.id, { onSettled: close })}
        />
      </div>
    </li>
  );
}
