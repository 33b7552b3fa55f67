import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the home page in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // Serves the real web build (apps/web/dist), as `npm start` does.
    testApp = await startTestApp({ env: { INSTANCE_NAME: 'Browser Lynx' } });
    await testApp.app.nest.listen(0, '127.0.0.1');
    const { port } = testApp.app.nest.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the instance name read from the manifest, with no console or CSP errors', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Browser Lynx' }).waitFor({ timeout: 15_000 });
    expect(await page.title()).toContain('Browser Lynx');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('routes an unknown client path to the 404 page, on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/no/such/page`);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /not found/i })
      .waitFor({ timeout: 15_000 });
    // Evaluated in the page, so written as a string: the API's TypeScript has no DOM types.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
