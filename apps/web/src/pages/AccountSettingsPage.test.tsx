import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  apiCalls,
  errorReply,
  sampleUser,
  startApiServer,
  type SessionState,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('AccountSettingsPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('saves only the changed profile fields and shows the new name in the header', async () => {
    let session: SessionState = activeSession();
    server = await startApiServer(
      {
        'PATCH /api/v1/account': (request) => {
          const user = { ...sampleUser, ...(request.body as object) };
          session = activeSession({ user });
          return { status: 200, body: user };
        },
      },
      { session: () => session },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/account' });

    const profile = await screen.findByRole('region', { name: 'Profile' });
    const name = within(profile).getByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Countess Ada');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));

    expect(await within(profile).findByText('Profile saved.')).toBeInTheDocument();
    expect(apiCalls(server, 'PATCH')[0]?.body).toEqual({ displayName: 'Countess Ada' });
    expect(
      await within(screen.getByRole('banner')).findByRole('button', { name: /Countess Ada, account menu/ }),
    ).toBeInTheDocument();
  });

  it('shows a taken handle with its code', async () => {
    server = await startApiServer(
      { 'PATCH /api/v1/account': errorReply(409, 'USER_HANDLE_TAKEN', 'The handle "grace" is taken') },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/account' });

    const profile = await screen.findByRole('region', { name: 'Profile' });
    const handle = within(profile).getByLabelText('Handle');
    await user.clear(handle);
    await user.type(handle, 'Grace');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));

    const alert = await within(profile).findByRole('alert');
    expect(alert).toHaveTextContent('The handle "grace" is taken');
    expect(within(alert).getByText('USER_HANDLE_TAKEN')).toBeInTheDocument();
    expect(apiCalls(server, 'PATCH')[0]?.body).toEqual({ handle: 'grace' });
  });

  it('asks for the new address and confirms that a link was sent', async () => {
    server = await startApiServer(
      { 'POST /api/v1/account/email': { status: 202, body: { status: 'sent' } } },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/account' });

    const email = await screen.findByRole('region', { name: 'Email address' });
    expect(within(email).getByText('ada@example.org')).toBeInTheDocument();
    await user.type(within(email).getByLabelText('New email address'), 'ada@new.example');
    await user.click(within(email).getByRole('button', { name: 'Send confirmation link' }));

    expect(await within(email).findByRole('status')).toHaveTextContent(
      'We sent a confirmation link to ada@new.example',
    );
    expect(apiCalls(server, 'POST')[0]?.body).toEqual({ email: 'ada@new.example' });
  });

  it('deletes the account only after the handle is typed, then signs out', async () => {
    let session: SessionState = activeSession();
    server = await startApiServer(
      {
        'DELETE /api/v1/account': () => {
          session = anonymousSession();
          return { status: 204 };
        },
      },
      { session: () => session },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/settings/account' });

    const danger = await screen.findByRole('region', { name: 'Delete account' });
    const button = within(danger).getByRole('button', { name: 'Delete my account' });
    expect(button).toBeDisabled();
    await user.type(within(danger).getByLabelText(/Type your handle/), 'ad');
    expect(button).toBeDisabled();
    await user.type(within(danger).getByLabelText(/Type your handle/), 'a');
    await user.click(button);

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(apiCalls(server, 'DELETE')).toHaveLength(1);
  });

  it('offers to sign in again when deleting needs a recent sign-in', async () => {
    server = await startApiServer(
      {
        'DELETE /api/v1/account': errorReply(403, 'REAUTHENTICATION_REQUIRED', 'Sign in again to confirm this action', {
          requires: 'recent_sign_in',
        }),
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/account' });

    const danger = await screen.findByRole('region', { name: 'Delete account' });
    await user.type(within(danger).getByLabelText(/Type your handle/), 'ada');
    await user.click(within(danger).getByRole('button', { name: 'Delete my account' }));

    const alert = await within(danger).findByRole('alert');
    expect(alert).toHaveTextContent('this change needs a recent sign-in');
    expect(within(alert).getByRole('link', { name: 'Sign in again' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fsettings%2Faccount',
    );
  });
});
