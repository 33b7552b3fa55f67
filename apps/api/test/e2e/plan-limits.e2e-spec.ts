import { PrismaService } from '../../src/database/prisma.service';
import { AUTHORED_PLUGIN } from '../support/authored-plugin';
import { billingEnv, seedSubscription, updateSeededSubscription } from '../support/billing-seed';
import { createBlueprint, type BlueprintBody } from '../support/blueprints';
import { createOrganizationThroughApi, inviteByMail } from '../support/organizations';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const KB = 1024;
/** The instance's own storage quota (at least 256 KB): above the free plan's, below Pro's, so each refuses in turn. */
const INSTANCE_STORAGE = 256 * KB;
const PAID_STORAGE = 400 * KB;
const PRICES = { pro: 'price_test_pro_month', team: 'price_test_team_month', fixed: 'price_test_fixed_month' };

const FREE = {
  privateBlueprints: 2,
  storageBytes: 6 * KB,
  organizations: 1,
  seats: 2,
  organizationTokens: 1,
  versionHistory: 3,
  apiRatePerMinute: 5,
};
const UNLIMITED = {
  privateBlueprints: null,
  organizations: null,
  seats: null,
  organizationTokens: null,
  versionHistory: null,
  apiRatePerMinute: null,
};
const PLANS = {
  plans: [
    { id: 'free', name: 'Free', for: ['user', 'organization'], limits: FREE },
    {
      id: 'pro',
      name: 'Pro',
      for: ['user'],
      prices: { month: PRICES.pro },
      limits: { ...UNLIMITED, storageBytes: PAID_STORAGE, organizations: 3 },
    },
    {
      id: 'team',
      name: 'Team',
      for: ['organization'],
      pricing: 'per-seat',
      seatOverflow: 'buy',
      prices: { month: PRICES.team },
      limits: { ...UNLIMITED, storageBytes: PAID_STORAGE, seats: 4, organizationTokens: 3 },
    },
    {
      id: 'fixed',
      name: 'Fixed seats',
      for: ['organization'],
      pricing: 'per-seat',
      seatOverflow: 'refuse',
      prices: { month: PRICES.fixed },
      limits: { ...UNLIMITED, storageBytes: PAID_STORAGE, seats: 10 },
    },
  ],
};

const USER_BILLING = `${TEST_APP_URL}/settings/billing`;
const orgBilling = (slug: string) => `${TEST_APP_URL}/orgs/${slug}/billing`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Distinct prose of about `kb` kilobytes (no secrets, under the line limit). */
function prose(kb: number, seed: string): string {
  const line = (n: number) => `Rule ${seed}-${n}: keep functions small, name them for what they do, test them.\n`;
  let text = `# ${seed}\n`;
  for (let n = 0; Buffer.byteLength(text) < kb * KB - 100; n += 1) text += line(n);
  return text;
}

interface ErrorEnvelope {
  error: { code: string; message: string; details: Record<string, unknown> };
  requestId: string;
}

/** The 402 every refusal by a plan answers: the code, the numbers and where to upgrade. */
function expectPlanLimit(body: ErrorEnvelope, details: Record<string, unknown>): void {
  expect(body.error.code).toBe('PLAN_LIMIT_REACHED');
  expect(body.error.details).toMatchObject(details);
  expect(typeof body.requestId).toBe('string');
  expect(body.error.message).toContain(String(details.upgradeUrl ?? ''));
}

async function patch(who: SignedIn, id: string, body: object, status: number) {
  return who.agent.patch(`/api/v1/blueprints/${id}`).set(who.writeHeaders).send(body).expect(status);
}

describe('Plan limits (billing on)', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: {
        ...billingEnv(PLANS),
        SMTP_URL: capture.url,
        QUOTA_STORAGE_BYTES_PER_USER: String(INSTANCE_STORAGE),
      },
    });
    prisma = testApp.app.nest.get(PrismaService);
    // The first account to sign in administers the instance; the limits below are no different for it, but keep it
    // out of the way.
    await signInAs(testApp, 'first@example.org');
  });
  afterAll(async () => {
    try {
      await testApp.close();
    } finally {
      await capture.close();
    }
  });

  it('refuses a private blueprint beyond the plan through every door, with the 402 envelope', async () => {
    const user = await signInAs(testApp, 'private@example.org');
    await createBlueprint(user, { name: 'Private one' });
    await createBlueprint(user, { name: 'Private two' });
    const shared = await createBlueprint(user, { name: 'Shared', visibility: 'public', license: 'MIT' });
    const expected = {
      limit: 'privateBlueprints',
      plan: 'Free',
      allowed: FREE.privateBlueprints,
      used: 2,
      wanted: 1,
      upgradeUrl: USER_BILLING,
    };

    const created = await user.agent
      .post('/api/v1/blueprints')
      .set(user.writeHeaders)
      .send({ name: 'Private three', kind: 'rules', format: 'agents-md', content: '# Three\n' })
      .expect(402);
    expectPlanLimit(created.body, expected);
    expect(created.body.error.message).toContain('The Free plan allows 2 private blueprints');

    const imported = await user.agent
      .post('/api/v1/blueprints/import')
      .set(user.writeHeaders)
      .send({ content: '# Imported\n', path: 'AGENTS.md' })
      .expect(402);
    expectPlanLimit(imported.body, expected);
    const forked = await user.agent
      .post(`/api/v1/blueprints/${shared.id}/fork`)
      .set(user.writeHeaders)
      .send({})
      .expect(402);
    expectPlanLimit(forked.body, expected);

    // A batch import reports the refusal per item; a plugin import is all or nothing.
    const batch = await user.agent
      .post('/api/v1/imports')
      .set(user.writeHeaders)
      .send({
        files: [{ path: 'CLAUDE.md', content: '# Batch\n' }],
        items: [{ path: 'CLAUDE.md' }],
        target: 'blueprints',
      })
      .expect(201);
    expect(batch.body).toMatchObject({ created: 0, failed: 1 });
    expect(batch.body.items[0].error).toMatchObject({ code: 'PLAN_LIMIT_REACHED', details: expected });
    const plugin = await user.agent
      .post('/api/v1/plugins/import')
      .set(user.writeHeaders)
      .send({ files: Object.entries(AUTHORED_PLUGIN).map(([path, content]) => ({ path, content, encoding: 'utf8' })) })
      .expect(402);
    expectPlanLimit(plugin.body, { limit: 'privateBlueprints', used: 2 });
    expect((await user.agent.get('/api/v1/me/hierarchies').expect(200)).body.items).toEqual([]);

    // Making a shared blueprint private takes a place too; shared ones are not limited.
    expectPlanLimit((await patch(user, shared.id, { visibility: 'private' }, 402)).body, expected);
    await createBlueprint(user, { name: 'Also shared', visibility: 'unlisted' });
    const mine = await user.agent.get('/api/v1/me/blueprints').expect(200);
    const visibilities = (mine.body.items as Array<{ visibility: string }>).map((item) => item.visibility).sort();
    expect(visibilities).toEqual(['private', 'private', 'public', 'unlisted']);
  });

  it("counts a transfer of private blueprints against the receiving account's plan", async () => {
    const user = await signInAs(testApp, 'mover@example.org');
    await createOrganizationThroughApi(user, 'movers');
    const orgPrivate = [
      await createBlueprint(user, { name: 'Org private', organization: 'movers' }),
      await createBlueprint(user, { name: 'Org team', organization: 'movers', visibility: 'team' }),
    ];
    const mine = await createBlueprint(user, { name: 'Mine' });
    const transfer = (id: string) =>
      user.agent.post(`/api/v1/blueprints/${id}/transfer`).set(user.writeHeaders).send({ organization: 'movers' });
    const refused = await transfer(mine.id).expect(402);
    expectPlanLimit(refused.body, {
      limit: 'privateBlueprints',
      allowed: FREE.privateBlueprints,
      used: 2,
      wanted: 1,
      upgradeUrl: orgBilling('movers'),
    });
    // A shared one is not counted.
    const shared = await createBlueprint(user, { name: 'Shared', visibility: 'public' });
    await transfer(shared.id).expect(200);

    // A hierarchy brings its private members along, counted together.
    const hierarchy = await user.agent
      .post('/api/v1/hierarchies')
      .set(user.writeHeaders)
      .send({ name: 'monorepo' })
      .expect(201);
    await createBlueprint(user, { name: 'Member', hierarchyId: hierarchy.body.id, repositoryPath: 'AGENTS.md' });
    const moveTree = () =>
      user.agent
        .post(`/api/v1/hierarchies/${hierarchy.body.id}/transfer`)
        .set(user.writeHeaders)
        .send({ organization: 'movers' });
    expectPlanLimit((await moveTree().expect(402)).body, { limit: 'privateBlueprints', used: 2, wanted: 1 });

    // Room made at the destination, both go through.
    await user.agent.delete(`/api/v1/blueprints/${orgPrivate[0]!.id}`).set(user.writeHeaders).expect(204);
    await transfer(mine.id).expect(200);
    await user.agent.delete(`/api/v1/blueprints/${orgPrivate[1]!.id}`).set(user.writeHeaders).expect(204);
    await moveTree().expect(200);
  });

  it('makes private blueprints read-only after a downgrade, deletes nothing, and lets the owner get back under', async () => {
    const user = await signInAs(testApp, 'shrink@example.org');
    await seedSubscription(testApp, { userId: user.userId }, { planId: 'pro', priceId: PRICES.pro });
    const kept: BlueprintBody[] = [];
    for (let n = 0; n < 3; n += 1) kept.push(await createBlueprint(user, { name: `Private ${n}` }));
    const hidden = await createBlueprint(user, {
      name: 'Hidden',
      format: 'agents-md',
      content: '# Hidden\nBe nice.\u200B\n',
    });
    await patch(user, kept[0]!.id, { content: '# Second version\n' }, 200);
    const shared = await createBlueprint(user, { name: 'Shared', visibility: 'public' });
    const versionsBefore = await prisma.blueprintVersion.count({ where: { blueprint: { ownerId: user.userId } } });

    // The subscription ends: the Free plan allows 2 private blueprints, the account holds 4.
    await updateSeededSubscription(testApp, { userId: user.userId }, { status: 'canceled' });
    const over = { limit: 'privateBlueprints', plan: 'Free', allowed: 2, used: 4, wanted: 0, upgradeUrl: USER_BILLING };
    const target = kept[0]!.id;
    expectPlanLimit((await patch(user, target, { content: '# Third version\n' }, 402)).body, over);
    expectPlanLimit((await patch(user, target, { name: 'Renamed' }, 402)).body, over);
    const restore = await user.agent
      .post(`/api/v1/blueprints/${target}/versions/1/restore`)
      .set(user.writeHeaders)
      .send({})
      .expect(402);
    expectPlanLimit(restore.body, over);
    const strip = await user.agent
      .post(`/api/v1/blueprints/${hidden.id}/strip-invisible`)
      .set(user.writeHeaders)
      .expect(402);
    expectPlanLimit(strip.body, over);
    const publish = await user.agent
      .post(`/api/v1/blueprints/${target}/publish`)
      .set(user.writeHeaders)
      .send({})
      .expect(402);
    expectPlanLimit(publish.body, over);
    const fifth = await createBlueprint(user, { name: 'Fifth' }, 402);
    expectPlanLimit(fifth as unknown as ErrorEnvelope, { ...over, wanted: 1 });

    // Still readable, and everything else still works: shared blueprints, reading, deleting, sharing.
    const read = await user.agent.get(`/api/v1/blueprints/${target}`).expect(200);
    expect(read.body.content).toBe('# Second version\n');
    expect((await user.agent.get(`/api/v1/blueprints/${target}/versions`).expect(200)).body.items).toHaveLength(2);
    await patch(user, shared.id, { content: '# Shared, edited\n' }, 200);
    await patch(user, kept[1]!.id, { visibility: 'unlisted' }, 200);
    expectPlanLimit((await patch(user, kept[2]!.id, { name: 'Still over' }, 402)).body, { ...over, used: 3 });
    await user.agent.delete(`/api/v1/blueprints/${hidden.id}`).set(user.writeHeaders).expect(204);
    // Back within the limit: the private ones are writable again.
    await patch(user, kept[2]!.id, { name: 'Within again' }, 200);
    await patch(user, target, { content: '# Third version\n' }, 200);

    // Nothing was deleted by the downgrade: every blueprint but the one the owner deleted, every version.
    expect(await prisma.blueprint.count({ where: { ownerId: user.userId, deletedAt: null } })).toBe(4);
    const versionsAfter = await prisma.blueprintVersion.count({
      where: { blueprint: { ownerId: user.userId, deletedAt: null } },
    });
    // The deleted blueprint's one version went with it; the shared edit and the last edit added one each.
    expect(versionsAfter).toBe(versionsBefore - 1 + 2);
  });

  it("checks the plan's storage after the instance's quota, with the same bytes", async () => {
    const user = await signInAs(testApp, 'bytes@example.org');
    const first = prose(4, 'first');
    const blueprint = await createBlueprint(user, { format: 'agents-md', content: first, visibility: 'public' });
    const more = prose(3, 'more');
    const refused = await patch(user, blueprint.id, { content: more }, 402);
    expectPlanLimit(refused.body, {
      limit: 'storageBytes',
      plan: 'Free',
      allowed: FREE.storageBytes,
      used: Buffer.byteLength(first),
      wanted: Buffer.byteLength(more),
      upgradeUrl: USER_BILLING,
    });

    // On Pro (400 KB) the instance's quota (256 KB) is the one that refuses: QUOTA_EXCEEDED, as without billing.
    const big = await signInAs(testApp, 'bigbytes@example.org');
    await seedSubscription(testApp, { userId: big.userId }, { planId: 'pro', priceId: PRICES.pro });
    const stored: BlueprintBody[] = [];
    for (const seed of ['a', 'b']) {
      stored.push(await createBlueprint(big, { format: 'agents-md', content: prose(120, seed), visibility: 'public' }));
    }
    const quota = await createBlueprint(big, { format: 'agents-md', content: prose(120, 'c') }, 403);
    expect((quota as unknown as ErrorEnvelope).error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { quota: 'storageBytes', limit: INSTANCE_STORAGE },
    });

    // Downgraded with 240 KB stored: every write that stores more is refused, whatever its size, until room is made.
    await updateSeededSubscription(testApp, { userId: big.userId }, { status: 'canceled' });
    const tiny = await createBlueprint(big, { name: 'Tiny', content: '# Tiny\n', visibility: 'public' }, 402);
    expectPlanLimit(tiny as unknown as ErrorEnvelope, { limit: 'storageBytes', allowed: FREE.storageBytes, wanted: 7 });
    for (const blueprint of stored) {
      await big.agent.delete(`/api/v1/blueprints/${blueprint.id}`).set(big.writeHeaders).expect(204);
    }
    await createBlueprint(big, { name: 'Tiny', content: '# Tiny\n', visibility: 'public' });
  });

  it('limits the organizations a user owns', async () => {
    const founder = await signInAs(testApp, 'founder@example.org');
    await createOrganizationThroughApi(founder, 'founded-one');
    const create = (slug: string) =>
      founder.agent.post('/api/v1/organizations').set(founder.writeHeaders).send({ slug, name: slug });
    const refused = await create('founded-two').expect(402);
    expectPlanLimit(refused.body, {
      limit: 'organizations',
      plan: 'Free',
      allowed: 1,
      used: 1,
      wanted: 1,
      upgradeUrl: USER_BILLING,
    });
    expect(await prisma.organization.count({ where: { slug: 'founded-two' } })).toBe(0);

    await seedSubscription(testApp, { userId: founder.userId }, { planId: 'pro', priceId: PRICES.pro });
    await create('founded-two').expect(201);
    await updateSeededSubscription(testApp, { userId: founder.userId }, { status: 'canceled' });
    expectPlanLimit((await create('founded-three').expect(402)).body, { limit: 'organizations', used: 2 });
    expect((await founder.agent.get('/api/v1/organizations').expect(200)).body.items).toHaveLength(2);
  });

  it('counts members and pending invitations as seats; accepting needs a seat (paid ones when the plan refuses overflow)', async () => {
    const owner = await signInAs(testApp, 'seats-owner@example.org');
    const org = await createOrganizationThroughApi(owner, 'seats');
    const invite = (email: string) =>
      owner.agent
        .post('/api/v1/organizations/seats/invitations')
        .set(owner.writeHeaders)
        .send({ email, role: 'member' });
    const accept = (who: SignedIn, token: string) =>
      who.agent.post(`/api/v1/invitations/${token}/accept`).set(who.writeHeaders);

    const first = await inviteByMail(capture, owner, 'seats', 'seat-a@example.org', 'member');
    // One member and one pending invitation fill the two free seats.
    expectPlanLimit((await invite('seat-b@example.org').expect(402)).body, {
      limit: 'seats',
      plan: 'Free',
      allowed: 2,
      used: 2,
      wanted: 1,
      upgradeUrl: orgBilling('seats'),
    });
    // Inviting the same address again replaces its invitation: no new seat is needed.
    const again = await inviteByMail(capture, owner, 'seats', 'seat-a@example.org', 'member');
    expect(again.id).not.toBe(first.id);
    const memberA = await signInAs(testApp, 'seat-a@example.org');
    await accept(memberA, again.token).expect(200);
    expectPlanLimit((await invite('seat-b@example.org').expect(402)).body, { limit: 'seats', used: 2 });

    // A per-seat plan that refuses overflow: the seats paid for are the limit.
    await seedSubscription(
      testApp,
      { organizationId: org.id },
      { planId: 'fixed', priceId: PRICES.fixed, quantity: 3 },
    );
    const invitationB = await inviteByMail(capture, owner, 'seats', 'seat-b@example.org', 'member');
    await updateSeededSubscription(testApp, { organizationId: org.id }, { quantity: 2 });
    const memberB = await signInAs(testApp, 'seat-b@example.org');
    const refused = await accept(memberB, invitationB.token).expect(402);
    expectPlanLimit(refused.body, { limit: 'seats', plan: 'Fixed seats', allowed: 2, used: 2, wanted: 1 });
    // The invitation stays usable.
    const pending = await prisma.organizationInvitation.findUniqueOrThrow({ where: { id: invitationB.id } });
    expect(pending.acceptedAt).toBeNull();
    await updateSeededSubscription(testApp, { organizationId: org.id }, { quantity: 3 });
    await accept(memberB, invitationB.token).expect(200);
    expect(await prisma.organizationMember.count({ where: { organizationId: org.id } })).toBe(3);
  });

  it('lets a per-seat plan that buys seats grow to its maximum, and keeps every member after a downgrade', async () => {
    const owner = await signInAs(testApp, 'buyer@example.org');
    const org = await createOrganizationThroughApi(owner, 'buyers');
    await seedSubscription(testApp, { organizationId: org.id }, { planId: 'team', priceId: PRICES.team, quantity: 1 });
    const joiners: SignedIn[] = [];
    for (const name of ['one', 'two', 'three']) {
      const email = `buyer-${name}@example.org`;
      const { token } = await inviteByMail(capture, owner, 'buyers', email, 'member');
      const joiner = await signInAs(testApp, email);
      // Beyond the one seat paid for: accepting buys the next (the subscription follows the member count).
      await joiner.agent.post(`/api/v1/invitations/${token}/accept`).set(joiner.writeHeaders).expect(200);
      joiners.push(joiner);
    }
    const invite = () =>
      owner.agent
        .post('/api/v1/organizations/buyers/invitations')
        .set(owner.writeHeaders)
        .send({ email: 'buyer-four@example.org', role: 'member' });
    expectPlanLimit((await invite().expect(402)).body, { limit: 'seats', plan: 'Team', allowed: 4, used: 4 });

    await updateSeededSubscription(testApp, { organizationId: org.id }, { status: 'canceled' });
    expectPlanLimit((await invite().expect(402)).body, { limit: 'seats', plan: 'Free', allowed: 2, used: 4 });
    const members = await owner.agent.get('/api/v1/organizations/buyers/members').expect(200);
    expect(members.body.items).toHaveLength(4);
    // Members may still leave or be removed.
    await joiners[0]!.agent
      .delete(`/api/v1/organizations/buyers/members/${joiners[0]!.userId}`)
      .set(joiners[0]!.writeHeaders)
      .expect(204);
    expect(await prisma.organizationMember.count({ where: { organizationId: org.id } })).toBe(3);
  });

  it('limits live organization tokens; existing ones keep working after a downgrade', async () => {
    const owner = await signInAs(testApp, 'tokens-owner@example.org');
    const org = await createOrganizationThroughApi(owner, 'tokenized');
    const create = (name: string) =>
      owner.agent
        .post('/api/v1/organizations/tokenized/tokens')
        .set(owner.writeHeaders)
        .send({ name, scopes: ['blueprints:read'], environment: 'production' });
    const first = await create('CI').expect(201);
    expectPlanLimit((await create('Second').expect(402)).body, {
      limit: 'organizationTokens',
      plan: 'Free',
      allowed: 1,
      used: 1,
      wanted: 1,
      upgradeUrl: orgBilling('tokenized'),
    });
    // A revoked token frees its place.
    await owner.agent
      .delete(`/api/v1/organizations/tokenized/tokens/${first.body.id}`)
      .set(owner.writeHeaders)
      .expect(204);
    const live = [await create('CI again').expect(201)];

    await seedSubscription(testApp, { organizationId: org.id }, { planId: 'team', priceId: PRICES.team, quantity: 1 });
    live.push(await create('Deploy').expect(201), await create('Sync').expect(201));
    await updateSeededSubscription(testApp, { organizationId: org.id }, { status: 'canceled' });
    expectPlanLimit((await create('Fourth').expect(402)).body, { limit: 'organizationTokens', used: 3, allowed: 1 });
    for (const token of live) {
      await testApp.http
        .get('/api/v1/me/hierarchies')
        .set(bearer(token.body.token as string))
        .expect(200);
    }
  });

  it("lists the newest versions the owner's plan keeps, holds older ones back without deleting them", async () => {
    const owner = await signInAs(testApp, 'history@example.org');
    const blueprint = await createBlueprint(owner, {
      visibility: 'public',
      publish: true,
      format: 'agents-md',
      content: '# Version 1\n',
    });
    for (let n = 2; n <= 5; n += 1) await patch(owner, blueprint.id, { content: `# Version ${n}\n` }, 200);
    const list = (who: SignedIn | undefined) =>
      (who ? who.agent : testApp.http).get(`/api/v1/blueprints/${blueprint.id}/versions`).expect(200);
    const numbers = (body: { items: Array<{ number: number }> }) => body.items.map((item) => item.number);

    // Free keeps 3: versions 5, 4 and 3, and version 1, which is what everyone reads (published).
    const owned = await list(owner);
    expect(numbers(owned.body)).toEqual([5, 4, 3, 1]);
    expect(owned.body.heldBackByPlan).toBe(1);
    const heldBack = {
      limit: 'versionHistory',
      plan: 'Free',
      allowed: 3,
      used: 5,
      wanted: 4,
      version: 2,
      upgradeUrl: USER_BILLING,
    };
    const version2 = await owner.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/2`).expect(402);
    expectPlanLimit(version2.body, heldBack);
    await owner.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/1`).expect(200);
    await owner.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/3`).expect(200);
    const diff = (who: SignedIn | undefined, from: number, to: number) =>
      (who ? who.agent : testApp.http).get(`/api/v1/blueprints/${blueprint.id}/diff?from=${from}&to=${to}`);
    expectPlanLimit((await diff(owner, 2, 5).expect(402)).body, heldBack);
    await diff(owner, 3, 5).expect(200);
    const restore = await owner.agent
      .post(`/api/v1/blueprints/${blueprint.id}/versions/2/restore`)
      .set(owner.writeHeaders)
      .send({})
      .expect(402);
    expectPlanLimit(restore.body, heldBack);

    // Version 4 published: version 1 is no longer what everyone reads, so it is held back from them too. They cannot
    // change the owner's plan, so to them it is simply not there.
    await owner.agent
      .post(`/api/v1/blueprints/${blueprint.id}/publish`)
      .set(owner.writeHeaders)
      .send({ version: 4 })
      .expect(200);
    const anonymous = await list(undefined);
    expect(numbers(anonymous.body)).toEqual([4]);
    expect(anonymous.body.heldBackByPlan).toBe(1);
    const unseen = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/versions/1`).expect(404);
    expect(unseen.body.error.code).toBe('VERSION_NOT_FOUND');
    expect((await diff(undefined, 1, 4).expect(404)).body.error.code).toBe('VERSION_NOT_FOUND');
    const ownerOnOne = await owner.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/1`).expect(402);
    expectPlanLimit(ownerOnOne.body, { ...heldBack, wanted: 5, version: 1 });

    // Nothing was deleted: an upgrade lists every version again, for everyone.
    expect(await prisma.blueprintVersion.count({ where: { blueprintId: blueprint.id } })).toBe(5);
    await seedSubscription(testApp, { userId: owner.userId }, { planId: 'pro', priceId: PRICES.pro });
    const upgraded = await list(owner);
    expect(numbers(upgraded.body)).toEqual([5, 4, 3, 2, 1]);
    expect(upgraded.body.heldBackByPlan).toBe(0);
    await owner.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/2`).expect(200);
    expect(numbers((await list(undefined)).body)).toEqual([4, 1]);
    await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/versions/1`).expect(200);
  });

  it("limits the requests of an account's API tokens per minute across routes (429 RATE_LIMITED)", async () => {
    const user = await signInAs(testApp, 'rate@example.org');
    const profile = await createApiToken(user, ['profile:read']);
    const reader = await createApiToken(user, ['blueprints:read']);
    // Both tokens, two routes: one account's count.
    for (let n = 0; n < FREE.apiRatePerMinute; n += 1) {
      if (n % 2 === 0) await testApp.http.get('/api/v1/me').set(bearer(profile)).expect(200);
      else await testApp.http.get('/api/v1/me/blueprints').set(bearer(reader)).expect(200);
    }
    const limited = await testApp.http.get('/api/v1/me/blueprints').set(bearer(reader)).expect(429);
    expect(limited.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 'apiRatePerMinute', plan: 'Free', allowed: FREE.apiRatePerMinute, upgradeUrl: USER_BILLING },
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.error.details.retryAfterSeconds).toBe(retryAfter);
    // Sessions are not API tokens; another account has its own count.
    await user.agent.get('/api/v1/me/blueprints').expect(200);
    const other = await signInAs(testApp, 'rate-other@example.org');
    await testApp.http
      .get('/api/v1/me')
      .set(bearer(await createApiToken(other, ['profile:read'])))
      .expect(200);

    // An organization's tokens count for the organization.
    const owner = await signInAs(testApp, 'rate-org@example.org');
    await createOrganizationThroughApi(owner, 'rated');
    const orgToken = await owner.agent
      .post('/api/v1/organizations/rated/tokens')
      .set(owner.writeHeaders)
      .send({ name: 'CI', scopes: ['blueprints:read'], environment: 'production' })
      .expect(201);
    for (let n = 0; n < FREE.apiRatePerMinute; n += 1) {
      await testApp.http
        .get('/api/v1/me/hierarchies')
        .set(bearer(orgToken.body.token as string))
        .expect(200);
    }
    const orgLimited = await testApp.http
      .get('/api/v1/me/hierarchies')
      .set(bearer(orgToken.body.token as string))
      .expect(429);
    expect(orgLimited.body.error.details).toMatchObject({ limit: 'apiRatePerMinute', upgradeUrl: orgBilling('rated') });

    // A plan without a rate: only the instance's per-route limit applies.
    const fast = await signInAs(testApp, 'rate-pro@example.org');
    await seedSubscription(testApp, { userId: fast.userId }, { planId: 'pro', priceId: PRICES.pro });
    const fastToken = await createApiToken(fast, ['profile:read']);
    for (let n = 0; n < 3 * FREE.apiRatePerMinute; n += 1) {
      await testApp.http.get('/api/v1/me').set(bearer(fastToken)).expect(200);
    }
  });
});

describe('Plan limits with billing off', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: { SMTP_URL: capture.url, QUOTA_STORAGE_BYTES_PER_USER: String(INSTANCE_STORAGE) },
    });
    await signInAs(testApp, 'first@example.org');
  });
  afterAll(async () => {
    try {
      await testApp.close();
    } finally {
      await capture.close();
    }
  });

  it('limits nothing by plan: only the instance quotas (QUOTA_*) apply', async () => {
    const user = await signInAs(testApp, 'unlimited@example.org');
    // Private blueprints, edits and restores, far beyond any plan.
    const owned: BlueprintBody[] = [];
    for (let n = 0; n < 4; n += 1) owned.push(await createBlueprint(user, { name: `Private ${n}` }));
    const blueprint = await createBlueprint(user, { format: 'agents-md', content: '# Version 1\n', publish: true });
    for (let n = 2; n <= 5; n += 1) await patch(user, blueprint.id, { content: `# Version ${n}\n` }, 200);
    const versions = await user.agent.get(`/api/v1/blueprints/${blueprint.id}/versions`).expect(200);
    expect(versions.body.items).toHaveLength(5);
    expect(versions.body.heldBackByPlan).toBe(0);
    await user.agent.get(`/api/v1/blueprints/${blueprint.id}/versions/2`).expect(200);
    await user.agent
      .post(`/api/v1/blueprints/${blueprint.id}/versions/2/restore`)
      .set(user.writeHeaders)
      .send({})
      .expect(200);

    // Organizations, tokens and seats.
    for (const slug of ['free-one', 'free-two', 'free-three']) await createOrganizationThroughApi(user, slug);
    for (const name of ['One', 'Two', 'Three']) {
      await user.agent
        .post('/api/v1/organizations/free-one/tokens')
        .set(user.writeHeaders)
        .send({ name, scopes: ['blueprints:read'], environment: 'production' })
        .expect(201);
    }
    for (const email of ['m1@example.org', 'm2@example.org', 'm3@example.org']) {
      const { token } = await inviteByMail(capture, user, 'free-one', email, 'member');
      const member = await signInAs(testApp, email);
      await member.agent.post(`/api/v1/invitations/${token}/accept`).set(member.writeHeaders).expect(200);
    }

    // API tokens: no per-account rate.
    const token = await createApiToken(user, ['profile:read']);
    for (let n = 0; n < 3 * FREE.apiRatePerMinute; n += 1) {
      await testApp.http.get('/api/v1/me').set(bearer(token)).expect(200);
    }

    // Storage: the instance's quota, QUOTA_EXCEEDED (403), never the plan's 402.
    await createBlueprint(user, { format: 'agents-md', content: prose(150, 'a') });
    const quota = await createBlueprint(user, { format: 'agents-md', content: prose(150, 'b') }, 403);
    expect((quota as unknown as ErrorEnvelope).error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { quota: 'storageBytes', limit: INSTANCE_STORAGE },
    });
  });
});
