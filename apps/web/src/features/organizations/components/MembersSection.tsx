import { useId } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDate } from '../../../shared/format';
import { useSession } from '../../session/hooks/use-session';
import type { Member, Organization } from '../api/organizations-api';
import { useChangeMemberRole, useLeaveOrganization, useMembers, useRemoveMember } from '../hooks/use-organizations';
import { offers, roleLabel, ROLES } from '../roles';

/** The organization's members: everyone sees the list; Owners and Admins change roles and remove; anyone leaves. */
export function MembersSection({ organization }: { organization: Organization }) {
  const { data: members, error, isPending, refetch, isFetching } = useMembers(organization.slug);
  const { data: session } = useSession();
  const selfId = session?.status === 'active' ? session.user?.id : undefined;

  if (isPending) return <LoadingState label="Loading members…" />;
  if (!members) {
    return (
      <ApiErrorNotice
        title="Members could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return (
    <ul className="item-list" aria-label="Members">
      {members.map((member) => (
        <MemberItem key={member.userId} organization={organization} member={member} self={member.userId === selfId} />
      ))}
    </ul>
  );
}

function MemberItem({ organization, member, self }: { organization: Organization; member: Member; self: boolean }) {
  const selectId = useId();
  const change = useChangeMemberRole(organization.slug);
  const remove = useRemoveMember(organization.slug);
  const leave = useLeaveOrganization(organization.slug);
  const mine = offers(organization.role);
  // Owners are managed by Owners only; Admins manage the roles below.
  const canChange = mine.assignable.includes(member.role);
  const error = change.error ?? remove.error ?? leave.error;

  return (
    <li className="item" data-testid={`member-${member.handle}`}>
      <div className="item__main">
        <p className="item__title">
          {member.displayName}
          {self && <span className="badge">you</span>}
        </p>
        <p className="item__meta">
          @{member.handle} · joined {formatDate(member.joinedAt)}
        </p>
        {error && <FormError error={error} />}
      </div>
      <div className="item__actions">
        {canChange ? (
          <>
            <label className="visually-hidden" htmlFor={selectId}>
              Role of {member.displayName}
            </label>
            <select
              id={selectId}
              className="select input--short"
              value={member.role}
              disabled={change.isPending}
              onChange={(event) => change.mutate({ member: member.userId, role: event.target.value as Member['role'] })}
            >
              {ROLES.filter((role) => mine.assignable.includes(role.value) || role.value === member.role).map(
                (role) => (
                  <option key={role.value} value={role.value}>
                    {role.label}
                  </option>
                ),
              )}
            </select>
          </>
        ) : (
          <span className="badge" aria-label={`Role: ${roleLabel(member.role)}`}>
            {roleLabel(member.role)}
          </span>
        )}
        {self ? (
          <ConfirmAction
            label="Leave"
            busyLabel="Leaving…"
            busy={leave.isPending}
            triggerAriaLabel={`Leave ${organization.name}`}
            confirmAriaLabel={`Confirm leaving ${organization.name}`}
            onOpen={() => leave.reset()}
            onConfirm={(close) => leave.mutate(member.userId, { onError: close })}
          />
        ) : (
          canChange && (
            <ConfirmAction
              label="Remove"
              busyLabel="Removing…"
              busy={remove.isPending}
              triggerAriaLabel={`Remove ${member.displayName}`}
              confirmAriaLabel={`Confirm removing ${member.displayName}`}
              onOpen={() => remove.reset()}
              onConfirm={(close) => remove.mutate(member.userId, { onSettled: close })}
            />
          )
        )}
      </div>
    </li>
  );
}
