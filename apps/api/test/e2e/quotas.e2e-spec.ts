import { Client } from 'pg';
import type { Response } from 'superagent';
import { createBlueprint, ifMatch, SAMPLE_RULE, type BlueprintBody } from '../support/blueprints';
import { createOrganization } from '../support/organizations';
import { insertPeer, insertRemoteBlueprint } from '../support/remote-blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const KB = 1024;
const LIMITS = {
  blueprints: 4,
  storageBytes: 600 * KB,
  hierarchies: 2,
  hierarchyMembers: 2,
};

/** Distinct prose of about `kb` kilobytes (no secrets, under the line limit). */
function prose(kb: number, seed: string): string {
  const line = (n: number) => `Rule ${seed}-${n}: keep functions small, name them for what they do, test them.\n`;
  let text = `# ${seed}\n`;
  for (let n = 0; Buffer.byteLength(text) < kb * KB - 100; n += 1) text += line(n);
  return text;
}

/** The test app's database pool: at most this many transactions can be open at once. */
const POOL_SIZE = 4;

function expectQuota(body: { error: { code: string; details: Record<string, unknown> } }, expected: object): void {
  expect(body.error.code).toBe('QUOTA_EXCEEDED');
  expect(body.error.details).toMatchObject(expected);
}

describe('Per-user quotas', () => {
  let testApp: TestApp;
  let other: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: {
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        QUOTA_BLUEPRINTS_PER_USER: String(LIMITS.blueprints),
        QUOTA_STORAGE_BYTES_PER_USER: String(LIMITS.storageBytes),
        QUOTA_HIERARCHIES_PER_USER: String(LIMITS.hierarchies),
        QUOTA_MEMBERS_PER_HIERARCHY: String(LIMITS.hierarchyMembers),
      },
    });
    other = await signInAs(testApp, 'other@example.org');
  });
  afterAll(() => testApp.close());

  it('caps the number of blueprints across create, import and both kinds of fork, and frees a place on delete', async () => {
    const user = await signInAs(testApp, 'count@example.org');
    const owned: BlueprintBody[] = [];
    for (let n = 0; n < LIMITS.blueprints; n += 1) owned.push(await createBlueprint(user, { name: `Rule ${n}` }));
    const expected = { quota: 'blueprints', limit: LIMITS.blueprints, used: LIMITS.blueprints, wanted: 1 };

    const created = await createBlueprint(user, { name: 'One too many' }, 403);
    expectQuota(created as never, expected);
    const imported = await user.agent
      .post('/api/v1/blueprints/import')
      .set(user.writeHeaders)
      .send({ content: '# Imported\n', path: 'AGENTS.md' })
      .expect(403);
    expectQuota(imported.body, expected);
    const source = await createBlueprint(other, { visibility: 'public', publish: true, license: 'MIT' });
    const forked = await user.agent
      .post(`/api/v1/blueprints/${source.id}/fork`)
      .set(user.writeHeaders)
      .send({})
      .expect(403);
    expectQuota(forked.body, expected);
    const peer = await insertPeer(testApp, 'quota-peer.example');
    const remote = await insertRemoteBlueprint(testApp, peer, { name: 'Remote rule', license: 'MIT' });
    const remoteFork = await user.agent
      .post(`/api/v1/blueprints/${remote.id}/fork`)
      .set(user.writeHeaders)
      .send({})
      .expect(403);
    expectQuota(remoteFork.body, expected);

    const mine = await user.agent.get('/api/v1/me/blueprints').expect(200);
    expect(mine.body.items).toHaveLength(LIMITS.blueprints);
    await user.agent.delete(`/api/v1/blueprints/${owned[0]!.id}`).set(user.writeHeaders).expect(204);
    await user.agent.post(`/api/v1/blueprints/${source.id}/fork`).set(user.writeHeaders).send({}).expect(201);
  });

  it('lets only one of concurrent creates take the last place', async () => {
    const user = await signInAs(testApp, 'race@example.org');
    for (let n = 0; n < LIMITS.blueprints - 1; n += 1) await createBlueprint(user, { name: `Rule ${n}` });
    // Hold back every insert into blueprints (reads still pass), so the creates' transactions overlap for certain:
    // without a per-user lock each would count the same free place.
    const blocker = new Client({ connectionString: testApp.database.url });
    // Activity is read outside the blocker's transaction, which would see one snapshot of it.
    const observer = new Client({ connectionString: testApp.database.url });
    await Promise.all([blocker.connect(), observer.connect()]);
    const racers = POOL_SIZE;
    let attempts: Response[];
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE blueprints IN SHARE MODE');
      const pending = Array.from({ length: racers }, (_, n) =>
        user.agent
          .post('/api/v1/blueprints')
          .set(user.writeHeaders)
          .send({ name: `Racer ${n}`, kind: 'rules', format: 'agents-md', content: `# Racer ${n}\n` })
          .then((response) => response),
      );
      for (let waited = 0; ; waited += 1) {
        const { rows } = await observer.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.waiting >= racers) break;
        if (waited > 400) throw new Error('the creates never reached the database together');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await blocker.query('COMMIT');
      attempts = await Promise.all(pending);
    } finally {
      await Promise.all([blocker.end(), observer.end()]);
    }
    expect(attempts.map((response) => response.status).sort()).toEqual([201, ...Array(racers - 1).fill(403)]);
    for (const refused of attempts.filter((response) => response.status === 403)) {
      expectQuota(refused.body, { quota: 'blueprints', used: LIMITS.blueprints });
    }
    const mine = await user.agent.get('/api/v1/me/blueprints').expect(200);
    expect(mine.body.items).toHaveLength(LIMITS.blueprints);
  });

  it('caps the bytes stored: every new version counts, through update, restore, strip, import and fork', async () => {
    const user = await signInAs(testApp, 'bytes@example.org');
    const first = await createBlueprint(user, { format: 'agents-md', content: prose(240, 'a') });
    const second = await user.agent
      .patch(`/api/v1/blueprints/${first.id}`)
      .set(user.writeHeaders)
      .send({ content: prose(240, 'b') })
      .expect(200);
    const hidden = `${prose(100, 'c')}Be nice.\u200B\n`;
    const withHidden = await createBlueprint(user, { format: 'agents-md', content: hidden });
    const used = 2 * Buffer.byteLength(prose(240, 'a')) + Buffer.byteLength(hidden);
    expect(used).toBeLessThanOrEqual(LIMITS.storageBytes);

    const update = await user.agent
      .patch(`/api/v1/blueprints/${first.id}`)
      .set({ ...user.writeHeaders, ...ifMatch(second.body) })
      .send({ content: prose(200, 'd') })
      .expect(403);
    expectQuota(update.body, { quota: 'storageBytes', limit: LIMITS.storageBytes, used });
    const restore = await user.agent
      .post(`/api/v1/blueprints/${first.id}/versions/1/restore`)
      .set(user.writeHeaders)
      .send({})
      .expect(403);
    expectQuota(restore.body, { quota: 'storageBytes', used });
    const strip = await user.agent
      .post(`/api/v1/blueprints/${withHidden.id}/strip-invisible`)
      .set(user.writeHeaders)
      .expect(403);
    expectQuota(strip.body, { quota: 'storageBytes', used });
    const imported = await user.agent
      .post('/api/v1/blueprints/import')
      .set(user.writeHeaders)
      .send({ content: prose(60, 'e'), path: 'AGENTS.md' })
      .expect(403);
    expectQuota(imported.body, { quota: 'storageBytes', used });
    const big = await createBlueprint(other, {
      format: 'agents-md',
      content: prose(60, 'f'),
      visibility: 'public',
      publish: true,
      license: 'MIT',
    });
    const forked = await user.agent.post(`/api/v1/blueprints/${big.id}/fork`).set(user.writeHeaders).send({});
    expect(forked.status).toBe(403);
    expectQuota(forked.body, { quota: 'storageBytes', used });

    // Nothing was half-written, and changes that add no bytes still go through.
    const after = await user.agent.get(`/api/v1/blueprints/${first.id}/versions`).expect(200);
    expect(after.body.items).toHaveLength(2);
    await user.agent
      .patch(`/api/v1/blueprints/${first.id}`)
      .set(user.writeHeaders)
      .send({ name: 'Renamed, no new version' })
      .expect(200);
    // Deleting a blueprint frees what its versions took.
    await user.agent.delete(`/api/v1/blueprints/${first.id}`).set(user.writeHeaders).expect(204);
    await user.agent.post(`/api/v1/blueprints/${withHidden.id}/strip-invisible`).set(user.writeHeaders).expect(200);
  });

  it('caps hierarchies per user and members per hierarchy, on create and on moving a blueprint in', async () => {
    const user = await signInAs(testApp, 'tree@example.org');
    const hierarchies: string[] = [];
    for (let n = 0; n < LIMITS.hierarchies; n += 1) {
      const created = await user.agent
        .post('/api/v1/hierarchies')
        .set(user.writeHeaders)
        .send({ name: `tree ${n}` })
        .expect(201);
      hierarchies.push(created.body.id as string);
    }
    const third = await user.agent.post('/api/v1/hierarchies').set(user.writeHeaders).send({ name: 'x' }).expect(403);
    expectQuota(third.body, { quota: 'hierarchies', limit: LIMITS.hierarchies, used: LIMITS.hierarchies });

    const hierarchyId = hierarchies[0]!;
    const members = [];
    for (let n = 0; n < LIMITS.hierarchyMembers; n += 1) {
      members.push(await createBlueprint(user, { hierarchyId, repositoryPath: `p${n}/AGENTS.md` }));
    }
    const expected = { quota: 'hierarchyMembers', hierarchyId, limit: LIMITS.hierarchyMembers, used: 2, wanted: 1 };
    const created = await createBlueprint(user, { hierarchyId, repositoryPath: 'p9/AGENTS.md' }, 403);
    expectQuota(created as never, expected);
    const outside = await createBlueprint(user, { name: 'Outside' });
    const moved = await user.agent
      .patch(`/api/v1/blueprints/${outside.id}`)
      .set(user.writeHeaders)
      .send({ hierarchyId, repositoryPath: 'moved/AGENTS.md' })
      .expect(403);
    expectQuota(moved.body, expected);
    // A member changing within its own hierarchy takes no new place; another hierarchy still has room.
    await user.agent
      .patch(`/api/v1/blueprints/${members[0]!.id}`)
      .set(user.writeHeaders)
      .send({ repositoryPath: 'renamed/AGENTS.md', content: `${SAMPLE_RULE}\nMore.\n` })
      .expect(200);
    await user.agent
      .patch(`/api/v1/blueprints/${outside.id}`)
      .set(user.writeHeaders)
      .send({ hierarchyId: hierarchies[1], repositoryPath: 'AGENTS.md' })
      .expect(200);
  });

  it('counts what a transfer brings against the receiving organization’s quotas', async () => {
    const admin = await signInAs(testApp, 'transfer-quota@example.org');
    const organizationId = await createOrganization(testApp, admin.userId, 'quota-org');
    expect(organizationId).toBeTruthy();
    for (let n = 0; n < LIMITS.blueprints; n += 1) {
      await createBlueprint(admin, { name: `Org rule ${n}`, organization: 'quota-org' });
    }
    const mine = await createBlueprint(admin, { name: 'Mine to give' });
    const refused = await admin.agent
      .post(`/api/v1/blueprints/${mine.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'quota-org' })
      .expect(403);
    expectQuota(refused.body, { quota: 'blueprints', limit: LIMITS.blueprints, used: LIMITS.blueprints, wanted: 1 });
    // Nothing moved: it is still the user's.
    const still = await admin.agent.get(`/api/v1/blueprints/${mine.id}`).expect(200);
    expect(still.body.author).toMatchObject({ kind: 'user' });

    const tree = await admin.agent
      .post('/api/v1/hierarchies')
      .set(admin.writeHeaders)
      .send({ name: 'Tree to give' })
      .expect(201);
    await admin.agent
      .patch(`/api/v1/blueprints/${mine.id}`)
      .set(admin.writeHeaders)
      .send({ hierarchyId: tree.body.id, repositoryPath: 'AGENTS.md' })
      .expect(200);
    const treeRefused = await admin.agent
      .post(`/api/v1/hierarchies/${tree.body.id}/transfer`)
      .set(admin.writeHeaders)
      .send({ organization: 'quota-org' })
      .expect(403);
    expect(treeRefused.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { quota: 'blueprints' } });
  });
});
