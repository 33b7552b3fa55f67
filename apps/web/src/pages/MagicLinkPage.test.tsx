import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  apiCalls,
  errorReply,
  pendingSession,
  startApiServer,
  type SessionState,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('MagicLinkPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('posts the token once and lands signed in where the person was heading', async () => {
    let session: SessionState = anonymousSession();
    server = await startApiServer(
      {
        'POST /api/v1/auth/magic-link/verify': () => {
          session = activeSession();
          return { status: 200, body: { status: 'active' } };
        },
      },
      { session: () => session },
    );
    window.localStorage.setItem('lynxprompt.returnTo', '/license');
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic?token=tok_abc' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/license'));
    expect(
      await within(screen.getByRole('banner')).findByRole('button', { name: /Ada Lovelace, account menu/ }),
    ).toBeInTheDocument();
    expect(apiCalls(server, 'POST')).toEqual([
      expect.objectContaining({ path: '/api/v1/auth/magic-link/verify', body: { token: 'tok_abc' } }),
    ]);
    expect(window.localStorage.getItem('lynxprompt.returnTo')).toBeNull();
  });

  it('goes on to the second-factor page when the account has two-step verification', async () => {
    let session: SessionState = anonymousSession();
    server = await startApiServer(
      {
        'POST /api/v1/auth/magic-link/verify': () => {
          session = pendingSession();
          return { status: 200, body: { status: 'pending_second_factor' } };
        },
      },
      { session: () => session },
    );
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic?token=tok_abc' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Two-step verification' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in/second-factor');
  });

  it('explains an expired link and offers a new one', async () => {
    server = await startApiServer({
      'POST /api/v1/auth/magic-link/verify': errorReply(400, 'MAGIC_LINK_EXPIRED', 'This sign-in link has expired'),
      'POST /api/v1/auth/magic-link': { status: 202, body: { status: 'sent' } },
    });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic?token=tok_old' });

    expect(await screen.findByRole('heading', { level: 1, name: 'This sign-in link has expired' })).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText('MAGIC_LINK_EXPIRED')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email address'), 'ada@example.org');
    await user.click(screen.getByRole('button', { name: 'Email me a new link' }));
    expect(await screen.findByText('Check your email')).toBeInTheDocument();
  });

  it('explains a link that was already used', async () => {
    server = await startApiServer({
      'POST /api/v1/auth/magic-link/verify': errorReply(400, 'MAGIC_LINK_INVALID', 'This sign-in link is not valid'),
    });
    renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic?token=tok_used' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This sign-in link can’t be used' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/already been used/)).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText('MAGIC_LINK_INVALID')).toBeInTheDocument();
  });

  it('does not post anything for a link without a token', async () => {
    server = await startApiServer({});
    renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This sign-in link is incomplete' }),
    ).toBeInTheDocument();
    expect(apiCalls(server, 'POST')).toEqual([]);
  });
});
