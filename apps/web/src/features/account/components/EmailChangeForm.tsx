import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { useRequestEmailChange } from '../hooks/use-account';

/** Changing the address takes effect only once the link sent to the new address is followed. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const inputId = useId();
  const [email, setEmail] = useState('');
  const change = useRequestEmailChange();

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(email.trim(), { onSuccess: () => setEmail('') });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p>
        Current address: <strong className="break-anywhere">{currentEmail}</strong>
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          New email address
        </label>
        <div className="cluster">
          <input
            id={inputId}
            className="input input--inline"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={change.isPending}>
            {change.isPending ? 'Sending…' : 'Send confirmation link'}
          </button>
        </div>
      </div>
      {change.isError && <FormError error={change.error} />}
      {change.isSuccess && (
        <p className="callout callout--success" role="status">
          We sent a confirmation link to <strong className="break-anywhere">{change.variables}</strong>. Your address
          changes when you open it.
        </p>
      )}
    </form>
  );
}
