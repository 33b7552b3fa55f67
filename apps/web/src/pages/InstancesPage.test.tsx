import { screen, within } from '@testing-library/react';
import { directoryEntry } from '../features/federation/testing/federation-fixtures';
import { errorReply, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

describe('InstancesPage', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is linked from the navigation and lists each instance with its facts, leading to its blueprints', async () => {
    server = await startApiServer({
      'GET /api/v1/federation/peers': {
        status: 200,
        body: {
          items: [
            directoryEntry(),
            directoryEntry({
              domain: 'old.example',
              name: 'Old Prompts',
              version: null,
              blueprintCount: 1,
              signed: false,
              status: 'failing',
              lastCrawlAt: null,
              url: 'javascript:alert(1)',
            }),
          ],
        },
      },
      'GET /api/v1/blueprints': { status: 200, body: { items: [], nextCursor: null } },
    });
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/' });

    await user.click(
      within(screen.getByRole('navigation', { name: 'Primary' })).getByRole('link', { name: 'Instances' }),
    );
    expect(router.state.location.pathname).toBe('/instances');
    expect(await screen.findByRole('heading', { level: 1, name: 'Instances' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Federated instances' });

    const other = within(table).getByRole('row', { name: /Other Rules/ });
    const domain = within(other).getByRole('link', { name: 'rules.other.test (opens in a new tab)' });
    expect(domain).toHaveAttribute('href', 'https://rules.other.test/');
    expect(domain).toHaveAttribute('target', '_blank');
    expect(domain).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(other).getByText('1.2.0')).toBeInTheDocument();
    expect(within(other).getByText('Signed')).toBeInTheDocument();
    expect(within(other).getByText('Verified')).toBeInTheDocument();
    expect(within(other).getByText('Jan 5, 2026', { exact: false })).toBeInTheDocument();
    expect(within(other).getByRole('link', { name: '12 blueprints from rules.other.test' })).toHaveAttribute(
      'href',
      '/blueprints?instance=rules.other.test',
    );

    // A legacy instance says so; an address that is not http(s) is never a link.
    const old = within(table).getByRole('row', { name: /Old Prompts/ });
    expect(within(old).getByText('Unsigned (legacy)')).toBeInTheDocument();
    expect(within(old).getByText('Failing')).toBeInTheDocument();
    expect(within(old).getByText('Never')).toBeInTheDocument();
    expect(within(old).getByText('old.example').closest('a')).toBeNull();
    expect(within(old).getByRole('link', { name: '1 blueprint from old.example' })).toBeInTheDocument();

    await user.click(within(other).getByRole('link', { name: 'Other Rules' }));
    expect(router.state.location.pathname).toBe('/blueprints');
    expect(router.state.location.search).toBe('?instance=rules.other.test');
  });

  it('says when there is no other instance yet', async () => {
    server = await startApiServer({ 'GET /api/v1/federation/peers': { status: 200, body: { items: [] } } });
    renderApp({ apiBaseUrl: server.url, path: '/instances' });

    expect(await screen.findByText('This instance does not federate with any other instance yet.')).toBeInTheDocument();
  });

  it('shows the error code when the directory cannot be loaded', async () => {
    server = await startApiServer({
      'GET /api/v1/federation/peers': errorReply(503, 'SERVICE_UNAVAILABLE', 'The database is starting up.'),
    });
    renderApp({ apiBaseUrl: server.url, path: '/instances' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The instance directory could not be loaded');
    expect(within(alert).getByText('SERVICE_UNAVAILABLE')).toBeInTheDocument();
  });
});
