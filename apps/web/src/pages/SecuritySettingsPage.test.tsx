import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  apiCalls,
  errorReply,
  sampleMethods,
  startApiServer,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';
import { securityPageRoutes } from '../test/security-routes';

// A 1×1 PNG: the page shows whatever data: URL the API sends (allowed by the CSP's img-src data:).
const QR =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const CODES = Array.from({ length: 10 }, (_, index) => `c0d${index}-a1b2-c3d4`);

describe('SecuritySettingsPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is reached from the settings sub-navigation and names every section', async () => {
    server = await startApiServer(securityPageRoutes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings' });

    const nav = await screen.findByRole('navigation', { name: 'Settings' });
    // /settings opens the account page.
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page'),
    );
    await user.click(within(nav).getByRole('link', { name: 'Security' }));

    for (const name of ['Passkeys', 'Two-step verification', 'Sessions', 'Linked accounts', 'API tokens']) {
      expect(await screen.findByRole('region', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: 'Recent security events' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('sets up two-step verification: QR code and key, confirm with a code, recovery codes shown once', async () => {
    let enabled = false;
    let sessionCsrf = 'csrf-before';
    server = await startApiServer(
      securityPageRoutes({
        'GET /api/v1/account/two-step': () => ({
          status: 200,
          body: { totpEnabled: enabled, recoveryCodesRemaining: enabled ? 10 : 0, passkeys: 0 },
        }),
        'POST /api/v1/account/two-step/totp/setup': {
          status: 200,
          body: { otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: QR, secret: 'JBSWY3DPEHPK3PXPJBSWY3DP' },
        },
        'POST /api/v1/account/two-step/totp/confirm': (request) => {
          if ((request.body as { code: string }).code !== '654321')
            return errorReply(400, 'TWO_STEP_CODE_INVALID', 'Wrong');
          enabled = true;
          sessionCsrf = 'csrf-after';
          return { status: 200, body: { recoveryCodes: CODES } };
        },
        'DELETE /api/v1/account/two-step': { status: 204 },
      }),
      { session: () => activeSession({ csrfToken: sessionCsrf }) },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    await user.click(await within(section).findByRole('button', { name: 'Set up an authenticator app' }));

    expect(await within(section).findByRole('img', { name: /QR code/ })).toHaveAttribute('src', QR);
    expect(within(section).getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeInTheDocument();

    await user.type(within(section).getByLabelText('Enter the 6-digit code the app shows'), '654321');
    await user.click(within(section).getByRole('button', { name: 'Turn on two-step verification' }));

    const codes = await within(section).findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(within(codes).getByText('c0d0-a1b2-c3d4')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(await within(section).findByText(/10 recovery codes left/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'I’ve saved them' }));
    expect(screen.queryByText('c0d0-a1b2-c3d4')).not.toBeInTheDocument();

    // The session id (and its CSRF token) was renewed by the confirmation: the next write uses the new token.
    await user.click(within(section).getByRole('button', { name: 'Turn off two-step verification' }));
    await user.click(within(section).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(apiCalls(server!, 'DELETE')).toHaveLength(1));
    expect(apiCalls(server, 'DELETE')[0]?.headers['x-csrf-token']).toBe('csrf-after');
  });

  it('keeps the setup open and shows a wrong confirmation code', async () => {
    server = await startApiServer(
      securityPageRoutes({
        'POST /api/v1/account/two-step/totp/setup': {
          status: 200,
          body: { otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: QR, secret: 'JBSWY3DPEHPK3PXP' },
        },
        'POST /api/v1/account/two-step/totp/confirm': errorReply(
          400,
          'TWO_STEP_CODE_INVALID',
          'The code is wrong or has expired',
        ),
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    await user.click(await within(section).findByRole('button', { name: 'Set up an authenticator app' }));
    await user.type(await within(section).findByLabelText('Enter the 6-digit code the app shows'), '000000');
    await user.click(within(section).getByRole('button', { name: 'Turn on two-step verification' }));

    expect(await within(section).findByText('TWO_STEP_CODE_INVALID')).toBeInTheDocument();
    expect(within(section).getByRole('img', { name: /QR code/ })).toBeInTheDocument();
  });

  it('explains LAST_SIGN_IN_METHOD when unlinking the only way to sign in', async () => {
    server = await startApiServer(
      securityPageRoutes({
        'GET /api/v1/account/identities': {
          status: 200,
          body: [
            {
              id: '1d0f7e9a-2222-4000-8000-000000000001',
              provider: 'github',
              email: 'ada@users.noreply.github.com',
              createdAt: '2026-01-01T00:00:00.000Z',
              lastUsedAt: null,
            },
          ],
        },
        'DELETE /api/v1/account/identities/:id': errorReply(
          409,
          'LAST_SIGN_IN_METHOD',
          'This is your last way to sign in',
        ),
      }),
      { session: activeSession({ methods: { ...sampleMethods, github: true } }) },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'Linked accounts' });
    await user.click(await within(section).findByRole('button', { name: 'Unlink GitHub' }));
    await user.click(within(section).getByRole('button', { name: 'Confirm unlinking GitHub' }));

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('GitHub is the last way you can sign in to this account');
    expect(within(alert).getByText('LAST_SIGN_IN_METHOD')).toBeInTheDocument();
    expect(within(section).getByText('ada@users.noreply.github.com')).toBeInTheDocument();
  });

  it('links a configured provider by sending the browser to the URL the API returns', async () => {
    server = await startApiServer(
      securityPageRoutes({
        'POST /api/v1/account/identities/:provider/link': (_request, { provider }) =>
          provider === 'google'
            ? { status: 200, body: { url: 'about:blank#google-authorize' } }
            : errorReply(404, 'PROVIDER_NOT_CONFIGURED', 'Not configured'),
      }),
      { session: activeSession({ methods: { ...sampleMethods, google: true, sso: 'Acme SSO' } }) },
    );
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'Linked accounts' });
    expect(within(section).queryByRole('button', { name: 'Link GitHub' })).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Link Acme SSO' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Link Google' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('about:blank#google-authorize'));
    expect(apiCalls(server, 'POST')[0]?.path).toBe('/api/v1/account/identities/google/link');
  });

  it('lists sessions with this device marked, and signs out another one', async () => {
    const other = {
      id: '6a3c1f0e-0000-4000-8000-000000000002',
      current: false,
      authMethod: 'passkey',
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Safari/604.1',
      ipPrefix: '198.51.100.0/24',
      createdAt: '2026-01-09T09:00:00.000Z',
      lastSeenAt: '2026-01-09T10:00:00.000Z',
      expiresAt: '2026-02-09T09:00:00.000Z',
    };
    const base = securityPageRoutes();
    const current = (base['GET /api/v1/account/sessions'] as { body: unknown[] }).body[0];
    let sessions = [current, other];
    server = await startApiServer(
      {
        ...base,
        'GET /api/v1/account/sessions': () => ({ status: 200, body: sessions }),
        'DELETE /api/v1/account/sessions/:id': (_request, { id }) => {
          sessions = sessions.filter((session) => (session as { id: string }).id !== id);
          return { status: 204 };
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'Sessions' });
    const list = await within(section).findByRole('list', { name: 'Signed-in sessions' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Chrome on Linux');
    expect(within(first!).getByText('This device')).toBeInTheDocument();
    expect(within(first!).queryByRole('button')).not.toBeInTheDocument();
    expect(second).toHaveTextContent('Safari on iOS');

    await user.click(within(second!).getByRole('button', { name: /Sign out Safari on iOS/ }));
    await user.click(within(second!).getByRole('button', { name: 'Confirm signing out Safari on iOS' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(apiCalls(server, 'DELETE')[0]?.path).toBe(`/api/v1/account/sessions/${other.id}`);
  });
});
