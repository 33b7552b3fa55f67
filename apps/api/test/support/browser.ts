import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from './processes';
import { signInAs, type SignedIn } from './sign-in';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

/**
 * Flags for the system Chromium in a sandbox-less, offline test machine: no sandbox (tests may run as root), no GPU,
 * and none of the background connections (updates, sync, QUIC) that the closed network would refuse at every start.
 * Playwright gives each launch a fresh temporary profile of its own, so no --user-data-dir is passed.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary the browser tests drive: `CHROMIUM_PATH` (set by `npm test`) or Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches headless Chromium through playwright-core (no downloaded browser). Close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${executablePath}. Run the suite with \`npm test\` (it installs Chromium as root on ` +
        'Debian/Ubuntu), install it with `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export interface BrowserApp {
  readonly testApp: TestApp;
  readonly capture: SmtpCapture;
  readonly browser: Browser;
  /** http://localhost:<port>: a secure context without TLS, and exactly the instance's APP_URL. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real app serving the real web build on a loopback port, with mail going to an SMTP capture and a Chromium to
 * drive it. APP_URL is the exact origin the browser uses, as in production, so same-origin writes and WebAuthn work.
 * `env` adds settings (APP_URL, SMTP_URL and INSTANCE_NAME are always these).
 */
export async function startBrowserApp(options: Pick<TestAppOptions, 'extraImports' | 'env'> = {}): Promise<BrowserApp> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const capture = await startSmtpCapture();
  const testApp = await startTestApp({
    // The test's settings (billing, say) come first: the address and the mail must stay these.
    env: { ...options.env, APP_URL: baseUrl, SMTP_URL: capture.url, INSTANCE_NAME: 'Browser Lynx' },
    extraImports: options.extraImports,
  });
  let browser: Browser;
  try {
    await testApp.app.nest.listen(port, '127.0.0.1');
    browser = await launchBrowser();
  } catch (error) {
    // No Chromium (say): close what started, so the suite fails with that reason and not with leaked connections.
    await testApp.close();
    await capture.close();
    throw error;
  }
  return {
    testApp,
    capture,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await testApp.close();
      await capture.close();
    },
  };
}

/**
 * A browser profile already signed in as `email`, for flows that are not about signing in. The app must have been
 * started with TestSignInModule in `extraImports`; the returned SignedIn drives the API as the same user.
 */
export async function signedInContext(
  started: BrowserApp,
  email: string,
): Promise<{ context: BrowserContext; user: SignedIn }> {
  const user = await signInAs(started.testApp, email);
  const separator = user.sessionCookie.indexOf('=');
  const name = user.sessionCookie.slice(0, separator);
  const value = user.sessionCookie.slice(separator + 1);
  const context = await started.browser.newContext();
  await context.addCookies([{ name, value, url: started.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { context, user };
}

/** An API refusal a test step expects: its console error is not a problem. */
export interface ExpectedFailure {
  status: number;
  path: string;
}

/**
 * Collects the page's console errors and uncaught errors, except the failed loads of the API refusals the step
 * expects, so a test can assert the page stayed clean.
 */
export function collectPageProblems(page: Page, expectedFailures: readonly ExpectedFailure[] = []): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const at = message.location().url;
    const expected = expectedFailures.some(
      ({ status, path }) =>
        message.text().startsWith(`Failed to load resource: the server responded with a status of ${status} `) &&
        at !== '' &&
        new URL(at).pathname === path,
    );
    if (!expected) problems.push(`${message.text()}${at ? ` (${at})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
