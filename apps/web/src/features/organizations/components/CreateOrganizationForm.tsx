import { useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { useCreateOrganization } from '../hooks/use-organizations';
import { EMPTY_DETAILS, OrganizationDetailsFields, type DetailsValues } from './OrganizationDetailsFields';

/** Creates an organization with you as its Owner, then opens its page. */
export function CreateOrganizationForm() {
  const [values, setValues] = useState<DetailsValues>(EMPTY_DETAILS);
  const create = useCreateOrganization();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      slug: values.slug.trim(),
      name: values.name.trim(),
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
      ...(values.avatarUrl.trim() ? { avatarUrl: values.avatarUrl.trim() } : {}),
      ...(values.websiteUrl.trim() ? { websiteUrl: values.websiteUrl.trim() } : {}),
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Create an organization">
      <OrganizationDetailsFields values={values} onChange={setValues} />
      {create.isError && <FormError error={create.error} />}
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create organization'}
        </button>
      </div>
    </form>
  );
}
