import { screen, waitFor, within } from '@testing-library/react';
import { anonymousSession, apiCalls, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('SignInPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('offers only the providers the instance has configured, keeping the return path', async () => {
    server = await startApiServer({}, { session: anonymousSession({ github: true, google: false, sso: 'Acme SSO' }) });
    renderApp({ apiBaseUrl: server.url, path: '/sign-in?returnTo=%2Fsettings%2Fsecurity' });

    const github = await screen.findByRole('link', { name: 'Sign in with GitHub' });
    expect(github).toHaveAttribute('href', '/api/v1/auth/oauth/github/start?returnTo=%2Fsettings%2Fsecurity');
    expect(screen.getByRole('link', { name: 'Sign in with Acme SSO' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/start?returnTo=%2Fsettings%2Fsecurity',
    );
    expect(screen.queryByRole('link', { name: /Google/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it('shows no provider buttons at all when none is configured', async () => {
    server = await startApiServer({}, { session: anonymousSession({ github: false, google: false, sso: null }) });
    renderApp({ apiBaseUrl: server.url, path: '/sign-in' });

    expect(await screen.findByLabelText('Email address')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Loading sign-in options…')).not.toBeInTheDocument());
    expect(screen.queryByText('or')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it('never lets returnTo point off-site', async () => {
    server = await startApiServer({}, { session: anonymousSession({ github: true }) });
    renderApp({ apiBaseUrl: server.url, path: '/sign-in?returnTo=%2F%2Fevil.example%2Fx' });

    expect(await screen.findByRole('link', { name: 'Sign in with GitHub' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oauth/github/start',
    );
  });

  it('answers a magic-link request with the same neutral confirmation', async () => {
    server = await startApiServer({ 'POST /api/v1/auth/magic-link': { status: 202, body: { status: 'sent' } } });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/sign-in' });

    await user.type(await screen.findByLabelText('Email address'), 'nobody@example.org');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    const status = await screen.findByRole('status', { name: '' });
    expect(within(status).getByRole('heading', { name: 'Check your email' })).toHaveFocus();
    expect(status).toHaveTextContent('If nobody@example.org can sign in here, a sign-in link is on its way.');
    expect(apiCalls(server, 'POST')).toEqual([
      expect.objectContaining({ path: '/api/v1/auth/magic-link', body: { email: 'nobody@example.org' } }),
    ]);

    await user.click(within(status).getByRole('button', { name: 'Use a different email address' }));
    expect(screen.getByLabelText('Email address')).toBeInTheDocument();
  });

  it('shows a rate limit answer with its code', async () => {
    server = await startApiServer({
      'POST /api/v1/auth/magic-link': {
        status: 429,
        body: { error: { code: 'RATE_LIMITED', message: 'Too many requests. Try again later.' }, requestId: 'req_rl' },
      },
    });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/sign-in' });

    await user.type(await screen.findByLabelText('Email address'), 'ada@example.org');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests. Try again later.');
    expect(within(alert).getByText('RATE_LIMITED')).toBeInTheDocument();
    expect(screen.queryByText('Check your email')).not.toBeInTheDocument();
  });

  it('explains an OAuth failure code from the redirect, and shows an unknown code as-is', async () => {
    server = await startApiServer({});
    const { unmount } = renderApp({ apiBaseUrl: server.url, path: '/sign-in?error=REGISTRATION_CLOSED' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This instance is not accepting new accounts.');
    expect(within(alert).getByText('REGISTRATION_CLOSED')).toBeInTheDocument();
    unmount();

    renderApp({ apiBaseUrl: server.url, path: '/sign-in?error=SOMETHING_NEW' });
    const unknown = await screen.findByRole('alert');
    expect(unknown).toHaveTextContent('Signing in did not work (SOMETHING_NEW).');
  });
});
