import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import type { Organization } from '../api/organizations-api';
import { useDeleteOrganization } from '../hooks/use-organizations';

/** Deleting is permanent, so it is confirmed by typing the slug; the API also wants a recent sign-in. */
export function DeleteOrganizationForm({ organization }: { organization: Organization }) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const remove = useDeleteOrganization(organization.slug);
  const confirmed = typed.trim() === organization.slug;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed) remove.mutate();
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Delete the organization">
      <p>
        Its blueprints, hierarchies, tokens, invitations and memberships are removed; peers are told to delete their
        copies of its published blueprints. This cannot be undone.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Type its slug, <code>{organization.slug}</code>, to confirm
        </label>
        <input
          id={inputId}
          className="input"
          name="confirm-slug"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {remove.isError && <FormError error={remove.error} />}
      <div>
        <button type="submit" className="button button--danger" disabled={!confirmed || remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete this organization'}
        </button>
      </div>
    </form>
  );
}
