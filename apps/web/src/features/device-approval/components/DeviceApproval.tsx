import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatRelative } from '../../../shared/format';
import { API_SCOPES } from '../../api-tokens/scopes';
import { useDecideDeviceRequest, useDeviceRequest } from '../hooks/use-device-request';

function normalizeCode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

function scopeLabel(scope: string): string {
  return API_SCOPES.find((known) => known.value === scope)?.label ?? scope;
}

/** RFC 8628 approval: the person confirms the code their device shows, sees who asks for what, and decides. */
export function DeviceApproval() {
  const [params, setParams] = useSearchParams();
  const submitted = params.get('code') ? normalizeCode(params.get('code') ?? '') : undefined;
  const [typed, setTyped] = useState(submitted ?? '');
  const inputId = useId();
  const hintId = useId();
  const lookup = useDeviceRequest(submitted);
  const decide = useDecideDeviceRequest();

  function submit(event: FormEvent) {
    event.preventDefault();
    decide.reset();
    setParams({ code: normalizeCode(typed) }, { replace: true });
  }

  if (decide.data && submitted) {
    return (
      <div className={`callout ${decide.data === 'approved' ? 'callout--success' : ''}`} role="status">
        <h2 className="callout__title">{decide.data === 'approved' ? 'Device approved' : 'Request denied'}</h2>
        <p>
          {decide.data === 'approved'
            ? 'You can close this page and go back to your device: it is signing in now.'
            : 'The device was not given access. You can close this page.'}
        </p>
      </div>
    );
  }

  return (
    <div className="stack">
      <form className="stack stack--tight" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            Code shown on your device
          </label>
          <div className="cluster">
            <input
              id={inputId}
              className="input input--code input--inline"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              aria-describedby={hintId}
            />
            <button type="submit" className="button button--secondary">
              Continue
            </button>
          </div>
          <p id={hintId} className="field__hint">
            For example <code>BCDF-GHJK</code>. Only enter a code you started yourself.
          </p>
        </div>
      </form>

      {submitted && lookup.isPending && <LoadingState label="Looking up the request…" />}
      {submitted && lookup.isError && <FormError error={lookup.error} />}
      {submitted && lookup.data && (
        <section className="subpanel stack stack--tight" aria-labelledby="device-request-title">
          <h2 id="device-request-title" className="subpanel__title">
            <strong>{lookup.data.clientName}</strong> wants to use your account
          </h2>
          <p>It asks for:</p>
          <ul className="scope-list">
            {lookup.data.scopes.map((scope) => (
              <li key={scope}>
                {scopeLabel(scope)} <code>{scope}</code>
              </li>
            ))}
          </ul>
          {lookup.data.status === 'pending' ? (
            <>
              <p className="field__hint">This request expires {formatRelative(lookup.data.expiresAt)}.</p>
              {decide.isError && <FormError error={decide.error} />}
              <div className="cluster">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => decide.mutate({ userCode: submitted, decision: 'approve' })}
                  disabled={decide.isPending}
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => decide.mutate({ userCode: submitted, decision: 'deny' })}
                  disabled={decide.isPending}
                >
                  Deny
                </button>
              </div>
            </>
          ) : (
            <p className="callout" role="status">
              {lookup.data.status === 'denied'
                ? 'This request was already denied.'
                : 'This request was already approved. Nothing more to do here.'}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
