import type { Page } from 'playwright-core';
import { PrismaService } from '../../src/database/prisma.service';
import { collectPageProblems, signedInContext, startBrowserApp, type BrowserApp } from '../support/browser';
import { createOrganizationThroughApi, joinByInvitation } from '../support/organizations';
import { TestSignInModule } from '../support/sign-in';

/** Organizations in Chromium, against the real app serving the real web build, with mail through real SMTP. */
describe('organizations, in Chromium', () => {
  let started: BrowserApp;

  beforeAll(async () => {
    started = await startBrowserApp({ extraImports: [TestSignInModule] });
  });
  afterAll(() => started?.close());

  const memberRow = (page: Page, handle: string) => page.getByTestId(`member-${handle}`);

  it('an Admin invites by email; the invitee follows the mailed link, signs in, accepts and is a member', async () => {
    const { capture, baseUrl, browser } = started;
    const { context: ownerContext, user: owner } = await signedInContext(started, 'olga@example.org');
    await ownerContext.close();
    await createOrganizationThroughApi(owner, 'lynx-team', { name: 'Lynx Team' });
    const { context: adminContext, user: admin } = await signedInContext(started, 'adam@example.org');
    await joinByInvitation(capture, owner, 'lynx-team', admin, 'adam@example.org', 'admin');

    // The Admin sends the invitation from the Invitations page, reached through the header switcher.
    const adminPage = await adminContext.newPage();
    const adminProblems = collectPageProblems(adminPage);
    await adminPage.goto(`${baseUrl}/`);
    await adminPage.getByLabel('Organization').selectOption({ label: 'Lynx Team (@lynx-team)' });
    await adminPage.getByRole('heading', { level: 1, name: 'Lynx Team' }).waitFor();
    await adminPage
      .getByRole('navigation', { name: 'Organization' })
      .getByRole('link', { name: 'Invitations' })
      .click();
    const form = adminPage.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Email address').fill('ivy@example.org');
    await form.getByLabel('Role').selectOption({ label: 'Member' });
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'Invitation sent to ivy@example.org' }).waitFor();
    await adminPage.getByRole('list', { name: 'Pending invitations' }).getByText('ivy@example.org').waitFor();

    // The invitee, signed out, follows the link from the mail: sign-in first, then back to the invitation.
    const invitation = await capture.waitForMail('ivy@example.org', 15_000);
    const link = invitation.link('/invitations/');
    expect(link.startsWith(`${baseUrl}/invitations/`)).toBe(true);
    const inviteeContext = await browser.newContext();
    const page = await inviteeContext.newPage();
    const problems = collectPageProblems(page);
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email address').fill('ivy@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const signInMail = await capture.waitForMail('ivy@example.org', 15_000);
    await page.goto(signInMail.link('/sign-in/magic'));
    await page.waitForURL((url) => url.pathname.startsWith('/invitations/'), { timeout: 15_000 });
    await page.getByText(/You are invited to join/).waitFor();
    expect(await page.getByText(/You are invited to join/).textContent()).toContain('Lynx Team');
    await page.getByRole('button', { name: 'Join Lynx Team' }).click();

    // Accepted: the new member lands on the Members page and is listed there, for them and for the Admin.
    await page.waitForURL((url) => url.pathname === '/orgs/lynx-team/members');
    await memberRow(page, 'ivy').waitFor();
    expect(await memberRow(page, 'ivy').textContent()).toContain('Member');
    await adminPage.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Members' }).click();
    await memberRow(adminPage, 'ivy').waitFor();
    expect(await adminPage.getByLabel('Role of ivy').inputValue()).toBe('member');
    const prisma = started.testApp.app.nest.get(PrismaService);
    const used = await prisma.organizationInvitation.findFirstOrThrow({ where: { email: 'ivy@example.org' } });
    expect(used.acceptedAt).not.toBeNull();

    expect(problems).toEqual([]);
    expect(adminProblems).toEqual([]);
    await inviteeContext.close();
    await adminContext.close();
  });

  it('an Owner changes a member’s role in the UI, and the member’s access changes with it', async () => {
    const { capture, baseUrl } = started;
    const { context: ownerContext, user: owner } = await signedInContext(started, 'otto@example.org');
    await createOrganizationThroughApi(owner, 'role-team', { name: 'Role Team' });
    const { context: memberContext, user: mia } = await signedInContext(started, 'mia@example.org');
    await joinByInvitation(capture, owner, 'role-team', mia, 'mia@example.org', 'viewer');

    // As a Viewer: no Invitations or Settings, and the API agrees.
    const miaPage = await memberContext.newPage();
    const miaProblems = collectPageProblems(miaPage);
    await miaPage.goto(`${baseUrl}/orgs/role-team`);
    await miaPage.getByTestId('my-role').filter({ hasText: 'Viewer' }).waitFor();
    const miaNav = miaPage.getByRole('navigation', { name: 'Organization' });
    expect(await miaNav.getByRole('link', { name: 'Invitations' }).count()).toBe(0);
    expect(await miaNav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await miaNav.getByRole('link', { name: 'Tokens' }).count()).toBe(0);
    expect(await miaNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await mia.agent.get('/api/v1/organizations/role-team/invitations').expect(403);

    // The Owner makes her an Admin on the Members page.
    const ownerPage = await ownerContext.newPage();
    const ownerProblems = collectPageProblems(ownerPage);
    await ownerPage.goto(`${baseUrl}/orgs/role-team/members`);
    const select = ownerPage.getByLabel('Role of mia');
    await select.waitFor();
    expect(await select.inputValue()).toBe('viewer');
    const changed = ownerPage.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes('/members/'),
    );
    await select.selectOption({ label: 'Admin' });
    expect((await changed).status()).toBe(200);

    // Her next page load shows the Admin's pages, and they work.
    await miaPage.reload();
    await miaPage.getByTestId('my-role').filter({ hasText: 'Admin' }).waitFor();
    await miaNav.getByRole('link', { name: 'Invitations' }).click();
    await miaPage.getByRole('form', { name: 'Invite someone' }).waitFor();
    await miaPage.getByText('No pending invitations.').waitFor();
    await mia.agent.get('/api/v1/organizations/role-team/invitations').expect(200);
    // Tokens and Audit log open inside the organization's page, under its title, with their tab current.
    await miaNav.getByRole('link', { name: 'Tokens' }).click();
    await miaPage.getByRole('region', { name: 'Organization tokens' }).getByText('No organization tokens.').waitFor();
    await miaPage.getByRole('heading', { level: 1, name: 'Role Team' }).waitFor();
    expect(await miaNav.getByRole('link', { name: 'Tokens' }).getAttribute('aria-current')).toBe('page');
    await miaNav.getByRole('link', { name: 'Audit log' }).click();
    // The log holds the promotion that let her in.
    await miaPage.getByRole('region', { name: 'Audit log table' }).getByText('member.role_changed').first().waitFor();
    expect(await miaPage.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Role Team']);

    // And back to Viewer: the access goes again.
    const demoted = ownerPage.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes('/members/'),
    );
    await ownerPage.getByLabel('Role of mia').selectOption({ label: 'Viewer' });
    expect((await demoted).status()).toBe(200);
    await mia.agent.get('/api/v1/organizations/role-team/invitations').expect(403);
    await miaPage.goto(`${baseUrl}/orgs/role-team`);
    await miaPage.getByTestId('my-role').filter({ hasText: 'Viewer' }).waitFor();
    expect(await miaNav.getByRole('link', { name: 'Invitations' }).count()).toBe(0);

    expect(ownerProblems).toEqual([]);
    expect(miaProblems).toEqual([]);
    await ownerContext.close();
    await memberContext.close();
  });
});
