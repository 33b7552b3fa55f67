import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectPageProblems, startBrowserApp, type BrowserApp, type ExpectedFailure } from '../support/browser';
import type { SmtpCapture } from '../support/smtp-capture';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A key of OpenAI's current shape, made up at run time so no real (or reused) key is ever in the repository. */
function fakeOpenAiKey(): string {
  let body = '';
  for (let index = 0; index < 64; index++) body += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  return `sk-proj-${body}`;
}

/** A Cursor rule as an author would paste it, with `secretLine` as one of its lines. */
function cursorRule(secretLine: string): string {
  return [
    '---',
    'description: Release checklist for the Marmalade billing service',
    'globs: deploy/**/*.yml, scripts/*.sh',
    'alwaysApply: false',
    '---',
    '# Before every release',
    '',
    '- Run `npm test` and the smoke tests before tagging a release.',
    '- The smoke tests call the model API with this key:',
    '',
    secretLine,
    '',
    '- Never deploy on a Friday afternoon.',
    '',
  ].join('\n');
}

/** The 1-based line of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

/**
 * The heart of the product, end to end in Chromium against the real app serving the real web build: an author writes
 * a blueprint, the live scan catches a secret, the API refuses to share it, the author swaps it for a template
 * variable and publishes; the blueprint is found in the catalogue, exported as a Cursor rule and forked by someone
 * else. Sign-in goes through a real magic-link mail; APP_URL is the exact origin the browser uses, as in production.
 */
describe('blueprints, in Chromium', () => {
  let capture: SmtpCapture;
  let browser: Browser;
  let baseUrl: string;

  let started: BrowserApp | undefined;

  beforeAll(async () => {
    started = await startBrowserApp();
    ({ capture, browser, baseUrl } = started);
  });
  afterAll(() => started?.close());

  /**
   * A fresh browser profile whose page reports console errors and page errors. `expectedFailures` lists the API
   * calls this step is meant to see refused: Chromium logs every 4xx answer as a console error, and only those
   * are let through.
   */
  async function openPage(
    expectedFailures: ExpectedFailure[] = [],
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectPageProblems(page, expectedFailures);
    return { context, page, problems };
  }

  /** The blueprint page's title (the rendered content may hold headings of its own). */
  const blueprintTitle = (page: Page, name: string) =>
    page.locator('header.blueprint__header').getByRole('heading', { level: 1, name });

  const accountMenu = (page: Page) => page.getByRole('banner').getByRole('button', { name: /account menu/ });

  /** Asks for a magic link on /sign-in, follows the link from the mail, and waits to be signed in. */
  async function signInByMagicLink(page: Page, email: string): Promise<{ handle: string; displayName: string }> {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const mail = await capture.waitForMail(email, 15_000);
    await page.goto(mail.link('/sign-in/magic'));
    await accountMenu(page).waitFor({ timeout: 15_000 });
    const session = (await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json()) as {
      user: { handle: string; displayName: string };
    };
    return session.user;
  }

  /** The text of every redacted excerpt in a findings list. */
  async function excerptsOf(findings: Locator): Promise<string[]> {
    return findings.locator('code.finding__excerpt').allInnerTexts();
  }

  it('creates, is warned of a secret, fixes it, publishes, is found, exports to Cursor and is forked', async () => {
    const key = fakeOpenAiKey();
    const leakyContent = cursorRule(`OPENAI_API_KEY=${key}`);
    const secretLine = lineOf(leakyContent, key);
    const fixedContent = cursorRule('OPENAI_API_KEY=[[OPENAI_API_KEY]]');
    const name = 'Marmalade release checklist';
    const slug = 'marmalade-release-checklist';

    // ---- Author A writes a public Cursor rule with a real-looking key in it -------------------------------------
    const author = await openPage([{ status: 422, path: '/api/v1/blueprints' }]);
    const page = author.page;
    const authorUser = await signInByMagicLink(page, 'ada.author@example.org');

    await page.getByRole('banner').getByRole('link', { name: 'New blueprint' }).click();
    await page.getByRole('heading', { level: 1, name: 'New blueprint' }).waitFor();
    const form = page.getByRole('form', { name: 'New blueprint' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Kind').selectOption({ label: 'Rules' });
    await form.getByLabel('Tool and format').selectOption({ label: 'Cursor project rule (.mdc)' });
    await form.getByLabel('Description').fill('What to check before releasing the Marmalade billing service.');
    await form.getByLabel('Tags').fill('release, checklist');
    await form.getByLabel('Licence').fill('MIT');
    await form.getByRole('radio', { name: /^Public/ }).check();
    // The live scan runs in the browser (a module Web Worker under the app's CSP), so the draft is never sent to scan.
    const scanRequests: string[] = [];
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/scan') scanRequests.push(request.method());
    });
    await form.getByLabel('Content', { exact: true }).fill(leakyContent);

    // The live scan runs once typing pauses: a likely secret at its line, with the key itself never shown.
    const scan = form.getByRole('region', { name: 'Scan' });
    await scan
      .getByRole('status')
      .filter({ hasText: /^Found 1 likely secret\.$/ })
      .waitFor();
    const liveFindings = scan.getByRole('list', { name: 'Scan findings' });
    const liveFinding = liveFindings.getByRole('listitem').filter({ hasText: `Line ${secretLine}, column` });
    await liveFinding.getByText('Likely secret', { exact: true }).waitFor();
    await liveFinding.getByText('[[OPENAI_API_KEY]]', { exact: true }).waitFor();
    const liveExcerpts = await excerptsOf(liveFindings);
    expect(liveExcerpts.length).toBeGreaterThan(0);
    for (const excerpt of liveExcerpts) {
      expect(excerpt).not.toContain(key);
      expect(excerpt).not.toContain(key.slice('sk-proj-'.length, 'sk-proj-'.length + 12));
    }
    expect(await scan.innerText()).not.toContain(key);

    // Saving it as public is refused by the server, which says why and where.
    const refused = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/v1/blueprints' && response.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Create blueprint' }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(422);
    expect(((await refusal.json()) as { error: { code: string } }).error.code).toBe('SECRET_DETECTED');
    const saveError = form.getByRole('alert').filter({ hasText: 'SECRET_DETECTED' });
    await saveError.getByText('looks like a real secret', { exact: false }).waitFor();
    const blocking = saveError.getByRole('list', { name: 'Secrets that block saving' });
    await blocking
      .getByRole('listitem')
      .filter({ hasText: `Line ${secretLine}, column` })
      .waitFor();
    for (const excerpt of await excerptsOf(blocking)) expect(excerpt).not.toContain(key);
    expect(new URL(page.url()).pathname).toBe('/blueprints/new');

    // The author swaps the key for a template variable: the warning goes, the variable appears.
    await form.getByLabel('Content', { exact: true }).fill(fixedContent);
    await scan.getByRole('status').filter({ hasText: 'No secrets or hidden instructions found.' }).waitFor();
    await liveFindings.waitFor({ state: 'detached' });
    const variables = scan.getByRole('list', { name: 'Detected variables' });
    await variables.getByRole('listitem').filter({ hasText: '[[OPENAI_API_KEY]]' }).waitFor();
    expect(await variables.getByRole('listitem').count()).toBe(1);
    expect(scanRequests).toEqual([]);
    expect(workers).toEqual([expect.stringMatching(/^\/assets\/.+\.js$/)]);

    await form.getByLabel('What changed (changelog)').fill('First public version');
    await form.getByRole('checkbox', { name: /Publish this version/ }).check();
    await form.getByRole('button', { name: 'Save and publish' }).click();

    await page.waitForURL(/\/blueprints\/bp_[^/]+$/, { timeout: 15_000 });
    const blueprintId = new URL(page.url()).pathname.split('/').pop() as string;
    await blueprintTitle(page, name).waitFor();
    const header = page.locator('header.blueprint__header');
    await header.getByText('v1 (published)', { exact: true }).waitFor();
    await header.getByText('Public', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Scan warnings' }).count()).toBe(0);

    // ---- The catalogue finds it by a word of its name ---------------------------------------------------------
    await page.getByRole('banner').getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await page.getByRole('search').getByLabel('Search blueprints').fill('marmalade');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'marmalade');
    const results = page.getByRole('region', { name: 'Results' });
    const card = results.getByRole('article').filter({ has: page.getByRole('link', { name }) });
    await card.getByText(`@${authorUser.handle}`).waitFor();
    expect(await results.getByRole('article').count()).toBe(1);
    const origin = card.getByTitle('Published on this instance');
    expect(await origin.innerText()).toContain(new URL(baseUrl).host);
    await card.getByRole('link', { name }).click();
    await page.waitForURL(`${baseUrl}/blueprints/${blueprintId}`);
    await blueprintTitle(page, name).waitFor();

    // ---- Export as a Cursor rule: preview, then download --------------------------------------------------------
    const exportSection = page.getByRole('region', { name: 'Export' });
    await exportSection.getByLabel('Tool and format').selectOption({ label: 'Cursor project rule (.mdc)' });
    await exportSection.getByRole('button', { name: 'Preview file' }).click();
    const filePreview = exportSection.getByRole('region', { name: 'File preview' });
    await filePreview.getByText(`.cursor/rules/${slug}.mdc`, { exact: true }).waitFor();
    await filePreview.getByText('Left as placeholders: [[OPENAI_API_KEY]]').waitFor();
    const previewText = await filePreview.locator('.markdown--code').innerText();
    expect(previewText).toMatch(/^---\n/);
    expect(previewText).toContain('alwaysApply: false');
    expect(previewText).toContain('globs: deploy/**/*.yml');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      filePreview.getByRole('button', { name: `Download ${slug}.mdc` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${slug}.mdc`);
    const downloaded = fs.readFileSync(await download.path(), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(downloaded) ?? [];
    expect(frontmatter.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^description: "?Release checklist for the Marmalade billing service"?$/),
        expect.stringMatching(/^globs: deploy\/\*\*\/\*\.yml, ?scripts\/\*\.sh$/),
        'alwaysApply: false',
      ]),
    );
    expect(body).toContain('# Before every release');
    expect(body).toContain('OPENAI_API_KEY=[[OPENAI_API_KEY]]');
    expect(downloaded).not.toContain('sk-proj-');
    expect(author.problems).toEqual([]);

    // ---- Someone else forks it into a private copy of their own -------------------------------------------------
    const forker = await openPage();
    const forkerUser = await signInByMagicLink(forker.page, 'grace.forker@example.org');
    expect(forkerUser.handle).not.toBe(authorUser.handle);
    await forker.page.goto(`${baseUrl}/blueprints/${blueprintId}`);
    await blueprintTitle(forker.page, name).waitFor();
    // A reader is offered Fork, not Edit.
    expect(await forker.page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    await forker.page.getByRole('button', { name: 'Fork', exact: true }).click();

    await forker.page.waitForURL(
      (url) => /^\/blueprints\/bp_[^/]+$/.test(url.pathname) && !url.pathname.endsWith(blueprintId),
      { timeout: 15_000 },
    );
    await blueprintTitle(forker.page, name).waitFor();
    const copyHeader = forker.page.locator('header.blueprint__header');
    await copyHeader.getByText('Private', { exact: true }).waitFor();
    await copyHeader.getByText(`@${forkerUser.handle}`).waitFor();
    const lineage = copyHeader.locator('p.blueprint__lineage').filter({ hasText: 'Forked from' });
    expect((await lineage.innerText()).replace(/\s+/g, ' ')).toBe(
      `Forked from ${name} by ${authorUser.displayName} @${authorUser.handle}`,
    );
    await forker.page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
    await lineage.getByRole('link', { name }).click();
    await forker.page.waitForURL(`${baseUrl}/blueprints/${blueprintId}`);
    await forker.page.locator('header.blueprint__header').getByText(`@${authorUser.handle}`).waitFor();
    expect(forker.problems).toEqual([]);

    await forker.context.close();
    await author.context.close();
  }, 120_000);
});
