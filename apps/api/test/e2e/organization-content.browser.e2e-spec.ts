import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, ifMatch, SAMPLE_RULE } from '../support/blueprints';
import {
  collectPageProblems,
  signedInContext,
  startBrowserApp,
  type BrowserApp,
  type ExpectedFailure,
} from '../support/browser';
import { addMember, createOrganization } from '../support/organizations';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';

/**
 * Organization-owned content in Chromium against the real app and the real web build: a team blueprint written in
 * the editor is read by the organization's members and does not exist for anyone else; a blueprint transferred to an
 * organization keeps its id, address and versions, and shows the organization as its author.
 */
describe('organization content, in Chromium', () => {
  let started: BrowserApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    started = await startBrowserApp({ extraImports: [TestSignInModule] });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await started?.close();
  });

  async function signedInPage(
    email: string,
    expectedFailures: ExpectedFailure[] = [],
  ): Promise<{ page: Page; problems: string[]; user: SignedIn }> {
    const { context, user } = await signedInContext(started, email);
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: collectPageProblems(page, expectedFailures), user };
  }

  /** An organization founded by a separate Owner, with a display name, so each role under test is given explicitly. */
  async function organization(slug: string, name: string): Promise<string> {
    const founder = await signInAs(started.testApp, `founder.${slug}@example.org`);
    const id = await createOrganization(started.testApp, founder.userId, slug);
    await started.testApp.app.nest.get(PrismaService).organization.update({ where: { id }, data: { name } });
    return id;
  }

  const title = (page: Page, name: string) =>
    page.locator('header.blueprint__header').getByRole('heading', { level: 1, name });
  const authorFact = (page: Page): Locator =>
    page.locator('header.blueprint__header dl.blueprint__facts > div').filter({ hasText: /^Author/ });

  it('a team blueprint written by an Admin is read by a Member and does not exist for an outsider', async () => {
    const organizationId = await organization('teal-team', 'Teal Team');
    const admin = await signedInPage('tess.admin@example.org');
    const member = await signedInPage('milo.member@example.org');
    await addMember(started.testApp, organizationId, admin.user.userId, 'admin');
    await addMember(started.testApp, organizationId, member.user.userId, 'member');

    // ---- The Admin writes it in the editor, choosing the organization as owner ---------------------------------
    await admin.page.goto(`${started.baseUrl}/blueprints/new`);
    const form = admin.page.getByRole('form', { name: 'New blueprint' });
    const owner = form.getByLabel('Owner', { exact: true });
    await owner.waitFor();
    // Team visibility exists only for an organization's blueprints.
    expect(await form.getByRole('radio', { name: /^Team/ }).count()).toBe(0);
    await owner.selectOption('teal-team');
    await form.getByRole('radio', { name: /^Team/ }).check();
    await form.getByLabel('Name', { exact: true }).fill('Kestrel team checklist');
    await form.getByLabel('Kind').selectOption({ label: 'Rules' });
    await form.getByLabel('Tool and format').selectOption({ label: 'Cursor project rule (.mdc)' });
    await form.getByLabel('Content', { exact: true }).fill(SAMPLE_RULE);
    await form.getByRole('checkbox', { name: /Publish this version/ }).check();
    await form.getByRole('button', { name: 'Save and publish' }).click();
    await title(admin.page, 'Kestrel team checklist').waitFor({ timeout: 15_000 });
    const address = admin.page.url();
    expect(address).toMatch(/\/blueprints\/bp_[a-z0-9]+$/);
    const id = address.split('/').pop() as string;

    const stored = await started.testApp.app.nest.get(PrismaService).blueprint.findUniqueOrThrow({
      where: { id },
      select: { organizationId: true, ownerId: true, visibility: true },
    });
    expect(stored).toEqual({ organizationId, ownerId: null, visibility: 'team' });
    expect(await authorFact(admin.page).innerText()).toContain('Teal Team');

    // A public blueprint with the same word: the outsider's search below can find blueprints, just not this one.
    await createBlueprint(admin.user, {
      name: 'Kestrel public checklist',
      visibility: 'public',
      publish: true,
    });

    // ---- A Member (another browser profile) finds it on the organization's Blueprints tab, and reads it ---------
    await member.page.goto(`${started.baseUrl}/orgs/teal-team`);
    await member.page
      .getByRole('navigation', { name: 'Organization' })
      .getByRole('link', { name: 'Blueprints' })
      .click();
    const listed = member.page
      .getByRole('list', { name: 'Blueprints of Teal Team' })
      .getByRole('article')
      .filter({
        has: member.page.getByRole('link', { name: 'Kestrel team checklist' }),
      });
    await listed.waitFor({ timeout: 15_000 });
    await listed.getByText('Team (organization members)', { exact: true }).waitFor();
    await listed.getByText('Published v1', { exact: true }).waitFor();
    await listed.getByRole('link', { name: 'Kestrel team checklist' }).click();
    await title(member.page, 'Kestrel team checklist').waitFor({ timeout: 15_000 });
    expect(member.page.url()).toBe(address);
    await member.page
      .locator('header.blueprint__header')
      .getByText('Team (organization members)', { exact: true })
      .waitFor();
    expect(await authorFact(member.page).innerText()).toContain('Teal Team');
    // The author links to the organization's profile.
    expect(await authorFact(member.page).getByRole('link').getAttribute('href')).toBe('/@teal-team');

    // A Member writing for the organization, from its Blueprints tab: the editor opens with the organization as
    // owner, and offers private or team drafts, telling why.
    await member.page.goto(`${started.baseUrl}/orgs/teal-team/blueprints`);
    await member.page.getByRole('region', { name: 'Blueprints' }).getByRole('link', { name: 'New blueprint' }).click();
    const memberForm = member.page.getByRole('form', { name: 'New blueprint' });
    const memberOwner = memberForm.getByLabel('Owner', { exact: true });
    await memberOwner.waitFor({ timeout: 15_000 });
    expect(await memberOwner.inputValue()).toBe('teal-team');
    await memberForm.getByText(/As a Member of Teal Team you write private or team drafts/).waitFor();
    expect(await memberForm.getByRole('radio', { name: /^Public/ }).count()).toBe(0);
    expect(await memberForm.getByRole('radio', { name: /^Unlisted/ }).count()).toBe(0);
    expect(await memberForm.getByRole('checkbox', { name: /Publish this version/ }).isDisabled()).toBe(true);

    // ---- An outsider: the not-found page at its address, and not in the catalogue ---------------------------------
    const outsider = await signedInPage('otto.outsider@example.org', [
      { status: 404, path: `/api/v1/blueprints/${id}` },
    ]);
    await outsider.page.goto(address);
    await outsider.page.getByRole('heading', { level: 1, name: 'Blueprint not found' }).waitFor({ timeout: 15_000 });
    expect(await outsider.page.getByText('Kestrel team checklist').count()).toBe(0);

    await outsider.page.goto(`${started.baseUrl}/blueprints?q=kestrel`);
    const results = outsider.page.getByRole('region', { name: 'Results' });
    await results.getByRole('link', { name: 'Kestrel public checklist' }).waitFor({ timeout: 15_000 });
    expect(await results.getByRole('link', { name: 'Kestrel team checklist' }).count()).toBe(0);

    expect(admin.problems).toEqual([]);
    expect(member.problems).toEqual([]);
    expect(outsider.problems).toEqual([]);
  });

  it('transfers a blueprint to an organization its owner administers: same id and address, versions intact', async () => {
    const organizationId = await organization('harbor-ops', 'Harbor Ops');
    const owner = await signedInPage('hana.owner@example.org');
    await addMember(started.testApp, organizationId, owner.user.userId, 'admin');

    // Two published versions, written through the API: the history the transfer must keep.
    const created = await createBlueprint(owner.user, {
      name: 'Harbor deploy rules',
      visibility: 'public',
      publish: true,
    });
    const second = await owner.user.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.user.writeHeaders, ...ifMatch(created) })
      .send({ content: `${SAMPLE_RULE}\nNever deploy on Fridays.\n`, changelog: 'Fridays', publish: true })
      .expect(200);
    expect(second.body.version).toBe(2);

    const address = `${started.baseUrl}/blueprints/${created.id}`;
    await owner.page.goto(address);
    await title(owner.page, 'Harbor deploy rules').waitFor({ timeout: 15_000 });
    expect(await authorFact(owner.page).innerText()).not.toContain('Harbor Ops');

    await owner.page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const dialog = owner.page.getByRole('group', { name: 'Transfer Harbor deploy rules' });
    await dialog.getByLabel('New owner').selectOption('harbor-ops');
    await dialog.getByText(/Its id and address, versions, forks and favourites stay/).waitFor();
    await dialog.getByRole('button', { name: 'Transfer to Harbor Ops' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await authorFact(owner.page).filter({ hasText: 'Harbor Ops' }).waitFor();

    // Read again from scratch: the same address shows the organization as author, with both versions.
    await owner.page.reload();
    await title(owner.page, 'Harbor deploy rules').waitFor({ timeout: 15_000 });
    expect(owner.page.url()).toBe(address);
    const author = authorFact(owner.page);
    expect(await author.innerText()).toContain('Harbor Ops');
    expect(await author.locator('.author__kind').innerText()).toBe('Org');
    expect(await author.getByRole('link', { name: /Harbor Ops.*\(organization\)/ }).getAttribute('href')).toBe(
      '/@harbor-ops',
    );
    const versions = owner.page.getByRole('list', { name: 'Versions' });
    await versions.waitFor();
    expect(await versions.getByRole('listitem').count()).toBe(2);

    const row = await started.testApp.app.nest
      .get(PrismaService)
      .blueprint.findUniqueOrThrow({ where: { id: created.id }, select: { organizationId: true, ownerId: true } });
    expect(row).toEqual({ organizationId, ownerId: null });
    expect(owner.problems).toEqual([]);
  });
});
