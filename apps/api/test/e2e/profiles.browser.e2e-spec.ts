import { createBlueprint } from '../support/blueprints';
import { collectPageProblems, signedInContext, startBrowserApp, type BrowserApp } from '../support/browser';
import { giveBlueprintToOrganization, seedOrganization } from '../support/organizations-seed';
import { TestSignInModule } from '../support/sign-in';

describe('Profiles in Chromium', () => {
  let started: BrowserApp;

  beforeAll(async () => {
    started = await startBrowserApp({ extraImports: [TestSignInModule] });
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  });

  it('sets a bio in settings, follows an author link to /@handle, and shows an organization profile', async () => {
    const { context, user } = await signedInContext(started, 'grace@example.org');
    await createBlueprint(user, { name: 'Compiler conventions', visibility: 'public', publish: true });
    await createBlueprint(user, { name: 'Grace private notes' });
    const organization = await seedOrganization(started.testApp, {
      slug: 'navy-labs',
      name: 'Navy Labs',
      description: 'Rules for every ship.',
      websiteUrl: 'https://navy.example.org',
      members: [{ userId: user.userId, role: 'owner' }],
    });
    const shared = await createBlueprint(user, { name: 'Fleet rules', visibility: 'public', publish: true });
    await giveBlueprintToOrganization(started.testApp, shared.id, organization.id);

    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${started.baseUrl}/settings/account`);
    await page.getByLabel('Bio').fill('Wrote the first compiler.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor({ timeout: 15_000 });

    await page.goto(`${started.baseUrl}/blueprints`);
    const card = page.getByRole('article').filter({ hasText: 'Compiler conventions' });
    await card.getByRole('link', { name: /@grace/ }).click();
    await page.waitForURL(`${started.baseUrl}/@grace`);
    await page.getByRole('heading', { level: 1, name: 'grace' }).waitFor({ timeout: 15_000 });
    await page.getByText('Wrote the first compiler.').waitFor();
    const list = page.getByRole('region', { name: 'Public blueprints' });
    await list.getByRole('link', { name: 'Compiler conventions' }).waitFor();
    expect(await list.getByText('Grace private notes').count()).toBe(0);
    expect(await list.getByText('Fleet rules').count()).toBe(0);

    await page.goto(`${started.baseUrl}/@navy-labs`);
    await page.getByRole('heading', { level: 1, name: 'Navy Labs' }).waitFor({ timeout: 15_000 });
    await page.getByRole('main').getByText('Organization', { exact: true }).waitFor();
    await page.getByText('Rules for every ship.').waitFor();
    await page.getByRole('region', { name: 'Public blueprints' }).getByRole('link', { name: 'Fleet rules' }).waitFor();

    await page.goto(`${started.baseUrl}/not-a-profile`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
