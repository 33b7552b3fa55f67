import { screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import { activeSession, apiCalls, startApiServer, type TestServer } from '../../../test/http-server';
import { organizationLayoutRoutes } from '../../../test/organizations';
import { renderApp } from '../../../test/render-app';

const AUDIT = '/api/v1/organizations/acme/audit';

function event(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    occurredAt: `2026-03-${String(10 + (n % 10)).padStart(2, '0')}T09:00:00.000Z`,
    action: `organization_token.created`,
    actor: { type: 'user', id: '11111111-0000-4000-8000-000000000001', handle: 'ada' },
    target: { type: 'api_token', id: `token-${n}` },
    metadata: { name: `Token ${n}` },
    ipPrefix: '192.0.2.0/24',
    ...overrides,
  };
}

describe('Organization audit log page', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('shows events in a table and pages with the cursor, forwards and back', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('owner'),
        [`GET ${AUDIT}`]: (request) =>
          request.url.includes('cursor=page2')
            ? {
                status: 200,
                body: { events: [event(2, { actor: { type: 'system', id: null, handle: null } })], nextCursor: null },
              }
            : { status: 200, body: { events: [event(1)], nextCursor: 'page2' } },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/audit' });

    const table = await screen.findByRole('region', { name: 'Audit log table' });
    // Inside the organization's page: its one title, and the Audit log tab marked as the current one.
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Acme Corp']);
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Tokens' })).not.toHaveAttribute('aria-current');
    expect(await within(table).findByText('@ada')).toBeInTheDocument();
    expect(within(table).getByText('api_token token-1')).toBeInTheDocument();
    expect(within(table).getByText('{"name":"Token 1"}')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Audit log pages' });
    expect(within(pages).getByRole('button', { name: 'Newer' })).toBeDisabled();

    await user.click(within(pages).getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('api_token token-2')).toBeInTheDocument();
    expect(screen.getByText('system')).toBeInTheDocument();
    expect(within(pages).getByRole('button', { name: 'Older' })).toBeDisabled();
    expect(apiCalls(server, 'GET').at(-1)?.url).toContain('cursor=page2');

    await user.click(within(pages).getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('api_token token-1')).toBeInTheDocument();
  });

  it('filters by action prefix and dates (the end day included), and exports with the same filters', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('admin'),
        [`GET ${AUDIT}`]: { status: 200, body: { events: [event(1)], nextCursor: null } },
        [`GET ${AUDIT}/export`]: { status: 200, text: 'occurredAt,action\r\n' },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/audit' });

    const form = await screen.findByRole('form', { name: 'Filter the audit log' });
    await user.type(within(form).getByLabelText('Action starts with'), 'organization_token.');
    await user.type(within(form).getByLabelText('From'), '2026-03-01');
    await user.type(within(form).getByLabelText('To'), '2026-03-31');
    await user.click(within(form).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(apiCalls(server!, 'GET').map((call) => call.url)).toContainEqual(
        `${AUDIT}?action=organization_token.&from=2026-03-01&to=2026-04-01&limit=50`,
      ),
    );

    const createObjectURL = vi.fn(() => 'blob:audit');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(click).toHaveBeenCalled());
    } finally {
      click.mockRestore();
    }
    const exportCall = apiCalls(server, 'GET').find((call) => call.path === `${AUDIT}/export`);
    expect(exportCall?.url).toBe(`${AUDIT}/export?action=organization_token.&from=2026-03-01&to=2026-04-01&format=csv`);
  });
});
