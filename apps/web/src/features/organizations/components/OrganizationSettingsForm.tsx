import { useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import type { Organization } from '../api/organizations-api';
import { useUpdateOrganization } from '../hooks/use-organizations';
import { OrganizationDetailsFields, type DetailsValues } from './OrganizationDetailsFields';

function valuesOf(organization: Organization): DetailsValues {
  return {
    slug: organization.slug,
    name: organization.name,
    description: organization.description,
    avatarUrl: organization.avatarUrl ?? '',
    websiteUrl: organization.websiteUrl ?? '',
  };
}

/** The organization's details; an empty avatar or website removes it. */
export function OrganizationSettingsForm({ organization }: { organization: Organization }) {
  const [values, setValues] = useState(() => valuesOf(organization));
  const [saved, setSaved] = useState(false);
  const update = useUpdateOrganization(organization.slug);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        ...(values.slug.trim() !== organization.slug ? { slug: values.slug.trim() } : {}),
        name: values.name.trim(),
        description: values.description.trim(),
        avatarUrl: values.avatarUrl.trim() || null,
        websiteUrl: values.websiteUrl.trim() || null,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Organization details">
      <OrganizationDetailsFields
        values={values}
        onChange={(next) => {
          setValues(next);
          setSaved(false);
        }}
      />
      {update.isError && <FormError error={update.error} />}
      {saved && (
        <p className="callout callout--success" role="status">
          Saved.
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
