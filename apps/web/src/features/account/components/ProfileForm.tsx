import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import type { SessionUser } from '../../session/api/session-api';
import { useUpdateProfile } from '../hooks/use-account';

/** Display name and handle. Only changed fields are sent. */
export function ProfileForm({ user }: { user: SessionUser }) {
  const nameId = useId();
  const handleId = useId();
  const handleHintId = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [handle, setHandle] = useState(user.handle);
  const update = useUpdateProfile();

  const changes = {
    ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
    ...(handle.trim() !== user.handle ? { handle: handle.trim() } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) update.mutate(changes);
  }

  return (
    <form className="stack" onSubmit={submit}>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            Display name
          </label>
          <input
            id={nameId}
            className="input"
            name="displayName"
            autoComplete="name"
            required
            maxLength={80}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={handleId}>
            Handle
          </label>
          <input
            id={handleId}
            className="input"
            name="handle"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            minLength={2}
            maxLength={39}
            value={handle}
            onChange={(event) => setHandle(event.target.value.toLowerCase())}
            aria-describedby={handleHintId}
          />
          <p id={handleHintId} className="field__hint">
            2–39 lowercase letters, digits or single hyphens. It appears in your profile’s address.
          </p>
        </div>
      </div>
      {update.isError && <FormError error={update.error} />}
      <div className="cluster">
        <button type="submit" className="button button--primary" disabled={!dirty || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save profile'}
        </button>
        <span role="status" className="status-text">
          {update.isSuccess && !dirty ? 'Profile saved.' : ''}
        </span>
      </div>
    </form>
  );
}
