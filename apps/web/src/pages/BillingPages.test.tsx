import { screen, waitFor, within } from '@testing-library/react';
import {
  billingSession,
  freePlan,
  organizationSummary,
  proPlan,
  teamPlan,
  userSummary,
} from '../features/billing/testing/billing-fixtures';
import { activeSession, apiCalls, CSRF_TOKEN, errorReply, startApiServer, type TestServer } from '../test/http-server';
import { organizationLayoutRoutes } from '../test/organizations';
import { renderApp } from '../test/render-app';

const OVER = 'Over the limit of your plan: read-only until you’re back under — nothing was deleted.';

/** Stands in for leaving the app: the tests check where the browser would have gone. */
function captureLeaving() {
  const assign = vi.fn();
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign });
  return assign;
}

describe('Billing pages', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('shows the plan, usage against the limits as bars, and the plans on offer', async () => {
    server = await startApiServer(
      { 'GET /api/v1/billing': { status: 200, body: userSummary() } },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    const current = await screen.findByRole('region', { name: 'Current plan' });
    expect(within(current).getByTestId('current-plan')).toHaveTextContent('Free');
    expect(within(current).getByTestId('plan-standing')).toHaveTextContent('No subscription');
    expect(within(current).getByTestId('next-invoice')).toHaveTextContent('None');
    // Never subscribed: no portal to open.
    expect(within(current).queryByRole('button', { name: 'Manage billing' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).getByRole('link', { name: 'Billing' })).toHaveAttribute('aria-current', 'page');

    const usage = screen.getByRole('region', { name: 'Usage' });
    const blueprints = within(usage).getByRole('meter', { name: 'Private blueprints' });
    expect(blueprints).toHaveAttribute('aria-valuenow', '4');
    expect(blueprints).toHaveAttribute('aria-valuemax', '10');
    expect(blueprints).toHaveAttribute('aria-valuetext', '4 of 10');
    // Bytes read as bytes.
    expect(within(usage).getByRole('meter', { name: 'Stored bytes' })).toHaveAttribute(
      'aria-valuetext',
      '12.5 MB of 50 MB',
    );
    // A limit on something not held (the history kept) has no bar.
    expect(within(usage).getByTestId('usage-versionHistory')).toHaveTextContent('Versions kept in history10');
    expect(within(usage).queryByRole('meter', { name: 'Versions kept in history' })).not.toBeInTheDocument();
    expect(within(usage).queryByText(OVER)).not.toBeInTheDocument();

    const plans = screen.getByRole('list', { name: 'Plans' });
    const free = within(plans).getByRole('listitem', { name: 'Free' });
    expect(within(free).getByText('Current plan')).toBeInTheDocument();
    expect(within(free).queryByRole('button')).not.toBeInTheDocument();
    const pro = within(plans).getByRole('listitem', { name: 'Pro' });
    expect(pro).toHaveTextContent('14-day free trial');
    expect(pro).toHaveTextContent('Unlimited private blueprints');
    expect(pro).toHaveTextContent('2 GB storage');
    expect(within(pro).getByRole('button', { name: 'Upgrade to Pro' })).toBeEnabled();
  });

  it('warns on each limit the account is over, and shows unlimited ones as such', async () => {
    const summary = userSummary({
      usage: [
        { key: 'privateBlueprints', label: 'private blueprints', limit: 10, used: 14, over: true },
        { key: 'organizations', label: 'organizations you own', limit: null, used: 2, over: false },
      ],
    });
    server = await startApiServer(
      { 'GET /api/v1/billing': { status: 200, body: summary } },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    const over = await screen.findByTestId('usage-privateBlueprints');
    expect(within(over).getByRole('alert')).toHaveTextContent(OVER);
    expect(over).toHaveTextContent('14 of 10');
    // The bar stops at full.
    expect(within(over).getByRole('meter')).toHaveAttribute('aria-valuenow', '10');
    const unlimited = screen.getByTestId('usage-organizations');
    expect(unlimited).toHaveTextContent('2 · Unlimited');
    expect(within(unlimited).queryByRole('meter')).not.toBeInTheDocument();
    expect(within(unlimited).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('upgrades through Checkout: posts the plan and the period chosen, then sends the browser to Stripe', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/billing': { status: 200, body: userSummary() },
        'POST /api/v1/billing/checkout': { status: 200, body: { url: 'https://checkout.stripe.test/c/pay/cs_1' } },
      },
      { session: billingSession() },
    );
    const assign = captureLeaving();
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    const plans = await screen.findByRole('region', { name: 'Plans' });
    expect(within(plans).getByRole('radio', { name: 'Monthly' })).toBeChecked();
    await user.click(within(plans).getByRole('radio', { name: 'Yearly' }));
    await user.click(within(plans).getByRole('button', { name: 'Upgrade to Pro' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay/cs_1'));
    const [post] = apiCalls(server, 'POST');
    expect(post?.path).toBe('/api/v1/billing/checkout');
    expect(post?.body).toEqual({ plan: 'pro', interval: 'year' });
    expect(post?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('shows why Checkout was refused', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/billing': { status: 200, body: userSummary() },
        'POST /api/v1/billing/checkout': errorReply(
          502,
          'BILLING_PROVIDER_UNAVAILABLE',
          'The payment provider could not complete the request: timeout',
        ),
      },
      { session: billingSession() },
    );
    const assign = captureLeaving();
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    const plans = await screen.findByRole('region', { name: 'Plans' });
    await user.click(within(plans).getByRole('button', { name: 'Upgrade to Pro' }));
    const alert = await within(plans).findByRole('alert');
    expect(alert).toHaveTextContent('BILLING_PROVIDER_UNAVAILABLE');
    expect(assign).not.toHaveBeenCalled();
  });

  it('opens the Customer Portal for a subscriber, whose plan changes there rather than through Checkout', async () => {
    const summary = userSummary({
      plan: proPlan,
      standing: 'active',
      portal: true,
      subscription: {
        status: 'active',
        interval: 'year',
        quantity: 1,
        currentPeriodEnd: '2027-01-10T12:00:00.000Z',
        nextInvoiceAt: null,
        cancelAtPeriodEnd: true,
        trialEnd: null,
        graceEndsAt: null,
      },
    });
    server = await startApiServer(
      {
        'GET /api/v1/billing': { status: 200, body: summary },
        'POST /api/v1/billing/portal': { status: 200, body: { url: 'https://billing.stripe.test/p/session/ps_1' } },
      },
      { session: billingSession() },
    );
    const assign = captureLeaving();
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    const current = await screen.findByRole('region', { name: 'Current plan' });
    expect(within(current).getByTestId('current-plan')).toHaveTextContent('Pro');
    expect(within(current).getByTestId('plan-standing')).toHaveTextContent('Ends on Jan 10, 2027');
    expect(within(current).getByTestId('next-invoice')).toHaveTextContent('None: the subscription ends');
    expect(within(current).getByText('Yearly')).toBeInTheDocument();
    // A second Checkout would be refused (BILLING_SUBSCRIPTION_EXISTS): no Upgrade buttons.
    expect(screen.queryByRole('button', { name: /Upgrade to/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Yearly' })).not.toBeInTheDocument();

    await user.click(within(current).getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://billing.stripe.test/p/session/ps_1'));
    const [post] = apiCalls(server, 'POST');
    expect(post?.path).toBe('/api/v1/billing/portal');
    expect(post?.body).toEqual({});
  });

  it('says a canceled Checkout changed nothing, and a failed payment holds the plan until the grace period ends', async () => {
    const summary = userSummary({
      plan: proPlan,
      standing: 'grace',
      portal: true,
      subscription: {
        status: 'past_due',
        interval: 'month',
        quantity: 1,
        currentPeriodEnd: '2026-02-10T12:00:00.000Z',
        nextInvoiceAt: '2026-02-10T12:00:00.000Z',
        cancelAtPeriodEnd: false,
        trialEnd: null,
        graceEndsAt: '2026-02-17T12:00:00.000Z',
      },
    });
    server = await startApiServer(
      { 'GET /api/v1/billing': { status: 200, body: summary } },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/settings/billing?checkout=canceled' });

    expect(await screen.findByText('Checkout was canceled.')).toBeInTheDocument();
    expect(screen.getByTestId('plan-standing')).toHaveTextContent('Payment failed — plan holds until Feb 17, 2026');
  });

  it('has no Billing tab or page when the instance does not bill', async () => {
    server = await startApiServer({}, { session: activeSession() });
    renderApp({ apiBaseUrl: server.url, path: '/settings/billing' });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).getByRole('link', { name: 'Variables' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Billing' })).not.toBeInTheDocument();
    expect(apiCalls(server).filter((call) => call.path.includes('billing'))).toEqual([]);
  });

  it('upgrades an organization for its Admin, naming the organization', async () => {
    const summary = organizationSummary(1, {
      plan: freePlan,
      standing: 'free',
      subscription: null,
      portal: false,
      plans: [freePlan, teamPlan],
    });
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('admin'),
        'GET /api/v1/organizations/acme/billing': { status: 200, body: summary },
        'POST /api/v1/billing/checkout': { status: 200, body: { url: 'https://checkout.stripe.test/c/pay/cs_2' } },
      },
      { session: billingSession() },
    );
    const assign = captureLeaving();
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/billing' });

    const plans = await screen.findByRole('region', { name: 'Plans' });
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Billing' })).toHaveAttribute('aria-current', 'page');
    // Team is sold by the month only: no period to choose.
    expect(within(plans).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(plans).getByRole('listitem', { name: 'Team' })).toHaveTextContent('Billed per seat');
    await user.click(within(plans).getByRole('button', { name: 'Upgrade to Team' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay/cs_2'));
    expect(apiCalls(server, 'POST')[0]?.body).toEqual({ plan: 'team', interval: 'month', organization: 'acme' });
  });

  it('changes the paid seats of a per-seat plan that refuses members beyond them', async () => {
    let seats = 3;
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('owner'),
        'GET /api/v1/organizations/acme/billing': () => ({ status: 200, body: organizationSummary(seats) }),
        'PUT /api/v1/organizations/acme/billing/seats': (request) => {
          seats = (request.body as { quantity: number }).quantity;
          return { status: 200, body: organizationSummary(seats) };
        },
      },
      { session: billingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/billing' });

    const section = await screen.findByRole('region', { name: 'Seats' });
    const input = within(section).getByLabelText('Paid seats');
    expect(input).toHaveValue(3);
    expect(screen.getByRole('region', { name: 'Current plan' })).toHaveTextContent('3 paid · 3 in use');
    await user.clear(input);
    await user.type(input, '5');
    await user.click(within(section).getByRole('button', { name: 'Change seats' }));

    expect(await within(section).findByRole('status')).toHaveTextContent('Seats changed to 5.');
    const [put] = apiCalls(server, 'PUT');
    expect(put?.path).toBe('/api/v1/organizations/acme/billing/seats');
    expect(put?.body).toEqual({ quantity: 5 });
    expect(screen.getByRole('region', { name: 'Current plan' })).toHaveTextContent('5 paid · 3 in use');
  });

  it('shows a Member no Billing tab', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('member'),
        'GET /api/v1/organizations/acme/blueprints': { status: 200, body: { items: [], nextCursor: null } },
        'GET /api/v1/organizations/acme/hierarchies': { status: 200, body: { items: [] } },
      },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/orgs/acme' });

    const nav = await screen.findByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Members' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Billing' })).not.toBeInTheDocument();
  });
});
