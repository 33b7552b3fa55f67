import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDate } from '../../../shared/format';
import type { Organization, OrganizationInvitation, OrganizationRole } from '../api/organizations-api';
import { useCreateInvitation, useInvitations, useRevokeInvitation } from '../hooks/use-organizations';
import { offers, roleLabel, ROLES } from '../roles';

/** Invite by email with a role; pending invitations, revocable. For Owners and Admins. */
export function InvitationsSection({ organization }: { organization: Organization }) {
  const { data: invitations, error, isPending, refetch, isFetching } = useInvitations(organization.slug);
  return (
    <div className="stack">
      <InviteForm organization={organization} />
      <h3 className="subpanel__title">Pending invitations</h3>
      {isPending ? (
        <LoadingState label="Loading invitations…" />
      ) : invitations ? (
        invitations.length === 0 ? (
          <p className="empty-state">No pending invitations.</p>
        ) : (
          <ul className="item-list" aria-label="Pending invitations">
            {invitations.map((invitation) => (
              <InvitationItem key={invitation.id} organization={organization} invitation={invitation} />
            ))}
          </ul>
        )
      ) : (
        <ApiErrorNotice
          title="Invitations could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      )}
    </div>
  );
}

function InviteForm({ organization }: { organization: Organization }) {
  const emailId = useId();
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganizationRole>('member');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const invite = useCreateInvitation(organization.slug);
  const assignable = offers(organization.role).assignable;

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setSentTo(invitation.email);
          setEmail('');
        },
      },
    );
  }

  return (
    <form className="stack subpanel" onSubmit={submit} aria-label="Invite someone">
      <div className="field">
        <label className="field__label" htmlFor={emailId}>
          Email address
        </label>
        <input
          id={emailId}
          className="input"
          name="email"
          type="email"
          required
          maxLength={254}
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setSentTo(undefined);
          }}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={roleId}>
          Role
        </label>
        <select
          id={roleId}
          className="select input--short"
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as OrganizationRole)}
        >
          {ROLES.filter((entry) => assignable.includes(entry.value)).map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
        <p className="field__hint">{ROLES.find((entry) => entry.value === role)?.hint}</p>
      </div>
      {invite.isError && <FormError error={invite.error} />}
      {sentTo && (
        <p className="callout callout--success" role="status">
          Invitation sent to {sentTo}. The link works once and expires in 7 days.
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}

function InvitationItem({
  organization,
  invitation,
}: {
  organization: Organization;
  invitation: OrganizationInvitation;
}) {
  const revoke = useRevokeInvitation(organization.slug);
  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {invitation.email}
          <span className="badge">{roleLabel(invitation.role)}</span>
        </p>
        <p className="item__meta">
          Sent {formatDate(invitation.createdAt)} · expires {formatDate(invitation.expiresAt)}
        </p>
        {revoke.isError && <FormError error={revoke.error} />}
      </div>
      <div className="item__actions">
        <ConfirmAction
          label="Revoke"
          busyLabel="Revoking…"
          busy={revoke.isPending}
          triggerAriaLabel={`Revoke the invitation for ${invitation.email}`}
          confirmAriaLabel={`Confirm revoking the invitation for ${invitation.email}`}
          onConfirm={() => revoke.mutate(invitation.id)}
        />
      </div>
    </li>
  );
}
