import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser';

const TEMPLATE = [
  '# Conventions for [[PROJECT_NAME]]',
  '',
  'Deploy to [[REGION|eu-west-1]] with the account of [[TEAM]].',
  '',
].join('\n');

/**
 * Flow 2 of issue 10, in Chromium against the real app and web build: what a reader types into the variables form,
 * and their saved values, end up in the files "Download" and "Download as zip" give them.
 */
describe('downloads with filled variables, in Chromium', () => {
  let started: BrowserApp | undefined;

  beforeAll(async () => {
    started = await startBrowserApp();
  });
  afterAll(() => started?.close());

  async function signIn(page: Page, email: string): Promise<string> {
    const { capture, baseUrl } = started!;
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const mail = await capture.waitForMail(email, 15_000);
    await page.goto(mail.link('/sign-in/magic'));
    await page
      .getByRole('banner')
      .getByRole('button', { name: /account menu/ })
      .waitFor({ timeout: 15_000 });
    const session = (await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
    return session.csrfToken;
  }

  it('fills typed and saved values into the downloaded file and zip', async () => {
    const { browser, baseUrl } = started!;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    const csrfToken = await signIn(page, 'ada.downloads@example.org');
    const writeHeaders = { 'X-CSRF-Token': csrfToken, Origin: baseUrl };
    // A saved value for TEAM, as Settings → Saved variables stores it.
    const saved = await page.request.put(`${baseUrl}/api/v1/me/variables/TEAM`, {
      headers: writeHeaders,
      data: { value: 'platform-squad' },
    });
    expect(saved.status()).toBe(200);
    const created = await page.request.post(`${baseUrl}/api/v1/blueprints`, {
      headers: writeHeaders,
      data: {
        name: 'Project conventions',
        kind: 'rules',
        format: 'agents-md',
        content: TEMPLATE,
        visibility: 'public',
        publish: true,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${baseUrl}/blueprints/${id}`);
    await page.getByRole('form', { name: 'Fill in variables' }).getByLabel('PROJECT_NAME').fill('Marmalade');

    const exportSection = page.getByRole('region', { name: 'Export' });
    await exportSection.getByRole('button', { name: 'Preview file' }).click();
    const preview = exportSection.getByRole('region', { name: 'File preview' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Download AGENTS.md' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('AGENTS.md');
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file).toContain('# Conventions for Marmalade');
    expect(file).toContain('Deploy to eu-west-1 with the account of platform-squad.');
    expect(file).not.toContain('[[');

    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Download as zip' }).click(),
    ]);
    expect(zipDownload.suggestedFilename()).toBe('project-conventions.zip');
    const entries = unzipSync(new Uint8Array(fs.readFileSync(await zipDownload.path())));
    expect(Object.keys(entries)).toEqual(['AGENTS.md', 'CONVERSION.md']);
    const zipped = strFromU8(entries['AGENTS.md']!);
    expect(zipped).toContain('# Conventions for Marmalade');
    expect(zipped).toContain('platform-squad');

    // Counted as downloads, like export (once per reader and day).
    const detail = (await (await page.request.get(`${baseUrl}/api/v1/blueprints/${id}`)).json()) as {
      downloadCount: number;
    };
    expect(detail.downloadCount).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
