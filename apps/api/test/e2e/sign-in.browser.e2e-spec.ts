import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser';
import type { SmtpCapture } from '../support/smtp-capture';

/**
 * Sign-in flows end to end in Chromium, against the real app serving the real web build, with mail through a real
 * SMTP server. WebAuthn needs a secure context, so the app is served as http://localhost:<port> (a secure context
 * even without TLS) and APP_URL is that exact origin: the passkey rpID is then "localhost" and the origin matches.
 */
describe('signing in, in Chromium', () => {
  let capture: SmtpCapture;
  let browser: Browser;
  let baseUrl: string;

  let started: BrowserApp | undefined;

  beforeAll(async () => {
    started = await startBrowserApp();
    ({ capture, browser, baseUrl } = started);
  });
  afterAll(() => started?.close());

  /** A fresh browser profile whose page reports console errors, page errors and CSP violations. */
  async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    return { context, page, problems };
  }

  const accountMenu = (page: Page) => page.getByRole('banner').getByRole('button', { name: /account menu/ });

  /** Asks for a magic link on /sign-in and follows the link from the mail, in this page. */
  async function signInByMagicLink(page: Page, email: string): Promise<void> {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const mail = await capture.waitForMail(email, 15_000);
    const link = mail.link('/sign-in/magic');
    expect(link.startsWith(`${baseUrl}/sign-in/magic?token=`)).toBe(true);
    await page.goto(link);
  }

  async function signOut(page: Page): Promise<void> {
    await accountMenu(page).click();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  }

  it('signs in with a magic link from the mail and shows the person in the header', async () => {
    const { context, page, problems } = await openPage();

    await signInByMagicLink(page, 'magic.browser@example.org');

    await accountMenu(page).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    await accountMenu(page).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Display name').inputValue()).not.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a passkey in the security settings, then signs in with it without typing anything', async () => {
    const { context, page, problems } = await openPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await signInByMagicLink(page, 'passkey.browser@example.org');
    await accountMenu(page).waitFor({ timeout: 15_000 });
    await page.goto(`${baseUrl}/settings/security`);
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByText('No passkeys yet.', { exact: false }).waitFor();
    await passkeys.getByLabel('Name for a new passkey').fill('Virtual key');
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await passkeys.getByText('Passkey “Virtual key” added.', { exact: false }).waitFor({ timeout: 15_000 });
    await passkeys.getByRole('list', { name: 'Your passkeys' }).getByText('Virtual key').waitFor();

    await signOut(page);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();

    await accountMenu(page).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    const session = (await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json()) as {
      status: string;
      user?: { email: string };
    };
    expect(session.status).toBe('active');
    expect(session.user?.email).toBe('passkey.browser@example.org');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns on two-step verification, then asks for a code after the next magic-link sign-in', async () => {
    const { context, page, problems } = await openPage();
    const email = 'totp.browser@example.org';

    await signInByMagicLink(page, email);
    await accountMenu(page).waitFor({ timeout: 15_000 });
    await page.goto(`${baseUrl}/settings/security`);
    const twoStep = page.getByRole('region', { name: 'Two-step verification' });
    await twoStep.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await twoStep.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = (await twoStep.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    const now = Math.floor(Date.now() / 1000);
    await twoStep.getByLabel('Enter the 6-digit code the app shows').fill(generateSync({ secret, epoch: now }));
    await twoStep.getByRole('button', { name: 'Turn on two-step verification' }).click();
    const codes = twoStep.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await twoStep.getByRole('button', { name: 'I’ve saved them' }).click();
    await twoStep.getByText(/10 recovery codes left/).waitFor();

    await signOut(page);
    await signInByMagicLink(page, email);
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
    // The next time step's code: the one used to turn two-step on may not be replayed.
    await page.getByLabel('Authentication code').fill(generateSync({ secret, epoch: now + 30 }));
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.waitForURL(`${baseUrl}/`, { timeout: 15_000 });
    await accountMenu(page).waitFor();
    const session = (await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json()) as { status: string };
    expect(session.status).toBe('active');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('approves a device sign-in on /device, after which the device receives a working API token', async () => {
    const { context, page, problems } = await openPage();
    // The device (a CLI) has no browser session: its requests come from a context of their own.
    const device = await browser.newContext();
    const started = await device.request.post(`${baseUrl}/api/v1/auth/device/code`, {
      form: { client_id: 'lynxprompt-cli', scope: 'profile:read' },
    });
    expect(started.status()).toBe(200);
    const grant = (await started.json()) as {
      device_code: string;
      user_code: string;
      verification_uri_complete: string;
    };

    // Not signed in yet: /device sends the person to sign in, and the magic link brings them back to the request.
    await page.goto(grant.verification_uri_complete);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/device?code=${grant.user_code}`);
    await page.getByLabel('Email address').fill('device.browser@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const mail = await capture.waitForMail('device.browser@example.org', 15_000);
    await page.goto(mail.link('/sign-in/magic'));
    await page.waitForURL(grant.verification_uri_complete, { timeout: 15_000 });
    const request = page.getByRole('region', { name: /lynxprompt-cli wants to use your account/ });
    await request.getByText('profile:read').waitFor();
    await request.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Device approved' }).waitFor();

    const token = await device.request.post(`${baseUrl}/api/v1/auth/device/token`, {
      form: {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code: grant.device_code,
        client_id: 'lynxprompt-cli',
      },
    });
    expect(token.status()).toBe(200);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const me = await device.request.get(`${baseUrl}/api/v1/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(((await me.json()) as { email: string }).email).toBe('device.browser@example.org');
    expect(problems).toEqual([]);
    await device.close();
    await context.close();
  });
});
