import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { formats } from '../../features/blueprints/testing/blueprint-fixtures';
import { billingSession, userSummary } from '../../features/billing/testing/billing-fixtures';
import { submitTokenForm } from '../../test/token-form';
import { apiCalls, errorReply, startApiServer, type Route, type TestServer } from '../../test/http-server';
import { organizationLayoutRoutes } from '../../test/organizations';
import { renderApp } from '../../test/render-app';
import { ApiError } from '../api/api-error';
import { ApiErrorNotice } from './ApiErrorNotice';

const OVER = 'Over the limit of your plan: read-only until you’re back under — nothing was deleted.';

/** A 402 as the API sends it: the upgrade URL is absolute, on the instance's APP_URL (not this page's origin). */
function planLimit(limit: string, allowed: number, used: number, wanted: number, upgradePath: string): Route {
  return errorReply(402, 'PLAN_LIMIT_REACHED', `The Free plan allows ${allowed}; upgrade at …`, {
    limit,
    plan: 'Free',
    allowed,
    used,
    wanted,
    upgradeUrl: `https://prompts.example.org${upgradePath}`,
  });
}

type User = ReturnType<typeof renderApp>['user'];

async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('Upgrade prompts where a plan’s limit stops an action', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('in the blueprint editor: explains the limit and links to your billing page', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/formats': { status: 200, body: { items: formats } },
        'POST /api/v1/scan': {
          status: 200,
          body: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false, variables: [] },
        },
        'POST /api/v1/blueprints': planLimit('privateBlueprints', 2, 2, 1, '/settings/billing'),
        'GET /api/v1/billing': { status: 200, body: userSummary() },
      },
      { session: billingSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await fill(user, await screen.findByLabelText('Name'), 'Third');
    await fill(user, screen.getByLabelText('Content'), '# Third\n');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is beyond what the Free plan allows.');
    expect(alert).toHaveTextContent(
      'The Free plan allows 2 private blueprints; 2 in use, and this needs 1 more. Upgrade, or make room first.',
    );
    expect(within(alert).getByText('PLAN_LIMIT_REACHED')).toBeInTheDocument();
    const link = within(alert).getByRole('link', { name: 'See plans and upgrade' });
    // A path inside this app, whatever origin the server's APP_URL names.
    expect(link).toHaveAttribute('href', '/settings/billing');
    await user.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/billing'));
    expect(await screen.findByRole('region', { name: 'Current plan' })).toBeInTheDocument();
  });

  it('when creating an organization token: links to the organization’s billing page', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('admin'),
        'GET /api/v1/organizations/acme/tokens': { status: 200, body: [] },
        'POST /api/v1/organizations/acme/tokens': planLimit('organizationTokens', 1, 1, 1, '/orgs/acme/billing'),
      },
      { session: billingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/tokens' });

    const section = await screen.findByRole('region', { name: 'Organization tokens' });
    await user.click(await within(section).findByRole('button', { name: 'Create a token' }));
    await submitTokenForm(user, within(section).getByRole('form', { name: 'Create an organization token' }), {
      name: 'CI',
    });

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The Free plan allows 1 organization token; 1 in use, and this needs 1 more.');
    expect(within(alert).getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute(
      'href',
      '/orgs/acme/billing',
    );
  });

  it('when inviting beyond the seats: links to the organization’s billing page', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('owner'),
        'GET /api/v1/organizations/acme/invitations': { status: 200, body: { items: [] } },
        'POST /api/v1/organizations/acme/invitations': planLimit('seats', 3, 3, 1, '/orgs/acme/billing'),
      },
      { session: billingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/invitations' });

    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.type(within(form).getByLabelText('Email address'), 'ivy@example.org');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The Free plan allows 3 members (seats); 3 in use, and this needs 1 more.');
    expect(alert).toHaveTextContent('The organization’s Owners and Admins choose its plan.');
    expect(within(alert).getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute(
      'href',
      '/orgs/acme/billing',
    );
  });

  it('when creating an organization: links to your billing page', async () => {
    server = await startApiServer(
      { 'POST /api/v1/organizations': planLimit('organizations', 1, 1, 1, '/settings/billing') },
      { session: billingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/new' });

    const form = await screen.findByRole('form', { name: 'Create an organization' });
    await user.type(within(form).getByLabelText('Name'), 'Second');
    await user.type(within(form).getByLabelText('Slug'), 'second');
    await user.click(within(form).getByRole('button', { name: 'Create organization' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The Free plan allows 1 organization you own; 1 in use');
    expect(within(alert).getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute(
      'href',
      '/settings/billing',
    );
  });

  it('when an import is refused: the prompt above the results', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/formats': { status: 200, body: { items: formats } },
        'POST /api/v1/imports/preview': {
          status: 200,
          body: {
            items: [
              {
                path: 'go.mdc',
                status: 'ready',
                reason: 'path go.mdc',
                detection: {
                  format: 'cursor-rules',
                  kind: 'rules',
                  confidence: 'certain',
                  method: 'path',
                  reason: 'path',
                  alternatives: [],
                },
                name: 'go',
                slug: 'go',
                notes: [],
                scan: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false },
                attachments: [],
                conflicts: [],
                error: null,
              },
            ],
            limits: { maxFiles: 200, maxFileBytes: 262144, maxTotalBytes: 4194304 },
          },
        },
        'POST /api/v1/imports': planLimit(
          'storageBytes',
          50 * 1024 * 1024,
          50 * 1024 * 1024,
          2048,
          '/settings/billing',
        ),
      },
      { session: billingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/import' });

    await user.upload(await screen.findByLabelText('Choose files'), new File(['Use gofmt.\n'], 'go.mdc'));
    await user.click(await screen.findByRole('button', { name: 'Import 1 item' }));

    const results = await screen.findByRole('region', { name: 'Import results' });
    expect(within(results).getByRole('status')).toHaveTextContent('0 imported, 0 skipped, 1 failed.');
    const alert = screen.getAllByRole('alert').find((element) => element.textContent?.includes('PLAN_LIMIT_REACHED'));
    expect(alert).toHaveTextContent('The Free plan allows 50 MB of storage; 50 MB in use, and this needs 2 KB more.');
    expect(within(alert!).getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute(
      'href',
      '/settings/billing',
    );
    expect(apiCalls(server, 'POST').map((call) => call.path)).toEqual(['/api/v1/imports/preview', '/api/v1/imports']);
  });

  it('says an account over its limit is read-only for it, and that nothing was deleted', async () => {
    const error = new ApiError('PLAN_LIMIT_REACHED', 'The Free plan allows 2 …', 402, 'req_1', {
      limit: 'privateBlueprints',
      plan: 'Free',
      allowed: 2,
      used: 5,
      wanted: 0,
      upgradeUrl: 'http://lynx.test/settings/billing',
    });
    const router = createMemoryRouter([
      { path: '/', element: <ApiErrorNotice title="The blueprint could not be saved" error={error} /> },
    ]);
    render(<RouterProvider router={router} />);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(OVER);
    expect(alert).toHaveTextContent('The Free plan allows 2 private blueprints; 5 in use. Upgrade, or remove some');
    expect(within(alert).getByText('PLAN_LIMIT_REACHED')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute(
      'href',
      '/settings/billing',
    );
  });
});
