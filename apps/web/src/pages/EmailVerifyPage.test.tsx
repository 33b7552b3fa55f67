import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  apiCalls,
  errorReply,
  sampleUser,
  startApiServer,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('EmailVerifyPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('posts the token once and shows the new address', async () => {
    server = await startApiServer(
      {
        'POST /api/v1/account/email/verify': { status: 200, body: { ...sampleUser, email: 'ada@new.example' } },
      },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/account/email/verify?token=tok_email' });

    expect(await screen.findByText(/Your email address is now/)).toHaveTextContent(
      'Your email address is now ada@new.example.',
    );
    expect(apiCalls(server, 'POST')).toEqual([expect.objectContaining({ body: { token: 'tok_email' } })]);
  });

  it('shows an expired confirmation link with its code', async () => {
    server = await startApiServer(
      {
        'POST /api/v1/account/email/verify': errorReply(
          400,
          'EMAIL_CHANGE_EXPIRED',
          'This confirmation link has expired. Ask for the change again.',
        ),
      },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/account/email/verify?token=tok_old' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This confirmation link has expired.');
    expect(within(alert).getByText('EMAIL_CHANGE_EXPIRED')).toBeInTheDocument();
  });

  it('asks to sign in first, and comes back to the link afterwards', async () => {
    server = await startApiServer({}, { session: anonymousSession() });
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/account/email/verify?token=tok_email' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe(
      '/account/email/verify?token=tok_email',
    );
    expect(apiCalls(server, 'POST')).toEqual([]);
  });
});
