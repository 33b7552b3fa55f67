import { useId } from 'react';
import { useSession } from '../../session/hooks/use-session';
import type { MyOrganization } from '../api/owner-api';
import { useMyOrganizationRoles } from '../hooks/use-content-owners';
import { mayCreateIn } from '../owner-rules';

const ROLE_LABELS: Record<MyOrganization['role'], string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

interface OwnerPickerProps {
  /** The chosen organization's slug, or undefined for my own account. */
  value: string | undefined;
  /** The chosen organization (with my role there), or undefined for my own account. */
  onChange: (organization: MyOrganization | undefined) => void;
  /** What the content is, for the hint: "blueprint", "fork", "imported blueprints"… */
  noun?: string;
  disabled?: boolean;
}

/**
 * Who new content belongs to: me, or one of my organizations where I may create (Owner, Admin or Member; Viewers only
 * read). Renders nothing when I belong to no such organization: then it is always mine. The one owner choice of the
 * editor, the import page, the fork dialog and the new-hierarchy form.
 */
export function OwnerPicker({ value, onChange, noun = 'blueprint', disabled = false }: OwnerPickerProps) {
  const id = useId();
  const hintId = useId();
  const { data: session } = useSession();
  const { data: organizations } = useMyOrganizationRoles();
  const choices = (organizations ?? []).filter((organization) => mayCreateIn(organization.role));
  if (choices.length === 0) return null;
  const me = session?.user;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Owner
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => onChange(choices.find((organization) => organization.slug === event.target.value))}
      >
        <option value="">{me ? `You (@${me.handle})` : 'You'}</option>
        {choices.map((organization) => (
          <option key={organization.slug} value={organization.slug}>
            {organization.name} (@{organization.slug}) · {ROLE_LABELS[organization.role]}
          </option>
        ))}
      </select>
      <p id={hintId} className="field__hint">
        An organization’s {noun} belongs to the organization: its members edit it, its Admins publish it.
      </p>
    </div>
  );
}
