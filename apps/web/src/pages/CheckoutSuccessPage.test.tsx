import { screen, within } from '@testing-library/react';
import {
  billingSession,
  organizationSummary,
  proPlan,
  userSummary,
} from '../features/billing/testing/billing-fixtures';
import { activeSession, apiCalls, errorReply, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

const SESSION_ID = 'cs_test_a1b2c3';
const CHECKOUT = `/api/v1/billing/checkout/${SESSION_ID}`;

const proSummary = userSummary({
  plan: proPlan,
  standing: 'active',
  portal: true,
  subscription: {
    status: 'active',
    interval: 'month',
    quantity: 1,
    currentPeriodEnd: '2026-03-01T12:00:00.000Z',
    nextInvoiceAt: '2026-03-01T12:00:00.000Z',
    cancelAtPeriodEnd: false,
    trialEnd: null,
    graceEndsAt: null,
  },
});

describe('Checkout success page', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('confirms the new plan, and links to the billing page, which shows it', async () => {
    server = await startApiServer(
      {
        [`GET ${CHECKOUT}`]: {
          status: 200,
          body: { status: 'complete', billingPath: '/settings/billing', summary: proSummary },
        },
        'GET /api/v1/billing': { status: 200, body: proSummary },
      },
      { session: billingSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/billing/success?session_id=${SESSION_ID}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'You’re on Pro' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the billing page' }));

    expect(router.state.location.pathname).toBe('/settings/billing');
    const current = await screen.findByRole('region', { name: 'Current plan' });
    expect(within(current).getByTestId('current-plan')).toHaveTextContent('Pro');
    expect(within(current).getByTestId('plan-standing')).toHaveTextContent('Active, renews on Mar 1, 2026');
    expect(apiCalls(server).map((call) => call.path)).toContain(CHECKOUT);
  });

  it('names the organization that was upgraded and links to its billing page', async () => {
    server = await startApiServer(
      {
        [`GET ${CHECKOUT}`]: {
          status: 200,
          body: { status: 'complete', billingPath: '/orgs/acme/billing', summary: organizationSummary(4) },
        },
      },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: `/billing/success?session_id=${SESSION_ID}` });

    expect(await screen.findByRole('heading', { level: 1, name: '@acme is on Team' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the billing page' })).toHaveAttribute('href', '/orgs/acme/billing');
  });

  it('says so when Stripe has not confirmed the payment yet', async () => {
    server = await startApiServer(
      {
        [`GET ${CHECKOUT}`]: {
          status: 200,
          body: { status: 'open', billingPath: '/settings/billing', summary: userSummary() },
        },
      },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: `/billing/success?session_id=${SESSION_ID}` });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The payment is not finished yet' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('explains a checkout that is not found (or not yours), with the code', async () => {
    server = await startApiServer(
      {
        [`GET ${CHECKOUT}`]: errorReply(404, 'BILLING_CHECKOUT_NOT_FOUND', 'No such checkout session of yours'),
      },
      { session: billingSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: `/billing/success?session_id=${SESSION_ID}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'This checkout was not found' })).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText('BILLING_CHECKOUT_NOT_FOUND')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your billing page' })).toHaveAttribute('href', '/settings/billing');
  });

  it('asks nothing without a session id', async () => {
    server = await startApiServer({}, { session: billingSession() });
    renderApp({ apiBaseUrl: server.url, path: '/billing/success' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No checkout to show' })).toBeInTheDocument();
    expect(apiCalls(server).filter((call) => call.path.includes('billing'))).toEqual([]);
  });

  it('is not a page when the instance does not bill', async () => {
    server = await startApiServer({}, { session: activeSession() });
    renderApp({ apiBaseUrl: server.url, path: `/billing/success?session_id=${SESSION_ID}` });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(apiCalls(server)).toEqual([]);
  });
});
