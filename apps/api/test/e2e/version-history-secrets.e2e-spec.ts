import { randomInt } from 'node:crypto';
import { createBlueprint, ifMatch, type BlueprintBody } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A GitHub token of the real shape, made up at run time so no real key is ever in the repository. */
function fakeGithubToken(): string {
  let body = '';
  for (let index = 0; index < 36; index++) body += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  return `ghp_${body}`;
}

/** A JWT: the scanner reports it with low confidence (many in docs are samples), so sharing needs an acknowledgement. */
const SAMPLE_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.' +
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const withLine = (line: string) => `# Deploy rules\n\nAlways run the smoke tests.\n\n${line}\n`;
const CLEAN = withLine('Read the token from [[GITHUB_TOKEN]].');

/**
 * High 1 of issue 10: the secret policy holds for every version a reader can reach, not only the head and the
 * published one. Versions published while the blueprint was private are rescanned when it opens up, and any that fail
 * are withheld from everyone but the owner, on every route.
 */
describe('secret policy across the version history', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
  });
  afterAll(() => testApp.close());

  function patch(owner: SignedIn, blueprint: { id: string; revision: number }, body: Record<string, unknown>) {
    return owner.agent
      .patch(`/api/v1/blueprints/${blueprint.id}`)
      .set(owner.writeHeaders)
      .set(ifMatch(blueprint))
      .send(body);
  }

  /** The repro: a private blueprint, v1 published with a token, a clean v2 published. */
  async function privateHistoryWithSecret(email: string, token: string) {
    const owner = await signInAs(testApp, email);
    const v1 = await createBlueprint(owner, {
      name: 'Deploy rules',
      format: 'agents-md',
      content: withLine(`export GITHUB_TOKEN=${token}`),
      visibility: 'private',
      publish: true,
    });
    const v2 = (await patch(owner, v1, { content: CLEAN, publish: true }).expect(200)).body as BlueprintBody;
    expect(v2.publishedVersion).toBe(2);
    return { owner, blueprint: v2 };
  }

  it('withholds an old version holding a secret when the blueprint goes public, on every route a reader has', async () => {
    const token = fakeGithubToken();
    const { owner, blueprint } = await privateHistoryWithSecret('history.owner@example.org', token);
    const id = blueprint.id;

    const opened = await patch(owner, blueprint, { visibility: 'public' }).expect(200);
    // The owner is told, in the answer to the change itself, which version is withheld and why.
    expect(opened.body.withheldVersions).toEqual([
      { number: 1, reason: 'SECRET_DETECTED', withheldAt: expect.any(String) },
    ]);

    const reader = await signInAs(testApp, 'history.reader@example.org');
    const asAnonymous = testApp.http;
    for (const client of [asAnonymous, reader.agent]) {
      const list = await client.get(`/api/v1/blueprints/${id}/versions`).expect(200);
      expect(list.body.items.map((version: { number: number }) => version.number)).toEqual([2]);
      expect((await client.get(`/api/v1/blueprints/${id}/versions/1`).expect(404)).body.error.code).toBe(
        'VERSION_NOT_FOUND',
      );
      await client.get(`/api/v1/blueprints/${id}/diff?from=1&to=2`).expect(404);
      await client.get(`/api/v1/blueprints/${id}/diff?from=2&to=1`).expect(404);
      const reads = [
        await client.get(`/api/v1/blueprints/${id}`).expect(200),
        await client.get(`/api/v1/blueprints/${id}/raw`).expect(200),
        await client.get(`/api/v1/blueprints/${id}/export`).expect(200),
      ];
      for (const read of reads) expect(read.text).not.toContain(token);
      expect(list.text).not.toContain(token);
    }
    const rendered = await testApp.http.post(`/api/v1/blueprints/${id}/render`).send({}).expect(200);
    expect(rendered.text).not.toContain(token);
    const fork = await reader.agent.post(`/api/v1/blueprints/${id}/fork`).set(reader.writeHeaders).send({});
    expect(fork.status).toBe(201);
    expect(fork.text).not.toContain(token);

    // The owner still sees the version, marked as withheld with the reason.
    const own = await owner.agent.get(`/api/v1/blueprints/${id}/versions`).expect(200);
    const byNumber = new Map(own.body.items.map((version: { number: number }) => [version.number, version]));
    expect(byNumber.get(1)).toMatchObject({ withheld: true, withheldReason: 'SECRET_DETECTED' });
    expect(byNumber.get(2)).toMatchObject({ withheld: false, withheldReason: null, isPublished: true });
    expect((await owner.agent.get(`/api/v1/blueprints/${id}/versions/1`).expect(200)).body.content).toContain(token);
    const detail = await owner.agent.get(`/api/v1/blueprints/${id}`).expect(200);
    expect(detail.body.withheldVersions).toEqual([expect.objectContaining({ number: 1 })]);
    // Readers are never told which versions are withheld.
    const readerDetail = await testApp.http.get(`/api/v1/blueprints/${id}`).expect(200);
    expect(readerDetail.body.withheldVersions).toEqual([]);
  });

  it('refuses to publish or restore a version that fails the policy, naming it, and changes nothing', async () => {
    const token = fakeGithubToken();
    const { owner, blueprint } = await privateHistoryWithSecret('history.republish@example.org', token);
    const opened = (await patch(owner, blueprint, { visibility: 'unlisted' }).expect(200)).body as BlueprintBody;

    const publish = await owner.agent
      .post(`/api/v1/blueprints/${opened.id}/publish`)
      .set(owner.writeHeaders)
      .send({ version: 1 })
      .expect(422);
    expect(publish.body.error.code).toBe('SECRET_DETECTED');
    expect(publish.body.error.details.version).toBe(1);
    expect(publish.body.error.message).toContain('Version 1');
    expect(publish.text).not.toContain(token);

    const restore = await owner.agent
      .post(`/api/v1/blueprints/${opened.id}/versions/1/restore`)
      .set(owner.writeHeaders)
      .send({})
      .expect(422);
    expect(restore.body.error.code).toBe('SECRET_DETECTED');
    expect(restore.body.error.details.version).toBe(1);

    const after = await owner.agent.get(`/api/v1/blueprints/${opened.id}`).expect(200);
    expect(after.body).toMatchObject({ revision: opened.revision, publishedVersion: 2, headVersion: 2 });
    await testApp.http.get(`/api/v1/blueprints/${opened.id}/versions/1`).expect(404);
  });

  it('refuses to open a blueprint whose published version holds a secret, naming the version', async () => {
    const token = fakeGithubToken();
    const owner = await signInAs(testApp, 'history.refused@example.org');
    const v1 = await createBlueprint(owner, {
      format: 'agents-md',
      content: withLine(`export GITHUB_TOKEN=${token}`),
      visibility: 'private',
      publish: true,
    });
    // A clean draft on top does not make the published version any safer.
    const v2 = (await patch(owner, v1, { content: CLEAN }).expect(200)).body as BlueprintBody;
    const refused = await patch(owner, v2, { visibility: 'public' }).expect(422);
    expect(refused.body.error.code).toBe('SECRET_DETECTED');
    expect(refused.body.error.details.version).toBe(1);
    const after = await owner.agent.get(`/api/v1/blueprints/${v1.id}`).expect(200);
    expect(after.body.visibility).toBe('private');
    await testApp.http.get(`/api/v1/blueprints/${v1.id}/versions/1`).expect(404);
  });

  it('withholds an unacknowledged possible secret, keeps acknowledged ones readable, and releases on acknowledgement', async () => {
    const owner = await signInAs(testApp, 'history.jwt@example.org');
    const v1 = await createBlueprint(owner, {
      format: 'agents-md',
      content: withLine(`Example session: ${SAMPLE_JWT}`),
      visibility: 'private',
      publish: true,
    });
    const v2 = (await patch(owner, v1, { content: CLEAN, publish: true }).expect(200)).body as BlueprintBody;
    const opened = await patch(owner, v2, { visibility: 'public' }).expect(200);
    expect(opened.body.withheldVersions).toEqual([
      { number: 1, reason: 'FINDINGS_NOT_ACKNOWLEDGED', withheldAt: expect.any(String) },
    ]);
    await testApp.http.get(`/api/v1/blueprints/${v1.id}/versions/1`).expect(404);

    // The owner confirms the finding is a harmless sample while publishing v2 again: v1 is released.
    const scan = await owner.agent.post('/api/v1/scan').set(owner.writeHeaders).send({ content: v1.content });
    const findingId = (scan.body.findings as Array<{ id: string; category: string }>).find(
      (finding) => finding.category === 'secret',
    )!.id;
    const released = await owner.agent
      .post(`/api/v1/blueprints/${v1.id}/publish`)
      .set(owner.writeHeaders)
      .send({ version: 2, acknowledgedFindings: [findingId] })
      .expect(200);
    expect(released.body.withheldVersions).toEqual([]);
    expect((await testApp.http.get(`/api/v1/blueprints/${v1.id}/versions/1`).expect(200)).body.content).toContain(
      SAMPLE_JWT,
    );

    // The acknowledgement stays with the version: a later publish does not withhold it again.
    const v3 = (await patch(owner, released.body, { content: `${CLEAN}\nMore.\n`, publish: true }).expect(200))
      .body as BlueprintBody;
    expect(v3.withheldVersions).toEqual([]);
    await testApp.http.get(`/api/v1/blueprints/${v1.id}/versions/1`).expect(200);
  });
});
