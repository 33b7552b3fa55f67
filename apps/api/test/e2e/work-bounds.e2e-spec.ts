import { diffCacheKey } from '../../src/blueprints/version-diffs';
import { PrismaService } from '../../src/database/prisma.service';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../src/kv/key-value-store';
import { createBlueprint, ifMatch, SAMPLE_RULE, type BlueprintBody } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const lines = (count: number, label: string) =>
  Array.from({ length: count }, (_, index) => `${label} line ${index}`).join('\n') + '\n';

/** Publishes a blueprint with `first` as v1 and `second` as v2. */
async function twoVersions(owner: SignedIn, first: string, second: string): Promise<BlueprintBody> {
  const created = await createBlueprint(owner, { content: first, visibility: 'public', publish: true });
  const updated = await owner.agent
    .patch(`/api/v1/blueprints/${created.id}`)
    .set({ ...owner.writeHeaders, ...ifMatch(created) })
    .send({ content: second, publish: true })
    .expect(200);
  return updated.body as BlueprintBody;
}

describe('version diffs are bounded and cached', () => {
  let testApp: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { DIFF_MAX_EDITS: '40' } });
    owner = await signInAs(testApp, 'differ@example.org');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 422 DIFF_TOO_LARGE, with the limit, for versions that differ by more than DIFF_MAX_EDITS lines', async () => {
    const blueprint = await twoVersions(owner, lines(30, 'old'), lines(30, 'new'));
    const response = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/diff?from=1&to=2`).expect(422);
    expect(response.body.error).toMatchObject({ code: 'DIFF_TOO_LARGE', details: { maxEdits: 40 } });
  });

  it('keeps each diff in the key-value store by version pair and serves it from there', async () => {
    const blueprint = await twoVersions(owner, lines(30, 'same'), lines(30, 'same').replace('same line 7', 'changed'));
    const first = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/diff?from=1&to=2`).expect(200);
    expect(first.body.unified).toContain('+changed');

    const versions = testApp.app.nest.get(PrismaService).blueprintVersion;
    const [v1, v2] = await Promise.all(
      [1, 2].map((number) =>
        versions.findUniqueOrThrow({ where: { blueprintId_number: { blueprintId: blueprint.id, number } } }),
      ),
    );
    const store = testApp.app.nest.get<KeyValueStore>(KEY_VALUE_STORE);
    const key = diffCacheKey(v1!, v2!, 40);
    expect(JSON.parse((await store.get(key))!)).toEqual({ unified: first.body.unified });

    // The second read is the stored answer, not a new computation.
    await store.set(key, JSON.stringify({ unified: 'from the cache' }), 60_000);
    const second = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/diff?from=1&to=2`).expect(200);
    expect(second.body.unified).toBe('from the cache');
  });
});

describe('scans run within a time budget', () => {
  let testApp: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { WORKER_TASK_TIMEOUT_MS: '1' } });
    owner = await signInAs(testApp, 'scanner@example.org');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 422 SCAN_TIMEOUT from the scan route when the scan runs out of its budget', async () => {
    const response = await owner.agent
      .post('/api/v1/scan')
      .set(owner.writeHeaders)
      .send({ content: `${'AKIA'}${'A'.repeat(16)} `.repeat(12_000) })
      .expect(422);
    expect(response.body.error).toMatchObject({ code: 'SCAN_TIMEOUT', details: { budgetMs: 1 } });
  });

  it('refuses a create whose scan runs out of its budget, storing nothing', async () => {
    const response = await owner.agent
      .post('/api/v1/blueprints')
      .set(owner.writeHeaders)
      .send({ name: 'Too slow to scan', kind: 'rules', format: 'cursor-rules', content: SAMPLE_RULE })
      .expect(422);
    expect(response.body.error.code).toBe('SCAN_TIMEOUT');
    expect(await testApp.app.nest.get(PrismaService).blueprint.count({ where: { ownerId: owner.userId } })).toBe(0);
  });
});
