import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../../../shared/api/api-error';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { formatDate, formatDateTime } from '../../../shared/format';

interface ListedToken {
  id: string;
  name: string;
  prefix: string;
  scopes: readonly string[];
  environment: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

interface TokenListItemProps {
  token: ListedToken;
  /** An organization token's maker (its handle), shown after the creation date. */
  createdBy?: string | null;
  /** A personal token's last network, shown after the last use. */
  lastUsedIp?: string | null;
  revoke: Pick<UseMutationResult<void, ApiError, string>, 'mutate' | 'isPending' | 'isError' | 'error'>;
}

/** One token in a list, personal or organization: never the token itself, only its prefix; revoked after a confirm. */
export function TokenListItem({ token, createdBy, lastUsedIp, revoke }: TokenListItemProps) {
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
          {createdBy ? ` by @${createdBy}` : ''} · Last used {formatDateTime(token.lastUsedAt)}
          {lastUsedIp ? ` from ${lastUsedIp}` : ''} ·{' '}
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
