import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../shared/components/FormError';
import type { SessionUser } from '../../session/api/session-api';
import { profilePath } from '../../profiles/profile-path';
import { useUpdateProfile } from '../hooks/use-account';

/** Display name, handle and bio (shown on the public profile, /@handle). Only changed fields are sent. */
export function ProfileForm({ user }: { user: SessionUser }) {
  const nameId = useId();
  const handleId = useId();
  const handleHintId = useId();
  const bioId = useId();
  const bioHintId = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [handle, setHandle] = useState(user.handle);
  const [bio, setBio] = useState(user.bio);
  const update = useUpdateProfile();

  const changes = {
    ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
    ...(handle.trim() !== user.handle ? { handle: handle.trim() } : {}),
    ...(bio.trim() !== user.bio ? { bio: bio.trim() } : {}),
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
        <div className="field">
          <label className="field__label" htmlFor={bioId}>
            Bio
          </label>
          <textarea
            id={bioId}
            className="input"
            name="bio"
            rows={3}
            maxLength={500}
            value={bio}
            onChange={(event) => setBio(event.target.value)}
            aria-describedby={bioHintId}
          />
          <p id={bioHintId} className="field__hint">
            Up to 500 characters, shown on <Link to={profilePath(user.handle)}>your public profile</Link>.
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
