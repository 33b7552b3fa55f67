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

const COMMAND = [
  '---',
  'description: Clean up local branches whose remote is gone',
  'allowed-tools: Bash(git branch:*), Bash(git fetch:*)',
  'model: haiku',
  '---',
  'Remove the local branches whose remote is gone, after `git fetch --prune`.',
  '',
].join('\n');

const SKILL = [
  '---',
  'name: pdf-forms',
  'description: Fill in PDF forms',
  '---',
  'Read references/fields.md before filling a form.',
  '',
].join('\n');
const FIELDS = '# Field order\n\nFill the name before the address.\n';

interface ConversionView {
  lossless: boolean;
  changes: Array<{ field: string; change: string; message: string }>;
}

/**
 * Flow 2 of issue 10, in Chromium against the real app and web build: what a reader types into the variables form,
 * and their saved values, end up in the files "Download" and "Download as zip" give them.
 */
describe('downloads in Chromium: filled variables, conversion reports, skill folders', () => {
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

  /** Issue 12: the page says what a conversion loses before the reader downloads it, and says it as the API does. */
  it('shows the fields a Claude command loses in Cursor before the download, as the download reports them', async () => {
    const { browser, baseUrl } = started!;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    const csrfToken = await signIn(page, 'ada.conversions@example.org');
    const writeHeaders = { 'X-CSRF-Token': csrfToken, Origin: baseUrl };
    const created = await page.request.post(`${baseUrl}/api/v1/blueprints`, {
      headers: writeHeaders,
      data: {
        name: 'clean_gone',
        kind: 'command',
        format: 'claude-command',
        content: COMMAND,
        visibility: 'public',
        publish: true,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // What the API itself says of the conversion: the page must show every entry of it.
    const render = await page.request.post(`${baseUrl}/api/v1/blueprints/${id}/render`, {
      headers: writeHeaders,
      data: { format: 'cursor-command' },
    });
    expect(render.status()).toBe(200);
    const expected = (await render.json()) as { path: string; conversion: ConversionView };
    const dropped = expected.conversion.changes.filter((change) => change.change === 'dropped');
    expect(dropped.map((change) => change.field)).toEqual(expect.arrayContaining(['model', 'allowedTools']));

    await page.goto(`${baseUrl}/blueprints/${id}`);
    const exportSection = page.getByRole('region', { name: 'Export' });
    await exportSection.getByLabel('Tool and format').selectOption('cursor-command');

    // Before any preview or download button exists, the losses are on the page.
    const report = exportSection.getByRole('region', { name: 'What the conversion changes' });
    await report.getByText(/Converted to Cursor command .*, it loses/).waitFor({ timeout: 15_000 });
    expect(await exportSection.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    const items = await report.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(expected.conversion.changes.length);
    for (const change of expected.conversion.changes) {
      expect(items.some((item) => item.includes(change.field) && item.includes(change.message))).toBe(true);
    }
    // Losses first.
    expect(items.slice(0, dropped.length).every((item) => item.startsWith('Dropped'))).toBe(true);
    await exportSection.getByText(expected.path, { exact: true }).waitFor();
    expect(expected.path).toBe('.cursor/commands/clean_gone.md');

    await exportSection.getByRole('button', { name: 'Preview file' }).click();
    const preview = exportSection.getByRole('region', { name: 'File preview' });
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((candidate) => candidate.url().endsWith(`/api/v1/blueprints/${id}/download`)),
      preview.getByRole('button', { name: 'Download clean_gone.md' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('clean_gone.md');
    // The download's header names the same dropped fields the page listed.
    const header = (await response.allHeaders())['x-conversion-report'] ?? '';
    for (const change of dropped) expect(header).toContain(change.field);
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file).not.toContain('model: haiku');
    expect(file).toContain('git fetch --prune');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists a skill’s references file, shows it, and downloads the whole skill folder as a zip', async () => {
    const { browser, baseUrl } = started!;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    const csrfToken = await signIn(page, 'ada.skills@example.org');
    const created = await page.request.post(`${baseUrl}/api/v1/blueprints`, {
      headers: { 'X-CSRF-Token': csrfToken, Origin: baseUrl },
      data: {
        name: 'pdf-forms',
        kind: 'skill',
        format: 'claude-skill',
        content: SKILL,
        files: [{ path: 'references/fields.md', content: FIELDS, encoding: 'utf8' }],
        visibility: 'public',
        publish: true,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${baseUrl}/blueprints/${id}`);
    const attached = page.getByRole('region', { name: 'Attached files' });
    const row = attached.getByRole('listitem').filter({ hasText: 'references/fields.md' });
    await row.getByText('No findings').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'View references/fields.md' }).click();
    await row
      .getByRole('region', { name: 'Content of references/fields.md' })
      .getByText(/Fill the name/)
      .waitFor();

    const exportSection = page.getByRole('region', { name: 'Export' });
    await exportSection
      .getByRole('note')
      .getByText(/downloads come as a zip/)
      .waitFor();
    await exportSection.getByRole('button', { name: 'Preview file' }).click();
    const preview = exportSection.getByRole('region', { name: 'File preview' });
    await preview.getByRole('button', { name: 'Download the skill folder as zip' }).waitFor();
    expect(await preview.getByRole('button', { name: 'Download SKILL.md' }).count()).toBe(0);
    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Download the skill folder as zip' }).click(),
    ]);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(await zipDownload.path())));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'CONVERSION.md',
        '.claude/skills/pdf-forms/SKILL.md',
        '.claude/skills/pdf-forms/references/fields.md',
      ]),
    );
    expect(strFromU8(entries['.claude/skills/pdf-forms/references/fields.md']!)).toBe(FIELDS);
    expect(strFromU8(entries['.claude/skills/pdf-forms/SKILL.md']!)).toContain('Read references/fields.md');
    expect(problems).toEqual([]);
    await context.close();
  });
});
