import { unzipSync, strFromU8 } from 'fflate';
import type { Response } from 'superagent';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, SAMPLE_RULE } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** Supertest parser that keeps a binary body (a zip) as bytes. */
function collectBytes(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

const TEMPLATE = '# [[project]]\n\nDeploy to [[REGION|eu-west-1]] with key [[API_KEY]] and owner [[OWNER|ops]].\n';

describe('Blueprints: variables, rendering, export, tokens and hierarchies', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let owner: SignedIn;
  let reader: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
    owner = await signInAs(testApp, 'owner@example.org');
    reader = await signInAs(testApp, 'reader@example.org');
  });
  afterAll(() => testApp.close());

  it('renders with request values, then saved values, then defaults, and reports what stayed unresolved', async () => {
    const blueprint = await createBlueprint(owner, {
      format: 'agents-md',
      content: TEMPLATE,
      visibility: 'public',
      publish: true,
    });
    const variables = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/variables`).expect(200);
    expect(variables.body.variables.map((v: { name: string }) => v.name)).toEqual([
      'PROJECT',
      'REGION',
      'API_KEY',
      'OWNER',
    ]);

    await reader.agent
      .put('/api/v1/me/variables/region')
      .set(reader.writeHeaders)
      .send({ value: 'us-east-2' })
      .expect(200);
    await reader.agent
      .put('/api/v1/me/variables/OWNER')
      .set(reader.writeHeaders)
      .send({ value: 'saved-owner' })
      .expect(200);

    const rendered = await reader.agent
      .post(`/api/v1/blueprints/${blueprint.id}/render`)
      .set(reader.writeHeaders)
      .send({ values: { Project: 'Lynx', owner: 'request-owner' } })
      .expect(200);
    expect(rendered.body.content).toBe('# Lynx\n\nDeploy to us-east-2 with key [[API_KEY]] and owner request-owner.\n');
    expect(rendered.body.unresolved).toEqual(['API_KEY']);
    expect(rendered.body.variables).toEqual(
      expect.arrayContaining([
        { name: 'PROJECT', source: 'request' },
        { name: 'REGION', source: 'saved' },
        { name: 'OWNER', source: 'request' },
        { name: 'API_KEY', source: 'unresolved' },
      ]),
    );
    // Anonymous callers get defaults only, and nothing rendered is stored.
    const anonymous = await testApp.http.post(`/api/v1/blueprints/${blueprint.id}/render`).send({}).expect(200);
    expect(anonymous.body.content).toContain('Deploy to eu-west-1');
    const stored = await prisma.blueprintVersion.findMany({ where: { blueprintId: blueprint.id } });
    expect(stored.map((version) => version.content)).toEqual([TEMPLATE]);
  });

  it('keeps saved values encrypted at rest and shows them only to their owner', async () => {
    const secret = 'value-that-must-not-be-stored-in-clear';
    await owner.agent
      .put('/api/v1/me/variables/DB_PASSWORD')
      .set(owner.writeHeaders)
      .send({ value: secret })
      .expect(200);
    const rows = await prisma.savedVariable.findMany({ where: { name: 'DB_PASSWORD' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.valueEncrypted).not.toContain(secret);
    const mine = await owner.agent.get('/api/v1/me/variables').expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ name: 'DB_PASSWORD', value: secret })]);
    const others = await reader.agent.get('/api/v1/me/variables').expect(200);
    expect(others.body.items.map((v: { name: string }) => v.name)).not.toContain('DB_PASSWORD');
    const bad = await owner.agent.put('/api/v1/me/variables/not%20ok').set(owner.writeHeaders).send({ value: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_VARIABLE_NAME');
    await owner.agent.delete('/api/v1/me/variables/db_password').set(owner.writeHeaders).expect(204);
    expect(await prisma.savedVariable.count({ where: { name: 'DB_PASSWORD' } })).toBe(0);
  });

  it('exports as a file or a zip and counts one download per visitor per day', async () => {
    const blueprint = await createBlueprint(owner, { name: 'Export me', visibility: 'public', publish: true });
    const file = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/export`).expect(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="export-me.mdc"');
    expect(file.text).toBe(SAMPLE_RULE);
    const zip = await testApp.http
      .get(`/api/v1/blueprints/${blueprint.id}/export?format=windsurf-rules&archive=zip`)
      .buffer(true)
      .parse(collectBytes)
      .expect(200);
    const entries = unzipSync(new Uint8Array(zip.body as Buffer));
    expect(Object.keys(entries)).toEqual(['.windsurf/rules/export-me.md', 'CONVERSION.md']);
    expect(strFromU8(entries['.windsurf/rules/export-me.md'] as Uint8Array)).toContain('# TypeScript conventions');
    await reader.agent.get(`/api/v1/blueprints/${blueprint.id}/export`).expect(200);
    await reader.agent.get(`/api/v1/blueprints/${blueprint.id}/export`).expect(200);
    const after = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}`).expect(200);
    // The anonymous client (one address, twice) and the reader: two visitors today.
    expect(after.body.downloadCount).toBe(2);
    const unknownFormat = await testApp.http.get(`/api/v1/blueprints/${blueprint.id}/export?format=nope`).expect(400);
    expect(unknownFormat.body.error.code).toBe('UNKNOWN_FORMAT');
  });

  it('lets API tokens work by scope and environment: production reads published, development the draft', async () => {
    const blueprint = await createBlueprint(owner, { visibility: 'public', publish: true });
    await owner.agent
      .patch(`/api/v1/blueprints/${blueprint.id}`)
      .set(owner.writeHeaders)
      .send({ content: `${SAMPLE_RULE}\nUnpublished change.\n` })
      .expect(200);
    const mint = async (environment: string, scopes: string[]) =>
      (
        await owner.agent
          .post('/api/v1/account/api-tokens')
          .set(owner.writeHeaders)
          .send({ name: environment, scopes, environment })
          .expect(201)
      ).body.token as string;
    const production = await mint('production', ['blueprints:read']);
    const development = await mint('development', ['blueprints:read', 'blueprints:write']);
    const viaProduction = await testApp.http
      .get(`/api/v1/blueprints/${blueprint.id}`)
      .auth(production, { type: 'bearer' })
      .expect(200);
    expect(viaProduction.body).toMatchObject({ version: 1, isOwner: true });
    const viaDevelopment = await testApp.http
      .get(`/api/v1/blueprints/${blueprint.id}`)
      .auth(development, { type: 'bearer' })
      .expect(200);
    expect(viaDevelopment.body).toMatchObject({ version: 2, isDraft: true });

    const readOnly = await testApp.http
      .post('/api/v1/blueprints')
      .auth(production, { type: 'bearer' })
      .send({ name: 'x', kind: 'rules', format: 'agents-md', content: 'x' })
      .expect(403);
    expect(readOnly.body.error.details.missingScopes).toEqual(['blueprints:write']);
    // Bearer writes need no CSRF token.
    await testApp.http
      .post('/api/v1/blueprints')
      .auth(development, { type: 'bearer' })
      .send({ name: 'From CI', kind: 'rules', format: 'agents-md', content: '# Rules\n' })
      .expect(201);
  });

  it('groups blueprints of a monorepo at normalised paths and pulls the tree as one zip', async () => {
    const hierarchy = await owner.agent
      .post('/api/v1/hierarchies')
      .set(owner.writeHeaders)
      .send({ name: 'acme/monorepo' })
      .expect(201);
    const hierarchyId = hierarchy.body.id as string;
    expect(hierarchyId).toMatch(/^ha_[a-z0-9]{16}$/);
    const root = await createBlueprint(owner, {
      name: 'Root agents',
      format: 'agents-md',
      content: '# Root\n',
      visibility: 'public',
      publish: true,
      hierarchyId,
      repositoryPath: './AGENTS.md',
    });
    const child = await createBlueprint(owner, {
      name: 'Web agents',
      format: 'agents-md',
      content: '# Web\n',
      visibility: 'public',
      publish: true,
      hierarchyId,
      repositoryPath: 'packages\\web//AGENTS.md',
      parentId: root.id,
    });
    expect(child.hierarchy).toEqual({
      id: hierarchyId,
      name: 'acme/monorepo',
      repositoryPath: 'packages/web/AGENTS.md',
      parentId: root.id,
    });
    // Private members stay out of what others see.
    await createBlueprint(owner, {
      name: 'Internal',
      format: 'agents-md',
      content: '# Internal\n',
      hierarchyId,
      repositoryPath: 'internal/AGENTS.md',
    });

    for (const repositoryPath of ['../outside.md', 'a/../../b.md', '/etc/passwd', 'C:\\x.md']) {
      const refused = await createBlueprint(owner, { hierarchyId, repositoryPath }, 400);
      expect({ repositoryPath, code: (refused.error as { code: string }).code }).toEqual({
        repositoryPath,
        code: 'INVALID_REPOSITORY_PATH',
      });
    }
    const cycle = await owner.agent
      .patch(`/api/v1/blueprints/${root.id}`)
      .set(owner.writeHeaders)
      .send({ parentId: child.id })
      .expect(400);
    expect(cycle.body.error.code).toBe('INVALID_PARENT');

    const view = await testApp.http.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect(view.body.blueprints.map((b: { repositoryPath: string }) => b.repositoryPath)).toEqual([
      'AGENTS.md',
      'packages/web/AGENTS.md',
    ]);
    const archive = await testApp.http
      .get(`/api/v1/hierarchies/${hierarchyId}/archive`)
      .buffer(true)
      .parse(collectBytes)
      .expect(200);
    const files = unzipSync(new Uint8Array(archive.body as Buffer));
    const { 'CONVERSION.md': report, ...members } = files;
    expect(Object.fromEntries(Object.entries(members).map(([path, bytes]) => [path, strFromU8(bytes)]))).toEqual({
      'AGENTS.md': '# Root\n',
      'packages/web/AGENTS.md': '# Web\n',
    });
    expect(strFromU8(report!)).toContain('Nothing was lost');
    expect(archive.headers['x-conversion-report']).toBe('lossless');
    const ownersArchive = await owner.agent.get(`/api/v1/hierarchies/${hierarchyId}`).expect(200);
    expect(ownersArchive.body.blueprints).toHaveLength(3);
  });
});
