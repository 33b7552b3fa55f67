import { screen, waitFor } from '@testing-library/react';
import { startManifestServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('NotFoundPage', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startManifestServer();
  });

  afterEach(() => server.close());

  it('is shown for an unknown client route, inside the layout, with a link home', async () => {
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/no/such/page' });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(await screen.findByText('Acme Prompt Hub', { selector: '.site-header__name' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found · Acme Prompt Hub'));

    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));

    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Prompt Hub' })).toBeInTheDocument();
  });
});
