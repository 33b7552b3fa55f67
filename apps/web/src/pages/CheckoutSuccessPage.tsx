import { Link, useSearchParams } from 'react-router';
import type { CheckoutSession } from '../features/billing/api/billing-api';
import { useBillingEnabled, useCheckoutSession } from '../features/billing/hooks/use-billing';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { FormError } from '../shared/components/FormError';
import { LoadingState } from '../shared/components/LoadingState';
import { NotFoundPage } from './NotFoundPage';

/**
 * /billing/success?session_id=…: where Stripe Checkout sends the browser after paying. Reading the session makes the
 * server write the subscription at once, so the plan shown here (and on the billing page) is already the new one.
 */
export function CheckoutSuccessPage() {
  usePageTitle('Checkout');
  if (!useBillingEnabled()) return <NotFoundPage />;
  return <CheckoutResult />;
}

function CheckoutResult() {
  const [params] = useSearchParams();
  const sessionId = params.get('session_id') ?? '';
  const { data: checkout, error, isPending, isFetching, refetch } = useCheckoutSession(sessionId);

  return (
    <section className="message-page" aria-labelledby="checkout-title">
      <p className="message-page__code">Checkout</p>
      {sessionId === '' ? (
        <>
          <h1 id="checkout-title" className="message-page__title">
            No checkout to show
          </h1>
          <p className="message-page__body">
            This address lacks the checkout’s session id. Your plan is on your{' '}
            <Link to="/settings/billing">billing page</Link>.
          </p>
        </>
      ) : isPending ? (
        <>
          <h1 id="checkout-title" className="message-page__title">
            Confirming your payment…
          </h1>
          <LoadingState label="Reading the checkout…" />
        </>
      ) : checkout ? (
        <Outcome checkout={checkout} onRefresh={() => void refetch()} refreshing={isFetching} />
      ) : error?.code === 'BILLING_CHECKOUT_NOT_FOUND' ? (
        <>
          <h1 id="checkout-title" className="message-page__title">
            This checkout was not found
          </h1>
          <p className="message-page__body">
            It does not exist, or it was for another account than the one you are signed in with. If you paid, the plan
            shows on the billing page of the account you paid for within a minute.
          </p>
          <FormError error={error} />
          <p className="message-page__actions">
            <Link className="button button--primary" to="/settings/billing">
              Go to your billing page
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 id="checkout-title" className="message-page__title">
            The checkout could not be read
          </h1>
          <ApiErrorNotice title="What went wrong" error={error} onRetry={() => void refetch()} retrying={isFetching} />
        </>
      )}
    </section>
  );
}

function Outcome({
  checkout,
  onRefresh,
  refreshing,
}: {
  checkout: CheckoutSession;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { summary, billingPath } = checkout;
  const whose = summary.account.kind === 'organization' ? `@${summary.account.slug ?? ''} is` : 'You’re';
  const back = (
    <p className="message-page__actions">
      <Link className="button button--primary" to={billingPath}>
        Go to the billing page
      </Link>
    </p>
  );
  if (checkout.status === 'complete') {
    return (
      <>
        <h1 id="checkout-title" className="message-page__title" data-testid="checkout-plan">
          {whose} on {summary.plan.name}
        </h1>
        <p className="message-page__body">
          Thank you: the payment went through and the {summary.plan.name} plan applies now. Invoices and cards are in
          Manage billing on the billing page.
        </p>
        {back}
      </>
    );
  }
  if (checkout.status === 'expired') {
    return (
      <>
        <h1 id="checkout-title" className="message-page__title">
          This checkout expired
        </h1>
        <p className="message-page__body">Nothing was charged. Choose a plan again on the billing page.</p>
        {back}
      </>
    );
  }
  return (
    <>
      <h1 id="checkout-title" className="message-page__title">
        The payment is not finished yet
      </h1>
      <p className="message-page__body">
        Stripe has not confirmed this checkout yet. This usually takes a few seconds; the plan changes as soon as it
        does.
      </p>
      <p className="message-page__actions">
        <button type="button" className="button button--secondary" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Checking…' : 'Check again'}
        </button>
        <Link className="button button--primary" to={billingPath}>
          Go to the billing page
        </Link>
      </p>
    </>
  );
}
