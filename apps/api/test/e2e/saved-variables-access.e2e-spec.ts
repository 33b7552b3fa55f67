import { unzipSync, strFromU8 } from 'fflate';
import { generateSync } from 'otplib';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint } from '../support/blueprints';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const SECRET = 'sk-victim-saved-value-0123456789';
const TEMPLATE = '# Attacker template\n\nKey: [[OPENAI_API_KEY]]\nProject: [[PROJECT_NAME|acme]]\n';

/**
 * High 2 of issue 10: saved variable values (often secrets) are used only for a fully signed-in session or a token
 * holding `variables:read`. A session that still owes its second factor may do nothing but finish signing in.
 */
describe('who may use saved variable values', () => {
  let testApp: TestApp;
  let attacker: SignedIn;
  let templateId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    attacker = await signInAs(testApp, 'attacker@example.org');
    templateId = (
      await createBlueprint(attacker, { format: 'agents-md', content: TEMPLATE, visibility: 'public', publish: true })
    ).id;
  });
  afterAll(() => testApp.close());

  async function victimWithSavedKey(email: string): Promise<SignedIn> {
    const victim = await signInAs(testApp, email);
    await victim.agent
      .put('/api/v1/me/variables/OPENAI_API_KEY')
      .set(victim.writeHeaders)
      .send({ value: SECRET })
      .expect(200);
    return victim;
  }

  const render = (agent: SignedIn['agent'] | TestApp['http'], headers: Record<string, string> = {}) =>
    agent.post(`/api/v1/blueprints/${templateId}/render`).set(headers).send({});

  it('fills saved values for a fully signed-in session, in render and download', async () => {
    const victim = await victimWithSavedKey('active.victim@example.org');
    const rendered = await render(victim.agent, victim.writeHeaders).expect(200);
    expect(rendered.body.content).toContain(`Key: ${SECRET}`);
    const downloaded = await victim.agent
      .post(`/api/v1/blueprints/${templateId}/download`)
      .set(victim.writeHeaders)
      .send({})
      .expect(200);
    expect(downloaded.text).toContain(`Key: ${SECRET}`);
  });

  it('treats a session that owes its second factor as anonymous on public routes and refuses it elsewhere', async () => {
    const email = 'pending.victim@example.org';
    const victim = await victimWithSavedKey(email);
    const setup = await victim.agent.post('/api/v1/account/two-step/totp/setup').set(victim.writeHeaders).expect(200);
    await victim.agent
      .post('/api/v1/account/two-step/totp/confirm')
      .set(victim.writeHeaders)
      .send({ code: generateSync({ secret: setup.body.secret as string }) })
      .expect(200);

    // The attacker holds the victim's first factor only.
    const pending = await signInAs(testApp, email);
    expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');

    const rendered = await render(pending.agent, pending.writeHeaders).expect(200);
    expect(rendered.text).not.toContain(SECRET);
    expect(rendered.body.unresolved).toEqual(['OPENAI_API_KEY']);
    const downloaded = await pending.agent
      .post(`/api/v1/blueprints/${templateId}/download`)
      .set(pending.writeHeaders)
      .send({})
      .expect(200);
    expect(downloaded.text).not.toContain(SECRET);
    expect(downloaded.text).toContain('[[OPENAI_API_KEY]]');

    // Public reads answer it as anyone: its own private blueprints do not exist for it.
    const prisma = testApp.app.nest.get(PrismaService);
    const own = await prisma.blueprint.create({
      data: {
        id: 'bp_pendingprivate0001',
        ownerId: pending.userId,
        name: 'Private notes',
        slug: 'private-notes',
        kind: 'rules',
        format: 'agents-md',
        tool: 'agents',
        tags: [],
        license: 'CC-BY-4.0',
        headVersion: 1,
        headContentHash: 'x',
        versions: {
          create: { number: 1, content: 'private', contentHash: 'x', sizeBytes: 7, format: 'agents-md' },
        },
      },
    });
    await pending.agent.get(`/api/v1/blueprints/${own.id}`).expect(404);
    // Authenticated routes refuse it, as before.
    expect((await pending.agent.get('/api/v1/me/variables').expect(401)).body.error.code).toBe(
      'SECOND_FACTOR_REQUIRED',
    );
  });

  it('uses saved values for a token only with variables:read, which also guards /me/variables', async () => {
    const victim = await victimWithSavedKey('token.victim@example.org');
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

    for (const scopes of [['profile:read'], ['blueprints:read'], ['blueprints:read', 'blueprints:write']]) {
      const token = await createApiToken(victim, scopes);
      const rendered = await render(testApp.http, bearer(token)).expect(200);
      expect(rendered.text).not.toContain(SECRET);
      const downloaded = await testApp.http
        .post(`/api/v1/blueprints/${templateId}/download`)
        .set(bearer(token))
        .send({})
        .expect(200);
      expect(downloaded.text).not.toContain(SECRET);
      expect((await testApp.http.get('/api/v1/me/variables').set(bearer(token)).expect(403)).body.error.code).toBe(
        'FORBIDDEN',
      );
    }

    const reader = await createApiToken(victim, ['variables:read']);
    expect((await render(testApp.http, bearer(reader)).expect(200)).body.content).toContain(SECRET);
    const listed = await testApp.http.get('/api/v1/me/variables').set(bearer(reader)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ name: 'OPENAI_API_KEY', value: SECRET })]);
    await testApp.http.put('/api/v1/me/variables/OTHER').set(bearer(reader)).send({ value: 'x' }).expect(403);
    const writer = await createApiToken(victim, ['variables:write']);
    await testApp.http.put('/api/v1/me/variables/OTHER').set(bearer(writer)).send({ value: 'x' }).expect(200);
  });

  it('downloads the filled file (request values, then saved, then defaults) as an attachment, zipped when asked, counted', async () => {
    const reader = await victimWithSavedKey('downloader@example.org');
    const before = (await testApp.http.get(`/api/v1/blueprints/${templateId}`).expect(200)).body.downloadCount;
    const file = await reader.agent
      .post(`/api/v1/blueprints/${templateId}/download`)
      .set(reader.writeHeaders)
      .send({ values: { PROJECT_NAME: 'Marmalade' } })
      .expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="AGENTS\.md"$/);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.text).toContain('Project: Marmalade');
    expect(file.text).toContain(`Key: ${SECRET}`);

    const zip = await reader.agent
      .post(`/api/v1/blueprints/${templateId}/download`)
      .set(reader.writeHeaders)
      .send({ format: 'agents-md', archive: 'zip' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zip.body as Buffer));
    const [content] = Object.values(entries);
    // No request value for PROJECT_NAME: its default; the saved key fills the other.
    expect(strFromU8(content!)).toContain('Project: acme');
    expect(strFromU8(content!)).toContain(`Key: ${SECRET}`);

    // Counted like export: once per visitor and day.
    const after = (await reader.agent.get(`/api/v1/blueprints/${templateId}`).expect(200)).body.downloadCount;
    expect(after).toBe(before + 1);

    const refused = await testApp.http
      .post(`/api/v1/blueprints/${templateId}/download`)
      .send({ archive: 'tar' })
      .expect(400);
    expect(refused.body.error.code).toBeDefined();
  });
});
