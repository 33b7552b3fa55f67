import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { peerErrorHint, splitPeerError, type PeerView } from '../api/federation-types';
import { useAddPeer } from '../hooks/use-federation';

/** Adds a peer by its domain; the API verifies it at once, and the outcome is shown under the form. */
export function AddPeerForm() {
  const domainId = useId();
  const hintId = useId();
  const [domain, setDomain] = useState('');
  const add = useAddPeer();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = domain.trim();
    if (!value) return;
    add.mutate(value, { onSuccess: () => setDomain('') });
  }

  return (
    <div className="stack stack--tight">
      <form className="federation__form" onSubmit={submit} aria-label="Add a peer">
        <div className="field">
          <label className="field__label" htmlFor={domainId}>
            Peer domain
          </label>
          <input
            id={domainId}
            className="input"
            name="domain"
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={253}
            placeholder="prompts.example.org"
            aria-describedby={hintId}
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
          />
          <span id={hintId} className="field__hint">
            Its manifest is fetched and verified at once; its signing key is pinned on first use.
          </span>
        </div>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding and verifying…' : 'Add peer'}
        </button>
      </form>
      {add.error ? <FormError error={add.error} /> : add.data ? <PeerOutcome peer={add.data} /> : null}
    </div>
  );
}

/** How the verification of a just-added peer went, in words, with the stable code of a failure. */
export function PeerOutcome({ peer }: { peer: PeerView }) {
  if (peer.status === 'verified') {
    return (
      <div className="callout callout--success" role="status">
        <p>
          <strong>{peer.domain}</strong> is verified.{' '}
          {peer.signed ? (
            <>
              Its signing key is pinned (key id <code>{peer.keyId}</code>).
            </>
          ) : (
            'It publishes no signing key, so it is crawled unsigned (legacy).'
          )}
        </p>
      </div>
    );
  }
  const error = splitPeerError(peer.lastError);
  const hint = peerErrorHint(peer.lastErrorDetails, peer.domain);
  return (
    <div className="callout callout--warning" role="status">
      <p>
        <strong>{peer.domain}</strong> was added, but{' '}
        {peer.status === 'blocked'
          ? 'a block rule matches it: it is never contacted.'
          : peer.status === 'pending'
            ? 'it is not verified yet.'
            : 'it could not be verified. It is retried with increasing delays.'}
      </p>
      {error && (
        <p>
          <code className="federation__error-code">{error.code}</code> {error.message}
        </p>
      )}
      {hint && <p>{hint}</p>}
    </div>
  );
}
