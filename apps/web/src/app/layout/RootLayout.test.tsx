import { screen, within } from '@testing-library/react';
import { startManifestServer, type TestServer } from '../../test/http-server';
import { renderApp } from '../../test/render-app';

describe('RootLayout', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startManifestServer();
  });

  afterEach(() => server.close());

  it('starts with a skip link that targets the main landmark', async () => {
    const { user } = renderApp({ apiBaseUrl: server.url });

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();

    const main = screen.getByRole('main');
    expect(skip).toHaveAttribute('href', `#${main.id}`);
    expect(main).toHaveAttribute('tabindex', '-1');
  });

  it('has banner, primary navigation and contentinfo landmarks', async () => {
    renderApp({ apiBaseUrl: server.url });

    const banner = screen.getByRole('banner');
    const nav = within(banner).getByRole('navigation', { name: 'Primary' });
    const home = within(nav).getByRole('link', { name: 'Home' });
    expect(home).toHaveAttribute('href', '/');
    expect(home).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'API' })).toHaveAttribute('href', '/api/docs');

    expect(await within(banner).findByRole('link', { name: 'Acme Prompt Hub' })).toHaveAttribute('href', '/');

    const footer = screen.getByRole('contentinfo');
    expect(await within(footer).findByText(/v1\.4\.2/)).toBeInTheDocument();
    expect(footer).toHaveTextContent('Powered by LynxPrompt v1.4.2');
    expect(within(footer).getByRole('link', { name: 'Source code and license' })).toHaveAttribute('href', '/license');
  });

  it('links to the GPL-3.0 notice page', async () => {
    const { user } = renderApp({ apiBaseUrl: server.url });

    await user.click(screen.getByRole('link', { name: 'Source code and license' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Source code and license' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /GNU General Public License, version 3/ })).toHaveAttribute(
      'href',
      'https://www.gnu.org/licenses/gpl-3.0.html',
    );
    expect(
      within(screen.getByRole('navigation', { name: 'Primary' })).getByRole('link', { name: 'Home' }),
    ).not.toHaveAttribute('aria-current');
  });
});
