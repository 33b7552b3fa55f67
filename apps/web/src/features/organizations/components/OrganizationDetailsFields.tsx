import { useId } from 'react';

export interface DetailsValues {
  slug: string;
  name: string;
  description: string;
  avatarUrl: string;
  websiteUrl: string;
}

export const EMPTY_DETAILS: DetailsValues = { slug: '', name: '', description: '', avatarUrl: '', websiteUrl: '' };

/** The fields of an organization's details, shared by the create and settings forms. */
export function OrganizationDetailsFields({
  values,
  onChange,
}: {
  values: DetailsValues;
  onChange: (values: DetailsValues) => void;
}) {
  const ids = { name: useId(), slug: useId(), slugHint: useId(), description: useId(), avatar: useId(), web: useId() };
  const set = (field: keyof DetailsValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [field]: event.target.value });
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={ids.name}>
          Name
        </label>
        <input
          id={ids.name}
          className="input"
          name="name"
          required
          maxLength={80}
          value={values.name}
          onChange={set('name')}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.slug}>
          Slug
        </label>
        <input
          id={ids.slug}
          className="input input--short"
          name="slug"
          required
          maxLength={39}
          pattern="[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}"
          autoCapitalize="none"
          spellCheck={false}
          value={values.slug}
          onChange={set('slug')}
          aria-describedby={ids.slugHint}
        />
        <p id={ids.slugHint} className="field__hint">
          Its address, <code>/@{values.slug || 'slug'}</code>: 2–39 lowercase letters, digits or single hyphens. User
          handles and organization slugs share one namespace.
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.description}>
          Description
        </label>
        <textarea
          id={ids.description}
          className="input"
          name="description"
          maxLength={500}
          rows={3}
          value={values.description}
          onChange={set('description')}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.avatar}>
          Avatar URL (https)
        </label>
        <input
          id={ids.avatar}
          className="input"
          name="avatarUrl"
          type="url"
          pattern="https://.*"
          value={values.avatarUrl}
          onChange={set('avatarUrl')}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.web}>
          Website
        </label>
        <input
          id={ids.web}
          className="input"
          name="websiteUrl"
          type="url"
          value={values.websiteUrl}
          onChange={set('websiteUrl')}
        />
      </div>
    </>
  );
}
