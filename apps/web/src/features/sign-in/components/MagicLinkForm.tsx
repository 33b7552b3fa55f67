import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { rememberReturnTo } from '../../session/return-to';
import { useRequestMagicLink } from '../hooks/use-sign-in';

interface MagicLinkFormProps {
  returnTo: string;
  submitLabel?: string;
}

/** Asks for a sign-in link by email. The answer is the same whether or not the address has an account. */
export function MagicLinkForm({ returnTo, submitLabel = 'Email me a sign-in link' }: MagicLinkFormProps) {
  const inputId = useId();
  const hintId = useId();
  const [email, setEmail] = useState('');
  const request = useRequestMagicLink();
  const sentHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (request.isSuccess) sentHeading.current?.focus();
  }, [request.isSuccess]);

  function submit(event: FormEvent) {
    event.preventDefault();
    rememberReturnTo(returnTo);
    request.mutate(email.trim());
  }

  if (request.isSuccess) {
    return (
      <div className="callout callout--success" role="status">
        <h2 className="callout__title" ref={sentHeading} tabIndex={-1}>
          Check your email
        </h2>
        <p>
          If <strong>{request.variables}</strong> can sign in here, a sign-in link is on its way. Open it in this
          browser; it works once and expires soon.
        </p>
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              request.reset();
            }}
          >
            Use a different email address
          </button>
        </p>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate={false}>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Email address
        </label>
        <input
          id={inputId}
          className="input"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-describedby={hintId}
        />
        <p id={hintId} className="field__hint">
          We’ll email you a link that signs you in. No password needed.
        </p>
      </div>
      {request.isError && <FormError error={request.error} />}
      <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
        {request.isPending ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
