import { useId, useState, type FormEvent } from 'react';
import { passkeysAvailable } from '../../../shared/api/webauthn';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { describeUserAgent, formatDate, formatDateTime } from '../../../shared/format';
import type { Passkey } from '../api/passkeys-api';
import { useAddPasskey, useDeletePasskey, usePasskeys, useRenamePasskey } from '../hooks/use-passkeys';

/** The account's passkeys: add one from this device, rename, delete. */
export function PasskeysSection() {
  const { data: passkeys, error, isPending, refetch, isFetching } = usePasskeys();

  return (
    <div className="stack">
      {isPending ? (
        <LoadingState label="Loading passkeys…" />
      ) : passkeys ? (
        passkeys.length === 0 ? (
          <p className="empty-state">No passkeys yet. Add one to sign in with your fingerprint, face or device PIN.</p>
        ) : (
          <ul className="item-list" aria-label="Your passkeys">
            {passkeys.map((passkey) => (
              <PasskeyItem key={passkey.id} passkey={passkey} />
            ))}
          </ul>
        )
      ) : (
        <ApiErrorNotice
          title="Passkeys could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      )}
      <AddPasskeyForm />
    </div>
  );
}

function AddPasskeyForm() {
  const inputId = useId();
  const [name, setName] = useState(() =>
    typeof navigator === 'undefined' ? '' : describeUserAgent(navigator.userAgent),
  );
  const add = useAddPasskey();
  const supported = passkeysAvailable();

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(name.trim());
  }

  if (!supported) {
    return <p className="field__hint">This browser cannot create passkeys.</p>;
  }
  return (
    <form className="stack stack--tight" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Name for a new passkey
        </label>
        <div className="cluster">
          <input
            id={inputId}
            className="input input--inline"
            name="passkey-name"
            required
            maxLength={64}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Waiting for your device…' : 'Add a passkey'}
          </button>
        </div>
      </div>
      {add.isError && <FormError error={add.error} />}
      {add.isSuccess && (
        <p className="callout callout--success" role="status">
          Passkey “{add.variables}” added. You can now sign in with it.
        </p>
      )}
    </form>
  );
}

function PasskeyItem({ passkey }: { passkey: Passkey }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(passkey.name);
  const inputId = useId();
  const rename = useRenamePasskey();
  const remove = useDeletePasskey();

  function submitRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: passkey.id, name: name.trim() }, { onSuccess: () => setMode('view') });
  }

  return (
    <li className="item">
      <div className="item__main">
        {mode === 'rename' ? (
          <form className="cluster" onSubmit={submitRename}>
            <label className="visually-hidden" htmlFor={inputId}>
              New name for {passkey.name}
            </label>
            <input
              id={inputId}
              className="input input--inline"
              required
              maxLength={64}
              autoFocus
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button button--primary button--small" disabled={rename.isPending}>
              Save
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setName(passkey.name);
                rename.reset();
                setMode('view');
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <p className="item__title">
            {passkey.name}
            {passkey.backedUp && <span className="badge badge--accent">Synced</span>}
          </p>
        )}
        <p className="item__meta">
          Added {formatDate(passkey.createdAt)} · Last used {formatDateTime(passkey.lastUsedAt)}
          {passkey.deviceType === 'singleDevice' ? ' · This device only' : ''}
        </p>
        {rename.isError && <FormError error={rename.error} />}
        {remove.isError && <FormError error={remove.error} />}
      </div>
      <div className="item__actions">
        {mode === 'delete' ? (
          <>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => remove.mutate(passkey.id)}
              disabled={remove.isPending}
              aria-label={`Confirm deleting passkey ${passkey.name}`}
            >
              {remove.isPending ? 'Deleting…' : 'Delete'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setMode('view')}>
              Keep
            </button>
          </>
        ) : mode === 'view' ? (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setMode('rename')}
              aria-label={`Rename passkey ${passkey.name}`}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button--danger-outline button--small"
              onClick={() => setMode('delete')}
              aria-label={`Delete passkey ${passkey.name}`}
            >
              Delete
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}
