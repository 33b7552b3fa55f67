import { useId } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { useMyOrganizations } from '../hooks/use-organizations';

const NEW = '__new__';
const NONE = '';

/** The header's organization switcher: your organizations; choosing one opens its page. */
export function OrganizationSwitcher() {
  const id = useId();
  const navigate = useNavigate();
  const { data: organizations } = useMyOrganizations();
  const current = useMatch('/orgs/:slug/*')?.params.slug;
  const value = current && current !== 'new' && organizations?.some((org) => org.slug === current) ? current : NONE;

  return (
    <div className="org-switcher">
      <label className="visually-hidden" htmlFor={id}>
        Organization
      </label>
      <select
        id={id}
        className="select org-switcher__select"
        value={value}
        onChange={(event) => {
          const choice = event.target.value;
          if (choice === NEW) void navigate('/orgs/new');
          else if (choice !== NONE) void navigate(`/orgs/${choice}`);
        }}
      >
        <option value={NONE}>{organizations?.length ? 'Organizations…' : 'No organization'}</option>
        {organizations?.map((organization) => (
          <option key={organization.id} value={organization.slug}>
            {organization.name} (@{organization.slug})
          </option>
        ))}
        <option value={NEW}>+ New organization…</option>
      </select>
    </div>
  );
}
