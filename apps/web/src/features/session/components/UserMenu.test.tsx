import { screen, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  pendingSession,
  startApiServer,
  type TestServer,
} from '../../../test/http-server';
import { renderApp } from '../../../test/render-app';

describe('UserMenu', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('offers "Sign in" to an anonymous visitor, returning to the current page', async () => {
    server = await startApiServer({}, { session: anonymousSession() });
    renderApp({ apiBaseUrl: server.url, path: '/license' });

    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Flicense',
    );
  });

  it('opens from the keyboard, leads to Settings, and closes on Escape with focus back on its button', async () => {
    server = await startApiServer({}, { session: activeSession() });
    const { user, router } = renderApp({ apiBaseUrl: server.url });

    const button = await screen.findByRole('button', { name: /Ada Lovelace, account menu/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('@ada')).toBeVisible();

    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(router.state.location.pathname).toBe('/settings/account');
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('offers the theme toggle beside "Sign in", and inside the account menu once signed in', async () => {
    server = await startApiServer({}, { session: anonymousSession() });
    const anonymous = renderApp({ apiBaseUrl: server.url });
    const banner = screen.getByRole('banner');
    await within(banner).findByRole('link', { name: 'Sign in' });
    expect(within(banner).getByRole('group', { name: 'Colour theme' })).toBeVisible();
    anonymous.unmount();
    await server.close();

    server = await startApiServer({}, { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url });
    const button = await screen.findByRole('button', { name: /Ada Lovelace, account menu/ });
    // The header row is left to the navigation: the toggle is only reachable through the menu.
    expect(screen.queryByRole('group', { name: 'Colour theme' })).not.toBeInTheDocument();

    await user.click(button);
    const theme = screen.getByRole('group', { name: 'Colour theme' });
    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    // Choosing a theme keeps the menu open.
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers to finish signing in while the second factor is owed', async () => {
    server = await startApiServer({}, { session: pendingSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/license' });

    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    expect(screen.getByRole('link', { name: 'Finish signing in' })).toHaveAttribute('href', '/sign-in/second-factor');
    expect(screen.queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
  });
});
