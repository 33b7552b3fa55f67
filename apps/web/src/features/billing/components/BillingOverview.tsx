import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { OVER_LIMIT_MESSAGE } from '../../../shared/components/PlanLimitPrompt';
import { SettingsSection } from '../../../shared/components/SettingsSection';
import type { BillingInterval, BillingSummary, LimitUsage, PlanView } from '../api/billing-api';
import {
  formatLimitValue,
  hasLiveSubscription,
  INTERVAL_LABELS,
  nextInvoiceOf,
  planLimitLines,
  standingOf,
  usageLabel,
} from '../billing-text';
import { useBillingSummary, useCheckout, usePortal, useSetSeats } from '../hooks/use-billing';
import './billing.css';

interface BillingOverviewProps {
  /** An organization's slug for its billing; none for your own. */
  organization?: string;
}

/**
 * A billing page, yours or an organization's: the plan and why it applies, usage against the plan's limits, the
 * plans on offer with Checkout, the Customer Portal, and (per-seat plans with paid seats) the seat count.
 */
export function BillingOverview({ organization }: BillingOverviewProps) {
  const { data: summary, error, isPending, isFetching, refetch } = useBillingSummary(organization);
  const [params] = useSearchParams();
  const canceled = params.get('checkout') === 'canceled';

  if (isPending) return <LoadingState label="Loading billing…" />;
  if (!summary) {
    return (
      <ApiErrorNotice
        title="Billing could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return (
    <div className="settings__sections">
      {canceled && (
        <div className="callout callout--warning" role="status">
          <p>
            <strong>Checkout was canceled.</strong> Nothing was charged and the plan did not change.
          </p>
        </div>
      )}
      <SettingsSection title="Current plan">
        <CurrentPlan summary={summary} organization={organization} />
      </SettingsSection>
      <SettingsSection
        title="Usage"
        description="What the plan allows and how much of it is in use. Nothing is ever deleted when a plan shrinks."
      >
        <UsageList usage={summary.usage} />
      </SettingsSection>
      {isSeatCounted(summary) && organization !== undefined && (
        <SettingsSection
          title="Seats"
          description="Your plan bills the seats you set. Members beyond them are refused until you add seats."
        >
          <SeatsForm summary={summary} organization={organization} />
        </SettingsSection>
      )}
      <SettingsSection title="Plans" description="Prices and taxes are shown at checkout, before you pay.">
        <PlanChoices summary={summary} organization={organization} />
      </SettingsSection>
    </div>
  );
}

/** Per-seat plans that refuse overflow take the seat count from their Owners and Admins. */
function isSeatCounted(summary: BillingSummary): boolean {
  return summary.plan.pricing === 'per-seat' && summary.plan.seatOverflow === 'refuse' && hasLiveSubscription(summary);
}

function CurrentPlan({ summary, organization }: { summary: BillingSummary; organization: string | undefined }) {
  const { plan, subscription } = summary;
  const standing = standingOf(summary);
  const portal = usePortal(organization);
  const seats = summary.usage.find((entry) => entry.key === 'seats');
  return (
    <div className="stack">
      <dl className="definition-list" aria-label="Current plan">
        <dt>Plan</dt>
        <dd data-testid="current-plan">{plan.name}</dd>
        <dt>Standing</dt>
        <dd>
          <span className={`billing-standing billing-standing--${standing.tone}`} data-testid="plan-standing">
            {standing.text}
          </span>
        </dd>
        {subscription && hasLiveSubscription(summary) && (
          <>
            <dt>Billed</dt>
            <dd>{INTERVAL_LABELS[subscription.interval]}</dd>
          </>
        )}
        <dt>Next invoice</dt>
        <dd data-testid="next-invoice">{nextInvoiceOf(summary)}</dd>
        {plan.pricing === 'per-seat' && subscription && hasLiveSubscription(summary) && (
          <>
            <dt>Seats</dt>
            <dd>
              {subscription.quantity} paid
              {seats?.used !== null && seats?.used !== undefined && ` · ${seats.used} in use`}
            </dd>
          </>
        )}
      </dl>
      {summary.standing === 'grace' && (
        <p className="callout callout--warning">
          A payment failed. Update the card in Manage billing before the grace period ends, or the plan goes back to
          Free (nothing is deleted).
        </p>
      )}
      {summary.portal && (
        <div className="stack stack--tight">
          <div>
            <button
              type="button"
              className="button button--secondary"
              disabled={portal.isPending || portal.isSuccess}
              onClick={() => portal.mutate()}
            >
              {portal.isPending || portal.isSuccess ? 'Opening the billing portal…' : 'Manage billing'}
            </button>
          </div>
          <p className="field__hint">Cards, invoices, switching plans and cancelling, on Stripe’s billing portal.</p>
          {portal.isError && <FormError error={portal.error} />}
        </div>
      )}
    </div>
  );
}

function UsageList({ usage }: { usage: LimitUsage[] }) {
  if (usage.length === 0) return <p className="empty-state">This plan sets no limits.</p>;
  return (
    <ul className="usage-list" aria-label="Usage against the plan’s limits">
      {usage.map((entry) => (
        <UsageItem key={entry.key} entry={entry} />
      ))}
    </ul>
  );
}

function UsageItem({ entry }: { entry: LimitUsage }) {
  const labelId = useId();
  const label = usageLabel(entry);
  const format = (value: number) => formatLimitValue(entry.key, value);
  const limitText = entry.limit === null ? 'Unlimited' : format(entry.limit);

  // Limits on something the account does not hold (a rate, the history kept): the limit alone.
  if (entry.used === null) {
    return (
      <li className="usage" data-testid={`usage-${entry.key}`}>
        <div className="usage__header">
          <span id={labelId} className="usage__label">
            {label}
          </span>
          <span className="usage__numbers">{limitText}</span>
        </div>
      </li>
    );
  }

  const { used, limit } = entry;
  const percent = limit === null ? 0 : limit === 0 ? (used > 0 ? 100 : 0) : Math.min(100, (used / limit) * 100);
  const near = limit !== null && !entry.over && percent >= 80;
  return (
    <li className={`usage${entry.over ? ' usage--over' : ''}`} data-testid={`usage-${entry.key}`}>
      <div className="usage__header">
        <span id={labelId} className="usage__label">
          {label}
        </span>
        <span className="usage__numbers">
          {limit === null ? `${format(used)} · Unlimited` : `${format(used)} of ${limitText}`}
        </span>
      </div>
      {limit !== null && (
        <div
          className={`usage__bar${entry.over ? ' usage__bar--over' : near ? ' usage__bar--near' : ''}`}
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={`${format(used)} of ${limitText}`}
        >
          <span className="usage__fill" style={{ inlineSize: `${percent}%` }} />
        </div>
      )}
      {entry.over && (
        <p className="usage__warning" role="alert">
          {OVER_LIMIT_MESSAGE}
        </p>
      )}
    </li>
  );
}

function PlanChoices({ summary, organization }: { summary: BillingSummary; organization: string | undefined }) {
  const paid = summary.plans.filter((plan) => !plan.free && plan.intervals.length > 0);
  const intervals: BillingInterval[] = (['month', 'year'] as const).filter((interval) =>
    paid.some((plan) => plan.intervals.includes(interval)),
  );
  const [chosen, setChosen] = useState<BillingInterval>(intervals[0] ?? 'month');
  const checkout = useCheckout();
  const live = hasLiveSubscription(summary);

  return (
    <div className="stack">
      {intervals.length > 1 && !live && (
        <fieldset className="fieldset billing-interval">
          <legend>Billing period</legend>
          <div className="cluster">
            {intervals.map((interval) => (
              <label key={interval} className="choice billing-interval__choice">
                <input
                  type="radio"
                  name="billing-interval"
                  value={interval}
                  checked={chosen === interval}
                  onChange={() => setChosen(interval)}
                />
                <span className="choice__label">{interval === 'month' ? 'Monthly' : 'Yearly'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {live && summary.portal && (
        <p className="field__hint">You have a subscription: switch plans or cancel in Manage billing.</p>
      )}
      <ul className="plan-list" aria-label="Plans">
        {summary.plans.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            summary={summary}
            interval={chosen}
            live={live}
            busy={checkout.isPending || checkout.isSuccess}
            leaving={(checkout.isPending || checkout.isSuccess) && checkout.variables?.plan === plan.id}
            onUpgrade={() =>
              checkout.mutate({
                plan: plan.id,
                interval: chosen,
                ...(organization !== undefined ? { organization } : {}),
              })
            }
          />
        ))}
      </ul>
      {checkout.isError && <FormError error={checkout.error} />}
    </div>
  );
}

interface PlanCardProps {
  plan: PlanView;
  summary: BillingSummary;
  interval: BillingInterval;
  live: boolean;
  busy: boolean;
  /** This plan's Checkout is opening. */
  leaving: boolean;
  onUpgrade: () => void;
}

function PlanCard({ plan, summary, interval, live, busy, leaving, onUpgrade }: PlanCardProps) {
  const headingId = useId();
  const current = plan.id === summary.plan.id;
  const sold = plan.intervals.includes(interval);
  return (
    <li className={`plan-card${current ? ' plan-card--current' : ''}`} aria-labelledby={headingId}>
      <div className="plan-card__header">
        <h3 id={headingId} className="plan-card__name">
          {plan.name}
        </h3>
        {current && <span className="badge badge--accent">Current plan</span>}
      </div>
      {plan.description && <p className="plan-card__description">{plan.description}</p>}
      <p className="plan-card__terms">
        {plan.free ? 'No charge' : plan.pricing === 'per-seat' ? 'Billed per seat' : 'Flat price'}
        {plan.trialDays ? ` · ${plan.trialDays}-day free trial` : ''}
      </p>
      <ul className="plan-card__limits">
        {planLimitLines(plan, summary.account.kind).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {!current && !plan.free && plan.intervals.length > 0 && !live && (
        <div className="plan-card__action">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !sold}
            onClick={onUpgrade}
            aria-label={`Upgrade to ${plan.name}`}
          >
            {leaving ? 'Opening checkout…' : 'Upgrade'}
          </button>
          {!sold && (
            <p className="field__hint">
              Billed {plan.intervals.map((offered) => INTERVAL_LABELS[offered].toLowerCase()).join(' or ')} only.
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function SeatsForm({ summary, organization }: { summary: BillingSummary; organization: string }) {
  const inputId = useId();
  const hintId = useId();
  const paid = summary.subscription?.quantity ?? 1;
  const members = summary.usage.find((entry) => entry.key === 'seats')?.used ?? 1;
  const maximum = summary.plan.limits.seats;
  const [quantity, setQuantity] = useState(String(paid));
  const seats = useSetSeats(organization);

  function submit(event: FormEvent) {
    event.preventDefault();
    seats.mutate(Number(quantity));
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Change the seats">
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Paid seats
        </label>
        <input
          id={inputId}
          className="input input--short"
          type="number"
          inputMode="numeric"
          min={Math.max(1, members)}
          {...(maximum !== null ? { max: maximum } : {})}
          step={1}
          required
          value={quantity}
          aria-describedby={hintId}
          onChange={(event) => setQuantity(event.target.value)}
        />
        <p id={hintId} className="field__hint">
          {members} {members === 1 ? 'member' : 'members'} now
          {maximum !== null ? `; the ${summary.plan.name} plan goes up to ${maximum} seats` : ''}. Changes are prorated.
        </p>
      </div>
      <div className="cluster">
        <button
          type="submit"
          className="button button--primary"
          disabled={seats.isPending || Number(quantity) === paid}
        >
          {seats.isPending ? 'Changing the seats…' : 'Change seats'}
        </button>
        {seats.isSuccess && (
          <span role="status">Seats changed to {seats.data.subscription?.quantity ?? quantity}.</span>
        )}
      </div>
      {seats.isError && <FormError error={seats.error} />}
    </form>
  );
}
