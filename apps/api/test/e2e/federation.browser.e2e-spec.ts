import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBlueprint } from '../support/blueprints';
import { launchBrowser } from '../support/browser';
import {
  loopbackAddress,
  startFederatedInstance,
  waitOutHoldBack,
  type FederatedInstance,
} from '../support/federation';

jest.setTimeout(180_000);

/**
 * Federation as people see it, in Chromium against two real instances on loopback, each serving the real web build:
 * A's admin adds B on the federation page and sees it verified; B publishes; a click on "Crawl now" queues a crawl
 * that A's own worker runs (LP_MODE=all), and the page shows its result; A's catalogue then finds B's blueprint with
 * its origin, the instance filter narrows the results, the blueprint's page says where it was published and offers
 * no owner controls, and the instance directory lists B.
 */
describe('federation, in Chromium', () => {
  let a: FederatedInstance;
  let b: FederatedInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const [addressA, addressB] = await Promise.all([loopbackAddress('127.0.0.1'), loopbackAddress('127.0.0.2')]);
    b = await startFederatedInstance(addressB, { name: 'Instance B', adminEmail: 'admin@b.test' });
    a = await startFederatedInstance(addressA, {
      name: 'Instance A',
      adminEmail: 'admin@a.test',
      allowPrivate: [addressB],
      // The API and the job worker in one process, so "Crawl now" is carried out by A itself.
      env: { LP_MODE: 'all' },
    });
    browser = await launchBrowser();
    context = await browser.newContext();
    // The browser signs in as A's admin through the same test-only route the instance helper used: the cookie jar
    // of the context is the browser's.
    await context.request.post(`${a.url}/api/v1/test-support/sign-in`, { data: { email: 'admin@a.test' } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([a, b].filter(Boolean).map((instance) => instance.close()));
  });

  const nav = () => page.getByRole('navigation', { name: 'Primary' });
  const peerRow = () =>
    page
      .getByRole('region', { name: 'Peers' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader').filter({ hasText: b.domain }) });

  it('adds B on the admin federation page and shows it verified', async () => {
    await page.goto(`${a.url}/`);
    await nav().getByRole('link', { name: 'Federation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Federation' }).waitFor();

    await page.getByLabel('Peer domain').fill(b.domain);
    await page.getByRole('button', { name: 'Add peer' }).click();
    const outcome = page.getByRole('status').filter({ hasText: `${b.domain} is verified` });
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/signing key is pinned \(key id \S+\)/);

    const row = peerRow();
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toContain('Instance B');
    await row.getByText('Verified', { exact: true }).waitFor();
    await row.getByText('Signed', { exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('Federate');
  });

  it('crawls B from the "Crawl now" button and shows the run in the crawl log', async () => {
    await createBlueprint(a.admin, {
      name: 'Local Rust notes',
      content: '# Rust\n\nNotes about rust kept on instance A.\n',
      visibility: 'public',
      publish: true,
    });
    await createBlueprint(b.admin, {
      name: 'Rust error handling',
      content: '# Rust errors\n\nUse thiserror for libraries and anyhow for binaries.\n',
      visibility: 'public',
      publish: true,
    });
    await waitOutHoldBack();

    const row = peerRow();
    await row.getByRole('button', { name: `Crawl now: ${b.domain}` }).click();
    // The list is polled until the crawl asked for has a result.
    const queued = row.getByRole('status').filter({ hasText: 'Crawl queued…' });
    await queued.waitFor();
    await queued.waitFor({ state: 'detached', timeout: 60_000 });
    await row.getByText('Succeeded', { exact: true }).waitFor();

    await row.getByRole('button', { name: `Crawl log of ${b.domain}` }).click();
    const log = page.getByRole('table', { name: `Crawl log of ${b.domain}` });
    await log.waitFor();
    const latest = log.getByRole('row').nth(1);
    await latest.getByText('Manual', { exact: true }).waitFor();
    await latest.getByText('Succeeded', { exact: true }).waitFor();
    // Started, trigger, outcome, requests, pages, content requests (legacy peers only), added, …
    const cells = latest.getByRole('cell');
    expect(await cells.nth(5).innerText()).toBe('—');
    expect(await cells.nth(6).innerText()).toBe('1');
  });

  it('finds B’s blueprint in A’s catalogue with its origin, and filters by instance', async () => {
    await nav().getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await page.getByRole('search').getByLabel('Search blueprints').fill('rust');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'rust');

    const results = page.getByRole('region', { name: 'Results' });
    const remoteCard = results
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: 'Rust error handling' }) });
    const localCard = results
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: 'Local Rust notes' }) });
    await remoteCard.waitFor();
    await localCard.waitFor();
    expect(await remoteCard.getByText(`From ${b.domain}`, { exact: true }).count()).toBe(1);
    expect(await remoteCard.getByText('Unsigned', { exact: true }).count()).toBe(0);
    expect(await localCard.innerText()).toContain(a.domain);
    expect(await localCard.innerText()).not.toContain('From ');

    const filter = page.getByRole('complementary', { name: 'Filters' }).getByLabel('Instance');
    await filter.selectOption({ label: `Instance B (${b.domain})` });
    await page.waitForURL(
      (url) => url.searchParams.get('instance') === b.domain && url.searchParams.get('q') === 'rust',
    );
    await localCard.waitFor({ state: 'detached' });
    await remoteCard.waitFor();
    expect(await results.getByRole('article').count()).toBe(1);

    await filter.selectOption({ label: `This instance (${a.domain})` });
    await page.waitForURL((url) => url.searchParams.get('instance') === a.domain);
    await remoteCard.waitFor({ state: 'detached' });
    await localCard.waitFor();
    expect(await results.getByRole('article').count()).toBe(1);

    // The filter lives in the URL: Back brings B's results again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('instance') === b.domain);
    await remoteCard.waitFor();
    expect(await filter.inputValue()).toBe(b.domain);
  });

  it('opens B’s blueprint on A: published on B, a link to the original, no owner controls', async () => {
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('link', { name: 'Rust error handling' }).click();
    await page.waitForURL(/\/blueprints\/rb_[^/]+$/);
    const header = page.locator('header.blueprint__header');
    await header.getByRole('heading', { level: 1, name: 'Rust error handling' }).waitFor();

    await header.getByText(`Published on ${b.domain}`, { exact: true }).waitFor();
    const original = header.getByRole('link', { name: `View the original on ${b.domain}` });
    const href = await original.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${b.url.replace(/[.]/g, '\\.')}/blueprints/bp_[^/]+$`));
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    await page.getByRole('region', { name: 'Content' }).getByText('Use thiserror for libraries').waitFor();

    for (const name of ['Edit', 'Delete', 'Unpublish']) {
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: /Favourite/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Versions' }).count()).toBe(0);
    // A reader may fork it; an admin may hide it.
    await page.getByRole('button', { name: 'Fork', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Hide', exact: true }).waitFor();
  });

  it('lists B in the instance directory, leading to its blueprints', async () => {
    await nav().getByRole('link', { name: 'Instances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instances' }).waitFor();
    const row = page
      .getByRole('table', { name: 'Federated instances' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Instance B' }) });
    await row.waitFor();
    expect(await row.getByRole('link', { name: `${b.domain} (opens in a new tab)` }).getAttribute('href')).toMatch(
      new RegExp(`^${b.url.replace(/[.]/g, '\\.')}/?$`),
    );
    await row.getByText('Signed', { exact: true }).waitFor();
    await row.getByText('Verified', { exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(2).innerText()).toMatch(/^1\b/);

    await row.getByRole('link', { name: 'Instance B' }).click();
    await page.waitForURL((url) => url.pathname === '/blueprints' && url.searchParams.get('instance') === b.domain);
    await page.getByRole('region', { name: 'Results' }).getByRole('link', { name: 'Rust error handling' }).waitFor();
    expect(problems).toEqual([]);
  });
});
