import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { collectPageProblems, signedInContext, startBrowserApp, type BrowserApp } from '../support/browser';
import { AUTHORED_PLUGIN, writeAuthoredPlugin } from '../support/authored-plugin';
import { fixture, fixtureFiles, FIXTURE_PATHS, writeFixtureTree } from '../support/import-batch';
import { TestSignInModule, type SignedIn } from '../support/sign-in';

/**
 * Importing a repository as a user would, in Chromium against the real app serving the real web build: a small
 * repository (test/support/import-batch: two files of the shared corpus, a subagent, a skill folder, a README) written
 * to a temporary folder and chosen as a folder or as a GitHub-style zip, read and unzipped in the browser, previewed by
 * the API, one format overridden and one file skipped, imported as a hierarchy.
 */
describe('importing files, in Chromium', () => {
  let started: BrowserApp;
  const contexts: BrowserContext[] = [];
  let scratch: string;
  let repository: string;
  let plugin: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-import-'));
    repository = writeFixtureTree(path.join(scratch, 'ledgerline'));
    plugin = writeAuthoredPlugin(path.join(scratch, 'shipit'));
    started = await startBrowserApp({ extraImports: [TestSignInModule] });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await started?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function signedInPage(email: string): Promise<{ page: Page; problems: string[]; user: SignedIn }> {
    const { context, user } = await signedInContext(started, email);
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: collectPageProblems(page), user };
  }

  const item = (page: Page, itemPath: string) =>
    page.getByRole('region', { name: 'Files found' }).getByRole('region', { name: itemPath, exact: true });

  it('imports a chosen folder as a hierarchy, with an override, a skip, a skill’s attachments and an unknown file', async () => {
    const { page, problems, user } = await signedInPage('folder.importer@example.org');
    await page.goto(`${started.baseUrl}/me/blueprints`);
    await page.getByRole('link', { name: 'Import files' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import files' }).waitFor();

    await page.getByLabel('Choose a folder').setInputFiles(repository);
    await page.getByRole('region', { name: 'Files found' }).waitFor({ timeout: 30_000 });

    const rule = item(page, FIXTURE_PATHS.cursorRule);
    await expectText(rule, 'Detected as Cursor project rule (.mdc) (rules).');
    const skill = item(page, FIXTURE_PATHS.skill);
    await expectText(skill, 'With 2 attached files');
    await expectText(item(page, FIXTURE_PATHS.readme), 'Unknown');
    expect(await item(page, FIXTURE_PATHS.readme).getByRole('checkbox', { name: 'Skip' }).isChecked()).toBe(true);
    // The skill's reference and licence are attachments, not items.
    expect(await item(page, FIXTURE_PATHS.skillReference).count()).toBe(0);

    // The plugin's subagent, read as a Claude Code subagent whatever the detection made of it; the Copilot file skipped.
    const agent = item(page, FIXTURE_PATHS.pluginAgent);
    await agent.getByLabel('Format').selectOption('claude-agent');
    expect(await agent.getByRole('checkbox', { name: 'Skip' }).isChecked()).toBe(false);
    await item(page, FIXTURE_PATHS.copilotInstructions).getByRole('checkbox', { name: 'Skip' }).check();

    expect(await page.getByRole('radio', { name: /One hierarchy/ }).isChecked()).toBe(true);
    await page.getByLabel('Hierarchy name').fill('Imported in Chromium');
    await page.getByRole('button', { name: 'Import 3 items' }).click();

    const results = page.getByRole('region', { name: 'Import results' });
    await results.getByRole('status').waitFor({ timeout: 30_000 });
    expect(await results.getByRole('status').innerText()).toMatch(/^3 imported, 2 skipped, 0 failed\./);
    const row = (filePath: string) => results.getByRole('row').filter({ hasText: filePath });
    expect(await row(FIXTURE_PATHS.copilotInstructions).innerText()).toContain('Skipped');
    expect(await row(FIXTURE_PATHS.skill).innerText()).toContain('with 2 attached files');

    const linked = async (filePath: string) => {
      const href = await row(filePath).getByRole('link').getAttribute('href');
      expect(href).toMatch(/^\/blueprints\/bp_/);
      return href!.slice('/blueprints/'.length);
    };
    const agentBlueprint = await user.agent
      .get(`/api/v1/blueprints/${await linked(FIXTURE_PATHS.pluginAgent)}`)
      .expect(200);
    expect(agentBlueprint.body).toMatchObject({
      name: 'c-pro',
      kind: 'agent',
      format: 'claude-agent',
      visibility: 'private',
    });
    expect(agentBlueprint.body.content).toBe(fixture(FIXTURE_PATHS.pluginAgent));
    const skillBlueprint = await user.agent.get(`/api/v1/blueprints/${await linked(FIXTURE_PATHS.skill)}`).expect(200);
    expect(skillBlueprint.body).toMatchObject({ name: 'release-notes', kind: 'skill', format: 'claude-skill' });
    const ruleBlueprint = await user.agent
      .get(`/api/v1/blueprints/${await linked(FIXTURE_PATHS.cursorRule)}`)
      .expect(200);
    expect(ruleBlueprint.body).toMatchObject({
      format: 'cursor-rules',
      hierarchy: { repositoryPath: FIXTURE_PATHS.cursorRule },
    });

    // The hierarchy holds the three at their repository paths; the page links to it.
    await results.getByRole('link', { name: 'Open the hierarchy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imported in Chromium' }).waitFor();
    const hierarchyId = new URL(page.url()).pathname.split('/').pop();
    const tree = await user.agent.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect(tree.body.plugin).toBeNull();
    expect(
      (tree.body.blueprints as { repositoryPath: string }[]).map((member) => member.repositoryPath).sort(),
    ).toEqual([FIXTURE_PATHS.cursorRule, FIXTURE_PATHS.pluginAgent, FIXTURE_PATHS.skill].sort());
    expect(problems).toEqual([]);
  });

  it('unzips a GitHub-style repository zip in the browser, leaving source code and .git out', async () => {
    const { page, problems } = await signedInPage('zip.importer@example.org');
    const entries: Record<string, Uint8Array> = {};
    for (const file of fixtureFiles()) entries[`ledgerline-main/${file.path}`] = Buffer.from(file.content);
    entries['ledgerline-main/src/index.ts'] = Buffer.from('export const answer = 42;\n');
    entries['ledgerline-main/.git/config'] = Buffer.from('[core]\n');
    const zipPath = path.join(scratch, 'ledgerline-main.zip');
    fs.writeFileSync(zipPath, zipSync(entries));

    await page.goto(`${started.baseUrl}/blueprints/import`);
    await page.getByLabel('Choose a zip').setInputFiles(zipPath);
    await page.getByRole('region', { name: 'Files found' }).waitFor({ timeout: 30_000 });
    await expectText(item(page, FIXTURE_PATHS.cursorRule), 'Detected as Cursor project rule (.mdc)');
    await expectText(item(page, FIXTURE_PATHS.skill), 'With 2 attached files');
    expect(await page.getByLabel('Hierarchy name').inputValue()).toBe('ledgerline-main');
    await page.getByText(/files? left out/).click();
    expect(await page.getByRole('list', { name: 'Files left out' }).innerText()).toContain(
      'src/index.ts: not an instruction file',
    );
    expect(await page.getByText('.git/config').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('takes files dropped on the page', async () => {
    const { page, problems } = await signedInPage('drop.importer@example.org');
    await page.goto(`${started.baseUrl}/blueprints/import`);
    const dropped = [FIXTURE_PATHS.cursorRule, FIXTURE_PATHS.pluginAgent].map((file) => ({
      name: path.basename(file),
      text: fixture(file),
    }));
    const dataTransfer = await page.evaluateHandle((files) => {
      // Runs in the page; the API's TypeScript has no DOM types.
      const { DataTransfer } = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
      };
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(new File([file.text], file.name, { type: 'text/markdown' }));
      return transfer;
    }, dropped);
    await page.getByRole('region', { name: 'Files to import' }).dispatchEvent('drop', { dataTransfer });
    await page.getByRole('region', { name: 'Files found' }).waitFor({ timeout: 30_000 });
    // Dropped one by one, the files have no repository path: the rule is told by its content, the agent too.
    await expectText(item(page, 'go.mdc'), 'Detected as Cursor project rule (.mdc)');
    await item(page, 'c-pro.md').waitFor();
    expect(await page.getByRole('radio', { name: /Separate blueprints/ }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('imports a chosen plugin folder as a plugin, and downloads the hierarchy as a Claude Code plugin', async () => {
    const { page, problems, user } = await signedInPage('plugin.importer@example.org');
    await page.goto(`${started.baseUrl}/blueprints/import`);
    await page.getByLabel('Choose a folder').setInputFiles(plugin);

    const found = page.getByRole('region', { name: 'Plugin found' });
    await found.waitFor({ timeout: 30_000 });
    expect(await found.getByRole('list', { name: 'Plugins found' }).innerText()).toContain(
      './ with the Claude Code manifest',
    );
    expect(await page.getByRole('radio', { name: /Import as plugin/ }).isChecked()).toBe(true);
    // The other choices stay beside it.
    expect(await page.getByRole('radio', { name: /One hierarchy/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Import the plugin' }).click();

    const results = page.getByRole('region', { name: 'Plugin import results' });
    await results.getByRole('status').waitFor({ timeout: 30_000 });
    expect(await results.getByRole('status').innerText()).toBe('1 plugin imported, 4 members in all.');
    const row = (filePath: string) => results.getByRole('row').filter({ hasText: filePath });
    expect(await row('agents/x.md').innerText()).toContain('claude-agent (agent)');
    expect(await row('commands/y.md').innerText()).toContain('claude-command (command)');
    expect(await row('skills/z/SKILL.md').innerText()).toContain('claude-skill (skill)');
    expect(await row('hooks/hooks.json').innerText()).toContain('claude-settings (settings)');
    await results.getByText('1 file not imported').click();
    expect(await results.getByRole('list', { name: 'Files of shipit not imported' }).innerText()).toContain(
      'scripts/fmt.sh',
    );

    // The hierarchy, as the API has it: named after the manifest, each member at its plugin path.
    const href = await results.getByRole('link', { name: 'Open the hierarchy shipit' }).getAttribute('href');
    const hierarchyId = href!.slice('/hierarchies/'.length);
    const tree = await user.agent.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect(tree.body.name).toBe('shipit');
    expect(tree.body.plugin).toEqual({ tool: 'claude-code', manifests: ['claude-code'] });
    const members = (tree.body.blueprints as { repositoryPath: string; kind: string; format: string }[])
      .map((member) => `${member.repositoryPath} ${member.kind} ${member.format}`)
      .sort();
    expect(members).toEqual([
      'agents/x.md agent claude-agent',
      'commands/y.md command claude-command',
      'hooks/hooks.json settings claude-settings',
      'skills/z/SKILL.md skill claude-skill',
    ]);
    const agentId = (tree.body.blueprints as { id: string; repositoryPath: string }[]).find(
      (member) => member.repositoryPath === 'agents/x.md',
    )!.id;
    const agent = await user.agent.get(`/api/v1/blueprints/${agentId}`).expect(200);
    expect(agent.body.content).toBe(AUTHORED_PLUGIN['agents/x.md']);

    // The hierarchy page offers it back as a plugin; the zip holds the manifest as imported and every member.
    await results.getByRole('link', { name: 'Open the hierarchy shipit' }).click();
    const downloads = page.getByRole('group', { name: 'Download as plugin' });
    await downloads.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      downloads.getByRole('link', { name: 'Claude Code' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('shipit-claude-code-plugin.zip');
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(Object.keys(zip).sort()).toEqual(
      expect.arrayContaining([
        '.claude-plugin/marketplace.json',
        'plugins/shipit/.claude-plugin/plugin.json',
        'plugins/shipit/agents/x.md',
        'plugins/shipit/commands/y.md',
        'plugins/shipit/skills/z/SKILL.md',
        'plugins/shipit/hooks/hooks.json',
      ]),
    );
    expect(JSON.parse(strFromU8(zip['plugins/shipit/.claude-plugin/plugin.json']!))).toEqual(
      JSON.parse(AUTHORED_PLUGIN['.claude-plugin/plugin.json']!),
    );
    expect(strFromU8(zip['plugins/shipit/agents/x.md']!)).toBe(AUTHORED_PLUGIN['agents/x.md']);
    expect(problems).toEqual([]);
  });
});

async function expectText(locator: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}
