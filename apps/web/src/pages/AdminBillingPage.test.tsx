import { screen, waitFor, within } from '@testing-library/react';
import type { AdminSubscription } from '../features/billing/api/billing-api';
import { billingSession } from '../features/billing/testing/billing-fixtures';
import { activeSession, apiCalls, sampleUser, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

const PATH = '/admin/billing';
const LIST = '/api/v1/admin/billing/subscriptions';

const admin = billingSession({ user: { ...sampleUser, role: 'admin' } });

function subscription(index: number, overrides: Partial<AdminSubscription> = {}): AdminSubscription {
  return {
    account: { kind: 'user', id: `0b9e4a8e-0000-4000-8000-${String(index).padStart(12, '0')}`, name: `user${index}` },
    planId: 'pro',
    standing: 'active',
    stripeSubscriptionId: `sub_${index}`,
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
    updatedAt: '2026-02-01T12:00:00.000Z',
    ...overrides,
  };
}

/** 51 active subscriptions (two pages of 50) and one past due, filtered and paged as the API does. */
function subscriptionsApi() {
  const all = [
    subscription(0, {
      account: { kind: 'organization', id: '5d1c7e0a-0000-4000-8000-000000000001', name: 'acme' },
      planId: 'team',
      standing: 'grace',
      stripeSubscriptionId: 'sub_acme',
      subscription: {
        ...subscription(0).subscription,
        status: 'past_due',
        quantity: 7,
        graceEndsAt: '2026-02-17T12:00:00.000Z',
      },
    }),
    ...Array.from({ length: 51 }, (_, index) => subscription(index + 1)),
  ];
  return {
    [`GET ${LIST}`]: (request: { url: string }) => {
      const query = new URL(request.url, 'http://test').searchParams;
      const status = query.get('status');
      const page = Number(query.get('page') ?? '1');
      const matching = all.filter((item) => !status || item.subscription.status === status);
      return {
        status: 200,
        body: {
          items: matching.slice((page - 1) * 50, page * 50),
          total: matching.length,
          byStatus: [
            { status: 'active', count: 51 },
            { status: 'past_due', count: 1 },
          ],
        },
      };
    },
  };
}

describe('Admin billing page', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('lists the subscriptions with their state, filters by status and pages', async () => {
    server = await startApiServer(subscriptionsApi(), { session: admin });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/' });

    // Linked from the header, beside Federation.
    const nav = await screen.findByRole('navigation', { name: 'Primary' });
    await user.click(await within(nav).findByRole('link', { name: 'Billing' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();

    const acme = await screen.findByTestId('subscription-sub_acme');
    const cells = within(acme)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '@acmeOrganization · sub_acme',
      'team',
      'Payment failed (grace)',
      'past_due',
      '7',
      'Mar 1, 2026',
      'Feb 17, 2026',
      expect.stringContaining('Feb 1, 2026'),
    ]);
    expect(within(acme).getByRole('link', { name: '@acme' })).toHaveAttribute('href', '/@acme');
    const pages = screen.getByRole('navigation', { name: 'Subscription pages' });
    expect(pages).toHaveTextContent('Page 1 of 2 · 52 subscriptions');

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await screen.findByTestId('subscription-sub_51')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Subscription pages' })).toHaveTextContent('Page 2 of 2');

    const chips = screen.getByRole('list', { name: 'Filter by status' });
    expect(within(chips).getByRole('button', { name: 'All 52' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(chips).getByRole('button', { name: 'past_due 1' }));
    await waitFor(() => expect(screen.queryByTestId('subscription-sub_51')).not.toBeInTheDocument());
    expect(screen.getByTestId('subscription-sub_acme')).toBeInTheDocument();
    expect(within(chips).getByRole('button', { name: 'past_due 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(apiCalls(server, 'GET').map((call) => call.url)).toEqual([
      `${LIST}?page=1`,
      `${LIST}?page=2`,
      `${LIST}?status=past_due&page=1`,
    ]);
  });

  it('tells anyone but an administrator that it is for administrators, asking nothing', async () => {
    server = await startApiServer(subscriptionsApi(), { session: billingSession() });
    renderApp({ apiBaseUrl: server.url, path: PATH });

    expect(await screen.findByRole('heading', { name: 'Administrators only' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).queryByRole('link', { name: 'Billing' })).not.toBeInTheDocument();
    expect(apiCalls(server)).toEqual([]);
  });

  it('is neither linked nor a page when the instance does not bill', async () => {
    server = await startApiServer(subscriptionsApi(), {
      session: activeSession({ user: { ...sampleUser, role: 'admin' } }),
    });
    renderApp({ apiBaseUrl: server.url, path: PATH });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'Federation' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Billing' })).not.toBeInTheDocument();
    expect(apiCalls(server)).toEqual([]);
  });
});
