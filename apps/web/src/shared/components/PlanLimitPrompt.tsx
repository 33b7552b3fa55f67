import { Link } from 'react-router';
import { describePlanLimit, isOverLimit, upgradePath, type PlanLimitDetails } from '../api/plan-limit';

export const OVER_LIMIT_MESSAGE =
  'Over the limit of your plan: read-only until you’re back under — nothing was deleted.';

/**
 * Why a plan's limit stopped the action, and the way to a bigger plan: the billing page of the account whose limit it
 * is (yours, or the organization's), taken from the answer's upgradeUrl.
 */
export function PlanLimitPrompt({ details, message }: { details: PlanLimitDetails; message: string }) {
  const over = isOverLimit(details);
  const path = upgradePath(details.upgradeUrl);
  const explanation = describePlanLimit(details) ?? message;
  return (
    <>
      <p className="form-error__message">
        <strong>{over ? OVER_LIMIT_MESSAGE : `This is beyond what the ${details.plan} plan allows.`}</strong>
      </p>
      <p>{explanation}</p>
      {path && (
        <p>
          <Link className="button button--primary button--small" to={path}>
            See plans and upgrade
          </Link>
        </p>
      )}
      {path?.startsWith('/orgs/') && <p>The organization’s Owners and Admins choose its plan.</p>}
    </>
  );
}
