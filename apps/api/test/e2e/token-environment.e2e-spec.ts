import { createBlueprint, ifMatch, SAMPLE_RULE, type BlueprintBody } from '../support/blueprints';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const DRAFT_MARK = 'Only in the unpublished draft.';

/**
 * What an API token reads is decided by its environment and scopes (docs/authentication.md, "API tokens"): a
 * `production` token reads published versions only, a token without `blueprints:read` reads like anyone else, and
 * creating answers 201 with what was created whatever the token's environment.
 */
describe('API token environments and scopes', () => {
  let testApp: TestApp;
  let owner: SignedIn;
  let blueprint: BlueprintBody;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    owner = await signInAs(testApp, 'tokens.owner@example.org');
    // v1 published, v2 a draft on top, private.
    const created = await createBlueprint(owner, { visibility: 'private', publish: true });
    blueprint = (
      await owner.agent
        .patch(`/api/v1/blueprints/${created.id}`)
        .set(owner.writeHeaders)
        .set(ifMatch(created))
        .send({ content: `${SAMPLE_RULE}\n${DRAFT_MARK}\n` })
        .expect(200)
    ).body as BlueprintBody;
    expect(blueprint).toMatchObject({ publishedVersion: 1, headVersion: 2 });
  });
  afterAll(() => testApp.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('a production token reads only published versions, by every route', async () => {
    const token = await createApiToken(owner, ['blueprints:read'], 'production');
    const id = blueprint.id;
    const http = testApp.http;

    for (const query of ['', '?version=draft']) {
      const read = await http.get(`/api/v1/blueprints/${id}${query}`).set(bearer(token)).expect(200);
      expect(read.body).toMatchObject({ version: 1, isDraft: false, isOwner: true });
      expect(read.body.content).not.toContain(DRAFT_MARK);
    }
    const list = await http.get(`/api/v1/blueprints/${id}/versions`).set(bearer(token)).expect(200);
    expect(list.body.items.map((version: { number: number }) => version.number)).toEqual([1]);
    await http.get(`/api/v1/blueprints/${id}/versions/2`).set(bearer(token)).expect(404);
    await http.get(`/api/v1/blueprints/${id}/versions/1`).set(bearer(token)).expect(200);
    await http.get(`/api/v1/blueprints/${id}/diff?from=1&to=2`).set(bearer(token)).expect(404);
    const render = await http.post(`/api/v1/blueprints/${id}/render`).set(bearer(token)).send({}).expect(200);
    expect(render.body.content).not.toContain(DRAFT_MARK);
    const exported = await http.get(`/api/v1/blueprints/${id}/export`).set(bearer(token)).expect(200);
    expect(exported.text).not.toContain(DRAFT_MARK);
    const downloaded = await http.post(`/api/v1/blueprints/${id}/download`).set(bearer(token)).send({}).expect(200);
    expect(downloaded.text).not.toContain(DRAFT_MARK);
  });

  it('a development token reads the drafts', async () => {
    const token = await createApiToken(owner, ['blueprints:read'], 'development');
    const read = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}`).set(bearer(token)).expect(200);
    expect(read.body).toMatchObject({ version: 2, isDraft: true });
    await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/versions/2`).set(bearer(token)).expect(200);
    await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/diff?from=1&to=2`).set(bearer(token)).expect(200);
  });

  it('a blueprints:write-only token cannot read private drafts, even in development', async () => {
    const token = await createApiToken(owner, ['blueprints:write'], 'development');
    const id = blueprint.id;
    for (const path of [
      `/api/v1/blueprints/${id}`,
      `/api/v1/blueprints/${id}/versions`,
      `/api/v1/blueprints/${id}/raw`,
    ]) {
      const response = await testApp.http.get(path).set(bearer(token)).expect(404);
      expect(response.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    }
    await testApp.http.get(`/api/v1/blueprints/${id}/versions/2`).set(bearer(token)).expect(404);
    await testApp.http.post(`/api/v1/blueprints/${id}/render`).set(bearer(token)).send({}).expect(404);
  });

  it('creating and importing with a production token answer 201 with the created draft, once', async () => {
    const token = await createApiToken(owner, ['blueprints:read', 'blueprints:write'], 'production');
    const created = await testApp.http
      .post('/api/v1/blueprints')
      .set(bearer(token))
      .send({ name: 'Made by CI', kind: 'rules', format: 'cursor-rules', content: SAMPLE_RULE })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Made by CI', version: 1, isDraft: true, content: SAMPLE_RULE });
    expect(created.headers.etag).toBe(`"r${created.body.revision}"`);

    const imported = await testApp.http
      .post('/api/v1/blueprints/import')
      .set(bearer(token))
      .send({ path: '.cursor/rules/imported-by-ci.mdc', content: SAMPLE_RULE })
      .expect(201);
    expect(imported.body).toMatchObject({ version: 1, isDraft: true, content: SAMPLE_RULE });

    // A write-only token is answered with what it wrote too.
    const writeOnly = await createApiToken(owner, ['blueprints:write'], 'production');
    await testApp.http
      .post('/api/v1/blueprints')
      .set(bearer(writeOnly))
      .send({ name: 'Made by a deploy key', kind: 'rules', format: 'cursor-rules', content: SAMPLE_RULE })
      .expect(201);

    const mine = await owner.agent.get('/api/v1/me/blueprints').expect(200);
    const names = (mine.body.items as Array<{ name: string }>).map((item) => item.name);
    expect(names.filter((name) => name === 'Made by CI')).toHaveLength(1);
    expect(names.filter((name) => name === 'Made by a deploy key')).toHaveLength(1);
  });
});
