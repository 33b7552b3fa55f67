import { createHash } from 'node:crypto';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, ifMatch, SAMPLE_RULE } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// A real-looking (random, never issued) OpenAI project key: the scanner must catch it.
const OPENAI_KEY = 'sk-proj-' + 'Qx7vN2pL9sT4wK8mR3bY6cH1jF5gD0aZ'.repeat(2);
const WITH_SECRET = `${SAMPLE_RULE}\nOPENAI_API_KEY=${OPENAI_KEY}\n`;

describe('Blueprints: authoring, versions and visibility', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let owner: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
    owner = await signInAs(testApp, 'author@example.org');
    other = await signInAs(testApp, 'reader@example.org');
  });
  afterAll(() => testApp.close());

  it('creates a private draft with a bp_ id, version 1, content hash, default licence and detected variables', async () => {
    const created = await createBlueprint(owner);
    expect(created.id).toMatch(/^bp_[a-z0-9]{16}$/);
    expect(created).toMatchObject({
      visibility: 'private',
      version: 1,
      headVersion: 1,
      publishedVersion: null,
      isDraft: true,
      isOwner: true,
      license: 'CC-BY-4.0',
      tool: 'cursor',
      slug: 'typescript-conventions',
      tags: ['typescript', 'react'],
    });
    expect(created.variables).toEqual([
      expect.objectContaining({ name: 'PROJECT', defaultValue: 'acme', occurrences: [{ line: 8, column: 64 }] }),
    ]);
    expect(created.contentHash).toBe(createHash('sha256').update(SAMPLE_RULE).digest('hex'));
    // A second one with the same name gets a free slug.
    expect((await createBlueprint(owner)).slug).toBe('typescript-conventions-2');
  });

  it('gives every one of many simultaneous creates of one name its own slug, never SLUG_TAKEN', async () => {
    const name = 'Raced name';
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        owner.agent
          .post('/api/v1/blueprints')
          .set(owner.writeHeaders)
          .send({ name, kind: 'rules', format: 'cursor-rules', content: SAMPLE_RULE }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const slugs = answers.map((answer) => answer.body.slug as string);
    expect(new Set(slugs).size).toBe(12);
    expect(slugs).toContain('raced-name');
    // A namesake's number is the lowest free one, however many there are.
    await owner.agent
      .delete(`/api/v1/blueprints/${answers[slugs.indexOf('raced-name-2')]?.body.id as string}`)
      .set(owner.writeHeaders)
      .expect(204);
    expect((await createBlueprint(owner, { name })).slug).toBe('raced-name-2');
  });

  it('hides another user’s private blueprint behind 404, for reads and writes alike', async () => {
    const created = await createBlueprint(owner);
    for (const request of [
      other.agent.get(`/api/v1/blueprints/${created.id}`),
      other.agent.get(`/api/v1/blueprints/${created.id}/raw`),
      other.agent.get(`/api/v1/blueprints/${created.id}/versions`),
      testApp.http.get(`/api/v1/blueprints/${created.id}`),
      other.agent.patch(`/api/v1/blueprints/${created.id}`).set(other.writeHeaders).send({ name: 'mine now' }),
      other.agent.delete(`/api/v1/blueprints/${created.id}`).set(other.writeHeaders),
    ]) {
      const response = await request.expect(404);
      expect(response.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
    }
    const missing = await testApp.http.get('/api/v1/blueprints/bp_doesnotexist00000').expect(404);
    expect(missing.body.error.code).toBe('BLUEPRINT_NOT_FOUND');
  });

  it('versions every content change, checks If-Match, diffs and restores', async () => {
    const created = await createBlueprint(owner);
    const edited = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.writeHeaders, ...ifMatch(created) })
      .send({ content: SAMPLE_RULE.replace('strict mode', 'strict mode everywhere'), changelog: 'Stricter' })
      .expect(200);
    expect(edited.headers.etag).toBe(`"r${edited.body.revision}"`);
    expect(edited.body).toMatchObject({ version: 2, headVersion: 2 });

    // The first ETag is stale now: the write is refused and nothing changes.
    const stale = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.writeHeaders, ...ifMatch(created) })
      .send({ content: 'lost update' })
      .expect(412);
    expect(stale.body.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { currentETag: edited.headers.etag },
    });

    // Declaring the same text in another format is a new version too, so the two never disagree.
    const reformatted = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set(owner.writeHeaders)
      .send({ format: 'windsurf-rules' })
      .expect(200);
    expect(reformatted.body).toMatchObject({ format: 'windsurf-rules', tool: 'windsurf', version: 3 });
    const back = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set(owner.writeHeaders)
      .send({ format: 'cursor-rules' })
      .expect(200);
    expect(back.body).toMatchObject({ format: 'cursor-rules', version: 4 });

    // Same content again is not a new version.
    const same = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set(owner.writeHeaders)
      .send({ content: edited.body.content })
      .expect(200);
    expect(same.body.headVersion).toBe(4);

    const versions = await owner.agent.get(`/api/v1/blueprints/${created.id}/versions`).expect(200);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([4, 3, 2, 1]);
    expect(versions.body.items[2]).toMatchObject({ changelog: 'Stricter', author: { handle: expect.any(String) } });
    expect(versions.body.items[1]).toMatchObject({ format: 'windsurf-rules' });

    const diff = await owner.agent.get(`/api/v1/blueprints/${created.id}/diff?from=1&to=2`).expect(200);
    expect(diff.body.unified).toContain('-Use strict mode. Prefer');
    expect(diff.body.unified).toContain('+Use strict mode everywhere. Prefer');

    const restored = await owner.agent
      .post(`/api/v1/blueprints/${created.id}/versions/1/restore`)
      .set({ ...owner.writeHeaders, ...ifMatch(same.body) })
      .send({})
      .expect(200);
    expect(restored.body).toMatchObject({ version: 5, content: SAMPLE_RULE });
    const v5 = await owner.agent.get(`/api/v1/blueprints/${created.id}/versions/5`).expect(200);
    expect(v5.body).toMatchObject({ restoredFrom: 1, content: SAMPLE_RULE });

    // Versions are immutable in the database itself.
    await expect(
      prisma.$executeRaw`UPDATE blueprint_versions SET content = 'tampered' WHERE blueprint_id = ${created.id}`,
    ).rejects.toThrow(/immutable/);
  });

  it('shows the public the published version and the owner the draft', async () => {
    const created = await createBlueprint(owner, { visibility: 'public', publish: true });
    const draft = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set(owner.writeHeaders)
      .send({ content: `${SAMPLE_RULE}\nDraft paragraph.\n` })
      .expect(200);
    expect(draft.body).toMatchObject({ version: 2, publishedVersion: 1, isDraft: true });

    const anonymous = await testApp.http.get(`/api/v1/blueprints/${created.id}`).expect(200);
    expect(anonymous.body).toMatchObject({ version: 1, isDraft: false, isOwner: false, content: SAMPLE_RULE });
    const asOwnerPublished = await owner.agent.get(`/api/v1/blueprints/${created.id}?version=published`).expect(200);
    expect(asOwnerPublished.body.version).toBe(1);

    // Non-owners see only published versions in the history.
    const history = await other.agent.get(`/api/v1/blueprints/${created.id}/versions`).expect(200);
    expect(history.body.items.map((v: { number: number }) => v.number)).toEqual([1]);
    await other.agent.get(`/api/v1/blueprints/${created.id}/versions/2`).expect(404);

    await owner.agent.post(`/api/v1/blueprints/${created.id}/publish`).set(owner.writeHeaders).send({}).expect(200);
    const after = await testApp.http.get(`/api/v1/blueprints/${created.id}`).expect(200);
    expect(after.body).toMatchObject({ version: 2, content: expect.stringContaining('Draft paragraph.') });

    await owner.agent.post(`/api/v1/blueprints/${created.id}/unpublish`).set(owner.writeHeaders).expect(200);
    await testApp.http.get(`/api/v1/blueprints/${created.id}`).expect(404);
  });

  it('serves the published content raw with its hash as a strong ETag and answers 304', async () => {
    const created = await createBlueprint(owner, { visibility: 'unlisted', publish: true });
    const raw = await testApp.http.get(`/api/v1/blueprints/${created.id}/raw`).expect(200);
    expect(raw.text).toBe(SAMPLE_RULE);
    expect(raw.headers['content-type']).toMatch(/^text\/markdown/);
    expect(raw.headers.etag).toBe(`"${created.contentHash}"`);
    expect(raw.headers['cache-control']).toContain('max-age');
    const conditional = await testApp.http
      .get(`/api/v1/blueprints/${created.id}/raw`)
      .set('If-None-Match', raw.headers.etag as string)
      .expect(304);
    expect(conditional.text).toBe('');
    // A draft is never served raw to the public.
    const privateDraft = await createBlueprint(owner);
    await testApp.http.get(`/api/v1/blueprints/${privateDraft.id}/raw`).expect(404);
  });

  it('blocks a high-confidence secret anywhere but private, without echoing it, and stores nothing', async () => {
    const before = await prisma.blueprint.count();
    const refused = await createBlueprint(owner, { content: WITH_SECRET, visibility: 'public' }, 422);
    expect(refused.error).toMatchObject({ code: 'SECRET_DETECTED' });
    const findings = (refused.error as { details: { findings: Array<Record<string, unknown>> } }).details.findings;
    expect(findings[0]).toMatchObject({ category: 'secret', confidence: 'high', line: 10 });
    expect(JSON.stringify(refused)).not.toContain(OPENAI_KEY);
    expect(await prisma.blueprint.count()).toBe(before);

    // Private is the author's own business: saved, with the finding reported.
    const privately = await createBlueprint(owner, { content: WITH_SECRET });
    expect(privately.findings).toEqual([expect.objectContaining({ category: 'secret', confidence: 'high' })]);
    // Making it public later is the same decision, and is refused the same way.
    const publicise = await owner.agent
      .patch(`/api/v1/blueprints/${privately.id}`)
      .set(owner.writeHeaders)
      .send({ visibility: 'public' })
      .expect(422);
    expect(publicise.body.error.code).toBe('SECRET_DETECTED');
    // Replacing the secret with a variable, as suggested, passes.
    const fixed = await owner.agent
      .patch(`/api/v1/blueprints/${privately.id}`)
      .set(owner.writeHeaders)
      .send({ visibility: 'public', content: `${SAMPLE_RULE}\nOPENAI_API_KEY=[[OPENAI_API_KEY]]\n`, publish: true })
      .expect(200);
    expect(fixed.body).toMatchObject({ visibility: 'public', findings: [] });
  });

  it('rejects bad input with specific codes and never a 500', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ content: 'x'.repeat(256 * 1024 + 1) }, 413, 'CONTENT_TOO_LARGE'],
      [{ content: 'line\n'.repeat(10_001) }, 422, 'CONTENT_TOO_MANY_LINES'],
      [{ content: 'nul\u0000byte' }, 422, 'CONTENT_INVALID_ENCODING'],
      [{ content: 'lone \ud800 surrogate' }, 422, 'CONTENT_INVALID_ENCODING'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 400, 'TOO_MANY_TAGS'],
      [{ tags: ['ok', 'x'.repeat(33)] }, 400, 'INVALID_TAG'],
      [{ kind: 'novel' }, 400, 'UNKNOWN_KIND'],
      [{ format: 'not-a-format' }, 400, 'UNKNOWN_FORMAT'],
      [{ kind: 'mcp-config' }, 422, 'FORMAT_INCOMPATIBLE'],
      [{ category: 'astrology' }, 400, 'UNKNOWN_CATEGORY'],
      [{ license: 'not a licence' }, 400, 'INVALID_LICENSE'],
      [{ visibility: 'team' }, 422, 'TEAM_VISIBILITY_NEEDS_ORGANIZATION'],
      [{ visibility: 'secret' }, 400, 'VISIBILITY_NOT_AVAILABLE'],
    ];
    for (const [overrides, status, code] of cases) {
      const body = await createBlueprint(owner, overrides, status);
      expect({ overrides: Object.keys(overrides), code: (body.error as { code: string }).code }).toEqual({
        overrides: Object.keys(overrides),
        code,
      });
    }
    // Bytes that are not UTF-8 never reach the service (the parser would have replaced them silently).
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"name":"x","kind":"rules","format":"cursor-rules","content":"caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const refused = await owner.agent
      .post('/api/v1/blueprints')
      .set({ ...owner.writeHeaders, 'Content-Type': 'application/json' })
      .serialize((body: Buffer) => body as unknown as string)
      .send(invalidUtf8)
      .expect(400);
    expect(refused.body.error.code).toBe('INVALID_ENCODING');
  });

  it('stores tags in their canonical spelling and refuses one it would have to cut', async () => {
    const created = await createBlueprint(owner, { name: 'Tagged as typed', tags: ['Unit Testing', 'ci/cd', '.NET'] });
    expect(created.tags).toEqual(['unit-testing', 'ci-cd', 'dotnet']);
    const stored = await prisma.blueprint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tags).toEqual(['unit-testing', 'ci-cd', 'dotnet']);

    // Spellings of one tag count once; blanks and bare punctuation are no tag at all.
    const edited = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.writeHeaders, ...ifMatch(created) })
      .send({ tags: [' C# ', 'c#', '#React', 'react', '  ', '#', 'Café'] })
      .expect(200);
    expect(edited.body.tags).toEqual(['c#', 'react', 'cafe']);

    const longTag = 'A Tag Much Longer Than Thirty Two Characters';
    const refused = await owner.agent
      .patch(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.writeHeaders, ...ifMatch(edited.body as { revision: number }) })
      .send({ tags: ['fine', longTag] })
      .expect(400);
    expect(refused.body.error).toMatchObject({
      code: 'INVALID_TAG',
      details: { tag: 'a-tag-much-longer-than-thirty-two-characters' },
    });
    const unchanged = await prisma.blueprint.findUniqueOrThrow({ where: { id: created.id } });
    expect(unchanged.tags).toEqual(['c#', 'react', 'cafe']);
  });

  it('leaves a tombstone on delete: gone for everyone, versions dropped, slug freed', async () => {
    const created = await createBlueprint(owner, { name: 'Short lived', visibility: 'public', publish: true });
    await owner.agent
      .delete(`/api/v1/blueprints/${created.id}`)
      .set({ ...owner.writeHeaders, 'If-Match': '"r999"' })
      .expect(412);
    await owner.agent.delete(`/api/v1/blueprints/${created.id}`).set(owner.writeHeaders).expect(204);
    await owner.agent.get(`/api/v1/blueprints/${created.id}`).expect(404);
    await testApp.http.get(`/api/v1/blueprints/${created.id}/raw`).expect(404);
    const tombstone = await prisma.blueprint.findUniqueOrThrow({ where: { id: created.id } });
    expect(tombstone).toMatchObject({ deletedAt: expect.any(Date), listed: false, publishedVersion: null });
    expect(await prisma.blueprintVersion.count({ where: { blueprintId: created.id } })).toBe(0);
    expect((await createBlueprint(owner, { name: 'Short lived' })).slug).toBe('short-lived');
  });

  it('strips invisible characters as a new version in one action', async () => {
    const hidden = `${SAMPLE_RULE}Be nice.\u200B\u202E\u{E0049}\u{E0047}\n`;
    const created = await createBlueprint(owner, { content: hidden });
    expect((created.findings as Array<{ category: string }>).some((f) => f.category === 'hidden-instruction')).toBe(
      true,
    );
    const stripped = await owner.agent
      .post(`/api/v1/blueprints/${created.id}/strip-invisible`)
      .set(owner.writeHeaders)
      .expect(200);
    expect(stripped.body).toMatchObject({ version: 2, content: `${SAMPLE_RULE}Be nice.\n` });
    const again = await owner.agent
      .post(`/api/v1/blueprints/${created.id}/strip-invisible`)
      .set(owner.writeHeaders)
      .expect(422);
    expect(again.body.error.code).toBe('NOTHING_TO_STRIP');
  });

  it('imports a Cursor rule file with its frontmatter and exports it for Copilot', async () => {
    const imported = await owner.agent
      .post('/api/v1/blueprints/import')
      .set(owner.writeHeaders)
      .send({ path: '.cursor/rules/typescript-style.mdc', content: SAMPLE_RULE, visibility: 'public', publish: true })
      .expect(201);
    expect(imported.body).toMatchObject({
      format: 'cursor-rules',
      kind: 'rules',
      name: 'typescript-style',
      description: 'TypeScript conventions for the web app',
    });
    const exported = await testApp.http
      .get(`/api/v1/blueprints/${imported.body.id as string}/export?format=copilot-instructions`)
      .expect(200);
    expect(exported.headers['content-disposition']).toContain('.instructions.md');
    expect(exported.text).toMatch(/^---\n/);
    expect(exported.text).toMatch(/applyTo: ['"]?src\/\*\*\/\*\.ts, ?src\/\*\*\/\*\.tsx['"]?\n/);
    expect(exported.text).toContain('# TypeScript conventions');
    expect(exported.text).not.toContain('globs:');
  });
});
